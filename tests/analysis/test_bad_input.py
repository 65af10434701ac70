"""Arbitrary input to the analysis and framework forms (see tests/bad_input_strategies.py)."""

import uuid
from datetime import date

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from accounts.models import User
from analysis.forms import EARLIEST_DATE, LATEST_DATE
from analysis.models import (
    Answer,
    Conclusion,
    DimensionNote,
    ResponseStatus,
    Round,
    RoundItem,
    Scope,
    TeamResponse,
)
from analysis.queries import counted_items, open_questions
from framework.content_files import DIMENSION_KEYS
from framework.item_bank import team_items_for_school, visible_team_items
from framework.models import Audience, Direction, HiddenItem, Item, ItemText, Scale
from tests.helpers.bad_input_strategies import (
    FUZZ,
    ODD_DATES,
    TEXT,
    Field,
    Pairs,
    assert_clear_errors,
    changes,
    counts,
    every,
    form_data,
    invalid_form,
    is_redirect,
    last,
    login,
    one,
    post,
    required_left_empty,
    rolled_back,
    text,
)
from tests.helpers.world import World

pytestmark = pytest.mark.usefixtures("fast_password_hashing")


# --- analysis ---------------------------------------------------------------------------------


def dates_between(first: date, final: date) -> st.SearchStrategy[list[str]]:
    """A date in each of the formats the Dutch form reads."""
    return (
        st.dates(min_value=first, max_value=final)
        .flatmap(
            lambda d: st.sampled_from([d.isoformat(), d.strftime("%d-%m-%Y"), d.strftime("%d/%m/%Y"), f"{d:%Y/%m/%d}"])
        )
        .map(lambda v: [v])
    )


@FUZZ
@given(data=st.data())
def test_create_round_survives_anything(world: World, data: st.DataObject) -> None:
    team = [str(world.alice.pk), str(world.bob.pk)]
    pairs = data.draw(
        form_data(
            Field("title", text("Oudercontact najaar"), odd=("  ", "x" * 201)),
            Field("scope", one(*Scope.values), odd=("everything", "WHOLE_SCHOOL")),
            Field("scope_description", text("De ouders van de kleuterklas"), odd=("", "  ")),
            Field("starts_on", dates_between(date(2000, 1, 1), date(2049, 12, 31)), odd=tuple(ODD_DATES)),
            Field("ends_on", dates_between(date(2050, 1, 1), date(2100, 12, 31)), odd=tuple(ODD_DATES)),
            Field(
                "invitees",
                st.sampled_from([[], team[:1], team[1:], team, team[::-1]]),
                odd=(str(world.charlie.pk), "0", "abc", "9" * 19, "1.0"),
            ),
        ),
        label="pairs",
    )
    with rolled_back():
        before = counts()
        response = post(login(world.alice), reverse("analysis:round_create", args=[world.school.id]), pairs)
        if is_redirect(response):
            round_ = Round.objects.exclude(id=world.round.id).get(school=world.school)
            invitees = {int(pk) for pk in every(pairs, "invitees")}
            # the same items as the world's round, started the same way: visible team items and more
            items = set(RoundItem.objects.filter(round=world.round).values_list("item_id", flat=True))
            assert set(visible_team_items(world.school).values_list("id", flat=True)) <= items
            expected = {"Round": 1, "RoundItem": len(items)} | ({"TeamResponse": len(invitees)} if invitees else {})
            assert changes(before) == expected
            assert set(RoundItem.objects.filter(round=round_).values_list("item_id", flat=True)) == items
            assert set(TeamResponse.objects.filter(round=round_).values_list("user_id", flat=True)) == invitees
            assert invitees <= {world.alice.pk, world.bob.pk}
            assert round_.title == (last(pairs, "title") or "").strip() and round_.title
            assert round_.scope == last(pairs, "scope") and round_.scope in Scope.values
            assert round_.created_by == world.alice and round_.is_open
            with translation.override("nl"):
                assert forms.DateField().clean(last(pairs, "starts_on")) == round_.starts_on
                assert forms.DateField().clean(last(pairs, "ends_on")) == round_.ends_on
            assert EARLIEST_DATE <= round_.starts_on <= round_.ends_on <= LATEST_DATE
            if round_.scope != Scope.WHOLE_SCHOOL:
                assert round_.scope_description.strip()
            assert response["Location"] == reverse("analysis:round", args=[world.school.id, round_.id])
        else:
            assert changes(before) == {}
            empty = required_left_empty(pairs, ("title", "starts_on", "ends_on")) + [
                name for name in ("scope",) if last(pairs, name) in (None, "")
            ]
            assert_clear_errors(response, invalid_form(response), empty, status=200)


