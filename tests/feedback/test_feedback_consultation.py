"""The coordinator composes from a closed round, the parent representative comments, the coordinator answers and
publishes; readability warnings on save; who may do what (issue 14, points 1 and 2)."""

import pytest
from django.core import mail
from django.forms import CheckboxInput
from django.test import Client
from django.urls import reverse

from accounts.models import User
from feedback.composing import figure_options, plan_actions
from feedback.evaluation import evaluated_declaration
from feedback.forms import ComposeForm
from feedback.models import FeedbackComment, FeedbackPage, FeedbackState
from feedback.public import public_path
from feedback.versions import latest_version, version_text
from schools.models import Membership, Role
from tests.helpers.feedback_rounds import closed_round
from tests.helpers.mail import sent_by_the_worker
from tests.helpers.world import World, make_user

pytestmark = pytest.mark.django_db


def member(world: World, name: str, email: str, role: str) -> User:
    user = make_user(name, email)
    Membership.objects.create(school=world.school, user=user, role=role)
    return user


def url(world: World, name: str, *more: object) -> str:
    return reverse(f"feedback:{name}", args=[world.school.id, world.round.id, *more])


def compose_data(world: World, **changes: str) -> dict[str, str]:
    """Three parents' points on three dimensions' whole-school figures, the team's conclusion, the plan's action;
    every other field the page shows is sent empty, as a browser sends it."""
    everything = figure_options(world.round, "nl")
    options = [option for option in everything if option.ref.audience == "parents"]
    by_dimension = {option.ref.dimension: option.ref.key for option in options if not option.ref.group}
    keys = list(by_dimension.values())[:3]
    declaration = evaluated_declaration(world.school)
    form = ComposeForm(
        options=everything,
        plan=plan_actions(world.round),
        evaluation_year=declaration.school_year if declaration else "",
    )
    shown = {name: "" for name, field in form.fields.items() if not isinstance(field.widget, CheckboxInput)}
    data = shown | {
        "introduction": "U gaf uw mening. Dank u wel!",
        "parents_1_figure": keys[0],
        "parents_1_text": "Veel ouders weten niet wat er in de klas gebeurt.",
        "parents_2_figure": keys[1],
        "parents_2_text": "Ouders willen vaker horen hoe het met hun kind gaat.",
        "parents_3_figure": keys[2],
        "parents_3_text": "Ouders voelen zich welkom aan de schoolpoort.",
        "team": "We vertellen ouders elke maand wat de klas doet.",
        "for_pupils_pupil_10_12": "Jullie zeiden dat je meer wilt weten. Dat doen we.",
    }
    page = FeedbackPage.objects.get(round=world.round)
    for action in version_text(latest_version(page)).actions:
        prefix = f"action_{action.action_id}"
        data |= {f"{prefix}_include": "on", f"{prefix}_title": action.title, f"{prefix}_when": action.when}
        data |= {f"{prefix}_who": action.who, f"{prefix}_pupils_part": action.pupils_part}
    return data | changes


def test_from_a_closed_round_to_a_published_page(world: World, alice_client: Client) -> None:
    rep = member(world, "Rita Ouderraad", "rita@example.org", Role.PARENT_REP)
    member(world, "Sam Schoolraad", "sam@example.org", Role.SCHOOLRAAD)
    closed_round(world)
    assert alice_client.post(url(world, "start")).status_code == 302
    saved = alice_client.post(url(world, "compose"), compose_data(world), follow=True)
    assert saved.status_code == 200
    assert "Bewaard als versie 2." in saved.content.decode()
    rep_client = world.client_for(rep)
    draft = rep_client.get(url(world, "page"))
    assert "Veel ouders weten" not in draft.content.decode()  # the first draft is the coordinator's
    with sent_by_the_worker():
        alice_client.post(url(world, "step", "consult"))
    assert sorted(message.to[0] for message in mail.outbox) == ["rita@example.org", "sam@example.org"]
    assert "Veel ouders weten" in rep_client.get(url(world, "page")).content.decode()
    rep_client.post(url(world, "comment"), {"domain": "parents", "body": "Schrijf ook iets over de nieuwsbrief."})
    comment = FeedbackComment.objects.get()
    assert (comment.section, comment.version.number, comment.author) == ("parents", 2, rep)
    alice_client.post(url(world, "answer", comment.id), {"answer": "Goed idee, dat voegen we toe."})
    comment.refresh_from_db()
    assert comment.answer == "Goed idee, dat voegen we toe." and comment.answered_by == world.alice
    confirm = alice_client.get(url(world, "step", "publish"))
    assert "Publiceer de terugkoppeling?" in confirm.content.decode()
    alice_client.post(url(world, "step", "publish"), {"confirm": "1"})
    page = FeedbackPage.objects.get(round=world.round)
    assert page.state == FeedbackState.PUBLISHED and page.published_version is not None
    assert "Ouders voelen zich welkom" in Client().get(public_path(page)).content.decode()


