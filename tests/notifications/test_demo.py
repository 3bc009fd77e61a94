"""The demo: addresses for every account, where mail goes, and the editor → approver story."""

from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from meetings import workflow
from meetings.models import Communique


def test_every_demo_account_has_an_example_org_address_and_mail_is_explained(db, capsys, settings):
    settings.EMAIL_BACKEND = "notifications.console.EmailBackend"  # the demo's
    call_command("load_demo")
    assert not User.objects.exclude(email__endswith="@example.org").exists()
    assert "Mail is printed on the console" in capsys.readouterr().out


def test_the_editor_submits_and_the_approver_sees_the_bell_and_a_console_message(
    db, client, settings, capsys, django_capture_on_commit_callbacks
):
    call_command("load_demo")
    settings.EMAIL_BACKEND = "notifications.console.EmailBackend"  # the demo's
    approver = User.objects.get(username="approver")
    client.force_login(approver)
    before = client.get(reverse("admin:index")).content.decode()
    capsys.readouterr()
    draft = Communique.objects.filter(status=Communique.Status.DRAFT).first()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(draft, actor=User.objects.get(username="editor"))
    console = capsys.readouterr().out
    assert "To: approver@example.org" in console
    subject = f"Subject: بلاغ للمصادقة: «{draft.title_ar}»"
    assert subject in console  # readable first, then the raw message
    assert f"/admin/meetings/communique/{draft.pk}/change/" in console
    after = client.get(reverse("admin:index")).content.decode()
    assert after.count("bureau-bell-count") == 1
    assert before.count("bureau-bell-count") in (0, 1) and before != after
