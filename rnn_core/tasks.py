"""Small reproducible tasks for training a recurrent classifier: each makes a batch (ids (n, T), labels (n,)).

Every batch comes from a seeded ``numpy.random.Generator``, so the same seed gives the same data.
Id 0 is padding, put in front of shorter sequences (Keras' ``pad_sequences`` default), so an
``Embedding(mask_zero=True)`` hides it and the last step of every row is a real token.

- memory: remember the first of 8 symbols across N distractors (training/memory_task.py's task);
- adding: two marked digits among many, answer their sum (Hochreiter and Schmidhuber, 1997);
- parity: is the number of ones in a bit string odd;
- next character: read a window of a short text, answer the character that follows.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np

Batch = tuple[np.ndarray, np.ndarray]  # ids (n, T) int32, labels (n,) int


@dataclass(frozen=True)
class Task:
    """A task's sizes (V ids including padding, K classes) and its batch maker ``make(rng, n)``."""

    name: str
    vocab_size: int
    classes: int
    make: Callable[[np.random.Generator, int], Batch]

    def batch(self, rng: np.random.Generator, n: int) -> Batch:
        """n fresh examples: ids (n, T), labels (n,)."""
        return self.make(rng, n)


def pad_front(rows: list[list[int]], width: int) -> np.ndarray:
    """Sequences of ids padded with 0 in front to ``width``: (n, width) int32."""
    ids = np.zeros((len(rows), width), dtype=np.int32)
    for k, row in enumerate(rows):
        ids[k, width - len(row):] = row
    return ids


# Memory: ids 0 padding, 1 query, 2..9 symbols, 10..21 distractors (as training/memory_task.py).
SYMBOLS, DISTRACTORS, QUERY = 8, 12, 1
MEMORY_VOCAB = 2 + SYMBOLS + DISTRACTORS


def memory_batch(rng: np.random.Generator, n: int, distances: np.ndarray) -> Batch:
    """[symbol, N distractors, query] for each N in distances (n,), padded in front to max N + 2;
    labels are the symbols, 0..7. The same draws, in the same order, as training/memory_task.py."""
    width = int(distances.max()) + 2
    answers = rng.integers(0, SYMBOLS, n)  # (n,)
    rows = [[2 + answer, *rng.integers(2 + SYMBOLS, MEMORY_VOCAB, d), QUERY] for answer, d in zip(answers, distances)]
    return pad_front(rows, width), answers


def _memory(max_distance: int, rng: np.random.Generator, n: int) -> Batch:
    return memory_batch(rng, n, rng.integers(1, max_distance + 1, n))


def memory_task(max_distance: int) -> Task:
    """Remember the first symbol across N in [1, max_distance] distractors (chance 1/8)."""
    return Task("memory", MEMORY_VOCAB, SYMBOLS, partial(_memory, max_distance))


def adding_batch(rng: np.random.Generator, n: int, length: int) -> Batch:
    """length digits, one marked in each half; label = the sum of the two marked digits, 0..18.

    ids: digit k unmarked is 1 + k (1..10), marked is 11 + k (11..20).
    """
    digits = rng.integers(0, 10, (n, length))  # (n, length)
    first = rng.integers(0, length // 2, n)  # (n,) marked position in the first half
    second = rng.integers(length // 2, length, n)  # (n,) and in the second half
    rows = np.arange(n)
    ids = (1 + digits).astype(np.int32)
    ids[rows, first] += 10
    ids[rows, second] += 10
    return ids, digits[rows, first] + digits[rows, second]


def adding_task(length: int) -> Task:
    """The adding problem over sequences of ``length`` (>= 2) digits; 19 classes."""
    if length < 2:
        raise ValueError(f"adding_task: length must be at least 2, got {length}")
    return Task("adding", 21, 19, partial(adding_batch, length=length))


def parity_batch(rng: np.random.Generator, n: int, max_length: int) -> Batch:
    """Bit strings of length 1..max_length (ids 1 for a 0, 2 for a 1), padded in front; label = number of ones mod 2."""
    lengths = rng.integers(1, max_length + 1, n)  # (n,)
    bits = [rng.integers(0, 2, k) for k in lengths]
    return pad_front([list(1 + b) for b in bits], max_length), np.array([b.sum() % 2 for b in bits])


def parity_task(max_length: int) -> Task:
    """Parity of bit strings up to ``max_length`` long; 2 classes."""
    return Task("parity", 3, 2, partial(parity_batch, max_length=max_length))


SHORT_TEXT = "the cat sat on the mat. the dog sat on the log. the cat saw the dog. "


def characters(text: str) -> str:
    """The text's alphabet, sorted: character k has id k + 1 and class k."""
    return "".join(sorted(set(text)))


def next_character_batch(rng: np.random.Generator, n: int, text: str, window: int) -> Batch:
    """n random windows of the text (ids (n, window)); label = the class of the character after each."""
    alphabet = characters(text)
    codes = np.array([alphabet.index(ch) for ch in text])  # (len(text),) classes
    starts = rng.integers(0, len(text) - window, n)  # (n,)
    ids = 1 + codes[starts[:, None] + np.arange(window)]  # (n, window)
    return ids.astype(np.int32), codes[starts + window]


def next_character_task(text: str = SHORT_TEXT, window: int = 8) -> Task:
    """Next character of a short text after ``window`` characters; one class per character."""
    if len(text) <= window:
        raise ValueError(f"next_character_task: the text must be longer than the window ({window}), got {len(text)}")
    alphabet = characters(text)
    return Task("next character", len(alphabet) + 1, len(alphabet),
                partial(next_character_batch, text=text, window=window))
