"""The from-scratch RNN loop of the lecture notes, in their column-vector form.

The lesson page shows this function's own source (inspect.getsource) and runs it, so what
the learner reads is exactly what produced the numbers on screen.
"""
from __future__ import annotations

import numpy as np


def numpy_rnn_loop(inputs: np.ndarray, W_x: np.ndarray, W_h: np.ndarray, b: np.ndarray) -> np.ndarray:
    """inputs (T, d), W_x (D, d), W_h (D, D), b (D,) -> every hidden state, (T, D)."""
    hidden_state = np.zeros(W_h.shape[0])  # h_0 = 0, shape (D,)
    all_states = []
    for x_t in inputs:  # one time step per row
        hidden_state = np.tanh(W_x @ x_t + W_h @ hidden_state + b)  # (D,)
        all_states.append(hidden_state)
    return np.stack(all_states)  # (T, D)
