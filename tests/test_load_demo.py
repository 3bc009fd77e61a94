import datetime

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from meetings.models import Communique, Meeting


def counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_load_demo_twice_leaves_the_same_counts(db, capsys):
    call_command("load_demo")
    first = counts()
    call_command("load_demo")
    assert counts() == first
    out = capsys.readouterr().out
    for username in [
        "secretariat",
        "editor",
        "approver",
        "publisher",
        "secretary-draa-tafilalet",
        "admin",
    ]:
        assert username in out


def test_demo_has_the_seed_meeting_and_every_communique_status(db):
    call_command("load_demo")
    seed = Meeting.objects.get(starts_at__date=datetime.date(2020, 1, 21))
    assert seed.agenda_items.count() == 4
    assert seed.agenda_items.filter(decisions__kind="recommendation").exists()
    assert seed.communique.status == Communique.Status.PUBLISHED
    statuses = set(Communique.objects.values_list("status", flat=True))
    assert statuses == set(Communique.Status.values)


def test_demo_accounts_use_the_demo_password(db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "s3cret-demo")
    call_command("load_demo")
    assert User.objects.get(username="editor").check_password("s3cret-demo")
    assert User.objects.get(username="admin").is_superuser


def test_generated_communiques_are_published_and_added_each_time(db):
    call_command("load_demo", communiques=30)
    call_command("load_demo", communiques=20)
    generated = Communique.objects.filter(slug__startswith="generated-")
    assert generated.count() == 50
    assert generated.public().count() == 50
    assert generated.values("title_ar").distinct().count() > 10


def test_generate_communiques_command_adds_them_without_the_demo(db, capsys):
    call_command("generate_communiques", 15)
    assert "15 communiqués generated." in capsys.readouterr().out
    assert Communique.objects.public().count() == 15


def test_generate_communiques_refuses_a_count_below_one(db):
    with pytest.raises(CommandError):
        call_command("generate_communiques", 0)
