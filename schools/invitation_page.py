"""The page an invitation's link opens, for a school's invitations and an organisation's alike."""

from collections.abc import Callable

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.models import User
from schools.invitations import InvitationMismatch
from schools.models import InvitationBase


def invitation_page(
    request: HttpRequest, invitation: InvitationBase | None, joining: str, accept: Callable[[User], str]
) -> HttpResponse:
    """GET shows what `invitation` is for (`joining`: the school's or organisation's name); POST accepts it as the
    logged-in user through `accept`, which returns the address to go on to."""
    if invitation is None:
        return render(request, "schools/invitation_invalid.html", status=404)
    if request.method == "POST":
        if not isinstance(request.user, User):
            raise Http404
        try:
            next_page = accept(request.user)
        except InvitationMismatch:
            messages.error(
                request,
                _("This invitation was sent to %(email)s. Log in with that address to accept it.")
                % {"email": invitation.email},
            )
            return redirect(request.path)
        messages.success(request, _("Welcome to %(school)s.") % {"school": joining})
        return redirect(next_page)
    context = {"invitation": invitation, "joining": joining, "path": request.path}
    return render(request, "schools/invitation_accept.html", context)
