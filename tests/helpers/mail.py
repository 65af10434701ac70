"""E-mail goes out through the worker: run what queues it, let its commit queue the task, then run the worker.

with sent_by_the_worker():
    client.post(...)
assert mail.outbox ...
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.test import TestCase

from tests.helpers.worker import run_worker


@contextmanager
def sent_by_the_worker() -> Iterator[None]:
    with TestCase.captureOnCommitCallbacks(execute=True):
        yield
    run_worker()
