"""The demo's Keras check, answered by a worker process so that the server never imports Keras.

Why a separate process: once ``keras`` is imported, Streamlit clears the Keras session after every
script run of every session (about 180 ms here), so one visit to the demo would slow every lesson
for everyone. The worker (``python -m ui.keras_twin``) loads each model file once and answers one
JSON line per request: {"path", "ids"} -> {"p"} or {"error"}. It calls the model directly, never
``model.predict``.

Several replicas on one machine can share one worker (TensorFlow alone takes about 600 MB):
``python -m ui.keras_twin --listen PATH`` answers on a Unix socket, and a server started with
RNNLAB_KERAS_TWIN=PATH asks it instead of starting its own (deploy/replicas.py does this).
"""
from __future__ import annotations

import argparse
import json
import os
import select
import socket
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class KerasTwin:
    """One worker per server process, started on first use and restarted if it dies or hangs;
    or, with ``address`` (default: $RNNLAB_KERAS_TWIN), a shared worker listening on that Unix socket."""

    def __init__(self, address: str | None = None) -> None:
        self._address = address or os.environ.get("RNNLAB_KERAS_TWIN") or None
        self._proc: subprocess.Popen | None = None
        self._conn = None
        self._lock = threading.Lock()

    def probability(self, path: Path, ids: tuple[int, ...], timeout: float = 90) -> float:
        """p(positive) of the Keras model in ``path`` on one sentence's token ids (T,)."""
        request = json.dumps({"path": str(path), "stamp": os.stat(path).st_mtime_ns, "ids": list(ids)})
        with self._lock:  # one question at a time on the pipe or socket
            line = self._ask_shared(request, timeout) if self._address else self._ask_own(request, timeout)
        if not line:
            self.stop()
            raise RuntimeError("the Keras worker did not answer")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return float(answer["p"])

    def _ask_own(self, request: str, timeout: float) -> str:
        if self._proc is None or self._proc.poll() is not None:
            env = os.environ | {"TF_CPP_MIN_LOG_LEVEL": "3"}
            self._proc = subprocess.Popen([sys.executable, "-m", "ui.keras_twin"], cwd=ROOT, env=env, text=True,
                                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._proc.stdin.write(request + "\n")
        self._proc.stdin.flush()
        ready, _, _ = select.select([self._proc.stdout], [], [], timeout)
        return self._proc.stdout.readline() if ready else ""

    def _ask_shared(self, request: str, timeout: float) -> str:
        try:
            if self._conn is None:
                sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                sock.settimeout(timeout)
                sock.connect(self._address)
                self._conn = sock.makefile("rw", encoding="utf-8")
            self._conn.write(request + "\n")
            self._conn.flush()
            return self._conn.readline()
        except OSError:
            return ""

    def stop(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait()
            self._proc = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def answer(models: dict, line: str) -> str:
    """The JSON answer to one request line; ``models`` caches one model per (file, modification time)."""
    import keras
    import numpy as np

    try:
        request = json.loads(line)
        key = (request["path"], request["stamp"])
        if key not in models:
            models[key] = keras.saving.load_model(request["path"], compile=False)
        ids = np.asarray([request["ids"]], dtype=np.int32)
        return json.dumps({"p": float(np.asarray(models[key](ids, training=False))[0, 0])})
    except Exception as err:  # a bad file or request: say so, keep serving
        return json.dumps({"error": f"{type(err).__name__}: {err}"[:300]})


def serve(requests=sys.stdin, answers=sys.stdout) -> None:
    """The worker's loop over a pipe: one answer line per request line."""
    models: dict = {}
    for line in requests:
        answers.write(answer(models, line) + "\n")
        answers.flush()


def listen(path: str) -> None:
    """The shared worker: the same answers on a Unix socket, to any number of servers, one call at a time."""
    import socketserver

    models: dict = {}
    lock = threading.Lock()

    class Connection(socketserver.StreamRequestHandler):
        def handle(self):
            for raw in self.rfile:
                with lock:
                    reply = answer(models, raw.decode("utf-8"))
                self.wfile.write((reply + "\n").encode("utf-8"))

    with socketserver.ThreadingUnixStreamServer(path, Connection) as server:
        server.serve_forever()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="The demo's Keras check in its own process.")
    parser.add_argument("--listen", metavar="PATH", help="answer on this Unix socket instead of stdin/stdout")
    args = parser.parse_args()
    out, sys.stdout = sys.stdout, sys.stderr  # anything a library prints stays off the answer pipe
    if args.listen:
        listen(args.listen)
    else:
        serve(sys.stdin, out)
