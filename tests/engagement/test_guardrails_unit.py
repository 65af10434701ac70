"""Guardrails of the engagementsverklaring: pure functions."""

import pytest

from engagement.editor.guardrails import (
    DOMAIN_KEYS,
    EMPTY_DOMAIN,
    MISSING_DOMAIN,
    SANCTION,
    DomainText,
    can_publish,
    check_declaration,
    sanction_sentences,
)
from engagement.template_content import read_template

GOOD = DomainText("- Twee oudercontacten per jaar, met tolk als u dat wilt.", "- U komt naar het oudercontact.", "")


def complete(**changes: DomainText) -> dict[str, DomainText]:
    return dict.fromkeys(DOMAIN_KEYS, GOOD) | changes


def test_a_complete_declaration_without_sanctions_has_no_warnings() -> None:
    assert check_declaration(complete()) == []
    assert can_publish([])


def test_a_missing_domain_warns_and_blocks_publishing() -> None:
    domains = complete()
    del domains["nederlands"]
    warnings = check_declaration(domains)
    assert [(w.code, w.domain) for w in warnings] == [(MISSING_DOMAIN, "nederlands")]
    assert not can_publish(warnings)


def test_an_empty_domain_warns_and_blocks_publishing() -> None:
    warnings = check_declaration(complete(aanwezigheid=DomainText("  ", "- U verwittigt de school.")))
    assert [(w.code, w.domain) for w in warnings] == [(EMPTY_DOMAIN, "aanwezigheid")]
    assert not can_publish(warnings)


@pytest.mark.parametrize(
    "sentence",
    [
        "Bij herhaald spijbelen wordt uw kind geschorst.",
        "Een schorsing van drie dagen volgt.",
        "De leerling kan definitief uitgesloten worden.",
        "Uitsluiting is mogelijk na drie waarschuwingen.",
        "Wie te laat komt, betaalt een boete van 5 euro.",
        "Ouders krijgen een geldboete.",
        "De school kan financiële sancties opleggen.",
        "Dan moet u betalen als straf.",
    ],
)
def test_sanctions_that_touch_the_right_to_learn_are_quoted(sentence: str) -> None:
    text = f"- De school belt u op de eerste dag. {sentence}"
    warnings = check_declaration(complete(aanwezigheid=DomainText(GOOD.school_offers, text)))
    assert [(w.code, w.domain, w.quote) for w in warnings] == [(SANCTION, "aanwezigheid", sentence)]
    assert can_publish(warnings)  # a warning explains; the school decides


@pytest.mark.parametrize(
    "text",
    [
        "We communiceren uitsluitend in eenvoudig Nederlands, met pictogrammen.",
        "Wie niet kan komen, sluit aan op een ander moment.",
        "We bespreken afwezigheden altijd eerst met u, in dialoog.",
    ],
)
def test_ordinary_words_are_not_mistaken_for_sanctions(text: str) -> None:
    assert sanction_sentences(text) == []


def test_the_template_holds_the_four_domains_without_sanctions_in_dutch_and_english() -> None:
    texts = read_template()
    assert set(texts) >= {"nl", "en"}
    for language, text in texts.items():
        assert list(text.domains) == list(DOMAIN_KEYS), language
        assert check_declaration(text.domains) == [], language
    assert texts["nl"].status == "reviewed"
