"""Train a tiny recurrent classifier in NumPy, the way Keras trains its twin.

    keras.Sequential([Embedding(V, E, mask_zero=True), SimpleRNN|LSTM|GRU(D), Dense(K, activation="softmax")])

Forward:   x_t = E[id_t] (B, T, E),  mask = ids != 0,  h_T = RNN(x) (B, D),
           logits = h_T W_y + b_y (B, K),  p = softmax(logits)
Loss:      L = mean over the batch of -log p[b, y_b]   (sparse categorical cross-entropy; Keras'
           fit computes it from the logits too, as the softmax output keeps them)
Backward:  dL/dlogits = (p - onehot(y)) / B, then W_y, b_y, h_T, BPTT through the cell
           (bptt.backprop_through_time) and the rows of E that were looked up.
Update:    clip all gradients together to a global norm (Keras' global_clipnorm), then Adam.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import NamedTuple

import numpy as np

from rnn_core.activations import softmax
from rnn_core.adam import Adam, AdamState, adam_start, adam_update
from rnn_core.bptt import backprop_through_time, clip_by_global_norm, global_norm
from rnn_core.cells import Cell, GRUCell, LSTMCell, SimpleRNNCell
from rnn_core.sequence import Trace, run
from rnn_core.tasks import SYMBOLS, memory_batch, memory_task

WEIGHTS = ("embedding", "W_x", "W_h", "b", "W_y", "b_y")  # the order of Keras' model.trainable_weights


@dataclass(frozen=True)
class TinyModel:
    """Embedding table E (V, E) (row 0 is padding), a recurrent cell (d = E), a softmax head W_y (D, K), b_y (K,)."""

    embedding: np.ndarray
    cell: Cell
    W_y: np.ndarray
    b_y: np.ndarray

    def weights(self) -> dict[str, np.ndarray]:
        """Every trainable array by name, in Keras' order (see WEIGHTS)."""
        c = self.cell
        return dict(embedding=self.embedding, W_x=c.W_x, W_h=c.W_h, b=c.b, W_y=self.W_y, b_y=self.b_y)

    def with_weights(self, w: dict[str, np.ndarray]) -> TinyModel:
        """The same model with new arrays (as adam_update returns them)."""
        cell = replace(self.cell, W_x=w["W_x"], W_h=w["W_h"], b=w["b"])
        return TinyModel(embedding=w["embedding"], cell=cell, W_y=w["W_y"], b_y=w["b_y"])


def glorot_uniform(rng: np.random.Generator, fan_in: int, fan_out: int) -> np.ndarray:
    """U(-l, l) with l = sqrt(6 / (fan_in + fan_out)), Keras' default kernel initializer: (fan_in, fan_out)."""
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, (fan_in, fan_out)).astype(np.float32)


def orthogonal(rng: np.random.Generator, rows: int, cols: int) -> np.ndarray:
    """Orthonormal rows or columns from the QR of a Gaussian matrix, Keras' recurrent initializer: (rows, cols)."""
    q, r = np.linalg.qr(rng.standard_normal((max(rows, cols), min(rows, cols))))
    q = q * np.sign(np.diag(r))
    return (q.T if rows < cols else q).astype(np.float32)


def init_model(kind: str, vocab_size: int, embed: int, units: int, classes: int,
               rng: np.random.Generator, **options) -> TinyModel:
    """Keras' default initial weights: embedding U(-0.05, 0.05), Glorot kernels, orthogonal recurrent
    kernel, zero biases except the LSTM forget gate's (1, unit_forget_bias)."""
    if kind not in ("SimpleRNN", "LSTM", "GRU"):
        raise ValueError(f"kind must be 'SimpleRNN', 'LSTM' or 'GRU', got {kind!r}")
    k = {"SimpleRNN": 1, "LSTM": 4, "GRU": 3}[kind]
    E = rng.uniform(-0.05, 0.05, (vocab_size, embed)).astype(np.float32)  # (V, E)
    W_x, W_h = glorot_uniform(rng, embed, k * units), orthogonal(rng, units, k * units)
    b = np.zeros(k * units, np.float32)
    if kind == "LSTM":
        b[units : 2 * units] = 1.0
    if kind == "GRU" and options.get("reset_after", True):
        b = np.zeros((2, k * units), np.float32)
    cls = {"SimpleRNN": SimpleRNNCell, "LSTM": LSTMCell, "GRU": GRUCell}[kind]
    return TinyModel(E, cls(W_x=W_x, W_h=W_h, b=b, **options), glorot_uniform(rng, units, classes),
                     np.zeros(classes, np.float32))


