"""A deployment check: behind the HTTPS proxy production expects, the throttle needs to know the proxy."""

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Tags, register
from django.core.checks import Warning as CheckWarning


@register(Tags.security, deploy=True)
def trusted_proxies_are_set(app_configs: Sequence[AppConfig] | None, **kwargs: Any) -> list[CheckMessage]:
    if settings.TRUSTED_PROXIES:
        return []
    return [
        CheckWarning(
            "TRUSTED_PROXIES is empty: behind a proxy every parent has the proxy's address, so ten wrong codes "
            "from anyone make everyone wait on the code pages.",
            hint="Set TRUSTED_PROXIES to the proxy's address (e.g. 127.0.0.1); see README, 'Behind a reverse proxy'.",
            id="respondents.W001",
        )
    ]
