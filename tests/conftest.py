"""The shared cast (one user per role, as the demo accounts have them) and the fixtures every
app's tests build on: meetings and communiqués, made the way the product makes them."""

import datetime
import importlib.util
import itertools
import os
import shutil

import pytest
from django.contrib.auth.models import Group, User
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import clear_url_caches
from django.utils import timezone, translation

from common import roles
from meetings import workflow
from meetings.models import AgendaItem, Communique, Decision, Meeting

Status = Communique.Status
SEED_DAY = datetime.date(2020, 1, 21)
_numbers = itertools.count(1)


CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def _missing_tools() -> dict[str, str]:
    """Marker -> why the tests it marks cannot run here (absent when they can)."""
    missing = {}
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        missing["browser"] = (
            f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)"
        )
    elif importlib.util.find_spec("playwright") is None:
        missing["browser"] = "Playwright is not installed (pip install '.[test]')"
    if not shutil.which("pdftotext"):
        missing["pdftotext"] = "pdftotext not found (apt-get install poppler-utils)"
    return missing


def pytest_collection_modifyitems(config, items):
    """Skip what this machine cannot run before any fixture starts (a live server, the demo);
    with REQUIRE_BROWSER=1 (CI) a missing tool is an error instead."""
    missing = _missing_tools()
    for marker in ("browser", "pdftotext"):
        reason = missing.get(marker, "")
        marked = [item for item in items if item.get_closest_marker(marker)]
        if marked and reason and os.environ.get("REQUIRE_BROWSER") == "1":
            raise pytest.UsageError(f"REQUIRE_BROWSER=1 but {reason}")
        for item in marked:
            item.add_marker(pytest.mark.skipif(bool(reason), reason=reason))


# The Moroccan month names, spelt out here rather than taken from common.lexicon or the
# catalogs, so that the tests check the code instead of repeating it.
MOROCCAN_MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
]


def at(year, month, day, hour=19):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


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


@receiver(setting_changed)
def forget_reversed_urls(*, setting, **kwargs):
    """The URL resolver keeps what it reversed per language, prefix included: a language
    reversed while it was the default has no prefix (no /en/), and would keep none in the tests
    after one that changed the default."""
    if setting in ("LANGUAGE_CODE", "LANGUAGES"):
        clear_url_caches()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language: a request served in French by an
    earlier test must not leave French active in the thread (URLs would gain /fr/)."""
    translation.deactivate()  # back to settings.LANGUAGE_CODE, which a test may change
    yield
    translation.deactivate()


@pytest.fixture
def writer(make_user):
    """A second editor: whoever wrote the text is not the person approving it in the tests."""
    return make_user("writer", roles.EDITOR)


@pytest.fixture
def make_meeting(db):
    """A held meeting; ``items`` is a number of plain items (each with one decision), or a
    list of (topic, regions) for items about those regions."""

    def make(items=2, day=SEED_DAY, **fields):
        fields.setdefault("status", Meeting.Status.HELD)
        meeting = Meeting.objects.create(starts_at=at(day.year, day.month, day.day, 17), **fields)
        if isinstance(items, int):
            for order in range(1, items + 1):
                item = AgendaItem.objects.create(
                    meeting=meeting, order=order, title_ar=f"النقطة رقم {order}"
                )
                Decision.objects.create(
                    agenda_item=item,
                    kind=Decision.Kind.DECISION,
                    text_ar=f"تنظيم النشاط رقم {order}",
                )
        else:
            for order, (topic, regions) in enumerate(items, start=1):
                item = AgendaItem.objects.create(
                    meeting=meeting, order=order, title_ar=f"نقطة {order}", topic=topic
                )
                item.regions.set(regions)
        return meeting

    return make


@pytest.fixture
def make_communique(db, writer, make_user):
    """A communiqué taken through the real workflow up to ``status`` (published by default),
    written by ``writer``. Its clock is ``published_at`` (a day apart for each new one, from
    March 2024, unless given; tomorrow for a scheduled one): the audit trail reads as if it
    happened then."""
    people = {}

    def person(role):
        if role not in people:
            people[role] = make_user(f"fixture-{role}", role)
        return people[role]

    def make(
        status=Status.PUBLISHED,
        *,
        title="بلاغ المكتب السياسي",
        body="عقد المكتب السياسي اجتماعه.",
        slug=None,
        published_at=None,
        **fields,
    ):
        n = next(_numbers)
        if published_at is not None:
            when = published_at
        elif status == Status.SCHEDULED:
            when = timezone.now() + datetime.timedelta(days=1)  # still to come
        else:
            when = at(2024, 3, 1) + datetime.timedelta(days=n)
        # A scheduled communiqué was scheduled the day before its time.
        now = when - datetime.timedelta(days=1) if status == Status.SCHEDULED else when
        communique = workflow.create_draft(
            Communique(title_ar=title, body_ar=body, slug=slug or f"communique-{n}", **fields),
            actor=writer,
            now=now,
        )
        if status == Status.DRAFT:
            return communique
        workflow.submit(communique, actor=writer, now=now)
        if status == Status.IN_REVIEW:
            return communique
        workflow.approve(communique, actor=person(roles.APPROVER), now=now)
        if status == Status.APPROVED:
            return communique
        publisher = person(roles.PUBLISHER)
        if status == Status.SCHEDULED:
            return workflow.schedule(communique, actor=publisher, when=when, now=now)
        workflow.publish(communique, actor=publisher, now=now)
        if status == Status.WITHDRAWN:
            workflow.withdraw(communique, actor=publisher, comment="خطأ", now=now)
        return communique

    return make


# Lines a test reports for the end of the run (the search's recall figures).
REPORTS = pytest.StashKey[list]()


def pytest_terminal_summary(terminalreporter, config):
    lines = config.stash.get(REPORTS, [])
    if lines:
        terminalreporter.section("reports")
        for line in lines:
            terminalreporter.write_line(line)
