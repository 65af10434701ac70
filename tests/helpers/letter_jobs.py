"""Letters of a batch the way a coordinator gets them: ask (POST), the worker makes them, download from the job."""

from django.http.response import HttpResponseBase
from django.test import Client, TestCase
from django.urls import resolve, reverse

from jobs.models import Job
from surveys.models import CodeBatch
from tests.helpers.survey_data import batch_url
from tests.helpers.worker import run_worker
from tests.helpers.world import World


def ask_for_letters(client: Client, world: World, batch: CodeBatch) -> Job:
    """POST the letters button; the task is queued as the view's transaction would commit."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(batch_url("letters", world, batch))
    assert response.status_code == 302, response
    match = resolve(response["Location"])
    assert match.view_name == "jobs:job" and match.kwargs["school_id"] == world.school.pk
    job = Job.objects.get(pk=match.kwargs["job_id"])
    assert (job.kind, job.params["batch"]) == ("survey-letters", str(batch.pk))
    return job


def download_letters(client: Client, world: World, batch: CodeBatch) -> tuple[HttpResponseBase, bytes]:
    """The letters PDF as the coordinator downloads it from the job's page, with its response."""
    job = ask_for_letters(client, world, batch)
    run_worker()
    file_url = reverse("jobs:file", args=[world.school.pk, job.pk])
    assert f'href="{file_url}"' in client.get(reverse("jobs:job", args=[world.school.pk, job.pk])).content.decode()
    response = client.get(file_url)
    assert response.status_code == 200, response
    return response, b"".join(response.streaming_content)  # type: ignore[attr-defined]
