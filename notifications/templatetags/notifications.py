from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Notification

register = template.Library()


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
        '<a class="bureau-bell{}" href="{}" title="{}" aria-label="{}">'
        '<span aria-hidden="true">🔔</span>{}</a> / ',
        " has-unread" if unread else "",
        reverse("admin:notifications_notification_changelist"),
        label,
        label,
        format_html('<span class="bureau-bell-count">{}</span>', unread) if unread else "",
    )
