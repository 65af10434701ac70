"""The round report as a coordinator gets it (button, worker, download), read back as one line of text."""

from pathlib import Path

from django.test import Client
from django.urls import reverse

from tests.helpers.job_downloads import made_file
from tests.helpers.survey_data import in_english
from tests.helpers.tools import run_poppler
from tests.helpers.world import World


def english_report_text(client: Client, world: World, folder: Path) -> str:
    response = made_file(in_english(client), reverse("reports:round_pdf", args=[world.school.id, world.round.id]))
    path = folder / "report.pdf"
    path.write_bytes(response.content)
    return " ".join(run_poppler("pdftotext", path, "-").split())
