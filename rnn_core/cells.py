"""One time step of SimpleRNN, LSTM and GRU, in Keras' weight layout: forward and backward side by side.

Every cell holds three arrays named after the equations:
``W_x`` (d, k*D) input weights, ``W_h`` (D, k*D) recurrent weights and ``b`` the bias,
where d is the input size, D the number of units and k the number of blocks
(1 for SimpleRNN, 4 for LSTM, 3 for GRU). Each cell has three methods:

- ``step(x, state)``: the forward step; returns a small record of every intermediate a lesson
  may show (nothing is computed again elsewhere);
- ``backward(x, state, step, dstate)``: the chain rule through that step, from the record;
- ``jacobian(state, step)``: d state_t / d state_{t-1}, the factor BPTT multiplies.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from rnn_core.activations import ACTIVATIONS, derivative_from_output, sigmoid


def _blocks(a: np.ndarray, k: int) -> list[np.ndarray]:
    """Split the last axis into k equal gate blocks, in Keras' order."""
    return np.split(a, k, axis=-1)


def _diag_times(v: np.ndarray, M: np.ndarray) -> np.ndarray:
    """diag(v) @ M for a batch: v (B, n), M (n, m) or (B, n, m) -> (B, n, m)."""
    return v[:, :, None] * M


def _diag(v: np.ndarray) -> np.ndarray:
    """A batch of diagonal matrices: v (B, n) -> (B, n, n)."""
    return _diag_times(v, np.eye(v.shape[1], dtype=v.dtype))


@dataclass(frozen=True)
class StepGradients:
    """What one backward step returns: dL/dx_t (B, d), dL/dstate_{t-1} (each (B, D)),
    and this step's contributions dL/dW_x (d, k*D), dL/dW_h (D, k*D), dL/db (shape of b)."""

    dx: np.ndarray
    dstate: tuple[np.ndarray, ...]
    dW_x: np.ndarray
    dW_h: np.ndarray
    db: np.ndarray


class _Sizes:
    """d and D read off the weights (W_x is (d, k*D), W_h is (D, k*D)), and the shape check of a step."""

    @property
    def units(self) -> int:
        return self.W_h.shape[0]

    @property
    def input_dim(self) -> int:
        return self.W_x.shape[0]

    def check(self, x: np.ndarray, state: tuple[np.ndarray, ...]) -> None:
        """Raise ValueError unless x is (B, d) and state holds one (B, D) array per state name."""
        d, D = self.input_dim, self.units
        if np.ndim(x) != 2 or np.shape(x)[1] != d:
            raise ValueError(f"{self.kind} step: x must be (B, d={d}), got shape {np.shape(x)}")
        B = np.shape(x)[0]
        if len(state) != len(self.state_names) or any(np.shape(s) != (B, D) for s in state):
            raise ValueError(f"{self.kind} step: state must be {self.state_names}, each (B={B}, D={D}), "
                             f"got shapes {[np.shape(s) for s in state]}")

    def _affine_backward(self, x: np.ndarray, h_prev: np.ndarray, da: np.ndarray) -> StepGradients:
        """Back through a = x W_x + h_prev W_h + b, given da = dL/da (B, k*D); dstate holds dL/dh_prev."""
        return StepGradients(dx=da @ self.W_x.T, dstate=(da @ self.W_h.T,), dW_x=x.T @ da,
                             dW_h=h_prev.T @ da, db=da.sum(axis=0))


@dataclass(frozen=True)
class SimpleRNNStep:
    """z = x W_x + h_prev W_h + b (pre-activation); h = act(z). Each (B, D)."""

    z: np.ndarray
    h: np.ndarray

    @property
    def state(self) -> tuple[np.ndarray, ...]:
        return (self.h,)


@dataclass(frozen=True)
class SimpleRNNCell(_Sizes):
    """h_t = act(x_t W_x + h_{t-1} W_h + b), with W_x (d, D), W_h (D, D), b (D,)."""

    W_x: np.ndarray
    W_h: np.ndarray
    b: np.ndarray
    activation: str = "tanh"
    kind: ClassVar[str] = "SimpleRNN"
    state_names: ClassVar[tuple[str, ...]] = ("h",)
    step_type: ClassVar[type] = SimpleRNNStep

    def step(self, x: np.ndarray, state: tuple[np.ndarray, ...]) -> SimpleRNNStep:
        """x (B, d), state (h_prev,) with h_prev (B, D)."""
        self.check(x, state)
        (h_prev,) = state
        z = x @ self.W_x + h_prev @ self.W_h + self.b  # (B, D)
        return SimpleRNNStep(z=z, h=ACTIVATIONS[self.activation](z))

    def backward(self, x: np.ndarray, state: tuple[np.ndarray, ...], step: SimpleRNNStep,
                 dstate: tuple[np.ndarray, ...]) -> StepGradients:
        """dstate = (dL/dh_t,): dz = dL/dh_t * act'(z), then back through z = x W_x + h_prev W_h + b."""
        (dh,) = dstate
        dz = dh * derivative_from_output(self.activation, step.h)  # (B, D)
        return self._affine_backward(x, state[0], dz)

    def jacobian(self, state: tuple[np.ndarray, ...], step: SimpleRNNStep) -> np.ndarray:
        """d h_t / d h_{t-1} = diag(act'(z_t)) W_h^T, (B, D, D)."""
        return _diag_times(derivative_from_output(self.activation, step.h), self.W_h.T)


