"""`make run` (scripts/run-dev.sh): the development server and one worker together; Ctrl+C stops both, and when
either dies the other is stopped too. /healthz being 200 shows both are up (the worker's heartbeat)."""

import os
import signal
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.deployment import (
    BASE_DIR,
    PYTHON,
    free_port,
    manage,
    running_on_postgres,
    stop_process,
    wait_for_health,
)

pytestmark = pytest.mark.skipif(
    running_on_postgres(), reason="make run serves the SQLite database: tested once, in the SQLite suite"
)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    directory = tmp_path_factory.mktemp("make-run")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{directory / 'db.sqlite3'}",
        "BETROKKEN_VAR_DIR": str(directory),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    manage(env, "migrate", "--no-input", "-v", "0")
    return env


@pytest.fixture
def running(env: dict[str, str], tmp_path: Path) -> Iterator[tuple["subprocess.Popen[bytes]", int]]:
    port = free_port()
    script = subprocess.Popen(
        [str(BASE_DIR / "scripts" / "run-dev.sh"), PYTHON, f"127.0.0.1:{port}"],
        cwd=BASE_DIR,
        env=env,
        stdout=(tmp_path / "run.log").open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,  # a terminal of its own: SIGINT to the group is Ctrl+C
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as a shell in a terminal starts it
    )
    try:
        assert wait_for_health(port, 200) == {"database": "ok", "worker": "ok"}
        yield script, port
    finally:
        stop_process(script)


def _children(script: "subprocess.Popen[bytes]") -> dict[str, int]:
    """The script's server and worker by their command lines."""
    listing = subprocess.run(["pgrep", "-P", str(script.pid)], capture_output=True, text=True, check=False)
    children = {}
    for pid in listing.stdout.split():
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        children["worker" if b"worker" in command else "server"] = int(pid)
    return children


def _gone(pids: list[int]) -> bool:
    for pid in pids:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            continue
        return False
    return True


def _port_closed(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def test_ctrl_c_stops_the_server_and_the_worker(running: tuple["subprocess.Popen[bytes]", int]) -> None:
    script, port = running
    children = _children(script)
    assert set(children) == {"server", "worker"}
    os.killpg(script.pid, signal.SIGINT)
    assert script.wait(timeout=30) == 130
    assert _gone(list(children.values())) and _port_closed(port)


def test_a_worker_that_dies_stops_the_server_too(running: tuple["subprocess.Popen[bytes]", int]) -> None:
    script, port = running
    children = _children(script)
    os.kill(children["worker"], signal.SIGKILL)
    assert script.wait(timeout=30) == 128 + signal.SIGKILL
    assert _gone([children["server"]]) and _port_closed(port)
