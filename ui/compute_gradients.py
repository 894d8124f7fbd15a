"""Lesson 5's numbers and the sentences that state them: each claim is computed here from the numbers drawn.

Three views, one dataclass each: the toy SimpleRNN's walk back through time (``gradient_lab``), the trained
sentiment models on the learner's sentence (``sentence_view``) and the memory task trained live in the pool
(``memory_job``). A ``Claim`` is a key (which sentence of the i18n tables) and the values it states; the page
only translates it, so a sentence can never say more than its numbers (tests/test_claims_gradients.py).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np
import streamlit as st

from rnn_core.activations import derivative_from_output
from rnn_core.assets import ModelFileError
from rnn_core.bptt import (activation_slope_bound, clip_by_global_norm, forget_path_by_distance, global_norm,
                           norms_by_distance, pascanu_factor, saturated_units, simple_rnn_gradients, spectral_norms,
                           spectral_radius, state_norms_by_distance, step_jacobian)
from rnn_core.learn import train_memory_task
from rnn_core.saliency import input_saliency, memory_reach
from rnn_core.sentiment import CELLS
from rnn_core.sequence import run
from rnn_core.toy import gradient_lab as toy_gradient_lab
from ui.models import digest_of, sentiment_model
from ui.state import MAX_TEXT
from workers import trainer
from workers.trainer import TooManyJobs, place  # noqa: F401 - the page reads the pool through this module

VERDICT_DISTANCE = 20  # the toy lab's verdict looks this many steps back (or as far as the sequence goes)
VANISHED, EXPLODED = 0.01, 100.0  # a norm below / above these, relative to the last step, vanished / exploded
MARGIN = 2.0  # one cell "keeps more" than another only when its number is at least this many times larger
GATED = ("LSTM", "GRU")
MEMORY_CELLS = ("SimpleRNN", "LSTM", "GRU")
MEMORY_SEED = 0  # the memory task's seed: the same link, the same networks
STATE_POINTS = 40  # distances at which a long text's whole-state norm is taken (each is an SVD)


@dataclass(frozen=True)
class Claim:
    """A sentence the page states: its key (the last part of an i18n key) and the numbers it puts in."""

    key: str
    values: dict = field(default_factory=dict)


def clearly_below(a: float, b: float) -> bool:
    """a is at most b / MARGIN: the one comparison behind every "keeps more" the lesson states."""
    return a * MARGIN <= b


def fate(norms: np.ndarray, distance: int = VERDICT_DISTANCE) -> Claim:
    """What happens to the gradient ``distance`` steps back (or at the far end): vanish, keep or explode. A kept
    gradient ``grows`` (ratio >= 1) or shrinks: the page says which, and that it stays within the bands."""
    k = min(distance, len(norms) - 1)
    ratio = float(norms[k])
    if not np.isfinite(ratio) or ratio > EXPLODED:
        key = "explode"
    else:
        key = "vanish" if ratio < VANISHED else "keep"
    return Claim(key, {"k": k, "ratio": ratio if np.isfinite(ratio) else float("inf"), "grows": ratio >= 1,
                       "low": VANISHED, "high": EXPLODED})


# --- the toy SimpleRNN: spectral radius, activation, saturation ---------------------------------------

@dataclass(frozen=True)
class Walk:
    """One activation on the lab's weights and inputs, walked back from h_T."""

    activation: str
    norms: np.ndarray  # (T,) ||dh_T / dh_(T-k)|| for k = 0..T-1
    factors: np.ndarray  # (T,) ||J|| of the k-th Jacobian walking back
    saturated: float  # units per step, on average, whose slope act'(z) is below 0.02 (tanh: |h| > 0.99)
    mean_slope: float  # act'(z) over every step and unit


@dataclass(frozen=True)
class GradientLab:
    units: int
    rho: float  # spectral radius of W_h, measured
    sigma_max: float  # its largest singular value
    gamma: float  # the activation's largest slope
    walk: Walk  # the chosen activation
    reference: Walk  # the very same weights and inputs with linear (with tanh when linear is chosen)
    bound: np.ndarray  # (T,) (gamma * sigma_max)^k, Pascanu's bound on each norm
    weight_grads: tuple[np.ndarray, ...]  # dL/dW_x, dL/dW_h, dL/db for L = sum(h_T)

    @property
    def factor(self) -> float:
        return self.gamma * self.sigma_max


