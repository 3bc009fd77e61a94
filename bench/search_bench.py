"""The search's benchmark (run by bench/search, which prepares the database).

`recall`: the retrieval set (tests/public/retrieval.py) against the communiqués in the database,
with Bureau's search and with a peer built the way the Lucene family analyses Arabic (its
normaliser, Larkey's light10 stemmer, stopwords, BM25 over title and body, any word may match).
`timing`: what the search page asks PostgreSQL (the count and the first page of results, or the
near spellings when nothing matches) for every query of the set and a few very common words,
timed one after the other with no page cache; p50 and p99, beside the same measure for the
cheapest page query (one communiqué by its primary key) as a floor.
"""

import math
import os
import random
import re
import statistics
import sys
import time
from collections import Counter

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bureau.settings")
django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.utils import timezone  # noqa: E402

from meetings.models import Communique  # noqa: E402
from public.search import near_misses, parse_query, search_readable  # noqa: E402
from public.views import readable  # noqa: E402
from tests.public.retrieval import MISSPELT, QUERIES, evaluate  # noqa: E402


def say(line: str) -> None:
    """A line of the report (a benchmark prints; the project's lint keeps print out)."""
    sys.stdout.write(line + "\n")


COMMON = ["بلاغ", "المكتب السياسي", "الحزب", "اجتماع", "الجهوية", "جهة"]


# The peer: Lucene's Arabic analysis and BM25 --------------------------------------------------

_HARAKAT = re.compile("[\u064b-\u0652\u0640]")
_PEER_PREFIXES = ("ال", "وال", "بال", "كال", "فال", "لل", "و")
_PEER_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي")
_PEER_STOPWORDS = set(
    "في من على إلى الى عن مع حول ضد عند لدى بين خلال منذ قبل بعد ثم أو لا لم لن ما هذا هذه "
    "ذلك تلك الذي التي الذين كل بعض غير قد كما أن إن كان كانت هو هي هم نحن".split()
)


def peer_analyse(text):
    tokens = []
    for word in re.findall(r"\w+", text.lower()):
        if word in _PEER_STOPWORDS:
            continue
        word = _HARAKAT.sub("", word)
        word = word.translate(str.maketrans("آأإى", "اااي")).replace("ة", "ه")
        for prefix in _PEER_PREFIXES:  # the first prefix that leaves enough letters
            if word.startswith(prefix) and (
                len(word) >= 4 if len(prefix) == 1 else len(word) >= len(prefix) + 2
            ):
                word = word[len(prefix) :]
                break
        for suffix in _PEER_SUFFIXES:  # each suffix in turn
            if word.endswith(suffix) and len(word) >= len(suffix) + 2:
                word = word[: -len(suffix)]
        tokens.append(word)
    return tokens


class Peer:
    def __init__(self, communiques, k1=1.2, b=0.75):
        self.slugs, self.docs = [], []
        for slug, title, body in communiques:
            self.slugs.append(slug)
            self.docs.append(Counter(peer_analyse(f"{title} {body}")))
        self.lengths = [sum(d.values()) for d in self.docs]
        self.average = sum(self.lengths) / len(self.lengths)
        self.frequency = Counter(term for d in self.docs for term in d)
        self.k1, self.b = k1, b

    def top(self, query, depth=10):
        terms = peer_analyse(query)
        n = len(self.docs)
        scores = []
        for i, doc in enumerate(self.docs):
            score = 0.0
            for term in terms:
                tf = doc.get(term)
                if tf:
                    df = self.frequency[term]
                    idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
                    norm = self.k1 * (1 - self.b + self.b * self.lengths[i] / self.average)
                    score += idf * tf * (self.k1 + 1) / (tf + norm)
            if score:
                scores.append((score, i))
        scores.sort(reverse=True)
        return [self.slugs[i] for _score, i in scores[:depth]]


def peer_recall(queries):
    rows = readable().values_list("slug", "title_ar", "body_ar")
    peer = Peer(rows)
    found = [(q, slug, allowed, peer.top(q)) for q, slug, allowed in queries]
    ranks = [top.index(slug) + 1 if slug in top else None for _q, slug, _a, top in found]
    return {
        "recall@1": sum(1 for r in ranks if r == 1) / len(ranks),
        "recall@10": sum(1 for r in ranks if r) / len(ranks),
    }


def recall():
    total = readable().count()
    queries = QUERIES + MISSPELT
    ours = evaluate(readable(), queries)
    theirs = peer_recall(queries)
    say(f"== recall over {total} public communiqués, {len(queries)} queries")
    say(f"{'':36} {'recall@1':>9} {'recall@10':>10}")
    say(f"{'Bureau':36} {ours['recall@1']:9.3f} {ours['recall@10']:10.3f}")
    peer = "peer (light10 + BM25, any word)"
    say(f"{peer:36} {theirs['recall@1']:9.3f} {theirs['recall@10']:10.3f}")
    for query, slug, allowed, rank in ours["misses"]:
        say(f"  miss: {query!r} → {slug} at {rank} (allowed {allowed})")


# Timing -------------------------------------------------------------------------------------


def search_page_queries(text):
    """What the search page asks the database for one query (the page cache left aside)."""
    query = parse_query(text)
    found = search_readable(query, timezone.now())
    if found.count():
        list(found[:10])
    else:
        near_misses(readable(), query)


def percentiles(samples):
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def timing(rounds=5):
    total = readable().count()
    texts = [q for q, _slug, _a in QUERIES + MISSPELT] + COMMON
    work = texts * rounds
    random.Random(1).shuffle(work)
    for text in texts:  # once each first: connections and plans warm, as in a running site
        search_page_queries(text)
    samples, queries = [], 0
    for text in work:
        reset_queries()
        started = time.perf_counter()
        search_page_queries(text)
        samples.append((time.perf_counter() - started) * 1000)
        queries = max(queries, len(connection.queries))
    ids = list(Communique.objects.values_list("pk", flat=True)[:500])
    floor = []
    for pk in ids:
        started = time.perf_counter()
        Communique.objects.filter(pk=pk).first()
        floor.append((time.perf_counter() - started) * 1000)
    p50, p99 = percentiles(samples)
    f50, f99 = percentiles(floor)
    say(f"== search timing over {total} public communiqués ({connection.vendor}), no page cache")
    say(f"{len(work)} searches of {len(texts)} queries; at most {queries} SQL queries each")
    say(f"{'':34} {'p50 ms':>8} {'p99 ms':>8}")
    say(f"{'search (count + first page)':34} {p50:8.2f} {p99:8.2f}")
    say(f"{'floor: one communiqué by pk':34} {f50:8.2f} {f99:8.2f}")
    say(f"p99 is {p99 / 30:.2f} of the 30 ms aim; p50 is {p50 / f50:.1f} × the floor's p50")
    slowest = sorted(zip(samples, work, strict=True), reverse=True)[:5]
    say("slowest: " + "; ".join(f"{t!r} {ms:.1f} ms" for ms, t in slowest))


if __name__ == "__main__":
    connection.force_debug_cursor = True  # count the SQL queries
    {"recall": recall, "timing": timing}[sys.argv[1]]()
