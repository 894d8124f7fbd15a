"""Exploring a table of word vectors E (V, n): cosine neighbours, analogies, and a 2-D PCA projection."""
from __future__ import annotations

import zipfile
from collections.abc import Sequence
from functools import lru_cache

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


# Tags of the Korean morphemes a list of neighbours shows (Sejong tags as Kiwi writes them; Kiwi marks
# irregular stems with a suffix: 아깝/VA-I). Particles (이/JKS), endings (었/EP, 다/EF), suffixes and
# symbols sit next to every word, so their vectors say little about meaning; they are left out.
# nouns (NNG, NNP), verbs (VV), adjectives (VA), roots (XR), adverbs (MAG), interjections (IC)
CONTENT_TAGS = frozenset({"NNG", "NNP", "VV", "VA", "XR", "MAG", "IC"})


def is_content_morpheme(token: str) -> bool:
    """'재밌/VA' -> True, '었/EP' -> False: a 'form/tag' morpheme whose tag is one of CONTENT_TAGS."""
    form, slash, tag = token.rpartition("/")
    return bool(slash and form) and tag.split("-")[0] in CONTENT_TAGS


def hidden_ids(tokens: Sequence[str], morphemes: bool = False) -> np.ndarray:
    """The ids a list of neighbours never shows, ascending: offensive tokens (rnn_core.safe_words, judged
    on the written form a reader would see) and, in a morpheme vocabulary, every token that is not a
    content morpheme. The ``blocked`` argument of nearest and analogy."""
    return _hidden(tuple(tokens), morphemes)


@lru_cache(maxsize=8)
def _hidden(tokens: tuple[str, ...], morphemes: bool) -> np.ndarray:
    from rnn_core.safe_words import blocked_ids

    if not morphemes:
        return blocked_ids(tokens)
    forms = [t.rpartition("/")[0] or t for t in tokens]
    keep = np.fromiter((is_content_morpheme(t) for t in tokens), dtype=bool, count=len(tokens))  # (V,)
    ids = np.union1d(blocked_ids(forms), np.flatnonzero(~keep))
    ids.setflags(write=False)
    return ids


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
