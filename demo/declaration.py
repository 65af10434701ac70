"""The demo school's engagementsverklaring: published this school year, with translations, families and a
few acknowledgments, so every page of the declaration has something to show."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from engagement.drafting import start_declaration, take_step
from engagement.families.translation_need import last_day_of
from engagement.models import Acknowledgment, DeclarationTranslation, DomainComment, Family, TranslationReason
from engagement.school_years import school_year_of
from engagement.template_content import read_template
from engagement.texts import DeclarationText
from framework.models import TranslationStatus
from schools.models import School

DEMO_TRANSLATIONS = ("tr", "ar", "fr", "uk")
# (class, family reference, preferred language)
DEMO_FAMILIES = [
    ("K3A", "G-1001", "nl"),
    ("K3A", "G-1002", "tr"),
    ("K3A", "G-1003", "ar"),
    ("K3A", "G-1004", "nl"),
    ("K3A", "G-1005", "uk"),
    ("K3A", "G-1006", "fr"),
    ("L1B", "G-2001", "nl"),
    ("L1B", "G-2002", "tr"),
    ("L1B", "G-2003", "nl"),
    ("L1B", "G-2004", "ar"),
]
# Why the demo school offers a translation (the language rule); G-1006 has none and reads the Dutch only,
# and G-2002's translation ends within 30 days, so the overview shows both cases.
DEMO_TRANSLATION_REASONS = {
    "G-1002": TranslationReason.LEARNING_DUTCH,
    "G-1003": TranslationReason.NEWCOMER,
    "G-1005": TranslationReason.NO_DUTCH_YET,
    "G-2002": TranslationReason.LEARNING_DUTCH,
    "G-2004": TranslationReason.NEWCOMER,
}
DEMO_ENDING_SOON = {"G-2002": timedelta(days=20)}
DEMO_ACKNOWLEDGED = {"G-1001": "Els Wouters", "G-1002": "Ayşe Demir", "G-2001": "Tom Claes"}


def create_demo_declaration(school: School, coordinator: User, parent_rep: User) -> None:
    year = school_year_of(timezone.localdate())
    declaration = start_declaration(school, year, coordinator)
    take_step(declaration, "consult")
    version = declaration.versions.get()
    DomainComment.objects.create(
        declaration=declaration,
        school=school,
        version=version,
        domain="oudercontact",
        author=parent_rep,
        body="Kunnen we bij het oudercontact ook een moment op zaterdagochtend voorzien?",
        answer="Ja, we voorzien een zaterdagochtend in het tweede trimester.",
        answered_by=coordinator,
        answered_at=timezone.now(),
    )
    take_step(declaration, "adopt", adopted_on=timezone.localdate() - timedelta(days=7))
    take_step(declaration, "publish")
    templates = read_template()
    for language in DEMO_TRANSLATIONS:
        if language not in templates:
            continue
        text = templates[language]
        as_stored = DeclarationText(text.title, text.introduction, text.domain_titles, text.domains)
        DeclarationTranslation.objects.create(
            version=version,
            school=school,
            language=language,
            status=TranslationStatus.DRAFT,
            title=text.title,
            introduction=text.introduction,
            domains=as_stored.domains_json(),
            updated_by=coordinator,
        )
    families = Family.objects.bulk_create(
        Family(
            school=school,
            school_year=year,
            reference=reference,
            class_name=class_name,
            language=language,
            translation_reason=DEMO_TRANSLATION_REASONS.get(reference, ""),
            translation_until=(
                timezone.localdate() + DEMO_ENDING_SOON[reference]
                if reference in DEMO_ENDING_SOON
                else last_day_of(year)
                if reference in DEMO_TRANSLATION_REASONS
                else None
            ),
        )
        for class_name, reference, language in DEMO_FAMILIES
    )
    Acknowledgment.objects.bulk_create(
        Acknowledgment(
            family=family,
            school=school,
            version=version,
            name=DEMO_ACKNOWLEDGED[family.reference],
            language=family.language,
        )
        for family in families
        if family.reference in DEMO_ACKNOWLEDGED
    )
