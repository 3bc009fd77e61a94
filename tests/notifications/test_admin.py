"""The bell, the notification list, mark as read, and who sees whose settings."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from common import roles
from notifications.models import Notification, Preference


def notify(user, n=1, **extra):
    return [
        Notification.objects.create(
            recipient=user,
            event="communique_submitted",
            key=f"{user.pk}-{i}-{extra.get('key', '')}",
            title=f"بلاغ للمصادقة {i}",
            url="https://bureau.example.org/admin/meetings/communique/1/change/",
        )
        for i in range(n)
    ]


@pytest.fixture
def approver_(staff, client):
    user = staff("approver-1", roles.APPROVER)
    client.force_login(user)
    return user


def test_the_bell_counts_unread_notifications(client, approver_, staff):
    notify(approver_, 3)
    notify(staff("someone-else"), 5)
    html = client.get(reverse("admin:index")).content.decode()
    assert 'class="bureau-bell has-unread"' in html
    assert '<span class="bureau-bell-count">3</span>' in html


def test_no_count_when_everything_is_read(client, approver_):
    html = client.get(reverse("admin:index")).content.decode()
    assert "bureau-bell-count" not in html and "bureau-bell" in html


def test_the_list_shows_only_ones_own(client, approver_, staff):
    notify(approver_, 2)
    notify(staff("someone-else"), 1, key="x")
    response = client.get(reverse("admin:notifications_notification_changelist"))
    assert response.status_code == 200
    assert response.context["cl"].result_count == 2


def test_opening_a_notification_marks_it_read_and_goes_to_its_page(client, approver_, staff):
    (mine,) = notify(approver_)
    (theirs,) = notify(staff("someone-else"), key="x")
    response = client.get(reverse("admin:notifications_notification_open", args=[mine.pk]))
    assert response.status_code == 302
    assert response["Location"] == "/admin/meetings/communique/1/change/"
    mine.refresh_from_db()
    assert mine.read_at is not None
    other = client.get(reverse("admin:notifications_notification_open", args=[theirs.pk]))
    assert other.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_as_read_action(client, approver_):
    notifications = notify(approver_, 2)
    response = client.post(
        reverse("admin:notifications_notification_changelist"),
        {"action": "mark_read", "_selected_action": [n.pk for n in notifications]},
        follow=True,
    )
    assert response.status_code == 200
    assert not Notification.objects.unread().exists()
    assert '<span class="bureau-bell-count">' not in response.content.decode()


def test_a_user_chooses_language_and_emails(client, approver_):
    client.get(reverse("admin:notifications_preference_mine"))
    preference = approver_.notification_preference
    on = ["communique_submitted", "weekly_digest"]
    response = client.post(
        reverse("admin:notifications_preference_change", args=[preference.pk]),
        {"language": "fr", "email_on": on},
    )
    assert response.status_code == 302
    preference.refresh_from_db()
    assert preference.language == "fr"
    assert preference.wants_email("weekly_digest")
    assert not preference.wants_email("communique_approved")


def test_a_user_cannot_see_anothers_settings(client, approver_, staff):
    other = Preference.objects.create(user=staff("someone-else"))
    page = reverse("admin:notifications_preference_change", args=[other.pk])
    assert client.get(page).status_code in (302, 403, 404)
    listing = client.get(reverse("admin:notifications_preference_changelist"))
    assert [p.user for p in listing.context["cl"].result_list] == []


def test_the_secretariat_sees_and_resets_everyones_settings(client, staff):
    secretariat = staff("secretariat-1", roles.SECRETARIAT)
    muted = Preference.objects.create(
        user=staff("muted"), language="fr", email_off=["weekly_digest"]
    )
    old_token = muted.calendar_token
    client.force_login(secretariat)
    listing = client.get(reverse("admin:notifications_preference_changelist"))
    assert muted in listing.context["cl"].result_list
    page = reverse("admin:notifications_preference_change", args=[muted.pk])
    html = client.get(page).content.decode()
    assert old_token not in html  # somebody else's calendar address stays theirs
    for action in ["reset", "revoke_calendar"]:
        client.post(
            reverse("admin:notifications_preference_changelist"),
            {"action": action, "_selected_action": [muted.pk]},
        )
    muted.refresh_from_db()
    assert (muted.language, muted.email_off) == ("", [])
    assert muted.calendar_token != old_token


def test_only_the_secretariat_may_reset(client, approver_, staff):
    mine = Preference.objects.create(user=approver_, email_off=["weekly_digest"])
    client.post(
        reverse("admin:notifications_preference_changelist"),
        {"action": "reset", "_selected_action": [mine.pk]},
    )
    mine.refresh_from_db()
    assert mine.email_off == ["weekly_digest"]


def test_site_url_is_required_by_the_deploy_checks(settings, capsys):
    settings.DEBUG = False
    settings.SITE_URL = ""
    call_command("check", "--deploy", "--tag", "security")
    assert "notifications.W001" in capsys.readouterr().err
    settings.SITE_URL = "https://bureau.example.org"
    call_command("check", "--deploy", "--tag", "security")
    assert "notifications.W001" not in capsys.readouterr().err
