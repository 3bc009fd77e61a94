"""Search as an Arabic reader expects it, through HTTP, on SQLite and on PostgreSQL alike."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from common.normalise import fold
from meetings.models import Communique
from public.search import matching, parse_query, search, search_readable, term
from public.views import readable
from regions import places

pytestmark = pytest.mark.django_db


def found(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("أحمد", "احمد"),  # hamza above
        ("إقليم", "اقليم"),  # hamza below
        ("آسفي", "اسفي"),  # madda
        ("اقليم", "إقليم"),  # the other way round
        ("مدرسة", "مدرسه"),  # taa marbuta typed as haa
        ("مدرسه", "مدرسة"),
        ("مستشفى", "مستشفي"),  # alef maqsura typed as yaa
        ("مستشفي", "مستشفى"),
        ("الجهـــوية", "الجهوية"),  # tatweel in the text
        ("الجهوية", "الجهـوية"),  # tatweel in the query
        ("الجِهَوِيَّة", "الجهوية"),  # diacritics in the text
        ("الجهوية", "الجِهَوِيَّة"),  # diacritics in the query
    ],
)
def test_search_folds_arabic_spelling_variants(client, make_communique, stored, typed):
    make_communique(title="بلاغ للبحث", body=f"تطرق الاجتماع إلى {stored} بتفصيل.")
    make_communique(title="بلاغ آخر", body="لا علاقة له بالموضوع.")
    html = found(client, typed)
    assert "بلاغ للبحث" in html
    assert "بلاغ آخر" not in html


@pytest.mark.parametrize(
    ("stored", "typed"),
    [("المؤتمرات الجهوية", "مؤتمر"), ("مؤتمر", "المؤتمرات"), ("خطة «تجدر وانصهار»", "انصهار")],
)
def test_search_matches_stems(client, make_communique, stored, typed):
    make_communique(title="بلاغ للبحث", body=f"قيم المكتب السياسي {stored}.")
    assert "بلاغ للبحث" in found(client, typed)


def test_seed_is_found_by_region_and_by_plan_typed_without_hamza(client, seed):
    assert seed.title_ar in found(client, "درعة تافيلالت")
    assert seed.title_ar in found(client, "انصهار")
    assert seed.title_ar in found(client, "درعه تافيلالت")


def test_every_word_must_match(client, make_communique):
    make_communique(title="بلاغ الجهة", body="المؤتمر الجهوي بجهة سوس ماسة.")
    assert "بلاغ الجهة" in found(client, "سوس ماسة")
    assert "بلاغ الجهة" not in found(client, "سوس طنجة")


def test_title_matches_rank_first_and_words_are_highlighted(client, make_communique):
    make_communique(title="بلاغ عام", body="تحدث عن التعليم العمومي بإسهاب.")
    make_communique(title="بلاغ حول التعليم العمومي", body="نص قصير.")
    html = found(client, "التعليم")
    assert html.index("بلاغ حول التعليم العمومي") < html.index("بلاغ عام")
    assert "<mark>التعليم</mark>" in html


def test_unpublished_communiques_are_never_found(client, make_communique):
    make_communique(title="مسودة سرية", body="انصهار", status="draft")
    make_communique(title="بلاغ مسحوب", body="انصهار", status="withdrawn")
    html = found(client, "انصهار")
    assert "مسودة سرية" not in html and "بلاغ مسحوب" not in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "!!! ؟؟؟ ...",
        "ا" * 5000,
        "'; DROP TABLE meetings_communique; --",
        "<script>alert(1)</script>",
        "a & b | !c <-> d:*",
        "\u202eبلاغ",
        "كلمة " * 400,
    ],
)
def test_empty_long_or_hostile_queries_get_a_calm_page(client, make_communique, query):
    make_communique(title="بلاغ عادي")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert len(html) < 20000  # the query is never echoed back at full length


def test_a_nul_character_in_a_query_is_a_calm_400(client):
    response = client.get("/search/", {"q": "x\x00y"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


def test_search_pages_beyond_the_results_are_404(client, make_communique):
    make_communique(title="بلاغ", body="انصهار")
    assert client.get("/search/", {"q": "انصهار", "page": "2"}).status_code == 404
    assert client.get("/search/", {"q": "انصهار", "page": "x"}).status_code == 404


def test_french_search_reads_the_french_text(client, seed):
    response = client.get("/fr/search/", {"q": "Tafilalet"})
    assert seed.title_fr in response.content.decode()


def test_fold_folds_what_the_index_folds():
    assert fold("إِنْصِهَارٌ") == "انصهار"
    assert fold("آسفي ومستشفى المدرسة") == "اسفي ومستشفي المدرسه"
    assert fold("الجهـــوية") == "الجهويه"


def test_parse_query_bounds_and_splits_the_words():
    query = parse_query("  «تجدر   وانصهار»\x00 " + "ب" * 500)
    assert query.words[:2] == ("تجدر", "وانصهار")
    assert len(query.text) <= 200
    assert not parse_query("؟!.,;")


# What readers type (common.normalise, regions.places) ------------------------------------------


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("المؤتمرات الجهوية", "فالمؤتمرات"),  # clitics on the query side
        ("المؤتمرات الجهوية", "وبالمؤتمرات"),
        ("مواصلة التعبئة", "والتعبئة"),
        ("جهة سوس ماسة", "جهات"),  # sound plurals and duals
        ("جهة سوس ماسة", "الجهتين"),
        ("اللقاءات التواصلية", "لقاء تواصلي"),  # broken plural, nisba
        ("مجالس الفروع الإقليمية", "مجلس فرع"),
        ("يوم الثلاثاء 22 شتنبر 2019", "سبتمبر 2019"),  # Mashreq months
        ("يوم الثلاثاء 26 نونبر 2019", "نوفمبر"),
    ],
)
def test_search_meets_clitics_plurals_and_months(client, make_communique, stored, typed):
    make_communique(title="بلاغ للبحث", body=f"تدارس المكتب السياسي {stored}.")
    make_communique(title="بلاغ آخر", body="لا علاقة له بالموضوع.")
    html = found(client, typed)
    assert "بلاغ للبحث" in html
    assert "بلاغ آخر" not in html


@pytest.mark.parametrize("typed", ["Draa Tafilalet", "draa", "Tafilalt", "Drâa-Tafilalet"])
def test_latin_place_names_find_arabic_communiques(client, seed, typed):
    assert seed.title_ar in found(client, typed)


@pytest.mark.parametrize("typed", ["Skhirat", "Skhirate Temara", "Sale", "Youssoufia"])
def test_provinces_in_latin_script(client, make_communique, typed):
    make_communique(
        title="بلاغ اللقاءات", body="اللقاءات التي احتضنتها الصخيرات-تمارة وسلا واليوسفية."
    )
    make_communique(title="بلاغ آخر", body="اللقاءات التي احتضنتها طنجة.")
    html = found(client, typed)
    assert "بلاغ اللقاءات" in html
    assert "بلاغ آخر" not in html


def test_a_place_named_in_the_body_weighs_as_the_title_and_ties_go_to_the_newest(
    client, make_communique
):
    make_communique(title="بلاغ حول الأوضاع بسلا", body="نص قصير عن سلا.")  # older
    make_communique(title="بلاغ المكتب السياسي", body="لقاءات الصخيرات-تمارة وسلا وآسفي.")
    html = found(client, "سلا")
    assert html.index("بلاغ المكتب السياسي") < html.index("بلاغ حول الأوضاع بسلا")


def test_a_word_in_the_title_outranks_the_same_word_in_a_newer_body(client, make_communique):
    make_communique(title="بلاغ حول التعليم العمومي", body="نص قصير.")  # older
    make_communique(title="بلاغ عام", body="تحدث عن التعليم العمومي بإسهاب.")
    html = found(client, "التعليم")
    assert html.index("بلاغ حول التعليم العمومي") < html.index("بلاغ عام")


def test_french_pages_fold_accents(client, seed):
    assert seed.title_fr in client.get("/fr/search/", {"q": "Draa"}).content.decode()
    assert seed.title_fr in client.get("/fr/search/", {"q": "congres reussite"}).content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="French stemming on PostgreSQL")
def test_french_pages_stem_plurals(client, seed):
    assert seed.title_fr in client.get("/fr/search/", {"q": "congres regionaux"}).content.decode()


def test_the_index_follows_a_text_saved_with_update_fields(client, make_communique):
    communique = make_communique(title="بلاغ قديم", body="نص")
    communique.body_ar = "نص جديد عن الانصهار"
    communique.save(update_fields=["body_ar"])
    assert "بلاغ قديم" in found(client, "انصهار")


def test_bulk_loads_are_indexed(client, make_many):
    make_many(3)
    assert "بلاغ رقم 2" in found(client, "الأوضاع العامة")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="near spellings need pg_trgm")
def test_a_near_miss_suggests_the_spelling_the_communiques_use(client, seed):
    html = found(client, "تجذر وانصهار")
    assert "هل تقصد" in html
    assert "?q=%D8%AA%D8%AC%D8%AF%D8%B1" in html  # the link searches «تجدر وانصهار»
    assert "تجدر وانصهار</a>" in html
    assert seed.title_ar in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="near spellings need pg_trgm")
def test_no_suggestion_from_a_communique_readers_cannot_see(client, make_communique):
    make_communique(title="مسودة", body="خطة الانصهار", status="draft")
    html = found(client, "الانصحار")
    assert "هل تقصد" not in html
    assert "مسودة" not in html


def test_a_search_costs_at_most_four_queries_even_with_cold_place_names(
    client, seed, django_assert_max_num_queries
):
    places.forget()
    cache.clear()
    with django_assert_max_num_queries(4):
        assert seed.title_ar in found(client, "Draa Tafilalet")


def test_a_search_that_finds_nothing_costs_at_most_four_queries(
    client, seed, django_assert_max_num_queries
):
    cache.clear()
    with django_assert_max_num_queries(4):
        found(client, "تجذر")


def test_the_ranked_pages_are_the_one_query_ranking_cut_in_pages(make_many):
    """search() ranks ids in one query and reads each page by id (docs/search.md, «How fast»);
    matching(), which «هل تقصد…» uses, ranks the same matches in one query."""
    make_many(30)
    # Some titles hold one word, some both, some neither; the dates mix them up.
    for n, communique in enumerate(Communique.objects.filter(slug__startswith="bulk-")):
        words = ["التعليم" if n % 3 == 0 else "", "الصحة" if n % 4 == 0 else ""]
        communique.title_ar = f"بلاغ {' '.join(words)} رقم {n}"
        communique.body_ar += " عن التعليم والصحة."
        communique.save()
    query = parse_query("التعليم الصحة")
    results = search(readable(), query)
    one_query = matching(readable(), [term(w) for w in query.words], query.words)
    assert results.count() == one_query.count() == 30
    pages = [[c.pk for c in results[start : start + 10]] for start in (0, 10, 20)]
    assert pages == [[c.pk for c in one_query[start : start + 10]] for start in (0, 10, 20)]
    assert "search_document" in results[0:1][0].get_deferred_fields()


@pytest.mark.parametrize(
    "typed",
    [
        "سلا",  # one word, in titles and bodies
        "التعليم العمومي",  # two scoring words
        "جهة سلا",  # a word common in titles, which scores nothing, and one that scores
        "جهة",  # no scoring word: newest first
        "Draa",  # a place typed in Latin script
        "لا يوجد في أي بلاغ",  # nothing matches
    ],
)
def test_the_public_search_ranks_as_the_search_of_the_readable_ones(make_communique, seed, typed):
    make_communique(title="بلاغ حول الأوضاع بسلا", body="نص قصير عن سلا وجهة الرباط.")
    make_communique(title="بلاغ المكتب السياسي", body="لقاءات الصخيرات-تمارة وسلا وآسفي.")
    make_communique(title="بلاغ حول التعليم العمومي", body="نص قصير عن جهة سلا.")
    make_communique(title="بلاغ عام", body="تحدث عن التعليم العمومي بإسهاب في جهة درعة.")
    make_communique(Communique.Status.SCHEDULED, title="بلاغ مقبل", body="سلا والتعليم.")
    query, now = parse_query(typed), timezone.now()
    expected = search(readable(now=now), query).ids()
    assert expected or typed == "لا يوجد في أي بلاغ"
    with CaptureQueriesContext(connection) as queries:
        ranked = search_readable(query, now)
        assert ranked.ids() == expected
        assert ranked.count() == len(expected)
    assert len(queries) == 1  # the ranking, which also counts
    # Again, after the other queries ran: the prepared query takes each one's own words.
    assert search_readable(query, now).ids() == expected
