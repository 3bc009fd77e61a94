import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_settings(code="", **env):
    """Import the settings in a fresh interpreter with exactly these variables, then run code."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "SECURE_SSL_REDIRECT"}
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="bureau.settings")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
    )


def test_the_site_refuses_to_start_without_secret_key_when_debug_is_off():
    result = run_settings("import bureau.wsgi", DEBUG="0")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_settings_start_with_a_secret_key():
    assert run_settings(DEBUG="0", SECRET_KEY="x" * 50).returncode == 0


def test_debug_is_off_unless_set_and_production_security_is_on():
    result = run_settings(
        "from django.conf import settings\n"
        "print(settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT)",
        SECRET_KEY="x" * 50,
    )
    assert result.stdout.split() == ["False", "True", "True"], result.stderr


def test_development_runs_without_a_secret_key():
    assert run_settings(DEBUG="1").returncode == 0


def test_arabic_is_the_default_language(settings):
    assert settings.LANGUAGE_CODE == "ar"
    assert [code for code, _ in settings.LANGUAGES] == ["ar", "fr", "en"]
    assert settings.TIME_ZONE == "Africa/Casablanca"


def test_migrations_can_be_checked_without_a_secret_key():
    """A command that signs nothing needs no secret: `makemigrations --check` on a new clone."""
    clean = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "bureau.settings"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_the_replica_keeps_its_own_address_and_gets_the_primarys_time_limits():
    result = run_settings(
        "from django.conf import settings\n"
        "replica = settings.DATABASES['replica']['OPTIONS']\n"
        "print(replica['port'], 'statement_timeout' in replica['options'])",
        DEBUG="1",
        DATABASE_URL="postgres://postgres@/bureau?host=/tmp/pg&port=5451",
        DATABASE_REPLICA_URL="postgres://postgres@/bureau?host=/tmp/pg&port=5452",
    )
    assert result.stdout.split() == ["5452", "True"], result.stderr


def test_postgresql_prepares_statements_on_both_databases_unless_turned_off():
    show = (
        "from django.conf import settings\n"
        "print(*(settings.DATABASES[alias]['OPTIONS'].get('prepare_threshold')"
        " for alias in ('default', 'replica')))"
    )
    databases = {
        "DATABASE_URL": "postgres://postgres@/bureau?host=/tmp/pg&port=5451",
        "DATABASE_REPLICA_URL": "postgres://postgres@/bureau?host=/tmp/pg&port=5452",
    }
    prepared = run_settings(show, DEBUG="1", **databases)
    assert prepared.stdout.split() == ["5", "5"], prepared.stderr
    off = run_settings(show, DEBUG="1", DB_PREPARED_STATEMENTS="0", **databases)
    assert off.stdout.split() == ["None", "None"], off.stderr
