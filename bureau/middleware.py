from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class BureauLocaleMiddleware(LocaleMiddleware):
    """The public site takes its language from the URL (Arabic unprefixed, /fr/, /en/).

    Django then gives every unprefixed path the default language, which would pin the back
    office to Arabic; the admin instead follows the user's choice (the language cookie set by
    the switcher), then the browser's Accept-Language.
    """

    back_office_prefix = "/admin/"

    def process_request(self, request):
        if not request.path_info.startswith(self.back_office_prefix):
            return super().process_request(request)
        language = translation.get_language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
