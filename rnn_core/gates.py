"""What-if experiments on the gates: force a gate to a value from a chosen step on.

A step with a forced gate is the cell's own step with that gate's value replaced before the
states are formed: the LSTM's ``combine`` (c = f*c_prev + i*g, h = o*tanh(c)) or the GRU's
(candidate n from the reset gate, h = z*h_prev + (1-z)*n) runs on the replaced gate. The forced
cell is an ordinary cell for ``sequence.run``, which unrolls it from step ``start`` on.
With no override the result is exactly ``sequence.run``.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from rnn_core.cells import GRUCell, GRUStep, LSTMCell, LSTMStep
from rnn_core.sequence import Trace, run

LSTM_GATES = ("i", "f", "o")
GRU_GATES = ("z", "r")


@dataclass(frozen=True)
class ForcedGateCell:
    """``cell`` with ``gate`` held at ``value`` on every step (the same weights, sizes and state names)."""

    cell: LSTMCell | GRUCell
    gate: str
    value: float

    @property
    def units(self) -> int:
        return self.cell.units

    @property
    def input_dim(self) -> int:
        return self.cell.input_dim

    @property
    def state_names(self) -> tuple[str, ...]:
        return self.cell.state_names

    def step(self, x: np.ndarray, state: tuple[np.ndarray, ...]) -> LSTMStep | GRUStep:
        """x (B, d), state as the cell's; the cell's step, then its combine with one gate replaced."""
        real = self.cell.step(x, state)
        forced = {self.gate: np.full_like(getattr(real, self.gate), self.value)}  # (B, D)
        if isinstance(self.cell, LSTMCell):
            gates = {"i": real.i, "f": real.f, "o": real.o} | forced
            return self.cell.combine(real.z, gates["i"], gates["f"], real.g, gates["o"], state[1])
        gates = {"z": real.z, "r": real.r} | forced
        return self.cell.combine(real.a_x, real.a_h, gates["z"], gates["r"], state[0])


def _joined(first: Trace, second: Trace) -> Trace:
    """Two runs one after the other (the second started from the first's final state), as one Trace."""
    values = {name: np.concatenate([first.values[name], second.values[name]], axis=1) for name in first.values}
    return replace(first, values=values, mask=np.concatenate([first.mask, second.mask], axis=1),
                   final_state=second.final_state)


def run_with_forced_gate(cell: LSTMCell | GRUCell, xs: np.ndarray, gate: str | None, value: float,
                         start: int) -> Trace:
    """Unroll over xs (B, T, d) with ``gate`` held at ``value`` on steps t >= start (no mask)."""
    if gate is None:
        return run(cell, xs)
    allowed = LSTM_GATES if isinstance(cell, LSTMCell) else GRU_GATES
    if gate not in allowed:
        raise ValueError(f"gate must be one of {allowed}")
    forced = ForcedGateCell(cell, gate, value)
    if start <= 0:
        return replace(run(forced, xs), cell=cell)
    before = run(cell, xs[:, :start])  # (B, start, ...) the real cell
    if start >= xs.shape[1]:
        return before
    after = run(forced, xs[:, start:], state=before.final_state)  # (B, T - start, ...)
    return _joined(before, replace(after, cell=cell))
