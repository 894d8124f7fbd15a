"""The shipped sentiment models, run in pure NumPy, and a command-line scorer.

A model is three files in ``assets/models``: ``<name>.keras`` (Embedding -> RNN -> Dense),
``<lang>-vocab.json`` (its vocabulary) and ``<name>.json`` (its card: settings, metrics, sha256).
The card is the one config object shared by the training code and every loader.

    python -m rnn_core.sentiment --model en-lstm < sentences.txt
writes ``p_positive<TAB>label<TAB>sentence`` for every line read.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from rnn_core.keras_file import ModelFileError, load_keras_model
from rnn_core.model import SequentialModel
from rnn_core.sequence import Trace
from rnn_core.text import OOV, PAD, Vocabulary, pad_sequences, tokenize

ASSETS = Path(__file__).resolve().parent.parent / "assets" / "models"


def models_folder() -> Path:
    """Where the shipped models live: assets/models, or the folder named by RNNLAB_MODELS."""
    return Path(os.environ.get("RNNLAB_MODELS") or ASSETS)
MODEL_NAMES = ("en-rnn", "en-lstm", "en-gru", "ko-rnn", "ko-lstm", "ko-gru")
CELLS = {"rnn": "SimpleRNN", "lstm": "LSTM", "gru": "GRU"}


@dataclass
class ModelCard:
    """Everything needed to rebuild, encode for and judge one model (written by training/, read here)."""

    name: str  # e.g. "en-lstm"
    language: str  # "en" or "ko"
    cell: str  # "SimpleRNN", "LSTM" or "GRU"
    scheme: str  # tokenizer scheme, see rnn_core.text
    vocab_size: int
    maxlen: int  # longest token sequence the model reads; longer text keeps its last maxlen tokens
    embedding_dim: int
    units: int
    truncating: str = "pre"
    padding: str = "pre"
    parameters: int = 0
    data: dict = field(default_factory=dict)
    training: dict = field(default_factory=dict)
    metrics: dict = field(default_factory=dict)
    sha256: dict = field(default_factory=dict)  # file name -> hex digest

    @property
    def vocab_file(self) -> str:
        return f"{self.language}-vocab.json"

    @property
    def model_file(self) -> str:
        return f"{self.name}.keras"

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def read(cls, path: Path) -> "ModelCard":
        path = Path(path)
        if not path.is_file():
            raise ModelFileError(f"the model card {path.name} is missing", "missing", path.name)
        try:
            return cls(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError) as err:
            raise ModelFileError(f"cannot read the model card {path.name}: {err}", "unreadable", path.name) from err


def sha256_of(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def verify_file(folder: Path, name: str, card: ModelCard) -> Path:
    """The path of one of the model's files, after checking it exists and matches the card's sha256."""
    path = Path(folder) / name
    if not path.is_file():
        raise ModelFileError(f"{name} is missing", "missing", name)
    if card.sha256.get(name) != sha256_of(path):
        raise ModelFileError(f"{name} does not match the sha256 in its model card (changed or damaged)",
                             "changed", name)
    return path


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
        """Load a shipped model after checking every file against the sha256 in its card."""
        folder = Path(folder) if folder else models_folder()
        card = ModelCard.read(folder / f"{name}.json")
        vocab_path = verify_file(folder, card.vocab_file, card)
        try:
            vocab = Vocabulary(tuple(json.loads(vocab_path.read_text(encoding="utf-8"))))
        except ValueError as err:
            raise ModelFileError(f"cannot read {card.vocab_file}: {err}", "unreadable", card.vocab_file) from err
        network = load_keras_model(verify_file(folder, card.model_file, card))
        return cls(card=card, vocab=vocab, network=network)

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