@dataclass(frozen=True)
class LSTMStep:
    """Gates i, f, o (sigmoid), candidate g (tanh), cell state c, tanh(c) and hidden state h. Each (B, D)."""

    z: np.ndarray  # (B, 4D) all pre-activations, blocks i, f, g, o
    i: np.ndarray
    f: np.ndarray
    g: np.ndarray
    o: np.ndarray
    c: np.ndarray
    tanh_c: np.ndarray
    h: np.ndarray

    @property
    def state(self) -> tuple[np.ndarray, ...]:
        return (self.h, self.c)


@dataclass(frozen=True)
class LSTMCell(_Sizes):
    """Keras LSTM: W_x (d, 4D), W_h (D, 4D), b (4D,), blocks in the order i, f, g(=c), o.

    i = sigmoid(x W_xi + h W_hi + b_i)   input gate
    f = sigmoid(x W_xf + h W_hf + b_f)   forget gate
    g = tanh(x W_xg + h W_hg + b_g)      candidate
    o = sigmoid(x W_xo + h W_ho + b_o)   output gate
    c_t = f * c_{t-1} + i * g            the conveyor belt
    h_t = o * tanh(c_t)
    """

    W_x: np.ndarray
    W_h: np.ndarray
    b: np.ndarray
    kind: ClassVar[str] = "LSTM"
    state_names: ClassVar[tuple[str, ...]] = ("h", "c")
    step_type: ClassVar[type] = LSTMStep

    def step(self, x: np.ndarray, state: tuple[np.ndarray, ...]) -> LSTMStep:
        """x (B, d), state (h_prev, c_prev), each (B, D)."""
        self.check(x, state)
        h_prev, c_prev = state
        z = x @ self.W_x + h_prev @ self.W_h + self.b  # (B, 4D)
        z_i, z_f, z_g, z_o = _blocks(z, 4)
        return self.combine(z, sigmoid(z_i), sigmoid(z_f), np.tanh(z_g), sigmoid(z_o), c_prev)

    @staticmethod
    def combine(z: np.ndarray, i: np.ndarray, f: np.ndarray, g: np.ndarray, o: np.ndarray,
                c_prev: np.ndarray) -> LSTMStep:
        """The states from the gates: c_t = f * c_{t-1} + i * g, h_t = o * tanh(c_t)."""
        c = f * c_prev + i * g  # (B, D)
        tanh_c = np.tanh(c)
        return LSTMStep(z=z, i=i, f=f, g=g, o=o, c=c, tanh_c=tanh_c, h=o * tanh_c)

    def backward(self, x: np.ndarray, state: tuple[np.ndarray, ...], step: LSTMStep,
                 dstate: tuple[np.ndarray, ...]) -> StepGradients:
        """dstate = (dL/dh_t, dL/dc_t from later steps). Through h = o tanh(c) and c = f c_prev + i g:

        dc = dL/dc_t + dL/dh_t * o * (1 - tanh(c)^2)     everything that reaches c_t
        do = dL/dh_t * tanh(c), di = dc * g, df = dc * c_prev, dg = dc * i, dL/dc_prev = dc * f
        then through each gate's activation to the pre-activations z (B, 4D).
        """
        h_prev, c_prev = state
        dh, dc_later = dstate
        s = step
        dc = dc_later + dh * s.o * (1 - s.tanh_c**2)  # (B, D)
        dz = np.concatenate([dc * s.g * s.i * (1 - s.i),  # (B, 4D) blocks i, f, g, o
                             dc * c_prev * s.f * (1 - s.f),
                             dc * s.i * (1 - s.g**2),
                             dh * s.tanh_c * s.o * (1 - s.o)], axis=1)
        grads = self._affine_backward(x, h_prev, dz)
        return StepGradients(grads.dx, (grads.dstate[0], dc * s.f), grads.dW_x, grads.dW_h, grads.db)

    def jacobian(self, state: tuple[np.ndarray, ...], step: LSTMStep) -> np.ndarray:
        """d (h_t, c_t) / d (h_{t-1}, c_{t-1}), (B, 2D, 2D)."""
        _, c_prev = state
        i, f, g, o, tanh_c = step.i, step.f, step.g, step.o, step.tanh_c
        W_i, W_f, W_g, W_o = _blocks(self.W_h, 4)  # each (D, D)
        di = _diag_times(i * (1 - i), W_i.T)  # (B, D, D) d i_t / d h_{t-1}
        df = _diag_times(f * (1 - f), W_f.T)
        dg = _diag_times(1 - g**2, W_g.T)
        do = _diag_times(o * (1 - o), W_o.T)
        dc_dh = _diag_times(c_prev, df) + _diag_times(g, di) + _diag_times(i, dg)
        dc_dc = _diag(f)
        dh_dh = _diag_times(tanh_c, do) + _diag_times(o * (1 - tanh_c**2), dc_dh)
        dh_dc = _diag_times(o * (1 - tanh_c**2), dc_dc)
        top = np.concatenate([dh_dh, dh_dc], axis=2)
        bottom = np.concatenate([dc_dh, dc_dc], axis=2)
        return np.concatenate([top, bottom], axis=1)


