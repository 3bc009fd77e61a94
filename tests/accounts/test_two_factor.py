"""TOTP two-factor authentication (django-otp): any staff account may enrol; with REQUIRE_2FA,
superusers, approvers and publishers must verify a code before using the back office."""

import datetime
import re

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

VERIFY = "/admin/verify/"


@pytest.fixture
def required(settings):
    settings.REQUIRE_2FA = True


def code(device):
    number = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{number:06d}"


@pytest.mark.parametrize("who", ["publisher", "approver", "superuser"])
def test_required_roles_are_sent_to_the_code_page(client, request, required, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    response = client.get("/admin/meetings/communique/")
    assert response.status_code == 302
    assert response["Location"].startswith(f"{VERIFY}?next=")


def test_a_code_opens_the_back_office(client, publisher, required):
    device = TOTPDevice.objects.create(user=publisher, name="phone", confirmed=True)
    client.force_login(publisher)
    page = client.get(VERIFY, {"next": "/admin/meetings/communique/"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert page.status_code == 200
    assert "Saisissez le code" in page.text
    # One device: chosen already; and no navigation to pages that would send them back here.
    assert f'type="hidden" name="otp_device" value="{device.persistent_id}"' in page.text
    assert 'id="nav-sidebar"' not in page.text
    wrong = client.post(VERIFY, {"otp_device": device.persistent_id, "otp_token": "000000"})
    assert wrong.status_code == 200
    assert client.get("/admin/").status_code == 302
    # A wrong code slows the next tries down (django-otp's throttling); a few seconds later
    # the right code opens the back office.
    later = timezone.now() + datetime.timedelta(seconds=5)
    with time_machine.travel(later, tick=False):
        response = client.post(
            VERIFY,
            {
                "otp_device": device.persistent_id,
                "otp_token": code(device),
                "next": "/admin/meetings/communique/",
            },
        )
    assert response.status_code == 302
    assert response["Location"] == "/admin/meetings/communique/"
    assert client.get("/admin/meetings/communique/").status_code == 200


def test_the_code_page_is_in_arabic(client, publisher, required):
    TOTPDevice.objects.create(user=publisher, name="phone", confirmed=True)
    client.force_login(publisher)
    page = client.get(VERIFY, HTTP_ACCEPT_LANGUAGE="ar")
    assert 'dir="rtl"' in page.text
    assert "أدخل الرمز" in page.text


def test_without_a_device_the_page_says_how_to_enrol(client, approver, required):
    client.force_login(approver)
    page = client.get(VERIFY, HTTP_ACCEPT_LANGUAGE="fr")
    assert "Demandez à un administrateur" in page.text
    assert 'name="otp_token"' not in page.text


def test_editor_needs_no_code_unless_enrolled(client, editor, required):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.logout()
    client.force_login(editor)  # from the next sign-in on
    assert client.get("/admin/").status_code == 302  # an enrolled account always verifies


def test_checking_costs_no_query_per_page(client, publisher, required, django_assert_num_queries):
    TOTPDevice.objects.create(user=publisher, name="phone", confirmed=True)
    client.force_login(publisher)
    with django_assert_num_queries(2):  # the session and the user, nothing more
        assert client.get("/admin/meetings/communique/").status_code == 302


def test_requirement_off_lets_publishers_in(client, publisher, settings):
    settings.REQUIRE_2FA = False
    client.force_login(publisher)
    assert client.get("/admin/").status_code == 200


def test_requirement_defaults_on_without_debug():
    import subprocess
    import sys

    from django.conf import settings

    def setting(**env):
        script = "from django.conf import settings; print(settings.REQUIRE_2FA)"
        result = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {script}"],
            env={
                "DJANGO_SETTINGS_MODULE": "bureau.settings",
                "SECRET_KEY": "x",
                "PATH": "/usr/bin:/bin",
                **env,
            },
            capture_output=True,
            text=True,
            check=True,
            cwd=settings.BASE_DIR,
        )
        return result.stdout.strip().splitlines()[-1]

    assert setting(DEBUG="0") == "True"
    assert setting(DEBUG="1") == "False"
    assert setting(DEBUG="0", REQUIRE_2FA="0") == "False"


def test_enrol_command_prints_uri_and_qr_code(publisher, capsys):
    call_command("enrol_totp", "publisher")
    out = capsys.readouterr().out
    device = TOTPDevice.objects.get(user=publisher)
    assert device.confirmed
    uri = re.search(r"otpauth://totp/\S+", out).group()
    assert uri == device.config_url
    assert "issuer=Bureau" in uri
    assert "█" in out  # the QR code, in block characters
    with pytest.raises(CommandError, match="already has"):
        call_command("enrol_totp", "publisher")
    call_command("enrol_totp", "publisher", "--replace")
    assert TOTPDevice.objects.filter(user=publisher).count() == 1
    with pytest.raises(CommandError, match="No account"):
        call_command("enrol_totp", "nobody")
