"""Minutes of a meeting: what they say, their adoption, read-only once adopted, the PDFs."""

import datetime
import subprocess
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from common.workflow import InvalidTransition, NotAllowed
from meetings import followup, minutes
from meetings.models import AgendaItem, Attendance, Decision, Meeting, Minutes, MinutesArchive
from regions.models import Person


def at(day, hour=17):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def meeting(make_decision, secretariat):
    """A held meeting: attendance of 4 of 5 bureau members, an item with a decision, and the
    review of an earlier decision's follow-up."""
    earlier = make_decision(
        meeting=Meeting.objects.create(starts_at=at(datetime.date(2020, 1, 7)), status="held")
    )
    followup.add_entry(
        earlier,
        actor=secretariat,
        status="in_progress",
        progress=60,
        note="تقدم",
        now=at(datetime.date(2020, 1, 20)),
    )
    held = Meeting.objects.create(
        starts_at=at(datetime.date(2020, 1, 21)), status=Meeting.Status.HELD, venue_ar="الرباط"
    )
    members = [Person.objects.create(name_ar=f"عضو {n}", is_bureau_member=True) for n in range(5)]
    for person, status in zip(
        members, ["present", "present", "present", "excused", "absent"], strict=True
    ):
        Attendance.objects.create(meeting=held, person=person, status=status)
    item = AgendaItem.objects.create(
        meeting=held, order=1, title_ar="الوضع التنظيمي", summary_ar="نقاش مستفيض"
    )
    Decision.objects.create(
        agenda_item=item,
        text_ar="تنظيم يوم دراسي",
        responsible_person=members[0],
        due_date=datetime.date(2020, 3, 1),
    )
    review = AgendaItem.objects.create(meeting=held, order=2, title_ar="تتبع تنفيذ القرارات")
    review.reviewed_decisions.add(earlier)
    return held


def later_meeting(day=datetime.date(2020, 1, 28), status=Meeting.Status.HELD):
    return Meeting.objects.create(starts_at=at(day), status=status)


def test_the_minutes_say_who_came_what_was_discussed_decided_and_followed_up(
    client, secretariat, meeting
):
    client.force_login(secretariat)
    client.cookies["django_language"] = "ar"
    html = client.get(reverse("admin:meetings_meeting_minutes", args=[meeting.pk])).content.decode()
    assert "الثلاثاء 21 يناير 2020" in html and "الرباط" in html
    assert "الحاضرون: 3" in html and "المتغيبون بعذر: 1" in html and "الغائبون: 1" in html
    assert "النصاب القانوني متوفر: 3 حاضرا من أصل 5 عضوا." in html
    assert (
        html.index("الوضع التنظيمي")
        < html.index("تنظيم يوم دراسي")
        < html.index("تتبع تنفيذ القرارات السابقة")
    )
    assert "نقاش مستفيض" in html and "عضو 0" in html
    assert "تم تحيين التتبع: قيد الإنجاز (60٪) — تقدم" in html
    assert "مشروع محضر" in html


