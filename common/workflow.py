"""The vocabulary every workflow shares (the communiqué's and the congress outcome's): a refused
step raises one of these, carrying a message in words for the person who tried."""

from contextlib import contextmanager

from django.core.exceptions import PermissionDenied


class WorkflowError(Exception):
    """A refused step; ``message`` says why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotAllowed(WorkflowError):
    """The actor lacks the right to take this step (a view answers 403)."""


class InvalidTransition(WorkflowError):
    """The object is not in a state from which this step is possible."""


@contextmanager
def forbidden_when_not_allowed():
    """Inside a view: a ``NotAllowed`` refusal becomes a 403; other refusals pass through for
    the view to show (a message, a form error)."""
    try:
        yield
    except NotAllowed as refusal:
        raise PermissionDenied(refusal.message) from refusal
