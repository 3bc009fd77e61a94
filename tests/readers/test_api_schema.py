"""Property-based check of the API against its own OpenAPI description (schemathesis):
generated parameters never cause a 500, and every answer matches the description."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from readers.api.openapi import description

schema = schemathesis.openapi.from_dict(description("http://localhost/api"))
schema.app = get_wsgi_application()


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Schemathesis calls the WSGI application itself, which closes the database connection at
    the end of each request; Django's test client disconnects that, and so do we (else the test
    transaction is lost on PostgreSQL)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def some_public_data(db, make_communique):
    make_communique(title_fr="Communiqué", body_fr="Texte")
    make_communique()


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_keeps_to_its_description(case):
    # A page past the last one is a 400 by design, which no static description can express:
    # the check that every schema-valid request succeeds is left out (tests/readers/test_api.py
    # covers the pages).
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
