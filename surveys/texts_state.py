"""What a request knows of the questionnaire's texts in the database, read with the questionnaire's own row.

A page of questions needs the framework's texts (the same on every server until content is loaded again)
and the school's corrections (rare, and shown at once on every server when made). Reading both facts
in the query that finds the questionnaire spares the page two queries of its own.
"""

from dataclasses import dataclass
from typing import Any

from framework.models import ContentRelease
from framework.releases import latest_release
from surveys.models import TranslationCorrection


@dataclass(frozen=True)
class TextsState:
    release: int  # the latest content release: the key of this server's cache of framework texts
    school_corrects: bool  # False when the school corrected no translation: no need to look for one


def texts_state_columns(response_table: str) -> str:
    """The two facts as columns of a query of SurveyResponse rows (`texts_state_of` reads them back).

    Written as SQL once: built by the ORM on every page, the two subqueries cost more than the query.
    """
    releases = ContentRelease._meta.db_table
    corrections = TranslationCorrection._meta.db_table
    return (  # only table names from the models go into the text
        f"(SELECT MAX(id) FROM {releases}) AS texts_release, "  # noqa: S608
        f"EXISTS (SELECT 1 FROM {corrections} WHERE {corrections}.school_id = {response_table}.school_id)"
        " AS texts_corrected"
    )


def texts_state_of(row: Any) -> TextsState:
    """The state read with `texts_state_columns` (Any: raw columns are not typed)."""
    return TextsState(row.texts_release or 0, bool(row.texts_corrected))  # SQLite's EXISTS gives 0 or 1


def current_texts_state() -> TextsState:
    """The state read apart (a preview, a page shown after a failed save): corrections are looked for."""
    return TextsState(latest_release(), school_corrects=True)