@dataclass(frozen=True)
class Forward:
    """Every intermediate of a forward pass that the backward pass needs."""

    ids: np.ndarray  # (B, T) token ids, 0 = padding
    xs: np.ndarray  # (B, T, E) embedded tokens
    trace: Trace  # the recurrent layer's run (mask = ids != 0)
    logits: np.ndarray  # (B, K) h_T W_y + b_y
    p: np.ndarray  # (B, K) softmax(logits)


def check_batch(model: TinyModel, ids: np.ndarray, labels: np.ndarray | None = None) -> None:
    """Raise ValueError unless ids is (B, T) of ids in 0..V-1 and labels (B,) of classes in 0..K-1."""
    V, K = model.embedding.shape[0], model.W_y.shape[1]
    ids_ok = np.ndim(ids) == 2 and np.issubdtype(np.asarray(ids).dtype, np.integer) and _within(ids, V)
    if not ids_ok:
        raise ValueError(f"ids must be (B, T) integers in 0..{V - 1}, got shape {np.shape(ids)}")
    if labels is not None and not (np.shape(labels) == np.shape(ids)[:1] and _within(labels, K)):
        raise ValueError(f"labels must be (B,) = ({len(ids)},) classes in 0..{K - 1}, got shape {np.shape(labels)}")


def _within(a: np.ndarray, n: int) -> bool:
    """Every entry of a is in 0..n-1."""
    return a.size == 0 or (0 <= a.min() and a.max() < n)


def forward(model: TinyModel, ids: np.ndarray) -> Forward:
    """ids (B, T) -> the Forward record; p[b] are the K class probabilities of row b."""
    check_batch(model, ids)
    xs = model.embedding[ids]  # (B, T, E)
    trace = run(model.cell, xs, mask=ids != 0)
    logits = trace.final_state[0] @ model.W_y + model.b_y  # (B, K)
    return Forward(ids=ids, xs=xs, trace=trace, logits=logits, p=softmax(logits))


def cross_entropy(logits: np.ndarray, labels: np.ndarray) -> float:
    """mean_b -log softmax(logits)[b, y_b] for logits (B, K) and labels (B,),
    computed as logsumexp(logits_b) - logits[b, y_b] so that no exp overflows."""
    if np.ndim(logits) != 2 or np.shape(labels) != np.shape(logits)[:1]:
        raise ValueError(f"cross_entropy: logits (B, K) and labels (B,), got {np.shape(logits)} and {np.shape(labels)}")
    top = logits.max(axis=1, keepdims=True)  # (B, 1)
    log_sum = np.log(np.exp(logits - top).sum(axis=1)) + top[:, 0]  # (B,)
    return float(np.mean(log_sum - logits[np.arange(len(labels)), labels]))


class Backward(NamedTuple):
    grads: dict[str, np.ndarray]  # dL/dw for every weight, names and shapes of TinyModel.weights()
    dL_dh: np.ndarray  # (B, T, D) gradient reaching each hidden state h_t


def backward(model: TinyModel, fwd: Forward, labels: np.ndarray) -> Backward:
    """Every gradient of the mean cross-entropy, from the head back through time to the embedding rows."""
    check_batch(model, fwd.ids, labels)
    B, K = fwd.p.shape
    dlogits = (fwd.p - np.eye(K, dtype=fwd.p.dtype)[labels]) / B  # (B, K) dL/dlogits = (p - onehot(y)) / B
    h_T = fwd.trace.final_state[0]  # (B, D)
    dL_dh = np.zeros_like(fwd.trace.h)  # (B, T, D): the loss reads only the last state
    dL_dh[:, -1] = dlogits @ model.W_y.T
    layer = backprop_through_time(fwd.trace, fwd.xs, dL_dh)
    dE = np.zeros_like(model.embedding)  # (V, E): each looked-up row collects its dL/dx_t
    np.add.at(dE, fwd.ids, layer.xs)
    grads = dict(embedding=dE, W_x=layer.W_x, W_h=layer.W_h, b=layer.b,
                 W_y=h_T.T @ dlogits, b_y=dlogits.sum(axis=0))
    return Backward(grads=grads, dL_dh=layer.hs)


class Clipping(NamedTuple):
    norm_before: float  # global norm of all gradients, sqrt(sum of every squared entry)
    norm_after: float  # the same after clipping: min(norm_before, clip_norm)


class StepResult(NamedTuple):
    loss: float  # on the batch, before the update
    grads: dict[str, np.ndarray]  # before clipping
    clipping: Clipping
    model: TinyModel  # after the update
    opt_state: AdamState
    reach: np.ndarray  # (T,) ||dL/dh_t|| over the batch: how much gradient reaches each time step


