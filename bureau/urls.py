from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Bureau — the Political Bureau's back office")
admin.site.site_title = _("Bureau")
admin.site.index_title = _("Meetings, communiqués and regions")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("", include("meetings.urls")),
    prefix_default_language=False,
)
