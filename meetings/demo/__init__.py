"""The demo (`make demo`): the story around the seed meeting, the accounts, and optionally
generated communiqués for benchmarks. ``load`` is what ``manage.py load_demo`` runs."""

from django.db import transaction

from . import cycle
from .accounts import load_accounts
from .story import DemoStory


def load(password: str) -> list[tuple[str, str]]:
    """Load the story and the accounts (idempotent); returns the accounts as (username, role)."""
    with transaction.atomic():
        DemoStory().load()
        accounts = load_accounts(password)
        cycle.load()  # follow-up and minutes, recorded by the demo's secretariat account
        return accounts
