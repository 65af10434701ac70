"""deploy/ stays in step with the code and README: every setting documented and in the environment template,
the access logs of gunicorn and nginx without what issue 7 keeps out, the units and the proxy agreeing on paths."""

import re
import runpy
from pathlib import Path

from django.conf import settings
from django.urls import reverse

from betrokken.request_bodies import ANONYMOUS_BODY_LIMIT, SIGNED_IN_BODY_LIMIT, UPLOAD_LIMITS
from betrokken.secret_paths import SECRET_ROUTES, mask_secret_paths

BASE_DIR = Path(settings.BASE_DIR)
DEPLOY = BASE_DIR / "deploy"


def readme_variables() -> set[str]:
    """The variables of README's configuration table (a row may name several: `A`, `B`)."""
    text = (BASE_DIR / "README.md").read_text()
    table = text.split("## Configuration (environment variables)", 1)[1].split("\n### ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", row.split("|")[1])}


def template_values() -> dict[str, str]:
    values = {}
    for line in (DEPLOY / "betrokken.env.template").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _equals, value = line.partition("=")
            values[name] = value.strip('"')
    return values


def test_every_variable_the_settings_read_is_in_readme_and_the_other_way_round() -> None:
    source = (BASE_DIR / "betrokken" / "settings.py").read_text()
    read = set(re.findall(r"env_[a-z_]+\(\s*\"([A-Z][A-Z0-9_]+)\"", source))
    read.add("DATABASE_URL")  # read by dj_database_url.config
    assert len(read) > 20
    assert readme_variables() == read


def test_the_environment_template_sets_every_documented_variable_for_production() -> None:
    values = template_values()
    assert readme_variables() - set(values) == set()
    assert (values["BETROKKEN_ENV"], values["DEBUG"]) == ("production", "0")
    assert values["SECRET_KEY"] == ""  # a placeholder that stops the start until someone makes a key
    assert values["TRUSTED_PROXIES"] == "127.0.0.1"


def test_gunicorn_logs_no_address_query_referer_or_user_agent() -> None:
    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    log_format = config["access_log_format"]
    assert re.findall(r"%\(([^)]+)\)s", log_format) == ["t", "m", "U", "s", "B", "M"]
    for forbidden in ("%(h)s", "%(q)s", "%(f)s", "%(a)s", "%(r)s", "%(u)s", "i}s"):
        assert forbidden not in log_format
    assert config["logger_class"] == "betrokken.access_log.MaskedAccessLogger"  # codes and tokens as ***
    readme = (BASE_DIR / "README.md").read_text()
    assert f"--logger-class {config['logger_class']} --access-logformat '{log_format}'" in readme
    assert re.fullmatch(r"127\.0\.0\.1:\d+", config["bind"])  # TCP: TRUSTED_PROXIES needs the proxy's address
    assert config["accesslog"] == "-"
    assert config["control_socket_disable"] is True  # no management socket in $HOME, shared by every server


def test_nginx_logs_no_address_query_referer_or_user_agent_and_forwards_what_django_trusts() -> None:
    conf = (DEPLOY / "nginx.conf").read_text()
    (log_format,) = re.findall(r"log_format betrokken '([^']+)';", conf)
    variables = set(re.findall(r"\$\{?([a-z_]+)", log_format))
    assert variables == {"time_local", "request_method", "logged_uri", "status", "body_bytes_sent", "request_time"}
    assert set(re.findall(r"access_log (\S+)(?: (\w+))?;", conf)) == {
        ("/var/log/nginx/betrokken.access.log", "betrokken"),
        ("off", ""),
    }
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in conf
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in conf


def nginx_logged_uri(uri: str) -> str:
    """What deploy/nginx.conf's `map $uri $logged_uri` gives for `uri`, its PCRE regexes read as Python's."""
    conf = (DEPLOY / "nginx.conf").read_text()
    (block,) = re.findall(r"map \$uri \$logged_uri \{(.*?)\n\}", conf, re.DOTALL)
    for regex, value in re.findall(r'"~\*([^"]+)" "([^"]+)";', block):
        match = re.match(regex.replace("(?<", "(?P<"), uri, re.IGNORECASE)
        if match:
            return value.replace("${logged_head}", match["logged_head"]).replace("${logged_tail}", match["logged_tail"])
    assert re.search(r"^\s*default \$uri;$", block, re.MULTILINE)
    return uri


def test_nginx_logs_the_same_secret_segments_masked_as_gunicorn_and_django() -> None:
    secret = {
        "surveys:code_link": ["K7PX2M9Q"],
        "engagement:parent_code_link": ["f4mily7c"],
        "schools:accept_invitation": ["x1Y2-z3_t0ken"],
        "accounts:password_reset_confirm": ["MTI", "cbx1a2-0f9e8d7c6b5a"],
    }
    assert len(secret) == len(SECRET_ROUTES)  # one route each (tests/betrokken/test_secret_paths.py finds them all)
    paths = [reverse(name, args=args) for name, args in secret.items()]
    paths += [path.rstrip("/") for path in paths] + [path.upper() for path in paths]
    for path in paths:
        assert nginx_logged_uri(path) == mask_secret_paths(path) != path, path
    for public in ("/q/", "/q/2/", "/v/verklaring/", "/accounts/password-reset/done/", reverse("schools:home")):
        assert nginx_logged_uri(public) == mask_secret_paths(public) == public


def test_nginx_takes_the_largest_body_django_accepts_and_not_much_more() -> None:
    conf = (DEPLOY / "nginx.conf").read_text()
    (kilobytes,) = re.findall(r"client_max_body_size (\d+)k;", conf)
    largest = max(ANONYMOUS_BODY_LIMIT, SIGNED_IN_BODY_LIMIT, *UPLOAD_LIMITS.values())
    assert largest <= int(kilobytes) * 1024 < largest + 64 * 1024


def test_static_files_from_nginx_carry_the_headers_django_sets_and_come_from_static_root() -> None:
    conf = (DEPLOY / "nginx.conf").read_text()
    static = conf.split("location /static/ {", 1)[1].split("}", 1)[0]
    assert f'add_header Content-Security-Policy "{settings.CONTENT_SECURITY_POLICY}";' in static
    assert f'add_header Permissions-Policy "{settings.PERMISSIONS_POLICY}";' in static
    assert f"alias {template_values()['STATIC_ROOT']}/;" in static


def test_the_units_run_as_their_own_user_from_the_environment_file_and_restart() -> None:
    values = template_values()
    for name, command in (
        ("betrokken-web.service", "gunicorn --config deploy/gunicorn.conf.py betrokken.wsgi"),
        ("betrokken-worker.service", "python manage.py worker"),
    ):
        unit = dict(
            line.split("=", 1) for line in (DEPLOY / name).read_text().splitlines() if re.match(r"[A-Z]\w+=", line)
        )
        assert unit["ExecStart"].endswith(command)
        assert (unit["User"], unit["EnvironmentFile"]) == ("betrokken", "/etc/betrokken/betrokken.env")
        assert unit["Restart"] in ("on-failure", "always")
        assert unit["ProtectSystem"] == "strict"
        writable = unit["ReadWritePaths"]
        for variable in ("BETROKKEN_VAR_DIR", "AUDIO_CACHE_DIR", "CODE_FILES_DIR", "GENERATED_FILES_DIR"):
            assert values[variable].startswith(writable), variable
