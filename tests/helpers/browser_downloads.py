"""In a browser test: press a button that asks the worker for a file, let the worker make it, download it.

The live server commits, so the job is queued by the click itself; the worker runs in the test's thread.
"""

import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from tests.helpers.worker import run_worker

JOB_PAGE = re.compile(r"/files/[0-9a-f-]{36}/$")


def download_made_file(page: Page, button: Locator, target: Path) -> bytes:
    """Click `button`, wait for the job's page, run the worker, reload the page and download the file."""
    button.click()
    expect(page).to_have_url(JOB_PAGE)
    run_worker()
    page.reload()
    with page.expect_download() as download_info:
        page.locator("main a[download]").click()
    download_info.value.save_as(target)
    return target.read_bytes()
