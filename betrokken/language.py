"""Dutch first: the interface speaks Dutch unless the person chose another language.

Django's LocaleMiddleware would follow the browser's Accept-Language header; a Flemish school
tool must open in Dutch on a borrowed or English-language phone too, so only an explicit choice
(the language cookie set by the visible language switch) changes it.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers


def staff_language(request: HttpRequest) -> str:
    """The interface language the person chose with the language switch (its cookie), else Dutch."""
    supported = {code for code, _name in settings.LANGUAGES}
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return chosen if chosen in supported else settings.LANGUAGE_CODE


class DutchFirstLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = staff_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response
