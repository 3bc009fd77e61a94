"""Reader replies: protected, plain text, shown only once approved, and refreshing only their
own page."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from common import roles
from readers.forms import started_token
from readers.models import Reply, ReplyClosure

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def send(client, communique, *, wait=10, address="203.0.113.5", **fields):
    """Post a reply ``wait`` seconds after the form was handed out."""
    with time_machine.travel(timezone.now() - datetime.timedelta(seconds=wait), tick=False):
        token = started_token(communique.pk)
    data = {
        "name": "قارئ",
        "email": "",
        "text": "تحية للمكتب السياسي",
        "website": "",
        "started": token,
    }
    data.update(fields)
    return client.post(
        reverse("readers:reply", args=[communique.pk]),
        data,
        REMOTE_ADDR=address,
        HTTP_USER_AGENT=BROWSER,
    )


def test_a_reply_waits_for_moderation(client, make_communique):
    communique = make_communique()
    page = client.get(communique.get_absolute_url()).content.decode()
    assert 'name="website"' in page and 'name="started"' in page
    assert "csrfmiddlewaretoken" not in page  # the page stays cacheable
    response = send(client, communique, email="reader@example.org")
    assert response.status_code == 200
    reply = Reply.objects.get()
    assert (reply.status, reply.email) == (Reply.Status.PENDING, "reader@example.org")
    assert "تحية للمكتب السياسي" not in client.get(communique.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"website": "http://spam.example"}, "looks automated"),
        ({"wait": 1}, "too quick"),
        ({"text": "   "}, "This field is required"),
        ({"text": "ب" * 2001}, "at most 2000 characters"),
        ({"name": ""}, "This field is required"),
        ({"started": "forged"}, "altered"),
    ],
)
def test_bad_replies_are_refused_with_a_reason(
    client, make_communique, english_messages, fields, message
):
    communique = make_communique()
    response = send(client, communique, **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Reply.objects.exists()


def test_a_form_older_than_a_day_has_expired(client, make_communique, english_messages):
    communique = make_communique()
    response = send(client, communique, wait=2 * 24 * 3600)
    assert response.status_code == 400 and "too old" in response.content.decode()
    # The form comes back with what was typed and a new start time that works.
    fresh = response.context["form"].data["started"]
    assert "تحية للمكتب السياسي" in response.content.decode()
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=10)):
        assert send(client, communique, started=fresh).status_code == 200


def test_a_form_for_another_communique_is_refused(client, make_communique, english_messages):
    one, other = make_communique(), make_communique()
    response = send(client, one, started=started_token(other.pk))
    assert response.status_code == 400 and not Reply.objects.exists()


def test_too_many_replies_from_one_address_are_limited(
    client, make_communique, settings, english_messages
):
    settings.READERS_REPLY_RATE = "2/h"
    communique = make_communique()
    assert send(client, communique).status_code == 200
    assert send(client, communique).status_code == 200
    limited = send(client, communique)
    assert limited.status_code == 429 and "try again later" in limited.content.decode()
    assert send(client, communique, address="198.51.100.9").status_code == 200
    assert Reply.objects.count() == 3


def test_replies_close_per_communique_after_n_days_and_on_withdrawal(
    client, make_communique, settings, english_messages
):
    closed = make_communique()
    ReplyClosure.objects.create(communique=closed)
    old = make_communique(published_at=timezone.now() - datetime.timedelta(days=31))
    withdrawn = make_communique(status="withdrawn")
    for communique, message in [
        (closed, "Replies to this communiqué are closed."),
        (old, "Replies close 30 days after publication."),
        (withdrawn, "was withdrawn"),
    ]:
        response = send(client, communique)
        assert response.status_code == 400 and message in response.content.decode()
    assert not Reply.objects.exists()
    settings.LANGUAGE_CODE = "ar"
    page = client.get(closed.get_absolute_url()).content.decode()
    assert 'name="website"' not in page and 'class="replies-closed"' in page
    settings.READERS_REPLY_DAYS = 0  # never close by age
    assert send(client, old).status_code == 200
    assert (
        client.post(
            reverse("readers:reply", args=[make_communique(status="draft", published_at=None).pk])
        ).status_code
        == 404
    )


def test_a_form_sent_from_another_site_is_refused(client, make_communique):
    communique = make_communique()
    response = client.post(
        reverse("readers:reply", args=[communique.pk]), {}, HTTP_ORIGIN="https://elsewhere.example"
    )
    assert response.status_code == 403 and not Reply.objects.exists()


def test_replies_are_plain_text_without_bidi_controls_or_links(client, make_communique, make_user):
    communique = make_communique()
    text = '<a href="https://evil.example">مرحبا</a> https://evil.example \u202eعكس\u2066'
    send(client, communique, name="قارئ\u202e", text=text)
    reply = Reply.objects.get()
    assert "\u202e" not in reply.text + reply.name and "\u2066" not in reply.text
    Reply.objects.update(status=Reply.Status.APPROVED)
    page = client.get(communique.get_absolute_url()).content.decode()
    assert "&lt;a href=&quot;https://evil.example&quot;&gt;" in page
    assert 'href="https://evil.example"' not in page
    assert "\u202e" not in page


def moderate(client, user, action, replies):
    client.force_login(user)
    return client.post(
        reverse("admin:readers_reply_changelist") + "?status=all",
        {"action": action, "_selected_action": [r.pk for r in replies]},
    )


@pytest.mark.parametrize("role", [roles.SECRETARIAT, roles.PUBLISHER])
def test_moderators_approve_in_bulk_and_only_that_page_is_refreshed(
    client,
    make_communique,
    make_user,
    role,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
):
    communique, other = make_communique(slug="بلاغ-الردود"), make_communique()
    replies = [
        Reply.objects.create(communique=communique, name=f"قارئ {n}", text=f"رد رقم {n}")
        for n in range(3)
    ]
    anonymous = client.__class__()
    anonymous.get(communique.get_absolute_url())
    anonymous.get(other.get_absolute_url())
    moderator = make_user("moderator", role)
    with django_capture_on_commit_callbacks(execute=True):
        response = moderate(client, moderator, "mark_approved", replies[:2])
    assert response.status_code == 302
    page = anonymous.get(communique.get_absolute_url()).content.decode()
    assert "رد رقم 0" in page and "رد رقم 1" in page and "رد رقم 2" not in page
    with django_assert_num_queries(0):  # the other page stayed in the cache
        anonymous.get(other.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        moderate(client, moderator, "mark_spam", replies[1:])
    assert list(Reply.objects.order_by("pk").values_list("status", flat=True)) == [
        "approved",
        "spam",
        "spam",
    ]
    assert "رد رقم 1" not in anonymous.get(communique.get_absolute_url()).content.decode()
    reply = Reply.objects.get(pk=replies[1].pk)
    assert reply.moderated_by == moderator and reply.moderated_at is not None


def test_an_editor_cannot_moderate(client, make_communique, make_user):
    reply = Reply.objects.create(communique=make_communique(), name="قارئ", text="رد")
    response = moderate(client, make_user("editor", roles.EDITOR), "mark_approved", [reply])
    assert response.status_code == 403
    assert Reply.objects.get().status == Reply.Status.PENDING


def test_the_moderation_queue_lists_pending_replies_first(client, make_communique, make_user):
    communique = make_communique()
    Reply.objects.create(communique=communique, name="أ", text="رد ينتظر")
    Reply.objects.create(communique=communique, name="ب", text="رد مقبول", status="approved")
    client.force_login(make_user("moderator", roles.SECRETARIAT))
    page = client.get(reverse("admin:readers_reply_changelist")).content.decode()
    assert "رد ينتظر" in page and "رد مقبول" not in page


def test_moderator_roles_have_the_readers_permissions(db):
    for role in (roles.SECRETARIAT, roles.PUBLISHER):
        granted = set(
            Group.objects.get(name=role)
            .permissions.filter(content_type__app_label="readers")
            .values_list("codename", flat=True)
        )
        assert {"view_reply", "moderate_reply", "add_replyclosure", "view_viewcount"} <= granted
        assert "change_reply" not in granted
    assert "add_mailing" in set(
        Group.objects.get(name=roles.PUBLISHER).permissions.values_list("codename", flat=True)
    )
    assert (
        not Group.objects.get(name=roles.EDITOR)
        .permissions.filter(content_type__app_label="readers")
        .exists()
    )
