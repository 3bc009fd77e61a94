"""The admin: each user's notification list (the bell's page) and notification settings.

Everyone sees only their own notifications and settings; members of the secretariat (the
``change_preference`` permission) see everyone's settings and may reset them."""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from common.admin import ReadOnlyAdmin

from .compose import absolute
from .forms import PreferenceForm
from .models import Mail, Notification, Preference, new_calendar_token


def _staff(request) -> bool:
    return request.user.is_active and request.user.is_staff


class ReadFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "read"

    def lookups(self, request, model_admin):
        return [("no", _("unread")), ("yes", _("read"))]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(read_at__isnull=True)
        if self.value() == "yes":
            return queryset.filter(read_at__isnull=False)
        return queryset


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["open_link", "event", "created_at", "is_read"]
    list_display_links = None
    list_filter = [ReadFilter, "event"]
    actions = ["mark_read", "mark_unread"]
    date_hierarchy = None

    def get_queryset(self, request):
        return super().get_queryset(request).filter(recipient=request.user)

    def has_module_permission(self, request):
        return _staff(request)

    def has_view_permission(self, request, obj=None):
        return _staff(request) and (obj is None or obj.recipient_id == request.user.pk)

    def get_urls(self):
        return [
            path(
                "<int:pk>/open/",
                self.admin_site.admin_view(self.open_view),
                name="notifications_notification_open",
            ),
            *super().get_urls(),
        ]

    def open_view(self, request, pk):
        """Mark the notification read and go to the page it is about."""
        if not _staff(request):
            raise PermissionDenied
        notification = get_object_or_404(self.get_queryset(request), pk=pk)
        if notification.read_at is None:
            notification.read_at = timezone.now()
            notification.save(update_fields=["read_at"])
        # Stored absolute for mail; followed here on whatever host the admin is served from.
        return HttpResponseRedirect(notification.url.removeprefix(settings.SITE_URL) or "/admin/")

    @admin.display(description=_("notification"))
    def open_link(self, notification):
        return format_html(
            '<a href="{}"{}>{}</a>',
            reverse("admin:notifications_notification_open", args=[notification.pk]),
            "" if notification.read_at else format_html(' class="{}"', "bureau-unread"),
            notification.title,
        )

    @admin.display(description=_("read"), boolean=True)
    def is_read(self, notification):
        return notification.read_at is not None

    @admin.action(description=_("Mark as read"))
    def mark_read(self, request, queryset):
        count = queryset.filter(read_at__isnull=True).update(read_at=timezone.now())
        self.message_user(
            request,
            ngettext(
                "%(count)s notification marked as read.",
                "%(count)s notifications marked as read.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark as unread"))
    def mark_unread(self, request, queryset):
        queryset.update(read_at=None)


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    form = PreferenceForm
    list_display = ["user", "language", "emails_off"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email"]
    actions = ["reset", "revoke_calendar"]

    class Media:
        js = ["notifications/copy.js"]

    def manages_all(self, request) -> bool:
        return request.user.has_perm("notifications.change_preference")

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if self.manages_all(request) else queryset.filter(user=request.user)

    def _own_or_managed(self, request, obj):
        if not _staff(request):
            return False
        return obj is None or obj.user_id == request.user.pk or self.manages_all(request)

    def has_module_permission(self, request):
        return _staff(request)

    def has_view_permission(self, request, obj=None):
        return self._own_or_managed(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._own_or_managed(request, obj)

    def has_manage_permission(self, request):
        return self.manages_all(request)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_fields(self, request, obj=None):
        fields = ["user", "language", "email_on"]
        if obj is not None and obj.user_id == request.user.pk:
            fields.append("calendar_address")
        return fields

    def get_readonly_fields(self, request, obj=None):
        return ["user", "calendar_address"]

    def get_urls(self):
        return [
            path(
                "mine/",
                self.admin_site.admin_view(self.mine_view),
                name="notifications_preference_mine",
            ),
            *super().get_urls(),
        ]

    def mine_view(self, request):
        """The user's own settings page (created on first visit)."""
        if not _staff(request):
            raise PermissionDenied
        preference, _created = Preference.objects.get_or_create(user=request.user)
        return redirect("admin:notifications_preference_change", preference.pk)

    @admin.display(description=_("emails turned off"))
    def emails_off(self, preference):
        return len(preference.email_off or [])

    @admin.display(description=_("private calendar address"))
    def calendar_address(self, preference):
        url = absolute(reverse("private_calendar", args=[preference.calendar_token]))
        return format_html(
            '<input type="text" id="calendar-address" class="vLargeTextField" readonly '
            'value="{}" dir="ltr"> '
            '<button type="button" class="button" data-copy-target="calendar-address" '
            'data-copied="{}">{}</button> '
            '<button type="submit" class="button" name="_regenerate_calendar">{}</button>'
            '<div class="help">{}</div>',
            url,
            _("Copied"),
            _("Copy"),
            _("Regenerate"),
            _(
                "Add this address to your calendar app to see your meetings, the due dates "
                "of your decisions and the congresses you follow. Keep it secret: anyone with "
                "it can read your calendar. Regenerate it if it leaked: the old address stops "
                "working."
            ),
        )

    def response_change(self, request, obj):
        if "_regenerate_calendar" in request.POST and obj.user_id == request.user.pk:
            obj.calendar_token = new_calendar_token()
            obj.save(update_fields=["calendar_token"])
            self.message_user(
                request,
                _("Your calendar has a new address: the old one no longer works."),
                messages.SUCCESS,
            )
            return redirect(request.path)
        return super().response_change(request, obj)

    @admin.action(
        description=_("Reset to the defaults (site language, every email on)"),
        permissions=["manage"],
    )
    def reset(self, request, queryset):
        count = queryset.update(language="", email_off=[])
        self.message_user(
            request,
            ngettext("%(count)s user's settings reset.", "%(count)s users' settings reset.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Revoke the calendar addresses"), permissions=["manage"])
    def revoke_calendar(self, request, queryset):
        for preference in queryset:
            preference.calendar_token = new_calendar_token()
            preference.save(update_fields=["calendar_token"])
        self.message_user(request, _("The old calendar addresses no longer work."))


@admin.register(Mail)
class MailAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """The outgoing queue, read-only: what left, what waits, what was given up and why."""

    list_display = ["subject", "to", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["to", "subject", "key"]
    readonly_fields = [f.name for f in Mail._meta.fields]
