"""After a few wrong passwords for one account from one address, that pair is refused for a
while (django-axes), with a message in the admin's language, and the attempts are kept."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.core.management import call_command

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def throttled(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5


def attempt(client, password, username="publisher", address="203.0.113.7", language="ar"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def test_thirty_wrong_passwords_then_the_right_one_is_refused(client, publisher):
    codes = [attempt(client, f"wrong-{n}").status_code for n in range(30)]
    assert codes[:4] == [200] * 4  # the login form again, with its error
    assert set(codes[4:]) == {429}
    response = attempt(client, "pw")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username="publisher").failures_since_start >= 5
    assert AccessFailureLog.objects.filter(username="publisher").count() >= 5


def test_lockout_message_is_in_arabic_or_french(client, publisher):
    for n in range(5):
        attempt(client, f"wrong-{n}")
    arabic = attempt(client, "pw", language="ar")
    assert arabic.status_code == 429
    assert 'dir="rtl"' in arabic.text
    assert "محاولات" in arabic.text and "15" in arabic.text
    french = attempt(client, "pw", language="fr")
    assert "Trop de tentatives" in french.text and "15\N{NO-BREAK SPACE}minutes" in french.text


def test_lock_is_per_account_and_address(client, publisher, approver):
    for n in range(5):
        attempt(client, f"wrong-{n}")
    assert attempt(client, "pw").status_code == 429
    # The same account from another address, another account from the same address: not locked.
    assert attempt(client, "pw", address="198.51.100.9").status_code == 302
    client.logout()
    assert attempt(client, "pw", username="approver").status_code == 302


def test_success_resets_the_count_and_the_lock_can_be_lifted(client, publisher):
    for n in range(3):
        attempt(client, f"wrong-{n}")
    assert attempt(client, "pw").status_code == 302
    client.logout()
    for n in range(4):
        assert attempt(client, f"again-{n}").status_code == 200
    attempt(client, "wrong-last")
    assert attempt(client, "pw").status_code == 429
    call_command("axes_reset_username", "publisher")
    assert attempt(client, "pw").status_code == 302


def test_address_behind_trusted_proxies(rf, settings):
    from accounts.login import client_ip

    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.7"  # the client cannot choose its address


def test_unsafe_next_lands_on_the_admin_index(client, publisher):
    response = client.post(
        LOGIN, {"username": "publisher", "password": "pw", "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
