"""Parameter counts as formulas, d = input size, D = units (checked against Keras' count_params)."""
from __future__ import annotations

BLOCKS = {"SimpleRNN": 1, "LSTM": 4, "GRU": 3}

FORMULAS = {
    "SimpleRNN": "D·(d + D + 1)",
    "LSTM": "4·D·(d + D + 1)",
    "GRU": "3·D·(d + D + 2)",  # reset_after=True: a second bias for the recurrent part
    "GRU (reset_after=False)": "3·D·(d + D + 1)",
    "Embedding": "V·E",
    "Dense": "n_out·(n_in + 1)",
}


def rnn_params(kind: str, d: int, D: int, reset_after: bool = True) -> int:
    """Weights of one recurrent layer: k blocks of W_x (d, D), W_h (D, D) and a bias (D,), k = 1, 4 or 3.

    SimpleRNN(3) on inputs of 10 features: 3 * (10 + 3 + 1) = 42.
    """
    biases = 2 if kind == "GRU" and reset_after else 1
    return BLOCKS[kind] * D * (d + D + biases)


def bidirectional_params(kind: str, d: int, D: int, reset_after: bool = True) -> int:
    """Two independent layers, one reading forwards and one backwards."""
    return 2 * rnn_params(kind, d, D, reset_after)


def embedding_params(vocab_size: int, dim: int) -> int:
    return vocab_size * dim


def dense_params(n_in: int, n_out: int) -> int:
    return n_out * (n_in + 1)
