"""The shipped next-token language models, run in NumPy: which token comes next?

Files in assets/models (checked through rnn_core.assets): <name>.keras (Embedding(mask_zero) ->
LSTM(return_sequences=True) -> Dense(projection, linear) -> Dense(softmax)), <name>-vocab.json and
the card <name>.json. en-lm reads English words, ko-lm Korean morphemes (card.scheme says which).

    python -m rnn_core.language_model --model en-lm --top 5 < prefixes.txt
writes one JSON line {"prefix": ..., "next": [[token, p], ...]} for every line read.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rnn_core.assets import MODELS, ModelCard, ModelFileError, Verified, load, read_tokens
from rnn_core.keras_file import load_keras_model
from rnn_core.model import Dense, Embedding, Recurrent, SequentialModel
from rnn_core.text import OOV, PAD, Vocabulary, pad_sequences, tokenize

LANGUAGE_MODELS = tuple(n for n, (kind, _) in MODELS.items() if kind == "language_model")


def review_rows(id_lists: Iterable[Sequence[int]], size: int) -> np.ndarray:
    """Each text's ids cut into rows of size + 1 that stay inside that text, the last one padded in front.

    Row r of a text s holds s[r * size : r * size + size + 1] (inputs row[:-1], targets row[1:]):
    consecutive rows share one token, so every token but the text's first is a target exactly once.
    Returns (rows, size + 1) int32; 0 is padding, and a target read from padding does not count."""
    rows = [ids[start : start + size + 1] for ids in id_lists for start in range(0, len(ids) - 1, size)]
    return pad_sequences(rows, maxlen=size + 1, padding="pre")


@dataclass(frozen=True)
class LanguageModel:
    vocab: Vocabulary
    network: SequentialModel
    card: ModelCard

    @classmethod
    def load(cls, name: str = "en-lm", folder: Path | None = None) -> "LanguageModel":
        if name not in LANGUAGE_MODELS:
            raise ModelFileError(f"{name!r} is not a language model", "malformed", str(name)[:40])
        return load(name, cls._from_files, folder)

    @classmethod
    def _from_files(cls, checked: Verified) -> "LanguageModel":
        card = checked.card
        network = load_keras_model(checked.path(card.model_file), expect=(Embedding, Recurrent, Dense, Dense))
        tokens = read_tokens(checked, card.vocab_file, rows=len(network.embedding.table))
        return cls(vocab=Vocabulary(tokens), network=network, card=card)

    def tokens(self, text: str) -> list[str]:
        """The tokens the model reads for ``text`` (its card's scheme), at most the last card.maxlen of them."""
        tokens = tokenize(text, self.card.scheme)
        return tokens[-self.card.maxlen:] if self.card.maxlen else tokens

    def encode(self, text: str) -> list[int]:
        return self.vocab.encode(self.tokens(text))

    def distribution(self, ids: list[int]) -> np.ndarray:
        """p(next token) after reading ids: (V,)."""
        return self.network(np.asarray([ids], dtype=np.int32))[0, -1]

    def next_words(self, text: str, k: int = 10, allowed: np.ndarray | None = None) -> list[tuple[str, float]]:
        """The k most likely next tokens after ``text`` (the OOV and padding entries left out, and every
        id where the (V,) bool mask ``allowed`` is False, e.g. rnn_core.safe_words.allowed_mask(vocab.tokens))."""
        ids = self.encode(text)
        if not ids:
            return []
        p = self.distribution(ids).copy()
        p[[PAD, OOV]] = 0.0
        if allowed is not None:
            p[~np.asarray(allowed, dtype=bool)] = 0.0
        top = np.argsort(-p)[:k]
        return [(self.vocab.tokens[i], float(p[i])) for i in top]

    def perplexity(self, texts: Sequence[str], batch: int = 64) -> tuple[float, int, float]:
        """(perplexity, number of predicted tokens, share of them that are OOV) over ``texts``, counted as in
        training: exp(mean -ln p(next token)) over every token of a text but its first, read after at most
        the card.maxlen tokens before it; a token outside the vocabulary counts as the OOV token."""
        rows = review_rows([self.vocab.encode(tokenize(t, self.card.scheme)) for t in texts], self.card.maxlen)
        total, count, unknown = 0.0, 0, 0
        for start in range(0, len(rows), batch):
            x, y = rows[start : start + batch, :-1], rows[start : start + batch, 1:]  # (b, T) each
            p = self.network(x)  # (b, T, V)
            picked = np.take_along_axis(p, y[..., None], axis=-1)[..., 0]  # (b, T): p(y_t | x_1..x_t)
            real = x != PAD
            total += float(-np.log(np.maximum(picked[real], 1e-30)).sum())
            count += int(real.sum())
            unknown += int((y[real] == OOV).sum())
        return float(np.exp(total / max(count, 1))), count, unknown / max(count, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The most likely next tokens after each prefix read from stdin.")
    parser.add_argument("--model", choices=LANGUAGE_MODELS, default="en-lm")
    parser.add_argument("--top", type=int, default=10, help="how many next tokens to print (default 10)")
    parser.add_argument("--assets", type=Path, default=None, help="folder holding the model files")
    args = parser.parse_args(argv)
    try:
        model = LanguageModel.load(args.model, args.assets)
    except ModelFileError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for line in sys.stdin:
        prefix = line.rstrip("\n")
        ranked = model.next_words(prefix, max(args.top, 0))
        print(json.dumps({"prefix": prefix, "next": [[w, round(p, 6)] for w, p in ranked]}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
