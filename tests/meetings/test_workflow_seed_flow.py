"""The whole journey on the demo: the demo editor, approver and publisher take the seed meeting from
a composed draft to a published communiqué entirely in the Arabic admin; forbidden steps fail."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from meetings.models import Communique, Meeting

Status = Communique.Status


@pytest.fixture
def seed(db):
    call_command("load_demo", stdout=io.StringIO())
    meeting = Meeting.objects.get(starts_at__date=datetime.date(2020, 1, 21))
    meeting.communique.delete()  # start again from nothing
    return meeting


def login(username):
    client = Client(HTTP_ACCEPT_LANGUAGE="ar")
    assert client.login(username=username, password="demo")
    return client


def step(client, communique, action, **data):
    communique.refresh_from_db()
    url = reverse("admin:meetings_communique_transition", args=[communique.pk, action])
    return client.post(url, {"version": communique.version, **data})


def test_the_seed_meeting_goes_from_composed_draft_to_published_in_the_arabic_admin(seed):
    editor, approver, publisher = login("editor"), login("approver"), login("publisher")

    page = editor.get(reverse("admin:meetings_communique_compose"))
    assert '<html lang="ar" dir="rtl">' in page.content.decode()
    response = editor.post(reverse("admin:meetings_communique_compose"), {"meeting": seed.pk})
    communique = Communique.objects.get(meeting=seed)
    change = reverse("admin:meetings_communique_change", args=[communique.pk])
    assert response["Location"] == change
    assert communique.title_ar.endswith("ليوم الثلاثاء 21 يناير 2020")
    assert communique.title_fr.endswith("du mardi 21 janvier 2020")  # composed beside it

    # The editor corrects the French edition through the change form, then submits.
    form = editor.get(change).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(
        {f"initial-{n}": data[n] for n in form.fields if form.fields[n].show_hidden_initial}
    )
    data.update(title_fr="Communiqué du Bureau politique", body_fr="Le Bureau politique…")
    assert editor.post(change, data).status_code == 302
    assert step(editor, communique, "approve").status_code == 403  # not an approver
    assert step(editor, communique, "submit").status_code == 302

    # The approver sends it back with a comment; the editor revises and submits again.
    assert step(approver, communique, "publish").status_code == 403
    step(approver, communique, "request_changes", comment="يرجى مراجعة الفقرة الأخيرة.")
    communique.refresh_from_db()
    assert communique.status == Status.DRAFT
    form = editor.get(change).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(
        {f"initial-{n}": data[n] for n in form.fields if form.fields[n].show_hidden_initial}
    )
    data["body_ar"] = data["body_ar"].replace("وفي ختام أشغاله، ", "وفي ختام جدول أعماله، ")
    assert editor.post(change, data).status_code == 302
    step(editor, communique, "submit")

    # The approver approves; the publisher cannot approve, and publishes.
    assert step(publisher, communique, "approve").status_code == 403
    assert step(approver, communique, "approve").status_code == 302
    preview = publisher.get(
        reverse("admin:meetings_communique_preview", args=[communique.pk, "ar"])
    )
    assert "وفي ختام جدول أعماله" in preview.content.decode()
    assert step(publisher, communique, "publish").status_code == 302

    communique.refresh_from_db()
    assert communique.status == Status.PUBLISHED
    public = Client().get(communique.get_absolute_url())
    assert public.status_code == 200
    assert communique.title_ar in public.content.decode()
    log = [
        (t.actor.username, t.from_status, t.to_status)
        for t in communique.transitions.select_related("actor")
    ]
    assert log == [
        ("editor", "", Status.DRAFT),
        ("editor", Status.DRAFT, Status.IN_REVIEW),
        ("approver", Status.IN_REVIEW, Status.DRAFT),
        ("editor", Status.DRAFT, Status.IN_REVIEW),
        ("approver", Status.IN_REVIEW, Status.APPROVED),
        ("publisher", Status.APPROVED, Status.PUBLISHED),
    ]
    # Newest first: the Arabic revision, the French correction, the composed French and Arabic.
    assert [r.language for r in communique.revisions.all()] == ["ar", "fr", "fr", "ar"]
