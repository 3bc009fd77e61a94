from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Notification

register = template.Library()

# A bell drawn inline (no emoji font needed, no request); it takes the link's colour.
BELL = mark_safe(
    '<svg class="bureau-bell-icon" aria-hidden="true" viewBox="0 0 24 24" width="14" height="14">'
    '<path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11'
    'a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"/></svg>'
)


@register.simple_tag(takes_context=True)
def notification_bell(context):
    """The admin header's bell: a link to the user's notifications with the unread count."""
    user = context["request"].user
    if not user.is_authenticated:
        return ""
    unread = Notification.objects.filter(recipient=user).unread().count()
    label = (
        ngettext("%(count)s unread notification", "%(count)s unread notifications", unread)
        % {"count": unread}
        if unread
        else _("Notifications")
    )
    return format_html(
        '<a class="bureau-bell{}" href="{}" title="{}" aria-label="{}">{}{}</a> / ',
        " has-unread" if unread else "",
        reverse("admin:notifications_notification_changelist"),
        label,
        label,
        BELL,
        format_html('<span class="bureau-bell-count">{}</span>', unread) if unread else "",
    )