def _walk(cell, xs: np.ndarray) -> tuple[Walk, object]:
    """Run ``cell`` over xs (1, T, d) and walk back from h_T; returns (the Walk, the run's Trace)."""
    with np.errstate(all="ignore"):
        trace = run(cell, xs)
        norms = norms_by_distance(trace)
        factors = np.array([spectral_norms(step_jacobian(trace, trace.steps - 1 - k))[0] for k in range(trace.steps)])
    walk = Walk(activation=cell.activation, norms=norms, factors=factors,
                saturated=float(np.mean(saturated_units(trace))),
                mean_slope=float(np.mean(derivative_from_output(cell.activation, trace.h[0]))))
    return walk, trace


@st.cache_data(max_entries=512, show_spinner=False)
def gradient_lab(units: int, steps: int, rho: float, activation: str, seed: int) -> GradientLab:
    """A SimpleRNN whose W_h has spectral radius rho, walked back with ``activation`` and, beside it, without
    saturation (linear; tanh when linear is chosen)."""
    cell, xs = toy_gradient_lab(units, steps, rho, activation, seed)
    walk, trace = _walk(cell, xs)
    reference, _ = _walk(replace(cell, activation="tanh" if activation == "linear" else "linear"), xs)
    with np.errstate(all="ignore"):
        upstream = np.zeros_like(trace.h)
        upstream[:, -1] = 1.0  # L = sum(h_T)
        grads = simple_rnn_gradients(trace, xs, upstream)
        weight_grads = tuple(np.nan_to_num(g, nan=0.0, posinf=1e300, neginf=-1e300)
                             for g in (grads.W_x, grads.W_h, grads.b))
        bound = pascanu_factor(cell) ** np.arange(steps, dtype=float)
    return GradientLab(units=units, rho=spectral_radius(cell.W_h), sigma_max=float(spectral_norms(cell.W_h[None])[0]),
                       gamma=activation_slope_bound(activation), walk=walk, reference=reference, bound=bound,
                       weight_grads=weight_grads)


def pascanu_claim(lab: GradientLab) -> Claim:
    """Pascanu et al. (2013): sigma_max < 1/gamma is sufficient for vanishing; sigma_max > 1/gamma is necessary
    (not sufficient) for exploding. Which one this W_h meets, and what the measured norm then did."""
    with np.errstate(all="ignore"):
        under = bool(np.all(np.nan_to_num(lab.walk.norms, nan=0.0) <= lab.bound * (1 + 1e-6)))
    outcome = fate(lab.walk.norms)
    values = dict(sigma=lab.sigma_max, gamma=lab.gamma, product=lab.factor, rho=lab.rho, under=under,
                  outcome=outcome.key, k=outcome.values["k"], ratio=outcome.values["ratio"])
    return Claim("sufficient" if lab.factor < 1 else "necessary", values)


def growth_claim(walk: Walk, k: int) -> Claim | None:
    """k steps back: each factor ||J|| against the product. A product's norm is at most its factors' norms
    multiplied (||AB|| <= ||A|| ||B||), so per step the product grows by ||J_1 ... J_k||^(1/k), at most the
    factors' geometric mean. "one" at k = 1 (the product is the factor); None below k = 1, or where a norm is 0
    or not finite."""
    if k < 1:
        return None
    if k == 1:
        return Claim("one", dict(k=k))
    with np.errstate(all="ignore"):
        logs, log_product = np.log(walk.factors[:k]), np.log(walk.norms[k])
    if not np.all(np.isfinite(logs)) or not np.isfinite(log_product):
        return None
    return Claim("many", dict(k=k, factors=float(np.exp(logs.mean())), product=float(np.exp(log_product / k)),
                              total=float(walk.norms[k]), most=float(np.exp(logs.sum()))))


