"""A backup round-trips: dump the database and the private files, restore them into a fresh
database and an empty folder, and find the same rows and the same files (PostgreSQL only)."""

import os
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


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Backups are made with pg_dump: PostgreSQL only.")


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


def test_backup_and_restore_round_trip(tmp_path, settings, fresh_database, publisher):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    minutes = settings.PRIVATE_MEDIA_ROOT / "minutes" / "2024"
    minutes.mkdir(parents=True)
    (minutes / "محضر-المؤتمر.pdf").write_bytes(b"%PDF-1.4 minutes \x00\x01")
    communique = Communique.objects.create(title_ar="بلاغ", body_ar="نص البلاغ", slug="b")
    CommuniqueTransition.objects.create(communique=communique, to_status="draft", actor=publisher)
    Person.objects.create(name_ar="سعيد")

    call_command("backup", directory=tmp_path / "archives")
    [archive] = (tmp_path / "archives").glob("bureau-*.tar.gz")
    manifest = read_manifest(archive)
    assert manifest["rows"] == row_counts()
    assert manifest["rows"]["meetings.Communique"] == 1
    with tarfile.open(archive) as tar:
        assert "private/minutes/2024/محضر-المؤتمر.pdf" in tar.getnames()

    params = connection.settings_dict
    restored_private = tmp_path / "restored-private"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": (
            f"postgres://{params['USER']}@{params['HOST']}:{params['PORT']}/{fresh_database}"
        ),
        "PRIVATE_MEDIA_ROOT": str(restored_private),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "restore_backup", str(archive)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "row counts match" in result.stdout
    restored = restored_private / "minutes" / "2024" / "محضر-المؤتمر.pdf"
    assert restored.read_bytes() == b"%PDF-1.4 minutes \x00\x01"
    with psycopg.connect(
        host=params["HOST"], port=params["PORT"], user=params["USER"], dbname=fresh_database
    ) as restored_db:
        titles = restored_db.execute("SELECT title_ar FROM meetings_communique").fetchall()
    assert titles == [("بلاغ",)]

    # A second restore into the same, now full, database is refused and changes nothing.
    again = subprocess.run(
        [sys.executable, "manage.py", "restore_backup", str(archive)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert again.returncode != 0
    assert "not empty" in again.stderr


def test_backup_refuses_sqlite_clearly(settings, tmp_path, monkeypatch):
    monkeypatch.setitem(
        settings.DATABASES, "default", {**settings.DATABASES["default"], "ENGINE": "sqlite"}
    )
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("backup", directory=tmp_path)
