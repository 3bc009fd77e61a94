"""Load the demo (meetings/demo): the seed meeting of Tuesday 21 January 2020 and its
surroundings, one account per role, and optionally generated communiqués. Safe to run twice."""

import os

from django.core.management.base import BaseCommand

from meetings import demo
from meetings.demo.accounts import where_mail_goes
from meetings.demo.generated import generate_communiques


class Command(BaseCommand):
    help = "Load the demo data and the demo accounts (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--communiques",
            type=int,
            default=0,
            metavar="N",
            help="Also add N generated published communiqués (see generate_communiques).",
        )

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_PASSWORD", "demo")
        accounts = demo.load(password)
        if options["communiques"]:
            generate_communiques(options["communiques"])
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(f"Demo accounts (password: {password}):")
        for username, role in accounts:
            self.stdout.write(f"  {username:<26} {role}")
        self.stdout.write(where_mail_goes())
