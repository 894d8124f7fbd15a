"""Cached loaders for the shipped models: NumPy twins for every page; the demo's Keras check runs in a worker.

Every loader goes through ``rnn_core.assets`` (the one verified load), and every cache is keyed by
the model's content digest, so a file that is replaced or damaged is checked again and nothing
computed from the old file is shown. ``st.cache_resource`` keeps one read-only copy per process.
"""
from __future__ import annotations

import numpy as np
import streamlit as st

from rnn_core.assets import ModelFileError, models_folder, verify
from rnn_core.sentiment import SentimentModel
from ui.heap import long_lived
from workers.keras_twin import KerasTwin, TwinError


def digest_of(name: str) -> str:
    """The content digest of model ``name`` after verification: part of every cache key built on it."""
    return verify(name).digest


@st.cache_resource(show_spinner=False, max_entries=8)
@long_lived
def _sentiment(name: str, folder: str, digest: str) -> SentimentModel:
    return SentimentModel.load(name)


def sentiment_model(name: str) -> SentimentModel:
    """The NumPy model ``name`` (e.g. 'en-lstm'); raises ModelFileError if it cannot be used."""
    return _sentiment(name, str(models_folder()), digest_of(name))


@st.cache_resource(show_spinner=False, max_entries=4)
@long_lived
def _readout_heads(name: str, folder: str, digest: str):
    from rnn_core.readouts import load_heads

    checked, heads = load_heads(name)
    return checked.card, heads


def readout_heads(name: str):
    """(card, ReadoutHeads) of lesson 4's heads ``name`` (e.g. 'en-rnn-readouts'); raises ModelFileError."""
    return _readout_heads(name, str(models_folder()), digest_of(name))


@st.cache_resource(show_spinner=False)
def _keras_twin() -> KerasTwin:
    return KerasTwin()  # one worker per server (or the shared one in RNNLAB_KERAS_TWIN), for every session


def keras_probability(name: str, ids: np.ndarray) -> float:
    """p(positive) from the real Keras model, called directly (no model.predict): ids (T,) -> float.

    Raises ModelFileError if the files cannot be used, TwinError if the worker is busy, hung or refuses.
    """
    return _keras_probability(name, digest_of(name), tuple(int(i) for i in ids))


@st.cache_data(max_entries=2048, show_spinner=False)
def _keras_probability(name: str, digest: str, ids: tuple[int, ...]) -> float:
    """Cached per model content and token ids: a class checking the same sentence asks Keras once."""
    return _keras_twin().probability(name, digest, ids)


@st.cache_resource(show_spinner=False, max_entries=4)
@long_lived
def _word_vectors(name: str, folder: str, digest: str):
    from rnn_core.embeddings import load_word_vectors
    from rnn_core.text import Vocabulary

    tokens, vectors = load_word_vectors(name)
    return Vocabulary(tuple(tokens)), vectors


def embedding_table(source: str, lang: str):
    """(Vocabulary, table (V, n)) of 'sentiment' (the language's LSTM) or 'word2vec' (the language's
    skip-gram vectors: en-word2vec over words, ko-word2vec over Kiwi morphemes)."""
    if source == "word2vec":
        return _word_vectors(f"{lang}-word2vec", str(models_folder()), digest_of(f"{lang}-word2vec"))
    model = sentiment_model(f"{lang}-lstm")
    return model.vocab, model.network.embedding.table


@st.cache_resource(show_spinner=False, max_entries=4)
@long_lived
def _language_model(name: str, folder: str, digest: str):
    from rnn_core.language_model import LanguageModel

    return LanguageModel.load(name)


def language_model(name: str = "en-lm"):
    """A shipped next-token language model (NumPy): 'en-lm' over English words, 'ko-lm' over Kiwi morphemes;
    raises ModelFileError if it cannot be used."""
    return _language_model(name, str(models_folder()), digest_of(name))


def fault_message(name: str, err: ModelFileError) -> str:
    """What the learner reads when model ``name`` cannot be used, in their language."""
    from ui.i18n import t

    return t("demo.model_error", model=name, why=t(f"fault.{err.reason}", file=err.file or name))


def show_fault(name: str, err: ModelFileError) -> None:
    """The one way a page shows that a model cannot be used (the rest of the page keeps working)."""
    st.warning(fault_message(name, err), icon="⚠️")


__all__ = ["ModelFileError", "TwinError", "digest_of", "embedding_table", "fault_message", "keras_probability",
           "language_model", "readout_heads", "sentiment_model", "show_fault"]
