"""A backup is one dated .tar.gz: `database.dump` (pg_dump's custom format), the private files
under `private/` (congress minutes), and `manifest.json` (when, which database, row counts).
See docs/backup.md."""

import datetime
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connections, transaction

DUMP_NAME = "database.dump"
MANIFEST_NAME = "manifest.json"
PRIVATE_DIR = "private"


class BackupError(Exception):
    pass


def _postgres(alias: str) -> dict:
    database = settings.DATABASES[alias]
    if database["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError("Backups are made of a PostgreSQL database (DATABASE_URL=postgres://…).")
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


def row_counts(alias: str = "default") -> dict[str, int]:
    """Rows of every model table: what a restore must give back."""
    return {
        model._meta.label: model._base_manager.using(alias).count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def _run(command: list[str], env: dict, **kwargs):
    result = subprocess.run(command, env=env, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def create_backup(directory: Path, *, alias: str = "default", now=None) -> Path:
    """Write bureau-<YYYY-MM-DD-HHMMSS>.tar.gz in ``directory``; return its path."""
    database = _postgres(alias)
    now = now or datetime.datetime.now(datetime.UTC)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"bureau-{now:%Y-%m-%d-%H%M%S}.tar.gz"
    args, env = _client_env(database)
    private_root = Path(settings.PRIVATE_MEDIA_ROOT)
    connection = connections[alias]
    with tempfile.TemporaryDirectory() as work, transaction.atomic(using=alias):
        dump = Path(work) / DUMP_NAME
        # The counts and pg_dump read one snapshot, so the manifest describes the dump exactly
        # even while the site is writing.
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        manifest = {
            "created": now.isoformat(),
            "database": database["NAME"],
            "rows": row_counts(alias),
        }
        _run(
            ["pg_dump", "--format=custom", "--no-owner", f"--snapshot={snapshot}"]
            + ["--file", str(dump), *args],
            env,
        )
        partial = target.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(dump, arcname=DUMP_NAME)
            if private_root.is_dir():
                archive.add(private_root, arcname=PRIVATE_DIR)
            data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST_NAME)
            info.size, info.mtime = len(data), int(now.timestamp())
            archive.addfile(info, io.BytesIO(data))
        partial.rename(target)  # a half-written archive never carries the final name
    return target


def read_manifest(path: Path) -> dict:
    with tarfile.open(path, "r:gz") as archive:
        return json.load(archive.extractfile(MANIFEST_NAME))


def restore_backup(path: Path, *, alias: str = "default") -> dict:
    """Restore ``path`` into the (empty) database ``alias`` and PRIVATE_MEDIA_ROOT; return the
    manifest. Refuses a database that already has tables, and a private folder with files."""
    database = _postgres(alias)
    private_root = Path(settings.PRIVATE_MEDIA_ROOT)
    with connections[alias].cursor() as cursor:
        if connections[alias].introspection.table_names(cursor):
            raise BackupError(
                f"The database {database['NAME']!r} is not empty: restore into a new one."
            )
    if private_root.is_dir() and any(private_root.iterdir()):
        raise BackupError(f"{private_root} is not empty: restore into an empty folder.")
    connections[alias].close()
    args, env = _client_env(database)
    with tempfile.TemporaryDirectory() as work, tarfile.open(path, "r:gz") as archive:
        archive.extractall(work, filter="data")
        _run(
            ["pg_restore", "--no-owner", "--exit-on-error", "--single-transaction", *args]
            + [str(Path(work) / DUMP_NAME)],
            env,
        )
        extracted = Path(work) / PRIVATE_DIR
        if extracted.is_dir():
            private_root.mkdir(parents=True, exist_ok=True)
            shutil.copytree(extracted, private_root, dirs_exist_ok=True)
        return json.loads((Path(work) / MANIFEST_NAME).read_text())
