"""The demo's Keras check, answered by a worker process so that the server never imports Keras.

Why a separate process: once ``keras`` is imported, Streamlit clears the Keras session after every
script run of every session (about 180 ms here), so one visit to the demo would slow every lesson
for everyone. The worker (``python -m workers.keras_twin``) answers one JSON line per request:
{"model": name, "digest": content digest, "ids": [...]} -> {"p": ...} or {"error": ...}. It finds
the file itself through rnn_core.assets (names from the fixed table only, sha256 checked, zip size
bounded), keeps a few models in an evicting cache and calls the model directly, never ``model.predict``.

Keras runs on its NumPy backend (``BACKEND``): the same Keras layers and the same answers as on
TensorFlow (within 1e-6, tests/test_keras_twin.py), in about 270 MB instead of 650 MB, ready in about
1.5 s instead of 8 s, and about six times faster per sentence. Keras's NumPy backend imports JAX for
one FFT routine; the worker never runs JAX or TensorFlow.

Several replicas on one machine can share one worker:
``python -m workers.keras_twin --listen PATH`` answers on a Unix socket (owner-only permissions),
and a server started with RNNLAB_KERAS_TWIN=PATH asks it instead of starting its own.

The client bounds every wait: a request that gets no answer within ``timeout`` seconds kills the
worker (the next caller starts a fresh one, so the sessions that waited share one restart), and a
caller that cannot get the worker within ``timeout`` is told it is busy.
"""
from __future__ import annotations

import argparse
import json
import os
import select
import subprocess
import sys
import threading
from collections import OrderedDict
from pathlib import Path

from workers import sockets

ROOT = Path(__file__).resolve().parent.parent
MAX_LINE = 16_384  # bytes in one request line
MAX_IDS = 1_000  # token ids in one request (the longest model reads 400)
MAX_MODELS = 3  # models the worker keeps loaded
BACKEND = "numpy"  # set as KERAS_BACKEND before the worker imports Keras


