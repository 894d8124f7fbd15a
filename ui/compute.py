"""Cached pure computations behind the pages: same arguments, same numbers, computed once per server.

st.cache_data hands every session its own copy, so no session can change another's results.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from rnn_core.sequence import run
from ui.models import embedding_table, sentiment_model


@dataclass(frozen=True)
class Pipeline:
    """A batch of texts through a shipped model's text pipeline and its recurrent layer."""

    tokens: list[list[str]]  # per text, all tokens (before truncation)
    ids: list[list[int]]  # per text, their ids (1 = OOV)
    padded: np.ndarray  # (B, L) ids after padding / truncation
    padded_tokens: list[list[str]]  # (B, L) the token at each position, "" on padding
    vectors: np.ndarray  # (T, E) embedding rows of the first text
    onehot_gap: float  # max |one_hot(ids) @ E - E[ids]| for the first text
    masked_h: np.ndarray  # (L, D) hidden states of the first text, padded
    p_padded: float  # verdict on the padded first text
    p_plain: float  # verdict on the first text without padding


@st.cache_data(max_entries=512, show_spinner=False)
def pipeline(name: str, texts: tuple[str, ...], maxlen: int, padding: str, truncating: str) -> Pipeline:
    from rnn_core.text import one_hot, pad_sequences

    model = sentiment_model(name)
    tokens = [tokenize_for(model, t) for t in texts]
    ids = [model.vocab.encode(toks) for toks in tokens]
    padded = pad_sequences(ids, maxlen=maxlen, padding=padding, truncating=truncating)
    positions = pad_sequences([list(range(1, len(t) + 1)) for t in tokens], maxlen=maxlen, padding=padding,
                              truncating=truncating)  # the same cut and fill, applied to 1-based positions
    padded_tokens = [[toks[k - 1] if k else "" for k in row] for toks, row in zip(tokens, positions)]
    table = model.network.embedding.table
    first = np.asarray(ids[0], dtype=int)
    gap = float(np.max(np.abs(one_hot(first, len(table)) @ table - table[first]))) if len(first) else 0.0
    run = model.network.run(padded[:1])
    trace = next(tr for tr in run.traces if tr is not None)
    return Pipeline(tokens=tokens, ids=ids, padded=padded, padded_tokens=padded_tokens, vectors=table[first],
                    onehot_gap=gap,
                    masked_h=trace.h[0], p_padded=float(run.output[0, 0]),
                    p_plain=float(model.probabilities(np.asarray([ids[0]]))[0]))


def tokenize_for(model, text: str) -> list[str]:
    from rnn_core.text import tokenize

    return tokenize(text, model.card.scheme)


@st.cache_data(max_entries=1024, show_spinner=False)
def shuffled_verdict(name: str, text: str, seed: int) -> tuple[list[str], float, float]:
    """(tokens in a shuffled order, p(positive) in the original order, p(positive) shuffled)."""
    model = sentiment_model(name)
    tokens = model.encode(text)[0]  # the tokens the model reads (the last maxlen)
    order = np.random.default_rng(seed).permutation(len(tokens))
    if len(tokens) > 1 and np.all(order == np.arange(len(tokens))):
        order = np.roll(order, 1)  # always show a different order
    shuffled = [tokens[i] for i in order]
    p = model.probabilities(np.asarray([model.vocab.encode(tokens)]))[0]
    q = model.probabilities(np.asarray([model.vocab.encode(shuffled)]))[0]
    return shuffled, float(p), float(q)


@st.cache_data(max_entries=256, show_spinner=False)
def toy_layer_shapes(batch: int, steps: int, features: int, units: int) -> tuple[tuple, tuple]:
    """Output shapes of a random SimpleRNN(units) on a (batch, steps, features) batch: (last only, all states)."""
    from rnn_core.cells import random_cell
    from rnn_core.sequence import layer_output

    cell = random_cell("SimpleRNN", features, units)
    trace = run(cell, np.zeros((batch, steps, features), np.float32))
    return layer_output(trace, False).shape, layer_output(trace, True).shape


