"""The demo's Keras check in its worker: its own pipe, or one worker shared over a Unix socket by several
servers; bounded waits, refused oversized or foreign requests, an owner-only socket."""
from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import time

import numpy as np
import pytest

from rnn_core.assets import SENTIMENT_MODELS, verify
from rnn_core.sentiment import SentimentModel
from tests.conftest import ROOT, at_once
from workers.keras_twin import MAX_IDS, MAX_LINE, KerasTwin, TwinError

IDS = (12, 40, 7, 300, 25)


def digest(name: str) -> str:
    return verify(name).digest


@pytest.fixture(scope="module")
def shared_worker(tmp_path_factory):
    path = tmp_path_factory.mktemp("twin") / "keras.sock"
    proc = subprocess.Popen([sys.executable, "-m", "workers.keras_twin", "--listen", str(path)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    yield str(path)
    proc.terminate()
    proc.wait(timeout=10)


def ask_raw(path: str, payload: bytes) -> str:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(30)
        sock.connect(path)
        try:
            sock.sendall(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the worker answered and closed before reading the rest of an oversized line
        return sock.makefile("r", encoding="utf-8").readline()


def test_own_and_shared_workers_agree_with_numpy(shared_worker):
    numpy_p = float(SentimentModel.load("en-lstm").probabilities(np.array([IDS]))[0])
    own = KerasTwin(address=None, timeout=30)
    try:
        assert abs(own.probability("en-lstm", digest("en-lstm"), IDS) - numpy_p) <= 1e-5
    finally:
        own.stop()
    servers = [KerasTwin(address=shared_worker, timeout=30) for _ in range(2)]  # two replicas, one worker
    try:
        answers = [server.probability("en-lstm", digest("en-lstm"), IDS) for server in servers for _ in range(2)]
    finally:
        for server in servers:
            server.stop()
    assert max(abs(a - numpy_p) for a in answers) <= 1e-5


def test_the_worker_runs_keras_without_tensorflow_and_answers_as_keras_on_tensorflow():
    """Keras's NumPy backend in the worker gives what Keras on TensorFlow gives, for every shipped model and
    lengths up to the longest the demo reads, and TensorFlow is not even loaded (its 400 MB is the point)."""
    import keras  # the test process: Keras on TensorFlow

    assert keras.backend.backend() == "tensorflow"
    rng = np.random.default_rng(5)
    twin = KerasTwin(address=None, timeout=60)
    try:
        for name in SENTIMENT_MODELS:
            checked = verify(name)
            model = keras.saving.load_model(checked.path(checked.card.model_file), compile=False)
            for steps in (1, 9, 400):
                ids = tuple(int(i) for i in rng.integers(1, checked.card.vocab_size, steps))
                on_tensorflow = float(np.asarray(model(np.array([ids], dtype=np.int32), training=False))[0, 0])
                assert abs(twin.probability(name, checked.digest, ids) - on_tensorflow) <= 1e-5, (name, steps)
        libraries = open(f"/proc/{twin._proc.pid}/maps", encoding="utf-8").read()
    finally:
        twin.stop()
    assert "keras" in libraries or "numpy" in libraries
    assert "tensorflow" not in libraries.lower()


def test_the_socket_is_for_its_owner_only(shared_worker):
    assert stat.S_IMODE(os.stat(shared_worker).st_mode) & 0o077 == 0


def test_bad_requests_are_refused_and_the_worker_keeps_serving(shared_worker):
    twin = KerasTwin(address=shared_worker, timeout=30)
    try:
        with pytest.raises(TwinError, match="unknown model"):
            twin.probability("../../etc/passwd", "0" * 16, IDS)
        with pytest.raises(TwinError, match="changed"):
            twin.probability("en-gru", "not-its-digest", IDS)
        with pytest.raises(TwinError, match="vocabulary"):
            twin.probability("en-gru", digest("en-gru"), (10**9,))
        with pytest.raises(TwinError, match="1 to"):
            twin.probability("en-gru", digest("en-gru"), tuple(range(MAX_IDS + 1)))
        assert 0 <= twin.probability("en-gru", digest("en-gru"), IDS) <= 1
    finally:
        twin.stop()


def test_oversized_and_foreign_lines_get_an_error_not_a_hang(shared_worker):
    started = time.monotonic()
    huge = json.dumps({"model": "en-gru", "digest": digest("en-gru"), "ids": [1] * 200_000}).encode() + b"\n"
    assert "longer than" in ask_raw(shared_worker, huge)
    assert "error" in ask_raw(shared_worker, json.dumps({"path": "/etc/passwd", "ids": [1]}).encode() + b"\n")
    assert "error" in ask_raw(shared_worker, b"\xff\xfe not json\n")
    assert time.monotonic() - started < 20
    twin = KerasTwin(address=shared_worker, timeout=30)  # and it still answers
    try:
        assert 0 <= twin.probability("en-gru", digest("en-gru"), IDS) <= 1
    finally:
        twin.stop()


def test_no_worker_at_the_address_is_a_clear_error(tmp_path):
    with pytest.raises(TwinError, match="did not answer"):
        KerasTwin(address=str(tmp_path / "nobody.sock"), timeout=2).probability("en-gru", "x" * 16, IDS)


HUNG_WORKER = "import sys; print('{\"ready\": true}', flush=True); sys.stdin.readline(); import time; time.sleep(600)"


def test_a_hung_worker_is_answered_within_seconds_and_restarted_once_for_everyone():
    twin = KerasTwin(timeout=1.5, command=[sys.executable, "-c", HUNG_WORKER])
    errors = []

    def ask(_):
        try:
            twin.probability("en-gru", "x" * 16, IDS)
        except TwinError as err:
            errors.append(err.reason)

    elapsed = at_once(ask, 5)
    twin.stop()
    assert len(errors) == 5 and "timeout" in errors and set(errors) <= {"timeout", "busy"}
    assert elapsed < 10  # five sessions asking a hung worker: none waits 90 s
    assert MAX_LINE >= len(json.dumps({"model": "en-lstm", "digest": "0" * 16, "ids": [15999] * MAX_IDS}))
