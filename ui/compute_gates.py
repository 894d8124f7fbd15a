"""Lesson 6's numbers: one sentence through a trained LSTM or GRU, gate by gate, read once (``gate_view``);
the what-if runs with a gate held fixed (``forced_run``, from the view's token ids, never the raw text again);
and the claims the page states, each computed from those numbers (tests/test_claims_gates.py).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from rnn_core.gates import run_with_forced_gate
from ui.compute_gradients import Claim
from ui.matrices import signed_limits
from ui.models import digest_of, sentiment_model
from ui.state import MAX_TEXT

GATES = ("i", "f", "o", "z", "r")  # sigmoids: between 0 and 1
BOUNDED = ("g", "n", "h")  # tanh, or h = o * tanh(c) and the GRU's mix of values in (-1, 1): between -1 and 1
LONG_MEMORY = 0.5  # a unit "carries" its first-word content when at least this share survives the belt
FLIP = 0.5  # the models' verdict threshold (rnn_core.sentiment.label_of)


@dataclass(frozen=True)
class GateRun:
    values: dict[str, np.ndarray]  # name -> (T, D): gates, candidate, tanh(c), states of the one sentence
    probability: float  # p(positive) from the dense head on the last hidden state


@dataclass(frozen=True)
class GateView:
    """A trained LSTM or GRU on the learner's sentence, tokenised once."""

    name: str  # the model, e.g. 'en-lstm'
    kind: str  # LSTM or GRU
    tokens: list[str]  # the tokens it reads
    ids: tuple[int, ...]  # their ids: what the what-if runs read again
    run: GateRun  # the real run

    @property
    def values(self) -> dict[str, np.ndarray]:
        return self.run.values

    @property
    def probability(self) -> float:
        return self.run.probability

    @property
    def units(self) -> int:
        return self.values["h"].shape[1]

    @property
    def memory(self) -> str:
        """The state that carries memory: c for the LSTM, h for the GRU."""
        return "c" if self.kind == "LSTM" else "h"

    @property
    def liveliest_unit(self) -> int:
        """The unit (0-based) whose memory moves most over the sentence: the page starts on it."""
        return int(np.argmax(np.ptp(self.values[self.memory], axis=0)))


def gate_view(name: str, text: str) -> GateView | None:
    """Model ``name`` (a shipped LSTM or GRU) on ``text``; None when it reads no token. Raises ModelFileError."""
    return _gate_view(name, digest_of(name), text[:MAX_TEXT])


@st.cache_data(max_entries=256, show_spinner=False)
def _gate_view(name: str, digest: str, text: str) -> GateView | None:
    model = sentiment_model(name)
    tokens, ids, _ = model.encode(text)
    if not ids:
        return None
    return GateView(name=name, kind=model.network.recurrent.cell.kind, tokens=tokens, ids=tuple(ids),
                    run=_run(name, tuple(ids), None, 0.0, 0))


def forced_run(view: GateView, gate: str | None, value: float, start: int) -> GateRun:
    """The view's sentence with ``gate`` held at ``value`` from token ``start`` (0-based) on; None: the real run."""
    if gate is None:
        return view.run
    return _forced(view.name, digest_of(view.name), view.ids, gate, float(value), int(start))


@st.cache_data(max_entries=512, show_spinner=False)
def _forced(name: str, digest: str, ids: tuple[int, ...], gate: str, value: float, start: int) -> GateRun:
    return _run(name, ids, gate, value, start)


def _run(name: str, ids: tuple[int, ...], gate: str | None, value: float, start: int) -> GateRun:
    model = sentiment_model(name)
    xs = model.network.embedding(np.asarray([ids]))  # (1, T, E)
    trace = run_with_forced_gate(model.network.recurrent.cell, xs, gate, value, start)
    p = float(model.network.head(trace.h[:, -1])[0, 0])
    values = {k: v[0] for k, v in trace.values.items() if v.ndim == 3 and v.shape[-1] == trace.cell.units}
    return GateRun(values=values, probability=p)


