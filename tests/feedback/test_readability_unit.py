"""The readability check of the feedback page: long sentences and jargon from the versioned word list."""

from feedback.readability import (
    JARGON,
    LONG_SENTENCE,
    MAX_SENTENCE_WORDS,
    POLITE_FORM,
    jargon_list,
    polite_form_warnings,
    readability_warnings,
)

WORDS = {"communicatie": "hoe we praten", "participatie": "meedoen"}


def test_a_sentence_over_the_limit_warns_with_its_length() -> None:
    long = " ".join(["woord"] * (MAX_SENTENCE_WORDS + 1)) + "."
    short = " ".join(["woord"] * MAX_SENTENCE_WORDS) + "."
    [warning] = readability_warnings(f"{short} {long}", {})
    assert (warning.kind, warning.words) == (LONG_SENTENCE, MAX_SENTENCE_WORDS + 1)
    assert warning.excerpt.endswith("…")


def test_jargon_warns_once_with_a_plainer_word_also_in_a_compound() -> None:
    warnings = readability_warnings("De Communicatie verbetert. Ouderparticipatie ook. Communicatie!", WORDS)
    assert [(w.kind, w.excerpt, w.plain) for w in warnings] == [
        (JARGON, "Communicatie", "hoe we praten"),
        (JARGON, "Ouderparticipatie", "meedoen"),
    ]


def test_plain_short_text_passes() -> None:
    assert readability_warnings("U gaf uw mening. Dank u wel! Wij doen dit.", jargon_list()) == []


def test_the_word_list_is_content_with_plain_alternatives() -> None:
    words = jargon_list()
    assert len(words) >= 20 and all(plain.strip() for plain in words.values())
    assert words["ouderbetrokkenheid"] == "hoe ouders en school samenwerken"


def test_a_pupils_text_in_the_u_form_warns_once_per_word() -> None:
    warnings = polite_form_warnings("U zei dat uw juf te snel praat. U krijgt meer uitleg. Jullie ook.")
    assert [(warning.kind, warning.excerpt) for warning in warnings] == [(POLITE_FORM, "U"), (POLITE_FORM, "uw")]
    assert polite_form_warnings("Jij zei dat je juf te snel praat. Je krijgt meer uitleg.") == []


def test_policy_words_and_phrases_of_the_list_warn() -> None:
    text = "In het kader van het partnerschap evalueren we de competenties. De school valoriseert uw inbreng."
    found = {warning.excerpt: warning.plain for warning in readability_warnings(text, jargon_list())}
    assert found == {
        "in het kader van": "voor, bij",
        "partnerschap": "samenwerken",
        "evalueren": "bekijken hoe het ging",
        "competenties": "wat u kunt, wat uw kind kan",
        "valoriseert": "gebruikt, waardeert",
    }
