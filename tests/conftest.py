"""Shared fixtures. TensorFlow is imported lazily, only by the tests that compare against it."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")


@pytest.fixture(scope="session")
def keras():
    import keras as _keras

    return _keras


@pytest.fixture(scope="session")
def tf():
    import tensorflow as _tf

    return _tf
