"""The meetings tests' own cast (the shared fixtures are in tests/conftest.py)."""

import pytest

from common import roles
from meetings.models import Communique

Status = Communique.Status


@pytest.fixture
def regional(make_user):
    return make_user("regional", roles.REGIONAL_SECRETARY)
