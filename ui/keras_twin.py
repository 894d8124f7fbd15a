"""The demo's Keras check, answered by a worker process so that the server never imports Keras.

Why a separate process: once ``keras`` is imported, Streamlit clears the Keras session after every
script run of every session (about 180 ms here), so one visit to the demo would slow every lesson
for everyone. The worker (``python -m ui.keras_twin``) loads each model file once and answers one
JSON line per request: {"path", "ids"} -> {"p"} or {"error"}. It calls the model directly, never
``model.predict``.
"""
from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class KerasTwin:
    """One worker per server process, started on first use and restarted if it dies or hangs."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen | None = None
        self._lock = threading.Lock()

    def probability(self, path: Path, ids: tuple[int, ...], timeout: float = 90) -> float:
        """p(positive) of the Keras model in ``path`` on one sentence's token ids (T,)."""
        request = json.dumps({"path": str(path), "stamp": os.stat(path).st_mtime_ns, "ids": list(ids)})
        with self._lock:  # one question at a time on the pipe
            proc = self._running()
            proc.stdin.write(request + "\n")
            proc.stdin.flush()
            ready, _, _ = select.select([proc.stdout], [], [], timeout)
            line = proc.stdout.readline() if ready else ""
            if not line:
                self.stop()
                raise RuntimeError("the Keras worker did not answer")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return float(answer["p"])

    def _running(self) -> subprocess.Popen:
        if self._proc is None or self._proc.poll() is not None:
            env = os.environ | {"TF_CPP_MIN_LOG_LEVEL": "3"}
            self._proc = subprocess.Popen([sys.executable, "-m", "ui.keras_twin"], cwd=ROOT, env=env, text=True,
                                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        return self._proc

    def stop(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait()
            self._proc = None


def serve(requests=sys.stdin, answers=sys.stdout) -> None:
    """The worker's loop: one model per (file, modification time), one answer line per request line."""
    import keras
    import numpy as np

    models: dict[tuple[str, int], object] = {}
    for line in requests:
        try:
            request = json.loads(line)
            key = (request["path"], request["stamp"])
            if key not in models:
                models[key] = keras.saving.load_model(request["path"], compile=False)
            ids = np.asarray([request["ids"]], dtype=np.int32)
            answer = {"p": float(np.asarray(models[key](ids, training=False))[0, 0])}
        except Exception as err:  # a bad file or request: say so, keep serving
            answer = {"error": f"{type(err).__name__}: {err}"[:300]}
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


if __name__ == "__main__":
    out, sys.stdout = sys.stdout, sys.stderr  # anything a library prints stays off the answer pipe
    serve(sys.stdin, out)
