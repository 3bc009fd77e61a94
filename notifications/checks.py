from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def site_url_is_set(app_configs, **kwargs):
    """Mail and calendars need the site's own address for their links."""
    if settings.DEBUG or getattr(settings, "SITE_URL", ""):
        return []
    return [
        Warning(
            "SITE_URL is not set: links in notification emails and calendars would be relative.",
            hint="Set SITE_URL to the site's public address, e.g. https://bureau.example.org.",
            id="notifications.W001",
        )
    ]
