"""The party's territory (regions, provinces), its congresses and its people's offices."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from common.dates import long_date, validate_sensible_date
from common.text import PlainCharField, PlainSlugField, PlainTextField

from .storage import private_storage
from .validators import validate_minutes_pdf


class Region(models.Model):
    """One of Morocco's 12 regions (decree 2-15-40 of 2015)."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name = PlainCharField(_("name"), max_length=100)
    slug = PlainSlugField(_("slug"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        permissions = [
            ("view_all_regions", _("Can see the congresses, people and mandates of every region")),
        ]

    def __str__(self):
        return self.name


class Province(models.Model):
    """A province (إقليم) or prefecture (عمالة); each lies in exactly one region."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("province")
        PREFECTURE = "prefecture", _("prefecture")

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="provinces", verbose_name=_("region")
    )
    code = models.CharField(_("ISO 3166-2 code"), max_length=6, unique=True)
    name = PlainCharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.PROVINCE)

    class Meta:
        ordering = ["region__order", "name_ar"]
        verbose_name = _("province or prefecture")
        verbose_name_plural = _("provinces and prefectures")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name_ar"], name="regions_province_unique_name_in_region"
            ),
        ]

    def __str__(self):
        return self.name


class Congress(models.Model):
    """A regional or provincial congress (مؤتمر) and its outcome."""

    class Level(models.TextChoices):
        REGIONAL = "regional", _("regional")
        PROVINCIAL = "provincial", _("provincial")

    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("congress status", "planned")
        HELD = "held", pgettext_lazy("congress status", "held")
        SUBMITTED = "submitted", _("awaiting validation")
        VALIDATED = "validated", _("validated")

    level = models.CharField(_("level"), max_length=10, choices=Level, default=Level.REGIONAL)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="congresses", verbose_name=_("region")
    )
    provinces = models.ManyToManyField(
        Province,
        blank=True,
        related_name="congresses",
        verbose_name=_("provinces"),
        help_text=_("For a provincial congress: the provinces its party section covers."),
    )
    date = models.DateField(_("date"), validators=[validate_sensible_date])
    venue = PlainCharField(_("venue"), max_length=200, blank=True)
    delegates = models.PositiveIntegerField(_("delegates present"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PLANNED)
    summary = PlainTextField(_("outcome summary"), blank=True)
    is_public = models.BooleanField(
        _("on the public calendar"),
        default=False,
        help_text=_("List this congress on the public calendar (/calendar.ics) before it is held."),
    )
    minutes = models.FileField(
        _("minutes (PDF)"),
        upload_to="congress-minutes/%Y/",
        storage=private_storage,
        validators=[validate_minutes_pdf],
        blank=True,
    )

    class Meta:
        ordering = ["-date"]
        verbose_name = _("congress")
        verbose_name_plural = _("congresses")
        permissions = [
            ("submit_congress", _("Can submit a congress outcome to the bureau")),
            ("validate_congress", _("Can validate a congress outcome or send it back")),
        ]

    def __str__(self):
        if self.level == self.Level.REGIONAL:
            label = _("Regional congress of %(region)s") % {"region": self.region}
        else:
            label = _("Provincial congress in %(region)s") % {"region": self.region}
        return f"{label} ({long_date(self.date, weekday=False)})"

    def clean_provinces(self, provinces):
        """Validate the provinces a congress covers (a many-to-many, so forms call this)."""
        provinces = list(provinces)
        if self.level == self.Level.REGIONAL and provinces:
            raise ValidationError(
                {
                    "provinces": _(
                        "A regional congress covers its whole region: leave provinces empty."
                    )
                }
            )
        if self.level == self.Level.PROVINCIAL:
            if not provinces:
                raise ValidationError(
                    {"provinces": _("A provincial congress covers at least one province.")}
                )
            outside = [p for p in provinces if p.region_id != self.region_id]
            if outside:
                raise ValidationError(
                    {
                        "provinces": _(
                            "These provinces are not in the region %(region)s: %(names)s"
                        )
                        % {"region": self.region, "names": "، ".join(str(p) for p in outside)}
                    }
                )


class Person(models.Model):
    """A member of the party: bureau member, regional secretary, elected official…"""

    class Gender(models.TextChoices):
        FEMALE = "f", _("female")
        MALE = "m", _("male")

    name = PlainCharField(_("full name"), max_length=150)
    gender = models.CharField(_("gender"), max_length=1, choices=Gender, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    is_bureau_member = models.BooleanField(_("member of the political bureau"), default=False)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("region"),
        help_text=_("The region whose secretary keeps this person's record, if any."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("user account"),
    )

    class Meta:
        ordering = ["name_ar"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    @property
    def is_woman(self) -> bool:
        return self.gender == self.Gender.FEMALE


def in_office(on=None, through: str = "") -> Q:
    """Mandates held on the day `on` (today by default); `through` is the path to the mandate
    from the model queried (``"mandates__"`` from a region, say)."""
    on = on or timezone.localdate()
    return Q(**{f"{through}start_date__lte": on}) & (
        Q(**{f"{through}end_date__isnull": True}) | Q(**{f"{through}end_date__gt": on})
    )


class MandateQuerySet(models.QuerySet):
    def current(self, on=None):
        return self.filter(in_office(on))


class Mandate(models.Model):
    """An office a person holds: a party office elected by a congress, or a public office."""

    class Office(models.TextChoices):
        REGIONAL_SECRETARY = "regional_secretary", _("regional secretary")
        REGIONAL_SECRETARIAT = "regional_secretariat", _("member of the regional secretariat")
        PROVINCIAL_SECRETARY = "provincial_secretary", _("provincial secretary")
        PROVINCIAL_SECRETARIAT = "provincial_secretariat", _("member of the provincial secretariat")
        BUREAU_MEMBER = "bureau_member", _("member of the political bureau")
        MUNICIPAL_COUNCILLOR = "municipal_councillor", _("municipal councillor")
        PROVINCIAL_COUNCILLOR = "provincial_councillor", _("provincial councillor")
        REGIONAL_COUNCILLOR = "regional_councillor", _("regional councillor")
        MEMBER_OF_PARLIAMENT = "member_of_parliament", _("member of parliament")

    # The same offices held by a woman: «كاتبة جهوية», «secrétaire régionale».
    HELD_BY_A_WOMAN = {
        Office.REGIONAL_SECRETARY: pgettext_lazy("woman", "regional secretary"),
        Office.REGIONAL_SECRETARIAT: pgettext_lazy("woman", "member of the regional secretariat"),
        Office.PROVINCIAL_SECRETARY: pgettext_lazy("woman", "provincial secretary"),
        Office.PROVINCIAL_SECRETARIAT: pgettext_lazy(
            "woman", "member of the provincial secretariat"
        ),
        Office.BUREAU_MEMBER: pgettext_lazy("woman", "member of the political bureau"),
        Office.MUNICIPAL_COUNCILLOR: pgettext_lazy("woman", "municipal councillor"),
        Office.PROVINCIAL_COUNCILLOR: pgettext_lazy("woman", "provincial councillor"),
        Office.REGIONAL_COUNCILLOR: pgettext_lazy("woman", "regional councillor"),
        Office.MEMBER_OF_PARLIAMENT: pgettext_lazy("woman", "member of parliament"),
    }

    PARTY_OFFICES = {
        Office.REGIONAL_SECRETARY,
        Office.REGIONAL_SECRETARIAT,
        Office.PROVINCIAL_SECRETARY,
        Office.PROVINCIAL_SECRETARIAT,
        Office.BUREAU_MEMBER,
    }
    PROVINCIAL_OFFICES = {
        Office.PROVINCIAL_SECRETARY,
        Office.PROVINCIAL_SECRETARIAT,
        Office.MUNICIPAL_COUNCILLOR,
        Office.PROVINCIAL_COUNCILLOR,
    }

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="mandates", verbose_name=_("person")
    )
    office = models.CharField(_("office"), max_length=30, choices=Office)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mandates",
        verbose_name=_("region"),
    )
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mandates",
        verbose_name=_("province"),
    )
    congress = models.ForeignKey(
        Congress,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="elected_mandates",
        verbose_name=_("elected by congress"),
    )
    start_date = models.DateField(_("start date"), validators=[validate_sensible_date])
    end_date = models.DateField(
        _("end date"), null=True, blank=True, validators=[validate_sensible_date]
    )

    objects = MandateQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gt=models.F("start_date")),
                name="regions_mandate_ends_after_start",
                violation_error_message=_("A mandate must end after it starts."),
            ),
            models.UniqueConstraint(
                fields=["region"],
                condition=Q(office="regional_secretary", end_date__isnull=True),
                name="regions_mandate_one_open_regional_secretary",
                violation_error_message=_(
                    "This region already has a regional secretary in office: "
                    "end that mandate first."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.get_office_display()} ({self.territory})"

    def get_office_display(self) -> str:
        """The office as its holder is called: «كاتبة جهوية» for a woman."""
        return office_title(self.office, self.person)

    @property
    def is_party_office(self):
        return self.office in self.PARTY_OFFICES

    @property
    def territory(self):
        return self.province or self.region or _("national")

    def clean(self):
        errors = {}
        if self.office in self.PROVINCIAL_OFFICES and not self.province_id:
            errors["province"] = _("This office is held in a province: choose it.")
        if self.office == self.Office.REGIONAL_SECRETARY and not self.region_id:
            errors["region"] = _("A regional secretary serves a region: choose it.")
        if self.province_id and self.region_id and self.province.region_id != self.region_id:
            errors["province"] = _("This province is not in the chosen region.")
        if errors:
            raise ValidationError(errors)
        if self.province_id and not self.region_id:
            self.region_id = self.province.region_id


def office_title(office: str, person: Person | None) -> str:
    """The name of ``office`` agreeing with its holder: «كاتب جهوي», «كاتبة جهوية»."""
    if person is not None and person.is_woman:
        return str(Mandate.HELD_BY_A_WOMAN[office])
    return str(Mandate.Office(office).label)


class Election(models.Model):
    """An office a congress elected someone to, as the regional secretary logged it.

    It becomes a Mandate when the bureau validates the congress outcome."""

    ELECTED_OFFICES = [
        (office.value, office.label)
        for office in (
            Mandate.Office.REGIONAL_SECRETARY,
            Mandate.Office.REGIONAL_SECRETARIAT,
            Mandate.Office.PROVINCIAL_SECRETARY,
            Mandate.Office.PROVINCIAL_SECRETARIAT,
        )
    ]

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="elections", verbose_name=_("congress")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="elections", verbose_name=_("person")
    )
    office = models.CharField(_("office"), max_length=30, choices=ELECTED_OFFICES)
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="elections",
        verbose_name=_("province"),
        help_text=_("For a provincial office: the province it serves."),
    )

    class Meta:
        ordering = ["congress", "office", "id"]
        verbose_name = _("officer elected")
        verbose_name_plural = _("officers elected (the outcome)")
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "person", "office"],
                name="regions_election_once_per_office",
                violation_error_message=_("This person is already elected to this office."),
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.get_office_display()}"

    def get_office_display(self) -> str:
        return office_title(self.office, self.person)

    def clean(self):
        if self.office in Mandate.PROVINCIAL_OFFICES and not self.province_id:
            raise ValidationError({"province": _("This office is held in a province: choose it.")})
        if self.office not in Mandate.PROVINCIAL_OFFICES and self.province_id:
            raise ValidationError({"province": _("A regional office has no province.")})
        if self.province_id and self.congress_id:
            if self.province.region_id != self.congress.region_id:
                raise ValidationError(
                    {"province": _("This province is not in the congress's region.")}
                )


class CongressTransition(models.Model):
    """One step of a congress outcome's life: recorded, submitted, validated or sent back."""

    class Action(models.TextChoices):
        RECORDED = "recorded", _("outcome recorded")
        SUBMITTED = "submitted", _("submitted to the bureau")
        VALIDATED = "validated", _("validated")
        SENT_BACK = "sent_back", _("sent back")

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("congress")
    )
    action = models.CharField(_("action"), max_length=10, choices=Action)
    from_status = models.CharField(_("from"), max_length=10, choices=Congress.Status)
    to_status = models.CharField(_("to"), max_length=10, choices=Congress.Status)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = PlainTextField(_("comment"), blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("congress outcome step")
        verbose_name_plural = _("congress outcome log")

    def __str__(self):
        return f"{self.congress} — {self.get_action_display()}"


class RegionalAccessQuerySet(models.QuerySet):
    def active(self, on=None):
        on = on or timezone.localdate()
        return self.filter(
            Q(ends_on__isnull=True) | Q(ends_on__gt=on),
            Q(mandate__isnull=True)
            | Q(mandate__end_date__isnull=True)
            | Q(mandate__end_date__gt=on),
        )


class RegionalAccess(models.Model):
    """The tie between a user account and the region it serves, managed by the bureau.

    Tied to a mandate, it ends when the mandate ends; otherwise on its own end date."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="regional_accesses",
        verbose_name=_("user account"),
    )
    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="accesses", verbose_name=_("region")
    )
    mandate = models.ForeignKey(
        Mandate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accesses",
        verbose_name=_("mandate"),
        help_text=_("When set, the access ends when this mandate ends."),
    )
    ends_on = models.DateField(
        _("ends on"), null=True, blank=True, validators=[validate_sensible_date]
    )

    objects = RegionalAccessQuerySet.as_manager()

    class Meta:
        ordering = ["region", "user"]
        verbose_name = _("regional access")
        verbose_name_plural = _("regional accesses")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "region"], name="regions_regionalaccess_once_per_region"
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.region}"

    def clean(self):
        if self.mandate_id and self.region_id and self.mandate.region_id != self.region_id:
            raise ValidationError({"mandate": _("This mandate is not in the chosen region.")})
