"""The search's vocabulary (see docs/search.md)."""

from django.contrib.postgres.indexes import GistIndex, OpClass
from django.db import models


class SearchWord(models.Model):
    """Every key the search index holds, once: where a misspelt query finds its nearest
    spelling by trigram distance (PostgreSQL). Keys of deleted texts stay: a suggestion is only
    made from the communiqués a reader finds with it."""

    key = models.CharField(max_length=100, primary_key=True)

    class Meta:
        indexes = [GistIndex(OpClass("key", name="gist_trgm_ops"), name="searchword_trigrams")]

    def __str__(self):
        return self.key

    @classmethod
    def remember(cls, *texts: str) -> None:
        keys = {key[:100] for text in texts for key in text.split()}
        cls.objects.bulk_create([cls(key=key) for key in keys], ignore_conflicts=True)
