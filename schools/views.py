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
from schools.access import get_membership, get_rw_membership
from schools.forms import InvitationForm, SchoolForm, SchoolSettingsForm
from schools.invitation_page import invitation_page
from schools.invitations import (
    accept_invitation,
    create_invitation,
    find_open_invitation,
    invitation_link,
    send_invitation_email,
    withdraw_invitation,
)
from schools.models import Invitation, Membership
from schools.role_promises import ROLE_PROMISES
from schools.schools import register_school, set_family_data_months


@login_required
def home(request: AuthenticatedRequest) -> HttpResponse:
    memberships = list(Membership.objects.filter(user=request.user).select_related("school").order_by("school__name"))
    coaches = any(membership.is_coach for membership in memberships)
    return render(request, "schools/home.html", {"memberships": memberships, "coaches": coaches})


@login_required
def create_school(request: AuthenticatedRequest) -> HttpResponse:
    form = SchoolForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        school = register_school(form.cleaned_data["name"], form.cleaned_data["town"], request.user)
        messages.success(request, _("The school is created. You are its coordinator."))
        return redirect("results:dashboard", school_id=school.id)
    return render(request, "schools/school_form.html", {"form": form})


@login_required
def members(request: AuthenticatedRequest, school_id: UUID) -> HttpResponse:
    if request.method == "POST":
        membership = get_rw_membership(request, school_id)
    else:
        membership = get_membership(request, school_id)
    school = membership.school
    is_coordinator = membership.is_coordinator
    form = InvitationForm(request.POST if request.method == "POST" else None, school=school)
    if request.method == "POST" and form.is_valid():
        invitation, _token = create_invitation(
            school, form.cleaned_data["email"], form.cleaned_data["role"], request.user
        )
        site = request.build_absolute_uri("/")
        link = invitation_link(site, invitation.pk)
        send_invitation_email(invitation, site, get_language())
        messages.success(
            request,
            _("Invitation sent to %(email)s. You can also pass on this link yourself: %(link)s")
            % {"email": invitation.email, "link": link},
        )
        return redirect("schools:members", school_id=school.id)
    context = {
        "membership": membership,
        "school": school,
        "members": Membership.objects.filter(school=school).select_related("user"),
        "invitations": Invitation.objects.filter(school=school, accepted_at__isnull=True) if is_coordinator else [],
        "form": form,
        "is_coordinator": is_coordinator,
        "role_promises": ROLE_PROMISES,
    }
    return render(request, "schools/members.html", context)


@login_required
def school_settings(request: AuthenticatedRequest, school_id: UUID) -> HttpResponse:
    """The coordinator's settings of the school; other members get 403, outsiders 404."""
    membership = get_rw_membership(request, school_id)
    school = membership.school
    form = SchoolSettingsForm(request.POST if request.method == "POST" else None, instance=school)
    if request.method == "POST" and form.is_valid():
        set_family_data_months(school, form.cleaned_data["family_data_months"])
        messages.success(request, _("The school's settings are saved."))
        return redirect("schools:settings", school_id=school.id)
    return render(request, "schools/settings.html", {"membership": membership, "school": school, "form": form})


@login_required
def revoke_invitation(request: AuthenticatedRequest, school_id: UUID, invitation_id: UUID) -> HttpResponse:
    membership = get_rw_membership(request, school_id)
    if request.method != "POST":  # checked after access, so outsiders get 404 whatever the method
        return HttpResponseNotAllowed(["POST"])
    invitation = withdraw_invitation(membership.school, invitation_id)
    if invitation is None:
        raise Http404
    messages.success(request, _("The invitation for %(email)s is withdrawn.") % {"email": invitation.email})
    return redirect("schools:members", school_id=membership.school.id)


def accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = find_open_invitation(token)

    def join(user: User) -> str:
        assert invitation is not None
        return reverse("results:dashboard", args=[accept_invitation(invitation, user).school_id])

    return invitation_page(request, invitation, invitation.school.name if invitation else "", join)
