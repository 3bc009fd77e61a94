"""The read replica: routing, read-your-publication through the WAL position, the health check
and the clear 503 when the primary database cannot be reached."""

import time

import pytest
from django.db import DEFAULT_DB_ALIAS, OperationalError, connection, connections, transaction
from django.db.utils import load_backend

from bureau import urls
from bureau.views import primary_unreachable, server_error
from common import replica
from meetings.models import Communique
from tests.pg_cluster import primary_and_replica, server_bindir

# The ports this project's private clusters use (see bench/multihost).
PRIMARY_PORT, REPLICA_PORT = 5451, 5452


def test_reads_go_to_the_primary_unless_a_block_asks_for_the_replica():
    router = replica.ReplicaRouter()
    assert router.db_for_read(Communique) is None  # Django's default: the primary
    with replica.reading_from(replica.REPLICA):
        assert router.db_for_read(Communique) == replica.REPLICA
        assert router.db_for_write(Communique) == DEFAULT_DB_ALIAS
    assert router.db_for_read(Communique) is None
    assert router.allow_migrate(DEFAULT_DB_ALIAS, "meetings")
    assert not router.allow_migrate(replica.REPLICA, "meetings")


def test_positions_compare_like_the_wal():
    assert replica.parse_position("0/3000148") < replica.parse_position("0/30001A0")
    assert replica.parse_position("0/FFFFFFFF") < replica.parse_position("1/0")


def test_without_a_replica_everything_reads_from_the_primary():
    assert not replica.has_replica()
    assert replica.publication_position() is None
    assert replica.read_alias_for(None) == DEFAULT_DB_ALIAS
    assert replica.read_alias_for(123) == DEFAULT_DB_ALIAS


# The health check ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_health_says_the_database_and_the_cache_answer(client, settings):
    settings.SECURE_SSL_REDIRECT = True  # the balancer checks over plain HTTP
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"primary": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_reports_a_cache_that_does_not_answer_but_stays_up(client, settings):
    dummy = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    settings.CACHES = dict.fromkeys(settings.CACHES, dummy)
    response = client.get("/health")
    # Every host shares the one Redis: failing here would empty the balancer.
    assert response.status_code == 200
    assert response.json()["cache"] == "down"
    assert response.json()["database"] == "ok"


# The primary out of reach ----------------------------------------------------------------------


def _unreachable_database():
    """A connection to the test database's engine at an address where nothing answers."""
    params = dict(connections[DEFAULT_DB_ALIAS].settings_dict)
    if params["ENGINE"].endswith("sqlite3"):
        params["NAME"] = "/nonexistent-directory/bureau.sqlite3"
    else:
        params.update(HOST="127.0.0.1", PORT="1")
    return load_backend(params["ENGINE"]).DatabaseWrapper(params, alias="unreachable")


def test_a_database_out_of_reach_gives_a_clear_503(rf, django_db_blocker):
    assert urls.handler500 == "bureau.views.server_error"
    with django_db_blocker.unblock(), pytest.raises(OperationalError):
        try:
            _unreachable_database().ensure_connection()
        except OperationalError:
            response = server_error(rf.post("/admin/meetings/communique/1/change/"))
            raise
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "الموقع في وضع القراءة فقط" in page
    assert "Le site est en lecture seule" in page


@pytest.mark.django_db
def test_a_statement_timeout_is_not_taken_for_an_unreachable_primary():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's statement timeout")
    with pytest.raises(OperationalError) as caught, transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = 1")
            cursor.execute("SELECT pg_sleep(1)")
    assert not primary_unreachable(caught.value)


def test_other_errors_stay_500(rf):
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500


# A real primary and replica --------------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster(django_db_blocker):
    if server_bindir() is None:
        pytest.skip("PostgreSQL's server programs (initdb) are not installed")
    with primary_and_replica(PRIMARY_PORT, REPLICA_PORT) as (primary, standby):
        defaults = connections.configure_settings(
            {DEFAULT_DB_ALIAS: {}, "test_primary": primary, "test_replica": standby}
        )
        for alias in ("test_primary", "test_replica"):
            connections.settings[alias] = defaults[alias]
        replica._replayed["position"] = 0
        with django_db_blocker.unblock():
            yield connections["test_primary"], connections["test_replica"]
            for alias in ("test_primary", "test_replica"):
                connections[alias].close()
                del connections.settings[alias]


def _wait_until_replayed(position, limit=20.0):
    deadline = time.monotonic() + limit  # bounded: a broken replica fails the test
    while not replica.has_replayed(position, using="test_replica"):
        assert time.monotonic() < deadline, "the replica did not replay the primary's changes"
        time.sleep(0.05)


def _pause_replay(standby, limit=20.0):
    """Stop the replica's replay (a request it grants at its next record), bounded in time."""
    deadline = time.monotonic() + limit
    with standby.cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_pause()")
        while True:
            cursor.execute("SELECT pg_get_wal_replay_pause_state()")
            if cursor.fetchone() == ("paused",):
                return
            assert time.monotonic() < deadline, "the replica did not pause"
            time.sleep(0.05)


def test_the_replica_is_read_only_once_it_has_replayed_the_publication(cluster):
    primary, standby = cluster
    with primary.cursor() as cursor:
        cursor.execute("CREATE TABLE page (slug text PRIMARY KEY)")
        cursor.execute("INSERT INTO page VALUES ('first')")
    position = replica.wal_position("test_primary")
    _wait_until_replayed(position)
    with standby.cursor() as cursor:
        cursor.execute("SELECT slug FROM page")
        assert cursor.fetchall() == [("first",)]
    # The replica falls behind: replay stops, the primary goes on.
    _pause_replay(standby)
    with primary.cursor() as cursor:
        cursor.execute("INSERT INTO page VALUES ('published')")
    published = replica.wal_position("test_primary")
    assert published > position
    assert not replica.has_replayed(published, using="test_replica")
    with standby.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM page")
        assert cursor.fetchone() == (1,)  # what a page rendered there would have missed
        cursor.execute("SELECT pg_wal_replay_resume()")
    _wait_until_replayed(published)
    with standby.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM page")
        assert cursor.fetchone() == (2,)
    # Known as replayed in this process: no more questions to the replica.
    _pause_replay(standby)
    assert replica.has_replayed(published, using="test_replica")


def test_writes_on_the_replica_are_refused(cluster):
    _primary, standby = cluster
    with pytest.raises(Exception, match="read-only transaction"), standby.cursor() as cursor:
        cursor.execute("CREATE TABLE refused (id int)")