def clip_gradients(grads: dict[str, np.ndarray], clip_norm: float | None) -> tuple[dict[str, np.ndarray], Clipping]:
    """All gradients scaled together so that their global norm is at most clip_norm (None: unchanged).

    The norm is that of the gradients themselves, as tf.clip_by_global_norm takes it. (Keras' fit hands
    the embedding's gradient over as one row per looked-up token, and its global norm squares each of
    those rows before adding them up, so with repeated tokens its norm differs a little from this one.)
    """
    if clip_norm is None:
        norm = global_norm(list(grads.values()))
        return grads, Clipping(norm, norm)
    clipped, norm = clip_by_global_norm(list(grads.values()), clip_norm)
    return dict(zip(grads, clipped)), Clipping(norm, global_norm(clipped))


def train_step(model: TinyModel, opt_state: AdamState, batch: tuple[np.ndarray, np.ndarray],
               adam: Adam = Adam(), clip_norm: float | None = 1.0) -> StepResult:
    """Forward, loss, backward, global-norm clipping and one Adam step on a batch (ids (B, T), labels (B,))."""
    ids, labels = (np.asarray(a) for a in batch)
    check_batch(model, ids, labels)
    fwd = forward(model, ids)
    grads, dL_dh = backward(model, fwd, labels)
    clipped, clipping = clip_gradients(grads, clip_norm)
    weights, opt_state = adam_update(model.weights(), clipped, opt_state, adam)
    reach = np.sqrt(np.sum(np.square(dL_dh), axis=(0, 2)))  # (T,)
    return StepResult(cross_entropy(fwd.logits, labels), grads, clipping, model.with_weights(weights),
                      opt_state, reach)


def accuracy(model: TinyModel, ids: np.ndarray, labels: np.ndarray) -> float:
    """Share of rows whose most probable class is the label: ids (B, T), labels (B,)."""
    check_batch(model, ids, labels)
    return float(np.mean(forward(model, ids).logits.argmax(axis=1) == labels))


def memory_test_distances(max_distance: int) -> list[int]:
    """The distances the memory task is tested at (those of training/memory_task.py)."""
    return sorted({1, 2, 5, 10, 15, 20, 30, 40, 60} & set(range(1, max_distance + 1)) | {max_distance})


def train_memory_task(cell: str, max_distance: int = 30, seed: int = 0, on_epoch: Callable[[dict], None] | None = None,
                      *, units: int = 24, embed: int = 8, samples: int = 3000, epochs: int = 6, batch_size: int = 64,
                      adam: Adam = Adam(1e-2), clip_norm: float | None = 1.0) -> dict:
    """training/memory_task.py's experiment for one cell ('SimpleRNN', 'LSTM', 'GRU'), in NumPy.

    The same data for a seed, sizes and optimiser (with global-norm clipping); the weights start from
    Keras' initializers drawn from NumPy, and the batches are shuffled every epoch. Deterministic for a
    seed. ``on_epoch`` receives each epoch's record (loss, mean reach (T,), seconds).
    """
    task = memory_task(max_distance)
    ids, labels = task.batch(np.random.default_rng(seed), samples)  # (N, max_distance + 2), (N,)
    rng = np.random.default_rng([seed, 1])  # initial weights, then the shuffles
    model = init_model(cell, task.vocab_size, embed, units, task.classes, rng)
    opt_state, history, started = adam_start(model.weights()), [], time.perf_counter()
    for epoch in range(1, epochs + 1):
        order, losses, reach = rng.permutation(samples), [], []
        for first in range(0, samples, batch_size):
            rows = order[first : first + batch_size]
            step = train_step(model, opt_state, (ids[rows], labels[rows]), adam, clip_norm)
            model, opt_state = step.model, step.opt_state
            losses.append(step.loss)
            reach.append(step.reach)
        record = dict(cell=cell, epoch=epoch, epochs=epochs, loss=float(np.mean(losses)),
                      reach=np.mean(reach, axis=0), seconds=time.perf_counter() - started)
        history.append(record)
        if on_epoch is not None:
            on_epoch(record)
    tests = {d: memory_batch(np.random.default_rng(1000 + d), 400, np.full(400, d))
             for d in memory_test_distances(max_distance)}
    return dict(cell=cell, accuracy={d: accuracy(model, *batch) for d, batch in tests.items()},
                distances=list(tests), chance=1 / SYMBOLS, history=history, model=model,
                seconds=time.perf_counter() - started,
                settings=dict(max_distance=max_distance, seed=seed, units=units, embed=embed, samples=samples,
                              epochs=epochs, batch_size=batch_size, learning_rate=adam.learning_rate,
                              clip_norm=clip_norm))
