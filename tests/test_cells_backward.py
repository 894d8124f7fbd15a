"""Each cell's backward step against tf.GradientTape on the Keras cell, and against finite differences;
the shape checks of step and run."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from rnn_core.cells import random_cell
from rnn_core.sequence import run
from tests.test_cells_parity import KINDS, keras_layer

ATOL = 1e-5
CASES = KINDS + [("SimpleRNN", {"activation": "relu"}), ("SimpleRNN", {"activation": "linear"})]


def one_step(kind, options, seed=0, dtype=np.float32):
    """A cell, an input x (3, 4), a state and upstream gradients (one (3, 5) array per state)."""
    rng = np.random.default_rng(seed)
    cell = random_cell(kind, 4, 5, seed=seed, scale=0.6, **options)
    cell = replace(cell, W_x=cell.W_x.astype(dtype), W_h=cell.W_h.astype(dtype), b=cell.b.astype(dtype))
    x = rng.standard_normal((3, 4)).astype(dtype)
    state = tuple(rng.standard_normal((3, 5)).astype(dtype) for _ in cell.state_names)
    upstream = tuple(rng.standard_normal((3, 5)).astype(dtype) for _ in cell.state_names)
    return cell, x, state, upstream


@pytest.mark.parametrize("kind,options", CASES)
def test_backward_step_matches_gradient_tape(tf, keras, kind, options):
    """L = sum(state_t * upstream): our dL/dx, dL/dstate_{t-1}, dL/dW_x, dL/dW_h, dL/db equal the tape's."""
    cell, x, state, upstream = one_step(kind, options)
    ours = cell.backward(x, state, cell.step(x, state), upstream)
    layer = keras_layer(keras, cell)
    x_var, state_vars = tf.Variable(x), [tf.Variable(s) for s in state]
    with tf.GradientTape() as tape:
        _, new = layer.cell(x_var, state_vars)
        loss = sum(tf.reduce_sum(s * u) for s, u in zip(new, upstream))
    dx, *dstate, dW_x, dW_h, db = tape.gradient(loss, [x_var, *state_vars, *layer.cell.trainable_variables])
    np.testing.assert_allclose(ours.dx, np.asarray(dx), atol=ATOL)
    for mine, theirs in zip(ours.dstate, dstate, strict=True):
        np.testing.assert_allclose(mine, np.asarray(theirs), atol=ATOL)
    for mine, theirs in ((ours.dW_x, dW_x), (ours.dW_h, dW_h), (ours.db, db)):
        np.testing.assert_allclose(mine, np.asarray(theirs), atol=ATOL)


def numerical_gradient(f, a: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Central differences of the scalar f() with respect to every entry of a (changed in place, restored)."""
    grad = np.zeros_like(a)
    for index in np.ndindex(a.shape):
        keep = a[index]
        a[index] = keep + eps
        up = f()
        a[index] = keep - eps
        down = f()
        a[index] = keep
        grad[index] = (up - down) / (2 * eps)
    return grad


@pytest.mark.parametrize("kind,options", KINDS)
def test_backward_step_matches_finite_differences(kind, options):
    """In float64, without TensorFlow: nudge every input, state entry and weight and watch L move."""
    cell, x, state, upstream = one_step(kind, options, seed=3, dtype=np.float64)

    def loss() -> float:
        return sum(float(np.sum(s * u)) for s, u in zip(cell.step(x, state).state, upstream))

    ours = cell.backward(x, state, cell.step(x, state), upstream)
    pairs = [(ours.dx, x), *zip(ours.dstate, state), (ours.dW_x, cell.W_x), (ours.dW_h, cell.W_h), (ours.db, cell.b)]
    for mine, array in pairs:
        np.testing.assert_allclose(mine, numerical_gradient(loss, array), atol=1e-7)


@pytest.mark.parametrize("kind,options", KINDS)
def test_jacobian_is_the_backward_step_of_each_unit(kind, options):
    """Row j of d state_t / d state_{t-1} is dL/dstate_{t-1} for L = state_t[j]: two roads, one number."""
    cell, x, state, _ = one_step(kind, options, seed=5, dtype=np.float64)
    step = cell.step(x, state)
    J = cell.jacobian(state, step)  # (B, S, S)
    S = J.shape[1]
    for j in range(S):
        unit = np.zeros((3, S))
        unit[:, j] = 1.0
        back = cell.backward(x, state, step, tuple(np.split(unit, len(state), axis=1))).dstate
        np.testing.assert_allclose(np.concatenate(back, axis=1), J[:, j], atol=1e-12)


def test_lstm_records_tanh_of_the_cell_state():
    cell, x, state, _ = one_step("LSTM", {})
    step = cell.step(x, state)
    np.testing.assert_allclose(step.tanh_c, np.tanh(step.c))
    np.testing.assert_allclose(step.h, step.o * step.tanh_c)


@pytest.mark.parametrize("kind,options", KINDS)
def test_step_and_run_say_which_shape_they_expected(kind, options):
    cell, x, state, _ = one_step(kind, options)
    with pytest.raises(ValueError, match=r"x must be \(B, d=4\)"):
        cell.step(x[:, :3], state)
    with pytest.raises(ValueError, match=r"each \(B=3, D=5\)"):
        cell.step(x, tuple(s[:2] for s in state))
    with pytest.raises(ValueError, match="state must be"):
        cell.step(x, state + state)
    xs = np.zeros((3, 6, 4), np.float32)
    with pytest.raises(ValueError, match=r"xs must be \(B, T, d=4\)"):
        run(cell, xs[..., :2])
    with pytest.raises(ValueError, match=r"xs must be"):
        run(cell, x)
    with pytest.raises(ValueError, match=r"mask must be \(B, T\) = \(3, 6\)"):
        run(cell, xs, np.ones((3, 5), bool))
