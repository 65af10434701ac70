"""The coordinator's view of questionnaire translations: status per item, and the school's corrections."""

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Prefetch

from accounts.models import User
from framework.item_bank import questionnaire_items
from framework.models import MASTER_LANGUAGE, ItemText, TranslationStatus
from schools.models import School
from surveys.models import TranslationCorrection

SCHOOL_CORRECTED = "school"


@dataclass(frozen=True)
class TranslationRow:
    item_id: UUID
    audience: str
    dutch: str
    text: str  # empty when missing: respondents then see the Dutch text
    status: str  # draft, reviewed, school (corrected by this school) or missing


def translation_rows(school: School, language: str, audience: str) -> list[TranslationRow]:
    items = (
        questionnaire_items()
        .filter(audience=audience)
        .order_by("dimension__position", "position")
        .prefetch_related(Prefetch("texts", queryset=ItemText.objects.filter(language__in={language, MASTER_LANGUAGE})))
    )
    corrections = {
        correction.item_id: correction
        for correction in TranslationCorrection.objects.filter(school=school, language=language)
    }
    rows = []
    for item in items:
        texts = {text.language: text for text in item.texts.all()}
        dutch = texts[MASTER_LANGUAGE].text if MASTER_LANGUAGE in texts else item.key
        if item.id in corrections:
            rows.append(TranslationRow(item.id, item.audience, dutch, corrections[item.id].text, SCHOOL_CORRECTED))
        elif language in texts:
            rows.append(TranslationRow(item.id, item.audience, dutch, texts[language].text, texts[language].status))
        else:
            rows.append(TranslationRow(item.id, item.audience, dutch, "", "missing"))
    return rows


def correct_translation(school: School, item_id: UUID, language: str, text: str, by: User) -> None:
    TranslationCorrection.objects.update_or_create(
        school=school,
        item_id=item_id,
        language=language,
        defaults={"text": text, "status": TranslationStatus.REVIEWED, "updated_by": by},
    )
