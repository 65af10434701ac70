"""Per-family codes for reading and acknowledging the declaration.

Typed and checked like the questionnaire codes (respondents.codes), but with a digest of their own purpose:
a family code never opens a questionnaire, and a questionnaire code never opens a family's declaration.
Only the HMAC is stored. Printing a new letter gives the family a new code; the old one stops working.
"""

from django.utils import timezone

from engagement.models import Family
from respondents.codes import keyed_digest, new_code, normalize_code


def family_code_digest(code: str) -> str:
    return keyed_digest("family-code", code)


def issue_code(family: Family) -> str:
    """A fresh code for the family, returned in plain text once (for the letter) and stored as HMAC."""
    code = new_code()
    family.code_digest = family_code_digest(code)
    family.code_issued_at = timezone.now()
    family.save(update_fields=["code_digest", "code_issued_at"])
    return code


def family_for_code(typed: str) -> Family | None:
    code = normalize_code(typed)
    if code is None:
        return None
    return Family.objects.select_related("school").filter(code_digest=family_code_digest(code)).first()
