from modeltranslation.translator import TranslationOptions, register

from .models import AgendaItem, Communique, Decision, Meeting


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("venue", "focus")


@register(AgendaItem)
class AgendaItemTranslation(TranslationOptions):
    fields = ("title", "summary")
    required_languages = ("ar",)


@register(Decision)
class DecisionTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ("ar",)


@register(Communique)
class CommuniqueTranslation(TranslationOptions):
    fields = ("title", "body", "correction_note")
    required_languages = {"ar": ("title", "body")}
