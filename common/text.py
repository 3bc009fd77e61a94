"""Text that people type: names, titles, slugs and long texts.

Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) can make a title or
a file name display as something other than what it is, so they are removed on the way in. The
marks Arabic legitimately needs (LRM U+200E, RLM U+200F, ALM U+061C) are kept.
"""

import re

from django.db import models

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_bidi_controls(value):
    if isinstance(value, str):
        return BIDI_CONTROLS.sub("", value)
    return value


class _StripsBidiControls:
    def to_python(self, value):
        return strip_bidi_controls(super().to_python(value))

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        stripped = strip_bidi_controls(value)
        if stripped != value:
            # Into __dict__, not setattr: on a field django-modeltranslation translates (title),
            # setattr would write into the column of whatever language is active.
            model_instance.__dict__[self.attname] = stripped
        return stripped


class PlainCharField(_StripsBidiControls, models.CharField):
    """A CharField whose value never carries bidi override or isolate controls."""


class PlainSlugField(_StripsBidiControls, models.SlugField):
    """A SlugField whose value never carries bidi override or isolate controls."""


class PlainTextField(_StripsBidiControls, models.TextField):
    """A TextField whose value never carries bidi override or isolate controls."""
