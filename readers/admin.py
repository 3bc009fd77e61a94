"""The readers' side of the back office: the moderation queue, view counts, subscribers and
mailings (see docs/readers.md)."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from common.admin import ListRows, ReadOnlyAdmin
from meetings.models import Communique

from . import mailing, replies
from .models import CommuniqueViews, Mailing, Reply, ReplyClosure, Subscriber, ViewCount


def _moderation_action(status, description):
    def action(modeladmin, request, queryset):
        changed = replies.moderate(queryset, status, request.user)
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d reply marked “%(status)s”.",
                "%(count)d replies marked “%(status)s”.",
                changed,
            )
            % {"count": changed, "status": Reply.Status(status).label},
            messages.SUCCESS,
        )

    action.__name__ = f"mark_{status}"
    return admin.action(description=description, permissions=["moderate"])(action)


class PendingFirst(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*Reply.Status.choices, ("all", _("All"))]

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": (self.value() or Reply.Status.PENDING) == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or Reply.Status.PENDING
        return queryset if value == "all" else queryset.filter(status=value)


@admin.register(Reply)
class ReplyAdmin(ListRows, admin.ModelAdmin):
    """The moderation queue: pending replies first, approved, rejected or spam in bulk."""

    list_display = ["name", "excerpt", "communique", "status", "created_at"]
    list_filter = [PendingFirst]
    list_select_related = ["communique"]
    list_defer = Communique.long_columns("communique")
    search_fields = ["name", "text"]
    date_hierarchy = "created_at"
    actions = [
        _moderation_action(Reply.Status.APPROVED, _("Approve the selected replies")),
        _moderation_action(Reply.Status.REJECTED, _("Reject the selected replies")),
        _moderation_action(Reply.Status.SPAM, _("Mark the selected replies as spam")),
    ]
    fields = [
        "communique",
        "name",
        "email",
        "text",
        "status",
        "created_at",
        "moderated_by",
        "moderated_at",
    ]
    readonly_fields = fields

    @admin.display(description=_("reply"))
    def excerpt(self, reply):
        return reply.text[:120]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_moderate_permission(self, request):
        return request.user.has_perm("readers.moderate_reply")


@admin.register(ReplyClosure)
class ReplyClosureAdmin(ListRows, admin.ModelAdmin):
    list_display = ["communique", "closed_at", "closed_by"]
    list_select_related = ["communique", "closed_by"]
    list_defer = Communique.long_columns("communique")
    raw_id_fields = ["communique"]
    fields = ["communique"]

    def save_model(self, request, obj, form, change):
        obj.closed_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(CommuniqueViews)
class CommuniqueViewsAdmin(ReadOnlyAdmin, ListRows, admin.ModelAdmin):
    """Views per communiqué (all time); the month by month figures are under «view counts»."""

    list_display = ["title", "published_at", "views"]
    search_fields = ["title_ar", "title_fr"]
    date_hierarchy = "published_at"
    ordering = ["-published_at"]
    show_full_result_count = False  # docs/performance.md, admin changelists
    list_defer = Communique.long_columns()

    def get_queryset(self, request):
        # A subquery per row shown, not a join grouped over every communiqué
        # (docs/performance.md, admin changelists).
        views = (
            ViewCount.objects.filter(communique=OuterRef("pk"))
            .order_by()
            .values("communique")
            .annotate(total=Sum("count"))
            .values("total")
        )
        return (
            super()
            .get_queryset(request)
            .filter(status__in=[Communique.Status.PUBLISHED, Communique.Status.WITHDRAWN])
            .annotate(total_views=Subquery(views))
        )

    @admin.display(description=_("views"), ordering="total_views")
    def views(self, communique):
        return communique.total_views or 0


@admin.register(ViewCount)
class ViewCountAdmin(ListRows, admin.ModelAdmin):
    list_display = ["communique", "month_label", "count"]
    list_select_related = ["communique"]
    list_defer = Communique.long_columns("communique")
    date_hierarchy = "month"
    search_fields = ["communique__title_ar", "communique__title_fr"]

    @admin.display(description=_("month"), ordering="month")
    def month_label(self, row):
        return f"{row.month:%Y-%m}"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "language", "consented_at"]
    list_filter = ["language"]
    search_fields = ["email"]
    fields = ["email", "language", "consented_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class MailingForm(forms.ModelForm):
    class Meta:
        model = Mailing
        fields = ["communique"]

    def clean_communique(self):
        communique = self.cleaned_data["communique"]
        if not Communique.objects.public().filter(pk=communique.pk).exists():
            raise forms.ValidationError(_("Only a public communiqué can be sent to subscribers."))
        return communique


@admin.register(Mailing)
class MailingAdmin(ListRows, admin.ModelAdmin):
    """Every sending to subscribers; adding one sends a communiqué again (after a correction)."""

    form = MailingForm
    list_display = ["communique", "number", "requested_by", "created_at", "sent"]
    list_select_related = ["communique", "requested_by"]
    list_defer = Communique.long_columns("communique")
    raw_id_fields = ["communique"]
    fields = ["communique"]

    def get_queryset(self, request):
        sent = Count("deliveries", filter=Q(deliveries__sent_at__isnull=False))
        return super().get_queryset(request).annotate(sent_count=sent)

    @admin.display(description=_("messages sent"), ordering="sent_count")
    def sent(self, row):
        return row.sent_count

    def has_change_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        sent = mailing.resend(form.cleaned_data["communique"], requested_by=request.user)
        obj.pk, obj.number, obj.requested_by = sent.pk, sent.number, sent.requested_by
        messages.info(request, _("The communiqué will be sent again to its subscribers."))
