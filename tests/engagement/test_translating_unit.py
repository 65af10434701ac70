"""Unit tests of engagement.translations.translating: fields, prefill and checks of a translation. No database."""

from engagement.domains import DomainText
from engagement.template_content import read_template
from engagement.texts import DeclarationText
from engagement.translations.translating import (
    EXTRA,
    FROM_EARLIER_VERSION,
    FROM_TEMPLATE,
    MISSING,
    PrefillSource,
    check_translation,
    field_values,
    prefill,
    source_fields,
    template_source,
    translation_from_values,
    untranslated_fields,
)

DUTCH = DeclarationText(
    title="Engagementsverklaring",
    introduction="Samen sterk.",
    domain_titles={"oudercontact": "Oudercontact", "aanwezigheid": "Aanwezigheid"},
    domains={
        "oudercontact": DomainText("- Wij nodigen u uit.", "- U komt naar het oudercontact.", ""),
        "aanwezigheid": DomainText("Wij volgen op.", "U meldt afwezigheid.", "Jij komt op tijd."),
    },
)
ENGLISH = DeclarationText(
    title="Engagement declaration",
    introduction="Strong together.",
    domain_titles={"oudercontact": "Parent contact", "aanwezigheid": "Attendance"},
    domains={
        "oudercontact": DomainText("- We invite you.", "- You come to the parent contact.", ""),
        "aanwezigheid": DomainText("We follow up.", "You report absence.", "You are on time."),
    },
)


def test_source_fields_are_title_introduction_then_every_part_of_every_present_domain() -> None:
    keys = [field.key for field in source_fields(DUTCH)]
    assert keys == [
        "title",
        "introduction",
        "oudercontact.title",
        "oudercontact.school_offers",
        "oudercontact.parents_commit",
        "oudercontact.pupil_commits",
        "aanwezigheid.title",
        "aanwezigheid.school_offers",
        "aanwezigheid.parents_commit",
        "aanwezigheid.pupil_commits",
    ]
    assert not next(field for field in source_fields(DUTCH) if field.key == "oudercontact.pupil_commits").has_dutch


def test_prefill_takes_a_field_only_where_the_dutch_is_the_sources_dutch_word_for_word() -> None:
    changed = DeclarationText(
        DUTCH.title,
        "Samen sterk, met de oudervereniging.",  # changed by the school
        DUTCH.domain_titles,
        {
            **DUTCH.domains,
            "aanwezigheid": DomainText("Wij volgen op.", "U meldt afwezigheid vóór 9 uur.", "Jij komt op tijd."),
        },
    )
    filled = prefill(changed, [PrefillSource(FROM_TEMPLATE, DUTCH, ENGLISH)])
    assert filled.values["title"] == "Engagement declaration"
    assert filled.values["aanwezigheid.school_offers"] == "We follow up."
    assert "introduction" not in filled.values
    assert "aanwezigheid.parents_commit" not in filled.values
    assert "oudercontact.pupil_commits" not in filled.values  # no Dutch, nothing to translate
    assert set(filled.sources.values()) == {FROM_TEMPLATE}
    assert set(filled.sources) == set(filled.values)


def test_prefill_ignores_line_end_style_and_outer_spaces_but_not_a_changed_word() -> None:
    browser_saved = DeclarationText(
        " Engagementsverklaring ",
        DUTCH.introduction,
        DUTCH.domain_titles,
        {
            "oudercontact": DomainText("- Wij nodigen u uit.\r\n", "- U komt naar het oudercontact.", ""),
            "aanwezigheid": DomainText("Wij volgen  op.", "U meldt afwezigheid.", "Jij komt op tijd."),
        },
    )
    filled = prefill(browser_saved, [PrefillSource(FROM_TEMPLATE, DUTCH, ENGLISH)])
    assert filled.values["title"] == "Engagement declaration"
    assert filled.values["oudercontact.school_offers"] == "- We invite you."
    assert "aanwezigheid.school_offers" not in filled.values  # a doubled space is a different text


