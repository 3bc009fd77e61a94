"""The admin's preview shows a communiqué exactly as readers will see it.

The page belongs to the public site, which sits above this app: it registers its rendering
function here when it loads (``public.apps``), so the admin never imports the public site.
"""

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse

_renderer: Callable[..., HttpResponse] | None = None


def register(renderer: Callable[..., HttpResponse]) -> None:
    """Called by the public site with its ``communique_page(request, communique, preview=True)``."""
    global _renderer
    _renderer = renderer


def render(request: HttpRequest, communique) -> HttpResponse:
    if _renderer is None:  # no public site installed: nothing to preview
        raise Http404
    return _renderer(request, communique, preview=True)
