"""A small pool for trainings started on a learner's behalf: bounded, shared, and never lost.

Each training runs in a background thread owned by this module, not by the Streamlit script that asked
for it, so a learner who moves a slider or leaves the page does not cancel it: it finishes and its
result is kept for everyone who asks for the same settings (the job's key). At most ``MAX_RUNNING``
run at once on the server (this machine has two cores); the rest wait in order, and a page can show
their place. One client (a browser session) may have at most ``MAX_PER_CLIENT`` jobs waiting or running.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_RUNNING = 1
MAX_PER_CLIENT = 2
MAX_KEPT = 32  # finished jobs remembered (their results are small dicts)

Progress = Callable[[float, str], None]


class TooManyJobs(RuntimeError):
    """This client already has MAX_PER_CLIENT trainings waiting or running."""


@dataclass
class Job:
    key: tuple
    client: str
    state: str = "queued"  # queued, running, done, failed
    fraction: float = 0.0
    label: str = ""
    result: dict | None = None
    error: str = ""
    submitted: float = field(default_factory=time.monotonic)

    @property
    def active(self) -> bool:
        return self.state in ("queued", "running")


_guard = threading.Lock()
_slots = threading.BoundedSemaphore(MAX_RUNNING)
_jobs: OrderedDict[tuple, Job] = OrderedDict()


def find(key: tuple) -> Job | None:
    """The job for these settings, if one was started and not forgotten (a failed one is forgotten on retry)."""
    with _guard:
        return _jobs.get(key)


def place(job: Job) -> int:
    """How many jobs wait ahead of ``job`` (0 when it runs or has run)."""
    with _guard:
        if job.state != "queued":
            return 0
        return sum(1 for other in _jobs.values() if other.state == "queued" and other.submitted < job.submitted)


def submit(key: tuple, client: str, work: Callable[[Progress], dict]) -> Job:
    """The job for ``key``: the existing one (shared), or a new one started in the background."""
    with _guard:
        existing = _jobs.get(key)
        if existing is not None and existing.state != "failed":
            return existing
        if sum(1 for j in _jobs.values() if j.client == client and j.active) >= MAX_PER_CLIENT:
            raise TooManyJobs(f"at most {MAX_PER_CLIENT} trainings per learner at a time")
        job = _jobs[key] = Job(key=key, client=client)
        _forget_old()
    threading.Thread(target=_run, args=(job, work), name=f"train-{key}", daemon=True).start()
    return job


def _run(job: Job, work: Callable[[Progress], dict]) -> None:
    with _slots:
        job.state = "running"

        def progress(fraction: float, label: str) -> None:
            job.fraction, job.label = fraction, label

        try:
            job.result = work(progress)
            job.state = "done"
        except Exception as err:  # noqa: BLE001 - the learner reads why; the pool keeps serving
            job.error, job.state = f"{type(err).__name__}: {err}"[:300], "failed"


def _forget_old() -> None:
    finished = [k for k, j in _jobs.items() if not j.active]
    for key in finished[: max(0, len(finished) - MAX_KEPT)]:
        del _jobs[key]


def wait(job: Job, timeout: float) -> Job:
    """Block until ``job`` has finished or ``timeout`` s have passed (for scripts and tests)."""
    deadline = time.monotonic() + timeout
    while job.active and time.monotonic() < deadline:
        time.sleep(0.05)
    return job
