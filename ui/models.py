"""Cached loaders for the shipped models: NumPy twins for every page; the demo's Keras check runs in a worker.

``st.cache_resource`` keeps one read-only copy per server process. The cache key includes each
file's size and modification time, so a model file that is replaced is verified and loaded again,
and a failed load is not cached: the next request tries again.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import streamlit as st

from rnn_core.keras_file import ModelFileError
from rnn_core.sentiment import SentimentModel, models_folder
from ui.keras_twin import KerasTwin


def _files_stamp(paths: list[Path]) -> tuple:
    """(size, mtime) of each file, None where missing: part of a cache key, so a replaced file is loaded again."""
    return tuple((p.stat().st_size, p.stat().st_mtime_ns) if p.exists() else None for p in paths)


def _stamp(name: str, folder: Path) -> tuple:
    """(size, mtime) of the card, the model file and the vocabulary: changes when any file changes."""
    paths = [folder / f"{name}.json", folder / f"{name}.keras", folder / f"{name.split('-')[0]}-vocab.json"]
    return _files_stamp(paths)


@st.cache_resource(show_spinner=False, max_entries=12)
def _load(name: str, folder: str, stamp: tuple) -> SentimentModel:
    return SentimentModel.load(name, Path(folder))


def sentiment_model(name: str) -> SentimentModel:
    """The NumPy model ``name`` (e.g. 'en-lstm'); raises ModelFileError if its files are missing or changed."""
    folder = models_folder()
    return _load(name, str(folder), _stamp(name, folder))


@st.cache_resource(show_spinner=False)
def _keras_twin() -> KerasTwin:
    return KerasTwin()  # one worker process per server, shared by every session


def keras_probability(name: str, ids: np.ndarray) -> float:
    """p(positive) from the real Keras model, called directly (no model.predict): ids (T,) -> float."""
    model = sentiment_model(name)  # checks the sha256 before Keras reads the file
    folder = models_folder()
    return _keras_probability(str(folder / model.card.model_file), _stamp(name, folder), tuple(int(i) for i in ids))


@st.cache_data(max_entries=2048, show_spinner=False)
def _keras_probability(path: str, stamp: tuple, ids: tuple[int, ...]) -> float:
    """Cached per model file and token ids: a class checking the same sentence asks Keras once."""
    return _keras_twin().probability(Path(path), ids)


@st.cache_resource(show_spinner=False, max_entries=4)
def _word_vectors(folder: str, stamp: tuple):
    import json

    from rnn_core.embeddings import load_word_vectors
    from rnn_core.sentiment import sha256_of
    from rnn_core.text import Vocabulary

    card_path, path = Path(folder) / "en-word2vec.json", Path(folder) / "en-word2vec.npz"
    if not card_path.is_file() or not path.is_file():
        raise ModelFileError("en-word2vec is missing", "missing", path.name)
    if json.loads(card_path.read_text(encoding="utf-8"))["sha256"].get(path.name) != sha256_of(path):
        raise ModelFileError("en-word2vec.npz does not match its sha256", "changed", path.name)
    tokens, vectors = load_word_vectors(path)
    return Vocabulary(tuple(tokens)), vectors


def embedding_table(source: str, lang: str):
    """(Vocabulary, table (V, n)) of 'sentiment' (the language's LSTM) or 'word2vec' (English skip-gram)."""
    if source == "word2vec":
        folder = models_folder()
        paths = [folder / "en-word2vec.npz", folder / "en-word2vec.json"]
        return _word_vectors(str(folder), _files_stamp(paths))
    model = sentiment_model(f"{lang}-lstm")
    return model.vocab, model.network.embedding.table


@st.cache_resource(show_spinner=False, max_entries=2)
def _language_model(folder: str, stamp: tuple):
    from rnn_core.language_model import LanguageModel

    return LanguageModel.load("en-lm", Path(folder))


def language_model():
    """The shipped English word-level language model (NumPy); raises ModelFileError if it cannot be used."""
    folder = models_folder()
    paths = [folder / "en-lm.json", folder / "en-lm.keras", folder / "en-lm-vocab.json"]
    return _language_model(str(folder), _files_stamp(paths))


def fault_message(name: str, err: ModelFileError) -> str:
    """What the learner reads when model ``name`` cannot be used, in their language."""
    from ui.i18n import t

    return t("demo.model_error", model=name, why=t(f"fault.{err.reason}", file=err.file or name))


__all__ = ["ModelFileError", "embedding_table", "fault_message", "keras_probability", "language_model",
           "sentiment_model"]
