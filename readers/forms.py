"""The forms readers fill in: a reply under a communiqué, and an email subscription."""

from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from common.text import strip_bidi_controls

STARTED_SALT = "readers.reply.started"


def started_token(communique_id: int) -> str:
    """Signed proof of when a reply form was handed out (refreshed by the page's script, so a
    page served from the cache still measures the reader's own time)."""
    return signing.TimestampSigner(salt=STARTED_SALT).sign(str(communique_id))


class PlainTextField(forms.CharField):
    """Text as typed, minus bidi override and isolate controls."""

    def to_python(self, value):
        return strip_bidi_controls(super().to_python(value))


class ReplyForm(forms.Form):
    name = PlainTextField(label=_("Name"), max_length=80)
    email = forms.EmailField(
        label=_("Email (optional, never shown)"), required=False, max_length=254
    )
    text = PlainTextField(label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 5}))
    # The honeypot: hidden from people by the stylesheet, filled by naive bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, communique_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.communique_id = communique_id
        self.fields["text"].max_length = settings.READERS_REPLY_MAX_LENGTH
        self.fields["text"].validators.append(MaxLengthValidator(settings.READERS_REPLY_MAX_LENGTH))
        self.fields["text"].widget.attrs["maxlength"] = settings.READERS_REPLY_MAX_LENGTH
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        if not self.is_bound:
            self.initial["started"] = started_token(communique_id)

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(
                _("Your reply looks automated and was not accepted."), code="honeypot"
            )
        return ""

    def clean_started(self):
        signer = signing.TimestampSigner(salt=STARTED_SALT)
        try:
            value = signer.unsign(self.cleaned_data["started"], max_age=24 * 3600)
        except signing.SignatureExpired as error:
            raise forms.ValidationError(
                _("This form is too old: reload the page and write your reply again."),
                code="expired",
            ) from error
        except signing.BadSignature as error:
            raise forms.ValidationError(
                _("This form was altered: reload the page and write your reply again."),
                code="tampered",
            ) from error
        if value != str(self.communique_id):
            raise forms.ValidationError(
                _("This form belongs to another communiqué."), code="tampered"
            )
        try:
            signer.unsign(self.cleaned_data["started"], max_age=settings.READERS_REPLY_MIN_SECONDS)
        except signing.SignatureExpired:
            return value  # older than the minimum fill time: a person had time to write
        raise forms.ValidationError(
            _("That was too quick: take a moment to read your reply, then send it again."),
            code="too_quick",
        )


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Your email address"), max_length=254)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
