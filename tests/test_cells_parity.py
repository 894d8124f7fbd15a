"""Every cell and sequence routine of rnn_core against its Keras twin, same weights, |error| <= 1e-5."""
from __future__ import annotations

import numpy as np
import pytest

from rnn_core.cells import random_cell
from rnn_core.sequence import layer_output, run, run_bidirectional, run_stack

ATOL = 1e-5
KINDS = [("SimpleRNN", {}), ("LSTM", {}), ("GRU", {"reset_after": True}), ("GRU", {"reset_after": False})]
SHAPES = [(1, 1, 1, 1), (3, 5, 4, 8), (8, 2, 10, 3), (2, 12, 6, 16)]  # (B, T, d, D)


def keras_layer(keras, cell, **kwargs):
    """The Keras layer of the same kind as ``cell``, built and loaded with its weights."""
    options = {"reset_after": cell.reset_after} if cell.kind == "GRU" else {}
    if cell.kind == "SimpleRNN":
        options["activation"] = cell.activation
    layer = getattr(keras.layers, cell.kind)(cell.units, **options, **kwargs)
    layer.build((None, None, cell.input_dim))
    layer.set_weights([cell.W_x, cell.W_h, cell.b])
    return layer


def random_mask(rng, batch, steps):
    mask = rng.random((batch, steps)) > 0.35
    mask[:, 0] |= rng.random(batch) > 0.5  # some rows start masked, some do not
    return mask


@pytest.mark.parametrize("kind,options", KINDS)
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("masked", [False, True])
def test_sequence_matches_keras(keras, kind, options, shape, masked):
    B, T, d, D = shape
    rng = np.random.default_rng(B * 100 + T)
    cell = random_cell(kind, d, D, seed=T, **options)
    xs = rng.standard_normal((B, T, d)).astype(np.float32)
    mask = random_mask(rng, B, T) if masked else None
    ours = run(cell, xs, mask)
    layer = keras_layer(keras, cell, return_sequences=True, return_state=True)
    theirs = layer(xs, mask=mask)
    np.testing.assert_allclose(ours.h, np.asarray(theirs[0]), atol=ATOL)
    for our_state, their_state in zip(ours.final_state, theirs[1:]):
        np.testing.assert_allclose(our_state, np.asarray(their_state), atol=ATOL)


@pytest.mark.parametrize("kind,options", KINDS)
def test_initial_state_and_last_output(keras, kind, options):
    rng = np.random.default_rng(7)
    cell = random_cell(kind, 3, 5, seed=1, **options)
    xs = rng.standard_normal((4, 6, 3)).astype(np.float32)
    state = tuple(rng.standard_normal((4, 5)).astype(np.float32) for _ in cell.state_names)
    ours = layer_output(run(cell, xs, state=state), return_sequences=False)
    theirs = keras_layer(keras, cell)(xs, initial_state=list(state))
    assert ours.shape == (4, 5)
    np.testing.assert_allclose(ours, np.asarray(theirs), atol=ATOL)


def test_lstm_gates_match_a_keras_cell_step_by_step(keras):
    """Each gate of one step equals the Keras cell's own gates, read from its weights and output."""
    rng = np.random.default_rng(3)
    cell = random_cell("LSTM", 4, 6, seed=2)
    xs = rng.standard_normal((2, 5, 4)).astype(np.float32)
    trace = run(cell, xs)
    layer = keras_layer(keras, cell)
    h = c = np.zeros((2, 6), np.float32)
    for t in range(5):
        out, (h, c) = layer.cell(xs[:, t], [h, c])
        np.testing.assert_allclose(trace.h[:, t], np.asarray(out), atol=ATOL)
        np.testing.assert_allclose(trace["c"][:, t], np.asarray(c), atol=ATOL)
    i, f, g, o = (trace[k] for k in "ifgo")
    c_prev = np.concatenate([np.zeros((2, 1, 6), np.float32), trace["c"][:, :-1]], axis=1)
    np.testing.assert_allclose(trace["c"], f * c_prev + i * g, atol=ATOL)
    np.testing.assert_allclose(trace.h, o * np.tanh(trace["c"]), atol=ATOL)


