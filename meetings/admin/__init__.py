"""The bureau's back office: meetings with their agenda and decisions, and the communiqué
workflow."""

from . import communique, logs, meeting  # noqa: F401
