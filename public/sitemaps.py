"""sitemap.xml: every public communiqué in each language it is translated into."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import BooleanField, Case, Value, When
from django.urls import reverse

from meetings.models import Communique, translated_into

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class CommuniqueSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 10000

    def items(self):
        translated = {
            f"has_{code}": Case(
                When(translated_into(code), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
            for code in OTHER_LANGUAGES
        }
        return (
            Communique.objects.public()
            .only("slug", "published_at", "created_at", "corrected_at", "updated_at")
            .annotate(**translated)
            .order_by("-published_at", "-pk")
        )

    def get_languages_for_item(self, item):
        return [settings.LANGUAGE_CODE] + [c for c in OTHER_LANGUAGES if getattr(item, f"has_{c}")]

    def lastmod(self, item):
        return item.corrected_at or item.published_at


class PagesSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "daily"

    def items(self):
        return ["public:home", "public:archive", "public:region_index"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"pages": PagesSitemap, "communiques": CommuniqueSitemap}
