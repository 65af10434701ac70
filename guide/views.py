from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from framework.localized import show_dimensions


def werkkader(request: HttpRequest) -> HttpResponse:
    dimensions = show_dimensions(get_language())
    context = {
        "dimensions": dimensions,
        "above": [d for d in dimensions if not d.dimension.below_surface],
        "below": [d for d in dimensions if d.dimension.below_surface],
    }
    return render(request, "guide/werkkader.html", context)
