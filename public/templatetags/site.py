"""The parts of every public page that depend on the language alone (the head's links, the
brand, the navigation, the search box, the footer), rendered once per language and process.

Together they are about twenty `{% url %}`, `{% static %}` and `{% translate %}` calls, half a
millisecond of every uncached page (docs/performance.md). Nothing in them may depend on the
request or the page: their templates get the organisation's name and nothing else.
"""

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from common.organisation import organisation_name

register = template.Library()

PARTS = {"head", "brand", "nav", "search_box", "footer"}
_rendered: dict[tuple[str, str, str], SafeString] = {}


@register.simple_tag
def site_part(name: str) -> SafeString:
    """`templates/site/<name>.html` in the active language."""
    if name not in PARTS:
        raise template.TemplateSyntaxError(f"site_part: no part named {name!r}")
    key = (name, get_language() or settings.LANGUAGE_CODE, get_script_prefix())
    html = _rendered.get(key)
    if html is None:
        html = mark_safe(
            render_to_string(f"site/{name}.html", {"ORGANISATION_NAME": organisation_name()})
        )
        if not settings.DEBUG:  # while developing, an edited template shows at once
            _rendered[key] = html
    return html


@receiver(setting_changed)
def forget_rendered_parts(**kwargs) -> None:
    """Tests that change the organisation's name, the static files or the languages."""
    _rendered.clear()
