"""More than one machine: two gunicorn servers (two processes with their own ports and their own read-aloud
caches, standing in for two machines) and one worker on one PostgreSQL database, with shared directories for
plain codes and generated files. Nothing a request needs may live in one server's memory or on its disk.
"""

import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.urls import reverse

from respondents.throttle import WINDOW
from tests.helpers.deployment import (
    Browser,
    Service,
    answer_questionnaire,
    fields_of,
    install,
    links_codes,
    make_letters,
    manage,
    own_database,
    production_env,
    running_on_postgres,
    start_gunicorn,
    start_worker,
    stored_answers,
    wait_for_health,
)

pytestmark = pytest.mark.skipif(
    not running_on_postgres(),
    reason="two machines share a PostgreSQL server; a SQLite file is one machine's (runs in the PostgreSQL suite)",
)

WINDOW_SECONDS = int(WINDOW.total_seconds())
EMAIL = "coordinator@two-servers.invalid"
PASSWORD = "a-long-two-servers-password-2026"

COUNT_SCRIPT = """
import json
from django_tasks_db.models import DBTaskResult
from jobs.models import Job
print("COUNTS=" + json.dumps({
    "jobs": Job.objects.count(),
    "build_tasks": DBTaskResult.objects.filter(task_path="jobs.tasks.build_job").count(),
}))
"""


@dataclass
class Farm:
    env: dict[str, str]
    a: Service
    b: Service
    worker: Service
    ids: dict[str, str]
    audio: dict[str, Path]
    codes: list[str]


@pytest.fixture(scope="module")
def farm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Farm]:
    directory = tmp_path_factory.mktemp("two-servers")
    with own_database("betrokken_two_servers_test", directory) as database_url:
        env = production_env(directory, database_url)  # one CODE_FILES_DIR and GENERATED_FILES_DIR for all
        ids = install(env, EMAIL, PASSWORD)
        audio = {name: directory / f"audio-{name}" for name in ("a", "b")}
        services: list[Service] = []
        try:
            services.append(start_worker(env, directory / "worker.log"))
            for name in ("a", "b"):
                server_env = env | {"AUDIO_CACHE_DIR": str(audio[name])}
                services.append(start_gunicorn(server_env, directory / f"gunicorn-{name}.log"))
            worker, a, b = services
            coordinator = Browser([a.port])
            coordinator.log_in(EMAIL, PASSWORD)
            links = coordinator.get(reverse("surveys:links", args=[ids["school"], ids["round"], ids["batch"]]))
            yield Farm(env, a, b, worker, ids, audio, links_codes(links))
        finally:
            for service in services:
                service.stop()


def test_both_servers_are_healthy_with_one_worker(farm: Farm) -> None:
    for server in (farm.a, farm.b):
        assert wait_for_health(server.port, 200) == {"database": "ok", "worker": "ok"}


def test_a_parents_questionnaire_alternates_between_the_servers_and_is_stored_right(farm: Farm) -> None:
    parent = Browser([farm.a.port, farm.b.port])  # every request to the other server than the one before
    ticked = answer_questionnaire(parent, farm.codes[0])
    assert parent.requests > 12
    submitted = [response for response in stored_answers(farm.env) if response["status"] == "submitted"]
    expected = {name.removeprefix("item-"): None if value == "dk" else int(value) for name, value in ticked.items()}
    assert submitted == [{"status": "submitted", "answers": expected}]


def test_a_translation_corrected_on_one_server_is_read_at_once_on_the_other(farm: Farm) -> None:
    parent = Browser([farm.b.port])
    parent.get("/q/")
    language_page = parent.post("/q/", {"code": farm.codes[1]})
    page_one = parent.post(language_page.split("?")[0], {"lang": "fr"})
    before = parent.get(page_one)  # server B has drawn this page (and filled any cache it keeps) before
    item = fields_of(before)[0].removeprefix("item-")
    correction = "Correction faite sur le serveur A, lue sur le serveur B."
    assert correction not in before

    coordinator = Browser([farm.a.port])
    coordinator.log_in(EMAIL, PASSWORD)
    translations = reverse("surveys:translations", args=[farm.ids["school"]]) + "?language=fr&audience=parent"
    coordinator.get(translations)
    coordinator.post(translations, {"item": item, "text": correction})

    assert correction in parent.get(page_one)


