"""The search's tsvector columns are kept in the communiqué's row, not in its TOAST table
(docs/search.md, «The index»).

The search walks the newest communiqués and tests each one's tsvector: read from the TOAST
table, every row cost three more page reads than the row itself. With `STORAGE MAIN` the long
texts are moved out of the row first, and the tsvectors only if the row cannot fit in a page.
PostgreSQL only; the rows already there are written again, so that their generated columns are
stored under the new rule.
"""

from django.db import migrations

COLUMNS = ("search_document", "search_title_document")
BATCH = 2000  # rows written again per statement, each well within the statement timeout


def storage(rule):
    columns = ", ".join(f"ALTER COLUMN {column} SET STORAGE {rule}" for column in COLUMNS)
    return f"ALTER TABLE meetings_communique {columns}"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(storage("MAIN"))
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT min(id), max(id) FROM meetings_communique")
            low, high = cursor.fetchone()
            for start in range(low or 0, (high or -1) + 1, BATCH):
                cursor.execute(
                    "UPDATE meetings_communique SET search_title = search_title"
                    " WHERE id >= %s AND id < %s",
                    [start, start + BATCH],
                )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(storage("EXTENDED"))


class Migration(migrations.Migration):
    dependencies = [("meetings", "0011_summary_plain_text_with_help")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