def long_run_claim(lab: GradientLab) -> Claim | None:
    """Why rho, not one step's ||J||, decides the long run. With a linear activation every J is W_h^T, whose norm
    is sigma_max, yet the product grows per step by ||(W_h^T)^k||^(1/k), which lies between rho and sigma_max and
    tends to rho as k grows (Gelfand's formula). Over the whole walk: "closer" when it already lies nearer rho
    than sigma_max, else "between". None when the product is 0 or not finite."""
    linear = lab.walk if lab.walk.activation == "linear" else lab.reference
    assert linear.activation == "linear", "the lab walks a linear activation beside any other"
    k = len(linear.norms) - 1
    with np.errstate(all="ignore"):
        per_step = float(np.exp(np.log(linear.norms[k]) / k))
    if not np.isfinite(per_step) or per_step == 0:
        return None
    key = "closer" if per_step - lab.rho < lab.sigma_max - per_step else "between"
    return Claim(key, dict(k=k, per_step=per_step, rho=lab.rho, sigma=lab.sigma_max, linear=linear is lab.walk))


ASKED_RHOS = (0.5, 1.5, 2.5)  # the quiz's ρ, one the page does not show (in Korean each reads "…5일 때")
ASKED_LIMITS = (0.5, 2.5, 5.0)  # likewise the quiz's clip limit c


def asked_fate(shown: str, units: int, steps: int, rho: float, activation: str, seed: int) -> Claim:
    """Predict, then check with the slider: a ρ other than the chosen one, whose gradient 20 steps back meets
    another fate than ``shown`` (the page's, at rho) if one of ASKED_RHOS does (else the one farthest from rho),
    and that fate, with the ρ asked (``rho``) and ``tamed``: ρ > 1 and yet no explosion under a curved activation
    (its slopes below 1 shrank the factors: γ·σ_max > 1 is necessary, not sufficient)."""
    fates = {r: fate(gradient_lab(units, steps, r, activation, seed).walk.norms) for r in ASKED_RHOS if r != rho}
    other = [r for r, claim in fates.items() if claim.key != shown]
    asked = other[0] if other else max(fates, key=lambda r: abs(r - rho))
    claim = fates[asked]
    tamed = asked > 1 and claim.key != "explode" and activation != "linear"
    return Claim(claim.key, claim.values | dict(rho=asked, tamed=tamed))


def asked_limit(c: float) -> float:
    """A clip limit for the quiz other than the one the slider shows."""
    return next(limit for limit in ASKED_LIMITS if abs(limit - c) > 1e-9)


def saturation_claim(lab: GradientLab) -> Claim:
    """How saturated the chosen activation's units are, and the two activations side by side."""
    mine, other = fate(lab.walk.norms), fate(lab.reference.norms)
    values = dict(act=lab.walk.activation, ref=lab.reference.activation, n=lab.walk.saturated, D=lab.units,
                  none=lab.walk.saturated == 0,  # not one unit saturated (or off) at any step: said so, not "0.0 of 8"
                  slope=lab.walk.mean_slope, k=mine.values["k"], ratio=mine.values["ratio"], fate=mine.key,
                  ref_ratio=other.values["ratio"], ref_fate=other.key)
    stops = lab.walk.activation != "linear" and other.key == "explode" and mine.key != "explode"
    return Claim("stops" if stops else "side", values)


# --- the trained sentiment models on the learner's sentence --------------------------------------------

@dataclass(frozen=True)
class CellReading:
    """One trained model on the sentence: how much its verdict depends on each word, what carries the gradient."""

    kind: str  # SimpleRNN, LSTM or GRU
    tokens: list[str]  # the tokens it reads
    probability: float  # p(positive)
    saliency: np.ndarray  # (T,) ||d p / d x_t||, x_t the embedding vector of word t
    state_distances: np.ndarray  # (n,) the distances k measured: all when T <= STATE_POINTS, else spread out
    state_norms: np.ndarray  # (n,) ||d s_T / d s_(T-k)||, the whole state (h, or h and c for the LSTM)
    forget_path: np.ndarray | None  # (T,) the LSTM's cell-state path alone: max over units of the last k f's

    @property
    def relative(self) -> np.ndarray:
        """(T,) each word's ||d p / d x_t|| divided by the last word's (models of any confidence compare)."""
        last = self.saliency[-1]
        return self.saliency / last if last > 0 else np.full_like(self.saliency, np.nan)

    @property
    def first_to_last(self) -> float:
        return float(self.relative[0])


def cell_reading(name: str, text: str) -> CellReading | None:
    """Model ``name`` on ``text``; None when it reads fewer than two tokens. Raises ModelFileError."""
    return _cell_reading(name, digest_of(name), text[:MAX_TEXT])


