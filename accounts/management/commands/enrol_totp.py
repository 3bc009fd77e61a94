"""Enrol an authenticator app (TOTP) for an account: `manage.py enrol_totp USERNAME`."""

import io

import qrcode
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Create a TOTP device for an account and print its otpauth:// URI and a QR code to "
        "scan with an authenticator app. The account must then enter a code at each sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="authenticator", help="The device's name.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete the account's other TOTP devices (a lost or replaced phone).",
        )

    @transaction.atomic
    def handle(self, *args, username, name, replace, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account named {username!r}.")
        if not user.is_staff:
            raise CommandError(f"{username!r} is not a staff account.")
        devices = TOTPDevice.objects.filter(user=user)
        if devices.exists() and not replace:
            raise CommandError(
                f"{username!r} already has a TOTP device; use --replace to enrol a new one."
            )
        devices.delete()
        device = TOTPDevice.objects.create(user=user, name=name, confirmed=True)
        code = qrcode.QRCode(border=2)
        code.add_data(device.config_url)
        picture = io.StringIO()
        # Writing straight to self.stdout would add a newline per write and garble the code.
        code.print_ascii(out=picture, invert=True)
        self.stdout.write(picture.getvalue())
        self.stdout.write(device.config_url)
        self.stdout.write(
            f"Scan the code (or enter the URI) in an authenticator app for {username!r}; "
            "keep this output private."
        )
