"""A private PostgreSQL primary and its streaming replica, started for a test and removed after
(the shared server is never touched). Needs PostgreSQL's server programs (initdb)."""

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path


def server_bindir() -> Path | None:
    found = shutil.which("initdb") or next(
        iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)), None
    )
    return Path(os.path.realpath(found)).parent if found else None


def _as_postgres(*command: str) -> None:
    # The server refuses to run as root; the data directories belong to postgres.
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=120)


@contextlib.contextmanager
def primary_and_replica(primary_port: int, replica_port: int):
    """Yield (primary, replica) connection settings for Django, both through Unix sockets in a
    private directory."""
    bindir = server_bindir()
    root = Path(tempfile.mkdtemp(prefix="bureau-pg-"))
    primary, replica, logs = root / "primary", root / "replica", root / "logs"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    started = []
    try:
        for directory in (primary, logs):
            _as_postgres("mkdir", "-m", "700", str(directory))
        _as_postgres(
            str(bindir / "initdb"), "-D", str(primary), "-U", "postgres", "--auth=trust",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        # Throwaway data: no fsync (the default of a few seconds per step is all waiting on disk).
        # Unix socket only, in this cluster's own directory: two runs at once never collide.
        fast = "-c fsync=off -c listen_addresses=''"
        options = f"-p {primary_port} -k {root} {fast}"
        _as_postgres(
            str(bindir / "pg_ctl"), "-D", str(primary), "-l", str(logs / "primary.log"),
            "-o", options, "-w", "start",
        )  # fmt: skip
        started.append(primary)
        _as_postgres(
            str(bindir / "pg_basebackup"), "-h", str(root), "-p", str(primary_port),
            "-U", "postgres", "-D", str(replica), "-R", "-X", "stream", "-c", "fast", "--no-sync",
        )  # fmt: skip
        options = f"-p {replica_port} -k {root} {fast}"
        _as_postgres(
            str(bindir / "pg_ctl"), "-D", str(replica), "-l", str(logs / "replica.log"),
            "-o", options, "-w", "start",
        )  # fmt: skip
        started.append(replica)
        yield tuple(
            {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": "postgres",
                "USER": "postgres",
                "HOST": str(root),
                "PORT": str(port),
            }
            for port in (primary_port, replica_port)
        )
    finally:
        for data in reversed(started):
            with contextlib.suppress(subprocess.SubprocessError):
                _as_postgres(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(root, ignore_errors=True)
