"""What a school shares with an organisation: the invitation per school year, and its closed rounds one by one.

Only a closed round is shared (its figures are final) and only the aggregates of organisations.regional ever
leave the school; withdrawing the invitation stops everything it shared at once.
"""

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from analysis.models import Round, RoundStatus
from engagement.school_years import first_day_of, next_school_year
from organisations.models import Organisation, SchoolLink, SharedRound
from organisations.regional.summaries import summarise
from organisations.verification import require_verified
from schools.models import School


def rounds_of_school_year(school: School, school_year: str) -> QuerySet[Round]:
    """The school's closed rounds that started in the school year: what it may share for that year."""
    return Round.objects.filter(
        school=school,
        status=RoundStatus.CLOSED,
        starts_on__gte=first_day_of(school_year),
        starts_on__lt=first_day_of(next_school_year(school_year)),
    )


def invite_organisation(
    school: School, organisation: Organisation, school_year: str, named: bool, by: User
) -> SchoolLink:
    """Invite the organisation for the school year (again, if it was withdrawn); nothing is shared yet.
    Raises OrganisationNotVerified for an organisation that the site's administrators did not verify."""
    require_verified(organisation)
    with transaction.atomic():
        link = SchoolLink.objects.filter(school=school, organisation=organisation, school_year=school_year).first()
        if link is None:
            try:
                with transaction.atomic():
                    return SchoolLink.objects.create(
                        school=school, organisation=organisation, school_year=school_year, named=named, invited_by=by
                    )
            except IntegrityError:  # a double click raced us
                return SchoolLink.objects.get(school=school, organisation=organisation, school_year=school_year)
        link.withdrawn_at = None
        link.named = named
        link.invited_by = by
        link.save(update_fields=["withdrawn_at", "named", "invited_by"])
        return link


@transaction.atomic
def withdraw_link(link: SchoolLink) -> None:
    """The organisation reads nothing of the school for that year any more."""
    SharedRound.objects.filter(link=link).delete()
    link.withdrawn_at = timezone.now()
    link.beside_region = False
    link.save(update_fields=["withdrawn_at", "beside_region"])


def set_link_choices(link: SchoolLink, named: bool, beside_region: bool) -> None:
    link.named = named
    link.beside_region = beside_region
    link.save(update_fields=["named", "beside_region"])


def share_round(link: SchoolLink, round_: Round, by: User) -> bool:
    """Share a closed round of the link's school year; False when it cannot be (open, another year, withdrawn,
    or an organisation that is not verified)."""
    if (
        not link.is_active
        or not link.organisation.verified
        or not rounds_of_school_year(link.school, link.school_year).filter(id=round_.id).exists()
    ):
        return False
    with transaction.atomic():
        summarise(Round.objects.filter(id=round_.id).values("id"))
        SharedRound.objects.get_or_create(link=link, round=round_, defaults={"school": link.school, "shared_by": by})
    return True


def stop_sharing(link: SchoolLink, round_: Round) -> None:
    SharedRound.objects.filter(link=link, round=round_).delete()
