"""Words RNN Lab never shows unprompted: profanity, slurs and sexual terms, in English and Korean.

The app shows many words it did not receive from the learner: the nearest neighbours of a word,
analogies, a map of frequent words, a language model's next words. They come from models trained on
movie reviews, and reviews swear: the syllable 최 once had 좆 among its neighbours. Every such list
goes through this filter first. The learner's own words are never filtered (they typed them).

The curated lists live in assets/wordlists/ (offensive-en.txt, offensive-ko.txt; their README says
where the words come from and what is left out on purpose). A list line is one of:

    word    Hangul: anywhere inside a token (Korean glues particles on: 병신아, 개새끼들);
            Latin: the whole token (so "ass" blocks neither "class" nor "assassin")
    =word   the whole token only (=보지 blocks the token 보지, not 보지도 "not even see")
    *word   anywhere inside a token (roots no ordinary word contains: *fuck blocks "motherfucker")
    !word   an ordinary word or phrase that contains an entry, cut out of the text first where it starts a
            word (!시발점; !보지 않: "did not see"; !새끼 고양이: a kitten, but 개새끼 고양이 stays caught)

Text is compared after NFKC normalisation and case folding, and also with leetspeak folded
(sh1t, a$$, 4r5e), with the characters that are not letters dropped (f.u.c.k, 씨1발, sex10), with
runs of three or more equal letters shortened (fuuuck), with * standing for hidden letters (f**k),
and with letters typed one by one joined (s h i t, 씨 발). NFKC also recomposes jamo typed apart
(ㅅㅣ발 becomes 시발).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

WORDLISTS = Path(__file__).resolve().parent.parent / "assets" / "wordlists"
LIST_FILES = ("offensive-en.txt", "offensive-ko.txt")

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s",
                       "!": "i", "+": "t", "|": "i", "€": "e"})
_NOT_LETTER = re.compile(r"[\W\d_]+")
_RUN = re.compile(r"(.)\1{2,}")  # three or more of the same character
_LATIN = re.compile(r"[a-z]")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


def normalise(text: str) -> str:
    """NFKC, then case folding: the form every entry and every text is compared in."""
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(frozen=True)
class WordList:
    """A parsed list: entries matched as the whole token, entries matched inside a token, and the
    ordinary words cut out before the inside match."""

    whole: frozenset[str]
    inside: frozenset[str]
    exceptions: frozenset[str]

    def __post_init__(self):
        object.__setattr__(self, "inside_pattern", _alternation(self.inside))
        object.__setattr__(self, "exception_pattern", _alternation(self.exceptions, at_word_start=True))

    def __len__(self) -> int:
        return len(self.whole) + len(self.inside)


def _alternation(words: Iterable[str], at_word_start: bool = False) -> re.Pattern | None:
    """One pattern for all ``words``, longest first; ``at_word_start``: only where no letter comes before
    (an exception must not excuse 개새끼 고양이 because 새끼 고양이, a kitten, is ordinary)."""
    words = sorted(words, key=len, reverse=True)
    start = r"(?<![^\W\d_])" if at_word_start else ""
    return re.compile(start + "(?:" + "|".join(map(re.escape, words)) + ")") if words else None


def parse(lines: Iterable[str]) -> WordList:
    """A WordList from lines in the format of assets/wordlists (comments and blank lines skipped)."""
    whole, inside, exceptions = set(), set(), set()
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        mark, word = (line[0], normalise(line[1:])) if line[0] in "=*!" else ("", normalise(line))
        if mark == "!":
            exceptions.add(word)
        elif mark == "*" or (not mark and _HANGUL.search(word)):
            inside.add(word)
        else:
            whole.add(word)
    return WordList(frozenset(whole), frozenset(inside), frozenset(exceptions))


@lru_cache(maxsize=1)
def shipped_list() -> WordList:
    """The curated English and Korean lists shipped in assets/wordlists, read once."""
    lines: list[str] = []
    for name in LIST_FILES:
        lines += (WORDLISTS / name).read_text(encoding="utf-8").splitlines()
    return parse(lines)


def forms(chunk: str) -> set[str]:
    """The forms one chunk of text is checked in: as written, leetspeak folded, letters only,
    and each with long runs of a letter shortened to one and to two."""
    plain = normalise(chunk)
    found = {plain, _NOT_LETTER.sub("", plain)}
    if _LATIN.search(plain.translate(_LEET)):
        leet = plain.translate(_LEET)
        found |= {leet, _NOT_LETTER.sub("", leet)}
    found |= {_RUN.sub(r"\1", f) for f in found} | {_RUN.sub(r"\1\1", f) for f in found}
    found.discard("")
    return found


def _matches(form: str, words: WordList) -> bool:
    if form in words.whole:
        return True
    inside, exceptions = words.inside_pattern, words.exception_pattern
    if inside is None or not inside.search(form):
        return False
    return bool(inside.search(exceptions.sub(" ", form) if exceptions else form))


def _masked(chunk: str, words: WordList) -> bool:
    """f**k, sh*t: a chunk with * for hidden letters and at least two letters shown."""
    plain = normalise(chunk).strip(".,!?\"'()")
    if "*" not in plain or len(plain.replace("*", "")) < 2 or not _LATIN.search(plain):
        return False
    pattern = re.compile("".join("[a-z]*" if ch == "*" else re.escape(ch) for ch in plain))
    return any(pattern.fullmatch(w) for w in (*words.whole, *words.inside))


def _chunks(text: str) -> list[str]:
    """The whitespace-separated chunks of text, plus each run of single letters joined (s h i t)."""
    chunks = text.split()
    singles, runs = [], []
    for chunk in [*chunks, "  "]:  # a sentinel that ends the last run
        if len(_NOT_LETTER.sub("", normalise(chunk))) == 1:
            singles.append(chunk)
            continue
        if len(singles) >= 2:
            runs.append("".join(singles))
        singles = []
    return chunks + runs


def is_allowed(text: str, words: WordList | None = None) -> bool:
    """True when no chunk of ``text`` is (or, for inside entries, contains) a listed word.

    ``words`` defaults to the shipped lists; tests pass their own.
    """
    words = words or shipped_list()
    text = " ".join(normalise(text).split())
    if words.exception_pattern is not None:  # ordinary phrases first: 시발점, 보지 않았다 (did not see)
        text = words.exception_pattern.sub(" ", text)
    return not any(_masked(c, words) or any(_matches(f, words) for f in forms(c)) for c in _chunks(text))


@lru_cache(maxsize=16)
def _mask(tokens: tuple[str, ...]) -> np.ndarray:
    mask = np.fromiter((is_allowed(t) for t in tokens), dtype=bool, count=len(tokens))  # (V,)
    mask.setflags(write=False)
    return mask


def allowed_mask(tokens: Sequence[str]) -> np.ndarray:
    """(V,) read-only bool array: True where the vocabulary's token may be shown. Cached per vocabulary."""
    return _mask(tuple(tokens))


@lru_cache(maxsize=16)
def _blocked(tokens: tuple[str, ...]) -> np.ndarray:
    ids = np.flatnonzero(~_mask(tokens))  # (number blocked,)
    ids.setflags(write=False)
    return ids


def blocked_ids(tokens: Sequence[str]) -> np.ndarray:
    """The ids of the vocabulary's tokens that must not be shown, ascending (read-only, cached):
    the ``blocked`` argument of rnn_core.embeddings.nearest and analogy."""
    return _blocked(tuple(tokens))


def first_allowed(tokens: Sequence[str], n: int, start: int = 2) -> list[int]:
    """The first ``n`` ids from ``start`` on whose tokens may be shown: in a vocabulary sorted by
    frequency (ids 0 and 1 are padding and OOV), the n most frequent tokens fit to show."""
    ids = np.flatnonzero(allowed_mask(tokens)[start:]) + start  # ascending
    return [int(i) for i in ids[:n]]
