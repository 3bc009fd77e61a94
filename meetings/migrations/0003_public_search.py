"""Arabic full-text search on PostgreSQL (docs/arabic.md); nothing to do on SQLite.

A normalising SQL function (the same folding as public.search.normalize), a stored generated
tsvector of the Arabic title (weight A) and body (weight B) under both the stemming `arabic`
and the exact-word `simple` configurations, plus every word without its leading conjunction,
preposition and article (weight D, so that «انصهار» finds «وانصهار», which neither configuration
does), and a GIN index on it. The column is unknown to the model: only public.search reads it.
Also a partial index that serves the public lists newest first (Communique.objects.public()).
"""

from django.db import migrations

FUNCTION = r"""
CREATE OR REPLACE FUNCTION ar_normalize(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT lower(translate(regexp_replace(t, '[\u064B-\u065F\u0670\u0640]', '', 'g'),
                         'أإآٱىةؤئ', 'اااايهوي'))
$$;
CREATE OR REPLACE FUNCTION ar_strip_proclitics(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT regexp_replace(
    t, '(^|[^\u0621-\u064Aa-z0-9])(و|ف)?(ب|ك|ل)?(ال)?([\u0621-\u064Aa-z0-9]{3,})', '\1\5', 'g'
  )
$$;
"""

DOCUMENT = """
  setweight(to_tsvector('arabic'::regconfig, ar_normalize(coalesce(title_ar, ''))), 'A')
  || setweight(to_tsvector('simple'::regconfig, ar_normalize(coalesce(title_ar, ''))), 'A')
  || setweight(to_tsvector('arabic'::regconfig, ar_normalize(coalesce(body_ar, ''))), 'B')
  || setweight(to_tsvector('simple'::regconfig, ar_normalize(coalesce(body_ar, ''))), 'B')
  || setweight(to_tsvector('simple'::regconfig,
       ar_strip_proclitics(ar_normalize(coalesce(title_ar, '') || ' ' || coalesce(body_ar, '')))
     ), 'D')
"""

FORWARD = [
    FUNCTION,
    f"ALTER TABLE meetings_communique ADD COLUMN search_document tsvector "
    f"GENERATED ALWAYS AS ({DOCUMENT}) STORED;",
    "CREATE INDEX meetings_communique_search_gin ON meetings_communique "
    "USING gin (search_document);",
    # The public lists (home, feeds, archive) read the newest public communiqués first.
    "CREATE INDEX meetings_communique_public_newest ON meetings_communique "
    "(published_at DESC, created_at DESC) WHERE status IN ('published', 'scheduled');",
]
BACKWARD = [
    "DROP INDEX IF EXISTS meetings_communique_public_newest;",
    "DROP INDEX IF EXISTS meetings_communique_search_gin;",
    "ALTER TABLE meetings_communique DROP COLUMN IF EXISTS search_document;",
    "DROP FUNCTION IF EXISTS ar_strip_proclitics(text);",
    "DROP FUNCTION IF EXISTS ar_normalize(text);",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0002_roles")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
