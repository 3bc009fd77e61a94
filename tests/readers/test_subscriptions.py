"""Email subscription: double opt-in per language, one message per publication through the
queue in batches, one-click unsubscribe that deletes the address. Mail goes through a real
SMTP server (aiosmtpd)."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from common import roles
from meetings import workflow
from meetings.models import Communique
from readers.models import Delivery, Mailing, PendingSubscription, Subscriber
from tests.smtp import Controller, Inbox, free_port


@pytest.fixture
def inbox(db, settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    settings.SITE_URL = "https://bureau.example.org"
    yield inbox
    controller.stop()


def link(message, name):
    return re.search(rf"https://bureau\.example\.org(/\S*{name}/\S+/)", message.get_content())[1]


def subscribe(client, capture, address, language="ar"):
    with capture(execute=True):
        return client.post(
            f"{'' if language == 'ar' else '/' + language}/subscribe/",
            {"email": address, "language": language},
            REMOTE_ADDR="203.0.113.5",
        )


def confirmed(client, inbox, capture, address, language="ar"):
    subscribe(client, capture, address, language)
    path = link(inbox.to(address)[-1], "confirm")
    assert client.post(path).status_code == 200
    return Subscriber.objects.get(email=address, language=language)


@pytest.fixture
def publish(make_user, django_capture_on_commit_callbacks):
    """Publish a communiqué through the workflow, its after-commit signals and tasks run."""
    approver = make_user("approver", roles.APPROVER)
    publisher = make_user("publisher", roles.PUBLISHER)
    editor = make_user("editor", roles.EDITOR)

    def publish(slug="balagh", **texts):
        with django_capture_on_commit_callbacks(execute=True):
            communique = workflow.create_draft(
                Communique(
                    title_ar="بلاغ المكتب السياسي",
                    body_ar="عقد المكتب اجتماعه.",
                    slug=slug,
                    **texts,
                ),
                actor=editor,
            )
            workflow.submit(communique, actor=editor)
            workflow.approve(communique, actor=approver)
        with django_capture_on_commit_callbacks(execute=True):
            workflow.publish(communique, actor=publisher)
        return communique

    publish.publisher = publisher
    return publish


def test_double_opt_in(client, inbox, django_capture_on_commit_callbacks):
    response = subscribe(client, django_capture_on_commit_callbacks, "Reader@Example.org", "fr")
    assert response.status_code == 200 and not Subscriber.objects.exists()
    [message] = inbox.to("reader@example.org")
    path = link(message, "confirm")
    assert path.startswith("/fr/subscribe/confirm/")
    # Opening the link (as a mail scanner would) confirms nothing: a person presses the button.
    assert client.get(path).status_code == 200
    assert not Subscriber.objects.exists()
    assert client.post(path).status_code == 200
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.language) == ("reader@example.org", "fr")
    assert abs(subscriber.consented_at - timezone.now()) < datetime.timedelta(minutes=1)
    assert not PendingSubscription.objects.exists()
    again = client.post(path)
    assert again.status_code == 400 and "a déjà servi" in again.content.decode()
    assert Subscriber.objects.count() == 1


def test_an_expired_or_forged_link_is_refused(client, inbox, django_capture_on_commit_callbacks):
    subscribe(client, django_capture_on_commit_callbacks, "late@example.org")
    path = link(inbox.to("late@example.org")[0], "confirm")
    with time_machine.travel(timezone.now() + datetime.timedelta(days=3)):
        response = client.post(path)
    assert response.status_code == 400
    assert "انتهت صلاحية رابط التأكيد هذا" in response.content.decode()
    forged = client.post(reverse("readers:confirm", args=["not-a-token"]))
    assert forged.status_code == 400 and "رابط التأكيد هذا غير صالح" in forged.content.decode()
    assert not Subscriber.objects.exists()


def test_bad_addresses_and_floods_are_refused(
    client, inbox, django_capture_on_commit_callbacks, settings
):
    assert (
        subscribe(client, django_capture_on_commit_callbacks, "not an address").status_code == 400
    )
    settings.READERS_SUBSCRIBE_RATE = "2/h"
    from django.core.cache import cache

    cache.clear()
    for n in range(2):
        assert (
            subscribe(client, django_capture_on_commit_callbacks, f"a{n}@example.org").status_code
            == 200
        )
    assert (
        subscribe(client, django_capture_on_commit_callbacks, "a9@example.org").status_code == 429
    )
    assert PendingSubscription.objects.count() == 2


def test_a_publication_is_mailed_once_in_each_subscribers_language(
    client, inbox, django_capture_on_commit_callbacks, publish
):
    capture = django_capture_on_commit_callbacks
    arabic = confirmed(client, inbox, capture, "ar@example.org", "ar")
    confirmed(client, inbox, capture, "fr@example.org", "fr")
    inbox.messages.clear()
    publish(slug="arabic-only")
    assert [m["To"] for m in inbox.messages] == ["ar@example.org"]
    message = inbox.messages[0]
    assert message["Subject"] == "بلاغ المكتب السياسي"
    assert "عقد المكتب اجتماعه." in message.get_content()
    unsubscribe_url = f"https://bureau.example.org/unsubscribe/{arabic.token}/"
    assert message["List-Unsubscribe"].strip() == f"<{unsubscribe_url}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_url in message.get_content()
    inbox.messages.clear()
    translated = publish(
        slug="translated", title_fr="Communiqué du Bureau", body_fr="Le Bureau s'est réuni."
    )
    assert sorted(m["To"] for m in inbox.messages) == ["ar@example.org", "fr@example.org"]
    [french] = inbox.to("fr@example.org")
    assert french["Subject"] == "Communiqué du Bureau"
    assert "/fr/unsubscribe/" in french["List-Unsubscribe"]
    # The scheduled-publication job, or a second signal, sends nothing more.
    inbox.messages.clear()
    from readers.mailing import on_communique_changed

    with capture(execute=True):
        on_communique_changed(None, communique=translated, action="publish_due")
    assert inbox.messages == []
    assert Mailing.objects.filter(communique=translated).count() == 1


def test_a_correction_is_sent_again_only_when_a_publisher_asks(
    client, inbox, django_capture_on_commit_callbacks, publish
):
    capture = django_capture_on_commit_callbacks
    confirmed(client, inbox, capture, "ar@example.org")
    communique = publish()
    inbox.messages.clear()
    with capture(execute=True):
        workflow.correct(
            communique,
            actor=publish.publisher,
            changes={"body_ar": "عقد المكتب اجتماعه الأسبوعي."},
            notes={"ar": "تصحيح"},
            version=communique.version,
        )
    assert inbox.messages == []
    client.force_login(publish.publisher)
    with capture(execute=True):
        response = client.post(reverse("admin:readers_mailing_add"), {"communique": communique.pk})
    assert response.status_code == 302
    assert [m["To"] for m in inbox.messages] == ["ar@example.org"]
    assert list(
        Mailing.objects.filter(communique=communique)
        .values_list("number", flat=True)
        .order_by("number")
    ) == [1, 2]


def test_a_draft_cannot_be_mailed(client, make_user, inbox, english_messages):
    draft = Communique.objects.create(title_ar="مسودة", body_ar="نص", slug="draft")
    client.force_login(make_user("publisher", roles.PUBLISHER))
    response = client.post(reverse("admin:readers_mailing_add"), {"communique": draft.pk})
    assert response.status_code == 200 and "Only a public communiqué" in response.content.decode()
    assert not Mailing.objects.exists()


def test_batches_and_retries_reach_everyone_once(
    client, inbox, django_capture_on_commit_callbacks, publish, settings
):
    settings.READERS_MAIL_BATCH = 2
    for n in range(5):
        Subscriber.objects.create(email=f"r{n}@example.org", language="ar")
    inbox.refuse = 1  # the first message meets a temporary failure and is retried
    communique = publish()
    assert sorted(m["To"] for m in inbox.messages) == [f"r{n}@example.org" for n in range(5)]
    deliveries = Delivery.objects.filter(mailing__communique=communique)
    assert deliveries.count() == 5 and not deliveries.filter(sent_at__isnull=True).exists()
    assert deliveries.filter(attempts=2).count() == 1


def test_one_click_unsubscribe_deletes_the_address(
    client, inbox, django_capture_on_commit_callbacks
):
    subscriber = confirmed(client, inbox, django_capture_on_commit_callbacks, "bye@example.org")
    path = reverse("readers:unsubscribe", args=[subscriber.token])
    assert client.get(path).status_code == 200 and Subscriber.objects.exists()
    response = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscriber.objects.filter(email="bye@example.org").exists()
    twice = client.post(path)
    assert twice.status_code == 404 and "هذا العنوان غير مشترك" in twice.content.decode()


def test_unconfirmed_requests_are_purged(db):
    from common import periodic

    PendingSubscription.objects.create(
        email="old@example.org",
        language="ar",
        requested_at=timezone.now() - datetime.timedelta(days=3),
    )
    PendingSubscription.objects.create(email="new@example.org", language="ar")
    assert periodic.jobs()["purge_unconfirmed_subscriptions"](timezone.now()) == 1
    assert list(PendingSubscription.objects.values_list("email", flat=True)) == ["new@example.org"]