CONTENT_LOAD_SCRIPT = """
from framework.models import ItemText
from framework.releases import load_once
load_once("test:two-servers", lambda: ItemText.objects.filter(item_id="ITEM", language="fr").update(text="TEXT"))
"""


def test_content_loaded_on_another_machine_shows_on_the_next_page_of_each_server(farm: Farm) -> None:
    # Each server keeps the framework's texts in its memory, keyed by the latest content release it reads with
    # every page of questions: a load run elsewhere records a new release, and the next page reads the new text.
    parent = Browser([farm.b.port])
    parent.get("/q/")
    language_page = parent.post("/q/", {"code": farm.codes[3]})
    page_one = parent.post(language_page.split("?")[0], {"lang": "fr"})
    on_a = Browser([farm.a.port], cookies=parent.cookies)  # the same device, through the other server
    before = parent.get(page_one)
    item = fields_of(before)[1].removeprefix("item-")
    loaded = "Texte de la nouvelle version du contenu, chargée sur une autre machine."
    assert loaded not in before and loaded not in on_a.get(page_one)  # both servers keep this page's texts now
    manage(farm.env, "shell", "-c", CONTENT_LOAD_SCRIPT.replace("ITEM", item).replace("TEXT", loaded))
    assert loaded in parent.get(page_one)
    assert loaded in on_a.get(page_one)


def test_read_aloud_clips_are_made_in_each_servers_own_cache(farm: Farm) -> None:
    parent = Browser([farm.a.port, farm.b.port])
    parent.get("/q/")
    language_page = parent.post("/q/", {"code": farm.codes[2]})
    page_one = parent.post(language_page.split("?")[0], {"lang": "nl"})
    item = fields_of(parent.get(page_one))[0].removeprefix("item-")
    for server in (farm.a, farm.b):
        reply = parent.request("GET", f"/q/audio/{item}/", port=server.port)
        assert (reply.status, reply.headers["content-type"]) == (200, "audio/wav")
    for name in ("a", "b"):
        assert len(list(farm.audio[name].rglob("*.wav"))) == 1, name


def test_wrong_codes_on_both_servers_count_together_against_the_throttle(farm: Farm) -> None:
    # The throttle counts in 15-minute windows (respondents/throttle.py): start clear of a window's end, so that
    # all the guesses fall in one window whatever the time of day.
    into_window = time.time() % WINDOW_SECONDS
    if into_window > WINDOW_SECONDS - 30:
        time.sleep(WINDOW_SECONDS - into_window + 1)
    guesser = Browser([farm.a.port, farm.b.port], client_address="198.51.100.9")
    guesser.get("/q/")
    wrong = "2345678923"
    statuses = [guesser.request("POST", "/q/", {"code": wrong}).status for _ in range(10)]
    assert statuses == [200] * 10  # five on each server: the limit of ten per address is reached across both
    for server in (farm.a, farm.b):
        assert guesser.request("POST", "/q/", {"code": wrong}, port=server.port).status == 429
    neighbour = Browser([farm.a.port, farm.b.port], client_address="198.51.100.10")
    neighbour.get("/q/")
    assert neighbour.request("POST", "/q/", {"code": wrong}).status == 200  # per client, not for everyone


def test_letters_asked_on_one_server_are_followed_on_the_other_and_made_once(farm: Farm) -> None:
    coordinator = Browser([farm.a.port])
    coordinator.log_in(EMAIL, PASSWORD)
    job_page, pdf = make_letters(coordinator, farm.ids, follow_port=farm.b.port)
    assert pdf.startswith(b"%PDF-")
    assert make_letters(coordinator, farm.ids, follow_port=farm.b.port)[0] == job_page  # asked again: the same job
    counts = json.loads(re.search(r"COUNTS=(.+)", manage(farm.env, "shell", "-c", COUNT_SCRIPT)).group(1))  # type: ignore[union-attr]
    assert counts == {"jobs": 1, "build_tasks": 1}
    assert farm.worker.log.read_text().count("path=jobs.tasks.build_job state=SUCCESSFUL") == 1
