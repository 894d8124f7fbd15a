"""Lesson 1's Korean view: the learner's sentence cut four ways (rnn_core.korean), each cut's vocabulary size and
its share of out-of-vocabulary tokens on NSMC test (measured at training time, read from the ko-bpe card), and
the claims the page states, computed from those numbers. One cached call, one frozen dataclass."""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from rnn_core import korean
from rnn_core.assets import ModelFileError, verify
from rnn_core.safe_words import is_allowed
from ui.models import digest_of
from ui.state import cut

VIEW_CHARS = 300  # characters of the sentence cut here: bounds Kiwi's work and the token lists on screen
MODELS = ("ko-spaces", "ko-lstm", "ko-morphemes", "ko-bpe")  # the files the view reads (ko-lstm: ko-vocab.json)
STEM, STEM_TEXT = "영화", "영화가 영화를 영화는"  # one noun, three particles
STEM_EXAMPLES = 6  # entries of the spaces vocabulary shown as examples (each passes rnn_core.safe_words)
EXAMPLES = (  # offered when the learner's sentence shows no token out of vocabulary; the first that shows it wins
    "배우들이 열연했는데도 이야기가 지루했어요",
    "감독님의 섬세한 연출에 감탄했습니다",
    "주인공의 연기력이 돋보였지만 결말은 아쉬웠다",
)


@dataclass(frozen=True)
class CutRow:
    """One cut of one text, as the page shows it."""

    scheme: str  # one of rnn_core.korean.SCHEMES
    tokens: tuple[str, ...]  # as a reader sees them (morphemes without their tag, [UNK] as its character)
    unknown: tuple[str, ...]  # the tokens out of the vocabulary, in order
    vocab_size: int  # entries of the vocabulary, padding and [UNK] included
    test_share: float  # share of out-of-vocabulary tokens on NSMC test (the ko-bpe card)


@dataclass(frozen=True)
class KoreanView:
    text: str  # the part of the sentence that was cut (at most VIEW_CHARS characters)
    cut_off: bool  # the sentence was longer
    rows: tuple[CutRow, ...]  # spaces, syllables, morphemes, bpe
    smallest_vocab: str  # the scheme with the smallest vocabulary
    lowest_share: str  # the scheme with the lowest share out of vocabulary on NSMC test
    highest_share: str  # ... and the highest
    most_unknown: tuple[str, ...]  # schemes meeting the most unknown tokens in the sentence; () when none meets any
    no_unknown: tuple[str, ...]  # schemes meeting none
    example: str  # when the sentence shows no unknown token: an example that does (else "")
    example_rows: tuple[CutRow, ...]  # the example cut four ways (else ())
    stem_rows: tuple[CutRow, ...]  # STEM_TEXT cut four ways
    stem_entries: tuple[int, ...]  # per scheme, vocabulary entries beginning with STEM (BPE's ▁ ignored)
    stem_examples: tuple[str, ...]  # the most frequent spaces entries beginning with STEM (safe words only)

    def row(self, scheme: str, rows: tuple[CutRow, ...] | None = None) -> CutRow:
        """The row of ``scheme`` in ``rows`` (the sentence's rows unless given)."""
        return (self.rows if rows is None else rows)[korean.SCHEMES.index(scheme)]

    def stem_count(self, scheme: str) -> int:
        return self.stem_entries[korean.SCHEMES.index(scheme)]


def card_shares() -> dict[str, float]:
    """Each cut's share of out-of-vocabulary tokens on NSMC test, as the ko-bpe card gives them."""
    shares = verify("ko-bpe").card.metrics.get("test_unknown_share_by_cut")
    if not isinstance(shares, dict) or not all(isinstance(shares.get(s), (int, float)) for s in korean.SCHEMES):
        raise ModelFileError("ko-bpe.json gives no test_unknown_share_by_cut for every cut", "malformed", "ko-bpe.json")
    return {s: float(shares[s]) for s in korean.SCHEMES}


def unusable() -> tuple[str, ModelFileError] | None:
    """(name, error) of the first file the view needs that fails its check, None when all pass."""
    for name in MODELS:
        try:
            digest_of(name)
            if name == "ko-bpe":
                card_shares()
        except ModelFileError as err:
            return name, err
    return None


@st.cache_resource(show_spinner=False)
def _analyser():
    """Kiwi, loaded once per process (rnn_core.korean keeps the one instance)."""
    return korean.analyser()


def korean_view(text: str) -> KoreanView:
    """The view of ``text``'s first VIEW_CHARS characters. Raises ModelFileError (see unusable) or ImportError
    (kiwipiepy missing)."""
    _analyser()
    return _korean_view(cut(text)[:VIEW_CHARS], len(cut(text)) > VIEW_CHARS, tuple(digest_of(n) for n in MODELS))


def _rows(text: str, shares: dict[str, float]) -> tuple[CutRow, ...]:
    return tuple(CutRow(scheme=s, tokens=tuple(c.shown), unknown=tuple(t for t, u in zip(c.shown, c.unknown) if u),
                        vocab_size=c.vocab_size, test_share=shares[s])
                 for s, c in korean.korean_cuts(text).items())


def _first_example(shares: dict[str, float]) -> tuple[str, tuple[CutRow, ...]]:
    for example in EXAMPLES:
        rows = _rows(example, shares)
        if is_allowed(example) and rows[korean.SCHEMES.index("spaces")].unknown:
            return example, rows
    return "", ()


@st.cache_data(max_entries=4, show_spinner=False)
def _stem(digests: tuple[str, ...]) -> tuple[tuple[CutRow, ...], tuple[int, ...], tuple[str, ...]]:
    """STEM_TEXT's cuts, each vocabulary's entries beginning with STEM, and a few of the spaces entries."""
    vocabularies = [korean.vocabulary(s).tokens for s in korean.SCHEMES]
    entries = tuple(sum(t.lstrip(korean.WORD_START).startswith(STEM) for t in v) for v in vocabularies)
    spaces = vocabularies[korean.SCHEMES.index("spaces")]
    examples = [t for t in spaces if t.startswith(STEM) and t != STEM and is_allowed(t)][:STEM_EXAMPLES]
    return _rows(STEM_TEXT, card_shares()), entries, tuple(examples)


@st.cache_data(max_entries=256, show_spinner=False)
def _korean_view(text: str, cut_off: bool, digests: tuple[str, ...]) -> KoreanView:
    shares = card_shares()
    rows = _rows(text, shares)
    order = {r.scheme: k for k, r in enumerate(rows)}  # ties go to the cut listed first
    most = max((len(r.unknown) for r in rows), default=0)
    example, example_rows = ("", ()) if most else _first_example(shares)
    stem_rows, stem_entries, stem_examples = _stem(digests)
    return KoreanView(
        text=text, cut_off=cut_off, rows=rows,
        smallest_vocab=min(rows, key=lambda r: (r.vocab_size, order[r.scheme])).scheme,
        lowest_share=min(rows, key=lambda r: (r.test_share, order[r.scheme])).scheme,
        highest_share=max(rows, key=lambda r: (r.test_share, -order[r.scheme])).scheme,
        most_unknown=tuple(r.scheme for r in rows if most and len(r.unknown) == most),
        no_unknown=tuple(r.scheme for r in rows if not r.unknown),
        example=example, example_rows=example_rows, stem_rows=stem_rows, stem_entries=stem_entries,
        stem_examples=stem_examples)
