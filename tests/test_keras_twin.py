"""The demo's Keras check in its worker: its own pipe, or one worker shared over a Unix socket by several servers."""
from __future__ import annotations

import subprocess
import sys
import time

import numpy as np
import pytest

from rnn_core.sentiment import ASSETS, SentimentModel
from tests.conftest import ROOT
from ui.keras_twin import KerasTwin

IDS = (12, 40, 7, 300, 25)


@pytest.fixture(scope="module")
def shared_worker(tmp_path_factory):
    path = tmp_path_factory.mktemp("twin") / "keras.sock"
    proc = subprocess.Popen([sys.executable, "-m", "ui.keras_twin", "--listen", str(path)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    yield str(path)
    proc.terminate()
    proc.wait(timeout=10)


def test_own_and_shared_workers_agree_with_numpy(shared_worker):
    path = ASSETS / "en-lstm.keras"
    numpy_p = float(SentimentModel.load("en-lstm").probabilities(np.array([IDS]))[0])
    own = KerasTwin(address=None)
    try:
        assert abs(own.probability(path, IDS) - numpy_p) <= 1e-5
    finally:
        own.stop()
    servers = [KerasTwin(address=shared_worker) for _ in range(2)]  # two replicas, one worker
    try:
        answers = [server.probability(path, IDS) for server in servers for _ in range(2)]
    finally:
        for server in servers:
            server.stop()
    assert max(abs(a - numpy_p) for a in answers) <= 1e-5


def test_a_bad_request_gets_an_error_and_the_worker_keeps_serving(shared_worker, tmp_path):
    broken = tmp_path / "broken.keras"
    broken.write_bytes(b"not a keras file")
    twin = KerasTwin(address=shared_worker)
    try:
        with pytest.raises(RuntimeError):
            twin.probability(broken, IDS)
        assert 0 <= twin.probability(ASSETS / "en-gru.keras", IDS) <= 1
    finally:
        twin.stop()


def test_no_worker_at_the_address_is_a_clear_error(tmp_path):
    with pytest.raises(RuntimeError, match="did not answer"):
        KerasTwin(address=str(tmp_path / "nobody.sock")).probability(ASSETS / "en-gru.keras", IDS, timeout=5)
