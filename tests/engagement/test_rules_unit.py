"""Pure rules of the declaration: the word diff, the states, school years, stored text and Markdown."""

from hypothesis import given
from hypothesis import strategies as st

from engagement.consultation.diff import ADDED, REMOVED, SAME, version_diff, word_diff
from engagement.domains import DomainText
from engagement.markdown import plain_text, render_markdown
from engagement.school_years import is_school_year, next_school_year, school_year_of
from engagement.states import allowed_steps, state_after_text_change
from engagement.texts import DeclarationText, declaration_text


def test_word_diff_marks_added_and_removed_words() -> None:
    pieces = word_diff("We bellen u op.", "We bellen of mailen u op.")
    assert [(piece.kind, piece.text) for piece in pieces] == [
        (SAME, "We bellen "),  # a word carries the spaces after it (diff.TOKEN)
        (ADDED, "of mailen "),
        (SAME, "u op."),
    ]
    assert [piece.kind for piece in word_diff("a b", "a c")] == [SAME, REMOVED, ADDED]


@given(st.text(), st.text())
def test_word_diff_rebuilds_both_texts(old: str, new: str) -> None:
    pieces = word_diff(old, new)
    assert "".join(p.text for p in pieces if p.kind != ADDED) == old
    assert "".join(p.text for p in pieces if p.kind != REMOVED) == new


def test_version_diff_reports_a_removed_domain() -> None:
    domain = DomainText("Wij bieden.", "U komt.", "")
    old = DeclarationText("T", "I", {"oudercontact": "Oudercontact"}, {"oudercontact": domain})
    new = DeclarationText("T", "I", {}, {})
    changed = [field for field in version_diff(old, new) if field.changed]
    assert {(field.domain, field.part) for field in changed} == {
        ("oudercontact", "title"),
        ("oudercontact", "school_offers"),
        ("oudercontact", "parents_commit"),
    }


def test_states_go_forward_one_step_at_a_time() -> None:
    assert allowed_steps("draft") == ["consult"]
    assert sorted(allowed_steps("consultation")) == ["adopt", "back_to_draft"]
    assert allowed_steps("adopted") == ["publish"]
    assert allowed_steps("published") == []
    assert state_after_text_change("adopted") == "consultation"
    assert state_after_text_change("published") == "draft"
    assert state_after_text_change("consultation") == "consultation"


def test_school_years() -> None:
    from datetime import date

    assert school_year_of(date(2026, 8, 31)) == "2025-2026"
    assert school_year_of(date(2026, 9, 1)) == "2026-2027"
    assert next_school_year("2026-2027") == "2027-2028"
    assert is_school_year("2026-2027") and not is_school_year("2026-2028") and not is_school_year("26-27")


def test_stored_text_ignores_unknown_and_malformed_domains() -> None:
    text = declaration_text(
        "T", "I", {"nederlands": {"title": "NL", "school_offers": "a", "parents_commit": 3}, "extra": {"title": "x"}}
    )
    assert list(text.domains) == ["nederlands"]
    assert text.domains["nederlands"] == DomainText("a", "", "")


def test_markdown_never_lets_html_or_script_links_through() -> None:
    html = render_markdown('<b onclick="x()">hi</b> [a](javascript:alert(1)) [b](https://school.be)')
    assert "<b" not in html and "javascript:" not in html.split("href=")[-1]
    assert 'href="https://school.be"' in html
    assert plain_text("- **Eén** & twee\n- drie") == "Eén & twee\ndrie"
