"""Lesson 8's computations: tiny recurrent networks trained live in NumPy, the race of the three cells in the
training pool, the sentences that report their numbers, and the weight challenges (a SimpleRNN set by hand).

Nothing here draws (ui/figures_playground.py does) and nothing here trains but rnn_core.learn.train_step. A run
is a pure function of its Settings and its number of steps: the weights start from ``[seed, 1]``, the batch of
step k is drawn from ``[seed, 2, k]`` and accuracy is measured every EVAL_EVERY steps on a fixed held-out set,
so the same link gives the same curves however the steps were grouped into ticks.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache

import numpy as np

from rnn_core.adam import Adam, AdamState, adam_start
from rnn_core.cells import SimpleRNNCell
from rnn_core.learn import TinyModel, accuracy, forward, init_model, train_step
from rnn_core.sequence import run
from rnn_core.tasks import (QUERY, SHORT_TEXT, SYMBOLS, Task, adding_task, memory_batch, memory_task,
                            next_character_task, parity_task)
from ui.i18n import t
from workers import trainer

TASKS = ("memory", "adding", "parity", "next")
CELLS = {"rnn": "SimpleRNN", "lstm": "LSTM", "gru": "GRU"}
LEARNING_RATES = ("0.001", "0.003", "0.01", "0.03", "0.1")
MAX_UNITS, MAX_LENGTH, BATCH, EMBED = 32, 60, 32, 8  # one step of the largest run costs about 20 ms here
MAX_STEPS, RACE_STEPS, EVAL_EVERY, EVAL_SIZE = 1000, 400, 5, 128
TICK_SECONDS, MAX_PER_TICK = 0.08, 10  # training time a tick of the play loop may take, and its most steps
LEVEL = 0.9  # "learned": accuracy the sentences count as reached


@dataclass(frozen=True)
class Settings:
    """Everything a run depends on (the URL holds it): the same settings give the same curves."""

    task: str = "memory"
    cell: str = "lstm"
    units: int = 16
    length: int = 50  # memory: the gap N; adding, parity: digits or bits; next: characters read
    learning_rate: str = "0.01"
    clip: bool = True
    clip_norm: float = 1.0
    seed: int = 0

    def __post_init__(self) -> None:
        ok = (self.task in TASKS and self.cell in CELLS and 1 <= self.units <= MAX_UNITS
              and 2 <= self.length <= MAX_LENGTH and self.learning_rate in LEARNING_RATES
              and 0.1 <= self.clip_norm <= 10 and 0 <= self.seed <= 9999)
        if not ok:
            raise ValueError(f"settings out of range: {self}")

    @property
    def kind(self) -> str:
        return CELLS[self.cell]

    def race_key(self) -> tuple:
        """The pool's key of this race: every setting but the cell (the race trains all three)."""
        return ("race", self.task, self.units, self.length, self.learning_rate, self.clip,
                self.clip_norm if self.clip else None, self.seed)


def same(a: Settings, b: Settings) -> bool:
    """The same settings, compared by value (a server reloading this module while a run lives makes a new
    Settings class, and dataclass equality would then call them different)."""
    return asdict(a) == asdict(b)


def make_task(task: str, length: int) -> Task:
    """The rnn_core task behind a name: ids (n, T) and labels (n,) from a seeded generator."""
    makers = {"memory": memory_task, "adding": adding_task, "parity": parity_task,
              "next": lambda n: next_character_task(SHORT_TEXT, n)}
    return makers[task](length)


def chance(task: str, length: int) -> float:
    """Accuracy of always answering the most common answer, computed from the task's definition."""
    if task == "memory":
        return 1 / SYMBOLS
    if task == "parity":
        return 0.5
    if task == "adding":
        digit = np.full(10, 0.1)
        return float(np.convolve(digit, digit).max())  # the sum 9: 10 of 100 pairs
    follows = SHORT_TEXT[length:]  # the characters a window of this length can be followed by
    return max(follows.count(ch) for ch in set(follows)) / len(follows)