def pdf_text(content: bytes, *pages: str) -> str:
    """The PDF's text without spaces and direction marks (pdftotext adds both to RTL text)."""
    text = subprocess.run(
        ["pdftotext", *pages, "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    return "".join(c for c in text if not c.isspace() and c not in "\u200e\u200f\u202a\u202b\u202c")


def pdf_pages(content: bytes) -> int:
    info = subprocess.run(["pdfinfo", "-"], input=content, capture_output=True, check=True)
    line = next(x for x in info.stdout.decode().splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


@pytest.mark.pdftotext
def test_the_minutes_pdf(client, secretariat, meeting):
    client.force_login(secretariat)
    response = client.get(reverse("admin:meetings_meeting_minutes_pdf", args=[meeting.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="minutes-2020-01-21.pdf"' in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert "2020" in text and "1/1" in text  # the page numbers
    change = client.get(
        reverse("admin:meetings_meeting_change", args=[meeting.pk])
    ).content.decode()
    assert reverse("admin:meetings_meeting_minutes_pdf", args=[meeting.pk]) in change


def test_adoption_at_a_later_meeting_keeps_the_body_and_locks_the_minutes(secretariat, meeting):
    record = minutes.minutes_of(meeting)
    adoption = later_meeting()
    adopted = minutes.adopt(record, at=adoption, actor=secretariat)
    assert (adopted.status, adopted.adopted_at, adopted.adopted_by) == (
        "adopted",
        adoption,
        secretariat,
    )
    AgendaItem.objects.filter(meeting=meeting, order=1).update(title_ar="عنوان غُيِّر بعد المصادقة")
    body = minutes.body_html(minutes.load(meeting.pk))
    assert "الوضع التنظيمي" in body and "غُيِّر" not in body
    with pytest.raises(InvalidTransition):
        minutes.edit_notes(adopted, notes="تعديل", actor=secretariat)
    adopted.refresh_from_db()
    assert adopted.notes == ""


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("twice", "سبقت المصادقة على هذا المحضر."),
        ("earlier", "يُصادَق على المحضر في اجتماع لاحق للاجتماع الذي يوثقه."),
        ("same", "يُصادَق على المحضر في اجتماع لاحق للاجتماع الذي يوثقه."),
    ],
)
def test_bad_adoptions_are_refused_and_change_nothing(secretariat, meeting, case, message):
    record = minutes.minutes_of(meeting)
    if case == "twice":
        first = later_meeting()
        minutes.adopt(record, at=first, actor=secretariat)
        target = later_meeting(datetime.date(2020, 2, 4))
    elif case == "earlier":
        target = later_meeting(datetime.date(2020, 1, 14))
    else:
        target = meeting
    before = Minutes.objects.get(pk=record.pk)
    with translation.override("ar"), pytest.raises(InvalidTransition) as refusal:
        minutes.adopt(record, at=target, actor=secretariat)
        with translation.override("ar"):
            pass
    with translation.override("ar"):
        assert str(refusal.value.message) == message
    after = Minutes.objects.get(pk=record.pk)
    assert (after.status, after.adopted_at_id) == (before.status, before.adopted_at_id)


def test_adopting_and_editing_in_the_admin(client, secretariat, editor, meeting):
    url = reverse("admin:meetings_meeting_minutes", args=[meeting.pk])
    adoption = later_meeting()
    client.force_login(editor)
    assert client.post(url, {"adopt": "1", "adopted_at": adoption.pk}).status_code == 403
    client.force_login(secretariat)
    client.cookies["django_language"] = "ar"
    client.post(url, {"notes": "رفعت الجلسة على الساعة التاسعة"})
    page = client.post(url, {"adopt": "1", "adopted_at": adoption.pk}, follow=True).content.decode()
    assert "تمت المصادقة على المحضر." in page and "رفعت الجلسة" in page
    assert 'name="notes"' not in page  # read only from now on
    again = client.post(url, {"adopt": "1", "adopted_at": adoption.pk}, follow=True)
    assert "سبقت المصادقة على هذا المحضر." in again.content.decode()
    edit = client.post(url, {"notes": "تعديل لاحق"}, follow=True)
    assert "لا يمكن تعديل محضر مصادق عليه." in edit.content.decode()
    assert Minutes.objects.get(meeting=meeting).notes == "رفعت الجلسة على الساعة التاسعة"


def request_archive(client, django_capture_on_commit_callbacks, **period):
    """Ask for an archive as the form does; the task queue (inline in the tests) builds it."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("admin:meetings_minutes_archive"), period)
    assert response.status_code == 302
    return MinutesArchive.objects.get(pk=response.url.rstrip("/").rsplit("/", 1)[-1])


@pytest.mark.pdftotext
def test_a_years_minutes_as_one_pdf_with_contents_and_page_numbers(
    client, secretariat, meeting, private_media, django_capture_on_commit_callbacks
):
    later_meeting()
    later_meeting(datetime.date(2020, 2, 4), status=Meeting.Status.CANCELLED)
    later_meeting(datetime.date(2021, 1, 5))
    client.force_login(secretariat)
    archive = request_archive(client, django_capture_on_commit_callbacks, year="2020")
    assert (archive.start, archive.end) == (datetime.date(2020, 1, 1), datetime.date(2020, 12, 31))
    assert archive.status == MinutesArchive.Status.READY and archive.meetings == 3
    status = client.get(reverse("admin:meetings_minutes_archive_status", args=[archive.pk]))
    assert 'http-equiv="refresh"' not in status.content.decode()
    download = reverse("admin:meetings_minutes_archive_pdf", args=[archive.pk])
    assert download in status.content.decode()
    response = client.get(download)
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="minutes-20200101-20201231.pdf"' in response["Content-Disposition"]
    content = b"".join(response.streaming_content)
    pages = pdf_pages(content)
    # The contents, then each held meeting of 2020 on its own pages (the earlier one of
    # 7 January too), the cancelled one and 2021's left out.
    assert pages >= 4
    text = pdf_text(content)
    # Page numbers, "1 / 4" read right to left (pdftotext gives the visual order).
    assert f"{pages}/1" in text and f"{pages}/{pages}" in text
    contents = pdf_text(content, "-f", "1", "-l", "1", "-layout")
    # The contents: each held meeting of 2020 with the page it starts on.
    assert "2المكتبالسياسي—الثلاثاء7يناير2020" in contents
    assert "3المكتبالسياسي—الثلاثاء21يناير2020" in contents
    bad = client.get(
        reverse("admin:meetings_minutes_archive"), {"start": "2020-03-01", "end": "2020-01-01"}
    )
    assert bad["Content-Type"].startswith("text/html")
    assert "form" in bad.content.decode()
    assert MinutesArchive.objects.count() == 1


def test_an_archive_waits_for_the_task_queue_and_says_so(
    client, secretariat, meeting, private_media, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client.force_login(secretariat)
    archive = request_archive(client, django_capture_on_commit_callbacks, year="2020")
    # A second click while it waits is the same archive, not a second build.
    assert request_archive(client, django_capture_on_commit_callbacks, year="2020") == archive
    status_url = reverse("admin:meetings_minutes_archive_status", args=[archive.pk])
    page = client.get(status_url).content.decode()
    assert 'http-equiv="refresh"' in page and 'data-status="queued"' in page
    download = reverse("admin:meetings_minutes_archive_pdf", args=[archive.pk])
    assert client.get(download).url == status_url  # nothing to download yet
    minutes.build_archive.call(str(archive.pk))  # what the worker runs
    minutes.build_archive.call(str(archive.pk))  # run twice: nothing more happens
    archive.refresh_from_db()
    assert archive.status == MinutesArchive.Status.READY and archive.path.is_file()
    assert archive.finished_at is not None
    assert client.get(download)["Content-Type"] == "application/pdf"
    listed = client.get(reverse("admin:meetings_minutes_archive")).content.decode()
    assert status_url in listed  # «your recent archives»


def test_an_archive_that_fails_says_so_and_can_be_tried_again(
    client, secretariat, meeting, private_media, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise OSError("no space left on device")

    monkeypatch.setattr(minutes, "archive_pdf", broken)
    client.force_login(secretariat)
    archive = request_archive(client, django_capture_on_commit_callbacks, year="2020")
    assert archive.status == MinutesArchive.Status.FAILED and not archive.path.exists()
    page = client.get(reverse("admin:meetings_minutes_archive_status", args=[archive.pk]))
    assert 'role="alert"' in page.content.decode() and "refresh" not in page.content.decode()
    assert "?start=2020-01-01&amp;end=2020-12-31" in page.content.decode()


def test_archives_are_for_staff_who_may_see_meetings_and_last_a_day(
    client, secretariat, make_user, meeting, private_media, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    archive = request_archive(client, django_capture_on_commit_callbacks, year="2020")
    for name in ("meetings_minutes_archive_status", "meetings_minutes_archive_pdf"):
        assert client.get(reverse(f"admin:{name}", args=[uuid.uuid4()])).status_code == 404
    client.force_login(make_user("staff-without-meetings"))
    for name in ("meetings_minutes_archive_status", "meetings_minutes_archive_pdf"):
        assert client.get(reverse(f"admin:{name}", args=[archive.pk])).status_code == 403
    fresh = MinutesArchive.objects.create(start=archive.start, end=archive.end)
    assert minutes.remove_old_archives(timezone.now() + datetime.timedelta(hours=23)) == 0
    MinutesArchive.objects.filter(pk=fresh.pk).update(
        created_at=timezone.now() + datetime.timedelta(hours=2)
    )
    assert minutes.remove_old_archives(timezone.now() + datetime.timedelta(days=1, hours=1)) == 1
    assert not archive.path.exists()
    assert list(MinutesArchive.objects.all()) == [fresh]


def test_bureau_size_is_the_quorum_base_only_for_the_political_bureau(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(organ=Meeting.Organ.CENTRAL_COMMITTEE)
    context = minutes.context(minutes.load(meeting.pk))
    assert context["members"] is None and context["quorum"] is None


def test_nobody_without_the_right_adopts(editor, meeting):
    with pytest.raises(NotAllowed):
        minutes.adopt(minutes.minutes_of(meeting), at=later_meeting(), actor=editor)