@st.cache_data(max_entries=256, show_spinner=False)
def _cell_reading(name: str, digest: str, text: str) -> CellReading | None:
    model = sentiment_model(name)
    reading = model.read(text)
    if reading.trace is None or len(reading.ids) < 2:
        return None
    kind = model.network.recurrent.cell.kind
    T = len(reading.ids)
    distances = np.unique(np.round(np.linspace(0, T - 1, min(T, STATE_POINTS))).astype(int))  # 0 and T - 1 in
    return CellReading(kind=kind, tokens=reading.tokens, probability=reading.probability,
                       saliency=input_saliency(model.network, reading.ids), state_distances=distances,
                       state_norms=state_norms_by_distance(reading.trace, distances),
                       forget_path=forget_path_by_distance(reading.trace) if kind == "LSTM" else None)


@dataclass(frozen=True)
class SentenceView:
    readings: dict[str, CellReading]  # kind -> reading, for the models that could read the sentence
    faults: dict[str, ModelFileError]  # model name -> why it cannot be used

    @property
    def claim(self) -> Claim | None:
        return sentence_claim(self.readings)


def sentence_view(lang: str, text: str) -> SentenceView:
    """The three trained models of ``lang`` on ``text`` (each cached by its content digest)."""
    readings, faults = {}, {}
    for key, kind in CELLS.items():
        try:
            reading = cell_reading(f"{lang}-{key}", text)
        except ModelFileError as err:
            faults[f"{lang}-{key}"] = err
            continue
        if reading is not None:
            readings[kind] = reading
    return SentenceView(readings=readings, faults=faults)


def sentence_claim(readings: dict[str, CellReading]) -> Claim | None:
    """Does this sentence show the SimpleRNN's verdict depending less on the first word (relative to the
    last) than the gated cells'? "shown" (less than both), "partly" (than one), "not_shown"; None when there
    is no SimpleRNN and gated cell to compare."""
    gated = [k for k in GATED if k in readings]
    if "SimpleRNN" not in readings or not gated:
        return None
    ratios = {kind: r.first_to_last for kind, r in readings.items()}
    below = [k for k in gated if clearly_below(ratios["SimpleRNN"], ratios[k])]
    key = "shown" if len(below) == len(gated) else "partly" if below else "not_shown"
    rnn = readings["SimpleRNN"]
    least = min((ratios[k] / ratios["SimpleRNN"] if ratios["SimpleRNN"] > 0 else float("inf") for k in below),
                default=0.0)  # how many times more the gated cells that keep more keep, at the least
    return Claim(key, dict(ratios=ratios, T=len(rnn.tokens), first=rnn.tokens[0], last=rnn.tokens[-1],
                           below=below, least=least))


def on_the_last_word(readings: dict[str, CellReading]) -> tuple[list[str], dict[str, tuple[np.ndarray, np.ndarray]]]:
    """Each model's relative pull by word, {kind: (positions (T_kind,), values (T_kind,))}, placed on the tokens of
    the model that read the most (returned first): a model that read fewer (a shorter maxlen cut the front) is
    aligned on the last word."""
    longest = max((r.tokens for r in readings.values()), key=len)
    n = len(longest)
    return longest, {kind: (np.arange(n - len(r.relative) + 1, n + 1), r.relative) for kind, r in readings.items()}


def most_dependent_on_first(readings: dict[str, CellReading]) -> str:
    """The model whose verdict depends most on its first word, relative to its last (the quiz's answer)."""
    return max(readings, key=lambda kind: readings[kind].first_to_last)


def belt_claim(readings: dict[str, CellReading]) -> Claim | None:
    """What the LSTM's cell-state path alone keeps from the first word: the product of its forget gates."""
    lstm = readings.get("LSTM")
    if lstm is None or lstm.forget_path is None:
        return None
    kept = float(lstm.forget_path[-1])
    return Claim("belt", dict(kept=kept, steps=len(lstm.tokens) - 1, state=float(lstm.state_norms[-1])))


# --- the memory task, trained live in the pool ----------------------------------------------------------

def memory_key(max_distance: int) -> tuple:
    return ("memory-gradients", int(max_distance))


def memory_job(max_distance: int) -> trainer.Job | None:
    """The memory-task training (three cells, accuracy and gradient reach) for this gap, if anyone started it."""
    return trainer.find(memory_key(max_distance))


