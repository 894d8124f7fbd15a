"""Forced gates: no override equals the plain run (and so Keras); each override does what its equation says."""
from __future__ import annotations

import numpy as np
import pytest

from rnn_core.cells import random_cell
from rnn_core.gates import run_with_forced_gate
from rnn_core.sequence import run
from tests.test_cells_parity import keras_layer

XS = np.random.default_rng(0).standard_normal((2, 9, 3)).astype(np.float32)


@pytest.mark.parametrize("kind,options", [("LSTM", {}), ("GRU", {}), ("GRU", {"reset_after": False})])
def test_no_override_is_the_real_model(keras, kind, options):
    cell = random_cell(kind, 3, 4, seed=1, **options)
    ours = run_with_forced_gate(cell, XS, None, 0.0, 0)
    theirs = np.asarray(keras_layer(keras, cell, return_sequences=True)(XS))
    np.testing.assert_allclose(ours.h, theirs, atol=1e-5)


@pytest.mark.parametrize("kind,gate,value", [("LSTM", "i", 1.0), ("LSTM", "f", 0.5), ("LSTM", "o", 1.0),
                                             ("GRU", "z", 0.3), ("GRU", "r", 1.0)])
def test_override_before_start_changes_nothing(kind, gate, value):
    cell = random_cell(kind, 3, 4, seed=2)
    plain, forced = run(cell, XS), run_with_forced_gate(cell, XS, gate, value, start=5)
    np.testing.assert_allclose(forced.h[:, :5], plain.h[:, :5], atol=1e-6)
    assert np.allclose(forced[gate][:, 5:], value)


def test_forget_one_input_zero_freezes_the_cell_state():
    """f = 1 keeps everything; with i forced to 0 as well nothing is added: c_t stays c_(start-1)."""
    cell = random_cell("LSTM", 3, 4, seed=3)
    trace = run_with_forced_gate(cell, XS, "i", 0.0, start=4)
    keep_all = run_with_forced_gate(cell, XS, "f", 1.0, start=4)
    forgotten = run_with_forced_gate(cell, XS, "f", 0.0, start=4)
    np.testing.assert_allclose(keep_all["c"][:, 4], keep_all["c"][:, 3] + keep_all["i"][:, 4] * keep_all["g"][:, 4],
                               atol=1e-6)
    np.testing.assert_allclose(forgotten["c"][:, 6], forgotten["i"][:, 6] * forgotten["g"][:, 6], atol=1e-6)
    np.testing.assert_allclose(trace["c"][:, 5], trace["f"][:, 5] * trace["c"][:, 4], atol=1e-6)


def test_gru_update_gate_one_copies_the_state():
    cell = random_cell("GRU", 3, 4, seed=4)
    trace = run_with_forced_gate(cell, XS, "z", 1.0, start=3)
    for t in range(3, 9):
        np.testing.assert_allclose(trace.h[:, t], trace.h[:, 2], atol=1e-6)
    with pytest.raises(ValueError):
        run_with_forced_gate(cell, XS, "f", 1.0, 0)
