"""What parents and pupils said on the round's profile: three perspectives, the mirror, response rates,
breakdowns and open answers — always under the rule of five.
"""

import hmac
import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils.html import escape

from analysis.models import ResponseStatus
from analysis.queries import counted_items
from framework.item_bank import set_hidden
from framework.models import Audience, Item
from results.perspectives import NO_ANSWERS, NOT_ASKED, Figure
from surveys.batches import issue_codes
from surveys.models import (
    SurveyAnswer,
    SurveyResponse,
)
from surveys.respond import Opening, hand_in, open_with_code, save_answers
from surveys.tallies import rebuild_tallies
from surveys.texts import respondent_items
from tests.helpers.survey_data import (
    Value,
    constant,
    count_queries,
    hand_in_surveys,
    in_english,
    invitations_url,
    profile_url,
    section,
    team_answers,
    without_csrf,
)
from tests.helpers.world import World

# 4. Three perspectives on the profile page ---------------------------------------------------


def rows_of(response: object) -> list:  # type: ignore[type-arg]
    return [row for side in response.context["sides"] for row in side.rows]  # type: ignore[attr-defined]


def test_team_parents_and_pupils_side_by_side(world: World, alice_client: Client) -> None:
    team_answers(world.round, world.alice, constant(4))
    team_answers(world.round, world.bob, constant(5))
    hand_in_surveys(world.round, Audience.PARENT, 5, constant(2))
    hand_in_surveys(world.round, Audience.PUPIL_10_12, 3, constant(1), group="5A")
    hand_in_surveys(world.round, Audience.PUPIL_12_18, 2, constant(1), group="1B")
    response = in_english(alice_client).get(profile_url(world))
    assert response.status_code == 200
    rows = rows_of(response)
    assert len(rows) == 14
    assert all(row.mean == pytest.approx(4.5) for row in rows)
    assert all(row.parents == Figure(2.0, 5) for row in rows)  # parents answer on every dimension and side
    # Three pupils of 10–12 in 5A and two of 12–18 in 1B: neither is a chunk of five, so both wait.
    # Nothing of theirs is in the figures: where their questionnaire asks, "no answers"; elsewhere "not asked".
    assert all(row.pupils.mean is None and row.pupils.respondents == 0 for row in rows)
    assert {row.pupils.reason for row in rows} == {NO_ANSWERS, NOT_ASKED}
    html = response.content.decode()
    sides = "".join(part.split("</section>", 1)[0] for part in html.split('<section class="profile-side"')[1:])
    header = section(sides, "<thead>", "</thead>")
    assert '<th scope="col">Parents</th>' in header and '<th scope="col">Pupils</th>' in header
    assert sides.count('2.0 <span class="muted">(n=5)</span>') == 14
    for series in ("series-team", "series-parents"):
        assert html.count(f'<g class="{series}">') == 2, series  # one radar per side
        assert html.count(f'legend-item {series}"') == 2
    assert '<g class="series-pupils">' not in html
    assert "5 parents and 0 pupils are in the figures" in html
    assert "5 answers are not in the figures yet" in html


def test_four_parents_are_never_shown_anywhere(world: World, alice_client: Client) -> None:
    """With four parents, the page is the same whatever they answered: not in the table, chart, mirror or breakdowns."""
    team_answers(world.round, world.alice, constant(4))
    hand_in_surveys(world.round, Audience.PUPIL_10_12, 5, constant(3), group="5A")
    parents = hand_in_surveys(world.round, Audience.PARENT, 4, constant(1), home_language="ar", open_answer="Geheim")
    client = in_english(alice_client)
    response = client.get(profile_url(world))
    rows = rows_of(response)
    assert all(row.parents == Figure(None, 0) for row in rows)  # four wait for a fifth: not in any figure
    html = response.content.decode()
    assert "A few answers are not in the figures yet" in html
    assert "series-parents" not in html and "series-pupils" in html
    assert "Geheim" not in html
    assert response.context["voices"].gaps == []
    first = without_csrf(html)
    SurveyAnswer.objects.filter(response__in=parents).update(value=5)
    rebuild_tallies(world.round)
    assert without_csrf(client.get(profile_url(world)).content.decode()) == first


