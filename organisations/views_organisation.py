"""The organisation's own pages: its list, making one, its staff, the regional overview and its export."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.http import AuthenticatedRequest
from accounts.models import User
from organisations.access import get_organisation, get_rw_organisation
from organisations.export import export_name, overview_workbook
from organisations.forms import ConfirmForm, OrganisationForm, StaffInvitationForm
from organisations.models import OrganisationInvitation, OrganisationMembership
from organisations.regional.box_plot import box_plot
from organisations.regional.overview import build_overview
from organisations.regional.wording import perspective_name, reason_text
from organisations.staff import (
    LastAdministrator,
    accept_staff_invitation,
    find_open_staff_invitation,
    invite_staff,
    is_last_administrator,
    register_organisation,
    remove_staff_member,
    send_staff_invitation,
    staff_invitation_link,
    withdraw_staff_invitation,
)
from schools.invitation_page import invitation_page


@login_required
def organisation_list(request: AuthenticatedRequest) -> HttpResponse:
    memberships = OrganisationMembership.objects.filter(user=request.user).select_related("organisation")
    return render(request, "organisations/list.html", {"memberships": memberships.order_by("organisation__name")})


@login_required
def create_organisation(request: AuthenticatedRequest) -> HttpResponse:
    form = OrganisationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organisation = register_organisation(data["name"], data["kind"], data["directory_entry"], request.user)
        messages.success(request, _("The organisation is created. You are its administrator."))
        return redirect("organisations:overview", organisation_id=organisation.id)
    return render(request, "organisations/create.html", {"form": form})


@login_required
def overview(request: AuthenticatedRequest, organisation_id: UUID) -> HttpResponse:
    membership = get_organisation(request, organisation_id)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    context: dict[str, object] = {"membership": membership, "organisation": membership.organisation}
    if not membership.organisation.verified:  # nothing may be shared with it: the notice, no figures
        return render(request, "organisations/overview.html", context)
    shown = build_overview(membership.organisation, request.GET.get("year"), get_language())
    plots = [
        (
            dimension,
            box_plot(
                [
                    (perspective_name(figure.perspective), figure.distribution, None, reason_text(figure.reason))
                    for figure in dimension.figures
                ]
            ),
        )
        for dimension in shown.dimensions
    ]
    context.update({"overview": shown, "plots": plots})
    return render(request, "organisations/overview.html", context)


@login_required
def export(request: AuthenticatedRequest, organisation_id: UUID) -> HttpResponse:
    """The overview as a spreadsheet: the same figures as the page, no more precise (small: made at once)."""
    membership = get_organisation(request, organisation_id)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    if not membership.organisation.verified:  # its overview page says why
        return redirect("organisations:overview", organisation_id=organisation_id)
    shown = build_overview(membership.organisation, request.GET.get("year"), get_language())
    response = HttpResponse(
        overview_workbook(membership.organisation, shown),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{export_name(membership.organisation, shown)}"'
    return response


@login_required
def staff(request: AuthenticatedRequest, organisation_id: UUID) -> HttpResponse:
    if request.method == "POST":
        membership = get_rw_organisation(request, organisation_id)
    else:
        membership = get_organisation(request, organisation_id)
    organisation = membership.organisation
    form = StaffInvitationForm(request.POST if request.method == "POST" else None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        invitation = invite_staff(organisation, form.cleaned_data["email"], form.cleaned_data["role"], request.user)
        site = request.build_absolute_uri("/")
        send_staff_invitation(invitation, site, get_language())
        messages.success(
            request,
            _("Invitation sent to %(email)s. You can also pass on this link yourself: %(link)s")
            % {"email": invitation.email, "link": staff_invitation_link(site, invitation.pk)},
        )
        return redirect("organisations:staff", organisation_id=organisation.id)
    context = {
        "membership": membership,
        "organisation": organisation,
        "members": [
            (member, membership.is_admin and not is_last_administrator(member))
            for member in OrganisationMembership.objects.filter(organisation=organisation).select_related("user")
        ],
        "invitations": (
            OrganisationInvitation.objects.filter(organisation=organisation, accepted_at__isnull=True)
            if membership.is_admin
            else []
        ),
        "form": form,
    }
    return render(request, "organisations/staff.html", context)


@login_required
def withdraw_invitation(request: AuthenticatedRequest, organisation_id: UUID, invitation_id: UUID) -> HttpResponse:
    membership = get_rw_organisation(request, organisation_id)
    if request.method != "POST":  # checked after access, so outsiders get 404 whatever the method
        return HttpResponseNotAllowed(["POST"])
    invitation = withdraw_staff_invitation(membership.organisation, invitation_id)
    if invitation is None:
        raise Http404
    messages.success(request, _("The invitation for %(email)s is withdrawn.") % {"email": invitation.email})
    return redirect("organisations:staff", organisation_id=membership.organisation.id)


@login_required
def remove_member(request: AuthenticatedRequest, organisation_id: UUID, membership_id: int) -> HttpResponse:
    """POST from the staff list asks for confirmation; POST with the confirmation removes the member."""
    membership = get_rw_organisation(request, organisation_id)
    if request.method != "POST":  # checked after access, so outsiders get 404 whatever the method
        return HttpResponseNotAllowed(["POST"])
    organisation = membership.organisation
    member = (
        OrganisationMembership.objects.filter(organisation=organisation, id=membership_id)
        .select_related("user")
        .first()
    )
    if member is None:
        raise Http404
    form = ConfirmForm(request.POST)
    if not is_last_administrator(member) and not (form.is_valid() and form.cleaned_data["confirmed"]):
        context = {"membership": membership, "organisation": organisation, "member": member}
        return render(request, "organisations/remove_member_confirm.html", context)
    try:
        remove_staff_member(member)
    except LastAdministrator:
        messages.error(
            request,
            _("%(name)s is the only administrator: invite another administrator first.") % {"name": member.user.name},
        )
        return redirect("organisations:staff", organisation_id=organisation.id)
    messages.success(request, _("%(name)s is no longer on the staff.") % {"name": member.user.name})
    if member.user_id == request.user.pk:
        return redirect("organisations:list")
    return redirect("organisations:staff", organisation_id=organisation.id)


def accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = find_open_staff_invitation(token)

    def join(user: User) -> str:
        assert invitation is not None
        membership = accept_staff_invitation(invitation, user)
        return reverse("organisations:overview", args=[membership.organisation_id])

    return invitation_page(request, invitation, invitation.organisation.name if invitation else "", join)
