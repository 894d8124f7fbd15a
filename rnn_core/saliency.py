"""How much a model's answer depends on each word it read: ||d p / d x_t||, by backpropagation through time.

x_t is the vector the recurrent layer reads at step t (word t's embedding row) and p the probability the
model answers with. The gradient d p / d x_t says how far p moves per unit step of x_t in its steepest
direction: a word whose gradient has vanished on the way back can no longer change the answer much, and
no longer teaches the network anything during training.

    sentiment model:  p = sigmoid(h_T W + b)          d p / d h_T = p (1 - p) W^T
    memory task:      p_y = softmax(h_T W_y + b_y)_y  d p_y / d logits = p_y (onehot(y) - p)

Then bptt.backprop_through_time carries d p / d h_T back through every step to each x_t.
"""
from __future__ import annotations

import numpy as np

from rnn_core.bptt import backprop_through_time
from rnn_core.learn import TinyModel, forward
from rnn_core.model import Recurrent, SequentialModel
from rnn_core.sequence import Trace


def input_saliency(model: SequentialModel, ids: np.ndarray) -> np.ndarray:
    """||d p / d x_t||_2 for each step of one text, (T,), for an Embedding -> RNN -> Dense(1, sigmoid) model.

    ids (T,) token ids as the model reads them (0 = padding, masked: its entry is 0).
    """
    ids = np.asarray(ids)
    head = model.head
    if ids.ndim != 1 or head.activation != "sigmoid" or head.W.shape[1] != 1:
        raise ValueError(f"input_saliency: ids (T,) and a Dense(1, sigmoid) head, got ids {ids.shape}, "
                         f"head {head.activation} {head.W.shape}")
    if not isinstance(model.layers[-2], Recurrent) or model.layers[-2].return_sequences:
        raise ValueError("input_saliency: the head must read the last state of a recurrent layer")
    result = model.run(ids[None])  # a batch of one
    trace = next(tr for tr in result.traces if isinstance(tr, Trace))
    xs = result.outputs[0]  # (1, T, E) the embedded words
    z = trace.final_state[0].astype(np.float64) @ head.W[:, 0] + head.b[0]  # (1,) the logit, p = sigmoid(z)
    slope = np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))) ** 2  # p (1 - p), which never rounds to 0 in float64
    dL_dh = np.zeros(trace.h.shape)  # (1, T, D): only h_T reaches the head
    dL_dh[:, -1] = slope[:, None] * head.W[:, 0]
    return np.linalg.norm(backprop_through_time(trace, xs, dL_dh).xs[0], axis=-1)


def memory_saliency(model: TinyModel, ids: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """||d p_y / d x_t||_2 for each row and step, (B, T), where p_y is the probability of the right answer y.

    ids (B, T), labels (B,), as rnn_core.tasks makes them; padded steps get 0.
    """
    fwd = forward(model, np.asarray(ids))
    labels = np.asarray(labels)
    rows = np.arange(len(labels))
    p_y = fwd.p[rows, labels]  # (B,)
    onehot = np.eye(fwd.p.shape[1], dtype=fwd.p.dtype)[labels]  # (B, K)
    dlogits = p_y[:, None] * (onehot - fwd.p)  # (B, K) d p_y / d logits
    dL_dh = np.zeros_like(fwd.trace.h)  # (B, T, D)
    dL_dh[:, -1] = dlogits @ model.W_y.T
    return np.linalg.norm(backprop_through_time(fwd.trace, fwd.xs, dL_dh).xs, axis=-1)


def memory_reach(model: TinyModel, distances: list[int], samples: int = 200) -> dict[int, float]:
    """For a model trained on the memory task: at each gap N, how much the answer depends on the symbol N + 1
    steps back (the first token) relative to the question mark (the last), the median over ``samples`` test
    rows of ||d p_y / d x_first|| / ||d p_y / d x_last||. The rows are those learn.train_memory_task tests on.
    """
    from rnn_core.tasks import memory_batch

    reach = {}
    for d in distances:
        ids, labels = memory_batch(np.random.default_rng(1000 + d), samples, np.full(samples, d))  # (n, d + 2)
        grads = memory_saliency(model, ids, labels)  # (n, d + 2), no padding at a fixed gap
        reach[int(d)] = float(np.median(grads[:, 0] / grads[:, -1]))
    return reach
