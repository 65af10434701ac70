"""Invitation codes for parents and pupils: easy to type, hard to guess, stored only as HMAC."""

import hashlib
import hmac
import re
import secrets
import unicodedata

from django.conf import settings

# No 0/O, 1/I/L or U: letters people confuse when they copy a code from paper.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10  # 30**10 ≈ 2**49: far beyond the 40 bits asked, still short enough to type
GROUP = 5


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    """ABCDEFGHJK -> ABCDE-FGHJK, as printed on the letter."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


# Letters that look the same as the printed Latin ones, typed on a Cyrillic or Greek keyboard.
LOOKALIKES = str.maketrans("АВСЕНКМРТХУΑΒΕΗΚΜΝΡΤΧΥΖ", "ABCEHKMPTXYABEHKMNPTXYZ")


def _as_printed(typed: str) -> str:
    """Full-width letters, digits of other scripts (Arabic ٣, Persian ۳) and look-alike letters as
    the Latin letters and digits printed on the letter."""
    text = unicodedata.normalize("NFKC", typed).upper().translate(LOOKALIKES)
    return "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in text)


def normalize_code(typed: str) -> str | None:
    """What a person typed, as a code, or None when it cannot be one (wrong length or characters)."""
    cleaned = re.sub(r"[\s\-_.]", "", _as_printed(typed))
    if len(cleaned) != CODE_LENGTH or any(char not in ALPHABET for char in cleaned):
        return None
    return cleaned


def keyed_digest(purpose: str, code: str) -> str:
    key = hashlib.sha256(f"betrokken:{purpose}:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, code.encode(), hashlib.sha256).hexdigest()


def code_digest(code: str) -> str:
    return keyed_digest("respondent-code", code)


def resume_digest(code: str) -> str:
    """Finds an unfinished questionnaire again from its code; erased when it is handed in."""
    return keyed_digest("resume", code)
