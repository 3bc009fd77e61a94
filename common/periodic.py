"""Jobs that run on a timer (see docs/deploy.md): each app registers its own in its
``AppConfig.ready()``, and ``manage.py run_periodic`` runs them all, in registration order.

Every job must be idempotent: the timer may fire twice, or on several hosts at once.
"""

import datetime
from collections.abc import Callable

Job = Callable[[datetime.datetime], object]

_jobs: dict[str, Job] = {}


def register(name: str, job: Job) -> None:
    """Register ``job(now)`` under ``name`` (registering a name again replaces it)."""
    _jobs[name] = job


def jobs() -> dict[str, Job]:
    return dict(_jobs)
