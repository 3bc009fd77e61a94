from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from bureau.views import health
from public.cache import public_page
from public.sitemaps import SITEMAPS
from public.view_on_site import view_on_site
from public.views import robots_txt

from .views import FaviconView

admin.site.site_header = _("Bureau — the Political Bureau's back office")
admin.site.site_title = _("Bureau")
admin.site.index_title = _("Meetings, communiqués and regions")

urlpatterns = [
    path("admin/", include("accounts.urls")),
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site),
        name="view_on_site",
    ),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("notifications.urls")),
    path("health", health, name="health"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", FaviconView.as_view(), name="favicon"),
    path("sitemap.xml", public_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    # The open data API, with its own cache (readers/api/cache.py).
    path("api/", include("readers.api.urls")),
]

# A stopped primary database gives a clear 503, not a storm of 500s (see docs/deploy.md).
handler500 = "bureau.views.server_error"

urlpatterns += i18n_patterns(
    path("", include("readers.urls")),
    path("", include("public.urls")),
    prefix_default_language=False,
)
