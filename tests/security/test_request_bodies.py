"""Finding 7a: a large body is refused before anything reads it (a 1.5 GB POST to /q/ was read to disk).

The body given to the server here counts every read: a refusal that came after reading it would show.
"""

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from betrokken.request_bodies import ANONYMOUS_BODY_LIMIT, SIGNED_IN_BODY_LIMIT
from engagement.families.importing import MAX_UPLOAD_BYTES
from tests.helpers.world import World

GIGABYTES_1_5 = 1_500_000_000


class CountingBody:
    """A wsgi.input that records how many bytes were read from it."""

    def __init__(self, chunk: bytes = b"x" * 8192) -> None:
        self.chunk = chunk
        self.bytes_read = 0

    def read(self, size: int = -1) -> bytes:
        self.bytes_read += len(self.chunk)
        return self.chunk

    def readline(self, size: int = -1) -> bytes:
        return self.read(size)


def _post_declaring(client: Client, path: str, length: str | None, body: CountingBody, **extra: Any) -> int:
    environ: dict[str, Any] = {"wsgi.input": body, "CONTENT_TYPE": "multipart/form-data; boundary=xyz", **extra}
    environ["CONTENT_LENGTH"] = length if length is not None else ""
    response = client.generic("POST", path, data=b"x", **environ)
    return response.status_code


PUBLIC_PATHS = ["/q/", "/q/c/ABCD-EFGH-JKLM/", "/v/", "/accounts/login/", "/accounts/password-reset/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", [*PUBLIC_PATHS, "/invitations/some-token/", "/i18n/setlang/"])
def test_a_huge_body_to_a_public_page_is_refused_unread(path: str) -> None:
    body = CountingBody()
    assert _post_declaring(Client(), path, str(GIGABYTES_1_5), body) == 413
    assert body.bytes_read == 0


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_a_chunked_body_without_length_is_refused_unread(path: str) -> None:
    body = CountingBody()
    assert _post_declaring(Client(), path, None, body, HTTP_TRANSFER_ENCODING="chunked") == 411
    assert body.bytes_read == 0


@pytest.mark.django_db
def test_a_body_just_over_the_public_limit_is_refused_and_one_at_the_limit_is_read() -> None:
    over = CountingBody()
    assert _post_declaring(Client(), "/q/", str(ANONYMOUS_BODY_LIMIT + 1), over) == 413
    assert over.bytes_read == 0
    # At the limit the code page reads the form (of x's: no code in it) and asks again.
    at_limit = CountingBody()
    form = {"CONTENT_TYPE": "application/x-www-form-urlencoded"}
    assert _post_declaring(Client(), "/q/", str(ANONYMOUS_BODY_LIMIT), at_limit, **form) == 200
    assert at_limit.bytes_read > 0


def _import_path(published_declaration: Any) -> str:
    return reverse(
        "engagement:family_import",
        kwargs={"school_id": published_declaration.school_id, "declaration_id": published_declaration.id},
    )


def test_the_family_import_is_refused_for_someone_not_signed_in(published_declaration: Any) -> None:
    body = CountingBody()
    assert _post_declaring(Client(), _import_path(published_declaration), str(MAX_UPLOAD_BYTES), body) == 413
    assert body.bytes_read == 0


def test_the_family_import_has_its_own_larger_limit(
    world: World, alice_client: Client, published_declaration: Any
) -> None:
    path = _import_path(published_declaration)
    too_large = CountingBody()
    assert _post_declaring(alice_client, path, str(MAX_UPLOAD_BYTES + 1024 * 1024), too_large) == 413
    assert too_large.bytes_read == 0
    rows = "referentie;klas;taal\n" + "".join(f"gezin-{n:05d}-van-de-regenboog;3A;nl\n" for n in range(2000))
    csv_file = SimpleUploadedFile("families.csv", rows.encode(), "text/csv")
    assert ANONYMOUS_BODY_LIMIT < csv_file.size < MAX_UPLOAD_BYTES
    response = alice_client.post(path, {"file": csv_file})
    assert response.status_code == 302  # imported, back to the overview


def test_a_signed_in_form_elsewhere_keeps_a_limit_below_the_import(world: World, alice_client: Client) -> None:
    assert SIGNED_IN_BODY_LIMIT < MAX_UPLOAD_BYTES  # only the family import takes a larger body
    body = CountingBody()
    path = reverse("schools:members", kwargs={"school_id": world.school.id})
    assert _post_declaring(alice_client, path, str(SIGNED_IN_BODY_LIMIT + 1), body) == 413
    assert body.bytes_read == 0