@FUZZ
@given(data=st.data())
def test_invite_to_round_survives_anything(world: World, dave: User, data: st.DataObject) -> None:
    odd = (str(world.alice.pk), str(world.bob.pk), str(world.charlie.pk), "", "x", "9" * 19)
    pairs = data.draw(form_data(Field("invitees", one(str(dave.pk)), odd=odd)), label="pairs")
    with rolled_back():
        before = counts()
        url = reverse("analysis:round", args=[world.school.id, world.round.id])
        response = post(login(world.alice), url, pairs)
        if is_redirect(response):
            assert response["Location"] == url
            assert set(every(pairs, "invitees")) == {str(dave.pk)}
            assert changes(before) == {"TeamResponse": 1}
            added = TeamResponse.objects.get(round=world.round, user=dave)
            assert added.status == ResponseStatus.INVITED and added.school_id == world.school.id
        else:
            assert changes(before) == {}
            empty = ["invitees"] if not every(pairs, "invitees") else []
            assert_clear_errors(response, invalid_form(response), empty, status=200)


SCALE_VALUES = ("1", "2", "3", "4", "5", "dk")


@FUZZ
@given(data=st.data())
def test_answer_page_survives_anything(world: World, data: st.DataObject) -> None:
    page = data.draw(st.integers(min_value=1, max_value=len(DIMENSION_KEYS)), label="page")
    dimension_key = DIMENSION_KEYS[page - 1]
    counted = counted_items(world.round)
    keys = [f"item-{item_id}" for item_id in counted.filter(dimension__key=dimension_key).values_list("id", flat=True)]
    elsewhere = [
        f"item-{item_id}" for item_id in counted.exclude(dimension__key=dimension_key).values_list("id", flat=True)
    ]
    answers = st.one_of(st.just([]), one(*SCALE_VALUES))
    strange = st.lists(
        st.one_of(
            st.builds(lambda: f"item-{uuid.uuid4()}"), st.sampled_from(elsewhere), st.just("item-"), st.just("item-x")
        ).flatmap(lambda key: Field(key, answers).garbled()),
        max_size=2,
    ).map(lambda parts: [pair for part in parts for pair in part])
    pairs = data.draw(
        form_data(
            *[Field(key, answers, odd=("0", "6", "DK", " 1", "1.0")) for key in keys],
            Field("action", st.one_of(st.just([]), one("next", "save", "previous", "submit"))),
            Field(
                "note", st.one_of(st.just([]), one(""), text("Ouders kennen de klasleraar niet.")), odd=("x" * 2001,)
            ),
        ).flatmap(lambda pairs: strange.map(lambda more: pairs + more)),
        label="pairs",
    )
    with rolled_back():
        before = counts()
        response_row = TeamResponse.objects.get(round=world.round, user=world.bob)
        url = reverse("analysis:answer", args=[world.school.id, world.round.id, page])
        response = post(login(world.bob), url, pairs)
        response_row.refresh_from_db()
        if is_redirect(response):
            answered = {key: last(pairs, key) for key in keys if last(pairs, key)}
            assert set(answered.values()) <= set(SCALE_VALUES)
            assert changes(before) == {"DimensionNote": 1} | ({"Answer": len(answered)} if answered else {})
            stored = {
                f"item-{answer.item_id}": "dk" if answer.value is None else str(answer.value)
                for answer in Answer.objects.filter(response=response_row)
            }
            assert stored == answered
            assert all(answer.school_id == world.school.id for answer in Answer.objects.filter(response=response_row))
            note = DimensionNote.objects.get(response=response_row, dimension__key=dimension_key)
            assert note.text == (last(pairs, "note") or "").strip()
            assert response_row.last_page == page
            # Handing in with questions still open asks first (a page of its own); with none open it hands in.
            submitted = last(pairs, "action") == "submit" and not open_questions(response_row, world.round).open
            assert response_row.status == (ResponseStatus.SUBMITTED if submitted else ResponseStatus.IN_PROGRESS)
            assert (response_row.submitted_at is not None) == submitted
        else:
            assert changes(before) == {}
            assert response_row.status == ResponseStatus.INVITED and response_row.last_page == 0
            assert_clear_errors(response, invalid_form(response), status=200)


