"""The environment readers of `betrokken.env`, and the settings refusing to load on a bad value."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from betrokken.env import env_bool, env_choice, env_int, env_list, env_path, env_str

ROOT = Path(__file__).resolve().parents[2]
NAME = "BETROKKEN_TEST_SETTING"


@pytest.fixture(autouse=True)
def _unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(NAME, raising=False)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", True),
        ("true", True),
        ("TRUE", True),
        (" True\n", True),
        ("0", False),
        ("false", False),
        (" False ", False),
    ],
)
def test_env_bool_reads_the_four_spellings(monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
    monkeypatch.setenv(NAME, value)
    assert env_bool(NAME, default=not expected) is expected


@pytest.mark.parametrize("default", [True, False])
def test_env_bool_unset_gives_the_default(default: bool) -> None:
    assert env_bool(NAME, default=default) is default


@pytest.mark.parametrize("value", ["", "   "])
@pytest.mark.parametrize("default", [True, False])
def test_env_bool_empty_gives_the_default(monkeypatch: pytest.MonkeyPatch, value: str, default: bool) -> None:
    monkeypatch.setenv(NAME, value)
    assert env_bool(NAME, default=default) is default


@pytest.mark.parametrize("value", ["yes", "no", "on", "2", "-1", "maybe", "t", "tru e"])
def test_env_bool_refuses_anything_else(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(NAME, value)
    with pytest.raises(ImproperlyConfigured) as error:
        env_bool(NAME, default=True)
    assert NAME in str(error.value)
    assert repr(value) in str(error.value)


@pytest.mark.parametrize(("value", "expected"), [("10", 10), (" 42\n", 42), ("0", 0), ("-3", -3), ("+7", 7)])
def test_env_int_reads_whole_numbers(monkeypatch: pytest.MonkeyPatch, value: str, expected: int) -> None:
    monkeypatch.setenv(NAME, value)
    assert env_int(NAME, 99) == expected


def test_env_int_unset_gives_the_default() -> None:
    assert env_int(NAME, 600) == 600


@pytest.mark.parametrize("value", ["", "  "])
def test_env_int_empty_gives_the_default(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(NAME, value)
    assert env_int(NAME, 600) == 600


# "1_000" and Arabic-Indic digits are integers to Python's int(), but not to an operator typing a number.
@pytest.mark.parametrize("value", ["ten", "1.5", "1e3", "0x10", "1_000", "5 0", "١٢", "-"])
def test_env_int_refuses_anything_else(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(NAME, value)
    with pytest.raises(ImproperlyConfigured) as error:
        env_int(NAME, 5)
    assert NAME in str(error.value)
    assert repr(value) in str(error.value)


def test_env_int_accepts_the_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NAME, "1")
    assert env_int(NAME, 5, minimum=1) == 1


@pytest.mark.parametrize("value", ["0", "-4"])
def test_env_int_refuses_a_number_below_the_minimum(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(NAME, value)
    with pytest.raises(ImproperlyConfigured) as error:
        env_int(NAME, 5, minimum=1)
    assert NAME in str(error.value)
    assert "at least 1" in str(error.value)


def test_env_str_reads_the_value_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NAME, " a password with spaces ")
    assert env_str(NAME, "default") == " a password with spaces "


def test_env_str_unset_or_empty_gives_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    assert env_str(NAME, "default") == "default"
    monkeypatch.setenv(NAME, "")
    assert env_str(NAME, "default") == "default"


def test_env_str_without_a_default_is_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NAME, "set")
    assert env_str(NAME) == "set"


@pytest.mark.parametrize("value", [None, ""])
def test_env_str_refuses_a_missing_required_variable(monkeypatch: pytest.MonkeyPatch, value: str | None) -> None:
    if value is not None:
        monkeypatch.setenv(NAME, value)
    with pytest.raises(ImproperlyConfigured, match=f"{NAME} is required"):
        env_str(NAME)


def test_env_list_splits_on_commas_and_drops_empty_items(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NAME, "a.example.org, b.example.org,,")
    assert env_list(NAME, ["default"]) == ["a.example.org", "b.example.org"]


def test_env_list_of_only_commas_is_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NAME, ",")
    assert env_list(NAME, ["default"]) == []


def test_env_list_unset_or_empty_gives_a_copy_of_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    default = ["127.0.0.1", "localhost"]
    unset = env_list(NAME, default)
    monkeypatch.setenv(NAME, "")
    empty = env_list(NAME, default)
    assert unset == empty == ["127.0.0.1", "localhost"]
    unset.append("changed")
    assert default == ["127.0.0.1", "localhost"]


def test_env_path_reads_a_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NAME, "/srv/betrokken/static")
    assert env_path(NAME, None) == Path("/srv/betrokken/static")


def test_env_path_unset_or_empty_gives_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    assert env_path(NAME, Path("/default")) == Path("/default")
    assert env_path(NAME, None) is None
    monkeypatch.setenv(NAME, "")
    assert env_path(NAME, None) is None


SETUP = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"


def _load_settings(**variables: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in {"BETROKKEN_ENV", "DEBUG"}}
    env.update(DJANGO_SETTINGS_MODULE="betrokken.settings", **variables)
    return subprocess.run([sys.executable, "-c", SETUP], cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def test_settings_refuse_to_load_with_a_bad_debug_value() -> None:
    result = _load_settings(DEBUG="maybe")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DEBUG='maybe'" in result.stderr


def test_settings_load_with_a_good_debug_value() -> None:
    result = _load_settings(DEBUG="false")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("value", ["development", "production"])
def test_env_choice_reads_a_listed_value(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(NAME, value)
    assert env_choice(NAME, "development", ("development", "production")) == value


def test_env_choice_unset_gives_the_default() -> None:
    assert env_choice(NAME, "development", ("development", "production")) == "development"


@pytest.mark.parametrize("value", ["prodution", "Production", "test", " production"])
def test_env_choice_refuses_anything_else(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(NAME, value)
    with pytest.raises(ImproperlyConfigured, match=NAME):
        env_choice(NAME, "development", ("development", "production"))
