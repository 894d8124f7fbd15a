"""What-if experiments on the gates: force a gate to a value from a chosen step on.

An LSTM step with a forced gate is the ordinary step with that gate's value replaced before
the cell and hidden states are formed (c = f*c_prev + i*g, h = o*tanh(c)); likewise for the
GRU's update and reset gates. With no override the result is exactly ``sequence.run``.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from rnn_core.cells import GRUCell, GRUStep, LSTMCell, LSTMStep, initial_state
from rnn_core.sequence import Trace, full_mask, run

LSTM_GATES = ("i", "f", "o")
GRU_GATES = ("z", "r")


def _forced_lstm_step(step: LSTMStep, c_prev: np.ndarray, gate: str, value: float) -> LSTMStep:
    gates = {"i": step.i, "f": step.f, "o": step.o} | {gate: np.full_like(step.f, value)}
    c = gates["f"] * c_prev + gates["i"] * step.g
    return replace(step, i=gates["i"], f=gates["f"], o=gates["o"], c=c, h=gates["o"] * np.tanh(c))


def _forced_gru_step(cell: GRUCell, x: np.ndarray, h_prev: np.ndarray, gate: str, value: float) -> GRUStep:
    step = cell.step(x, (h_prev,))
    z = np.full_like(step.z, value) if gate == "z" else step.z
    if gate == "r":
        r = np.full_like(step.r, value)
        x_n = np.split(step.a_x, 3, axis=-1)[2]
        h_n = np.split(step.a_h, 3, axis=-1)[2]
        W_hn = np.split(cell.W_h, 3, axis=1)[2]
        n = np.tanh(x_n + r * h_n) if cell.reset_after else np.tanh(x_n + (r * h_prev) @ W_hn)
        step = replace(step, r=r, n=n)
    return replace(step, z=z, h=z * h_prev + (1.0 - z) * step.n)


def run_with_forced_gate(cell: LSTMCell | GRUCell, xs: np.ndarray, gate: str | None, value: float,
                         start: int) -> Trace:
    """Unroll over xs (B, T, d) with ``gate`` held at ``value`` on steps t >= start (no mask)."""
    if gate is None:
        return run(cell, xs)
    allowed = LSTM_GATES if isinstance(cell, LSTMCell) else GRU_GATES
    if gate not in allowed:
        raise ValueError(f"gate must be one of {allowed}")
    state = initial_state(cell, xs.shape[0], xs.dtype)
    records = []
    for t in range(xs.shape[1]):
        if t < start:
            record = cell.step(xs[:, t], state)
        elif isinstance(cell, LSTMCell):
            record = _forced_lstm_step(cell.step(xs[:, t], state), state[1], gate, value)
        else:
            record = _forced_gru_step(cell, xs[:, t], state[0], gate, value)
        state = record.state
        records.append(record)
    names = records[0].__dataclass_fields__ if records else {}
    values = {name: np.stack([getattr(r, name) for r in records], axis=1) for name in names}
    return Trace(cell=cell, values=values, mask=full_mask(xs), initial_state=initial_state(cell, xs.shape[0], xs.dtype),
                 final_state=state)
