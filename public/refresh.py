"""Refreshing one communiqué's page when only its replies changed (see docs/readers.md).

A publication starts a new cache generation for every page; approving a reply concerns one
page, so only that page's cached copies are forgotten: in each of its languages, under every
address the site answers to (the hosts of ALLOWED_HOSTS and SITE_URL, http and https).
"""

from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.utils import translation

from .cache import local_pages, page_key, page_store


def _hosts() -> set[str]:
    hosts = {h for h in settings.ALLOWED_HOSTS if h and "*" not in h and not h.startswith(".")}
    if settings.SITE_URL:
        hosts.add(urlsplit(settings.SITE_URL).netloc)
    return hosts


def forget_communique_pages(communiques) -> None:
    keys = []
    for communique in communiques:
        for language in communique.languages():
            with translation.override(language):
                path = unquote(communique.get_absolute_url())
            keys += [
                page_key(scheme, host, path, ())
                for scheme in ("http", "https")
                for host in _hosts()
            ]
    page_store().delete_many(keys)
    # This process's own copy too; another process's copy lives half a second at most.
    for key in keys:
        local_pages.pages.pop(key, None)


def on_replies_changed(sender, *, communiques, **kwargs) -> None:
    """Receiver of ``readers.signals.replies_changed`` (sent after commit)."""
    forget_communique_pages(communiques)
