"""The API's addresses; bureau/urls.py includes them under /api/ (wrapping each view in the
public page cache, which this app must not import)."""

from django.urls import path

from . import views

app_name = "api"


def patterns(wrap=lambda view: view):
    return [
        path("", wrap(views.index), name="index"),
        path("openapi.json", wrap(views.openapi_description), name="openapi"),
        path("communiques/", wrap(views.communique_list), name="communiques"),
        # Any id reaches the view, which answers a JSON 404 for one that is not a number.
        path("communiques/<str:pk>/", wrap(views.communique_detail), name="communique"),
        path("regions/", wrap(views.region_list), name="regions"),
        path("officials/", wrap(views.officials), name="officials"),
    ]


urlpatterns = patterns()
