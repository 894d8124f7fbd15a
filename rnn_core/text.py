"""From text to the integer tensor an RNN reads: standardise, tokenise, look up ids, pad, mask.

The same functions prepare the training data and the sentence a learner types, so the app
encodes text exactly as the model was trained.

Four ways to cut text into tokens:
- ``words`` (English): lower-cased words plus ``!`` and ``?``; contractions are split the way the
  Stanford Sentiment Treebank writes them (``wasn't`` -> ``was n't``, ``it's`` -> ``it 's``), so a
  typed sentence and the training phrases share the negation token ``n't``;
- ``syllables`` (Korean): every Hangul syllable and every lone jamo (ㅋ, ㅠ) is a token, other
  letter or digit runs stay whole. Korean glues particles and endings onto words
  (영화가, 영화는, 영화를), so whole words make a huge, sparse vocabulary; about 2,000
  syllables cover almost every review, and spacing mistakes stop mattering;
- ``spaces`` (Korean): the words between spaces (eojeol, 어절) as they stand, particles and endings
  attached, punctuation cut off except ``!`` and ``?``;
- ``morphemes`` (Korean): Kiwi's morphological analysis, each token ``form/tag`` (``재밌/VA``,
  ``다/EF``); see rnn_core.korean, which imports the analyser only when this scheme is asked for.
A fifth cut, BPE subwords, needs the merges learnt from the corpus: rnn_core.korean.Bpe.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

PAD, OOV = 0, 1  # index 0 pads (and is masked), index 1 stands for every out-of-vocabulary token
PAD_TOKEN, OOV_TOKEN = "", "[UNK]"

_TAG = re.compile(r"<[^>]{0,200}>")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_WORD = re.compile(r"n't\b|'(?:s|re|ve|ll|d|m)\b|[^\W_]+?(?=n't\b)|[^\W_]+|[!?]")
_HANGUL_SYLLABLE = "\uac00-\ud7a3"
_HANGUL_JAMO = "\u3131-\u318e"
_SYLLABLE = re.compile(rf"[{_HANGUL_SYLLABLE}]|[{_HANGUL_JAMO}]|[^\W_{_HANGUL_SYLLABLE}{_HANGUL_JAMO}]+|[!?]")

_SPACES = re.compile(r"[^\W_]+|[!?]")

SCHEMES = ("words", "syllables", "spaces", "morphemes")


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e"


def standardize(text: str) -> str:
    """NFKC-normalise, lower-case, drop HTML tags such as <br />, turn control characters into spaces.

    Hangul is only composed (NFC): NFKC would turn the lone jamo of ㅋㅋ or ㅠㅠ into
    combining letters, which display badly.
    """
    text = "".join(ch if _is_hangul(ch) else unicodedata.normalize("NFKC", ch)
                   for ch in unicodedata.normalize("NFC", text))
    text = text.replace("\u2019", "'").replace("`", "'")
    text = _TAG.sub(" ", text)
    return _CONTROL.sub(" ", text).lower()


_HANGUL_LETTER = re.compile(r"[\uac00-\ud7a3\u3131-\u318e\u1100-\u11ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def script_of(text: str) -> str | None:
    """'ko' if the letters of ``text`` are mostly Hangul, 'en' if mostly Latin, None when it has neither:
    which language's models can read it."""
    hangul, latin = len(_HANGUL_LETTER.findall(text)), len(_LATIN_LETTER.findall(text))
    if hangul == latin == 0:
        return None
    return "ko" if hangul > latin else "en"


def tokenize(text: str, scheme: str = "words") -> list[str]:
    """Standardise text and cut it into tokens with the given scheme (one of SCHEMES)."""
    if scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {SCHEMES}, not {scheme!r}")
    if scheme == "morphemes":
        from rnn_core.korean import morphemes  # the analyser is loaded only when it is needed

        return morphemes(text)
    pattern = {"words": _WORD, "syllables": _SYLLABLE, "spaces": _SPACES}[scheme]
    return pattern.findall(standardize(text))


@dataclass(frozen=True)
class Vocabulary:
    """Token <-> id. ``tokens[0]`` is the padding token, ``tokens[1]`` the OOV token."""

    tokens: tuple[str, ...]

    def __post_init__(self):
        object.__setattr__(self, "_ids", {tok: i for i, tok in enumerate(self.tokens)})

    def __len__(self) -> int:
        return len(self.tokens)

    def id_of(self, token: str) -> int:
        return self._ids.get(token, OOV)

    def encode(self, tokens: Sequence[str]) -> list[int]:
        """Ids of the tokens, OOV (1) for every token not in the vocabulary."""
        return [self.id_of(tok) for tok in tokens]

    def decode(self, ids: Iterable[int]) -> list[str]:
        return [self.tokens[i] if 0 <= i < len(self.tokens) else OOV_TOKEN for i in ids]


def build_vocabulary(token_lists: Iterable[Sequence[str]], max_size: int) -> Vocabulary:
    """The max_size - 2 most frequent tokens (ties broken alphabetically) after PAD and OOV."""
    if max_size < 2:
        raise ValueError("a vocabulary needs room for the padding and OOV tokens (max_size >= 2)")
    counts = Counter(tok for tokens in token_lists for tok in tokens)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return Vocabulary((PAD_TOKEN, OOV_TOKEN) + tuple(tok for tok, _ in ranked[: max_size - 2]))


def pad_sequences(sequences: Sequence[Sequence[int]], maxlen: int | None = None, padding: str = "pre",
                  truncating: str = "pre", value: int = PAD, dtype=np.int32) -> np.ndarray:
    """Same as keras.utils.pad_sequences: cut each sequence to maxlen and fill with ``value``.

    truncating 'pre' drops tokens from the start (keeps the end), 'post' from the end;
    padding 'pre' puts the filler before the tokens, 'post' after. Returns (len(sequences), maxlen).
    """
    if padding not in ("pre", "post") or truncating not in ("pre", "post"):
        raise ValueError("padding and truncating must each be 'pre' or 'post'")
    if maxlen is None:
        maxlen = max((len(s) for s in sequences), default=0)
    if maxlen < 0:
        raise ValueError("maxlen must be >= 0")
    out = np.full((len(sequences), maxlen), value, dtype=dtype)
    for row, seq in enumerate(sequences):
        kept = list(seq[-maxlen:] if truncating == "pre" else seq[:maxlen]) if maxlen else []
        if not kept:
            continue
        if padding == "post":
            out[row, : len(kept)] = kept
        else:
            out[row, -len(kept):] = kept
    return out


def padding_mask(ids: np.ndarray) -> np.ndarray:
    """True where a step holds a real token (id != 0), as Embedding(mask_zero=True) computes, (B, T)."""
    return np.asarray(ids) != PAD


def one_hot(ids: Sequence[int], size: int) -> np.ndarray:
    """One row per id with a single 1 in column id: (T, size). one_hot(ids) @ E equals the lookup E[ids]."""
    out = np.zeros((len(ids), size), dtype=np.float32)
    out[np.arange(len(ids)), np.asarray(ids, dtype=int)] = 1.0
    return out
