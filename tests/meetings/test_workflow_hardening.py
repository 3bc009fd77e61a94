"""The workflow under bad dates, races and schedules: a far-future publication time is refused,
parallel creates and composes never give a 500, a communiqué public by its schedule can be
withdrawn and corrected with no timer, the loser of a simultaneous edit keeps their text, and
"Publish now" writes whole seconds."""

import datetime
import re
import threading

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from meetings import workflow
from meetings.admin.communique import CommuniqueAdmin
from meetings.models import Communique

from .test_workflow_admin import change_form_data, change_url, message_texts, post_action

Status = Communique.Status
START = datetime.datetime(2026, 3, 2, 9, 0, 0, 123456, tzinfo=datetime.UTC)


# Dates -----------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.usefixtures("english_messages")
@pytest.mark.parametrize(
    "publish_at", ["9999-12-31T23:59-14:00", "2999-01-01T10:00", "99999-01-01T10:00"]
)
def test_a_publication_time_far_ahead_is_refused_and_the_admin_keeps_working(
    client, publisher, make_communique, publish_at
):
    communique = make_communique(Status.APPROVED)
    client.force_login(publisher)
    response = post_action(client, communique, "schedule", publish_at=publish_at)
    messages = " ".join(message_texts(response))
    assert "within a year" in messages or "Choose the time" in messages
    communique.refresh_from_db()
    assert (communique.status, communique.published_at) == (Status.APPROVED, None)
    assert client.get(reverse("admin:meetings_communique_changelist")).status_code == 200
    assert client.get(change_url(communique)).status_code == 200


@pytest.mark.django_db
def test_scheduling_within_a_year_works(publisher, make_communique):
    communique = make_communique(Status.APPROVED)
    when = timezone.now() + datetime.timedelta(days=300)
    workflow.schedule(communique, actor=publisher, when=when)
    assert communique.status == Status.SCHEDULED


@pytest.mark.django_db
@pytest.mark.usefixtures("english_messages")
def test_meeting_dates_out_of_range_are_a_form_error(client, secretariat):
    client.force_login(secretariat)
    response = client.post(
        reverse("admin:meetings_meeting_add"),
        {
            "starts_at_0": "9999-12-31",
            "starts_at_1": "23:59",
            "organ": "political_bureau",
            "kind": "weekly",
            "status": "planned",
        },
    )
    assert response.status_code == 200
    assert "Enter a date between 1900 and 2999." in response.content.decode()


# A communiqué public by its schedule, with no timer ---------------------------------------------


@pytest.fixture
def public_by_schedule(make_communique, publisher):
    """Scheduled for an hour after START, opened in the admin before its time."""
    with time_machine.travel(START, tick=False):
        communique = make_communique(Status.APPROVED)
        workflow.schedule(communique, actor=publisher, when=START + datetime.timedelta(hours=1))
    return communique