def test_a_fifth_parent_who_only_said_dont_know_does_not_reveal_the_other_four(
    world: World, alice_client: Client
) -> None:
    team_answers(world.round, world.alice)
    hand_in_surveys(world.round, Audience.PARENT, 4, constant(1))
    hand_in_surveys(world.round, Audience.PARENT, 1, constant(None))
    response = in_english(alice_client).get(profile_url(world))
    # Each question was answered on the scale by four of the chunk: those answers are held back, not shown, and
    # the figure says so: hidden, not "no answers".
    assert all(row.parents == Figure(None, 0, suppressed=True) for row in rows_of(response))
    html = response.content.decode()
    # The parents' line is only hollow markers outside the scale, no point: the four answers stay out of sight.
    parents_lines = re.findall(r'<g class="series-parents">(.*?)</g>', html, re.S)
    assert len(parents_lines) == 2 and all(
        "<circle cx" not in line and "<polyline" not in line for line in parents_lines
    )
    assert all(line.count('<circle class="gap"') == 7 for line in parents_lines)
    assert "fewer than 5 answers per group, hidden so that nobody can be recognised." in html
    assert "5 parents and 0 pupils are in the figures" in html
    (group,) = response.context["voices"].parents_by_group
    assert all(figure == Figure(None, 0, suppressed=True) for figure in group.figures)


def test_parents_figures_show_before_the_team_has_answered(world: World, alice_client: Client) -> None:
    hand_in_surveys(world.round, Audience.PARENT, 6, constant(2))
    response = alice_client.get(profile_url(world))
    assert response.context["profile"].is_empty
    assert all(row.parents == Figure(2.0, 6) for row in rows_of(response))
    html = response.content.decode()
    assert html.count('<g class="series-parents">') == 2 and "series-team" not in html


# 5. The mirror: the team's estimate beside the parents' own answer -----------------------------


def test_the_mirror_puts_the_largest_gaps_first_and_leaves_out_small_constructs(
    world: World, alice_client: Client
) -> None:
    parent_items = list(counted_items(world.round, Audience.PARENT))
    blind, happier, few = (item.construct for item in parent_items[:3])
    team_by_construct = {few: 5}

    def team_value(item: Item) -> Value:
        return team_by_construct.get(item.construct, 3)

    team_answers(world.round, world.alice, team_value)
    team_answers(world.round, world.bob, team_value)
    # Six parents: the same as the team everywhere, except a blind spot (1 vs 3) and a happier construct (4.5).
    for index in range(6):

        def parent_value(item: Item, index: int = index) -> Value:
            if item.construct == blind:
                return 1
            if item.construct == happier:
                return 5 if index < 3 else 4
            if item.construct == few:
                return 1 if index < 4 else None  # four parents: the largest gap, but never shown
            return 3

        hand_in_surveys(world.round, Audience.PARENT, 1, parent_value)
    response = in_english(alice_client).get(profile_url(world))
    gaps = response.context["voices"].gaps
    constructs = [labelled.gap.construct for labelled in gaps]
    assert constructs[:2] == [blind, happier]
    assert few not in constructs
    # The sixth parent waits for a chunk of five: the first five are in the figures (3 × 5 and 2 × 4 on `happier`).
    assert gaps[0].gap.difference == pytest.approx(2.0) and gaps[0].gap.parent_respondents == 5
    assert gaps[1].gap.difference == pytest.approx(-1.6)
    assert all(labelled.gap.difference == 0 for labelled in gaps[2:])
    assert len(gaps) == 10  # the ten largest
    html = response.content.decode()
    questions = [escape(labelled.question) for labelled in gaps]
    assert all(question and "." not in question.split()[0] for question in questions)  # the team's question, not a key
    mirror = section(html, "Blind spots", "</table>")
    assert mirror.index(questions[0]) < mirror.index(questions[1]) < mirror.index(questions[2])
    assert "<td>2.0</td>" in mirror and "<td>-1.6</td>" in mirror and "(n=5)" in mirror


