"""What one page of a parent's or pupil's questionnaire shows, shared by the respondent's own pages
(surveys.respondent_views) and the team's preview (surveys.preview_views), so the preview shows the same."""

from typing import NamedTuple
from uuid import UUID

from django.http import HttpRequest

from respondents.languages import has_voice, is_supported
from surveys.forms import RespondentPageForm
from surveys.texts import RespondentItem, respondent_items
from surveys.texts_state import TextsState


def items_on_page(
    round_id: UUID,
    audience: str,
    language: str,
    school_id: UUID,
    item_ids: list[UUID],
    texts_state: TextsState | None = None,
) -> list[RespondentItem]:
    return respondent_items(round_id, audience, language, school_id, item_ids, texts_state)


class Choice(NamedTuple):
    """One answer option as the page shows it (surveys.templatetags.answer_options builds its markup)."""

    value: str
    label: str
    dutch_label: str  # empty unless the Dutch text is shown and says something else
    is_fallback: bool
    checked: bool


class ShownQuestion(NamedTuple):
    shown: RespondentItem
    field: str  # the radio buttons' name
    dont_know_checked: bool
    choices: list[Choice]


def shown_question(shown: RespondentItem, chosen: str, dutch: bool) -> ShownQuestion:
    choices = [
        Choice(
            option.value,
            option.label,
            option.dutch_label if dutch and option.dutch_label != option.label else "",
            option.is_fallback,
            chosen == option.value,
        )
        for option in shown.options
    ]
    return ShownQuestion(shown, f"item-{shown.item.id}", chosen == "dk", choices)


def question_page_context(
    form: RespondentPageForm, items: list[RespondentItem], page: int, page_total: int, language: str, dutch: bool
) -> dict[str, object]:
    """The context of surveys/page.html for page `page` of `page_total` pages of questions."""
    show_dutch = dutch and language != "nl"
    return {
        "form": form,
        "items": [shown_question(shown, form.chosen(shown.item.id), show_dutch) for shown in items],
        "page": page,
        "pages": page_total + 1,  # the open question is the last step
        "percent": round(100 * (page - 1) / (page_total + 1)),
        "show_dutch": show_dutch,
        "voice": has_voice(language),
    }


def view_asked_for(request: HttpRequest, language: str, dutch: bool) -> tuple[str, bool] | None:
    """The language and Dutch text a button of the page's form asked for; None when it asks to go on or back.

    These buttons submit the page, so what was ticked is saved before the page shows again. An unknown
    language keeps the current one (the answers are saved all the same).
    """
    if "switch_to" in request.POST:
        asked = request.POST.get("switch_to")
        return (asked if asked is not None and is_supported(asked) else language), dutch
    action = request.POST.get("action")
    if action in ("show_dutch", "hide_dutch"):
        return language, action == "show_dutch"
    return None
