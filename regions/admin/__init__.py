"""The regions back office. Every admin here narrows its rows, choices and autocompletes through
regions.access (see scoped.py)."""

from . import congress, people, territory  # noqa: F401