@dataclass(frozen=True)
class GRUStep:
    """Update gate z, reset gate r, candidate n and hidden state h. Each (B, D)."""

    a_x: np.ndarray  # (B, 3D) input part x W_x (+ input bias), blocks z, r, n
    a_h: np.ndarray  # (B, 3D) recurrent part h W_h (+ recurrent bias); block n before the reset
    z: np.ndarray
    r: np.ndarray
    n: np.ndarray
    h: np.ndarray

    @property
    def state(self) -> tuple[np.ndarray, ...]:
        return (self.h,)


@dataclass(frozen=True)
class GRUCell(_Sizes):
    """Keras GRU: W_x (d, 3D), W_h (D, 3D), blocks in the order z, r, n.

    z = sigmoid(x W_xz + h W_hz + b_z)            update gate (forget and input merged)
    r = sigmoid(x W_xr + h W_hr + b_r)            reset gate
    reset_after=True  (Keras default, b is (2, 3D): input and recurrent biases):
        n = tanh(x W_xn + b_xn + r * (h W_hn + b_hn))
    reset_after=False (b is (3D,)):
        n = tanh(x W_xn + (r * h) W_hn + b_n)
    h_t = z * h_{t-1} + (1 - z) * n
    """

    W_x: np.ndarray
    W_h: np.ndarray
    b: np.ndarray
    reset_after: bool = True
    kind: ClassVar[str] = "GRU"
    state_names: ClassVar[tuple[str, ...]] = ("h",)
    step_type: ClassVar[type] = GRUStep

    def _biases(self) -> tuple[np.ndarray, np.ndarray]:
        """(input bias, recurrent bias), each (3D,)."""
        if self.reset_after:
            return self.b[0], self.b[1]
        return self.b, np.zeros_like(self.b)

    def step(self, x: np.ndarray, state: tuple[np.ndarray, ...]) -> GRUStep:
        """x (B, d), state (h_prev,) with h_prev (B, D)."""
        self.check(x, state)
        (h_prev,) = state
        b_x, b_h = self._biases()
        a_x = x @ self.W_x + b_x  # (B, 3D)
        a_h = h_prev @ self.W_h + b_h  # (B, 3D)
        x_z, x_r, _ = _blocks(a_x, 3)
        h_z, h_r, _ = _blocks(a_h, 3)
        return self.combine(a_x, a_h, sigmoid(x_z + h_z), sigmoid(x_r + h_r), h_prev)

    def combine(self, a_x: np.ndarray, a_h: np.ndarray, z: np.ndarray, r: np.ndarray,
                h_prev: np.ndarray) -> GRUStep:
        """The candidate n from the reset gate, then h_t = z * h_{t-1} + (1 - z) * n."""
        x_n, h_n = _blocks(a_x, 3)[2], _blocks(a_h, 3)[2]
        if self.reset_after:
            n = np.tanh(x_n + r * h_n)  # (B, D)
        else:
            n = np.tanh(x_n + (r * h_prev) @ _blocks(self.W_h, 3)[2])
        return GRUStep(a_x=a_x, a_h=a_h, z=z, r=r, n=n, h=z * h_prev + (1.0 - z) * n)

    def backward(self, x: np.ndarray, state: tuple[np.ndarray, ...], step: GRUStep,
                 dstate: tuple[np.ndarray, ...]) -> StepGradients:
        """dstate = (dL/dh_t,). Through h = z h_prev + (1 - z) n, then each gate's activation:

        dz = dh (h_prev - n) z (1 - z),  dn = dh (1 - z) (1 - n^2)   (at the pre-activations)
        reset_after:  n's pre-activation is x_n + r * h_n, so dr = dn * h_n * r (1 - r) and h_n gets dn * r
        otherwise:    it is x_n + (r * h_prev) W_hn, so d(r h_prev) = dn W_hn^T
        """
        (h_prev,) = state
        (dh,) = dstate
        z, r, n = step.z, step.r, step.n
        dz = dh * (h_prev - n) * z * (1 - z)  # (B, D)
        dn = dh * (1 - z) * (1 - n**2)  # (B, D)
        if self.reset_after:
            dr = dn * _blocks(step.a_h, 3)[2] * r * (1 - r)
            da_h = np.concatenate([dz, dr, dn * r], axis=1)  # (B, 3D) dL/da_h
            dW_h, dh_prev = h_prev.T @ da_h, da_h @ self.W_h.T
        else:
            W_hzr, W_hn = self.W_h[:, : 2 * self.units], _blocks(self.W_h, 3)[2]
            d_rh = dn @ W_hn.T  # (B, D) dL/d(r * h_prev)
            dr = d_rh * h_prev * r * (1 - r)
            da_zr = np.concatenate([dz, dr], axis=1)  # (B, 2D)
            dW_h = np.concatenate([h_prev.T @ da_zr, (r * h_prev).T @ dn], axis=1)
            dh_prev = da_zr @ W_hzr.T + d_rh * r
        da_x = np.concatenate([dz, dr, dn], axis=1)  # (B, 3D) dL/da_x
        db = np.stack([da_x.sum(axis=0), da_h.sum(axis=0)]) if self.reset_after else da_x.sum(axis=0)
        return StepGradients(dx=da_x @ self.W_x.T, dstate=(dh * z + dh_prev,), dW_x=x.T @ da_x,
                             dW_h=dW_h, db=db)

    def jacobian(self, state: tuple[np.ndarray, ...], step: GRUStep) -> np.ndarray:
        """d h_t / d h_{t-1}, (B, D, D), for reset_after True (Keras default) or False."""
        (h_prev,) = state
        z, r, n = step.z, step.r, step.n
        W_z, W_r, W_n = _blocks(self.W_h, 3)  # each (D, D)
        dz = _diag_times(z * (1 - z), W_z.T)
        dr = _diag_times(r * (1 - r), W_r.T)
        if self.reset_after:
            h_n = _blocks(step.a_h, 3)[2]  # h_{t-1} W_hn + b_hn, (B, D)
            da = _diag_times(h_n, dr) + _diag_times(r, W_n.T)
        else:
            da = W_n.T[None] @ (_diag_times(h_prev, dr) + _diag(r))
        dn = _diag_times(1 - n**2, da)
        return _diag(z) + _diag_times(h_prev - n, dz) + _diag_times(1 - z, dn)