def test_saving_warns_on_long_sentences_and_jargon(world: World, alice_client: Client) -> None:
    closed_round(world)
    alice_client.post(url(world, "start"))
    long_team = (
        "Het team heeft na een lange en grondige bespreking van alle antwoorden besloten dat we de communicatie "
        "met ouders over wat er in de klas gebeurt structureel gaan verbeteren."
    )
    page = alice_client.post(url(world, "compose"), compose_data(world, team=long_team), follow=True)
    html = page.content.decode()
    assert 'data-kind="long_sentence"' in html
    assert "“communicatie”: een moeilijk woord" in html and "“structureel”: een moeilijk woord" in html
    assert latest_version(FeedbackPage.objects.get()).number == 2  # a warning, not a refusal


def test_who_reads_and_who_writes(world: World, bob_client: Client) -> None:
    closed_round(world)
    coach = member(world, "Cora Coach", "cora@example.org", Role.COACH)
    rep = member(world, "Rita Ouderraad", "rita@example.org", Role.PARENT_REP)
    world.client_for(world.alice).post(url(world, "start"))
    assert bob_client.get(url(world, "page")).status_code == 200  # the team reads
    assert bob_client.get(url(world, "compose")).status_code == 403
    assert bob_client.post(url(world, "step", "consult")).status_code == 403
    assert world.client_for(coach).get(url(world, "page")).status_code == 403
    assert world.client_for(rep).post(url(world, "step", "publish"), {"confirm": "1"}).status_code == 403
    assert world.client_for(world.charlie).get(url(world, "page")).status_code == 404


def test_a_comment_outside_the_consultation_is_refused(world: World) -> None:
    closed_round(world)
    rep = member(world, "Rita Ouderraad", "rita@example.org", Role.PARENT_REP)
    world.client_for(world.alice).post(url(world, "start"))
    response = world.client_for(rep).post(url(world, "comment"), {"domain": "parents", "body": "Te vroeg"}, follow=True)
    assert "Opmerkingen kunnen zolang de pagina in overleg is." in response.content.decode()
    assert not FeedbackComment.objects.exists()


def test_publishing_without_three_points_says_why(world: World, alice_client: Client) -> None:
    closed_round(world)
    alice_client.post(url(world, "start"))
    alice_client.post(url(world, "step", "consult"))
    response = alice_client.post(url(world, "step", "publish"), {"confirm": "1"}, follow=True)
    assert "Schrijf minstens drie punten van wat ouders zeiden." in response.content.decode()
    assert FeedbackPage.objects.get().published_version is None


def test_starting_from_an_open_round_is_refused(world: World, alice_client: Client) -> None:
    response = alice_client.post(url(world, "start"), follow=True)
    assert "gesloten ronde" in response.content.decode()
    assert not FeedbackPage.objects.exists()


def test_a_version_shows_what_changed_word_by_word(world: World, alice_client: Client) -> None:
    closed_round(world)
    alice_client.post(url(world, "start"))
    alice_client.post(url(world, "compose"), compose_data(world))
    changed = compose_data(world, parents_1_text="Veel ouders weten niet wat er op school gebeurt.")
    alice_client.post(url(world, "compose"), changed)
    html = alice_client.get(url(world, "version", 3)).content.decode()
    assert "Wat ouders zeiden 1" in html
    assert "<del>in de klas </del>" in html and "<ins>op school </ins>" in html
    assert alice_client.get(url(world, "version", 9)).status_code == 404


def test_a_pupils_text_in_the_u_form_is_flagged(world: World, alice_client: Client) -> None:
    closed_round(world)
    alice_client.post(url(world, "start"))
    page = alice_client.post(
        url(world, "compose"), compose_data(world, for_pupils_pupil_10_12="U zei dat het te snel gaat."), follow=True
    )
    assert "spreek leerlingen aan met “je” en “jij”" in page.content.decode()


def test_reopening_the_consultation_on_the_same_text_mails_nobody(world: World, alice_client: Client) -> None:
    member(world, "Rita Ouderraad", "rita@example.org", Role.PARENT_REP)
    closed_round(world)
    alice_client.post(url(world, "start"))
    with sent_by_the_worker():
        alice_client.post(url(world, "step", "consult"))
        alice_client.post(url(world, "step", "back_to_draft"))
        alice_client.post(url(world, "step", "consult"))
    assert [message.to for message in mail.outbox] == [["rita@example.org"]]
    assert "Uw opmerkingen graag" in mail.outbox[0].subject
    alice_client.post(url(world, "step", "back_to_draft"))
    alice_client.post(url(world, "compose"), compose_data(world))  # a changed text is mailed once more
    with sent_by_the_worker():
        alice_client.post(url(world, "step", "consult"))
    assert len(mail.outbox) == 2
