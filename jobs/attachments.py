"""The Content-Disposition of a download, safe for any name a school types.

A name outside ASCII is kept for the browsers that read RFC 6266's filename*, with an ASCII spelling beside it
for the ones that do not; slugify keeps quotes, slashes and line breaks out of the header.
"""

from urllib.parse import quote

from django.utils.text import slugify


def attachment(file_name: str) -> str:
    """The Content-Disposition value for a download called `file_name` (a name from round_file_name)."""
    stem, _dot, extension = file_name.rpartition(".")
    fallback = f"{slugify(stem) or 'download'}.{extension}"
    if file_name == fallback:
        return f'attachment; filename="{file_name}"'
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name, safe='')}"
