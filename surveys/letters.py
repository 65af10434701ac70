"""Printable invitation letters: one A4 per family, Dutch beside the family's language, with QR code.

The letters PDF is made by the worker (jobs): the coordinator asks for it, waits on the job's page and
downloads it there. Its file holds plain codes, so it lives no longer than the batch's codes file and goes
when the codes are forgotten or the batch is voided.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from analysis.download_names import round_file_name
from jobs.builders import JobFailed, Progress
from jobs.models import Job
from jobs.starting import start_job, withdraw_jobs
from respondents.codes import format_code
from respondents.languages import has_voice, staff_label
from respondents.letters import Letter, LetterText, code_link, isolated, letter_text, short_address
from respondents.letters import letters_pdf as print_letters
from surveys.addressing import letter_template_for
from surveys.code_files import kept_codes, kept_until
from surveys.letter_news import previous_round_news
from surveys.models import CodeBatch

LETTERS_JOB = "survey-letters"


def questionnaire_link(code: str) -> str:
    return code_link("surveys:code_link", code)


def _letter_text(batch: CodeBatch, language: str) -> LetterText:
    context = {
        "batch": batch,
        "school": batch.round.school,
        "address": isolated(short_address("surveys:code")),
        # Both columns promise read-aloud only when the family's language has a voice: a Somali family
        # reading "listen to the questions" in the Dutch column would look for it in vain.
        "read_aloud": has_voice(batch.home_language or "nl"),
        "previous": previous_round_news(batch.round, language),  # "Vorig jaar zei u …; de school deed …"
    }
    return letter_text(letter_template_for(batch.audience), context, language)


def letters_pdf(batch: CodeBatch, codes: list[str], progress: Progress | None = None) -> bytes:
    dutch = _letter_text(batch, "nl")
    translated = _letter_text(batch, batch.home_language) if batch.home_language not in ("", "nl") else None
    letters = [
        # The QR code is drawn from the link (respondents.letters.QrCode); no SVG is needed.
        Letter(format_code(code), link, translated, batch.group_label)
        for code, link in ((code, questionnaire_link(code)) for code in codes)
    ]
    return print_letters(batch.round.school.name, dutch, letters, progress)


def _label(batch: CodeBatch) -> str:
    group = batch.group_label or batch.get_group_kind_display().lower()  # "whole school" inside a sentence
    if batch.home_language:
        return _("Letters for %(group)s in %(language)s") % {
            "group": group,
            "language": staff_label(batch.home_language),
        }
    return _("Letters for %(group)s") % {"group": group}


def start_letters(batch: CodeBatch, user: User) -> Job:
    """Ask the worker for the batch's letters (the same job again while it is unfinished or downloadable).

    The file may not outlive the codes it holds: the job expires when the codes file does."""
    return start_job(
        batch.round.school,
        user,
        LETTERS_JOB,
        {"batch": str(batch.pk)},
        label=_label(batch),
        file_name=round_file_name(
            batch.round, "brieven", "pdf", timezone.localdate(), batch.group_label, batch.home_language
        ),
        content_type="application/pdf",
        back_url=reverse("surveys:invitations", args=[batch.round.school_id, batch.round_id]),
        expires_by=kept_until(batch.id),
    )


def build_letters(job: Job, progress: Progress) -> bytes:
    """The worker's side: the letters from the kept plain codes, or why they cannot be made any more."""
    batch = CodeBatch.objects.select_related("round__school").filter(pk=job.params["batch"]).first()
    codes = kept_codes(batch.id) if batch is not None and batch.voided_at is None else None
    if batch is None or codes is None:
        raise JobFailed(
            _(
                "The codes of this batch are no longer available: they are deleted 24 hours after they are made "
                "and when they are forgotten. Make a new batch."
            ),
            final=True,
        )
    return letters_pdf(batch, codes, progress)


def forget_letters(batch: CodeBatch) -> None:
    """Remove the files of the batch's letters (they hold the codes being forgotten); their pages say why."""
    withdraw_jobs(
        list(Job.objects.filter(kind=LETTERS_JOB, params__batch=str(batch.pk))),
        gettext_lazy(
            "The codes of this batch were forgotten or withdrawn, and their letters with them. Make a new batch."
        ),
    )
