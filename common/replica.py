"""Reads from a PostgreSQL streaming replica, for the public pages only (see docs/deploy.md).

With ``DATABASE_REPLICA_URL`` set, the settings add a ``replica`` database and install
``ReplicaRouter``. Every read still goes to the primary unless the code asks for the replica
with ``reading_from()``: only the public page cache does, when it renders a page. The admin, the
workflow, ``publish_due`` and every write never see a replica's possibly older rows.

A replica replays the primary's changes a little later. So that a publication is never hidden
by that lag (and never cached hidden), the page cache records the primary's WAL position
(``publication_position()``) when it starts a new generation after a publication, and a page is
rendered from the replica only once the replica has replayed that position
(``read_alias_for()``); until then it is rendered from the primary.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, OperationalError, connections

REPLICA = "replica"

_read_alias: ContextVar[str | None] = ContextVar("read_alias", default=None)
# The furthest position this process has seen the replica replay: positions only grow, so a
# position at or before it needs no query.
_replayed = {"position": 0}


class ReplicaRouter:
    """Reads go where ``reading_from()`` says (the primary by default); writes and migrations
    always go to the primary."""

    def db_for_read(self, model, **hints):
        return _read_alias.get()

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the primary's rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


def has_replica() -> bool:
    return REPLICA in settings.DATABASES


@contextmanager
def reading_from(alias: str):
    """Send the reads made inside the block to the database ``alias``."""
    token = _read_alias.set(alias)
    try:
        yield
    finally:
        _read_alias.reset(token)


def parse_position(text: str) -> int:
    """A PostgreSQL LSN such as ``0/3000148`` as a number that compares like positions do."""
    high, low = text.split("/")
    return (int(high, 16) << 32) + int(low, 16)


def wal_position(using: str = DEFAULT_DB_ALIAS) -> int | None:
    """The primary's WAL position now, which includes every transaction committed before the
    call; None when it cannot answer."""
    try:
        with connections[using].cursor() as cursor:
            cursor.execute("SELECT pg_current_wal_lsn()::text")
            return parse_position(cursor.fetchone()[0])
    except DatabaseError:
        return None


def publication_position() -> int | None:
    """What a replica must have replayed before pages are rendered from it again, read just
    after a publication; None without a replica (nothing to wait for)."""
    return wal_position(DEFAULT_DB_ALIAS) if has_replica() else None


def replayed_position(using: str = REPLICA) -> int | None:
    """How far the replica has replayed the primary's changes (a server that is not in
    recovery is its own primary: its current position); None when it cannot answer."""
    try:
        with connections[using].cursor() as cursor:
            cursor.execute(
                "SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()"
                " ELSE pg_current_wal_lsn() END::text"
            )
            text = cursor.fetchone()[0]
    except DatabaseError:
        return None
    return parse_position(text) if text else None


def has_replayed(position: int, using: str = REPLICA) -> bool:
    """Whether the replica has replayed the primary up to ``position``: one query, and none
    once this process has seen it go that far."""
    if position <= _replayed["position"]:
        return True
    replayed = replayed_position(using)
    if replayed is None:
        return False
    _replayed["position"] = max(_replayed["position"], replayed)
    return replayed >= position


def read_alias_for(position: int | None) -> str:
    """Where to read a public page from, given the primary's position at the last publication
    (None: nothing recent to wait for): the replica once it has replayed it, else the primary."""
    if not has_replica():
        return DEFAULT_DB_ALIAS
    if position is None or has_replayed(position):
        return REPLICA
    return DEFAULT_DB_ALIAS


def read_public(position: int | None, read):
    """``read()`` with its reads on the database ``read_alias_for(position)`` chooses; run
    again on the primary when the replica cannot be reached (a public page stays up while a
    replica is rebuilt)."""
    alias = read_alias_for(position)
    with reading_from(alias):
        try:
            return read()
        except OperationalError:
            if alias == DEFAULT_DB_ALIAS:
                raise
    return read()
