"""The shipped sentiment models, run in pure NumPy, and a command-line scorer.

A model is three files in ``assets/models``: ``<name>.keras`` (Embedding -> RNN -> Dense),
``<lang>-vocab.json`` (its vocabulary) and ``<name>.json`` (its card), checked and read through
``rnn_core.assets``, the one home of the model files.

    python -m rnn_core.sentiment --model en-lstm < sentences.txt
writes ``p_positive<TAB>label<TAB>sentence`` for every line read.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rnn_core.assets import SENTIMENT_MODELS, ModelCard, ModelFileError, Verified, load, read_tokens
from rnn_core.keras_file import load_keras_model
from rnn_core.model import Dense, Embedding, Recurrent, SequentialModel
from rnn_core.sequence import Trace
from rnn_core.text import OOV, PAD, Vocabulary, pad_sequences, tokenize

MODEL_NAMES = SENTIMENT_MODELS
CELLS = {"rnn": "SimpleRNN", "lstm": "LSTM", "gru": "GRU"}


@dataclass(frozen=True)
class Reading:
    """One sentence through a model: its tokens, ids, and the verdict after every prefix."""

    tokens: list[str]  # the tokens the model reads (after truncation to maxlen)
    ids: np.ndarray  # (T,)
    dropped: int  # tokens cut off the front because the text was longer than maxlen
    prefix_probabilities: np.ndarray  # (T,) p(positive) after reading tokens[: t + 1]
    trace: Trace | None

    @property
    def is_oov(self) -> np.ndarray:
        return self.ids == OOV

    @property
    def probability(self) -> float:
        """p(positive) of the whole text; 0.5 when nothing could be read."""
        return float(self.prefix_probabilities[-1]) if len(self.ids) else 0.5

    @property
    def known(self) -> int:
        return int(np.sum(~self.is_oov))


@dataclass(frozen=True)
class SentimentModel:
    card: ModelCard
    vocab: Vocabulary
    network: SequentialModel

    @classmethod
    def load(cls, name: str, folder: Path | None = None) -> "SentimentModel":
        """Load a shipped model after checking every file against the sha256 in its card (rnn_core.assets)."""
        if name not in MODEL_NAMES:
            raise ModelFileError(f"{name!r} is not a sentiment model", "malformed", str(name)[:40])
        return load(name, cls._from_files, folder)

    @classmethod
    def _from_files(cls, checked: Verified) -> "SentimentModel":
        card = checked.card
        network = load_keras_model(checked.path(card.model_file), expect=(Embedding, Recurrent, Dense))
        tokens = read_tokens(checked, card.vocab_file, rows=len(network.embedding.table))
        return cls(card=card, vocab=Vocabulary(tokens), network=network)

    def encode(self, text: str) -> tuple[list[str], list[int], int]:
        """(tokens kept, their ids, number of tokens dropped from the front) for one text."""
        tokens = tokenize(text, self.card.scheme)
        dropped = max(0, len(tokens) - self.card.maxlen)
        tokens = tokens[dropped:]
        return tokens, self.vocab.encode(tokens), dropped

    def probabilities(self, ids: np.ndarray) -> np.ndarray:
        """p(positive) for a padded batch of ids (B, T) -> (B,)."""
        if ids.shape[1] == 0:
            return np.full(ids.shape[0], 0.5, dtype=np.float32)
        return self.network(ids)[:, 0]

    def predict(self, texts: list[str]) -> np.ndarray:
        """p(positive) for each text, (len(texts),)."""
        ids = pad_sequences([self.encode(t)[1] for t in texts], padding="pre")
        return self.probabilities(ids)

    def read(self, text: str) -> Reading:
        """Run one text and keep the whole trace; the head applied to every h_t gives the verdict so far."""
        tokens, ids, dropped = self.encode(text)
        ids_arr = np.asarray(ids, dtype=np.int32)
        if not ids:
            return Reading(tokens, ids_arr, dropped, np.zeros(0, np.float32), None)
        result = self.network.run(ids_arr[None, :])
        trace = next(t for t in result.traces if isinstance(t, Trace))
        prefix = self.network.head(trace.h[0])[:, 0]  # (T,)
        return Reading(tokens, ids_arr, dropped, prefix, trace)

    def leave_one_out(self, ids: np.ndarray) -> np.ndarray:
        """How much each token pushed the verdict: p(full) - p(text without that token), (T,)."""
        T = len(ids)
        if T == 0:
            return np.zeros(0, np.float32)
        without = [np.delete(ids, t) for t in range(T)]
        batch = pad_sequences([ids, *without], maxlen=T, padding="pre", value=PAD)  # (T + 1, T)
        p = self.probabilities(batch)
        return p[0] - p[1:]


def label_of(p: float) -> str:
    return "pos" if p >= 0.5 else "neg"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score sentences read one a line from standard input.")
    parser.add_argument("--model", choices=MODEL_NAMES, default="en-lstm")
    parser.add_argument("--assets", type=Path, default=None, help="folder holding the model files")
    args = parser.parse_args(argv)
    try:
        model = SentimentModel.load(args.model, args.assets)
    except ModelFileError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for line in sys.stdin:
        sentence = line.rstrip("\n")
        p = float(model.predict([sentence])[0])
        print(f"{p:.4f}\t{label_of(p)}\t{sentence}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
