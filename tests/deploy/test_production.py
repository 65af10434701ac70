"""Betrokken installed as README's "Running it for real" says: a fresh database migrated and loaded through
manage.py with BETROKKEN_ENV=production and the environment template, static files collected, gunicorn with
deploy/gunicorn.conf.py behind a proxy (X-Forwarded-Proto/For from a trusted 127.0.0.1) and `manage.py worker`.

On the PostgreSQL suite the database is a new PostgreSQL database; on the SQLite suite a new SQLite file
(the embedded default runs the same way on one machine).
"""

import http.client
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.urls import reverse

from respondents.codes import format_code
from tests.helpers.deployment import (
    CLIENT_ADDRESS,
    Browser,
    Service,
    answer_questionnaire,
    install,
    links_codes,
    make_letters,
    own_database,
    production_env,
    start_gunicorn,
    start_worker,
    stored_answers,
    wait_for_health,
)

EMAIL = "coordinator@production.invalid"
PASSWORD = "a-long-production-password-2026"


@dataclass
class Deployment:
    env: dict[str, str]
    web: Service
    worker: Service
    ids: dict[str, str]


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    directory = tmp_path_factory.mktemp("production")
    with own_database("betrokken_prod_test", directory) as database_url:
        env = production_env(directory, database_url)
        ids = install(env, EMAIL, PASSWORD)
        services: list[Service] = []
        try:
            services.append(start_worker(env, directory / "worker.log"))  # first: it starts while gunicorn does
            services.append(start_gunicorn(env, directory / "gunicorn.log"))
            yield Deployment(env, services[1], services[0], ids)
        finally:
            for service in services:
                service.stop()


def test_healthz_answers_over_plain_http_where_every_page_goes_to_https(deployment: Deployment) -> None:
    assert wait_for_health(deployment.web.port, 200) == {"database": "ok", "worker": "ok"}
    assert Browser([deployment.web.port]).request("GET", "/q/").status == 200  # through the proxy
    connection = http.client.HTTPConnection("127.0.0.1", deployment.web.port, timeout=10)
    try:  # straight to gunicorn, without the proxy's X-Forwarded-Proto
        connection.request("GET", "/q/", headers={"Host": f"127.0.0.1:{deployment.web.port}"})
        response = connection.getresponse()
        assert (response.status, response.getheader("Location")) == (301, f"https://127.0.0.1:{deployment.web.port}/q/")
    finally:
        connection.close()


def test_a_parent_answers_with_a_code_from_the_coordinators_links(deployment: Deployment) -> None:
    coordinator = Browser([deployment.web.port])
    coordinator.log_in(EMAIL, PASSWORD)
    ids = deployment.ids
    links = coordinator.get(reverse("surveys:links", args=[ids["school"], ids["round"], ids["batch"]]))
    codes = links_codes(links)
    assert len(codes) == 4 and links.startswith("https://127.0.0.1/q/c/")

    ticked = answer_questionnaire(Browser([deployment.web.port]), codes[0])

    (response,) = stored_answers(deployment.env)
    expected = {name.removeprefix("item-"): None if value == "dk" else int(value) for name, value in ticked.items()}
    assert response == {"status": "submitted", "answers": expected}


def test_the_access_log_holds_no_client_address_and_no_query(deployment: Deployment) -> None:
    log = deployment.web.log.read_text()
    assert "Control socket" not in log  # deploy/gunicorn.conf.py was read
    lines = [line for line in log.splitlines() if '"GET ' in line or '"POST ' in line]
    assert len(lines) > 10
    for line in lines:
        assert re.fullmatch(r'\[[^]]+\] "(GET|POST) /\S*" \d{3} (\d+|-) \d+ms', line), line
        assert CLIENT_ADDRESS not in line and "127.0.0.1" not in line and "?" not in line


def test_the_log_holds_no_code_of_a_code_link_and_no_invitation_or_reset_token(deployment: Deployment) -> None:
    coordinator = Browser([deployment.web.port])
    coordinator.log_in(EMAIL, PASSWORD)
    ids = deployment.ids
    code = links_codes(coordinator.get(reverse("surveys:links", args=[ids["school"], ids["round"], ids["batch"]])))[1]
    parent = Browser([deployment.web.port])
    assert format_code(code) in parent.get(f"/q/c/{code}/")  # the scanned QR code: the form, prefilled
    assert parent.request("GET", f"/q/c/{code.lower()}").status == 301  # typed without the slash
    assert parent.request("GET", "/invitations/Tok3n-never-made/").status == 404
    assert parent.request("GET", "/accounts/password-reset/MQ/cbx1a2-0f9e8d7c6b5a/").status == 200

    expected = [
        '"GET /q/c/***/" 200 ',
        '"GET /q/c/***" 301 ',
        '"GET /invitations/***/" 404 ',
        "Not Found: /invitations/***/",  # django.request's warning, on the same stream
        '"GET /accounts/password-reset/***/***/" 200 ',
    ]
    log = deployment.web.log.read_text()
    deadline = time.monotonic() + 10  # gunicorn writes the line after the response has gone
    while not all(line in log for line in expected) and time.monotonic() < deadline:
        time.sleep(0.1)
        log = deployment.web.log.read_text()
    assert [line for line in expected if line not in log] == []
    for secret in (code, code.lower(), "Tok3n-never-made", "cbx1a2-0f9e8d7c6b5a"):
        assert secret not in log


def test_a_coordinators_letters_are_made_by_the_worker(deployment: Deployment) -> None:
    coordinator = Browser([deployment.web.port])
    coordinator.log_in(EMAIL, PASSWORD)
    _job_page, pdf = make_letters(coordinator, deployment.ids)
    assert pdf.startswith(b"%PDF-")


def test_healthz_is_503_once_the_worker_stops(deployment: Deployment) -> None:
    assert wait_for_health(deployment.web.port, 200)["worker"] == "ok"
    deployment.worker.stop()
    assert deployment.worker.process.returncode == 0
    assert wait_for_health(deployment.web.port, 503, seconds=15) == {"database": "ok", "worker": "not running"}
    assert "Traceback" not in deployment.worker.log.read_text()
