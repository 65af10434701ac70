"""A link to the person's organisations on the schools' home page (schools may not import organisations)."""

from django import template
from django.contrib.auth.models import AnonymousUser

from accounts.models import User
from organisations.models import OrganisationMembership

register = template.Library()


@register.simple_tag
def has_organisations(user: User | AnonymousUser) -> bool:
    if not user.is_authenticated:
        return False
    return OrganisationMembership.objects.filter(user=user).exists()