@st.cache_data(max_entries=256, show_spinner=False)
def stacked_shapes(vocab: int, embed: int, units1: int, units2: int, batch: int = 8,
                   steps: int = 20) -> list[tuple[str, tuple, int, str]]:
    """Embedding -> SimpleRNN(units1, return_sequences=True) -> SimpleRNN(units2) -> Dense(1), run on a batch.

    Returns (layer, output shape, parameters, formula) per layer; shapes come from the real NumPy run.
    """
    from rnn_core.cells import random_cell
    from rnn_core.params import FORMULAS, dense_params, embedding_params, rnn_params
    from rnn_core.sequence import run_stack

    ids = np.random.default_rng(0).integers(0, vocab, (batch, steps))
    xs = np.random.default_rng(1).standard_normal((vocab, embed)).astype(np.float32)[ids] * 0.1  # (B, T, E)
    low, high = random_cell("SimpleRNN", embed, units1, scale=0.1), random_cell("SimpleRNN", units1, units2, scale=0.1)
    traces = run_stack([low, high], xs)
    last = traces[1].final_state[0]  # (B, units2)
    return [
        ("Embedding", xs.shape, embedding_params(vocab, embed), FORMULAS["Embedding"]),
        (f"SimpleRNN({units1}, return_sequences=True)", traces[0].h.shape, rnn_params("SimpleRNN", embed, units1),
         FORMULAS["SimpleRNN"]),
        (f"SimpleRNN({units2})", last.shape, rnn_params("SimpleRNN", units1, units2), FORMULAS["SimpleRNN"]),
        ("Dense(1)", (batch, 1), dense_params(units2, 1), FORMULAS["Dense"]),
    ]


@st.cache_data(max_entries=256, show_spinner=False)
def toy_bidirectional(words: tuple[str, ...], units: int = 4, seed: int = 0) -> np.ndarray:
    """Forward and backward states of a random bidirectional SimpleRNN over toy word vectors: (T, 2 * units)."""
    from rnn_core.cells import random_cell
    from rnn_core.sequence import run_bidirectional
    from rnn_core.toy import sentence_tensor

    xs = sentence_tensor(list(words), 4, seed)
    fwd, bwd = random_cell("SimpleRNN", 4, units, seed=seed), random_cell("SimpleRNN", 4, units, seed=seed + 1)
    return run_bidirectional(fwd, bwd, xs).output(return_sequences=True)[0]


@dataclass(frozen=True)
class WordMap:
    labels: list[str]  # the words drawn: the most frequent ones, then the learner's
    coords: np.ndarray  # (m, 2) PCA projection of their vectors
    explained: np.ndarray  # (2,) share of the variance each axis keeps
    mine: np.ndarray  # (m,) True for the learner's words


@st.cache_data(max_entries=256, show_spinner=False)
def word_map(source: str, lang: str, words: tuple[str, ...], frequent: int = 300) -> WordMap:
    """The vectors of the `frequent` most common tokens plus ``words``, projected to 2-D by PCA."""
    from rnn_core.embeddings import pca_2d

    vocab, table = embedding_table(source, lang)
    ids = list(range(2, min(len(vocab), frequent + 2)))
    extra = [i for i in dict.fromkeys(vocab.encode(list(words))) if i > 1 and i not in ids]
    rows = ids + extra
    coords, explained = pca_2d(table[rows].astype(np.float64))
    mine = set(vocab.encode(list(words)))
    return WordMap(labels=vocab.decode(rows), coords=coords, explained=explained,
                   mine=np.array([i in mine for i in rows]))


def neighbours(source: str, lang: str, word: str, k: int = 10) -> list[tuple[str, float]] | None:
    """The k tokens whose vectors are closest (cosine) to ``word``'s; None if it is not in the vocabulary."""
    from rnn_core.embeddings import nearest

    vocab, table = embedding_table(source, lang)
    i = vocab.id_of(word)
    if i <= 1:
        return None
    return [(vocab.tokens[j], s) for j, s in nearest(table, table[i], k, exclude=(0, 1, i))]


def analogy_of(source: str, lang: str, a: str, b: str, c: str, k: int = 5) -> list[tuple[str, float]] | None:
    """Tokens nearest to a - b + c; None if any of the three is out of vocabulary."""
    from rnn_core.embeddings import analogy

    vocab, table = embedding_table(source, lang)
    ids = [vocab.id_of(w) for w in (a, b, c)]
    if min(ids) <= 1:
        return None
    return [(vocab.tokens[j], s) for j, s in analogy(table, *ids, k=k)]


@st.cache_data(max_entries=1024, show_spinner=False)
def next_words(prefix: str, k: int = 10) -> list[tuple[str, float]]:
    """The language model's k most likely next words after ``prefix``."""
    from ui.models import language_model

    return language_model().next_words(prefix, k)
