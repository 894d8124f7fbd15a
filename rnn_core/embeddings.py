"""Exploring a table of word vectors E (V, n): cosine neighbours, analogies, and a 2-D PCA projection."""
from __future__ import annotations

import zipfile
from collections.abc import Sequence

import numpy as np

from rnn_core.assets import ModelFileError, Verified, check_unpacked_size, load


def unit_rows(E: np.ndarray) -> np.ndarray:
    """Each row scaled to length 1 (zero rows stay zero): (V, n)."""
    norms = np.linalg.norm(E, axis=1, keepdims=True)
    return np.divide(E, norms, out=np.zeros_like(E), where=norms > 0)


def cosine_similarity(E: np.ndarray, query: np.ndarray) -> np.ndarray:
    """cos(E_i, query) for every row i: (V,)."""
    q = query / max(float(np.linalg.norm(query)), 1e-12)
    return unit_rows(E) @ q


def nearest(E: np.ndarray, query: np.ndarray, k: int, exclude: tuple[int, ...] = (0, 1),
            blocked: Sequence[int] | np.ndarray = ()) -> list[tuple[int, float]]:
    """The k rows most similar to query by cosine, as (row, similarity), skipping rows in ``exclude``
    and in ``blocked`` (ids never to show, e.g. rnn_core.safe_words.blocked_ids(tokens)); fewer than
    k when fewer rows are left."""
    sims = cosine_similarity(E, query)
    sims[list(exclude)] = -np.inf
    sims[np.asarray(blocked, dtype=np.intp)] = -np.inf
    top = np.argsort(-sims)[:k]
    return [(int(i), float(sims[i])) for i in top if sims[i] > -np.inf]


def analogy(E: np.ndarray, a: int, b: int, c: int, k: int = 5,
            blocked: Sequence[int] | np.ndarray = ()) -> list[tuple[int, float]]:
    """Rows nearest to E[a] - E[b] + E[c] (king - man + woman), leaving out a, b and c themselves
    and the ``blocked`` ids."""
    U = unit_rows(E)
    return nearest(E, U[a] - U[b] + U[c], k, exclude=(0, 1, a, b, c), blocked=blocked)


def pca_2d(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Project rows of X (m, n) on their two main directions: (coordinates (m, 2), explained variance ratio (2,))."""
    centred = X - X.mean(axis=0)
    _, s, Vt = np.linalg.svd(centred, full_matrices=False)
    ratio = s**2 / max(float(np.sum(s**2)), 1e-12)
    return centred @ Vt[:2].T, ratio[:2]


def load_word_vectors(name: str = "en-word2vec", folder=None) -> tuple[list[str], np.ndarray]:
    """(tokens, vectors (V, n) float32) of a shipped .npz (training/train_word_vectors.py), checked by rnn_core.assets."""
    return load(name, _read_word_vectors, folder)


def _read_word_vectors(checked: Verified) -> tuple[list[str], np.ndarray]:
    file = f"{checked.card.name}.npz"
    path = checked.path(file)
    check_unpacked_size(path)
    try:
        with np.load(path, allow_pickle=False) as data:
            tokens, vectors = [str(t) for t in data["tokens"]], data["vectors"].astype(np.float32)
    except (OSError, KeyError, ValueError, TypeError, EOFError, zipfile.BadZipFile) as err:
        raise ModelFileError(f"cannot read {file}: {err}", "unreadable", file) from err
    if vectors.ndim != 2 or len(tokens) != len(vectors) or len(set(tokens)) != len(tokens):
        raise ModelFileError(f"{file} holds {len(tokens)} tokens for vectors {vectors.shape}", "malformed", file)
    return tokens, vectors