Cell = SimpleRNNCell | LSTMCell | GRUCell
Step = SimpleRNNStep | LSTMStep | GRUStep


def initial_state(cell: Cell, batch: int, dtype=np.float32) -> tuple[np.ndarray, ...]:
    """Zeros for every state the cell carries: (h,) or (h, c), each (B, D)."""
    return tuple(np.zeros((batch, cell.units), dtype=dtype) for _ in cell.state_names)


def random_cell(kind: str, input_dim: int, units: int, seed: int = 0, scale: float = 0.5, **options) -> Cell:
    """A cell of the given kind ('SimpleRNN', 'LSTM', 'GRU') with reproducible random float32 weights."""
    rng = np.random.default_rng(seed)
    blocks = {"SimpleRNN": 1, "LSTM": 4, "GRU": 3}[kind]
    W_x = (rng.standard_normal((input_dim, blocks * units)) * scale).astype(np.float32)
    W_h = (rng.standard_normal((units, blocks * units)) * scale).astype(np.float32)
    if kind == "GRU" and options.get("reset_after", True):
        b = (rng.standard_normal((2, blocks * units)) * 0.1).astype(np.float32)
    else:
        b = (rng.standard_normal(blocks * units) * 0.1).astype(np.float32)
    cls = {"SimpleRNN": SimpleRNNCell, "LSTM": LSTMCell, "GRU": GRUCell}[kind]
    return cls(W_x=W_x, W_h=W_h, b=b, **options)
