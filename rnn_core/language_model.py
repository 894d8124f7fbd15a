"""The shipped word-level language model, run in NumPy: which word comes next?

Files in assets/models (checked through rnn_core.assets): en-lm.keras (Embedding ->
LSTM(return_sequences=True) -> Dense(softmax)), en-lm-vocab.json and the card en-lm.json.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rnn_core.assets import ModelCard, Verified, load, read_tokens
from rnn_core.keras_file import load_keras_model
from rnn_core.model import Dense, Embedding, Recurrent, SequentialModel
from rnn_core.text import OOV, Vocabulary, tokenize


@dataclass(frozen=True)
class LanguageModel:
    vocab: Vocabulary
    network: SequentialModel
    card: ModelCard

    @classmethod
    def load(cls, name: str = "en-lm", folder: Path | None = None) -> "LanguageModel":
        return load(name, cls._from_files, folder)

    @classmethod
    def _from_files(cls, checked: Verified) -> "LanguageModel":
        card = checked.card
        network = load_keras_model(checked.path(card.model_file), expect=(Embedding, Recurrent, Dense))
        tokens = read_tokens(checked, card.vocab_file, rows=len(network.embedding.table))
        return cls(vocab=Vocabulary(tokens), network=network, card=card)

    def encode(self, text: str) -> list[int]:
        return self.vocab.encode(tokenize(text, self.card.scheme))

    def distribution(self, ids: list[int]) -> np.ndarray:
        """p(next word) after reading ids: (V,)."""
        return self.network(np.asarray([ids], dtype=np.int32))[0, -1]

    def next_words(self, text: str, k: int = 10, allowed: np.ndarray | None = None) -> list[tuple[str, float]]:
        """The k most likely next words after ``text`` (the OOV and padding entries left out, and every
        id where the (V,) bool mask ``allowed`` is False, e.g. rnn_core.safe_words.allowed_mask(vocab.tokens))."""
        ids = self.encode(text)
        if not ids:
            return []
        p = self.distribution(ids).copy()
        p[[0, OOV]] = 0.0
        if allowed is not None:
            p[~np.asarray(allowed, dtype=bool)] = 0.0
        top = np.argsort(-p)[:k]
        return [(self.vocab.tokens[i], float(p[i])) for i in top]
