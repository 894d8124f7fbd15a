"""A part-of-speech tagger, run in NumPy: many-to-many with aligned outputs, one tag per morpheme (lesson 3).

ko-tagger reads the written forms of Kiwi's morphemes ('이', '영화', '가') and gives, at every step t, a
probability for each coarse part of speech from the hidden state h_t alone:

    Embedding(V, E, mask_zero) -> SimpleRNN(D, return_sequences=True) -> Dense(K, softmax)   (1, T, K)

It only reads forwards, so its guess at step t rests on the morphemes up to t. Its training labels are Kiwi's
own tags folded into the coarse set TAGS (training/train_tagger.py): the tagger learns to agree with Kiwi,
which chose each form and its tag from the whole sentence and a dictionary. Forms alone are often enough
(영화 is a noun); the same form with several parts of speech (이: determiner, pronoun, particle, copula) is
where the hidden state's memory of earlier morphemes decides.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rnn_core.assets import ModelCard, ModelFileError, Verified, load, read_tokens
from rnn_core.keras_file import load_keras_model
from rnn_core.korean import split_morpheme
from rnn_core.model import Dense, Embedding, Recurrent, SequentialModel
from rnn_core.text import Vocabulary

# coarse part of speech -> the Sejong tags (Kiwi's tag set) folded into it, by prefix; order = the Dense units
TAGS: dict[str, tuple[str, ...]] = {
    "noun": ("NNG", "NNP", "NNB", "NR", "SN"),
    "pronoun": ("NP",),
    "verb": ("VV", "VX"),
    "adjective": ("VA",),
    "copula": ("VCP", "VCN"),
    "determiner": ("MM",),
    "adverb": ("MAG", "MAJ"),
    "interjection": ("IC",),
    "particle": ("J",),
    "ending": ("E",),
    "affix": ("XP", "XS"),
    "symbol": ("SF", "SP", "SS", "SE", "SO", "SW"),
    "other": ("XR", "SL", "SH", "SB", "UN", "W", "Z", "US"),
}
TAG_NAMES = tuple(TAGS)
MAX_MORPHEMES = 60  # a sentence's morphemes beyond this are not tagged (the page says so)


def coarse_tag(sejong: str) -> int:
    """The index in TAG_NAMES of a Kiwi tag ('JKS' -> particle); the longest matching prefix wins."""
    best, length = TAG_NAMES.index("other"), 0
    for k, prefixes in enumerate(TAGS.values()):
        for prefix in prefixes:
            if sejong.startswith(prefix) and len(prefix) > length:
                best, length = k, len(prefix)
    return best


@dataclass(frozen=True)
class Tagging:
    """One sentence through the tagger. T morphemes, K tags."""

    forms: tuple[str, ...]  # (T,) written forms the tagger read
    known: np.ndarray  # (T,) bool: the form is in the tagger's vocabulary
    P: np.ndarray  # (T, K): p(tag | morphemes 1..t)
    kiwi: np.ndarray  # (T,) int: Kiwi's own tag, folded into TAG_NAMES
    cut: bool  # the sentence had more than MAX_MORPHEMES morphemes; only the first were tagged

    @property
    def predicted(self) -> np.ndarray:
        """(T,) int: the most probable tag at each step."""
        return self.P.argmax(axis=1)

    @property
    def agree(self) -> int:
        """How many morphemes the tagger tags as Kiwi does."""
        return int((self.predicted == self.kiwi).sum())


@dataclass(frozen=True)
class Tagger:
    vocab: Vocabulary
    network: SequentialModel
    card: ModelCard

    @classmethod
    def load(cls, name: str = "ko-tagger", folder: Path | None = None) -> "Tagger":
        return load(name, cls._from_files, folder)

    @classmethod
    def _from_files(cls, checked: Verified) -> "Tagger":
        card = checked.card
        network = load_keras_model(checked.path(card.model_file), expect=(Embedding, Recurrent, Dense))
        if card.training.get("tags") != list(TAG_NAMES) or network.layers[-1].W.shape[1] != len(TAG_NAMES):
            raise ModelFileError(f"{card.name}: its tags are not {TAG_NAMES}", "malformed", card.model_file)
        tokens = read_tokens(checked, card.vocab_file, rows=len(network.embedding.table))
        return cls(vocab=Vocabulary(tokens), network=network, card=card)

    def probabilities(self, ids: np.ndarray) -> np.ndarray:
        """ids (B, T) -> p(tag) at every step (B, T, K)."""
        ids = np.asarray(ids, dtype=np.int32)
        if ids.ndim != 2:
            raise ValueError(f"ids must be (B, T), not {ids.shape}")
        return self.network(ids)

    def tag(self, morphemes: list[str]) -> Tagging:
        """Tag Kiwi's morphemes ('form/TAG' tokens, rnn_core.korean.morphemes) from their forms alone."""
        cut = len(morphemes) > MAX_MORPHEMES
        pairs = [split_morpheme(m) for m in morphemes[:MAX_MORPHEMES]]
        forms = tuple(form for form, _ in pairs)
        ids = self.vocab.encode(forms)
        T, K = len(ids), len(TAG_NAMES)
        P = self.probabilities(np.asarray([ids]))[0] if T else np.zeros((0, K), np.float32)  # (T, K)
        return Tagging(forms=forms, known=np.asarray([i > 1 for i in ids], dtype=bool).reshape(T), P=P,
                       kiwi=np.asarray([coarse_tag(tag) for _, tag in pairs], dtype=np.int64).reshape(T), cut=cut)
