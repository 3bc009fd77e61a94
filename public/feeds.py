"""Atom and RSS feeds of the latest communiqués, one per language (its URL prefix)."""

import nh3
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from common.organisation import organisation_name

from .cache import public_page
from .related import listed_now

FEED_LENGTH = 20


@method_decorator(public_page, name="__call__")
class LatestRssFeed(Feed):
    def title(self):
        return f"{organisation_name()} — {_('Communiqués')}"

    def link(self):
        return reverse("public:home")

    def description(self):
        return _("The latest communiqués of the Political Bureau.")

    def feed_url(self):
        return reverse("public:feed_rss")

    def items(self):
        return listed_now.rows(0, FEED_LENGTH, now=timezone.now())

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers render the summary as HTML (RSS description, Atom type="html"): markup
        # typed into a body is removed, and what remains is escaped text.
        return nh3.clean(Truncator(item.body).words(80), tags=set())

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.corrected_at or item.published_at

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = get_language()
        return feed


class LatestAtomFeed(LatestRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()

    def feed_url(self):
        return reverse("public:feed_atom")
