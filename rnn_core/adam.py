"""Adam, step for step as Keras 3's ``keras.optimizers.Adam`` (keras/src/optimizers/adam.py), in float32.

For every weight w with gradient g, at step t = 1, 2, ...:

    m <- m + (g - m) (1 - beta_1)                  first moment (running mean of g)
    v <- v + (g^2 - v) (1 - beta_2)                second moment (running mean of g^2)
    alpha = lr sqrt(1 - beta_2^t) / (1 - beta_1^t)  both bias corrections folded into the step size
    w <- w - alpha m / (sqrt(v) + epsilon)

(Keras puts epsilon outside the bias correction of v, so its epsilon is not quite the paper's.)
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Adam:
    """The settings, with Keras' defaults except the learning rate the lab trains with."""

    learning_rate: float = 1e-2
    beta_1: float = 0.9
    beta_2: float = 0.999
    epsilon: float = 1e-7


@dataclass(frozen=True)
class AdamState:
    """Steps taken so far and the moments m, v of every weight (same names and shapes as the weights)."""

    steps: int
    m: dict[str, np.ndarray]
    v: dict[str, np.ndarray]


def adam_start(weights: dict[str, np.ndarray]) -> AdamState:
    """Zero moments before the first step."""
    zeros = {name: np.zeros_like(w) for name, w in weights.items()}
    return AdamState(steps=0, m=zeros, v=dict(zeros))


def step_size(adam: Adam, t: int, dtype=np.float32) -> np.ndarray:
    """alpha_t = lr sqrt(1 - beta_2^t) / (1 - beta_1^t), in the weights' dtype as Keras casts it."""
    t = dtype(t)
    beta_1_power, beta_2_power = dtype(adam.beta_1) ** t, dtype(adam.beta_2) ** t
    return dtype(adam.learning_rate) * np.sqrt(dtype(1) - beta_2_power) / (dtype(1) - beta_1_power)


def adam_update(weights: dict[str, np.ndarray], grads: dict[str, np.ndarray], state: AdamState,
                adam: Adam = Adam()) -> tuple[dict[str, np.ndarray], AdamState]:
    """One Adam step on every weight; returns (new weights, new state). Nothing is changed in place."""
    if grads.keys() != weights.keys() or any(grads[k].shape != w.shape for k, w in weights.items()):
        shapes = {name: w.shape for name, w in weights.items()}
        got = {name: g.shape for name, g in grads.items()}
        raise ValueError(f"adam_update: one gradient per weight, same shapes; weights {shapes}, got grads {got}")
    t = state.steps + 1
    new_weights, m, v = {}, {}, {}
    for name, w in weights.items():
        g = grads[name].astype(w.dtype)
        m[name] = state.m[name] + (g - state.m[name]) * w.dtype.type(1 - adam.beta_1)
        v[name] = state.v[name] + (np.square(g) - state.v[name]) * w.dtype.type(1 - adam.beta_2)
        alpha = step_size(adam, t, w.dtype.type)
        new_weights[name] = w - (m[name] * alpha) / (np.sqrt(v[name]) + w.dtype.type(adam.epsilon))
    return new_weights, AdamState(steps=t, m=m, v=v)
