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
from rnn_core.cells import GRUCell, LSTMCell, SimpleRNNCell
from rnn_core.sequence import Trace


def _diag_times(v: np.ndarray, M: np.ndarray) -> np.ndarray:
    """diag(v) @ M for a batch: v (B, n), M (n, m) or (B, n, m) -> (B, n, m)."""
    return v[:, :, None] * M


def _state_at(trace: Trace, t: int) -> tuple[np.ndarray, ...]:
    """The state after step t, each (B, D); t = -1 is the initial state."""
    if t < 0:
        return trace.initial_state
    return tuple(trace.values[name][:, t] for name in trace.cell.state_names)


def simple_rnn_jacobian(cell: SimpleRNNCell, trace: Trace, t: int) -> np.ndarray:
    """d h_t / d h_{t-1} = diag(act'(z_t)) W_h^T, (B, D, D)."""
    slope = derivative_from_output(cell.activation, trace["h"][:, t])
    return _diag_times(slope, cell.W_h.T)


def lstm_jacobian(cell: LSTMCell, trace: Trace, t: int) -> np.ndarray:
    """d (h_t, c_t) / d (h_{t-1}, c_{t-1}), (B, 2D, 2D)."""
    _, c_prev = _state_at(trace, t - 1)
    i, f, g, o, c = (trace[k][:, t] for k in "ifgoc")
    W_i, W_f, W_g, W_o = np.split(cell.W_h, 4, axis=1)  # each (D, D)
    di = _diag_times(i * (1 - i), W_i.T)  # (B, D, D) d i_t / d h_{t-1}
    df = _diag_times(f * (1 - f), W_f.T)
    dg = _diag_times(1 - g**2, W_g.T)
    do = _diag_times(o * (1 - o), W_o.T)
    dc_dh = _diag_times(c_prev, df) + _diag_times(g, di) + _diag_times(i, dg)
    dc_dc = np.apply_along_axis(np.diag, 1, f)  # (B, D, D) diag(f)
    tanh_c = np.tanh(c)
    dh_dh = _diag_times(tanh_c, do) + _diag_times(o * (1 - tanh_c**2), dc_dh)
    dh_dc = _diag_times(o * (1 - tanh_c**2), dc_dc)
    top = np.concatenate([dh_dh, dh_dc], axis=2)
    bottom = np.concatenate([dc_dh, dc_dc], axis=2)
    return np.concatenate([top, bottom], axis=1)


def gru_jacobian(cell: GRUCell, trace: Trace, t: int) -> np.ndarray:
    """d h_t / d h_{t-1}, (B, D, D), for reset_after True (Keras default) or False."""
    (h_prev,) = _state_at(trace, t - 1)
    z, r, n = (trace[k][:, t] for k in "zrn")
    W_z, W_r, W_n = np.split(cell.W_h, 3, axis=1)  # each (D, D)
    dz = _diag_times(z * (1 - z), W_z.T)
    dr = _diag_times(r * (1 - r), W_r.T)
    if cell.reset_after:
        h_n = np.split(trace["a_h"][:, t], 3, axis=1)[2]  # h_{t-1} W_hn + b_hn, (B, D)
        da = _diag_times(h_n, dr) + _diag_times(r, W_n.T)
    else:
        da = W_n.T[None] @ (_diag_times(h_prev, dr) + np.apply_along_axis(np.diag, 1, r))
    dn = _diag_times(1 - n**2, da)
    eye = np.eye(cell.units, dtype=z.dtype)
    return _diag_times(z, eye) + _diag_times(h_prev - n, dz) + _diag_times(1 - z, dn)


def step_jacobian(trace: Trace, t: int) -> np.ndarray:
    """The state Jacobian of step t (identity where step t is masked), (B, S, S)."""
    cell = trace.cell
    if isinstance(cell, LSTMCell):
        J = lstm_jacobian(cell, trace, t)
    elif isinstance(cell, GRUCell):
        J = gru_jacobian(cell, trace, t)
    else:
        J = simple_rnn_jacobian(cell, trace, t)
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
class SimpleRNNGradients:
    """dL/dW_x (d, D), dL/dW_h (D, D), dL/db (D,), and dL/dx (B, T, d)."""

    W_x: np.ndarray
    W_h: np.ndarray
    b: np.ndarray
    xs: np.ndarray


def simple_rnn_gradients(trace: Trace, xs: np.ndarray, dL_dh: np.ndarray) -> SimpleRNNGradients:
    """BPTT for a SimpleRNN run on xs (B, T, d), given dL/dh_t for every output, (B, T, D).

    Walk back from the last step: add the loss gradient that arrives at h_t, pass it through
    the activation (dz), collect x_t^T dz and h_{t-1}^T dz, and send dz W_h^T on to h_{t-1}.
    A masked step copies its state, so it hands the gradient back unchanged.
    """
    cell: SimpleRNNCell = trace.cell
    grads = SimpleRNNGradients(W_x=np.zeros_like(cell.W_x), W_h=np.zeros_like(cell.W_h),
                               b=np.zeros_like(cell.b), xs=np.zeros_like(xs))
    dh = np.zeros_like(trace.h[:, 0])  # (B, D) gradient flowing into h_t from later steps
    for t in range(trace.steps - 1, -1, -1):
        dh = dh + dL_dh[:, t]
        real = trace.mask[:, t, None].astype(dh.dtype)  # (B, 1)
        dz = dh * real * derivative_from_output(cell.activation, trace.h[:, t])  # (B, D)
        (h_prev,) = _state_at(trace, t - 1)
        grads.W_x[...] += xs[:, t].T @ dz
        grads.W_h[...] += h_prev.T @ dz
        grads.b[...] += dz.sum(axis=0)
        grads.xs[:, t] = dz @ cell.W_x.T
        dh = dz @ cell.W_h.T + dh * (1 - real)
    return grads


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
