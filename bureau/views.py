"""The site's own small answers, outside the public pages and the admin."""

from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.views.generic import RedirectView


class FaviconView(RedirectView):
    """/favicon.ico, which browsers ask for on every page that names no icon (the admin's
    error pages, PDFs, feeds): a temporary redirect to the SVG icon, whose address carries
    its content hash in production, so a new icon is picked up."""

    permanent = False

    def get_redirect_url(self, *args, **kwargs):
        return static("img/favicon.svg")

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=86400)
        return response
