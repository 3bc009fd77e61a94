from modeltranslation.translator import TranslationOptions, register

from .models import Congress, Person, Province, Region


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("ar",)


@register(Province)
class ProvinceTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("ar",)


@register(Congress)
class CongressTranslation(TranslationOptions):
    fields = ("venue", "summary")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("ar",)
