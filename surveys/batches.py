"""Making invitation codes for a group of parents or pupils."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from accounts.models import User
from analysis.models import Round
from respondents.codes import code_digest, new_code
from surveys.models import CodeBatch, RespondentCode

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
