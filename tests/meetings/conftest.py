"""The meetings tests' own cast (the shared fixtures are in tests/conftest.py)."""

import datetime

import pytest
from django.utils import timezone

from common import roles
from meetings.models import AgendaItem, Communique, Decision, Meeting

Status = Communique.Status


@pytest.fixture
def regional(make_user):
    return make_user("regional", roles.REGIONAL_SECRETARY)


# The weekly cycle (docs/meetings-cycle.md) ------------------------------------------------


@pytest.fixture
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def make_decision(db):
    """A decision of a held Political Bureau meeting ``days_ago`` days ago."""
    counter = iter(range(1, 10_000))

    def make(days_ago=20, follow_up=Decision.FollowUp.OPEN, meeting=None, **fields):
        n = next(counter)
        if meeting is None:
            starts_at = timezone.now() - datetime.timedelta(days=days_ago)
            meeting = Meeting.objects.create(starts_at=starts_at, status=Meeting.Status.HELD)
        item = meeting.agenda_items.first() or AgendaItem.objects.create(
            meeting=meeting, order=1, title_ar="بند"
        )
        return Decision.objects.create(
            agenda_item=item,
            order=n,
            kind=fields.pop("kind", Decision.Kind.DECISION),
            text_ar=fields.pop("text_ar", f"قرار رقم {n}"),
            follow_up=follow_up,
            **fields,
        )

    return make
