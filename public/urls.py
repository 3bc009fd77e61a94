from django.urls import path, register_converter

from . import archive, views
from .feeds import LatestAtomFeed, LatestRssFeed


class TwoDigits:
    """A month or a day: two digits, in range (anything else does not match: 404)."""

    regex = "[0-9]{2}"
    top = 31

    def to_python(self, value):
        if not 1 <= int(value) <= self.top:
            raise ValueError(value)
        return value

    def to_url(self, value):
        return f"{int(value):02d}"


class Month(TwoDigits):
    top = 12


class Year:
    # The archive starts in the twentieth century; a year like 9999 is no address at all.
    regex = "(?:19|20)[0-9]{2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):04d}"


register_converter(TwoDigits, "dd")
register_converter(Month, "mm")
register_converter(Year, "yyyy")

app_name = "public"

# Addresses read like dates: /2020/01/21/<slug>/; strip the slug for the month or the year.
urlpatterns = [
    path("", views.home, name="home"),
    path("archive/", archive.ArchiveIndex.as_view(), name="archive"),
    path("search/", views.search_page, name="search"),
    path("regions/", views.region_index, name="region_index"),
    path("regions/<slug:slug>/", views.region_detail, name="region_detail"),
    path("feed/rss/", LatestRssFeed(), name="feed_rss"),
    path("feed/atom/", LatestAtomFeed(), name="feed_atom"),
    path("<yyyy:year>/", archive.YearArchive.as_view(), name="archive_year"),
    path("<yyyy:year>/<mm:month>/", archive.MonthArchive.as_view(), name="archive_month"),
    path(
        "<yyyy:year>/<mm:month>/<dd:day>/<str:slug>/",
        views.communique_detail,
        name="communique_detail",
    ),
    path(
        "<yyyy:year>/<mm:month>/<dd:day>/<str:slug>/pdf/",
        views.communique_pdf,
        name="communique_pdf",
    ),
]
