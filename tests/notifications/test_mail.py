"""The mail queue against a real SMTP server (aiosmtpd, in the test), SMTP down and back,
bounded retries, and at most one delivery per message."""

import datetime
import email
import email.policy
from email.header import decode_header, make_header

import pytest
import time_machine
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from common import roles
from meetings import workflow
from meetings.models import Communique
from notifications import mail
from notifications.models import Mail
from tests.smtp import Controller, Inbox, free_port


def use_smtp(settings, port):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "bureau@example.org"


@pytest.fixture
def smtp_port():
    return free_port()


@pytest.fixture
def smtp_server(smtp_port):
    """Start a real SMTP server on ``smtp_port`` (call it when the test wants it up)."""
    controllers = []

    def start():
        inbox = Inbox()
        controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
        controller.start()
        controllers.append(controller)
        return inbox

    yield start
    for controller in controllers:
        controller.stop()


@pytest.fixture
def submitted_by_editor(staff, committed):
    """The editor submits; the approver (with an address) is to be told."""
    editor = staff("editor-1", roles.EDITOR)
    staff("approver-1", roles.APPROVER)
    draft = workflow.create_draft(
        Communique(title_ar="بلاغ المكتب السياسي", body_ar="نص", slug="balagh"), actor=editor
    )

    def submit():
        return committed(workflow.submit, draft, actor=editor)

    return submit


def test_a_real_smtp_server_receives_arabic_subject_utf8_body_html_and_link(
    settings, smtp_port, smtp_server, submitted_by_editor
):
    use_smtp(settings, smtp_port)
    inbox = smtp_server()
    communique = submitted_by_editor()
    (envelope,) = inbox.envelopes
    assert envelope.mail_from == "bureau@example.org"
    assert envelope.rcpt_tos == ["approver-1@example.org"]
    raw = email.message_from_bytes(envelope.original_content)  # compat32: headers as sent
    assert raw["Subject"].split()[0].startswith("=?utf-8?b?")  # RFC 2047 encoded
    subject = str(make_header(decode_header(raw["Subject"]))).strip()  # folded after "Subject:"
    assert subject == "بلاغ للمصادقة: «بلاغ المكتب السياسي»"
    message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
    assert message["Subject"].strip() == subject
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text.get_content_charset() == "utf-8"
    link = f"https://bureau.example.org/admin/meetings/communique/{communique.pk}/change/"
    assert "بلاغ المكتب السياسي" in text.get_content() and link in text.get_content()
    assert 'dir="rtl"' in html.get_content() and f'href="{link}"' in html.get_content()
    assert Mail.objects.get().status == Mail.Status.SENT


def test_smtp_down_then_back_the_step_succeeds_and_the_message_arrives_once(
    settings, smtp_port, smtp_server, submitted_by_editor, run_periodic
):
    use_smtp(settings, smtp_port)  # nothing listens there yet
    communique = submitted_by_editor()
    communique.refresh_from_db()
    assert communique.status == Communique.Status.IN_REVIEW  # the step is done
    queued = Mail.objects.get()
    assert (queued.status, queued.attempts) == (Mail.Status.PENDING, 1)
    assert "ConnectionRefusedError" in queued.last_error
    assert queued.next_attempt_at > timezone.now()

    inbox = smtp_server()  # SMTP is back
    later = timezone.now() + datetime.timedelta(minutes=20)
    with time_machine.travel(later, tick=False):
        run_periodic("mail_retry")
        run_periodic("mail_retry")  # a second run sends nothing more
    assert len(inbox.envelopes) == 1
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (Mail.Status.SENT, 2)


def test_a_message_is_given_up_after_its_last_attempt(settings, smtp_port, submitted_by_editor):
    use_smtp(settings, smtp_port)
    submitted_by_editor()
    queued = Mail.objects.get()
    for _ in range(mail.MAX_ATTEMPTS - 1):
        with time_machine.travel(queued.next_attempt_at, tick=False):
            mail.deliver.call(queued.pk)
        queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (Mail.Status.FAILED, mail.MAX_ATTEMPTS)
    assert queued.next_attempt_at is None


def test_the_database_queue_is_asked_to_retry_later(
    settings, smtp_port, staff, django_capture_on_commit_callbacks
):
    """With the production backend, a failed attempt queues the next one with run_after."""
    use_smtp(settings, smtp_port)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        queued = mail.send(key="k", to="a@example.org", subject="بلاغ", text="نص")
    (first,) = DBTaskResult.objects.all()
    with django_capture_on_commit_callbacks(execute=True):
        assert mail.deliver.call(queued.pk) == Mail.Status.PENDING
    retry = DBTaskResult.objects.exclude(pk=first.pk).get()
    queued.refresh_from_db()
    assert retry.run_after == queued.next_attempt_at
    assert retry.args_kwargs["args"] == [queued.pk]


def test_a_task_run_twice_sends_once(db, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queued = mail.send(
            key="once", to="a@example.org", subject="بلاغ", text="نص", html="<p>نص</p>"
        )
        assert mail.send(key="once", to="a@example.org", subject="بلاغ", text="نص") is None
    assert mail.deliver.call(queued.pk) == Mail.Status.SENT
    assert len(mailoutbox) == 1


def test_an_unknown_guard_is_refused(db):
    with pytest.raises(ValueError, match="guard"):
        mail.send(key="g", to="a@example.org", subject="s", text="t", guard="nope")


def test_a_retry_queued_twice_before_its_time_waits(
    db, mailoutbox, django_capture_on_commit_callbacks
):
    queued = mail.send(key="later", to="a@example.org", subject="بلاغ", text="نص")
    Mail.objects.filter(pk=queued.pk).update(
        next_attempt_at=timezone.now() + datetime.timedelta(minutes=5)
    )
    assert mail.deliver.call(queued.pk) == "not yet"
    assert mailoutbox == []
