"""Admin history that reads in the admin's language.

Django stores a change message's field names as the form's labels, in English and capitalised
("Follow-up"), then translates them when showing the history; the capitalised label is not
a msgid, so the Arabic history said «تم تغيير Follow-up». This stores each field's verbose name
(the msgid, e.g. "follow-up") instead, which the history translates.
"""

from django.utils import translation
from django.utils.text import capfirst


def _msgids(models) -> dict[str, str]:
    names = {}
    with translation.override(None):
        for model in models:
            for field in model._meta.get_fields():
                verbose = getattr(field, "verbose_name", None)
                if verbose is None:
                    continue
                # A translated copy (text_ar) reads as its field's name ("text").
                base = getattr(field, "translated_field", field)
                names[str(capfirst(verbose))] = str(base.verbose_name)
    return names


class TranslatedHistoryMixin:
    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        models = [self.model, *(formset.model for formset in formsets or [])]
        msgids = _msgids(models)
        for entry in message:
            for change in entry.values():
                if isinstance(change, dict) and "fields" in change:
                    change["fields"] = list(
                        dict.fromkeys(msgids.get(label, label) for label in change["fields"])
                    )
        return message
