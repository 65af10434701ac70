"""What a request knows of the questionnaire's texts in the database, read with the questionnaire's own row.

A page of questions needs the framework's texts (the same on every server until content is loaded again)
and the school's corrections (rare, and shown at once on every server when made). Reading both facts
in the query that finds the questionnaire spares the page two queries of its own.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef

from framework.releases import latest_release, latest_release_subquery
from surveys.models import TranslationCorrection


@dataclass(frozen=True)
class TextsState:
    release: int  # the latest content release: the key of this server's cache of framework texts
    school_corrects: bool  # False when the school corrected no translation: no need to look for one


def texts_state_annotations() -> dict[str, Any]:
    """Annotations for a query of SurveyResponse rows; `texts_state_of` reads them back."""
    return {
        "texts_release": latest_release_subquery(),
        "texts_corrected": Exists(TranslationCorrection.objects.filter(school_id=OuterRef("school_id"))),
    }


def texts_state_of(annotated: Any) -> TextsState:
    """The state read by a query with `texts_state_annotations` (Any: annotations are not typed)."""
    return TextsState(annotated.texts_release or 0, bool(annotated.texts_corrected))


def current_texts_state() -> TextsState:
    """The state read apart (a preview, a page shown after a failed save): corrections are looked for."""
    return TextsState(latest_release(), school_corrects=True)
