"""Public communiqués, a private Redis and a real SMTP server for the readers' tests."""

import datetime
import shutil
import socket
import subprocess
import time

import pytest
import redis
from django.core.cache import cache
from django.urls import clear_url_caches
from django.utils import timezone, translation

from readers import counting


@pytest.fixture(autouse=True)
def empty_page_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def arabic_addresses():
    translation.activate("ar")
    yield
    translation.activate("ar")
    # A test that made English the default leaves «/ar/» prefixes in the resolver's cache.
    clear_url_caches()


@pytest.fixture
def make_communique(make_communique):
    """The shared fixture (through the real workflow), published yesterday unless told
    otherwise, so that its replies are open."""

    def make(*args, published_at=None, **fields):
        published_at = published_at or timezone.now() - datetime.timedelta(days=1)
        return make_communique(*args, published_at=published_at, **fields)

    return make


class RedisServer:
    """A redis-server of our own, without persistence, that a test may stop and start."""

    def __init__(self, port):
        self.port = port
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--databases",
                "4",
            ],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def url(self, db=0):
        return f"redis://127.0.0.1:{self.port}/{db}"


@pytest.fixture(scope="session")
def redis_server():
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    # A port of its own, free now: never the shared Redis, never another test run's.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = RedisServer(port)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def view_redis(redis_server, settings):
    """View counts go through the private Redis (database 0), emptied around the test."""
    if redis_server.process is None:
        redis_server.start()
    settings.READERS_REDIS_URL = redis_server.url(0)
    connection = redis.Redis.from_url(redis_server.url(0))
    connection.flushall()
    yield connection
    if redis_server.process is None:
        redis_server.start()
    redis.Redis.from_url(redis_server.url(0)).flushall()
    counting._client.cache_clear()
