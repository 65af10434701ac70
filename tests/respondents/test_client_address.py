"""The client's address the throttle counts: REMOTE_ADDR, or behind a trusted proxy X-Forwarded-For read
from the right; IPv6 clients grouped by /64; TRUSTED_PROXIES checked when the settings load."""

import ipaddress
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import RequestFactory, override_settings

from accounts.addresses import address_group, client_address, client_address_from, parse_address
from tests.betrokken.test_security import PRODUCTION_ENV

PROXIES = [ipaddress.ip_network("10.9.0.0/24"), ipaddress.ip_network("fd00:9::/64")]


@pytest.mark.parametrize(
    ("remote_addr", "forwarded_for", "expected"),
    [
        ("203.0.113.5", None, "203.0.113.5"),  # no proxy
        ("2001:db8::5", None, "2001:db8::5"),
        ("::ffff:203.0.113.5", None, "203.0.113.5"),  # IPv4 seen through an IPv6 socket
        ("203.0.113.5", "198.51.100.7", "203.0.113.5"),  # spoofed by a client that is no proxy: ignored
        ("10.9.0.1", "198.51.100.7", "198.51.100.7"),  # from our proxy
        ("10.9.0.1", " 2001:db8:1:2::7 ", "2001:db8:1:2::7"),
        ("fd00:9::1", "198.51.100.7", "198.51.100.7"),
        ("10.9.0.1", "1.1.1.1, 198.51.100.7", "198.51.100.7"),  # the left part is the client's own writing
        ("10.9.0.1", "198.51.100.7, 10.9.0.2", "198.51.100.7"),  # two proxies of ours in a row
        ("10.9.0.1", "garbage, 198.51.100.7", "198.51.100.7"),  # garbage left of the client is never read
        ("10.9.0.1", "198.51.100.7, not-an-address", "10.9.0.1"),  # malformed where it is read: ignored
        ("10.9.0.1", "198.51.100.7:443", "10.9.0.1"),
        ("10.9.0.1", "", "10.9.0.1"),
        ("10.9.0.1", "10.9.0.3, 10.9.0.2", "10.9.0.3"),  # only proxies: the first of them asked
        ("", "198.51.100.7", ""),  # no address at all: nothing to believe the header for
    ],
)
def test_the_client_address_behind_trusted_proxies(remote_addr: str, forwarded_for: str | None, expected: str) -> None:
    assert client_address_from(remote_addr, forwarded_for, PROXIES) == expected


def test_without_trusted_proxies_the_header_is_never_read() -> None:
    assert client_address_from("10.9.0.1", "198.51.100.7", []) == "10.9.0.1"


@pytest.mark.parametrize(
    ("address", "group"),
    [
        ("203.0.113.5", "203.0.113.5"),
        ("::ffff:203.0.113.5", "203.0.113.5"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("2001:db8:1:2::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:3::1", "2001:db8:1:3::/64"),
        ("", ""),
    ],
)
def test_ipv6_clients_are_grouped_by_64(address: str, group: str) -> None:
    assert address_group(address) == group


def test_parse_address_refuses_what_is_not_an_address() -> None:
    assert parse_address("198.51.100.7") == ipaddress.ip_address("198.51.100.7")
    for text in ("", "unknown", "198.51.100.256", "198.51.100.7:80", "[2001:db8::1]"):
        assert parse_address(text) is None


def test_the_view_helper_reads_the_setting() -> None:
    request = RequestFactory().post("/q/", REMOTE_ADDR="10.9.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert client_address(request) == "10.9.0.1"  # no trusted proxy configured in the tests
    with override_settings(TRUSTED_PROXIES=PROXIES):
        assert client_address(request) == "198.51.100.7"


def _load_settings(trusted_proxies: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "betrokken.settings", "TRUSTED_PROXIES": trusted_proxies}
    setup = "import django; django.setup(); from django.conf import settings; print(settings.TRUSTED_PROXIES)"
    return subprocess.run(
        [sys.executable, "-c", setup], capture_output=True, text=True, env=environment, cwd=settings.BASE_DIR
    )


def test_trusted_proxies_are_read_from_the_environment() -> None:
    result = _load_settings("127.0.0.1, 10.0.0.0/8,fd00::/8")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "[IPv4Network('127.0.0.1/32'), IPv4Network('10.0.0.0/8'), IPv6Network('fd00::/8')]"
    )


def test_a_bad_trusted_proxy_stops_the_start() -> None:
    result = _load_settings("127.0.0.1,proxy.example.org")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "TRUSTED_PROXIES" in result.stderr
    assert "'proxy.example.org'" in result.stderr


def test_the_deploy_check_warns_when_no_proxy_is_trusted() -> None:
    environment = {key: value for key, value in PRODUCTION_ENV.items() if key != "TRUSTED_PROXIES"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "respondents.W001" in result.stdout + result.stderr
