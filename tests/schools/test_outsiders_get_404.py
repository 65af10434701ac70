"""One access helper per object type: outsiders get 404 everywhere, wrong roles get 403."""

from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from actions.models import Action, LibraryAction
from analysis.sharing import NOTHING_SHARED, SharedParts, share
from engagement.drafting import latest_version, start_declaration
from engagement.models import Declaration, DomainComment, Family
from framework.models import Item
from jobs.models import Job
from organisations.links import invite_organisation
from schools.invitations import create_invitation
from schools.models import Membership, Role
from surveys.batches import issue_codes
from tests.helpers.organisations import verified_organisation
from tests.helpers.world import World, make_user


def school_scoped_patterns(scope: str = "school_id") -> Iterator[tuple[str, URLPattern]]:
    """Every URL pattern (with its namespace) that takes a school id (or another `scope`), found in the URL
    configuration."""

    def walk(patterns: list[URLPattern | URLResolver], namespace: str) -> Iterator[tuple[str, URLPattern]]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}:{pattern.namespace}" if namespace and pattern.namespace else pattern.namespace
                yield from walk(pattern.url_patterns, inner or namespace)
            elif scope in pattern.pattern.converters:
                yield namespace, pattern

    yield from walk(get_resolver().url_patterns, "")


def test_the_walk_finds_the_school_urls() -> None:
    names = {f"{ns}:{pattern.name}" for ns, pattern in school_scoped_patterns()}
    assert {
        "results:dashboard",
        "schools:members",
        "results:profile",
        "analysis:answer",
        "framework:items",
        "surveys:invitations",
        "surveys:letters",
        "surveys:preview_index",
        "surveys:preview_start",
        "surveys:preview_page",
        "surveys:preview_end",
        "surveys:preview_thanks",
        "surveys:preview_audio",
        "surveys:forget",
        "surveys:void",
        "engagement:family_letters",
        "actions:plan",
        "actions:edit",
        "engagement:declarations",
        "engagement:declaration",
        "engagement:edit",
        "engagement:step",
        "actions:shared_list",
        "actions:shared",
        "analysis:sharing",
        "organisations:school_links",
        "organisations:share_round",
        "organisations:beside_region",
        "feedback:page",
        "feedback:compose",
        "feedback:comment",
        "feedback:answer",
        "feedback:step",
        "feedback:translation",
        "feedback:reach",
        "feedback:poster",
        "feedback:letters",
        "feedback:done",
    } <= names


def kwargs_for(pattern: URLPattern, world: World) -> dict[str, object]:
    invitation, _token = create_invitation(world.school, "new@example.org", Role.TEAM, world.alice)
    batch = issue_codes(world.round, "parent", "class", "3A", "ar", 1, world.alice).batch
    action = Action.objects.create(school=world.school, round=world.round, title="Huisbezoek")
    declaration = Declaration.objects.filter(school=world.school).first() or start_declaration(
        world.school, "2026-2027", world.alice
    )
    comment = DomainComment.objects.create(
        declaration=declaration, school=world.school, version=latest_version(declaration), domain="general", body="Ok"
    )
    family, _created = Family.objects.get_or_create(
        school=world.school, school_year=declaration.school_year, reference="F-URL", defaults={"class_name": "1A"}
    )
    job = Job.objects.create(
        school=world.school, requested_by=world.alice, kind="survey-letters", label="Brieven", back_url="/"
    )
    organisation = verified_organisation("Atlas", "integration", world.charlie)
    link = invite_organisation(world.school, organisation, "2026-2027", False, world.alice)
    values = {
        "link_id": link.id,
        "job_id": job.id,
        "declaration_id": declaration.id,
        "family_id": family.id,
        "comment_id": comment.id,
        "name": "consult",
        "number": 1,
        "language": "tr",
        "action_id": action.id,
        "library_id": LibraryAction.objects.filter(school__isnull=True).first().id,  # type: ignore[union-attr]
        "batch_id": batch.id,
        "school_id": world.school.id,
        "round_id": world.round.id,
        "invitation_id": invitation.id,
        "item_id": Item.objects.filter(school__isnull=True).first().id,  # type: ignore[union-attr]
        "page": 1,
        "audience": "parent",
        "voice": "team",
        "size": "a4",
    }
    return {name: values[name] for name in pattern.pattern.converters}


def test_outsider_gets_404_on_every_school_url(world: World, charlie_client: Client) -> None:
    walked = 0
    for namespace, pattern in school_scoped_patterns():
        url = reverse(f"{namespace}:{pattern.name}", kwargs=kwargs_for(pattern, world))
        for method in (charlie_client.get, charlie_client.post):
            response = method(url)
            assert response.status_code == 404, f"{method.__name__.upper()} {url} gave {response.status_code}"
        walked += 1
    assert walked >= 9


