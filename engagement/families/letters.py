"""Printable letters to families: one A4 each, with a new code and QR code.

A family the school offers a translation (families/translation_need) gets its language beside the Dutch,
and the letter promises a translation on the phone only when one of the published version exists in it.
Every other family gets the Dutch only.

Printing gives each family a new code, stored only once the PDF is made. The earlier letters keep working
unless the coordinator chose to void their codes (then also only once the PDF is made: a failed PDF leaves
every earlier letter working).
"""

from collections.abc import Callable

from django.utils import timezone

from engagement.domains import DOMAIN_LABELS
from engagement.families.codes import add_codes
from engagement.families.export import family_statuses
from engagement.families.translation_need import translation_offered
from engagement.models import Declaration, DeclarationTranslation, Family
from respondents.codes import format_code, new_code
from respondents.languages import has_voice
from respondents.letters import Letter, LetterText, code_link, isolated, letter_text, short_address
from respondents.letters import letters_pdf as print_letters

# Like a batch of questionnaire codes (surveys.batches.MAX_BATCH_SIZE): a school of 1,000 families gets all its
# letters in one PDF, made by the worker (a letter takes ~0.1 s to lay out, so no web request waits for them).
# Kept rather than lifted: one WeasyPrint document holds every page in memory until it is written, and 1,000
# letters is what bench/letters.py holds to 1 GiB; a larger school prints class by class, as the form says.
MAX_LETTERS_PER_PDF = 1000


def _letter_text(declaration: Declaration, language: str, reminder: bool) -> LetterText:
    context = {
        "school": declaration.school,
        "school_year": isolated(declaration.school_year),  # "2026-2027" stays in order inside Arabic text
        "address": isolated(short_address("engagement:parent_code")),
        "reminder": reminder,
        "translation_beside": language != "nl",  # only made for a language with a published translation
        "read_aloud": has_voice("nl"),
        # Pictograms with the Dutch names of the four domains, in the Dutch text that every family gets.
        "domains": list(DOMAIN_LABELS.items()) if language == "nl" else [],
    }
    return letter_text("engagement/families/letter_text.html", context, language)


def families_to_print(declaration: Declaration, class_name: str, waiting_only: bool, reference: str) -> list[Family]:
    """The families a letter is for: one class or all, only those who have not agreed yet or all, or one family."""
    return [
        status.family
        for status in family_statuses(declaration)
        if (not class_name or status.family.class_name == class_name)
        and not (waiting_only and status.agreed)
        and (not reference or status.family.reference == reference)
    ]


def letters_pdf(
    declaration: Declaration,
    families: list[Family],
    reminder: bool,
    void_earlier: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """The letters with a new code for every family; with void_earlier, their earlier codes stop working."""
    texts: dict[str, LetterText] = {}

    def text_in(language: str) -> LetterText:
        if language not in texts:
            texts[language] = _letter_text(declaration, language, reminder)
        return texts[language]

    codes = {family.id: new_code() for family in families}
    translated_into = set(
        DeclarationTranslation.objects.filter(version_id=declaration.published_version_id).values_list(
            "language", flat=True
        )
    )
    today = timezone.localdate()
    letters = []
    for family in families:
        link = code_link("engagement:parent_code_link", codes[family.id])
        beside = family.language in translated_into and translation_offered(family, today).offered
        translated = text_in(family.language) if beside else None
        recipient = f"{family.class_name} · {family.reference}"
        letters.append(Letter(format_code(codes[family.id]), link, translated, recipient))
    pdf = print_letters(declaration.school.name, text_in("nl"), letters, progress=progress)
    add_codes(families, codes, void_earlier)
    return pdf
