"""A backup is one dated .tar.gz: the database (`database.dump`, pg_dump's custom format, or
`database.sqlite3`, a copy made by SQLite's online backup), the private files under `private/`
(congress minutes), and `manifest.json` (when, which database, row counts). See
docs/backup.md."""

import datetime
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connections, transaction

DUMP_NAME = "database.dump"
SQLITE_NAME = "database.sqlite3"
MANIFEST_NAME = "manifest.json"
PRIVATE_DIR = "private"


class BackupError(Exception):
    pass


POSTGRESQL = "django.db.backends.postgresql"
SQLITE = "django.db.backends.sqlite3"


def _database(alias: str) -> dict:
    database = settings.DATABASES[alias]
    if database["ENGINE"] not in (POSTGRESQL, SQLITE):
        raise BackupError("Backups are made of a PostgreSQL or SQLite database (DATABASE_URL).")
    return database


def _client_env(database: dict) -> tuple[list[str], dict]:
    """pg_dump/pg_restore connection arguments, and an environment with the password."""
    args = ["--dbname", database["NAME"], "--no-password"]
    if database.get("HOST"):
        args += ["--host", database["HOST"]]
    if database.get("PORT"):
        args += ["--port", str(database["PORT"])]
    if database.get("USER"):
        args += ["--username", database["USER"]]
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    return args, env


def _models():
    return [model for model in apps.get_models() if model._meta.managed and not model._meta.proxy]


def row_counts(alias: str = "default") -> dict[str, int]:
    """Rows of every model table: what a restore must give back."""
    return {model._meta.label: model._base_manager.using(alias).count() for model in _models()}


def _run(command: list[str], env: dict, **kwargs):
    result = subprocess.run(command, env=env, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def create_backup(directory: Path, *, alias: str = "default", now=None) -> Path:
    """Write bureau-<YYYY-MM-DD-HHMMSS>.tar.gz in ``directory``; return its path."""
    database = _database(alias)
    now = now or datetime.datetime.now(datetime.UTC)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"bureau-{now:%Y-%m-%d-%H%M%S}.tar.gz"
    private_root = Path(settings.PRIVATE_MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work:
        if database["ENGINE"] == POSTGRESQL:
            dump, rows = _dump_postgres(alias, database, Path(work))
        else:
            dump, rows = _copy_sqlite(alias, Path(work))
        manifest = {
            "created": now.isoformat(),
            "database": str(database["NAME"]),
            "engine": database["ENGINE"],
            "rows": rows,
        }
        partial = target.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(dump, arcname=dump.name)
            if private_root.is_dir():
                archive.add(private_root, arcname=PRIVATE_DIR)
            data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST_NAME)
            info.size, info.mtime = len(data), int(now.timestamp())
            archive.addfile(info, io.BytesIO(data))
        partial.rename(target)  # a half-written archive never carries the final name
    return target


def _dump_postgres(alias: str, database: dict, work: Path) -> tuple[Path, dict]:
    dump = work / DUMP_NAME
    args, env = _client_env(database)
    with transaction.atomic(using=alias):
        # The counts and pg_dump read one snapshot, so the manifest describes the dump exactly
        # even while the site is writing.
        with connections[alias].cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        rows = row_counts(alias)
        _run(
            ["pg_dump", "--format=custom", "--no-owner", f"--snapshot={snapshot}"]
            + ["--file", str(dump), *args],
            env,
        )
    return dump, rows


def _copy_sqlite(alias: str, work: Path) -> tuple[Path, dict]:
    """SQLite's online backup copies a consistent database while the site runs; the counts are
    read from the copy, so the manifest describes it exactly."""
    copy = work / SQLITE_NAME
    connection = connections[alias]
    connection.ensure_connection()
    with sqlite3.connect(copy) as target:
        connection.connection.backup(target)
        rows = {
            model._meta.label: target.execute(
                f'SELECT COUNT(*) FROM "{model._meta.db_table}"'
            ).fetchone()[0]
            for model in _models()
        }
    target.close()
    return copy, rows


def read_manifest(path: Path) -> dict:
    with tarfile.open(path, "r:gz") as archive:
        return json.load(archive.extractfile(MANIFEST_NAME))


def restore_backup(path: Path, *, alias: str = "default") -> dict:
    """Restore ``path`` into the (empty) database ``alias`` and PRIVATE_MEDIA_ROOT; return the
    manifest. Refuses a database that already has tables, a private folder with files, and an
    archive of the other kind of database."""
    database = _database(alias)
    private_root = Path(settings.PRIVATE_MEDIA_ROOT)
    with connections[alias].cursor() as cursor:
        if connections[alias].introspection.table_names(cursor):
            raise BackupError(
                f"The database {str(database['NAME'])!r} is not empty: restore into a new one."
            )
    if private_root.is_dir() and any(private_root.iterdir()):
        raise BackupError(f"{private_root} is not empty: restore into an empty folder.")
    with tempfile.TemporaryDirectory() as work, tarfile.open(path, "r:gz") as archive:
        archive.extractall(work, filter="data")
        manifest = json.loads((Path(work) / MANIFEST_NAME).read_text())
        engine = manifest.get("engine", POSTGRESQL)  # archives made before SQLite had none
        if engine != database["ENGINE"]:
            kind = "PostgreSQL" if engine == POSTGRESQL else "SQLite"
            raise BackupError(f"This archive holds a {kind} database: restore it into {kind}.")
        if engine == POSTGRESQL:
            connections[alias].close()
            args, env = _client_env(database)
            _run(
                ["pg_restore", "--no-owner", "--exit-on-error", "--single-transaction", *args]
                + [str(Path(work) / DUMP_NAME)],
                env,
            )
        else:
            connection = connections[alias]
            connection.ensure_connection()
            with sqlite3.connect(Path(work) / SQLITE_NAME) as source:
                source.backup(connection.connection)
            source.close()
        extracted = Path(work) / PRIVATE_DIR
        if extracted.is_dir():
            private_root.mkdir(parents=True, exist_ok=True)
            shutil.copytree(extracted, private_root, dirs_exist_ok=True)
        return manifest
