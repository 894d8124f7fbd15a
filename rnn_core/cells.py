"""One time step of SimpleRNN, LSTM and GRU, in Keras' weight layout.

Every cell holds three arrays named after the equations:
``W_x`` (d, k*D) input weights, ``W_h`` (D, k*D) recurrent weights and ``b`` the bias,
where d is the input size, D the number of units and k the number of blocks
(1 for SimpleRNN, 4 for LSTM, 3 for GRU). ``step`` returns a small record of every
intermediate a lesson may show; nothing is computed again elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from rnn_core.activations import ACTIVATIONS, sigmoid


def _blocks(a: np.ndarray, k: int) -> list[np.ndarray]:
    """Split the last axis into k equal gate blocks, in Keras' order."""
    return np.split(a, k, axis=-1)


class _Sizes:
    """d and D read off the weights: W_x is (d, k*D) and W_h is (D, k*D)."""

    @property
    def units(self) -> int:
        return self.W_h.shape[0]

    @property
    def input_dim(self) -> int:
        return self.W_x.shape[0]


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

    def step(self, x: np.ndarray, state: tuple[np.ndarray, ...]) -> SimpleRNNStep:
        """x (B, d), state (h_prev,) with h_prev (B, D)."""
        (h_prev,) = state
        z = x @ self.W_x + h_prev @ self.W_h + self.b  # (B, D)
        return SimpleRNNStep(z=z, h=ACTIVATIONS[self.activation](z))


@dataclass(frozen=True)
class LSTMStep:
    """Gates i, f, o (sigmoid), candidate g (tanh), cell state c and hidden state h. Each (B, D)."""

    z: np.ndarray  # (B, 4D) all pre-activations, blocks i, f, g, o
    i: np.ndarray
    f: np.ndarray
    g: np.ndarray
    o: np.ndarray
    c: np.ndarray
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

    def step(self, x: np.ndarray, state: tuple[np.ndarray, ...]) -> LSTMStep:
        """x (B, d), state (h_prev, c_prev), each (B, D)."""
        h_prev, c_prev = state
        z = x @ self.W_x + h_prev @ self.W_h + self.b  # (B, 4D)
        z_i, z_f, z_g, z_o = _blocks(z, 4)
        i, f, g, o = sigmoid(z_i), sigmoid(z_f), np.tanh(z_g), sigmoid(z_o)
        c = f * c_prev + i * g
        return LSTMStep(z=z, i=i, f=f, g=g, o=o, c=c, h=o * np.tanh(c))


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

    def _biases(self) -> tuple[np.ndarray, np.ndarray]:
        """(input bias, recurrent bias), each (3D,)."""
        if self.reset_after:
            return self.b[0], self.b[1]
        return self.b, np.zeros_like(self.b)

    def step(self, x: np.ndarray, state: tuple[np.ndarray, ...]) -> GRUStep:
        """x (B, d), state (h_prev,) with h_prev (B, D)."""
        (h_prev,) = state
        b_x, b_h = self._biases()
        a_x = x @ self.W_x + b_x  # (B, 3D)
        a_h = h_prev @ self.W_h + b_h  # (B, 3D)
        x_z, x_r, x_n = _blocks(a_x, 3)
        h_z, h_r, h_n = _blocks(a_h, 3)
        z = sigmoid(x_z + h_z)
        r = sigmoid(x_r + h_r)
        if self.reset_after:
            n = np.tanh(x_n + r * h_n)
        else:
            W_hn = _blocks(self.W_h, 3)[2]
            n = np.tanh(x_n + (r * h_prev) @ W_hn)
        return GRUStep(a_x=a_x, a_h=a_h, z=z, r=r, n=n, h=z * h_prev + (1.0 - z) * n)


Cell = SimpleRNNCell | LSTMCell | GRUCell


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