@FUZZ
@given(data=st.data())
def test_conclusion_survives_anything(world: World, data: st.DataObject) -> None:
    text_key = data.draw(st.sampled_from(DIMENSION_KEYS), label="text_key")
    other_keys = tuple(key for key in DIMENSION_KEYS if key != text_key)
    pairs = data.draw(
        form_data(
            Field("dimension", one(text_key), odd=(*other_keys, text_key.upper(), "")),
            Field(
                f"{text_key}-text",
                st.one_of(st.just([]), text("Ouders weten niet wat de school verwacht.")),
                odd=("x" * 4001,),
            ),
        ),
        label="pairs",
    )
    with rolled_back():
        before = counts()
        url = reverse("results:profile", args=[world.school.id, world.round.id])
        response = post(login(world.alice), url, pairs)
        dimension = last(pairs, "dimension")
        if is_redirect(response):
            assert dimension in DIMENSION_KEYS
            assert response["Location"] == f"{url}#conclusion-{dimension}"
            assert changes(before) == {"Conclusion": 1}
            conclusion = Conclusion.objects.get(round=world.round)
            assert conclusion.dimension.key == dimension
            assert conclusion.school_id == world.school.id and conclusion.updated_by == world.alice
            assert conclusion.text == (last(pairs, f"{dimension}-text") or "").strip()
        else:
            assert changes(before) == {}
            assert response.status_code == 400
            if dimension not in DIMENSION_KEYS:
                # The dimension travels in a hidden field: only a tampered form gets here; the page says so.
                assert "message-error" in response.content.decode()
            else:
                section = next(s for s in response.context["sections"] if s["dimension"].key == dimension)
                assert_clear_errors(response, section["form"], status=400)


# --- framework --------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_own_item_survives_anything(world: World, data: st.DataObject) -> None:
    scales = tuple(Scale.objects.values_list("key", flat=True))
    question = st.one_of(
        one("Hoe vaak spreken we ouders aan bij de schoolpoort?"), TEXT.map(lambda t: [t.strip() + "?"])
    )
    pairs = data.draw(
        form_data(
            Field("dimension", one(*DIMENSION_KEYS), odd=("onbekend", DIMENSION_KEYS[0].upper())),
            Field("direction", one(*Direction.values), odd=("sideways",)),
            Field("scale", one(*scales), odd=("onbekend",)),
            Field("text_nl", question, odd=("Geen vraag.", "  ", "x" * 400 + "?")),
            Field(
                "text_en",
                st.one_of(st.just([]), one(""), text("How often do we greet parents at the gate?")),
                odd=("x" * 401,),
            ),
        ),
        label="pairs",
    )
    with rolled_back():
        before = counts()
        response = post(login(world.alice), reverse("framework:items", args=[world.school.id]), pairs)
        if is_redirect(response):
            text_nl = (last(pairs, "text_nl") or "").strip()
            text_en = (last(pairs, "text_en") or "").strip()
            assert changes(before) == {"Item": 1, "ItemText": 2 if text_en else 1}
            item = Item.objects.get(school=world.school)
            assert item.audience == Audience.TEAM and not item.retired
            assert item.dimension.key == last(pairs, "dimension")
            assert item.direction == last(pairs, "direction")
            assert item.scale.key == last(pairs, "scale")
            texts = dict(ItemText.objects.filter(item=item).values_list("language", "text"))
            assert texts == ({"nl": text_nl, "en": text_en} if text_en else {"nl": text_nl})
            assert text_nl.endswith("?")
        else:
            assert changes(before) == {}
            empty = required_left_empty(pairs, ("text_nl",)) + [
                name for name in ("dimension", "direction", "scale") if last(pairs, name) in (None, "")
            ]
            assert_clear_errors(response, invalid_form(response), empty, status=200)


@FUZZ
@given(
    data=st.data(),
    pairs=form_data(
        Field("hidden", st.one_of(st.just([]), one("on")), odd=("true", "True", "1", "false", "False", "0", ""))
    ),
    hidden_before=st.booleans(),
)
def test_item_visibility_survives_anything(
    world: World, data: st.DataObject, pairs: Pairs, hidden_before: bool
) -> None:
    framework_item = team_items_for_school(world.school).filter(school__isnull=True).first()
    assert framework_item is not None
    item_id = data.draw(st.sampled_from([framework_item.id, uuid.uuid4()]), label="item_id")
    with rolled_back():
        if hidden_before:
            HiddenItem.objects.create(school=world.school, item=framework_item, hidden_by=world.alice)
        before = counts()
        url = reverse("framework:item_visibility", args=[world.school.id, item_id])
        response = post(login(world.alice), url, pairs)
        if item_id != framework_item.id:
            assert response.status_code == 404
            assert changes(before) == {}
            return
        assert is_redirect(response)
        raw = last(pairs, "hidden")
        hidden = bool(raw) and raw.lower() != "false"  # a checkbox: sent (and not "false") means ticked
        assert HiddenItem.objects.filter(school=world.school, item=framework_item).exists() == hidden
        assert changes(before) == ({} if hidden == hidden_before else {"HiddenItem": 1 if hidden else -1})
