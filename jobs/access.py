"""A job is seen only by the person who asked for it, while a member of its school: 404 for anyone else.

The pair follows schools.access: the read helper for the progress page and the download, the write one
for trying again. Letters hold plain codes, so not even the school's coordinator reads another's job.
"""

from uuid import UUID

from django.http import Http404, HttpRequest

from jobs.models import Job
from schools.access import get_membership


def get_job(request: HttpRequest, school_id: UUID, job_id: UUID) -> Job:
    get_membership(request, school_id)
    job = Job.objects.filter(pk=job_id, school_id=school_id, requested_by_id=request.user.pk).first()
    if job is None:
        raise Http404
    return job


def get_rw_job(request: HttpRequest, school_id: UUID, job_id: UUID) -> Job:
    """Write: the same person; trying again changes nothing anyone else sees."""
    return get_job(request, school_id, job_id)
