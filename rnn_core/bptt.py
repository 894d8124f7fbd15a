"""Backpropagation through time: step Jacobians, dh_T/dh_t, weight gradients, clipping.

A Jacobian ``J[b, i, j] = d s_t[i] / d s_{t-1}[j]`` for batch element b, where the state s is
h for SimpleRNN and GRU and the concatenation (h, c) for LSTM. The chain rule multiplies
them: d s_T / d s_t = J_T J_{T-1} ... J_{t+1}. When every factor shrinks a vector the product
vanishes; when every factor stretches it, it explodes (Pascanu, Mikolov and Bengio, 2013).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnn_core.activations import derivative_from_output
from rnn_core.cells import Cell, GRUCell, LSTMCell, SimpleRNNCell
from rnn_core.sequence import Trace


def _cell_jacobian(cell: Cell, trace: Trace, t: int) -> np.ndarray:
    """The cell's own Jacobian (cells.py, beside its step) at step t of the trace."""
    return cell.jacobian(trace.state_before(t), trace.step_at(t))


def simple_rnn_jacobian(cell: SimpleRNNCell, trace: Trace, t: int) -> np.ndarray:
    """d h_t / d h_{t-1} = diag(act'(z_t)) W_h^T, (B, D, D); see SimpleRNNCell.jacobian."""
    return _cell_jacobian(cell, trace, t)


def lstm_jacobian(cell: LSTMCell, trace: Trace, t: int) -> np.ndarray:
    """d (h_t, c_t) / d (h_{t-1}, c_{t-1}), (B, 2D, 2D); see LSTMCell.jacobian."""
    return _cell_jacobian(cell, trace, t)


def gru_jacobian(cell: GRUCell, trace: Trace, t: int) -> np.ndarray:
    """d h_t / d h_{t-1}, (B, D, D); see GRUCell.jacobian."""
    return _cell_jacobian(cell, trace, t)


def step_jacobian(trace: Trace, t: int) -> np.ndarray:
    """The state Jacobian of step t (identity where step t is masked), (B, S, S)."""
    J = _cell_jacobian(trace.cell, trace, t)
    eye = np.broadcast_to(np.eye(J.shape[1], dtype=J.dtype), J.shape)
    return np.where(trace.mask[:, t, None, None], J, eye)


def jacobians_to_last(trace: Trace) -> np.ndarray:
    """d s_{T-1} / d s_t for every t = 0..T-1 (the last one is the identity), (B, T, S, S)."""
    batch, steps = trace.mask.shape
    size = trace.cell.units * len(trace.cell.state_names)
    product = np.broadcast_to(np.eye(size, dtype=trace.h.dtype), (batch, size, size)).copy()
    out = np.empty((batch, steps, size, size), dtype=trace.h.dtype)
    for t in range(steps - 1, -1, -1):
        out[:, t] = product
        product = product @ step_jacobian(trace, t)
    return out


def hidden_jacobians_to_last(trace: Trace) -> np.ndarray:
    """d h_{T-1} / d h_t for every t, the hidden-state block of jacobians_to_last, (B, T, D, D)."""
    D = trace.cell.units
    return jacobians_to_last(trace)[:, :, :D, :D]


def spectral_norms(jacobians: np.ndarray) -> np.ndarray:
    """Largest singular value of each matrix: (..., n, m) -> (...)."""
    return np.linalg.norm(jacobians, ord=2, axis=(-2, -1))


@dataclass(frozen=True)
class LayerGradients:
    """BPTT through one recurrent layer: dL/dW_x (d, k*D), dL/dW_h (D, k*D), dL/db (shape of b),
    dL/dx_t for every step (B, T, d) and dL/dh_t, all that reaches h_t from the loss and from later steps, (B, T, D)."""

    W_x: np.ndarray
    W_h: np.ndarray
    b: np.ndarray
    xs: np.ndarray
    hs: np.ndarray


SimpleRNNGradients = LayerGradients  # the name the gradients lesson used first


def backprop_through_time(trace: Trace, xs: np.ndarray, dL_dh: np.ndarray) -> LayerGradients:
    """BPTT for any cell run on xs (B, T, d), given the loss gradient arriving at each output h_t, (B, T, D).

    Walk back from the last step: add the loss gradient that arrives at h_t to what comes back from
    step t+1, hand it to the cell's backward step, collect its weight gradients and send its
    dL/dstate_{t-1} on. A masked step copies its state, so it hands the gradient back unchanged
    and adds nothing to the weights.
    """
    cell = trace.cell
    if xs.shape[:2] != trace.mask.shape or dL_dh.shape != trace.h.shape:
        raise ValueError(f"backprop_through_time: xs must be (B, T, d) and dL_dh (B, T, D) = {trace.h.shape}, "
                         f"got {xs.shape} and {dL_dh.shape}")
    dW_x, dW_h, db = np.zeros_like(cell.W_x), np.zeros_like(cell.W_h), np.zeros_like(cell.b)
    dxs, dhs = np.zeros_like(xs), np.zeros_like(trace.h)  # (B, T, d), (B, T, D)
    dstate = tuple(np.zeros_like(s) for s in trace.final_state)  # each (B, D), from steps after t
    for t in range(trace.steps - 1, -1, -1):
        dstate = (dstate[0] + dL_dh[:, t], *dstate[1:])
        dhs[:, t] = dstate[0]
        keep = trace.mask[:, t, None]  # (B, 1): True where step t is real
        step = cell.backward(xs[:, t], trace.state_before(t), trace.step_at(t),
                             tuple(d * keep for d in dstate))
        dW_x += step.dW_x
        dW_h += step.dW_h
        db += step.db
        dxs[:, t] = step.dx
        dstate = tuple(np.where(keep, new, old) for new, old in zip(step.dstate, dstate))
    return LayerGradients(W_x=dW_x, W_h=dW_h, b=db, xs=dxs, hs=dhs)


