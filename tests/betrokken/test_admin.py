"""The Django admin shows site administrators what they need to look at, and never anyone's answers.

Content loaded from files, rounds, batches and the engagementsverklaring are read-only there; parents'
and pupils' responses, the team's answers and notes, and the names parents typed are not registered.
"""

import pytest
from django.contrib import admin
from django.db import models
from django.test import Client
from django.urls import reverse

from accounts.models import User
from actions.library import add_to_plan, library_for, show_library
from actions.models import LibraryAction
from analysis.models import Answer, DimensionNote, Round, TeamResponse
from engagement.families.codes import issue_code
from engagement.families.privacy import export_year
from engagement.models import Acknowledgment, Declaration, DeclarationVersion, DomainComment, Family, PrivacyLog
from framework.models import Dimension, Item
from jobs.tasks import run_chore
from organisations.links import invite_organisation
from schools.invitations import create_invitation
from schools.models import Invitation, Membership
from support.directory_loading import load_support_directory
from surveys.batches import issue_codes
from surveys.models import AnswerTally, CodeBatch, GroupTally, RespondentCode, SurveyAnswer, SurveyResponse
from tests.helpers.engagement_parent_steps import make_family
from tests.helpers.hand_ins import respond
from tests.helpers.organisations import verified_organisation
from tests.helpers.world import PASSWORD, World

pytestmark = pytest.mark.usefixtures("fast_password_hashing")

NOT_REGISTERED = (
    SurveyResponse,
    SurveyAnswer,
    RespondentCode,
    AnswerTally,
    GroupTally,
    Answer,
    DimensionNote,
    Acknowledgment,
    DomainComment,
)


READ_ONLY = (
    Dimension,
    Item,
    Round,
    TeamResponse,
    CodeBatch,
    LibraryAction,
    Declaration,
    DeclarationVersion,
    Family,
    PrivacyLog,
)


def url(model: type[models.Model], view: str, *args: object) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def everything(world: World, published_declaration: Declaration) -> World:
    """A row of every registered model of the project, made the way the product makes them."""
    respond(world, [4, 2, None])
    issue_codes(world.round, "pupil_10_12", "class", "5A", "", 2, world.alice)
    create_invitation(world.school, "eva@example.org", "team", world.alice)
    add_to_plan(world.round, show_library(library_for(world.school), "nl")[0])
    issue_code(make_family(world))
    export_year(world.school, "2026-2027", world.alice)
    load_support_directory()
    invite_organisation(
        world.school,
        verified_organisation("Atlas", "integration", world.charlie),
        "2026-2027",
        False,
        world.alice,
    )
    run_chore.enqueue("jobs.fail_abandoned")  # a row of the task queue, as the worker's pulse makes them
    return world


@pytest.fixture
def site_admin(world: World) -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("beheer@example.org", PASSWORD, name="Beheerder"))
    return client


def test_the_admin_never_registers_answers_codes_or_parents_names() -> None:
    for model in NOT_REGISTERED:
        assert not admin.site.is_registered(model), model


def test_every_registered_models_list_and_rows_open_for_a_site_administrator(
    everything: World, site_admin: Client
) -> None:
    for model in admin.site._registry:
        assert site_admin.get(url(model, "changelist")).status_code == 200, model
        row = model._default_manager.first()
        if model._meta.app_label in ("auth", "axes") and row is None:
            continue
        assert row is not None, f"the fixture made no {model.__name__}"
        assert site_admin.get(url(model, "change", row.pk)).status_code == 200, model


@pytest.mark.parametrize("model", READ_ONLY, ids=lambda model: model.__name__)
def test_read_only_models_refuse_adding_changing_and_deleting(
    everything: World, site_admin: Client, model: type[models.Model]
) -> None:
    assert admin.site.is_registered(model)
    assert site_admin.get(url(model, "add")).status_code == 403
    row = model._default_manager.first()
    assert row is not None
    page = site_admin.get(url(model, "change", row.pk))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert site_admin.post(url(model, "change", row.pk), {}).status_code == 403
    assert site_admin.post(url(model, "delete", row.pk), {"post": "yes"}).status_code == 403
    assert model._default_manager.filter(pk=row.pk).exists()


def test_an_invitation_is_not_made_or_changed_here_but_can_be_revoked(everything: World, site_admin: Client) -> None:
    invitation = Invitation.objects.get()
    assert site_admin.get(url(Invitation, "add")).status_code == 403
    assert site_admin.post(url(Invitation, "change", invitation.pk), {"role": "coordinator"}).status_code == 403
    assert site_admin.post(url(Invitation, "delete", invitation.pk), {"post": "yes"}).status_code == 302
    assert not Invitation.objects.exists()


def test_a_team_response_shows_its_progress_but_not_the_answers(everything: World, site_admin: Client) -> None:
    response = TeamResponse.objects.get(round=everything.round, user=everything.bob)
    Answer.objects.create(school=everything.school, response=response, item=Item.objects.first(), value=5)
    page = site_admin.get(url(TeamResponse, "change", response.pk))
    shown = [field for fieldset in page.context["adminform"] for line in fieldset for field in line]
    assert sorted(field.field["name"] for field in shown) == sorted(
        ["school", "round", "user", "status", "last_page", "updated_at", "submitted_at"]
    )
    assert not page.context["inline_admin_formsets"]


def test_secrets_and_password_hashes_are_not_shown(everything: World, site_admin: Client) -> None:
    alice = everything.alice
    page = site_admin.get(url(User, "change", alice.pk)).content.decode()
    assert alice.password not in page and 'name="password"' not in page
    invitation = Invitation.objects.get()
    assert invitation.token_hash not in site_admin.get(url(Invitation, "change", invitation.pk)).content.decode()
    family = Family.objects.get()
    digest = family.codes.get().digest
    assert digest not in site_admin.get(url(Family, "change", family.pk)).content.decode()


def test_users_are_found_by_e_mail_and_not_added_here(everything: World, site_admin: Client) -> None:
    found = site_admin.get(url(User, "changelist") + "?q=bob@example")
    assert [user.email for user in found.context["cl"].result_list] == ["bob@example.org"]
    assert site_admin.get(url(User, "add")).status_code == 403


def test_a_membership_changes_only_its_role(everything: World, site_admin: Client) -> None:
    membership = Membership.objects.get(user=everything.bob)
    changed = site_admin.post(
        url(Membership, "change", membership.pk),
        {"role": "coach", "school": everything.other_school.pk, "user": everything.charlie.pk},
    )
    assert changed.status_code == 302
    membership.refresh_from_db()
    assert (membership.role, membership.school, membership.user) == ("coach", everything.school, everything.bob)