@lru_cache(maxsize=64)
def held_out(task: str, length: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """EVAL_SIZE fresh examples, never trained on (the memory task's all have the full gap): ids (n, T), labels (n,)."""
    rng = np.random.default_rng([seed, 9])
    if task == "memory":
        ids, labels = memory_batch(rng, EVAL_SIZE, np.full(EVAL_SIZE, length))
    else:
        ids, labels = make_task(task, length).batch(rng, EVAL_SIZE)
    for a in (ids, labels):
        a.setflags(write=False)  # shared by every session: read only
    return ids, labels


def batch_at(settings: Settings, step: int) -> tuple[np.ndarray, np.ndarray]:
    """The training batch of step ``step`` (0-based): BATCH examples from the generator [seed, 2, step]."""
    return make_task(settings.task, settings.length).batch(np.random.default_rng([settings.seed, 2, step]), BATCH)


# --- a run: model, Adam state and history, advanced a few steps at a time ------------------------------

@dataclass(frozen=True)
class History:
    """Per step: the loss and the gradients' global norm before and after clipping; per evaluation: accuracy."""

    loss: tuple[float, ...] = ()
    norm_before: tuple[float, ...] = ()
    norm_after: tuple[float, ...] = ()
    eval_steps: tuple[int, ...] = ()  # 0, EVAL_EVERY, 2 EVAL_EVERY, ...
    accuracy: tuple[float, ...] = ()  # on the held-out set, at eval_steps
    reach_first: np.ndarray | None = None  # (T,) ||dL/dh_t|| at step 1
    reach_now: np.ndarray | None = None  # (T,) at the latest step


@dataclass(frozen=True)
class Run:
    settings: Settings
    model: TinyModel
    opt_state: AdamState
    history: History = field(default_factory=History)

    @property
    def steps(self) -> int:
        return self.opt_state.steps

    @property
    def diverged(self) -> bool:
        """The loss stopped being a number (weights blew up): no step can follow."""
        return bool(self.history.loss) and not np.isfinite(self.history.loss[-1])

    @property
    def finished(self) -> bool:
        return self.steps >= MAX_STEPS or self.diverged


def start(settings: Settings) -> Run:
    """Keras' initial weights for these settings, and the held-out accuracy before any step."""
    task = make_task(settings.task, settings.length)
    model = init_model(settings.kind, task.vocab_size, EMBED, settings.units, task.classes,
                       np.random.default_rng([settings.seed, 1]))
    first = History(eval_steps=(0,), accuracy=(accuracy(model, *held_out(settings.task, settings.length,
                                                                         settings.seed)),))
    return Run(settings, model, adam_start(model.weights()), first)


def advance(state: Run, steps: int = 1, seconds: float | None = None) -> Run:
    """``state`` after up to ``steps`` more training steps (fewer once ``seconds`` have passed, the run is
    finished, or the loss stops being a number). Always takes at least one step unless finished."""
    s, model, opt, h = state.settings, state.model, state.opt_state, state.history
    adam, clip_norm = Adam(float(s.learning_rate)), s.clip_norm if s.clip else None
    loss, before, after = list(h.loss), list(h.norm_before), list(h.norm_after)
    evals, accs, reach_first, reach_now = list(h.eval_steps), list(h.accuracy), h.reach_first, h.reach_now
    began = time.perf_counter()
    for k in range(steps):
        if opt.steps >= MAX_STEPS or (loss and not np.isfinite(loss[-1])):
            break
        if k and seconds is not None and time.perf_counter() - began > seconds:
            break
        with np.errstate(all="ignore"):  # a blown-up run ends with NaN, reported, not raised
            result = train_step(model, opt, batch_at(s, opt.steps), adam, clip_norm)
        model, opt = result.model, result.opt_state
        loss.append(result.loss)
        before.append(result.clipping.norm_before)
        after.append(result.clipping.norm_after)
        reach_now = result.reach
        reach_first = reach_now if reach_first is None else reach_first
        if opt.steps % EVAL_EVERY == 0:
            evals.append(opt.steps)
            with np.errstate(all="ignore"):
                accs.append(accuracy(model, *held_out(s.task, s.length, s.seed)))
    history = History(tuple(loss), tuple(before), tuple(after), tuple(evals), tuple(accs), reach_first, reach_now)
    return Run(s, model, opt, history)


def tick(state: Run) -> Run:
    """One tick of the play loop: as many steps as fit in TICK_SECONDS (at most MAX_PER_TICK)."""
    return advance(state, MAX_PER_TICK, TICK_SECONDS)


@dataclass(frozen=True)
class Example:
    """The first held-out sequence through the current model."""

    tokens: list[str]  # readable tokens (token_labels)
    values: dict[str, np.ndarray]  # every state and gate of the cell, each (T, D)
    answer: str  # the right answer, readable
    guess: str  # the network's answer
    p: float  # the probability it gives its answer


def example(state: Run) -> Example:
    s = state.settings
    ids, labels = held_out(s.task, s.length, s.seed)
    with np.errstate(all="ignore"):
        fwd = forward(state.model, ids[:1])
    values = {name: v[0] for name, v in fwd.trace.values.items() if v.ndim == 3 and v.shape[-1] == s.units}
    guess = int(np.nan_to_num(fwd.p[0], nan=0.0).argmax())
    return Example(token_labels(s.task, ids[0]), values, answer_name(s.task, int(labels[0])),
                   answer_name(s.task, guess), float(np.nan_to_num(fwd.p[0, guess])))


FAINT = 0.1  # a signed state whose every |value| stays below this looks blank on its ±1 colour scale


def faint(M: np.ndarray, signed: bool) -> float | None:
    """M (T, D) of a signed state or candidate: its largest |value| when below FAINT (the page then says why the
    picture is pale: an untrained network's states sit near 0); None when the colours can show it, or unsigned."""
    top = float(np.max(np.abs(np.nan_to_num(M)))) if signed and M.size else None
    return top if top is not None and top < FAINT else None


def answer_name(task: str, label: int) -> str:
    """A class as the learner reads it: a symbol, a sum, odd or even, a character."""
    if task == "memory":
        return chr(ord("A") + label)
    if task == "adding":
        return str(label)
    if task == "parity":
        return t("play.odd") if label else t("play.even")
    return "".join(sorted(set(SHORT_TEXT)))[label].replace(" ", "␣")


def token_labels(task: str, ids: np.ndarray) -> list[str]:
    """Readable tokens of one sequence: memory A..H (remember) a..l (distractors) ?; adding digits, marked with *;
    parity bits; next the characters (␣ a space); · padding."""
    def name(i: int) -> str:
        if i == 0:
            return "·"
        if task == "memory":
            return "?" if i == QUERY else chr(ord("A") + i - 2) if i < 2 + SYMBOLS else chr(ord("a") + i - 2 - SYMBOLS)
        if task == "adding":
            return str(i - 1) if i <= 10 else f"{i - 11}*"
        if task == "parity":
            return str(i - 1)
        return answer_name(task, i - 1)

    return [name(int(i)) for i in ids]


@lru_cache(maxsize=64)
def first_step(settings: Settings) -> tuple[float, np.ndarray]:
    """(the gradients' global norm before clipping, reach (T,)) on the first step of these settings."""
    h = advance(start(settings), 1).history
    return h.norm_before[0], h.reach_now


# --- the sentences: every fact stated is read off the numbers ---------------------------------------------

def reached(eval_steps, accuracies, level: float = LEVEL) -> int | None:
    """The first step at which the held-out accuracy was at least ``level`` (None: never)."""
    return next((int(s) for s, a in zip(eval_steps, accuracies) if a >= level), None)


def progress_sentence(h: History, chance_level: float) -> str:
    """Where the loss and the accuracy went since the start."""
    if not h.loss:
        return t("play.fact_start", acc=h.accuracy[0], chance=chance_level)
    if not np.isfinite(h.loss[-1]):
        return t("play.fact_nan", step=len(h.loss))
    if len(h.loss) < 10:
        return t("play.fact_early", steps=len(h.loss), now=h.loss[-1], acc=h.accuracy[-1], chance=chance_level)
    first, now = float(np.mean(h.loss[:5])), float(np.mean(h.loss[-5:]))
    key = "play.fact_flat" if abs(now - first) < FLAT * first else "play.fact_down" if now < first else "play.fact_up"
    return t(key, first=first, now=now, steps=len(h.loss), acc=h.accuracy[-1], chance=chance_level)


FLAT = 0.03  # a loss that moved less than 3 % from where it started has not gone anywhere yet (its step-to-step
# noise is about that large: lesson 8's memory task wobbles around ln 8 = 2.08 before it learns)


def clipping_sentence(h: History, clip: bool, clip_norm: float, last: int = 50) -> str:
    """How often clipping acted over the last steps, or how large the norm grew without it."""
    before = np.asarray(h.norm_before[-last:])
    if before.size == 0:
        return ""
    biggest = float(np.nanmax(before)) if np.isfinite(before).any() else float("inf")
    if not clip:
        return t("play.fact_noclip", n=before.size, biggest=biggest)
    clipped = int(np.sum(~(before <= clip_norm)))  # NaN counts as clipped: it is above any limit
    return t("play.fact_clip", clipped=clipped, n=before.size, c=clip_norm, biggest=biggest)


def reach_sentence(reach: np.ndarray | None) -> str:
    """How much of the gradient reaching the last time step still reaches the first."""
    if reach is None or reach.size < 2 or not np.all(np.isfinite(reach)) or reach[-1] == 0:
        return ""
    ratio = float(reach[0] / reach[-1])
    return t("play.fact_reach_more" if ratio > 1 else "play.fact_reach_less", ratio=ratio, T=reach.size)


def race_sentences(result: dict, level: float = LEVEL) -> list[str]:
    """One sentence per cell (when it reached ``level``, or where it ended), then the order at the finish."""
    said, finals = [], {}
    for kind, curve in result["cells"].items():
        at = reached(curve["eval_steps"], curve["accuracy"], level)
        finals[kind] = curve["accuracy"][-1]
        if at is None:
            said.append(t("play.race_never", cell=kind, level=level, steps=result["steps"], final=finals[kind],
                          chance=result["chance"]))
        else:
            said.append(t("play.race_reached", cell=kind, level=level, step=at, final=finals[kind]))
    order = sorted(finals, key=finals.get, reverse=True)
    said.append(t("play.race_order", steps=result["steps"],
                  order=" ≥ ".join(f"{k} {finals[k]:.0%}" for k in order), chance=result["chance"]))
    return said


# --- the race: the three cells on the same task and seed, as one shared job of the training pool ---------

def race(settings: Settings, progress: trainer.Progress | None = None, steps: int = RACE_STEPS) -> dict:
    """Train SimpleRNN, LSTM and GRU ``steps`` steps each, exactly as a learner's run of each would go."""
    cells, began = {}, time.perf_counter()
    for k, cell in enumerate(CELLS):
        state = start(replace(settings, cell=cell))
        while state.steps < steps and not state.diverged:
            state = advance(state, min(25, steps - state.steps))
            if progress:
                progress((k * steps + state.steps) / (len(CELLS) * steps), CELLS[cell])
        h = state.history
        cells[CELLS[cell]] = {"eval_steps": list(h.eval_steps), "accuracy": [float(a) for a in h.accuracy],
                              "loss": [float(v) for v in h.loss]}
    return {"cells": cells, "chance": chance(settings.task, settings.length), "steps": steps,
            "seconds": round(time.perf_counter() - began, 2),
            "settings": {k: v for k, v in asdict(settings).items() if k != "cell"}}


def race_job(settings: Settings) -> trainer.Job | None:
    """The race for these settings, if anyone on this server started it."""
    return trainer.find(settings.race_key())


def start_race(settings: Settings, client: str) -> trainer.Job:
    """Start (or join) the race for these settings on behalf of ``client``; raises trainer.TooManyJobs."""
    return trainer.submit(settings.race_key(), client, lambda progress: race(settings, progress))


place = trainer.place
TooManyJobs = trainer.TooManyJobs


# --- set the weights yourself: a SimpleRNN of 1 to 3 units on bit strings ----------------------------------

START = -1.0  # every unit starts "off" (h_0 = -1), so that +1 can mean "on"


@dataclass(frozen=True)
class HandWeights:
    """A tanh SimpleRNN reading one bit per step, and its yes/no answer: yes when h_T . w_y + b_y > 0."""

    W_x: np.ndarray  # (1, D) from the bit to each unit
    W_h: np.ndarray  # (D, D) row i, column j: from unit i (at t-1) to unit j (row vectors: h_{t-1} @ W_h)
    b: np.ndarray  # (D,)
    w_y: np.ndarray  # (D,) from each unit's last state to the answer
    b_y: float

    @classmethod
    def of(cls, W_x, W_h, b, w_y, b_y) -> HandWeights:
        W_x, W_h, b, w_y = (np.asarray(a, dtype=np.float32) for a in (W_x, W_h, b, w_y))
        return cls(W_x.reshape(1, -1), W_h, b, w_y, float(b_y))


@dataclass(frozen=True)
class Challenge:
    name: str
    units: int
    rule: Callable[[tuple[int, ...]], bool]  # the right answer for a bit string
    solution: HandWeights


CHALLENGES = {
    "seen": Challenge("seen", 1, lambda bits: any(bits),
                      HandWeights.of([10], [[5]], [0], [1], 0)),
    "parity": Challenge("parity", 2, lambda bits: sum(bits) % 2 == 1,  # unit 1: x OR odd, unit 2: x AND odd
                        HandWeights.of([10, 10], [[5, 5], [-5, -5]], [-5, -15], [1, -1], -1)),
    "three": Challenge("three", 3, lambda bits: sum(bits) >= 3,  # unit k: "at least k ones so far"
                       HandWeights.of([10, 10, 10], [[10, 5, 0], [0, 10, 5], [0, 0, 10]], [5, 0, 0], [0, 0, 1], 0)),
}


@lru_cache(maxsize=1)
def bit_strings() -> tuple[tuple[int, ...], ...]:
    """Every bit string of length 1 to 8 (510) and 90 random ones of length 9 to 30: the checked sequences."""
    every = [tuple(int(c) for c in np.binary_repr(v, n)) for n in range(1, 9) for v in range(2**n)]
    rng = np.random.default_rng(0)
    return tuple(every + [tuple(int(b) for b in rng.integers(0, 2, rng.integers(9, 31))) for _ in range(90)])


def hand_run(weights: HandWeights, strings) -> tuple[np.ndarray, np.ndarray]:
    """(hidden states (n, L, D), answers (n,) of h_T . w_y + b_y) for bit strings, padded in front and masked."""
    L = max(len(s) for s in strings)
    xs = np.zeros((len(strings), L, 1), np.float32)  # (n, L, 1)
    mask = np.zeros((len(strings), L), bool)
    for row, bits in enumerate(strings):
        xs[row, L - len(bits):, 0] = bits
        mask[row, L - len(bits):] = True
    cell = SimpleRNNCell(W_x=weights.W_x, W_h=weights.W_h, b=weights.b)
    h0 = np.full((len(strings), weights.b.size), START, np.float32)
    with np.errstate(all="ignore"):
        trace = run(cell, xs, mask, (h0,))
        return trace.h, trace.final_state[0] @ weights.w_y + weights.b_y


TRACED, MAX_TRACED = "1001101", 30  # the bit string traced first, and the longest one traced


def bits_of(text: str) -> tuple[int, ...]:
    """The 0s and 1s of a typed text, in order (everything else ignored), at most MAX_TRACED."""
    return tuple(int(c) for c in text if c in "01")[:MAX_TRACED]


@dataclass(frozen=True)
class Check:
    total: int
    wrong: list[tuple[tuple[int, ...], bool, bool]]  # (bits, right answer, the network's answer)


def check(challenge: Challenge, weights: HandWeights) -> Check:
    """The hand-set network on every checked bit string: which ones it answers wrongly."""
    strings = bit_strings()
    _, scores = hand_run(weights, strings)
    got = scores > 0
    wrong = [(s, bool(challenge.rule(s)), bool(g)) for s, g in zip(strings, got) if bool(challenge.rule(s)) != g]
    return Check(total=len(strings), wrong=wrong)
