"""gunicorn's access log without the secrets some paths carry: `logger_class` in deploy/gunicorn.conf.py."""

from typing import Any

from gunicorn.glogging import Logger  # type: ignore[import-untyped]

from betrokken.secret_paths import mask_secret_paths


class MaskedAccessLogger(Logger):
    def atoms(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> dict[str, Any]:
        atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        # Every text atom: besides the path (U) and the request line (r), the referer and the environ repeat it.
        return {name: mask_secret_paths(value) if isinstance(value, str) else value for name, value in atoms.items()}
