"""How the questionnaire speaks to whom: parents with "u", pupils with "je", 10–12-year-olds in simpler words.

The one place that maps an audience to its texts. Pages take `words` (a RespondentWords) from the view
and letters take their template from `letter_template_for`, so no template tests the audience itself.
Texts that address no one ("Next", "Back") stay in the templates, shared by all.
"""

from dataclasses import dataclass

from django.utils.translation import pgettext_lazy
from django_stubs_ext import StrPromise

from framework.models import Audience


@dataclass(frozen=True)
class RespondentWords:
    """The sentences of the questionnaire's pages that speak to the respondent."""

    choose_language: StrPromise
    open_question: StrPromise
    no_names: StrPromise
    your_code: StrPromise
    another_code: StrPromise
    other_device: StrPromise
    lost_device: StrPromise
    closed: StrPromise
    sent: StrPromise
    close_page: StrPromise
    nothing_filled_in: StrPromise  # asked once before an empty questionnaire is handed in
    handed_in_at_closing: StrPromise  # to the device that was answering when its voice closed
    intro_what: StrPromise  # the first screen after the code: what this is
    intro_anonymous: StrPromise  # … and that the answers are anonymous


PARENT_WORDS = RespondentWords(
    choose_language=pgettext_lazy("respondent", "Choose your language"),
    open_question=pgettext_lazy(
        "respondent", "Is there anything else you want to tell the school? (You may skip this.)"
    ),
    no_names=pgettext_lazy("respondent", "Do not write names. The school reads this without knowing who wrote it."),
    your_code=pgettext_lazy("respondent", "Your code"),
    another_code=pgettext_lazy("respondent", "Type another code"),
    other_device=pgettext_lazy(
        "respondent",
        "Did you start on another phone or computer? Go on there. Answers are never shown on another device.",
    ),
    lost_device=pgettext_lazy("respondent", "Lost that phone or computer? Ask the school for a new code."),
    closed=pgettext_lazy(
        "respondent", "The school no longer collects answers with this code. Thank you for your interest."
    ),
    sent=pgettext_lazy(
        "respondent",
        "Your answers have been sent. The school uses them, together with the answers of other families, "
        "to work better together with parents.",
    ),
    close_page=pgettext_lazy("respondent", "You can close this page now."),
    nothing_filled_in=pgettext_lazy("respondent", "You have not filled in anything yet. Send anyway?"),
    handed_in_at_closing=pgettext_lazy(
        "respondent",
        "The school closed the questionnaire while you were answering. What you had saved was handed in. Thank you!",
    ),
    intro_what=pgettext_lazy(
        "respondent", "The school wants to know how you and the school work together, so that it can do better."
    ),
    intro_anonymous=pgettext_lazy("respondent", "Your answers are anonymous: the school cannot see who answered what."),
)

# Pupils of 12 to 18: "je", the school as their school, other pupils instead of other families.
PUPIL_WORDS = RespondentWords(
    choose_language=pgettext_lazy("respondent-pupil", "Choose your language"),
    open_question=pgettext_lazy(
        "respondent-pupil", "Is there anything else you want to tell the school? (You may skip this.)"
    ),
    no_names=pgettext_lazy(
        "respondent-pupil", "Do not write names. The school reads this without knowing who wrote it."
    ),
    your_code=pgettext_lazy("respondent-pupil", "Your code"),
    another_code=pgettext_lazy("respondent-pupil", "Type another code"),
    other_device=pgettext_lazy(
        "respondent-pupil",
        "Did you start on another phone or computer? Go on there. Your answers are never shown on another device.",
    ),
    lost_device=pgettext_lazy("respondent-pupil", "Lost that phone or computer? Ask the school for a new code."),
    closed=pgettext_lazy(
        "respondent-pupil", "You can no longer answer with this code. Thank you for wanting to take part!"
    ),
    sent=pgettext_lazy(
        "respondent-pupil",
        "Your answers have been sent. The school uses them, together with the answers of other pupils, "
        "to make the school better.",
    ),
    close_page=pgettext_lazy("respondent-pupil", "You can close this page now."),
    nothing_filled_in=pgettext_lazy("respondent-pupil", "You have not filled in anything yet. Send anyway?"),
    handed_in_at_closing=pgettext_lazy(
        "respondent-pupil",
        "The school closed the questionnaire while you were answering. What you had saved was handed in. Thank you!",
    ),
    intro_what=pgettext_lazy(
        "respondent-pupil", "Your school wants to know what you think about how school and home work together."
    ),
    intro_anonymous=pgettext_lazy(
        "respondent-pupil", "Your answers are anonymous: the school cannot see who answered what."
    ),
)

# Pupils of 10 to 12: shorter sentences, everyday words ("teacher" rather than "the school").
YOUNG_PUPIL_WORDS = RespondentWords(
    choose_language=PUPIL_WORDS.choose_language,
    open_question=pgettext_lazy(
        "respondent-young", "Do you want to tell the school something else? You don't have to."
    ),
    no_names=PUPIL_WORDS.no_names,
    your_code=PUPIL_WORDS.your_code,
    another_code=PUPIL_WORDS.another_code,
    other_device=PUPIL_WORDS.other_device,
    lost_device=pgettext_lazy("respondent-young", "Lost that phone or computer? Ask your teacher for a new code."),
    closed=pgettext_lazy("respondent-young", "You can no longer answer with this code. Thank you!"),
    sent=pgettext_lazy(
        "respondent-young", "Your answers have been sent. The school reads them with those of other children."
    ),
    close_page=PUPIL_WORDS.close_page,
    nothing_filled_in=PUPIL_WORDS.nothing_filled_in,
    handed_in_at_closing=PUPIL_WORDS.handed_in_at_closing,
    intro_what=PUPIL_WORDS.intro_what,
    intro_anonymous=PUPIL_WORDS.intro_anonymous,
)

_WORDS: dict[str, RespondentWords] = {Audience.PUPIL_12_18: PUPIL_WORDS, Audience.PUPIL_10_12: YOUNG_PUPIL_WORDS}
_LETTERS: dict[str, str] = {
    Audience.PUPIL_12_18: "surveys/letter_text_pupil_12_18.html",
    Audience.PUPIL_10_12: "surveys/letter_text_pupil_10_12.html",
}


def words_for(audience: str | None) -> RespondentWords:
    """The words for `audience`; an unknown audience (a page before the code) is spoken to as a parent."""
    return _WORDS.get(audience or "", PARENT_WORDS)


def letter_template_for(audience: str) -> str:
    """One language's text of the invitation letter, in the register of its readers."""
    return _LETTERS.get(audience, "surveys/letter_text.html")
