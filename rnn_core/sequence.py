"""A cell applied over time: the unrolled RNN, masking, stacking and the bidirectional wrapper.

Shapes: inputs xs (B, T, d); a mask (B, T) of booleans, True where a step is real.
On a masked step the state is carried over unchanged, exactly as Keras does, so
the hidden state "freezes" on padding.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace

import numpy as np

from rnn_core.cells import Cell, Step, initial_state


@dataclass(frozen=True)
class Trace:
    """Every intermediate of a run, stacked over time: ``trace["f"]`` is (B, T, D) for an LSTM.

    Names are those of the cell's step record (SimpleRNN: z, h; LSTM: z, i, f, g, o, c, tanh_c, h;
    GRU: a_x, a_h, z, r, n, h). On masked steps the states (h, c) hold the carried values.
    """

    cell: Cell
    values: dict[str, np.ndarray]
    mask: np.ndarray  # (B, T) bool
    initial_state: tuple[np.ndarray, ...]  # each (B, D), the state before step 0
    final_state: tuple[np.ndarray, ...]  # each (B, D)

    def __getitem__(self, name: str) -> np.ndarray:
        return self.values[name]

    @property
    def h(self) -> np.ndarray:
        """All hidden states, (B, T, D)."""
        return self.values["h"]

    @property
    def steps(self) -> int:
        return self.mask.shape[1]

    def state_before(self, t: int) -> tuple[np.ndarray, ...]:
        """The state that step t started from, each (B, D): the initial state for t = 0."""
        if t == 0:
            return self.initial_state
        return tuple(self.values[name][:, t - 1] for name in self.cell.state_names)

    def step_at(self, t: int) -> Step:
        """The record of step t (the cell's step type, each field (B, ...)), as ``cell.step`` returned it
        (with the carried states on masked rows)."""
        return self.cell.step_type(**{name: v[:, t] for name, v in self.values.items()})


def full_mask(xs: np.ndarray) -> np.ndarray:
    """A mask that keeps every step of xs (B, T, ...): (B, T) of True."""
    return np.ones(xs.shape[:2], dtype=bool)


def run(cell: Cell, xs: np.ndarray, mask: np.ndarray | None = None,
        state: tuple[np.ndarray, ...] | None = None) -> Trace:
    """Unroll ``cell`` over xs (B, T, d) from ``state`` (zeros by default); returns the Trace."""
    if np.ndim(xs) != 3 or xs.shape[2] != cell.input_dim:
        raise ValueError(f"run: xs must be (B, T, d={cell.input_dim}), got shape {np.shape(xs)}")
    batch, steps, _ = xs.shape
    mask = full_mask(xs) if mask is None else np.asarray(mask, dtype=bool)
    if mask.shape != (batch, steps):
        raise ValueError(f"run: mask must be (B, T) = {(batch, steps)} like xs, got shape {mask.shape}")
    state = initial_state(cell, batch, xs.dtype) if state is None else tuple(state)
    start = state
    records = []
    for t in range(steps):
        record = cell.step(xs[:, t], state)
        keep = mask[:, t : t + 1]  # (B, 1): True where step t is real
        carried = {name: np.where(keep, new, old)
                   for name, new, old in zip(cell.state_names, record.state, state)}
        record = replace(record, **carried)
        state = record.state
        records.append(record)
    names = [f.name for f in fields(records[0])] if records else list(cell.state_names)
    values = {name: np.stack([getattr(r, name) for r in records], axis=1) if records
              else np.zeros((batch, 0, cell.units), xs.dtype) for name in names}  # (B, T, ...)
    return Trace(cell=cell, values=values, mask=mask, initial_state=start, final_state=state)


def layer_output(trace: Trace, return_sequences: bool) -> np.ndarray:
    """What a Keras RNN layer returns: all hidden states (B, T, D), or the last one (B, D)."""
    return trace.h if return_sequences else trace.final_state[0]


def run_stack(cells: list[Cell], xs: np.ndarray, mask: np.ndarray | None = None) -> list[Trace]:
    """A deep RNN: each layer reads the hidden states (B, T, D) of the layer below."""
    traces = []
    for cell in cells:
        trace = run(cell, xs, mask)
        traces.append(trace)
        xs = trace.h
    return traces


@dataclass(frozen=True)
class BidirectionalTrace:
    forward: Trace
    backward: Trace  # time-aligned with the input: backward["h"][:, t] is the state after reading x_t..x_T

    def output(self, return_sequences: bool) -> np.ndarray:
        """Forward and backward joined (concat): (B, T, 2D), or (B, 2D) without return_sequences.

        Keras' Bidirectional returns zeros on masked steps (``zero_output_for_mask``), while the
        states inside still carry over; we do the same.
        """
        if return_sequences:
            joined = np.concatenate([self.forward.h, self.backward.h], axis=-1)  # (B, T, 2D)
            return joined * self.forward.mask[:, :, None]
        return np.concatenate([self.forward.final_state[0], self.backward.final_state[0]], axis=-1)


def run_bidirectional(forward: Cell, backward: Cell, xs: np.ndarray,
                      mask: np.ndarray | None = None) -> BidirectionalTrace:
    """Read xs (B, T, d) left to right with one cell and right to left with another, as keras.layers.Bidirectional."""
    mask = full_mask(xs) if mask is None else np.asarray(mask, dtype=bool)
    fwd = run(forward, xs, mask)
    rev = run(backward, xs[:, ::-1], mask[:, ::-1])
    aligned = Trace(cell=rev.cell, values={k: v[:, ::-1] for k, v in rev.values.items()},
                    mask=mask, initial_state=rev.initial_state, final_state=rev.final_state)
    return BidirectionalTrace(forward=fwd, backward=aligned)
