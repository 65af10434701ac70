from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from framework.localized import show_dimensions
from support.models import SupportOrganisation


def werkkader(request: HttpRequest) -> HttpResponse:
    dimensions = show_dimensions(get_language())
    context = {
        "dimensions": dimensions,
        "above": [d for d in dimensions if not d.dimension.below_surface],
        "below": [d for d in dimensions if d.dimension.below_surface],
        # The organisations of the versioned directory (support/content/), in the file's order.
        "organisations": SupportOrganisation.objects.filter(key__isnull=False, retired=False).order_by("position"),
    }
    return render(request, "guide/werkkader.html", context)