# --- what the charts' ranges follow ------------------------------------------------------------------------

def colour_range(view: GateView, name: str) -> tuple[float, float]:
    """The heatmap's colour range for one quantity: gates 0..1; g, n, h -1..1; c symmetric, at least ±1."""
    if name in GATES:
        return 0.0, 1.0
    if name in BOUNDED:
        return -1.0, 1.0
    return signed_limits(view.values[name])


def unit_range(curves: dict[str, np.ndarray]) -> tuple[float, float]:
    """The y range of one unit's curves: symmetric around 0, at least ±1, holding every value (5% spare)."""
    reach = max([1.0] + [float(np.max(np.abs(v))) for v in curves.values() if len(v)])
    return -1.05 * reach, 1.05 * reach


# --- the claims --------------------------------------------------------------------------------------------

def open_unit(x: float) -> str:
    """A gate value, which lies strictly between 0 and 1, written with enough decimals (3 at least) that it
    reads as neither 0 nor 1: 0.99977 is "0.9998", not "1.000"."""
    for digits in range(3, 8):
        text = f"{x:.{digits}f}"
        if 0 < float(text) < 1:
            return text
    return f"{x:.8f}"


def gate_words(values: dict) -> dict:
    """A claim's values with its gate bounds (glow, ghigh, low, high) written by open_unit, for the page."""
    return {k: open_unit(v) if k in ("glow", "ghigh", "low", "high") else v for k, v in values.items()}


def range_claim(view: GateView) -> Claim:
    """Where the gates, h and c went on this sentence; "c_beyond" when c left ±1 in some unit, else "c_within"."""
    v = view.values
    gates = np.concatenate([v[g].ravel() for g in GATES if g in v])
    c = v.get("c", np.zeros((0, view.units)))
    beyond = int(np.sum(np.any(np.abs(c) > 1.0, axis=0)))
    values = dict(glow=float(gates.min()), ghigh=float(gates.max()), hlow=float(v["h"].min()),
                  hhigh=float(v["h"].max()), n=beyond, D=view.units)
    if view.kind == "LSTM":
        values.update(clow=float(c.min()), chigh=float(c.max()))
    return Claim("c_beyond" if beyond else "c_within", values)


def belt_claim(view: GateView) -> Claim | None:
    """The LSTM unit whose belt keeps most of its first-word content to the end: the product of its forget
    gates from word 2 on (the direct path c_1 -> c_T). "long" when it keeps at least LONG_MEMORY."""
    if view.kind != "LSTM" or len(view.tokens) < 2:
        return None
    kept = np.prod(view.values["f"][1:], axis=0)  # (D,)
    unit = int(np.argmax(kept))
    return Claim("long" if kept[unit] >= LONG_MEMORY else "short",
                 dict(unit=unit + 1, kept=float(kept[unit]), fmin=float(view.values["f"][1:, unit].min()),
                      steps=len(view.tokens) - 1))


def forget_claim(view: GateView, forgetful: GateRun) -> Claim:
    """The verdict with the LSTM's forget gate (the GRU's update gate) held at 0 from the first word, beside the
    real one: "flips" when it crosses the 0.5 threshold, else "same"."""
    p, q = view.probability, forgetful.probability
    return Claim("flips" if (p >= FLIP) != (q >= FLIP) else "same", dict(p=p, q=q))


def update_gate_claim(view: GateView) -> Claim:
    """The GRU's update gate over the sentence: its mean, lowest and highest value."""
    z = view.values["z"]
    return Claim("gru", dict(mean=float(z.mean()), low=float(z.min()), high=float(z.max())))


def kept_claim(forced: GateRun, step: int, unit: int) -> Claim:
    """With f = 0 at ``step``: does c_t equal i_t g_t (nothing kept of c_(t-1)) in this unit?"""
    c = float(forced.values["c"][step, unit])
    ig = float(forced.values["i"][step, unit] * forced.values["g"][step, unit])
    return Claim("nothing" if abs(c - ig) < 1e-6 else "all", dict(c=c, ig=ig, unit=unit + 1))
