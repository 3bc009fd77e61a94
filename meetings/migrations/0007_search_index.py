"""The search index declared on the model (meetings.search_index, docs/search.md).

Replaces the column, functions and GIN index that 0003 added by raw SQL: the communiqué now
stores the normalised keys of its Arabic title (with the places it names) and body, and a
generated column over them (a weighted tsvector on PostgreSQL). The GIN index on it and the
trigram index of the vocabulary exist on PostgreSQL only, with the extensions they and the
French search (unaccent) need. Existing communiqués are indexed here.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations, models

import meetings.search_index

DROP_0003 = [
    "DROP INDEX IF EXISTS meetings_communique_search_gin;",
    "ALTER TABLE meetings_communique DROP COLUMN IF EXISTS search_document;",
    "DROP FUNCTION IF EXISTS ar_strip_proclitics(text);",
    "DROP FUNCTION IF EXISTS ar_normalize(text);",
]


class AddPostgresIndex(migrations.AddIndex):
    """An index that only PostgreSQL can build (GIN, GiST): nothing on other databases."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def drop_0003(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP_0003:
            schema_editor.execute(statement)


def index_existing(apps, schema_editor):
    Communique = apps.get_model("meetings", "Communique")
    SearchWord = apps.get_model("meetings", "SearchWord")
    for communique in Communique.objects.only("pk", "title_ar", "body_ar").iterator():
        fields = meetings.search_index.document(communique.title_ar, communique.body_ar)
        Communique.objects.filter(pk=communique.pk).update(**fields)
        keys = {k[:100] for text in fields.values() for k in text.split()}
        SearchWord.objects.bulk_create([SearchWord(key=k) for k in keys], ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0006_communique_related_ids"), ("regions", "0002_load_regions_and_provinces")]

    operations = [
        TrigramExtension(),
        UnaccentExtension(),
        migrations.RunPython(drop_0003, migrations.RunPython.noop, elidable=False),
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("key", models.CharField(max_length=100, primary_key=True, serialize=False)),
            ],
        ),
        migrations.AddField(
            model_name="communique",
            name="search_body",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="communique",
            name="search_title",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="communique",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=meetings.search_index.SearchDocument(),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddField(
            model_name="communique",
            name="search_title_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=meetings.search_index.SearchDocument(body=None),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        AddPostgresIndex(
            model_name="communique",
            index=django.contrib.postgres.indexes.GinIndex(
                fastupdate=False, fields=["search_document"], name="communique_search"
            ),
        ),
        AddPostgresIndex(
            model_name="searchword",
            index=django.contrib.postgres.indexes.GistIndex(
                django.contrib.postgres.indexes.OpClass("key", name="gist_trgm_ops"),
                name="searchword_trigrams",
            ),
        ),
        migrations.RunPython(index_existing, migrations.RunPython.noop, elidable=False),
    ]