def test_the_mirror_needs_five_parents(world: World, alice_client: Client) -> None:
    team_answers(world.round, world.alice)
    hand_in_surveys(world.round, Audience.PARENT, 4, constant(1))
    response = in_english(alice_client).get(profile_url(world))
    assert response.context["voices"].gaps == []
    assert "No comparison yet: it needs answers of at least 5 parents." in response.content.decode()
    hand_in_surveys(world.round, Audience.PARENT, 1, constant(1))
    assert len(in_english(alice_client).get(profile_url(world)).context["voices"].gaps) == 10


def test_a_team_item_the_school_hid_leaves_the_mirror(world: World, alice_client: Client) -> None:
    construct = counted_items(world.round, Audience.PARENT).first().construct  # type: ignore[union-attr]
    team_answers(world.round, world.alice, lambda item: 5 if item.construct == construct else 3)
    hand_in_surveys(world.round, Audience.PARENT, 5, constant(3))
    gaps = alice_client.get(profile_url(world)).context["voices"].gaps
    assert gaps[0].gap.construct == construct
    for item in Item.objects.filter(audience=Audience.TEAM, construct=construct):
        set_hidden(world.school, item, True, world.alice)
    gaps = alice_client.get(profile_url(world)).context["voices"].gaps
    assert construct not in [labelled.gap.construct for labelled in gaps]


# 6. Response rates, breakdowns and open answers ------------------------------------------------


def test_response_rates_breakdowns_and_open_answers_follow_the_rule_of_five(world: World, alice_client: Client) -> None:
    issue_codes(world.round, "parent", "class", "3A", "ar", 10, world.alice)
    issue_codes(world.round, "parent", "class", "3A", "tr", 4, world.alice)
    issue_codes(world.round, "parent", "class", "3B", "", 8, world.alice)
    issue_codes(world.round, "pupil_10_12", "class", "5A", "", 12, world.alice)
    issue_codes(world.other_round, "parent", "class", "3A", "", 99, world.charlie)  # another school's round
    team_answers(world.round, world.alice)
    hand_in_surveys(world.round, "parent", 4, constant(2), "3A", "ar", open_answer="Meer avondmomenten")
    hand_in_surveys(world.round, "parent", 1, constant(2), "3A", "ar", open_answer="  ")
    hand_in_surveys(world.round, "parent", 1, constant(4), "3A", "tr", open_answer="Ik werk in ploegen")
    hand_in_surveys(world.round, "parent", 1, constant(1), "3A", "tr", status=ResponseStatus.IN_PROGRESS)
    hand_in_surveys(world.round, "parent", 3, constant(5), "3B", "", open_answer="Geheim uit 3B")
    hand_in_surveys(world.round, "pupil_10_12", 5, constant(3), "5A", "", open_answer="Fijne juf")
    hand_in_surveys(world.other_round, "parent", 6, constant(1), "3A", "", open_answer="Van het Anker")

    response = in_english(alice_client).get(profile_url(world))
    voices = response.context["voices"]
    # In the figures: the five of 3A with Arabic and the five pupils of 5A, each a chunk of five. Waiting: one of
    # 3A with Turkish and three of 3B — no figure, count or rate says anything about them.
    assert [(r.audience, r.group, r.invited, r.answered, r.percent) for r in voices.rates] == [
        ("parent", "3A", 14, 5, 36),
        ("parent", "3B", 8, 0, 0),
        ("pupil_10_12", "5A", 12, 5, 42),
    ]
    assert (voices.parents, voices.pupils, voices.waiting) == (5, 5, 4)
    (by_group,) = voices.parents_by_group
    assert by_group.group == "3A" and by_group.respondents == 5 and by_group.figures[0] == Figure(2.0, 5)
    (by_language,) = voices.parents_by_language
    assert by_language.group == "Arabisch (العربية)" and by_language.figures[0] == Figure(2.0, 5)
    (pupils_row,) = voices.pupils_by_group
    assert pupils_row.group == "5A" and not pupils_row.suppressed
    assert voices.open_answers == []  # five in the figures per audience: open answers need ten

    html = response.content.decode()
    voices_html = section(html, 'id="voices-heading"', 'id="discussion-heading"')
    rates = section(voices_html, "Response per group", "</table>")
    assert "<td>3A</td><td>14</td><td>5</td><td>36%</td>" in rates
    # 3B's three wait for a chunk of five: not "0 answered, 0%", which would be untrue.
    assert "<td>3B</td><td>8</td><td>fewer than 5</td><td>—</td>" in rates
    assert "99" not in rates
    assert "A few answers are not in the figures yet" in voices_html
    assert "They are shown once at least 10 people are in the figures" in voices_html
    for secret in ("Meer avondmomenten", "Ik werk in ploegen", "Geheim uit 3B", "Fijne juf", "Van het Anker"):
        assert secret not in html


