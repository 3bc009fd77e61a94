"""Rebuild the search index of every communiqué, after a change to the normaliser, its lexicon
or the place names (docs/search.md)."""

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from meetings import search_index
from meetings.models import Communique, SearchWord

BATCH = 1000


class Command(BaseCommand):
    help = "Recompute the search keys of every communiqué and the search vocabulary."

    def handle(self, *args, **options):
        done = 0
        with transaction.atomic():
            SearchWord.objects.all().delete()
            communiques = Communique.objects.only("pk", "title_ar", "body_ar").order_by("pk")
            batch = []
            for communique in communiques.iterator(chunk_size=BATCH):
                for name, value in search_index.document(
                    communique.title_ar, communique.body_ar
                ).items():
                    setattr(communique, name, value)
                batch.append(communique)
                if len(batch) == BATCH:
                    done += self.save(batch)
                    batch = []
            done += self.save(batch)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # Fresh statistics, so that the planner uses the GIN index at once.
                cursor.execute("ANALYZE meetings_communique, meetings_searchword")
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt for {done} communiqués."))

    def save(self, batch):
        Communique.objects.bulk_update(batch, ["search_title", "search_body"])
        SearchWord.remember(*(text for c in batch for text in (c.search_title, c.search_body)))
        return len(batch)
