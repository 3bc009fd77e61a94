"""A backup round-trips: dump the database and the private files, restore them into a fresh
database and an empty folder, and find the same rows and the same files (on PostgreSQL with
pg_dump, on SQLite with its online backup)."""

import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from backups.archive import read_manifest, row_counts
from meetings.models import Communique, CommuniqueTransition
from regions.models import Person

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump and pg_restore: PostgreSQL only.")


@pytest.fixture
def sqlite_only():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's own backup: SQLite only.")


MINUTES = "private/minutes/2024/محضر-المؤتمر.pdf"
MINUTES_BYTES = b"%PDF-1.4 minutes \x00\x01"


def backup_of_some_content(settings, tmp_path, publisher):
    """A communiqué with a step, a person and a minutes file, backed up; the archive's path."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    minutes = tmp_path / MINUTES
    minutes.parent.mkdir(parents=True)
    minutes.write_bytes(MINUTES_BYTES)
    communique = Communique.objects.create(title_ar="بلاغ", body_ar="نص البلاغ", slug="b")
    CommuniqueTransition.objects.create(communique=communique, to_status="draft", actor=publisher)
    Person.objects.create(name_ar="سعيد")
    call_command("backup", directory=tmp_path / "archives")
    [archive] = (tmp_path / "archives").glob("bureau-*.tar.gz")
    manifest = read_manifest(archive)
    assert manifest["rows"] == row_counts()
    assert manifest["rows"]["meetings.Communique"] == 1
    with tarfile.open(archive) as tar:
        assert MINUTES in tar.getnames()
    return archive


def assert_restored(result, private_root):
    assert result.returncode == 0, result.stderr
    assert "row counts match" in result.stdout
    assert (private_root / MINUTES.removeprefix("private/")).read_bytes() == MINUTES_BYTES


def restore(settings, archive, database_url, private_root):
    """`manage.py restore_backup` in its own process, as an operator runs it."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": database_url,
        "PRIVATE_MEDIA_ROOT": str(private_root),
    }
    return subprocess.run(
        [sys.executable, "manage.py", "restore_backup", str(archive)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture
def fresh_database():
    """An empty database beside the test database, dropped afterwards."""
    params = connection.settings_dict
    name = f"{params['NAME']}_restore"
    admin = psycopg.connect(
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.mark.usefixtures("postgres_only")
def test_backup_and_restore_round_trip(tmp_path, settings, fresh_database, publisher):
    archive = backup_of_some_content(settings, tmp_path, publisher)

    params = connection.settings_dict
    restored_private = tmp_path / "restored-private"
    url = f"postgres://{params['USER']}@{params['HOST']}:{params['PORT']}/{fresh_database}"
    assert_restored(restore(settings, archive, url, restored_private), restored_private)
    with psycopg.connect(
        host=params["HOST"], port=params["PORT"], user=params["USER"], dbname=fresh_database
    ) as restored_db:
        titles = restored_db.execute("SELECT title_ar FROM meetings_communique").fetchall()
    assert titles == [("بلاغ",)]

    # A second restore into the same, now full, database is refused and changes nothing.
    again = restore(settings, archive, url, tmp_path / "other-private")
    assert again.returncode != 0
    assert "not empty" in again.stderr


@pytest.mark.usefixtures("sqlite_only")
def test_backup_and_restore_round_trip_on_sqlite(tmp_path, settings, publisher):
    archive = backup_of_some_content(settings, tmp_path, publisher)
    manifest = read_manifest(archive)
    with tarfile.open(archive) as tar:
        assert "database.sqlite3" in tar.getnames()

    restored_db, restored_private = tmp_path / "restored.sqlite3", tmp_path / "restored-private"
    result = restore(settings, archive, f"sqlite:///{restored_db}", restored_private)
    assert_restored(result, restored_private)
    with sqlite3.connect(restored_db) as db:
        assert db.execute("SELECT title_ar FROM meetings_communique").fetchall() == [("بلاغ",)]
    db.close()
    # Again into the now full database: refused, nothing changed.
    again = restore(settings, archive, f"sqlite:///{restored_db}", tmp_path / "other-private")
    assert again.returncode != 0 and "not empty" in again.stderr
    # A PostgreSQL dump is not restored into SQLite (nor the other way).
    manifest["engine"] = "django.db.backends.postgresql"
    with tarfile.open(archive) as tar, tarfile.open(tmp_path / "pg.tar.gz", "w:gz") as forged:
        for member in tar.getmembers():
            if member.name == "manifest.json":
                data = json.dumps(manifest).encode()
                member.size = len(data)
                forged.addfile(member, io.BytesIO(data))
            else:
                forged.addfile(member, tar.extractfile(member))
    empty = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    wrong = restore(settings, tmp_path / "pg.tar.gz", empty, tmp_path / "p")
    assert wrong.returncode != 0 and "restore it into PostgreSQL" in wrong.stderr


def test_backup_refuses_other_databases_clearly(settings, tmp_path, monkeypatch):
    monkeypatch.setitem(
        settings.DATABASES,
        "default",
        {**settings.DATABASES["default"], "ENGINE": "django.db.backends.mysql"},
    )
    with pytest.raises(CommandError, match="PostgreSQL or SQLite"):
        call_command("backup", directory=tmp_path)
