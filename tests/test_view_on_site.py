"""The admin's "view on site" shortcut answers 404 for anything not public, except to staff who
may see communiqués in the admin: a regional secretary learns no draft's address or date."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from common import roles
from meetings.models import Communique

pytestmark = pytest.mark.django_db


@pytest.fixture
def regional(make_user):
    return make_user("regional", roles.REGIONAL_SECRETARY)


def shortcut(communique):
    content_type = ContentType.objects.get_for_model(Communique)
    return f"/admin/r/{content_type.pk}/{communique.pk}/"


def make(status, published_at=None, slug="secret-draft"):
    return Communique.objects.create(
        title_ar="بلاغ", body_ar="نص", slug=slug, status=status, published_at=published_at
    )


@pytest.mark.parametrize("status", ["draft", "in_review", "approved", "scheduled", "withdrawn"])
def test_regional_secretary_gets_404_for_anything_not_public(client, regional, status):
    later = timezone.now() + datetime.timedelta(days=2)
    communique = make(status, later if status in ("scheduled", "withdrawn") else None)
    client.force_login(regional)
    response = client.get(shortcut(communique))
    assert response.status_code == 404
    assert "secret-draft" not in response.get("Location", "")


def test_regional_secretary_reaches_a_public_communique(client, regional):
    communique = make("published", timezone.now() - datetime.timedelta(days=1), slug="public-one")
    client.force_login(regional)
    response = client.get(shortcut(communique))
    assert response.status_code == 302
    assert "public-one" in response["Location"]


@pytest.mark.parametrize("role", [roles.EDITOR, roles.PUBLISHER, roles.SECRETARIAT])
def test_staff_with_communique_rights_are_redirected_to_a_draft(client, make_user, role):
    communique = make("draft")
    client.force_login(make_user("someone", role))
    assert client.get(shortcut(communique)).status_code == 302


def test_nonsense_ids_are_404(client, regional):
    client.force_login(regional)
    content_type = ContentType.objects.get_for_model(Communique)
    assert client.get(f"/admin/r/{content_type.pk}/abc/").status_code == 404
    assert client.get("/admin/r/999999/1/").status_code == 404


def test_anonymous_is_sent_to_login(client):
    communique = make("draft")
    assert client.get(shortcut(communique)).status_code == 302
    assert "/admin/login/" in client.get(shortcut(communique))["Location"]
