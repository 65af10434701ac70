"""The paths whose segments are secrets (a code, an invitation token, a password reset's user and token) and
their masking for every log that names a path: gunicorn's access log (betrokken/access_log.py), Django's own
log records (MaskSecretPaths in settings.LOGGING) and, written as nginx regexes, deploy/nginx.conf's map.

Plain Python, no Django: gunicorn's master loads the access logger before the application.
tests/betrokken/test_secret_paths.py walks every URL pattern and fails on a route with a secret it does not mask.
"""

import logging
import re

MARK = "***"

# A route's fixed segments, then how many segments after them are secret (README, "Codes, devices and access logs").
SECRET_ROUTES: tuple[tuple[tuple[str, ...], int], ...] = (
    (("q", "c"), 1),  # surveys:code_link, a questionnaire code
    (("v", "c"), 1),  # parent_code_link, a family code
    (("invitations",), 1),  # schools:accept_invitation, a team invitation's token
    (("accounts", "password-reset"), 2),  # accounts:password_reset_confirm, uidb64 and token
)

# Where a path starts: the whole value (gunicorn's PATH_INFO), after a space or quote (a request line, Django's
# "Not Found: /q/c/…"), or after scheme and host (a referer).
_START = r"(?:^|(?<=[\s\"'])|(?<=://)[^/\s\"']*)"
_SEGMENT = r"[^/?#\s\"']+"


def _route_pattern(fixed: tuple[str, ...], secret: int) -> str:
    head = "/+" + "".join(re.escape(part) + "/+" for part in fixed)
    return f"(?P<head>{_START}{head}){'/+'.join([_SEGMENT] * secret)}"


_PATTERNS = [
    (re.compile(_route_pattern(fixed, secret), re.IGNORECASE), r"\g<head>" + "/".join([MARK] * secret))
    for fixed, secret in SECRET_ROUTES
]


# A quick look before the routes' patterns: most text (every atom of every access-log line) holds none of them.
_HINT = re.compile(r"/c/|invitations/|password-reset/", re.IGNORECASE)


def mask_secret_paths(text: str) -> str:
    """`text` with every secret segment of a path in it replaced by MARK; the rest, query included, unchanged."""
    if not _HINT.search(text):
        return text
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class MaskSecretPaths(logging.Filter):
    """For a logging handler: django.request's "Not Found: /q/c/<code>/" and runserver's request lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_secret_paths(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True
