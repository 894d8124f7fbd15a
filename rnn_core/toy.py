"""Small, reproducible weights and word vectors for lessons that run before anything is trained."""
from __future__ import annotations

import hashlib

import numpy as np

from rnn_core.cells import SimpleRNNCell

INITS = ("centred", "notes")


def word_vector(word: str, dim: int, seed: int = 0) -> np.ndarray:
    """A fixed random vector (dim,) for a word: the same word always gets the same row of the toy table."""
    digest = hashlib.sha256(f"{seed}:{word}".encode("utf-8")).digest()
    rng = np.random.default_rng(int.from_bytes(digest[:8], "little"))
    return rng.uniform(-1.0, 1.0, dim).astype(np.float32)


def sentence_tensor(words: list[str], dim: int, seed: int = 0) -> np.ndarray:
    """A batch of one sentence: (1, T, dim), one toy word vector per time step."""
    rows = [word_vector(w, dim, seed) for w in words]
    return np.stack(rows)[None] if rows else np.zeros((1, 0, dim), np.float32)


def toy_simple_rnn(d: int, D: int, seed: int = 0, init: str = "centred") -> SimpleRNNCell:
    """A SimpleRNN cell with d inputs and D units.

    'centred': W ~ N(0, 1/(d + D)) like Keras' Glorot scale; 'notes': W ~ U[0, 1) as the lecture notes do,
    which drives tanh into saturation.
    """
    if init not in INITS:
        raise ValueError(f"init must be one of {INITS}")
    rng = np.random.default_rng(seed)
    if init == "notes":
        W_x, W_h, b = rng.random((d, D)), rng.random((D, D)), rng.random(D)
    else:
        scale = np.sqrt(2.0 / (d + D))
        W_x, W_h, b = rng.normal(0, scale, (d, D)), rng.normal(0, scale, (D, D)), rng.normal(0, 0.1, D)
    return SimpleRNNCell(W_x=W_x.astype(np.float32), W_h=W_h.astype(np.float32), b=b.astype(np.float32))


def checksum(*arrays: np.ndarray) -> str:
    """A short fingerprint of some arrays, to show they are the very same at every step."""
    h = hashlib.sha256()
    for a in arrays:
        h.update(np.ascontiguousarray(a).tobytes())
    return h.hexdigest()[:8]


def gradient_lab(units: int, steps: int, rho: float, activation: str = "tanh", seed: int = 0,
                 input_dim: int = 4) -> tuple[SimpleRNNCell, np.ndarray]:
    """A float64 SimpleRNN whose W_h has spectral radius rho, and random inputs xs (1, steps, input_dim)."""
    from rnn_core.bptt import with_spectral_radius

    rng = np.random.default_rng(seed)
    W_h = with_spectral_radius(rng.standard_normal((units, units)), rho)
    W_x = rng.standard_normal((input_dim, units)) * 0.5
    cell = SimpleRNNCell(W_x=W_x, W_h=W_h, b=np.zeros(units), activation=activation)
    return cell, rng.standard_normal((1, steps, input_dim)) * 0.5
