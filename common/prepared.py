"""Queries compiled to SQL once per process and run again with new values: for the few queries
every uncached public page makes.

Building a queryset and compiling it costs about 0.5 ms of Python on every request, more than
PostgreSQL takes to answer it (docs/performance.md). A prepared query is built once, with a
`Param` wherever a value changes from one request to the next; the SQL Django compiled is
kept per database and language, and each call only fills in the values::

    @prepared
    def by_slug():
        return Communique.objects.filter(slug=Param("slug", models.CharField()))[:1]

    communiques = by_slug(slug="…")  # a list of model instances

The rows come back through `QuerySet.raw()`: model instances with their annotations as
attributes. Annotations are not converted by their output field (an SQLite boolean comes
back as 0 or 1), so read them for their truth or their number only.
"""

from collections.abc import Callable
from functools import update_wrapper

from django.core.signals import setting_changed
from django.db import DEFAULT_DB_ALIAS, connections, router
from django.db.models import Expression, QuerySet
from django.db.models.query import RawQuerySet
from django.utils.translation import get_language


class Param(Expression):
    """A value given each time the query runs, converted for the database as `output_field`
    converts a value compared with it."""

    def __init__(self, name: str, output_field):
        super().__init__(output_field=output_field)
        self.name = name

    def as_sql(self, compiler, connection):
        return "%s", [self]

    def __repr__(self):
        return f"Param({self.name!r})"


class prepared:  # noqa: N801 (a decorator)
    """Decorates `build`, which returns the query with its `Param`s: calling it with their
    values by name returns the rows."""

    def __init__(self, build: Callable[[], QuerySet]):
        self.build = build
        self.model = None
        # The SQL per language (a query may depend on it, as the readable communiqués do) and
        # per kind of database; forgotten when a test changes the settings.
        self.compiled: dict[tuple[str | None, str], tuple[str, tuple]] = {}
        setting_changed.connect(self.forget, weak=False)
        update_wrapper(self, build)

    def forget(self, **kwargs) -> None:
        self.compiled.clear()

    def __call__(self, **values) -> list:
        queryset = None
        if self.model is None:  # the router needs the model
            queryset = self.build()
            self.model = queryset.model
        using = router.db_for_read(self.model) or DEFAULT_DB_ALIAS
        connection = connections[using]
        key = (get_language(), connection.vendor)
        if key not in self.compiled:
            queryset = queryset if queryset is not None else self.build()
            self.compiled[key] = queryset.query.get_compiler(using).as_sql()
        sql, params = self.compiled[key]
        filled = [
            param.output_field.get_db_prep_value(values[param.name], connection)
            if isinstance(param, Param)
            else param
            for param in params
        ]
        return list(RawQuerySet(sql, model=self.model, params=filled, using=using))
