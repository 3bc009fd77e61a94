"""A congress outcome submitted tells the secretariat; validated or sent back, the regional
secretary who submitted it, and no other region."""

import datetime

import pytest
from django.contrib.auth.models import User

from common import roles
from notifications.models import Notification
from regions import workflow as regions_workflow
from regions.models import Congress, CongressTransition, Region, RegionalAccess
from regions.signals import congress_changed

from ..regions.conftest import region_world, regional_secretary
from ..regions.test_workflow import complete
from .conftest import parts


@pytest.fixture
def draa(db):
    return Region.objects.get(code="08")


@pytest.fixture
def secretary(staff, draa):
    user = staff("secretary-draa", roles.REGIONAL_SECRETARY)
    RegionalAccess.objects.create(user=user, region=draa)
    return user


@pytest.fixture
def other_secretary(staff):
    user = staff("secretary-souss", roles.REGIONAL_SECRETARY)
    RegionalAccess.objects.create(user=user, region=Region.objects.get(code="09"))
    return user


@pytest.fixture
def bureau(staff):
    return staff("secretariat-1", roles.SECRETARIAT)


@pytest.fixture
def congress(draa):
    return Congress.objects.create(
        region=draa, date=datetime.date(2020, 1, 18), status=Congress.Status.SUBMITTED
    )


def step(congress, action, actor, comment="", to_status=Congress.Status.SUBMITTED):
    """A logged step, announced as regions.workflow announces it after commit."""
    CongressTransition.objects.create(
        congress=congress,
        action=action,
        from_status=Congress.Status.HELD,
        to_status=to_status,
        actor=actor,
        comment=comment,
    )
    congress_changed.send(
        sender=Congress, congress=congress, action=action, actor=actor, comment=comment
    )


def test_a_submitted_outcome_tells_the_secretariat(
    congress, secretary, other_secretary, bureau, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        step(congress, "submitted", secretary)
    assert list(Notification.objects.values_list("recipient__username", flat=True)) == [
        "secretariat-1"
    ]
    (message,) = mailoutbox
    assert message.subject.startswith("نتيجة مؤتمر للمصادقة")
    link = f"https://bureau.example.org/admin/regions/congress/{congress.pk}/change/"
    assert link in parts(message)[0]


@pytest.mark.parametrize(
    ("action", "event", "comment"),
    [("validated", "congress_validated", ""), ("sent_back", "congress_sent_back", "نقص المحضر")],
)
def test_validated_or_sent_back_tells_that_regional_secretary_only(
    congress,
    secretary,
    other_secretary,
    bureau,
    mailoutbox,
    django_capture_on_commit_callbacks,
    action,
    event,
    comment,
):
    step(congress, "submitted", secretary)
    mailoutbox.clear()
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        step(congress, action, bureau, comment)
    (notification,) = Notification.objects.all()
    assert (notification.recipient, notification.event) == (secretary, event)
    (message,) = mailoutbox
    assert message.to == ["secretary-draa@example.org"]
    text, html = parts(message)
    assert comment in text and comment in html
    # Nothing of another region: the message names its own region only.
    assert "سوس" not in text and "Souss" not in text


def test_a_secretary_who_no_longer_serves_the_region_is_not_told(
    congress, secretary, bureau, mailoutbox
):
    step(congress, "submitted", secretary)
    RegionalAccess.objects.filter(user=secretary).update(ends_on=datetime.date(2000, 1, 1))
    Notification.objects.all().delete()
    step(congress, "validated", bureau)
    assert not Notification.objects.exists()


def test_recording_an_outcome_tells_nobody(congress, secretary, bureau):
    step(congress, "recorded", secretary)
    assert not Notification.objects.exists()


def test_the_congress_workflow_itself_tells_them(
    settings, tmp_path, staff, committed, mailoutbox, draa
):
    """The same through regions.workflow: submitted, then sent back, then validated."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    secretary = regional_secretary("secretary-draa-tafilalet", draa, "Lahcen Ait Ali")
    User.objects.filter(pk=secretary.pk).update(email="secretary@example.org")
    congress = complete(region_world(draa, "OWN"), secretary.person)
    bureau = staff("secretariat-1", roles.SECRETARIAT)
    committed(regions_workflow.submit, congress, actor=secretary)
    committed(regions_workflow.send_back, congress, actor=bureau, comment="المحضر غير موقع")
    committed(regions_workflow.submit, congress, actor=secretary)
    committed(regions_workflow.validate, congress, actor=bureau)
    assert [(m.to[0], m.subject.split(":")[0]) for m in mailoutbox] == [
        ("secretariat-1@example.org", "نتيجة مؤتمر للمصادقة"),
        ("secretary@example.org", "أُرجعت نتيجة المؤتمر"),
        ("secretariat-1@example.org", "نتيجة مؤتمر للمصادقة"),
        ("secretary@example.org", "تمت المصادقة على نتيجة المؤتمر"),
    ]
    assert "المحضر غير موقع" in mailoutbox[1].body
