"""The archive by year and month: Django's generic date views over the communiqués readable in
the page's language, with each year's and month's count in one query."""

import datetime

from django.db.models import Count, DateTimeField, QuerySet
from django.db.models.functions import ExtractMonth, ExtractYear
from django.http import Http404
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic.dates import ArchiveIndexView, MonthArchiveView, YearArchiveView

from common.prepared import Param, PreparedList, prepared

from .cache import public_page
from .views import PER_PAGE, links, listed


class ReadableArchive:
    date_field = "published_at"
    allow_future = True  # what is public is decided by Communique.objects.public()
    allow_empty = True  # an empty period is a 404, checked on the counts already made

    def get_queryset(self):
        return listed()


@method_decorator(public_page, name="dispatch")
class ArchiveIndex(ReadableArchive, ArchiveIndexView):
    template_name = "public/archive.html"

    def get_date_list(self, queryset, date_type=None, ordering="DESC"):
        """The years, latest first, each with how many communiqués it has."""
        return list(
            queryset.order_by()
            .annotate(year=ExtractYear("published_at"))
            .values("year")
            .annotate(count=Count("pk"))
            .order_by("-year")
        )

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **links(self.request)}


@method_decorator(public_page, name="dispatch")
class YearArchive(ReadableArchive, YearArchiveView):
    template_name = "public/archive_year.html"

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        """The months of the year that have communiqués, each with its count."""
        months = list(
            queryset.order_by()
            .annotate(month=ExtractMonth("published_at"))
            .values("month")
            .annotate(count=Count("pk"))
            .order_by("month")
        )
        if not months:
            raise Http404(_("No communiqués this year."))
        year = int(self.get_year())
        for month in months:
            month["date"] = datetime.date(year, month["month"], 1)
            month["slug"] = f"{month['month']:02d}"
        return months

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, "year": int(self.get_year()), **links(self.request)}


@prepared
def listed_between() -> QuerySet:
    """`listed()` published from `since` to before `until`, prepared (common/prepared.py)."""
    return listed(now=Param("now", DateTimeField())).filter(
        published_at__gte=Param("since", DateTimeField()),
        published_at__lt=Param("until", DateTimeField()),
    )


@method_decorator(public_page(parameters=("page",)), name="dispatch")
class MonthArchive(ReadableArchive, MonthArchiveView):
    template_name = "public/archive_month.html"
    month_format = "%m"
    paginate_by = PER_PAGE

    def get_dated_queryset(self, **lookup):
        """The month's communiqués, counted and paginated through a prepared list (the view
        neither requires them to exist nor hides future ones: see ReadableArchive)."""
        return PreparedList(
            listed_between,
            now=timezone.now(),
            since=lookup["published_at__gte"],
            until=lookup["published_at__lt"],
        )

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        return None  # the month's page lists its communiqués, not its days

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        if not page.paginator.count:
            raise Http404(_("No communiqués this month."))
        return {
            **context,
            "year": int(self.get_year()),
            "page": page,
            "communiques": page.object_list,
            **links(self.request, page=page),
        }
