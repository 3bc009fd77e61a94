"""A URLconf for tests/test_addresses.py: a view taking a date's parts in another order."""

from django.http import HttpResponse
from django.urls import path

urlpatterns = [
    path(
        "elsewhere/<slug:slug>/<int:year>-<int:month>-<int:day>/",
        lambda request, **kwargs: HttpResponse(),
        name="elsewhere",
    ),
]