def start_memory(max_distance: int) -> trainer.Job:
    """Start (or join) the training for this gap on behalf of this session; raises trainer.TooManyJobs."""
    from ui.layout import client_id

    return trainer.submit(memory_key(max_distance), client_id(),
                          lambda progress: train_memory_and_measure(int(max_distance), progress))


def train_memory_and_measure(max_distance: int, progress: Callable[[float, str], None] | None = None) -> dict:
    """rnn_core.learn.train_memory_task for each cell, then the gradient reach of each trained network.

    Returns {"accuracy": {cell: {gap: test accuracy}}, "reach": {cell: {gap: median ||dp/dx_first|| /
    ||dp/dx_last||}}, "distances", "chance", "seconds"}; deterministic for the gap (seed MEMORY_SEED).
    """
    accuracy, reach, seconds, distances, chance = {}, {}, 0.0, [], 0.0
    for k, cell in enumerate(MEMORY_CELLS):
        def on_epoch(record: dict, k: int = k) -> None:
            if progress is not None:
                done = (k * record["epochs"] + record["epoch"]) / (len(MEMORY_CELLS) * record["epochs"])
                progress(done, record["cell"])

        result = train_memory_task(cell, max_distance, MEMORY_SEED, on_epoch)
        distances, chance = result["distances"], result["chance"]
        accuracy[cell] = {int(d): float(a) for d, a in result["accuracy"].items()}
        reach[cell] = memory_reach(result["model"], distances)
        seconds += result["seconds"]
    return dict(accuracy=accuracy, reach=reach, distances=[int(d) for d in distances], chance=float(chance),
                seconds=round(seconds, 1), max_distance=int(max_distance))


def memory_reach_claim(result: dict) -> Claim:
    """At the longest gap: does the SimpleRNN's answer depend clearly less on the first symbol (relative to
    the question mark) than both gated cells'? "shown" or "not_shown", with every cell's number."""
    gap = max(result["distances"])
    ratios = {cell: float(result["reach"][cell][gap]) for cell in result["reach"]}
    shown = all(clearly_below(ratios["SimpleRNN"], ratios[k]) for k in GATED if k in ratios)
    return Claim("shown" if shown else "not_shown", dict(gap=gap, ratios=ratios))


def memory_accuracy_claim(result: dict) -> Claim:
    """At the longest gap: are both gated cells more accurate than the SimpleRNN (by at least 5 points)?"""
    gap = max(result["distances"])
    acc = {cell: float(result["accuracy"][cell][gap]) for cell in result["accuracy"]}
    better = all(acc[k] >= acc["SimpleRNN"] + 0.05 for k in GATED if k in acc)
    worse = all(acc[k] <= acc["SimpleRNN"] - 0.05 for k in GATED if k in acc)
    return Claim("gated_better" if better else "rnn_better" if worse else "mixed",
                 dict(gap=gap, acc=acc, chance=float(result["chance"])))


# --- the words between the numbers ------------------------------------------------------------------------

def relation(ratio: float) -> Claim:
    """"more" or "less" and by how many times (two significant digits, as text: times_text): how a first word
    compares with a last word (ratio = first / last)."""
    times = ratio if ratio >= 1 else (1 / ratio if ratio > 0 else float("inf"))
    return Claim("more" if ratio >= 1 else "less", dict(n=times_text(times)))


def times_text(x: float, down: bool = False) -> str:
    """A factor as a class reads it: two significant digits, thousands grouped, never in e-notation (1.4, 23,
    4,600, 1,200,000); ``down``: rounded down, so that "at least" stays true."""
    if not np.isfinite(x) or x <= 0:
        return "∞" if x == float("inf") else "0"
    scale = 10.0 ** (np.floor(np.log10(x)) - 1)  # the second significant digit's place
    kept = (np.floor(x / scale) if down else np.round(x / scale)) * scale
    return f"{kept:,.0f}" if kept >= 10 else f"{kept:.2g}"


def clipping(lab: GradientLab, limit: float, on: bool) -> Claim:
    """The toy gradient's global norm and its norm after clipping to ``limit`` (unchanged when clipping is off)."""
    clipped, norm = clip_by_global_norm(list(lab.weight_grads), limit)
    after = global_norm(clipped) if on else norm
    return Claim("clip" if on else "clip_off", dict(norm=float(norm), after=float(after), c=float(limit)))
