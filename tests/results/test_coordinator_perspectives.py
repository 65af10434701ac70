"""What parents and pupils said on the round's profile: three perspectives, the mirror, response rates,
breakdowns and open answers — always under the rule of five.
"""

import re

import pytest
from django.test import Client
from django.utils.html import escape

from analysis.models import ResponseStatus
from analysis.queries import counted_items
from framework.item_bank import set_hidden
from framework.models import Audience, Item
from results.perspectives import Figure
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
    pupils = [row.pupils for row in rows]
    assert all(
        figure in (Figure(1.0, 5), Figure(1.0, 3, True), Figure(1.0, 2, True)) or figure.mean is None
        for figure in pupils
    )
    assert pupils.count(Figure(1.0, 5)) >= 7
    html = response.content.decode()
    sides = "".join(part.split("</section>", 1)[0] for part in html.split('<section class="profile-side"')[1:])
    header = section(sides, "<thead>", "</thead>")
    assert '<th scope="col">Parents</th>' in header and '<th scope="col">Pupils</th>' in header
    assert sides.count('2.0 <span class="muted">(n=5)</span>') == 14
    assert sides.count('1.0 <span class="muted">(n=5)</span>') == pupils.count(Figure(1.0, 5))
    for series in ("series-team", "series-parents", "series-pupils"):
        assert html.count(f'<g class="{series}">') == 2, series  # one radar per side, three series each
        assert html.count(f'legend-item {series}"') == 2
    assert "5 parents and 5 pupils handed in their answers" in html


def test_four_parents_are_never_shown_anywhere(world: World, alice_client: Client) -> None:
    """With four parents, the page is the same whatever they answered: not in the table, chart, mirror or breakdowns."""
    team_answers(world.round, world.alice, constant(4))
    hand_in_surveys(world.round, Audience.PUPIL_10_12, 5, constant(3), group="5A")
    parents = hand_in_surveys(world.round, Audience.PARENT, 4, constant(1), home_language="ar", open_answer="Geheim")
    client = in_english(alice_client)
    response = client.get(profile_url(world))
    rows = rows_of(response)
    assert all(row.parents == Figure(None, 4, suppressed=True) for row in rows)
    html = response.content.decode()
    assert html.count("hidden: fewer than 5 answers") >= 14
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
    assert all(row.parents.mean is None and row.parents.suppressed for row in rows_of(response))
    html = response.content.decode()
    assert "series-parents" not in html
    assert "5 parents and 0 pupils handed in their answers" in html
    (group,) = response.context["voices"].parents_by_group
    assert all(figure.mean is None and figure.suppressed for figure in group.figures)


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
    assert gaps[0].gap.difference == pytest.approx(2.0) and gaps[0].gap.parent_respondents == 6
    assert gaps[1].gap.difference == pytest.approx(-1.5)
    assert all(labelled.gap.difference == 0 for labelled in gaps[2:])
    assert len(gaps) == 10  # the ten largest
    html = response.content.decode()
    questions = [escape(labelled.question) for labelled in gaps]
    assert all(question and "." not in question.split()[0] for question in questions)  # the team's question, not a key
    mirror = section(html, "Blind spots", "</table>")
    assert mirror.index(questions[0]) < mirror.index(questions[1]) < mirror.index(questions[2])
    assert "<td>2.0</td>" in mirror and "<td>-1.5</td>" in mirror and "(n=6)" in mirror


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
    assert [(r.audience, r.group, r.invited, r.answered, r.percent) for r in voices.rates] == [
        ("parent", "3A", 14, 6, 43),
        ("parent", "3B", 8, 3, 38),
        ("pupil_10_12", "5A", 12, 5, 42),
    ]
    assert (voices.parents, voices.pupils) == (9, 5)

    by_group = {row.group: row for row in voices.parents_by_group}
    assert not by_group["3A"].suppressed and by_group["3A"].respondents == 6
    assert by_group["3A"].figures[0] == Figure(pytest.approx(14 / 6), 6)  # type: ignore[arg-type]
    assert by_group["3B"].suppressed and all(figure.mean is None for figure in by_group["3B"].figures)
    by_language = {row.group: row for row in voices.parents_by_language}
    assert set(by_language) == {"", "العربية", "Türkçe"}
    assert not by_language["العربية"].suppressed and by_language["العربية"].figures[0] == Figure(2.0, 5)
    assert by_language["Türkçe"].suppressed and by_language[""].suppressed
    (pupils_row,) = voices.pupils_by_group
    assert pupils_row.group == "5A" and not pupils_row.suppressed
    assert voices.open_answers == ["Fijne juf"] * 5 + ["Ik werk in ploegen"] + ["Meer avondmomenten"] * 4

    html = response.content.decode()
    voices_html = section(html, 'id="voices-heading"', 'id="discussion-heading"')
    rates = section(voices_html, "Response per group", "</table>")
    assert "<td>3A</td><td>14</td><td>6</td><td>43%</td>" in rates
    assert "<td>3B</td><td>8</td><td>3</td><td>38%</td>" in rates
    assert "99" not in rates
    by_group_html = section(voices_html, "<h3>Parents by group</h3>", "</table>")
    row_3b = section(by_group_html, '<th scope="row">3B</th>', "</tr>")
    assert "hidden: fewer than 5 people answered in this group" in row_3b and "5.0" not in row_3b
    by_language_html = section(voices_html, "<h3>Parents by home language</h3>", "</table>")
    assert '<th scope="row">العربية</th>' in by_language_html
    assert by_language_html.count("hidden: fewer than 5 people answered in this group") == 2
    open_html = section(voices_html, "<h3>Open answers</h3>", "</ul>")
    items = re.findall(r"<li>(.*?)</li>", open_html, flags=re.S)
    assert items == voices.open_answers  # the text alone: no group, date or language beside it
    for secret in ("Geheim uit 3B", "Van het Anker"):
        assert secret not in html


def test_open_answers_need_a_group_of_five(world: World, alice_client: Client) -> None:
    hand_in_surveys(world.round, "parent", 4, open_answer="Te klein")
    response = in_english(alice_client).get(profile_url(world))
    assert response.context["voices"].open_answers == []
    assert "No open answers to show. They are shown only for groups of at least 5 people." in response.content.decode()
    assert "Te klein" not in response.content.decode()


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
