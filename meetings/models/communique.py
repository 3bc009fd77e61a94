"""The press communiqué: its text in each language, its place in the workflow, its search
index columns, and which readers may see it."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.addresses import dated_address
from common.dates import validate_sensible_date
from common.text import PlainCharField, PlainSlugField, PlainTextField
from meetings import search_index

from .core import Meeting
from .search import SearchWord


def translated_into(language: str) -> Q:
    """The communiqués readable in ``language``: all of them in Arabic (the text every
    communiqué has), those with a title and a body in that language otherwise."""
    if language == settings.LANGUAGE_CODE:
        return Q()
    return Q(**{f"title_{language}__gt": "", f"body_{language}__gt": ""})


# The statuses of a communiqué a reader may see once its time has come.
PUBLIC_STATUSES = ["published", "scheduled"]


class CommuniqueQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        """Bulk loads are indexed for the search as save() indexes one communiqué."""
        objs = list(objs)
        for communique in objs:
            for name, value in search_index.document(
                communique.title_ar, communique.body_ar
            ).items():
                setattr(communique, name, value)
        created = super().bulk_create(objs, *args, **kwargs)
        SearchWord.remember(*(text for c in objs for text in (c.search_title, c.search_body)))
        return created

    def public(self, now=None):
        """What a reader may see: published, or scheduled and whose time has come."""
        now = now or timezone.now()
        return self.filter(status__in=PUBLIC_STATUSES, published_at__lte=now)

    def readable_in(self, language: str):
        return self.filter(translated_into(language))


class Communique(models.Model):
    """A press communiqué (بلاغ صحفي): one per held meeting, or a standalone statement."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        IN_REVIEW = "in_review", _("in review")
        APPROVED = "approved", _("approved")
        SCHEDULED = "scheduled", _("scheduled")
        PUBLISHED = "published", _("published")
        WITHDRAWN = "withdrawn", _("withdrawn")

    meeting = models.OneToOneField(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="communique",
        verbose_name=_("meeting"),
        help_text=_("Empty for a standalone statement."),
    )
    title = PlainCharField(_("title"), max_length=300)
    slug = PlainSlugField(_("slug"), max_length=200, unique=True, allow_unicode=True)
    body = PlainTextField(_("body"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publication time"),
        validators=[validate_sensible_date],
        null=True,
        blank=True,
        help_text=_("When it became public, or, when scheduled, when it will."),
    )
    corrected_at = models.DateTimeField(_("corrected on"), null=True, blank=True)
    correction_note = PlainTextField(_("correction note"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    text_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last edited by"),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    # Bumped by every save: a form carrying an older version is refused (no lost update).
    version = models.PositiveIntegerField(_("version"), default=1)
    # The public site's «you may also like» communiqués that share its regions or topics, best
    # first, per reading language ({"ar": [ids], ...}); written by the public site after each
    # workflow step, because ranking them is a page's costliest query (docs/performance.md).
    related_ids = models.JSONField(null=True, blank=True, editable=False)
    # The search index (meetings.search_index), kept in step with the Arabic text by save().
    search_title = models.TextField(editable=False, default="")
    search_body = models.TextField(editable=False, default="")
    search_document = models.GeneratedField(
        expression=search_index.SearchDocument(),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    search_title_document = models.GeneratedField(
        expression=search_index.SearchDocument(body=None),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = CommuniqueQuerySet.as_manager()

    # Deferred by the lists (docs/performance.md, admin changelists).
    LONG_FIELDS = (
        "body",
        "correction_note",
        "related_ids",
        "search_title",
        "search_body",
        "search_document",
        "search_title_document",
    )

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("communiqué")
        verbose_name_plural = _("communiqués")
        permissions = [
            ("submit_communique", _("Can submit a communiqué for review")),
            ("approve_communique", _("Can approve a communiqué or request changes")),
            ("publish_communique", _("Can publish, schedule, withdraw and correct a communiqué")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=["scheduled", "published", "withdrawn"])
                | Q(published_at__isnull=False),
                name="meetings_communique_public_has_publication_time",
                violation_error_message=_("A published or scheduled communiqué needs a time."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "published_at"]),
            # The admin's list in its default order (docs/performance.md, admin changelists).
            models.Index(
                fields=["-published_at", "-created_at", "-id"], name="communique_newest_first"
            ),
            # The public lists of each translation (/fr/, /en/) read its few translated
            # communiqués newest first, and count them, without walking the whole archive.
            *(
                models.Index(
                    fields=["-published_at", "-created_at"],
                    condition=Q(status__in=PUBLIC_STATUSES) & translated_into(code),
                    name=f"communique_readable_{code}",
                )
                for code, _name in settings.LANGUAGES
                if code != settings.LANGUAGE_CODE
            ),
            # PostgreSQL only (see migration 0007). Without the pending list, a bulk load is
            # searchable through the index at once.
            GinIndex(fields=["search_document"], name="communique_search", fastupdate=False),
            # The admin's search box, PostgreSQL only (docs/performance.md, admin changelists).
            *(
                GinIndex(
                    OpClass(Upper(field), name="gin_trgm_ops"), name=f"communique_{field}_trgm"
                )
                for field in ("title_ar", "title_fr", "slug")
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, update_fields=None, **kwargs):
        texts = {"title", "body", "title_ar", "body_ar"}
        if update_fields is None or texts & set(update_fields):
            for name, value in search_index.document(self.title_ar, self.body_ar).items():
                setattr(self, name, value)
            if update_fields is not None:
                update_fields = {*update_fields, "search_title", "search_body"}
        super().save(*args, update_fields=update_fields, **kwargs)
        if update_fields is None or "search_body" in update_fields:
            SearchWord.remember(self.search_title, self.search_body)

    def get_absolute_url(self):
        local = timezone.localtime(self.published_at or self.created_at)
        return dated_address("public:communique_detail", local.date(), self.slug)

    @classmethod
    def long_columns(cls, through: str = "") -> list[str]:
        """LONG_FIELDS with their translations (body_ar, body_fr…), named for any queryset,
        a proxy's too (modeltranslation expands names for the registered model only), or
        for a queryset of rows related to a communiqué ``through`` a field, selected with them
        ("communique": "communique__body_ar"…)."""
        prefix = f"{through}__" if through else ""
        return [
            prefix + field.name
            for field in cls._meta.concrete_fields
            if field.name in cls.LONG_FIELDS
            or getattr(getattr(field, "translated_field", None), "name", None) in cls.LONG_FIELDS
        ]

    def languages(self) -> list[str]:
        """The languages this communiqué can be read in, Arabic first."""
        return [
            code
            for code, _name in settings.LANGUAGES
            if code == settings.LANGUAGE_CODE
            or (getattr(self, f"title_{code}") and getattr(self, f"body_{code}"))
        ]

    @classmethod
    def plain(cls) -> CommuniqueQuerySet:
        """Django's own queryset of communiqués, without modeltranslation's, which rewrites
        every lookup, ordering and `only()` into the active language's columns: that costs
        about half a millisecond of Python a query (docs/performance.md). For the public
        pages' queries, which name the translated columns themselves (`title_fr`, …); the
        instances read `title`, `body` in the active language as usual."""
        return CommuniqueQuerySet(model=cls)
