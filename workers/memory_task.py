"""The live memory task (training/memory_task.py) as a job of the training pool (workers.trainer).

The page never imports TensorFlow: a child process trains and prints JSON lines, read here to move
the job's progress. Its time limit belongs to the job, not to any page, and the result is kept for
every learner who asks for the same distance.
"""
from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

from workers import trainer

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 240  # seconds one training may take before it is stopped


def key(max_distance: int) -> tuple:
    return ("memory", int(max_distance))


def job(max_distance: int) -> trainer.Job | None:
    return trainer.find(key(max_distance))


def start(max_distance: int, client: str) -> trainer.Job:
    """The shared training for this distance, started if nobody has (raises trainer.TooManyJobs)."""
    return trainer.submit(key(max_distance), client, lambda progress: _train(int(max_distance), progress))


def _train(max_distance: int, progress: trainer.Progress) -> dict:
    """{"results": {cell: {distance: accuracy}}, "distances", "chance", ...} from one child process."""
    proc = subprocess.Popen([sys.executable, "-m", "training.memory_task", "--max-distance", str(max_distance)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    timer = threading.Timer(TIMEOUT, proc.kill)
    timer.start()
    final = None
    try:
        for line in proc.stdout:
            message = json.loads(line)
            if message.get("done"):
                final = message
            else:
                progress(message["step"] / message["of"], message["cell"])
    finally:
        timer.cancel()
        proc.kill()
        proc.wait()
    if final is None:
        raise RuntimeError(f"the training process stopped early (exit code {proc.returncode})")
    return final