def test_open_answers_need_ten_people_in_the_figures_and_come_in_a_meaningless_order(
    world: World, alice_client: Client
) -> None:
    texts = [f"Antwoord {number:02d}" for number in range(15)]
    for text in texts[:9]:
        hand_in_surveys(world.round, "parent", 1, group="3A", open_answer=text)  # 5 released, 4 wait
    assert in_english(alice_client).get(profile_url(world)).context["voices"].open_answers == []
    for text in texts[9:]:
        hand_in_surveys(world.round, "parent", 1, group="3A", open_answer=text)  # 15: three chunks of five
    shown = in_english(alice_client).get(profile_url(world)).context["voices"].open_answers
    assert sorted(shown) == texts
    assert shown == sorted(
        texts, key=lambda text: hmac.new(settings.SECRET_KEY.encode(), text.encode(), "sha256").digest()
    )
    assert shown != texts  # not the order of hand-in


def test_open_answers_of_waiting_questionnaires_are_not_shown(world: World, alice_client: Client) -> None:
    hand_in_surveys(world.round, "parent", 10, group="3A")
    hand_in_surveys(world.round, "parent", 4, group="3B", open_answer="Te vroeg")
    response = in_english(alice_client).get(profile_url(world))
    assert response.context["voices"].open_answers == []
    assert "Te vroeg" not in response.content.decode()


def test_the_voices_section_invites_when_nobody_was_asked(world: World, alice_client: Client) -> None:
    response = alice_client.get(profile_url(world))
    assert response.context["voices"].is_empty
    assert invitations_url(world) in response.content.decode()


# The whole way: codes, answers on a phone, the profile ----------------------------------------


def test_handed_in_questionnaires_reach_the_profile(world: World, alice_client: Client) -> None:
    team_answers(world.round, world.alice)
    issued = issue_codes(world.round, "parent", "class", "3A", "ar", 6, world.alice)
    items = respondent_items(world.round.id, "parent", "ar", world.school.id)
    for index, code in enumerate(issued.codes):
        result = open_with_code(code)
        assert result.outcome == Opening.OPENED and result.response is not None
        save_answers(result.response, 1, {shown.item.id: 2 for shown in items}, "ar")
        if index < 5:
            assert hand_in(result.response, "")
    response = alice_client.get(profile_url(world))
    assert all(row.parents == Figure(2.0, 5) for row in rows_of(response))  # the unfinished one does not count
    assert [(r.group, r.invited, r.answered) for r in response.context["voices"].rates] == [("3A", 6, 5)]


# Query counts -------------------------------------------------------------------------------


def test_profile_query_count_does_not_grow_with_parents_and_pupils(world: World, alice_client: Client) -> None:
    team_answers(world.round, world.alice)
    issue_codes(world.round, "parent", "class", "3A", "ar", 5, world.alice)
    hand_in_surveys(world.round, "parent", 5, constant(2), "3A", "ar", open_answer="een")
    hand_in_surveys(world.round, "pupil_12_18", 5, constant(4), "1B", open_answer="twee")
    few = count_queries(alice_client, profile_url(world))
    for group in ("3B", "3C", "4A"):
        issue_codes(world.round, "parent", "class", group, "tr", 12, world.alice)
        hand_in_surveys(world.round, "parent", 12, constant(3), group, "tr", open_answer=f"meer {group}")
        hand_in_surveys(world.round, "pupil_10_12", 12, constant(3), group, open_answer=f"nog {group}")
    hand_in_surveys(world.round, "pupil_12_18", 11, constant(5), "1C")
    team_answers(world.round, world.bob)
    assert SurveyResponse.objects.filter(audience="parent").count() == 41
    assert count_queries(alice_client, profile_url(world)) == few
