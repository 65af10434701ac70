"""The demo school that `make run` loads: it builds, runs twice safely, and its pages open."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from demo.school import COORDINATOR_EMAIL, DEMO_SCHOOL, create_demo_school
from engagement.models import Declaration, DeclarationState, Family
from schools.models import School

pytestmark = pytest.mark.django_db


def test_the_demo_school_has_a_published_declaration_with_families(content: None, fast_password_hashing: None) -> None:
    login = create_demo_school()
    assert create_demo_school() == login  # a second run changes nothing
    school = School.objects.get(name=DEMO_SCHOOL)
    declaration = Declaration.objects.get(school=school)
    assert declaration.state == DeclarationState.PUBLISHED
    assert Family.objects.filter(school=school).count() == 10
    client = Client()
    client.force_login(User.objects.get(email=COORDINATOR_EMAIL))
    for name in ("declaration", "versions", "evaluation"):
        response = client.get(reverse(f"engagement:{name}", args=[school.id, declaration.id]))
        assert response.status_code == 200, name