@pytest.mark.parametrize("kind,options", KINDS)
@pytest.mark.parametrize("return_sequences", [False, True])
@pytest.mark.parametrize("masked", [False, True])
def test_bidirectional_matches_keras(keras, kind, options, return_sequences, masked):
    rng = np.random.default_rng(11)
    fwd = random_cell(kind, 4, 3, seed=5, **options)
    bwd = random_cell(kind, 4, 3, seed=6, **options)
    xs = rng.standard_normal((3, 7, 4)).astype(np.float32)
    mask = np.array([[1] * 7, [1] * 4 + [0] * 3, [0] * 2 + [1] * 5], bool) if masked else None
    ours = run_bidirectional(fwd, bwd, xs, mask).output(return_sequences)
    inner = keras_layer(keras, fwd, return_sequences=return_sequences)
    layer = keras.layers.Bidirectional(inner)
    layer.build((None, None, 4))
    layer.set_weights([fwd.W_x, fwd.W_h, fwd.b, bwd.W_x, bwd.W_h, bwd.b])
    theirs = np.asarray(layer(xs, mask=mask))
    assert ours.shape == theirs.shape
    np.testing.assert_allclose(ours, theirs, atol=ATOL)


@pytest.mark.parametrize("kind", ["SimpleRNN", "LSTM", "GRU"])
def test_stacked_matches_keras(keras, kind):
    """Embedding-free version of the notes' deep RNN: RNN(64, return_sequences=True) then RNN(32)."""
    rng = np.random.default_rng(5)
    low, high = random_cell(kind, 10, 64, seed=1, scale=0.2), random_cell(kind, 64, 32, seed=2, scale=0.2)
    xs = rng.standard_normal((8, 6, 10)).astype(np.float32)
    mask = random_mask(rng, 8, 6)
    traces = run_stack([low, high], xs, mask)
    below = keras_layer(keras, low, return_sequences=True)(xs, mask=mask)
    theirs = np.asarray(keras_layer(keras, high)(below, mask=mask))
    np.testing.assert_allclose(layer_output(traces[-1], False), theirs, atol=ATOL)


@pytest.mark.parametrize("return_sequences,shape", [(False, (8, 3)), (True, (8, 2, 3))])
def test_notes_batch_of_8_shapes(keras, return_sequences, shape):
    """The notes' example: a batch of 8 sequences, 2 steps of 10 features, SimpleRNN(3)."""
    cell = random_cell("SimpleRNN", 10, 3)
    xs = np.random.default_rng(0).standard_normal((8, 2, 10)).astype(np.float32)
    ours = layer_output(run(cell, xs), return_sequences)
    theirs = np.asarray(keras_layer(keras, cell, return_sequences=return_sequences)(xs))
    assert ours.shape == theirs.shape == shape
    np.testing.assert_allclose(ours, theirs, atol=ATOL)


@pytest.mark.parametrize("activation", ["relu", "linear"])
def test_simple_rnn_other_activations(keras, activation):
    cell = random_cell("SimpleRNN", 3, 4, seed=9, scale=0.3, activation=activation)
    xs = np.random.default_rng(1).standard_normal((2, 5, 3)).astype(np.float32)
    theirs = np.asarray(keras_layer(keras, cell, return_sequences=True)(xs))
    np.testing.assert_allclose(run(cell, xs).h, theirs, atol=ATOL)


def test_scratch_loop_is_the_same_rnn(keras):
    """The notes' column-vector loop (10 steps, 4 inputs, 8 units) equals Keras' row-vector SimpleRNN."""
    from rnn_core.scratch import numpy_rnn_loop

    cell = random_cell("SimpleRNN", 4, 8, seed=4)
    inputs = np.random.default_rng(0).random((10, 4)).astype(np.float32)
    ours = numpy_rnn_loop(inputs, cell.W_x.T, cell.W_h.T, cell.b)
    theirs = np.asarray(keras_layer(keras, cell, return_sequences=True)(inputs[None]))[0]
    assert ours.shape == (10, 8)
    np.testing.assert_allclose(ours, theirs, atol=ATOL)
