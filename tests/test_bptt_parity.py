"""BPTT Jacobians and weight gradients against tf.GradientTape on the same Keras cells."""
from __future__ import annotations

import numpy as np
import pytest

from rnn_core.bptt import (clip_by_global_norm, clip_by_norm, hidden_jacobians_to_last, jacobians_to_last,
                           simple_rnn_gradients, spectral_norms)
from rnn_core.cells import random_cell
from rnn_core.sequence import run
from tests.test_cells_parity import KINDS, keras_layer

ATOL = 1e-5


def tape_jacobians(tf, keras, cell, xs, mask):
    """d h_{T-1} / d h_t for every t, unrolling the Keras cell by hand under a GradientTape."""
    layer = keras_layer(keras, cell)
    B, T, _ = xs.shape
    states = [tf.zeros((B, cell.units)) for _ in cell.state_names]
    hidden = []
    with tf.GradientTape(persistent=True) as tape:
        for t in range(T):
            _, new = layer.cell(tf.constant(xs[:, t]), states)
            keep = tf.constant(mask[:, t : t + 1])
            states = [tf.where(keep, n, o) for n, o in zip(new, states)]
            tape.watch(states[0])
            hidden.append(states[0])
    jac = [tape.batch_jacobian(hidden[-1], hidden[t]) for t in range(T - 1)]
    return np.stack([np.asarray(j) for j in jac], axis=1)  # (B, T-1, D, D)


@pytest.mark.parametrize("kind,options", KINDS)
@pytest.mark.parametrize("masked", [False, True])
def test_hidden_jacobians_match_gradient_tape(tf, keras, kind, options, masked):
    rng = np.random.default_rng(4)
    cell = random_cell(kind, 3, 5, seed=8, scale=0.6, **options)
    xs = rng.standard_normal((2, 7, 3)).astype(np.float32)
    mask = np.array([[1, 1, 0, 1, 1, 0, 1], [1] * 7], bool) if masked else np.ones((2, 7), bool)
    ours = hidden_jacobians_to_last(run(cell, xs, mask))
    theirs = tape_jacobians(tf, keras, cell, xs, mask)
    np.testing.assert_allclose(ours[:, :-1], theirs, atol=ATOL)
    np.testing.assert_allclose(ours[:, -1], np.broadcast_to(np.eye(5), (2, 5, 5)), atol=ATOL)


def test_jacobian_norms_vanish_and_explode():
    """Small recurrent weights shrink the gradient with distance, large ones (linear) make it grow."""
    xs = np.zeros((1, 30, 2), np.float32)
    small = random_cell("SimpleRNN", 2, 4, seed=1, scale=0.1)
    norms = spectral_norms(jacobians_to_last(run(small, xs)))[0]
    assert norms[0] < 1e-6 < norms[-2]
    big = random_cell("SimpleRNN", 2, 4, seed=1, scale=2.0, activation="linear")
    norms = spectral_norms(jacobians_to_last(run(big, xs)))[0]
    assert norms[0] > 1e6 * norms[-2]


@pytest.mark.parametrize("activation", ["tanh", "relu"])
@pytest.mark.parametrize("masked", [False, True])
def test_simple_rnn_weight_gradients_match_gradient_tape(tf, keras, activation, masked):
    rng = np.random.default_rng(2)
    cell = random_cell("SimpleRNN", 4, 6, seed=3, scale=0.4, activation=activation)
    xs = rng.standard_normal((3, 8, 4)).astype(np.float32)
    mask = rng.random((3, 8)) > 0.3 if masked else None
    upstream = rng.standard_normal((3, 8, 6)).astype(np.float32)  # L = sum(h * upstream)
    ours = simple_rnn_gradients(run(cell, xs, mask), xs, upstream)
    layer = keras_layer(keras, cell, return_sequences=True)
    x_var = tf.Variable(xs)
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(layer(x_var, mask=mask) * upstream)
    dW_x, dW_h, db, dx = tape.gradient(loss, [*layer.trainable_variables, x_var])
    np.testing.assert_allclose(ours.W_x, np.asarray(dW_x), atol=ATOL)
    np.testing.assert_allclose(ours.W_h, np.asarray(dW_h), atol=ATOL)
    np.testing.assert_allclose(ours.b, np.asarray(db), atol=ATOL)
    np.testing.assert_allclose(ours.xs, np.asarray(dx), atol=ATOL)


def test_clipping_matches_tensorflow(tf):
    rng = np.random.default_rng(0)
    grads = [rng.standard_normal((3, 4)).astype(np.float32) * 10, rng.standard_normal(4).astype(np.float32)]
    for max_norm in (0.5, 5.0, 1e6):
        np.testing.assert_allclose(clip_by_norm(grads[0], max_norm),
                                   np.asarray(tf.clip_by_norm(grads[0], max_norm)), atol=ATOL)
        ours, norm = clip_by_global_norm(grads, max_norm)
        theirs, their_norm = tf.clip_by_global_norm(grads, max_norm)
        assert norm == pytest.approx(float(their_norm), rel=1e-5)
        for a, b in zip(ours, theirs):
            np.testing.assert_allclose(a, np.asarray(b), atol=ATOL)


def test_spectral_radius_knob_and_distance_order():
    from rnn_core.bptt import norms_by_distance, spectral_radius, with_spectral_radius
    from rnn_core.toy import gradient_lab

    W = np.random.default_rng(0).standard_normal((6, 6))
    assert spectral_radius(with_spectral_radius(W, 1.7)) == pytest.approx(1.7)
    cell, xs = gradient_lab(units=8, steps=12, rho=0.5, activation="linear")
    assert spectral_radius(cell.W_h) == pytest.approx(0.5)
    norms = norms_by_distance(run(cell, xs))
    full = spectral_norms(hidden_jacobians_to_last(run(cell, xs))[0])
    np.testing.assert_allclose(norms, full[::-1])
    assert norms[0] == pytest.approx(1.0) and norms[-1] < norms[1]
    # a linear RNN's product of k Jacobians is (W_h^T)^k, whose norm is bounded by sigma_max^k
    assert np.all(norms <= np.linalg.norm(cell.W_h, 2) ** np.arange(12) + 1e-9)


def test_log_plot_clipping_says_when_it_moved_values():
    from ui.figures import PLOT_CEILING, PLOT_FLOOR, clip_for_log_plot

    values, moved = clip_for_log_plot(np.array([1.0, 1e-200, np.inf, np.nan, 1e200]))
    assert moved and values.min() == PLOT_FLOOR and values.max() == PLOT_CEILING
    assert not clip_for_log_plot(np.array([1.0, 0.5]))[1]
