"""“My e-mail” on a 360 px phone: the weekly-summary box sits on its label's line, not alone under the help text.
The screenshot is written beside the test's temporary files, to look at."""

from collections.abc import Callable
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import BrowserContext

from tests.browser.steps import PHONE, log_in
from tests.helpers.world import World

pytestmark = pytest.mark.browser


def test_the_weekly_summary_box_sits_beside_its_label(
    live_server: object, world: World, new_context: Callable[..., BrowserContext], tmp_path: Path
) -> None:
    page = new_context(**PHONE).new_page()
    log_in(page, str(live_server), world.bob.email)
    page.goto(str(live_server) + reverse("accounts:email_settings"))
    page.screenshot(path=str(tmp_path / "my-email-360.png"), full_page=True)
    box = page.locator("#id_weekly_digest").bounding_box()
    label = page.locator("label[for=id_weekly_digest]").bounding_box()
    help_text = page.locator("#id_weekly_digest_helptext").bounding_box()
    assert box is not None and label is not None and help_text is not None
    assert box["x"] + box["width"] <= label["x"]  # before its label,
    assert label["x"] - (box["x"] + box["width"]) < 24  # close to it,
    assert abs(box["y"] - label["y"]) < label["height"]  # on the same line,
    assert help_text["y"] >= label["y"] + label["height"] - 1  # and the help under them both
    print(f"screenshot: {tmp_path / 'my-email-360.png'}")
