import datetime
import os

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Congress, Region


class CongressForm(forms.ModelForm):
    class Meta:
        model = Congress
        fields = [
            "level",
            "region",
            "provinces",
            "date",
            "venue",
            "delegates",
            "summary",
            "minutes",
        ]

    def clean(self):
        cleaned = super().clean()
        # Provinces are a many-to-many: the model cannot check them before it is saved.
        if "provinces" in cleaned and cleaned.get("region"):
            self.instance.level = cleaned.get("level", self.instance.level)
            self.instance.region = cleaned["region"]
            try:
                self.instance.clean_provinces(cleaned["provinces"])
            except forms.ValidationError as error:
                self.add_error(None, error)
        return cleaned


class _DownloadLink:
    """What the file widget shows for a stored private file: a name and a checked URL."""

    def __init__(self, url: str, name: str):
        self.url = url
        self.name = name

    def __str__(self):
        return self.name


class PrivateFileInput(forms.ClearableFileInput):
    """Links the current file to its permission-checked download view, never to storage."""

    download_url = ""

    def is_initial(self, value) -> bool:
        return bool(value and getattr(value, "name", None))

    def format_value(self, value):
        if self.is_initial(value):
            return _DownloadLink(self.download_url, os.path.basename(value.name))
        return None


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("What must be corrected"), widget=forms.Textarea(attrs={"rows": 3})
    )


class RegisterForm(forms.Form):
    """The officials register's choices: which region, on which date."""

    region = forms.ModelChoiceField(
        label=_("region"), queryset=Region.objects.none(), required=False, empty_label=_("all")
    )
    on = forms.DateField(
        label=_("on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions

    def chosen(self) -> tuple[Region | None, datetime.date]:
        data = self.cleaned_data if self.is_valid() else {}
        return data.get("region"), data.get("on") or timezone.localdate()
