import datetime

import pytest
from django.core.management import call_command

from common import periodic


def test_publish_due_is_a_periodic_job():
    assert "publish_due" in periodic.jobs()


@pytest.mark.django_db
def test_run_periodic_runs_every_job_and_goes_on_after_a_failure(monkeypatch, capsys):
    ran = []

    def broken(now):
        raise RuntimeError("boom")

    monkeypatch.setattr(periodic, "_jobs", {"broken": broken, "ok": lambda now: ran.append(now)})
    with pytest.raises(SystemExit) as exit_:
        call_command("run_periodic")
    assert exit_.value.code == 1
    assert len(ran) == 1 and isinstance(ran[0], datetime.datetime)
    assert "ok: None" in capsys.readouterr().out


def test_run_periodic_refuses_an_unknown_job():
    with pytest.raises(SystemExit) as exit_:
        call_command("run_periodic", only=["nope"])
    assert exit_.value.code == 2