# What a parent representative of the school itself opens of a round, whether or not she carries one of its
# actions: the shared results only while the coordinator shares something (GET; a POST is 405 then); the plan's
# pages are hidden like the shared results; the team's own pages are a wrong role (403), as schools.access says.
# Her own actions she reads and updates on “My actions”, outside the round.
SHARED_RESULTS = "actions:shared"
HIDDEN_FROM_PARENT_SIDE = {SHARED_RESULTS, "actions:plan", "actions:detail", "actions:edit"}
# The feedback page to families is hers to read and comment on (feedback.access); the walk's round has no page yet,
# so what hangs on the page is not found, and writing it is the coordinator's.
FEEDBACK_FOR_PARENT_SIDE = {
    "feedback:page": (200, 405),
    "feedback:comment": (404, 404),
    "feedback:version": (404, 404),
    "feedback:reach": (404, 404),
    "feedback:poster": (404, 404),
}


def round_scoped_urls(world: World) -> Iterator[tuple[str, str]]:
    for namespace, pattern in school_scoped_patterns():
        if "round_id" in pattern.pattern.converters:
            name = f"{namespace}:{pattern.name}"
            yield name, reverse(name, kwargs=kwargs_for(pattern, world))


@pytest.mark.parametrize("carries_an_action", [False, True])
def test_parent_representative_opens_no_round_page_of_a_round_not_shared(world: World, carries_an_action: bool) -> None:
    rep = make_user("Rita Ouderraad", "rita@example.org")
    Membership.objects.create(school=world.school, user=rep, role=Role.PARENT_REP)
    client = world.client_for(rep)
    urls = list(round_scoped_urls(world))
    assert SHARED_RESULTS in dict(urls)
    if carries_an_action:
        Action.objects.filter(round=world.round).update(owner=rep)  # the walk's actions are hers
    for sharing in (NOTHING_SHARED, SharedParts(profile=True, conclusions=True, plan=True)):
        share(world.round, sharing, world.alice)
        for name, url in urls:
            for method in ("get", "post"):
                status = getattr(client, method)(url).status_code
                if name in FEEDBACK_FOR_PARENT_SIDE:
                    expected = FEEDBACK_FOR_PARENT_SIDE[name][method == "post"]
                elif name == SHARED_RESULTS and sharing.anything:
                    expected = 200 if method == "get" else 405
                else:
                    expected = 404 if name in HIDDEN_FROM_PARENT_SIDE else 403
                assert status == expected, f"{method.upper()} {name} gave {status} with {sharing}"
    my_actions = client.get(reverse("actions:my_actions", args=[world.school.id]))
    assert my_actions.status_code == 200
    assert ("Huisbezoek" in my_actions.content.decode()) == carries_an_action


def test_outsider_cannot_mix_own_school_with_anothers_round(world: World, charlie_client: Client) -> None:
    url = reverse("results:profile", args=[world.other_school.id, world.round.id])
    assert charlie_client.get(url).status_code == 404


def test_anonymous_visitor_is_sent_to_login(world: World) -> None:
    response = Client().get(reverse("results:dashboard", args=[world.school.id]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize(
    ("name", "args_of", "method"),
    [
        ("analysis:round_create", lambda w: [w.school.id], "get"),
        ("analysis:voice_close", lambda w: [w.school.id, w.round.id, "team"], "post"),
        (
            "surveys:void",
            lambda w: [w.school.id, w.round.id, issue_codes(w.round, "parent", "", "", "", 1, w.alice).batch.id],
            "post",
        ),
        ("schools:revoke_invitation", lambda w: [w.school.id, w.school.id], "post"),
        ("framework:item_visibility", lambda w: [w.school.id, Item.objects.first().id], "post"),  # type: ignore[union-attr]
    ],
)
def test_team_member_gets_403_on_coordinator_actions(
    world: World, bob_client: Client, name: str, args_of: object, method: str
) -> None:
    url = reverse(name, args=args_of(world))  # type: ignore[operator]
    assert getattr(bob_client, method)(url).status_code == 403


def test_team_member_cannot_write_a_conclusion(world: World, bob_client: Client) -> None:
    url = reverse("results:profile", args=[world.school.id, world.round.id])
    response = bob_client.post(url, {"dimension": "kennis", "kennis-text": "mine"})
    assert response.status_code == 403


def test_parent_representative_cannot_read_team_analysis(world: World) -> None:
    rep = make_user("Rita Ouderraad", "rita@example.org")
    Membership.objects.create(school=world.school, user=rep, role=Role.PARENT_REP)
    client = world.client_for(rep)
    assert client.get(reverse("results:dashboard", args=[world.school.id])).status_code == 200
    assert client.get(reverse("results:profile", args=[world.school.id, world.round.id])).status_code == 403


def test_member_not_invited_to_a_round_cannot_answer(world: World) -> None:
    dora = make_user("Dora Nieuw", "dora@example.org")
    Membership.objects.create(school=world.school, user=dora, role=Role.TEAM)
    url = reverse("analysis:answer", args=[world.school.id, world.round.id, 1])
    assert world.client_for(dora).get(url).status_code == 403
