"""The communiqué's forms in the admin: the text with the version it was opened at, a correction
with its notes per language, and the choice of a held meeting to compose from."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from . import composer_fr, diff, workflow
from .composer import compose
from .models import Attendance, Communique, Decision, Meeting

TEXT_FIELDS = [
    build_localized_fieldname(f, lang) for f in workflow.TEXT_FIELDS for lang in workflow.LANGUAGES
]


def language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES)[code])


class CommuniqueForm(forms.ModelForm):
    # The version the editor opened: a save made on an older one is refused (no lost update).
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Communique
        fields = ["meeting", "title", "slug", "body"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflicts = []
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.version
        else:
            # A new communiqué on a meeting may start empty: its text is then composed.
            for name in ("title_ar", "body_ar", "slug"):
                if name in self.fields:
                    self.fields[name].required = False
            if "meeting" in self.fields:
                self.fields["meeting"].help_text = _(
                    "Leave the Arabic title and body empty to compose them from the meeting; "
                    "empty for a standalone statement."
                )
        for name in TEXT_FIELDS:
            if name in self.fields:
                # The text as the editor opened it comes back with the form, so a refused save
                # can show what the other person changed.
                self.fields[name].show_hidden_initial = True

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return self._compose_if_empty(cleaned)
        current = Communique.objects.filter(pk=self.instance.pk).first()
        if current is None:
            raise ValidationError(_("This communiqué no longer exists."))
        if cleaned.get("seen_version") != current.version:
            self.conflicts = self._conflicts(current)
            # The form comes back with this person's text; saving it again, after reading
            # what changed, is a deliberate choice made on the current version.
            self.data = self.data.copy()
            self.data[self.add_prefix("seen_version")] = current.version
            raise ValidationError(
                _(
                    "Someone else changed this communiqué after you opened it, so your changes "
                    "were not saved yet. Your text is kept in the form below, and what they "
                    "changed is shown above it: save again to replace their text with yours, "
                    "or open the current version."
                ),
                code="stale",
            )
        return cleaned

    def _compose_if_empty(self, cleaned):
        meeting = cleaned.get("meeting")
        if cleaned.get("title_ar") or cleaned.get("body_ar") or meeting is None:
            for name in ("title_ar", "body_ar"):
                if name in self.fields and not cleaned.get(name):
                    self.add_error(name, self.fields[name].error_messages["required"])
            return cleaned
        try:
            workflow.check_composable(meeting)
        except workflow.InvalidTransition as refusal:
            self.add_error("meeting", refusal.message)
            return cleaned
        draft, french = compose(meeting), composer_fr.compose(meeting)
        cleaned["title_ar"], cleaned["body_ar"] = draft.title, draft.body
        if french and not (cleaned.get("title_fr") or cleaned.get("body_fr")):
            cleaned["title_fr"], cleaned["body_fr"] = french.title, french.body
        return cleaned

    def _conflicts(self, current):
        conflicts = []
        for name in TEXT_FIELDS:
            if name not in self.fields:
                continue
            field = self.fields[name]
            seen = field.widget.value_from_datadict(
                self.data, self.files, self.add_initial_prefix(name)
            )
            now = getattr(current, name) or ""
            if (seen or "") != now:
                conflicts.append(
                    {
                        "label": field.label,
                        "diff": diff.diff_html(seen or "", now),
                    }
                )
        return {
            "fields": conflicts,
            "status": current.get_status_display(),
            "editor": current.text_edited_by,
        }


class CorrectionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, communique, **kwargs):
        super().__init__(*args, **kwargs)
        self.languages = []
        for lang in workflow.LANGUAGES:
            direction = "rtl" if translation.get_language_info(lang)["bidi"] else "ltr"
            attrs = {"dir": direction, "lang": lang}
            title = build_localized_fieldname("title", lang)
            body = build_localized_fieldname("body", lang)
            note = build_localized_fieldname("correction_note", lang)
            required = lang == settings.LANGUAGE_CODE
            self.fields[title] = forms.CharField(
                label=_("Title"),
                required=required,
                max_length=300,
                initial=getattr(communique, title),
                widget=forms.TextInput(attrs={**attrs, "class": "vLargeTextField"}),
            )
            self.fields[body] = forms.CharField(
                label=_("Body"),
                required=required,
                initial=getattr(communique, body),
                widget=forms.Textarea(attrs={**attrs, "rows": 14, "class": "vLargeTextField"}),
            )
            self.fields[note] = forms.CharField(
                label=_("What was corrected (shown to readers)"),
                required=required,
                widget=forms.Textarea(attrs={**attrs, "rows": 2, "class": "vLargeTextField"}),
            )
            self.languages.append(
                {
                    "code": lang,
                    "name": language_name(lang),
                    "fields": [self[title], self[body], self[note]],
                }
            )
        self.fields["version"].initial = communique.version


class ComposeForm(forms.Form):
    meeting = forms.ModelChoiceField(
        label=_("Meeting"),
        queryset=Meeting.objects.filter(
            status=Meeting.Status.HELD, communique__isnull=True
        ).order_by("-starts_at"),
        help_text=_("Held meetings that have no communiqué yet."),
    )


class AttendanceForm(forms.ModelForm):
    """A row of a meeting's attendance: a woman's statuses read «حاضرة», «présente»."""

    class Meta:
        model = Attendance
        fields = ["person", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        person = self.instance.person if self.instance.person_id else None
        if person is not None and person.is_woman:
            self.fields["status"].choices = [
                (status, Attendance.status_label(status, person))
                for status in Attendance.Status.values
            ]


class FollowUpEntryForm(forms.Form):
    """One step of a decision's follow-up: what the board and the decision page submit."""

    status = forms.ChoiceField(
        label=_("new status"),
        choices=[("", _("unchanged"))] + list(Decision.FollowUp.choices),
        required=False,
    )
    progress = forms.IntegerField(
        label=_("progress (%)"),
        min_value=0,
        max_value=100,
        required=False,
        error_messages={
            "min_value": _("Progress is a percentage, from 0 to 100."),
            "max_value": _("Progress is a percentage, from 0 to 100."),
        },
    )
    note = forms.CharField(
        label=_("note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    document = forms.FileField(label=_("document"), required=False)

    def clean(self):
        data = super().clean()
        if not (data.get("status") or data.get("progress") is not None or data.get("note")):
            raise ValidationError(_("Give a new status, a progress or a note."))
        return data