def simple_rnn_gradients(trace: Trace, xs: np.ndarray, dL_dh: np.ndarray) -> LayerGradients:
    """BPTT for a SimpleRNN run on xs (B, T, d), given dL/dh_t for every output, (B, T, D).

    At each step: dz = dL/dh_t * act'(z_t); collect x_t^T dz and h_{t-1}^T dz, send dz W_h^T on to h_{t-1}.
    """
    return backprop_through_time(trace, xs, dL_dh)


def global_norm(arrays: list[np.ndarray]) -> float:
    """sqrt(sum of every squared entry), the norm tf.clip_by_global_norm uses."""
    return float(np.sqrt(sum(float(np.sum(np.square(a))) for a in arrays)))


def clip_by_norm(g: np.ndarray, max_norm: float) -> np.ndarray:
    """Rescale g so that its L2 norm is at most max_norm (direction unchanged), as tf.clip_by_norm."""
    norm = float(np.sqrt(np.sum(np.square(g))))
    return g if norm <= max_norm else g * (max_norm / norm)


def clip_by_global_norm(arrays: list[np.ndarray], max_norm: float) -> tuple[list[np.ndarray], float]:
    """Rescale all arrays together so their global norm is at most max_norm; returns (clipped, norm before)."""
    norm = global_norm(arrays)
    scale = 1.0 if norm <= max_norm else max_norm / norm
    return [a * scale for a in arrays], norm


def spectral_radius(W: np.ndarray) -> float:
    """Largest |eigenvalue| of a square matrix."""
    return float(np.max(np.abs(np.linalg.eigvals(W))))


def with_spectral_radius(W: np.ndarray, rho: float) -> np.ndarray:
    """W rescaled so that its spectral radius is rho (the knob of the vanishing/exploding lesson)."""
    return (W * (rho / spectral_radius(W))).astype(W.dtype)


def activation_slope_bound(activation: str) -> float:
    """gamma, the largest slope of the activation: tanh and ReLU 1, linear 1, sigmoid 1/4."""
    return 0.25 if activation == "sigmoid" else 1.0


def norms_by_distance(trace: Trace) -> np.ndarray:
    """||d h_{T-1} / d h_{T-1-k}||_2 for k = 0..T-1 (distance back in time), for batch element 0, (T,)."""
    return spectral_norms(hidden_jacobians_to_last(trace)[0])[::-1]


def state_norms_by_distance(trace: Trace, distances: np.ndarray | None = None) -> np.ndarray:
    """||d s_{T-1} / d s_{T-1-k}||_2 for k = 0..T-1 (or only the given distances), the whole state s (h, or
    (h, c) for an LSTM), batch element 0.

    This is what really carries the gradient back: for an LSTM, h alone leaves out the cell state's path.
    One walk back keeps only the running product (S, S), so a long text costs no memory per step; a
    norm (an SVD) is taken only at the distances asked for.
    """
    wanted = np.arange(trace.steps) if distances is None else np.asarray(distances)
    size = trace.cell.units * len(trace.cell.state_names)
    product = np.eye(size, dtype=trace.h.dtype)  # (S, S) d s_{T-1} / d s_{T-1-k}
    norms = np.empty(len(wanted))
    at = {int(k): i for i, k in enumerate(wanted)}
    last = int(wanted.max()) if len(wanted) else -1
    for k in range(last + 1):
        if k in at:
            norms[at[k]] = spectral_norms(product)
        if k < last:
            product = product @ step_jacobian(trace, trace.steps - 1 - k)[0]
    return norms


def forget_path_by_distance(trace: Trace) -> np.ndarray:
    """The LSTM's cell-state path on its own, batch element 0: (T,), entry k = max over units of the product of
    the last k forget gates, f_{T-1} ... f_{T-k} (1 for k = 0).

    Along c_t = f_t * c_{t-1} + i_t * g_t the direct route from c_{T-1-k} to c_{T-1} is diag(f_{T-1} ... f_{T-k}),
    whose norm is its largest entry. A masked step carries c unchanged: its factor is 1.
    """
    f = np.where(trace.mask[0, :, None], trace["f"][0], 1.0)  # (T, D)
    products = np.cumprod(f[::-1], axis=0)  # (T, D): row k-1 is f_{T-1} ... f_{T-k}
    return np.concatenate([[1.0], products.max(axis=1)[:-1]])


def pascanu_factor(cell: SimpleRNNCell) -> float:
    """gamma * sigma_max(W_h): every step Jacobian diag(act'(z)) W_h^T has at most this norm (Pascanu et al., 2013).

    Below 1 the gradient must vanish (sufficient); above 1 it may explode, but need not (necessary only).
    """
    return activation_slope_bound(cell.activation) * float(spectral_norms(cell.W_h[None])[0])


def saturated_units(trace: Trace, near: float = 0.99) -> np.ndarray:
    """How many units of a SimpleRNN have a slope act'(z) below 1 - near^2 at each step, batch element 0: (T,).

    For tanh that is |h| > near (0.99: tanh' < 0.02), a saturated unit that passes almost no gradient back;
    for ReLU, a unit that is off (h = 0, slope 0); a linear unit never saturates.
    """
    slopes = derivative_from_output(trace.cell.activation, trace.h[0])  # (T, D)
    return np.sum(slopes < 1.0 - near**2, axis=1)