class TwinError(RuntimeError):
    """The Keras check could not answer: ``reason`` is 'busy', 'timeout', 'down' or 'refused'."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


class KerasTwin:
    """The client: one private worker per server process (started on first use, restarted when it hangs
    or dies), or, with ``address`` (default: $RNNLAB_KERAS_TWIN), a shared worker on that Unix socket."""

    def __init__(self, address: str | None = None, timeout: float = 8.0, start_timeout: float = 60.0,
                 command: list[str] | None = None) -> None:
        self._address = address or os.environ.get("RNNLAB_KERAS_TWIN") or None
        self._timeout, self._start_timeout = timeout, start_timeout
        self._command = command or [sys.executable, "-m", "workers.keras_twin"]
        self._proc: subprocess.Popen | None = None
        self._shared = sockets.LineClient(self._address, timeout) if self._address else None
        self._lock = threading.Lock()

    def probability(self, model: str, digest: str, ids: tuple[int, ...]) -> float:
        """p(positive) of the Keras model ``model`` (content ``digest``) on one sentence's token ids (T,)."""
        if not 0 < len(ids) <= MAX_IDS:
            raise TwinError(f"a request holds 1 to {MAX_IDS} ids", "refused")
        request = json.dumps({"model": model, "digest": digest, "ids": [int(i) for i in ids]})
        if not self._lock.acquire(timeout=self._timeout):  # someone else's request is slow: do not queue forever
            raise TwinError("the Keras worker is busy", "busy")
        try:
            line = self._shared.ask(request) if self._shared else self._ask_own(request)
            if not line:
                self._stop_locked()  # a hung or dead worker: the next caller starts a fresh one
                raise TwinError(f"the Keras worker did not answer within {self._timeout:g} s", "timeout")
        finally:
            self._lock.release()
        answer = json.loads(line)
        if "error" in answer:
            raise TwinError(answer["error"], "refused")
        return float(answer["p"])

    def _start_own(self) -> None:
        from rnn_core.assets import models_folder

        env = os.environ | {"RNNLAB_MODELS": str(models_folder())}
        self._proc = subprocess.Popen(self._command, cwd=ROOT, env=env, text=True, stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        if not self._read_own(self._start_timeout):  # the worker says {"ready": true} once Keras is imported
            self._stop_locked()
            raise TwinError("the Keras worker did not start", "down")

    def _read_own(self, timeout: float) -> str:
        ready, _, _ = select.select([self._proc.stdout], [], [], timeout)
        return self._proc.stdout.readline() if ready else ""

    def _ask_own(self, request: str) -> str:
        if self._proc is None or self._proc.poll() is not None:
            self._start_own()
        try:
            self._proc.stdin.write(request + "\n")
            self._proc.stdin.flush()
        except OSError:
            return ""
        return self._read_own(self._timeout)

    def _stop_locked(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait()
            self._proc = None
        if self._shared is not None:
            self._shared.close()

    def stop(self) -> None:
        with self._lock:
            self._stop_locked()


# --- the worker side ---------------------------------------------------------------------------

def _load(models: OrderedDict, name: str, digest: str):
    """The Keras model ``name`` whose verified content is ``digest``; least recently used ones evicted."""
    import keras

    from rnn_core.assets import SENTIMENT_MODELS, check_unpacked_size, verify

    if name not in SENTIMENT_MODELS:
        raise ValueError(f"unknown model {str(name)[:40]!r}")
    checked = verify(name)
    if checked.digest != digest:
        raise ValueError(f"{name} changed on disk")
    key = (name, digest)
    if key not in models:
        path = checked.path(checked.card.model_file)
        check_unpacked_size(path)
        models[key] = (keras.saving.load_model(path, compile=False), checked.card.vocab_size)
        while len(models) > MAX_MODELS:
            models.popitem(last=False)
    models.move_to_end(key)
    return models[key]


def answer(models: OrderedDict, line: str | bytes) -> str:
    """The JSON answer to one request line (never raises)."""
    import numpy as np

    try:
        if len(line) > MAX_LINE:
            raise ValueError(f"request longer than {MAX_LINE} bytes")
        request = json.loads(line)
        ids = request["ids"]
        if not isinstance(ids, list) or not 0 < len(ids) <= MAX_IDS:
            raise ValueError(f"ids must be a list of 1 to {MAX_IDS} token ids")
        model, vocab_size = _load(models, request["model"], request["digest"])
        if not all(isinstance(i, int) and 0 <= i < vocab_size for i in ids):
            raise ValueError("ids outside the vocabulary")
        p = np.asarray(model(np.asarray([ids], dtype=np.int32), training=False))[0, 0]
        return json.dumps({"p": float(p)})
    except Exception as err:  # noqa: BLE001 - a bad file or request: say so, keep serving
        return json.dumps({"error": f"{type(err).__name__}: {err}"[:300]})


def serve(requests=sys.stdin.buffer, answers=sys.stdout) -> None:
    """The worker's loop over a pipe: one answer line per request line."""
    import keras  # noqa: F401 - imported before saying ready, so the first request is not slow

    models: OrderedDict = OrderedDict()
    answers.write('{"ready": true}\n')
    answers.flush()
    while line := requests.readline(MAX_LINE + 1):
        answers.write(answer(models, line) + "\n")
        answers.flush()


def listen(path: str) -> None:
    """The shared worker: the same answers on a Unix socket only its owner can use, one model call at a time."""
    import keras  # noqa: F401

    models: OrderedDict = OrderedDict()
    sockets.listen(path, lambda raw: answer(models, raw), MAX_LINE)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="The demo's Keras check in its own process.")
    parser.add_argument("--listen", metavar="PATH", help="answer on this Unix socket instead of stdin/stdout")
    args = parser.parse_args()
    out, sys.stdout = sys.stdout, sys.stderr  # anything a library prints stays off the answer pipe
    os.environ["KERAS_BACKEND"] = BACKEND  # Keras reads it once, at its import
    if args.listen:
        listen(args.listen)
    else:
        serve(sys.stdin.buffer, out)
