"""One letter per family about the published feedback page, made by the worker (jobs), as the engagementsverklaring's
family letters: A4, the family's language beside the Dutch where the school offers it a translation (the Flemish
language rule, engagement.families.translation_need) and the page has one, a QR code to the page in that language.

The letter holds no code: the page is public. The job's params name the page, its published version and the class.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from analysis.download_names import round_file_name
from engagement.families.translation_need import translation_offered
from engagement.models import Family
from feedback.models import FeedbackPage
from feedback.reach import public_link, published_languages, short_address
from feedback.reading import reading_for
from jobs.builders import JobFailed, Progress
from jobs.models import Job
from jobs.starting import start_job
from respondents.languages import MASTER, has_voice
from respondents.letters import Letter, LetterText, isolated, letter_text, letters_pdf

FEEDBACK_LETTERS = "feedback-letters"
MAX_LETTERS = 1000  # as the engagementsverklaring's letters: a larger school prints class by class
ACTIONS_ON_LETTER = 4  # what the school does, as titles; the page has the rest


def latest_families(page: FeedbackPage, class_name: str = "") -> list[Family]:
    """The families of the school's latest school year on the family list (the one letters go to now)."""
    families = Family.objects.filter(school_id=page.school_id)
    year = families.order_by("-school_year").values_list("school_year", flat=True).first()
    if year is None:
        return []
    chosen = families.filter(school_year=year)
    return list(chosen.filter(class_name=class_name) if class_name else chosen)


def class_names(page: FeedbackPage) -> list[str]:
    return sorted({family.class_name for family in latest_families(page)})


@dataclass(frozen=True)
class FamilyLetterChoice:
    page: str
    version: str
    class_name: str


def start_family_letters(page: FeedbackPage, user: User, class_name: str) -> Job:
    whom = class_name or _("all classes")
    name = round_file_name(page.round, "terugkoppeling-brieven", "pdf", timezone.localdate(), group=class_name)
    return start_job(
        page.school,
        user,
        FEEDBACK_LETTERS,
        {"page": str(page.pk), "version": str(page.published_version_id), "class_name": class_name},
        label=_("Feedback letters for %(whom)s") % {"whom": whom},
        file_name=name,
        content_type="application/pdf",
        back_url=reverse("feedback:page", args=[page.school_id, page.round_id]),
    )


def _letter_text(page: FeedbackPage, language: str, beside: bool) -> LetterText:
    reading = reading_for(page.published_version, language) if page.published_version else None
    actions = []
    for action in (reading.actions if reading else [])[:ACTIONS_ON_LETTER]:
        title = action.title.translated if language != MASTER else action.title.dutch
        if title:
            actions.append(title)
    context = {
        "school": page.round.school,
        "address": isolated(short_address(page)),
        "actions": actions,
        "translation_beside": beside,
        "read_aloud": has_voice(MASTER),
    }
    return letter_text("feedback/reach/letter_text.html", context, language)


def family_letters_pdf(page: FeedbackPage, families: list[Family], progress: Progress | None = None) -> bytes:
    translated_into = set(published_languages(page))
    today = timezone.localdate()
    texts: dict[str, LetterText] = {}

    def text_in(language: str) -> LetterText:
        if language not in texts:
            texts[language] = _letter_text(page, language, language != MASTER)
        return texts[language]

    letters = []
    for family in families:
        beside = family.language in translated_into and translation_offered(family, today).offered
        language = family.language if beside else MASTER
        recipient = f"{family.class_name} · {family.reference}"
        letters.append(Letter("", public_link(page, language), text_in(language) if beside else None, recipient))
    return letters_pdf(page.school.name, text_in(MASTER), letters, progress=progress)


def build_family_letters(job: Job, progress: Progress) -> bytes:
    page = (
        FeedbackPage.objects.select_related("round__school", "school", "published_version")
        .filter(pk=job.params["page"], school_id=job.school_id)
        .first()
    )
    if page is None:
        raise JobFailed(_("This feedback page no longer exists."), final=True)
    if str(page.published_version_id) != job.params["version"]:
        raise JobFailed(_("Another version was published since you asked: print the letters again."), final=True)
    families = latest_families(page, job.params["class_name"])
    if not families:
        raise JobFailed(_("There are no families to print a letter for with this choice."), final=True)
    if len(families) > MAX_LETTERS:
        raise JobFailed(
            _("That is more than %(max)d letters at once: print them class by class.") % {"max": MAX_LETTERS},
            final=True,
        )
    return family_letters_pdf(page, families, progress)


BUILDERS: dict[str, Callable[[Job, Progress], bytes]] = {FEEDBACK_LETTERS: build_family_letters}
