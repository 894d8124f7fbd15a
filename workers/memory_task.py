"""Run the live memory-task training (training/memory_task.py) in a child process, once per setting per server.

The page never imports TensorFlow: a child process trains and prints JSON lines, read here to move a
progress bar. Finished results are kept in a process-wide store (read-only once written), so a class
of thirty asking for the same setting trains it once; others wait for that run instead of starting their own.
"""
from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_results: dict[int, dict] = {}
_locks: dict[int, threading.Lock] = {}
_guard = threading.Lock()


def cached(max_distance: int) -> dict | None:
    return _results.get(max_distance)


def train(max_distance: int, on_progress: Callable[[float, str], None], timeout: float = 180) -> dict:
    """Results {"results": {cell: {distance: accuracy}}, ...} for this distance, training them if needed."""
    with _guard:
        lock = _locks.setdefault(max_distance, threading.Lock())
    with lock:  # one training per setting; the others wait here and then read the store
        if max_distance in _results:
            return _results[max_distance]
        proc = subprocess.Popen([sys.executable, "-m", "training.memory_task", "--max-distance", str(max_distance)],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        final = None
        try:
            for line in proc.stdout:
                message = json.loads(line)
                if message.get("done"):
                    final = message
                else:
                    on_progress(message["step"] / message["of"], message["cell"])
        finally:
            timer.cancel()
            proc.wait()
        if final is None:
            raise RuntimeError(f"the training process stopped early (exit code {proc.returncode})")
        _results[max_distance] = final
        return final