def test_prefill_prefers_the_first_source_and_skips_a_source_without_that_part() -> None:
    earlier = DeclarationText(
        "Engagementsverklaring",
        "",
        {"oudercontact": "Oudercontact"},
        {"oudercontact": DomainText("- Wij nodigen u uit.", "- U komt naar het oudercontact.", "")},
    )
    earlier_translation = DeclarationText(
        "Our declaration",
        "",
        {"oudercontact": ""},
        {"oudercontact": DomainText("- We warmly invite you.", "", "")},
    )
    sources = [
        PrefillSource(FROM_EARLIER_VERSION, earlier, earlier_translation),
        PrefillSource(FROM_TEMPLATE, DUTCH, ENGLISH),
    ]
    filled = prefill(DUTCH, sources)
    assert filled.values["title"] == "Our declaration"
    assert filled.sources["title"] == FROM_EARLIER_VERSION
    assert filled.values["oudercontact.school_offers"] == "- We warmly invite you."
    # the earlier translation left these empty: the template fills them
    assert filled.values["oudercontact.parents_commit"] == "- You come to the parent contact."
    assert filled.sources["oudercontact.parents_commit"] == FROM_TEMPLATE
    assert filled.sources["oudercontact.title"] == FROM_TEMPLATE
    assert filled.sources["aanwezigheid.school_offers"] == FROM_TEMPLATE


def test_prefill_without_sources_is_empty() -> None:
    filled = prefill(DUTCH, [])
    assert filled.values == {} and filled.sources == {}


def test_template_source_pairs_the_dutch_template_with_its_translation() -> None:
    templates = read_template()
    source = template_source(templates, "en")
    assert source is not None
    assert source.dutch.title == templates["nl"].title
    assert source.translation.title == templates["en"].title
    assert template_source(templates, "nl") is None
    assert template_source(templates, "xx") is None


def test_a_draft_may_leave_parts_empty_but_a_reviewed_translation_may_not() -> None:
    values = {"title": "Engagement declaration", "oudercontact.school_offers": "We invite you."}
    assert check_translation(DUTCH, values, "draft") == {}
    errors = check_translation(DUTCH, values, "reviewed")
    assert errors["introduction"] == MISSING
    assert errors["aanwezigheid.pupil_commits"] == MISSING
    assert "title" not in errors
    assert "oudercontact.pupil_commits" not in errors  # no Dutch there: nothing to translate
    assert check_translation(DUTCH, field_values(ENGLISH), "reviewed") == {}


def test_whitespace_is_not_a_translation() -> None:
    values = {**field_values(ENGLISH), "introduction": "  \r\n "}
    assert check_translation(DUTCH, values, "reviewed") == {"introduction": MISSING}


def test_a_translation_says_nothing_where_the_dutch_says_nothing() -> None:
    values = {**field_values(ENGLISH), "oudercontact.pupil_commits": "You give the letters to your parents."}
    assert check_translation(DUTCH, values, "draft") == {"oudercontact.pupil_commits": EXTRA}
    # nor in a domain the Dutch does not have at all
    values = {**field_values(ENGLISH), "nederlands.school_offers": "We teach Dutch."}
    assert check_translation(DUTCH, values, "reviewed") == {"nederlands.school_offers": EXTRA}


def test_the_stored_translation_keeps_the_dutch_domains_and_nothing_more() -> None:
    values = {
        **field_values(ENGLISH),
        "nederlands.school_offers": "We teach Dutch.",
        "introduction": "Strong\r\ntogether. ",
    }
    text = translation_from_values(DUTCH, values)
    assert list(text.domains) == ["oudercontact", "aanwezigheid"]
    assert text.introduction == "Strong\ntogether."
    assert text.domains["aanwezigheid"].pupil_commits == "You are on time."
    assert text.domain_titles["oudercontact"] == "Parent contact"
    assert set(text.domains_json()) == {"oudercontact", "aanwezigheid"}


def test_untranslated_fields_names_the_empty_parts_with_dutch_text() -> None:
    partial = translation_from_values(DUTCH, {"title": "Engagement declaration"})
    missing = untranslated_fields(DUTCH, partial)
    assert "introduction" in missing and "aanwezigheid.pupil_commits" in missing
    assert "title" not in missing and "oudercontact.pupil_commits" not in missing
    assert untranslated_fields(DUTCH, ENGLISH) == []
