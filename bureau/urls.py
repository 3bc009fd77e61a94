from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from bureau.views import health
from public.cache import public_page
from public.sitemaps import SITEMAPS
from public.views import robots_txt

from .views import FaviconView

admin.site.site_header = _("Bureau — the Political Bureau's back office")
admin.site.site_title = _("Bureau")
admin.site.index_title = _("Meetings, communiqués and regions")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("health", health, name="health"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", FaviconView.as_view(), name="favicon"),
    path("sitemap.xml", public_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
]

# A stopped primary database gives a clear 503, not a storm of 500s (see docs/deploy.md).
handler500 = "bureau.views.server_error"

urlpatterns += i18n_patterns(
    path("", include("public.urls")),
    prefix_default_language=False,
)
