"""The page's side of the training pool (workers.trainer): find, start and follow shared trainings."""
from __future__ import annotations

from ui.layout import client_id
from workers import memory_task
from workers.trainer import Job, TooManyJobs, place

__all__ = ["Job", "TooManyJobs", "memory_job", "place", "start_memory"]


def memory_job(max_distance: int) -> Job | None:
    """The memory-task training for this gap, if anyone on this server started it."""
    return memory_task.job(max_distance)


def start_memory(max_distance: int) -> Job:
    """Start (or join) the training for this gap on behalf of this session; raises TooManyJobs."""
    return memory_task.start(max_distance, client_id())
