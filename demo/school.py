"""A demo school to look around in: a coordinator, a small team and one round with answers."""

import random
from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from analysis.models import Round, TeamResponse
from analysis.queries import counted_items
from analysis.rounds import save_conclusion, save_page, start_round, submit_response
from demo.declaration import create_demo_declaration
from framework.models import Dimension, Item
from schools.models import Membership, Role, School
from surveys.batches import issue_codes
from surveys.respond import hand_in, open_with_code, save_answers
from surveys.texts import questionnaire_pages

DEMO_SCHOOL = "Basisschool De Regenboog (demo)"
DEMO_PASSWORD = "demo-betrokken-2026"
COORDINATOR_EMAIL = "coordinator@demo.betrokken.invalid"
PARENT_REP_EMAIL = "ouderraad@demo.betrokken.invalid"
TEAM = [
    ("Sofie Peeters", "sofie@demo.betrokken.invalid"),
    ("Youssef El Amrani", "youssef@demo.betrokken.invalid"),
    ("Katrien Janssens", "katrien@demo.betrokken.invalid"),
    ("Mehmet Yilmaz", "mehmet@demo.betrokken.invalid"),
    ("Lotte Maes", "lotte@demo.betrokken.invalid"),
]
NOTES = {
    "kennis": "Veel ouders van de kleuterklas kennen de weg naar het secretariaat niet.",
    "tijd": "Het oudercontact valt tijdens de werkuren van ouders die in ploegen werken.",
    "emotie": "Sommige ouders blijven aan de schoolpoort staan; we weten niet goed waarom.",
}


@dataclass(frozen=True)
class DemoLogin:
    email: str
    password: str


def _user(name: str, email: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, DEMO_PASSWORD, name=name)
    return user


@transaction.atomic
def create_demo_school(seed: int = 2026) -> DemoLogin:
    if School.objects.filter(name=DEMO_SCHOOL).exists():
        return DemoLogin(COORDINATOR_EMAIL, DEMO_PASSWORD)
    rng = random.Random(seed)
    school = School.objects.create(name=DEMO_SCHOOL, town="Gent")
    coordinator = _user("An De Smet", COORDINATOR_EMAIL)
    Membership.objects.create(school=school, user=coordinator, role=Role.COORDINATOR)
    team = [_user(name, email) for name, email in TEAM]
    Membership.objects.bulk_create(Membership(school=school, user=user, role=Role.TEAM) for user in team)
    today = timezone.localdate()
    round_ = start_round(
        school,
        coordinator,
        "Ouders van de kleuterklas op het oudercontact",
        "situation",
        "Ouders van de kleuterklas komen niet naar het oudercontact.",
        today - timedelta(days=14),
        today + timedelta(days=14),
        [coordinator, *team],
    )
    parent_rep = _user("Fatima Amrani (oudervereniging)", PARENT_REP_EMAIL)
    Membership.objects.create(school=school, user=parent_rep, role=Role.PARENT_REP)
    _answer(round_, team[:4], rng)
    _questionnaires(round_, coordinator, rng)
    save_conclusion(
        round_,
        Dimension.objects.get(key="tijd"),
        "We plannen het oudercontact ook op een vroege avond en een zaterdagochtend.",
        coordinator,
    )
    create_demo_declaration(school, coordinator, parent_rep)
    return DemoLogin(COORDINATOR_EMAIL, DEMO_PASSWORD)


def _answer(round_: Round, people: list[User], rng: random.Random) -> None:
    items = list(counted_items(round_).select_related("dimension"))
    # The team sees knowledge and time as weak, and does not agree about emotion.
    leaning = {"kennis": -1.2, "tijd": -1.0, "emotie": 0.0, "gedrag": 0.4, "competentie": -0.3}
    for index, user in enumerate(people):
        response = TeamResponse.objects.get(round=round_, user=user)
        for page, dimension in enumerate(Dimension.objects.order_by("position"), start=1):
            answers: dict[UUID, int | None] = {}
            for item in (item for item in items if item.dimension_id == dimension.pk):
                if rng.random() < 0.08:
                    answers[item.id] = None  # weet ik niet
                    continue
                spread = 1.5 if dimension.key == "emotie" and index % 2 else -1.5 if dimension.key == "emotie" else 0
                value = round(3.2 + leaning.get(dimension.key, 0) + spread + rng.uniform(-0.8, 0.8))
                answers[item.id] = min(max(value, 1), 5)
            save_page(response, dimension, page, answers, NOTES.get(dimension.key, "") if index == 0 else "")
        if index < 3:  # the fourth is still busy, as in real life
            submit_response(response)


def _questionnaires(round_: Round, coordinator: User, rng: random.Random) -> None:
    """Parents of two classes (one group tagged Arabic) and a class of pupils answer with their codes."""
    # Parents see time and knowledge as weaker than the team thinks; pupils see more warmth.
    leaning = {"tijd": -1.0, "kennis": -0.8, "emotie": 0.6}
    for audience, group, language, count in (
        ("parent", "K3", "ar", 7),
        ("parent", "2A", "", 9),
        ("pupil_10_12", "5B", "", 8),
    ):
        issued = issue_codes(round_, audience, "class", group, language, count + 3, coordinator)
        pages = questionnaire_pages(round_.id, audience)
        dimension_of = dict(
            Item.objects.filter(id__in=[i for page in pages for i in page]).values_list("id", "dimension__key")
        )
        for code in issued.codes[:count]:
            opened = open_with_code(code)
            assert opened.response is not None
            for number, page in enumerate(pages, start=1):
                answers: dict[UUID, int | None] = {}
                for item_id in page:
                    value = round(3.3 + leaning.get(dimension_of[item_id], 0) + rng.uniform(-1.2, 1.2))
                    answers[item_id] = None if rng.random() < 0.07 else min(max(value, 1), 5)
                save_answers(opened.response, number, answers, language or "nl")
            hand_in(
                opened.response, rng.choice(["", "", "Graag een oudercontact op zaterdag.", "Een tolk zou helpen."])
            )
