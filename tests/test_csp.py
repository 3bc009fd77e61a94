"""A Content-Security-Policy and a Permissions-Policy on public and admin pages; JSON-LD allowed
by its hash (the page may come from the shared cache); no inline script or event handler."""

import base64
import datetime
import hashlib
import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("url", ["/", "/fr/archive/", "/search/?q=x", "/admin/login/", "/nowhere/"])
def test_every_page_has_both_policies(client, url):
    response = client.get(url)
    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]  # no 'unsafe-inline'
    assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"]
    assert "camera=()" in response["Permissions-Policy"]


def test_admin_pages_for_staff_have_the_policy(client, superuser):
    client.force_login(superuser)
    for url in ["/admin/", "/admin/meetings/communique/", "/admin/meetings/meeting/add/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert not re.search(
            r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)", response.text
        )


def json_ld_hashes(html: str) -> list[str]:
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return [
        f"'sha256-{base64.b64encode(hashlib.sha256(b.encode()).digest()).decode()}'" for b in blocks
    ]


def test_json_ld_is_allowed_by_hash_also_from_the_cache(client, publisher):
    from meetings.models import Communique

    communique = Communique.objects.create(
        title_ar="بلاغ",
        body_ar="نص </script><script>alert(1)</script>",
        slug="balagh",
        status="published",
        published_at=datetime.datetime(2024, 1, 2, 10, tzinfo=datetime.UTC),
    )
    for _attempt in ("rendered", "from the cache"):
        response = client.get(communique.get_absolute_url())
        hashes = json_ld_hashes(response.text)
        assert len(hashes) == 1
        assert hashes[0] in policy(response)["script-src"]


INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def test_no_template_has_an_inline_event_handler():
    offenders = [
        str(path.relative_to(settings.BASE_DIR))
        for path in Path(settings.BASE_DIR, "templates").rglob("*.html")
        # Mail is no web page: mail readers need inline styles and apply no CSP.
        if "email" not in path.parts
        and (INLINE_HANDLER.search(path.read_text()) or " style=" in path.read_text())
    ]
    assert offenders == []
