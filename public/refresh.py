"""Refreshing one communiqué's page when only its replies changed (see docs/readers.md).

A publication starts a new cache generation for every page; approving a reply concerns one
page, so only that page's cached copies (one per language) are forgotten.
"""

from urllib.parse import unquote

from django.core.cache import cache
from django.http import HttpRequest
from django.utils import translation

from . import cache as page_cache


def forget_communique_pages(communiques) -> None:
    keys = []
    for communique in communiques:
        for language in communique.languages():
            with translation.override(language):
                request = HttpRequest()  # the page's address, as the cache keys it
                request.path = request.path_info = unquote(communique.get_absolute_url())
                keys.append(page_cache._page_key(request))
    cache.delete_many(keys)


def on_replies_changed(sender, *, communiques, **kwargs) -> None:
    """Receiver of ``readers.signals.replies_changed`` (sent after commit)."""
    forget_communique_pages(communiques)
