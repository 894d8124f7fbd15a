"""Three ways to read a many-to-one verdict off the hidden states of one frozen recurrent layer (lesson 4).

With H (B, T, D) the states of a padded batch and mask (B, T) True on real tokens:

- ``last``:   h_T, the state after the last token                        (B, D)
- ``mean``:   the mean of h_t over the real tokens (masked average)      (B, D)
- ``concat``: every h_t side by side, padding steps included             (B, T * D)

Each read-out has its own logistic head, p = sigmoid(features · w + b), trained by training/train_readouts.py on
en-rnn's frozen states and shipped as en-rnn-readouts.npz (w_last, b_last, w_mean, ...). The Keras twins are
Dense(1, sigmoid) after the last state, GlobalAveragePooling1D (which honours the mask) and Flatten.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass

import numpy as np

from rnn_core.activations import sigmoid
from rnn_core.assets import ModelFileError, Verified, check_unpacked_size, load

KINDS = ("last", "mean", "concat")


def features(H: np.ndarray, mask: np.ndarray) -> dict[str, np.ndarray]:
    """The three read-outs of states H (B, T, D) under mask (B, T): {kind: (B, n)}."""
    H, mask = np.asarray(H, dtype=np.float32), np.asarray(mask, dtype=bool)
    if H.ndim != 3 or mask.shape != H.shape[:2]:
        raise ValueError(f"H must be (B, T, D) and mask (B, T), not {H.shape} and {mask.shape}")
    B, T, D = H.shape
    counts = np.maximum(mask.sum(axis=1, keepdims=True), 1)  # (B, 1)
    return {"last": H[:, -1, :],  # (B, D): with pre-padding the last step is the last token
            "mean": (H * mask[:, :, None]).sum(axis=1) / counts,  # (B, D)
            "concat": H.reshape(B, T * D)}  # (B, T * D)


@dataclass(frozen=True)
class ReadoutHeads:
    """One logistic head per read-out: weights w[kind] (n,), bias b[kind]."""

    w: dict[str, np.ndarray]
    b: dict[str, float]

    def probabilities(self, kind: str, x: np.ndarray) -> np.ndarray:
        """p(positive) from read-out ``kind``'s features x (B, n): (B,)."""
        x = np.asarray(x, dtype=np.float32)
        if x.ndim != 2 or x.shape[1] != len(self.w[kind]):
            raise ValueError(f"{kind} features must be (B, {len(self.w[kind])}), not {x.shape}")
        return sigmoid(x @ self.w[kind] + self.b[kind])


def load_heads(name: str = "en-rnn-readouts", folder=None) -> tuple[Verified, ReadoutHeads]:
    """The shipped heads and their checked card (rnn_core.assets verifies the sha256 first)."""
    return load(name, _read, folder)


def _read(checked: Verified) -> tuple[Verified, ReadoutHeads]:
    file = f"{checked.card.name}.npz"
    path = checked.path(file)
    check_unpacked_size(path)
    try:
        with np.load(path, allow_pickle=False) as data:
            w = {k: data[f"w_{k}"].astype(np.float32) for k in KINDS}
            b = {k: float(data[f"b_{k}"]) for k in KINDS}
    except (OSError, KeyError, ValueError, TypeError, EOFError, zipfile.BadZipFile) as err:
        raise ModelFileError(f"cannot read {file}: {err}", "unreadable", file) from err
    units, steps = checked.card.units, checked.card.maxlen
    sizes = {"last": units, "mean": units, "concat": units * steps}
    if any(w[k].shape != (sizes[k],) for k in KINDS):
        raise ModelFileError(f"{file} holds heads of sizes {[w[k].shape for k in KINDS]}", "malformed", file)
    return checked, ReadoutHeads(w=w, b=b)
