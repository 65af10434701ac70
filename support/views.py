from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from accounts.http import AuthenticatedRequest
from support.models import OrganisationKind, SupportOrganisation


@login_required
def directory(request: AuthenticatedRequest) -> HttpResponse:
    """Every organisation that can support a school, filterable by region and kind."""
    region = request.GET.get("region", "")
    kind = request.GET.get("kind", "")
    organisations = SupportOrganisation.objects.filter(retired=False)
    if region:
        organisations = organisations.filter(region=region)
    if kind in OrganisationKind.values:
        organisations = organisations.filter(kind=kind)
    else:
        kind = ""
    regions = (
        SupportOrganisation.objects.filter(retired=False)
        .exclude(region="")
        .order_by("region")
        .values_list("region", flat=True)
        .distinct()
    )
    context = {
        "organisations": organisations,
        "regions": list(regions),
        "kinds": OrganisationKind.choices,
        "region": region,
        "kind": kind,
        "filtered": bool(region or kind),
    }
    return render(request, "support/directory.html", context)
