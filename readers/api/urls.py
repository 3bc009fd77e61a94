"""The API's addresses, included under /api/ by bureau/urls.py."""

from django.urls import path

from . import views
from .cache import cached_answer as cached

app_name = "api"

urlpatterns = [
    path("", cached(views.index), name="index"),
    path("openapi.json", cached(views.openapi_description), name="openapi"),
    path("communiques/", cached(views.communique_list), name="communiques"),
    # Any id reaches the view, which answers a JSON 404 for one that is not a number.
    path("communiques/<str:pk>/", cached(views.communique_detail), name="communique"),
    path("regions/", cached(views.region_list), name="regions"),
    path("officials/", cached(views.officials), name="officials"),
]
