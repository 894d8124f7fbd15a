"""Shared fixtures. TensorFlow is imported lazily, only by the tests that compare against it."""
from __future__ import annotations

import gc
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")


def at_once(target: Callable[[int], object], count: int, timeout: float = 30) -> float:
    """Run target(0) ... target(count - 1) in threads started together; seconds until every one returned (each
    waited for at most ``timeout``)."""
    started = time.monotonic()
    threads = [threading.Thread(target=target, args=(k,)) for k in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    return time.monotonic() - started


@pytest.fixture(scope="module", autouse=True)
def _long_lived_objects_frozen():
    """Each test module starts with what is alive moved out of the garbage collector's sight (``gc.freeze``).

    Once TensorFlow is imported (by the parity tests), every full collection walked its millions of objects:
    the AppTest modules after it ran about three times slower (tests/test_hostile_input.py's URL tests: 92 s
    after a TensorFlow import, 52 s with this, 32 s in a process without TensorFlow). What is frozen is still
    freed by reference counting; only cycles among it stay."""
    gc.collect()
    gc.freeze()
    yield


@pytest.fixture(scope="session")
def keras():
    import keras as _keras

    return _keras


@pytest.fixture(scope="session")
def tf():
    import tensorflow as _tf

    return _tf
