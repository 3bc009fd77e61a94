"""People with addresses, and the workflow steps run with their after-commit callbacks."""

import email
import email.policy

import pytest
from django.core.management import call_command

from common import roles
from meetings.management.commands import run_periodic as command


@pytest.fixture
def staff(make_user):
    """A user of ``role`` with an @example.org address."""

    def make(username, role=None, **extra):
        extra.setdefault("email", f"{username}@example.org")
        return make_user(username, role, **extra)

    return make


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run ``step(*args, **kwargs)`` and then what it left for after commit (the signals,
    the queue): the way a request's transaction ends."""

    def run(step, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return step(*args, **kwargs)

    return run


@pytest.fixture
def approvers(staff):
    return [staff("approver-1", roles.APPROVER), staff("approver-2", roles.APPROVER)]


def parsed(message):
    """A sent Django message as a reader's mail program sees it."""
    return email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)


def parts(message):
    """(plain text, HTML) of a sent Django message."""
    html = next(content for content, mimetype in message.alternatives if mimetype == "text/html")
    return message.body, html


@pytest.fixture
def run_periodic(monkeypatch):
    """``manage.py run_periodic`` inside the test's transaction: the command closes stale
    connections first, which on PostgreSQL would close the test's own (not autocommit)."""
    monkeypatch.setattr(command, "close_old_connections", lambda: None)
    return lambda *only: call_command("run_periodic", only=list(only))
