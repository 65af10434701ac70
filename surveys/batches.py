"""Making invitation codes for a group of parents or pupils, and withdrawing a batch of them."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from analysis.models import Round
from respondents.codes import code_digest, new_code
from surveys.code_files import delete_codes
from surveys.letters import forget_letters
from surveys.models import CodeBatch, CodeStatus, RespondentCode
from surveys.tallies import MIN_CHUNK

MAX_BATCH_SIZE = 1000


@dataclass(frozen=True)
class IssuedBatch:
    batch: CodeBatch
    codes: list[str]  # the plain codes: shown once, for the letters, never stored


def issue_codes(
    round_: Round, audience: str, group_kind: str, group_label: str, home_language: str, size: int, by: User
) -> IssuedBatch:
    if not 1 <= size <= MAX_BATCH_SIZE:
        raise ValueError(f"A batch holds 1 to {MAX_BATCH_SIZE} codes.")
    with transaction.atomic():
        batch = CodeBatch.objects.create(
            school_id=round_.school_id,
            round=round_,
            audience=audience,
            group_kind=group_kind,
            group_label=group_label,
            home_language=home_language,
            size=size,
            created_by=by,
        )
        codes: list[str] = []
        while len(codes) < size:
            code = new_code()
            try:
                with transaction.atomic():
                    RespondentCode.objects.create(school_id=round_.school_id, batch=batch, digest=code_digest(code))
            except IntegrityError:  # 2**49 codes: a clash is next to impossible, but never hand out a duplicate
                continue
            codes.append(code)
    return IssuedBatch(batch, codes)


@dataclass(frozen=True)
class BatchUse:
    """How far a batch's codes are used. Opened is started or handed in together: the codes do not record
    hand-ins (a count that moved at hand-in would date a new answer), so neither does this."""

    size: int
    opened: int

    @property
    def unused(self) -> int:
        return self.size - self.opened

    @property
    def opened_is_shown(self) -> bool:
        """Rule of five: 0–4 opened codes are "fewer than 5" (0 too, or a batch of one would show its family
        opening the letter), and then the unused count is not shown either."""
        return self.opened >= MIN_CHUNK


def batch_use(batch: CodeBatch) -> BatchUse:
    opened = RespondentCode.objects.filter(batch=batch).exclude(status=CodeStatus.NEW).count()
    return BatchUse(size=batch.size, opened=opened)


def forget_plain_codes(batch: CodeBatch) -> None:
    """Delete the batch's plain codes and the letters made from them that wait for download."""
    delete_codes(batch.id)
    forget_letters(batch)


def void_batch(batch: CodeBatch, by: User) -> bool:
    """Withdraw a batch: its codes no longer open a questionnaire, and its plain codes are forgotten.

    What was handed in stays in the figures; a questionnaire already started goes on on the device that
    started it (answers carry no link to their code or batch, so they cannot be found to stop them).
    Returns False when the batch was voided already.
    """
    voided = CodeBatch.objects.filter(pk=batch.pk, voided_at__isnull=True).update(
        voided_at=timezone.now(), voided_by=by
    )
    forget_plain_codes(batch)
    if voided:
        batch.refresh_from_db(fields=["voided_at", "voided_by"])
    return bool(voided)
