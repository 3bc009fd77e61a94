"""The shared cast: one user per role, as the demo accounts have them."""

import pytest
from django.contrib.auth.models import Group, User
from django.utils import translation

from common import roles


@pytest.fixture
def make_user(db):
    def make(username, role=None, **extra):
        user = User.objects.create_user(username, password="pw", is_staff=True, **extra)
        if role:
            user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def secretariat(make_user):
    return make_user("secretariat", roles.SECRETARIAT)


@pytest.fixture
def editor(make_user):
    return make_user("editor", roles.EDITOR)


@pytest.fixture
def approver(make_user):
    return make_user("approver", roles.APPROVER)


@pytest.fixture
def publisher(make_user):
    return make_user("publisher", roles.PUBLISHER)


@pytest.fixture
def superuser(make_user):
    return make_user("root", is_superuser=True)


@pytest.fixture
def english_messages(settings):
    """For tests that assert messages by their English msgid. The site's default language is
    Arabic; this makes English the default instead (a request's cookie or Accept-Language
    still wins)."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language: a request served in French by an
    earlier test must not leave French active in the thread (URLs would gain /fr/)."""
    translation.deactivate()  # back to settings.LANGUAGE_CODE, which a test may change
    yield
    translation.deactivate()
