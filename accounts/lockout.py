"""The page after too many wrong passwords (django-axes' AXES_LOCKOUT_CALLABLE): 429, with Retry-After.

A failed attempt during the lock starts the cool-off again, so the wait from now is the whole cool-off.
"""

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def locked_out(request: HttpRequest, original_response: HttpResponse | None, credentials: Any) -> HttpResponse:
    response = render(request, "accounts/locked_out.html", status=429)
    response.headers["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response
