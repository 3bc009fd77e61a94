"""Trigram indexes for the admin's search box on communiqués (docs/performance.md, admin
changelists): Django's `icontains` is `UPPER(column) LIKE UPPER('%term%')`, which a GIN
trigram index on `UPPER(column)` serves. PostgreSQL only (pg_trgm comes with 0007)."""

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations


class AddPostgresIndex(migrations.AddIndex):
    """An index that only PostgreSQL can build (GIN, GiST): nothing on other databases."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def trigrams(field):
    return AddPostgresIndex(
        model_name="communique",
        index=django.contrib.postgres.indexes.GinIndex(
            django.contrib.postgres.indexes.OpClass(
                django.db.models.functions.text.Upper(field), name="gin_trgm_ops"
            ),
            name=f"communique_{field}_trgm",
        ),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0015_meeting_newest_first_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [trigrams("title_ar"), trigrams("title_fr"), trigrams("slug")]
