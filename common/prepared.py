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

The rows come back as model instances with their annotations as attributes, made as Django's
own iterable makes them; which column goes where, and the converters each column needs, are
worked out when the query is compiled, not on every call.

On PostgreSQL the statements are also prepared on the server, which then keeps their plans:
planning these small queries cost PostgreSQL more than running them (docs/performance.md).
PostgreSQL soon settles on one plan for all values; where the best plan depends on the values
(a search's words), `prepared(build, plan_once=False)` keeps only the compiled SQL.
`DB_PREPARED_STATEMENTS=0` turns that off, for a connection pooler that cannot keep them
(docs/deploy.md); the queries then run unprepared, as any other.
"""

from collections.abc import Callable
from functools import update_wrapper

from django.core.signals import setting_changed
from django.db import DEFAULT_DB_ALIAS, connections, router
from django.db.backends.postgresql.base import ServerBindingCursor
from django.db.models import Expression, IntegerField, QuerySet
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
    values by name returns the rows; `count()` counts them and `rows()` reads a part."""

    def __init__(self, build: Callable[[], QuerySet], *, plan_once: bool = True):
        self.build = build
        # Whether PostgreSQL may keep one plan for every call (see statement_cursor): not for a
        # query whose best plan depends on its values, as the search's does on its words.
        self.plan_once = plan_once
        self.model = None
        # The SQL per form of the query (all, counted, a slice), language (a query may depend
        # on it, as the readable communiqués do) and kind of database; forgotten when a test
        # changes the settings.
        self.compiled: dict[tuple, Compiled] = {}
        # Weakly: a prepared query made on the fly (one per search pattern) goes with its last
        # reference.
        setting_changed.connect(self.forget)
        update_wrapper(self, build)

    def forget(self, **kwargs) -> None:
        self.compiled.clear()

    def __call__(self, **values) -> list:
        return self._rows("all", lambda query: query, values)

    def tuples(self, **values) -> list[tuple]:
        """The rows as tuples, for a `values_list()` query."""
        using, compiled, rows = self._fetch("all", lambda query: query, values)
        return compiled.converted(rows, using)

    def count(self, **values) -> int:
        using, compiled = self._compiled("count", lambda query: query.order_by().values("pk"))
        with self._cursor(using) as cursor:
            cursor.execute(
                f"SELECT COUNT(*) FROM ({compiled.sql}) counted",
                self._fill(compiled.params, values, using),
            )
            return cursor.fetchone()[0]

    def rows(self, start: int, stop: int, **values) -> list:
        """Rows `start` to `stop` (a page of a list). The first pages are kept compiled, each
        with its own LIMIT and OFFSET, which Django writes into the SQL."""
        if stop <= start:
            return []  # an empty list's only page
        form = ("slice", start, stop) if start < MAX_KEPT_OFFSET else None
        return self._rows(form, lambda query: query[start:stop], values)

    def _rows(self, form, shape: Callable[[QuerySet], QuerySet], values: dict) -> list:
        using, compiled, rows = self._fetch(form, shape, values)
        return compiled.instances(rows, using)

    def _fetch(self, form, shape: Callable[[QuerySet], QuerySet], values: dict):
        """The database read, the query compiled in this form, and its rows as the database
        gave them."""
        using, compiled = self._compiled(form, shape)
        with self._cursor(using) as cursor:
            cursor.execute(compiled.sql, self._fill(compiled.params, values, using))
            return using, compiled, cursor.fetchall()

    def _compiled(self, form, shape: Callable[[QuerySet], QuerySet]) -> tuple[str, "Compiled"]:
        """The database to read from, and the query in this form compiled for it, now unless
        kept (`form` None: never kept)."""
        query = None
        if self.model is None:  # the router needs the model
            query = self.build()
            self.model = query.model
        using = router.db_for_read(self.model) or DEFAULT_DB_ALIAS
        key = (form, get_language(), connections[using].vendor)
        compiled = self.compiled.get(key)
        if compiled is None:
            query = shape(query if query is not None else self.build())
            compiled = Compiled(query.query.get_compiler(using))
            if form is not None:
                self.compiled[key] = compiled
        return using, compiled

    def _cursor(self, using: str):
        return statement_cursor(using) if self.plan_once else connections[using].cursor()

    @staticmethod
    def _fill(params, values: dict, using: str) -> list:
        connection = connections[using]
        return [
            param.output_field.get_db_prep_value(values[param.name], connection)
            if isinstance(param, Param)
            else param
            for param in params
        ]


class Compiled:
    """A query's SQL and parameters, and how its rows become model instances: what
    `ModelIterable` works out again for every queryset it runs."""

    def __init__(self, compiler):
        self.sql, self.params = compiler.as_sql()
        select = compiler.select
        # Django's compiler puts the model's columns first, then the annotations.
        fields = compiler.klass_info["select_fields"] if compiler.klass_info else []
        self.model = compiler.klass_info["model"] if compiler.klass_info else None
        self.start, self.stop = (fields[0], fields[-1] + 1) if fields else (0, 0)
        self.attnames = [column.target.attname for column, *_ in select[self.start : self.stop]]
        self.annotations = list(compiler.annotation_col_map.items())
        # {position: (converters, expression)}: the database's and the fields' from_db_value.
        self.converters = compiler.get_converters([column for column, *_ in select])

    def converted(self, rows: list[tuple], using: str) -> list[tuple]:
        """`rows` with each column converted to its Python value."""
        if not self.converters:
            return rows
        connection = connections[using]
        converted = []
        for row in rows:
            row = list(row)
            for position, (converters, expression) in self.converters.items():
                for convert in converters:
                    row[position] = convert(row[position], expression, connection)
            converted.append(tuple(row))
        return converted

    def instances(self, rows: list[tuple], using: str) -> list:
        objects = []
        for row in self.converted(rows, using):
            instance = self.model.from_db(using, self.attnames, row[self.start : self.stop])
            for name, position in self.annotations:
                setattr(instance, name, row[position])
            objects.append(instance)
        return objects


MAX_KEPT_OFFSET = 100  # the first ten pages of ten


def statement_cursor(using: str):
    """A cursor of the database `using` (Django's, wrapped and logged as any other) whose
    statements PostgreSQL prepares and keeps: psycopg names each new statement, and runs it
    again by that name. Django's own cursors bind their values in Python and never prepare.
    Elsewhere, the database's usual cursor."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return connection.cursor()
    # What connection.cursor() does, with a cursor that binds its values on the server.
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    with connection.wrap_database_errors:
        return connection._prepare_cursor(_StatementCursor(connection.connection))


class _StatementCursor(ServerBindingCursor):
    def execute(self, query, params=None, **kwargs):
        # psycopg prepares a statement at once when asked, unless the connection's
        # prepare_threshold is None (DB_PREPARED_STATEMENTS=0).
        return super().execute(query, params, prepare=True, **kwargs)


def id_params(count: int) -> list[Param]:
    """`count` parameters `id0`, `id1`… for a `pk__in`: up to `count` ids in one compiled
    query (give them with `id_values`)."""
    return [Param(f"id{n}", IntegerField()) for n in range(count)]


def id_values(ids: list[int], count: int) -> dict[str, int]:
    """The values of `id_params(count)` for `ids`, padded with 0, which is no row's id."""
    padded = [*ids, *[0] * (count - len(ids))]
    return {f"id{n}": pk for n, pk in enumerate(padded)}


class PreparedList:
    """A prepared query with its values, as Django's `Paginator` reads a list: its count, and
    the rows of a page."""

    def __init__(self, query: prepared, **values):
        self.query = query
        self.values = values

    def count(self) -> int:
        return self.query.count(**self.values)

    def __getitem__(self, index: slice) -> list:
        return self.query.rows(index.start or 0, index.stop, **self.values)
