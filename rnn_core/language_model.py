"""The shipped word-level language model, run in NumPy: which word comes next?

Files in assets/models: en-lm.keras (Embedding -> LSTM(return_sequences=True) -> Dense(softmax)),
en-lm-vocab.json and the card en-lm.json with the sha256 of both.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rnn_core.keras_file import ModelFileError, load_keras_model
from rnn_core.model import SequentialModel
from rnn_core.sentiment import models_folder, sha256_of
from rnn_core.text import OOV, Vocabulary, tokenize


@dataclass(frozen=True)
class LanguageModel:
    vocab: Vocabulary
    network: SequentialModel
    card: dict

    @classmethod
    def load(cls, name: str = "en-lm", folder: Path | None = None) -> "LanguageModel":
        folder = Path(folder) if folder else models_folder()
        card_path = folder / f"{name}.json"
        if not card_path.is_file():
            raise ModelFileError(f"{card_path.name} is missing", "missing", card_path.name)
        card = json.loads(card_path.read_text(encoding="utf-8"))
        for file, digest in card["sha256"].items():
            path = folder / file
            if not path.is_file():
                raise ModelFileError(f"{file} is missing", "missing", file)
            if sha256_of(path) != digest:
                raise ModelFileError(f"{file} does not match its sha256", "changed", file)
        vocab = Vocabulary(tuple(json.loads((folder / f"{name}-vocab.json").read_text(encoding="utf-8"))))
        return cls(vocab=vocab, network=load_keras_model(folder / f"{name}.keras"), card=card)

    def encode(self, text: str) -> list[int]:
        return self.vocab.encode(tokenize(text, "words"))

    def distribution(self, ids: list[int]) -> np.ndarray:
        """p(next word) after reading ids: (V,)."""
        return self.network(np.asarray([ids], dtype=np.int32))[0, -1]

    def next_words(self, text: str, k: int = 10) -> list[tuple[str, float]]:
        """The k most likely next words after ``text`` (the OOV and padding entries left out)."""
        ids = self.encode(text)
        if not ids:
            return []
        p = self.distribution(ids).copy()
        p[[0, OOV]] = 0.0
        top = np.argsort(-p)[:k]
        return [(self.vocab.tokens[i], float(p[i])) for i in top]
