from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Event, Language, Preference


class PreferenceForm(forms.ModelForm):
    """Email per kind of event as checkboxes ticked for what is on; stored as what is off."""

    email_on = forms.MultipleChoiceField(
        label=_("Email me when"),
        choices=Event.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Every notification also appears in the admin, under the bell."),
    )

    class Meta:
        model = Preference
        fields = ["language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("The site's language")), *Language.choices]
        self.fields["email_on"].initial = [
            value for value in Event.values if value not in (self.instance.email_off or [])
        ]

    def save(self, commit=True):
        on = set(self.cleaned_data["email_on"])
        self.instance.email_off = [value for value in Event.values if value not in on]
        return super().save(commit)