@pytest.mark.django_db
@pytest.mark.parametrize("timer_ran", [False, True])
def test_withdraw_a_communique_public_by_its_schedule(public_by_schedule, publisher, timer_ran):
    seen = public_by_schedule.version  # the page was opened while scheduled
    with time_machine.travel(START + datetime.timedelta(hours=2), tick=False):
        if timer_ran:
            assert workflow.publish_due() == 1
        workflow.withdraw(public_by_schedule, actor=publisher, comment="خطأ", version=seen)
    public_by_schedule.refresh_from_db()
    assert public_by_schedule.status == Status.WITHDRAWN
    steps = [(t.from_status, t.to_status) for t in public_by_schedule.transitions.all()]
    assert steps[-2:] == [
        (Status.SCHEDULED, Status.PUBLISHED),
        (Status.PUBLISHED, Status.WITHDRAWN),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("timer_ran", [False, True])
def test_correct_a_communique_public_by_its_schedule(public_by_schedule, publisher, timer_ran):
    seen = public_by_schedule.version
    with time_machine.travel(START + datetime.timedelta(hours=2), tick=False):
        if timer_ran:
            workflow.publish_due()
        workflow.correct(
            public_by_schedule,
            actor=publisher,
            changes={"body_ar": "نص مصحح."},
            notes={"ar": "تصحيح خطأ مطبعي"},
            version=seen,
        )
    public_by_schedule.refresh_from_db()
    assert (public_by_schedule.status, public_by_schedule.body_ar) == (
        Status.PUBLISHED,
        "نص مصحح.",
    )


@pytest.mark.django_db
@pytest.mark.usefixtures("english_messages")
def test_withdraw_from_the_admin_page_opened_before_its_time(client, public_by_schedule, publisher):
    client.force_login(publisher)
    with time_machine.travel(START + datetime.timedelta(minutes=30), tick=False):
        page = client.get(change_url(public_by_schedule))
        version = int(re.search(r'name="version" value="(\d+)"', page.content.decode())[1])
    with time_machine.travel(START + datetime.timedelta(hours=2), tick=False):
        # The page, reloaded after its time, offers withdraw; the form still carries the old
        # version, and withdrawing is not mistaken for someone else's edit.
        assert "withdraw" in client.get(change_url(public_by_schedule)).content.decode()
        response = post_action(client, public_by_schedule, "withdraw", version=version)
    assert not any("Someone else" in m for m in message_texts(response))
    public_by_schedule.refresh_from_db()
    assert public_by_schedule.status == Status.WITHDRAWN


@pytest.mark.django_db
def test_a_real_edit_in_between_is_still_a_conflict(public_by_schedule, publisher):
    seen = public_by_schedule.version
    with time_machine.travel(START + datetime.timedelta(hours=2), tick=False):
        workflow.correct(
            public_by_schedule,
            actor=publisher,
            changes={"body_ar": "نص مصحح."},
            notes={"ar": "تصحيح"},
            version=seen,
        )
        with pytest.raises(workflow.StaleCommunique):
            workflow.withdraw(public_by_schedule, actor=publisher, comment="x", version=seen)


# "Publish now" writes whole seconds --------------------------------------------------------------


@pytest.mark.django_db
def test_publish_now_time_has_no_microseconds(client, publisher, make_communique):
    communique = make_communique(Status.APPROVED)
    with time_machine.travel(START, tick=False):
        workflow.publish(communique, actor=publisher)
    assert communique.published_at.microsecond == 0
    page = client.get(communique.get_absolute_url()).content.decode()
    stamps = re.findall(r'<time datetime="([^"]+)"', page)
    assert stamps and all(
        re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", s) for s in stamps
    )


# The loser of a simultaneous edit keeps their text ----------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("english_messages", "postgres_only")
def test_losing_the_race_at_save_keeps_the_typed_text(
    client, editor, writer, make_communique, monkeypatch
):
    communique = make_communique(Status.DRAFT)
    client.force_login(editor)
    data = change_form_data(client.get(change_url(communique)))
    data["body_ar"] = "نص المحرر الذي كتبه بعناية."
    original_save = CommuniqueAdmin.save_model

    def someone_saves_first(self, request, obj, form, change):
        # The other person's save commits after this form was checked, before it is saved.
        monkeypatch.setattr(CommuniqueAdmin, "save_model", original_save)
        run_in_parallel(
            1,
            lambda n: workflow.edit(
                Communique.objects.get(pk=obj.pk),
                actor=writer,
                changes={"body_ar": "نص الكاتب الآخر."},
                version=form.cleaned_data["seen_version"],
            ),
        )
        return original_save(self, request, obj, form, change)

    monkeypatch.setattr(CommuniqueAdmin, "save_model", someone_saves_first)
    response = client.post(change_url(communique), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your text is kept in the form below" in page
    assert "نص المحرر الذي كتبه بعناية." in page  # in the body field, not lost
    assert "الكاتب الآخر" in page  # what the other person wrote, in the diff
    communique.refresh_from_db()
    assert communique.body_ar == "نص الكاتب الآخر."

    # Saving again, having seen the difference, keeps the editor's text.
    again = change_form_data(response)
    assert again["body_ar"] == "نص المحرر الذي كتبه بعناية."
    assert client.post(change_url(communique), again).status_code == 302
    communique.refresh_from_db()
    assert communique.body_ar == "نص المحرر الذي كتبه بعناية."


# Races on PostgreSQL, in parallel threads ---------------------------------------------------------


def run_in_parallel(count, request):
    """``request(n)`` in ``count`` threads released together; their status codes."""
    barrier = threading.Barrier(count)
    codes = [None] * count

    def work(n):
        try:
            barrier.wait()
            codes[n] = request(n)
        except Exception as error:  # noqa: BLE001 - a crash is what the test looks for
            codes[n] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return codes


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("parallel writes need PostgreSQL")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("postgres_only")
def test_parallel_adds_with_the_same_title_never_give_500(editor):
    clients = []
    for _n in range(8):
        c = Client()
        c.force_login(editor)
        clients.append(c)
    title = "بلاغ صحفي حول اجتماع المكتب السياسي"

    def add(n):
        response = clients[n].post(
            reverse("admin:meetings_communique_add"),
            {
                "title_ar": title,
                "slug": "بلاغ-صحفي-حول-اجتماع",
                "body_ar": f"نص رقم {n}",
                "meeting": "",
            },
        )
        return response.status_code

    codes = run_in_parallel(8, add)
    assert set(codes) <= {200, 302}, codes
    saved = Communique.objects.filter(title_ar=title)
    assert saved.count() == codes.count(302) >= 1
    assert len(set(saved.values_list("slug", flat=True))) == saved.count()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("postgres_only")
def test_parallel_composes_for_one_meeting_give_one_communique_and_form_errors(
    editor, make_meeting
):
    meeting = make_meeting()
    clients = []
    for _n in range(6):
        c = Client()
        c.force_login(editor)
        clients.append(c)

    def compose(n):
        response = clients[n].post(
            reverse("admin:meetings_communique_compose"), {"meeting": meeting.pk}
        )
        return response.status_code

    codes = run_in_parallel(6, compose)
    assert set(codes) <= {200, 302}, codes
    assert codes.count(302) == 1
    assert Communique.objects.filter(meeting=meeting).count() == 1


# Every <time datetime> is a valid HTML date and time: to the second, no microseconds --------------

VALID_HTML_DATETIME = r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d([+-]\d\d:?\d\d|Z))?"


@pytest.mark.django_db
def test_time_elements_on_the_admin_history_and_the_replies_hold_whole_seconds(
    client, superuser, make_communique
):
    from readers.models import Reply

    communique = make_communique(Status.PUBLISHED)  # its steps and revisions carry microseconds
    Reply.objects.create(
        communique=communique, name="قارئ", text="رد", status=Reply.Status.APPROVED
    )
    public = client.get(communique.get_absolute_url()).content.decode()
    client.force_login(superuser)
    admin = client.get(f"/admin/meetings/communique/{communique.pk}/change/").content.decode()
    for page in (public, admin):
        stamps = re.findall(r'<time datetime="([^"]+)"', page)
        assert len(stamps) >= 2
        assert all(re.fullmatch(VALID_HTML_DATETIME, s) for s in stamps), stamps
