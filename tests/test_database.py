"""The database connection survives faults: health checks reconnect after a PostgreSQL restart
(no failed request, no lost write), and lock/statement timeouts give a clear 503 page instead of
a worker killed by gunicorn's timeout."""

import glob
import http.cookiejar
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from common import roles
from meetings import workflow
from meetings.models import Communique

PRIVATE_PORT = 5441  # this test's own cluster; never the shared server
APP_PORT = 8141


def test_connections_are_health_checked():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


@pytest.mark.django_db
def test_postgres_connections_have_lock_and_statement_timeouts():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL settings")
    options = settings.DATABASES["default"]["OPTIONS"]["options"]
    assert "-c lock_timeout=5000" in options  # the default; tests keep it
    with connection.cursor() as cursor:
        cursor.execute("SHOW lock_timeout")
        assert cursor.fetchone()[0] == "5s"
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "1min"  # tests/settings.py; production: 15s


# A row held by someone else: the request gives up after lock_timeout with a clear page ----------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_locked_communique_gives_a_busy_page_not_a_killed_worker(client, make_user):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL lock timeouts")
    writer = make_user("writer", roles.EDITOR)
    approver = make_user("approver", roles.APPROVER)
    communique = workflow.create_draft(
        Communique(title_ar="بلاغ", body_ar="نص", slug="b"), actor=writer
    )
    workflow.submit(communique, actor=writer)
    communique.refresh_from_db()
    params = connection.settings_dict
    holder = psycopg.connect(
        host=params["HOST"], port=params["PORT"], user=params["USER"], dbname=params["NAME"]
    )
    holder.execute("SELECT id FROM meetings_communique WHERE id = %s FOR UPDATE", [communique.pk])
    try:
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '300ms'")
        client.force_login(approver)
        url = reverse("admin:meetings_communique_transition", args=[communique.pk, "approve"])
        response = client.post(
            url, {"version": communique.version, "comment": ""}, HTTP_ACCEPT_LANGUAGE="fr"
        )
    finally:
        holder.rollback()
        holder.close()
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "rien n'a été modifié" in response.text
    communique.refresh_from_db()
    assert communique.status == Communique.Status.IN_REVIEW


# A PostgreSQL restart in the middle of a run --------------------------------------------------


def _bindir() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return str(Path(found[-1]).parent)
    initdb = shutil.which("initdb")
    return str(Path(initdb).parent) if initdb else None


def _free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


class PrivateCluster:
    """A throwaway PostgreSQL cluster in a temporary directory, run as the postgres user when
    the tests run as root (PostgreSQL refuses root)."""

    def __init__(self, root: Path, bindir: str, port: int):
        self.root, self.bindir, self.port = root, bindir, port
        self.data, self.socket, self.log = root / "data", root / "socket", root / "server.log"

    def run(self, *args):
        command = [f"{self.bindir}/{args[0]}", *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def init(self):
        for folder in (self.root, self.data, self.socket):
            folder.mkdir(mode=0o700, exist_ok=True)
            if os.geteuid() == 0:
                shutil.chown(folder, "postgres", "postgres")
        self.run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )

    def ctl(self, action, *extra):
        options = f"-p {self.port} -k {self.socket} -c listen_addresses=127.0.0.1"
        self.run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", action, *extra
        )


class Browser:
    """A signed-in staff member talking to the gunicorn under test over HTTP."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def csrf(self) -> str:
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def get(self, path):
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path, data):
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.csrf()}).encode()
        return self._open(
            urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base})
        )

    def _open(self, request):
        try:
            with self.opener.open(request, timeout=20) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except urllib.error.URLError:
            return 0  # not listening (yet)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_requests_succeed_after_a_postgresql_restart_and_no_write_is_lost(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("runs once, in the PostgreSQL pass")
    bindir = _bindir()
    if bindir is None:
        pytest.skip("initdb is not installed")
    if not (_free(PRIVATE_PORT) and _free(APP_PORT)):
        pytest.skip("the test's ports are taken")
    cluster = PrivateCluster(Path("/tmp") / f"bureau-restart-{os.getpid()}", bindir, PRIVATE_PORT)
    server = None
    try:
        cluster.init()
        cluster.ctl("start")
        url = f"postgres://postgres@127.0.0.1:{PRIVATE_PORT}/postgres"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "DATABASE_URL": url,
            "CONN_MAX_AGE": "60",
            "SECURE_COOKIES": "0",  # plain HTTP on loopback
            "DJANGO_SUPERUSER_PASSWORD": "restart-test-password",
        }
        manage = [sys.executable, "manage.py"]
        for command in (
            ["migrate", "--noinput"],
            ["createsuperuser", "--noinput", "--username", "root", "--email", "root@example.org"],
        ):
            subprocess.run(
                manage + command,
                cwd=settings.BASE_DIR,
                env=env,
                check=True,
                capture_output=True,
                timeout=300,
            )
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "bureau.wsgi",
                "-w",
                "1",
                "-b",
                f"127.0.0.1:{APP_PORT}",
                "--timeout",
                "30",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        browser = Browser(f"http://127.0.0.1:{APP_PORT}")
        for _ in range(300):
            if browser.get("/admin/login/") == 200 or server.poll() is not None:
                break
            time.sleep(0.1)
        assert server.poll() is None, server.stderr.read().decode()[-3000:]
        assert (
            browser.post(
                "/admin/login/",
                {"username": "root", "password": "restart-test-password", "next": "/admin/"},
            )
            == 302
        )

        def add_person(name):
            return browser.post(
                "/admin/regions/person/add/",
                {
                    "name_ar": name,
                    "mandates-TOTAL_FORMS": "0",
                    "mandates-INITIAL_FORMS": "0",
                    "_save": "1",
                },
            )

        before = [add_person(f"قبل {n}") for n in range(5)]
        cluster.ctl("restart", "-m", "fast")
        after = [add_person(f"بعد {n}") for n in range(5)]
        assert before == [302] * 5
        assert after == [302] * 5  # no 500: the stale connection was checked and replaced
        with psycopg.connect(url) as database:
            names = [row[0] for row in database.execute("SELECT name_ar FROM regions_person")]
        assert sorted(names) == sorted(
            [f"قبل {n}" for n in range(5)] + [f"بعد {n}" for n in range(5)]
        )
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        try:
            cluster.ctl("stop", "-m", "immediate")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(cluster.root, ignore_errors=True)
