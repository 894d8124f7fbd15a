"""Lesson 1's Korean view: the learner's sentence cut four ways (rnn_core.korean), each cut's vocabulary size and
its share of out-of-vocabulary tokens on NSMC test (measured at training time, read from the ko-bpe card), and
the claims the page states, computed from those numbers. One cached call, one frozen dataclass.

Lesson 2's Korean word vectors (ko-word2vec, skip-gram over Kiwi morphemes): a typed word read as its first
content morpheme, its neighbours written as a learner reads them (재밌(다)) with the sentiment model's verdict on
each, and the claims read off those numbers (WordNeighbours, AnalogyCheck)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from rnn_core import korean
from rnn_core.assets import ModelFileError, verify
from rnn_core.safe_words import is_allowed
from ui.heap import long_lived
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
@long_lived
def _analyser() -> None:
    """Kiwi, loaded once per process unless replicas share one (rnn_core.korean keeps the one instance)."""
    korean.prepare()


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


# --- lesson 2: Korean word vectors (ko-word2vec, skip-gram over Kiwi morphemes) ---------------------

WORD_CHARS = 40  # characters of a typed word that are analysed (the page's box allows no more)
TAG_NAMES = {"NNG": "noun", "NNP": "proper_noun", "VV": "verb", "VA": "adjective", "XR": "root", "MAG": "adverb",
             "IC": "interjection"}  # rnn_core.embeddings.CONTENT_TAGS, named for a reader (korean.tag.* strings)
ENDINGS = {"VV": "다", "VA": "다", "XR": "하다"}  # what turns a stem into the word a dictionary lists
LEANING = 0.15  # a word whose p(positive) is within this of 0.5 leans neither way


def _parts(token: str) -> tuple[str, str]:
    """'재밌/VA' -> ('재밌', 'VA'); 'VA-I' (Kiwi's irregular stems) counts as 'VA'; other tokens -> (token, '')."""
    form, tag = korean.split_morpheme(token)
    return form, tag.split("-")[0]


def readable(token: str) -> str:
    """A morpheme as a learner reads it: '재밌/VA' -> '재밌(다)', '지루/XR' -> '지루(하다)', '최악/NNG' -> '최악'."""
    form, tag = _parts(token)
    return f"{form}({ENDINGS[tag]})" if tag in ENDINGS else form


def spoken(token: str) -> str:
    """The morpheme as a word one could write alone: '재밌/VA' -> '재밌다', '최악/NNG' -> '최악'."""
    form, tag = _parts(token)
    return form + ENDINGS.get(tag, "")


def next_token_label(token: str) -> str:
    """A morpheme as a next token (lesson 4's ko-lm), as a learner reads it: stems as in ``readable`` ('재밌/VA' ->
    '재밌(다)', '않/VX' -> '않(다)'), particles, endings and suffixes after a hyphen ('가/JKS' -> '-가',
    '요/EF' -> '-요', '하/XSV' -> '-하(다)'), a prefix before one ('비/XPN' -> '비-'), other tokens as written."""
    form, tag = _parts(token)
    if tag in ("VX", "VCN"):
        return f"{form}(다)"
    if tag in ("VCP", "XSV", "XSA"):
        return f"-{form}(다)"
    if tag[:1] in ("J", "E") or tag == "XSN":
        return f"-{form}"
    return f"{form}-" if tag == "XPN" else readable(token)


def tag_name(token: str) -> str:
    """The key of the part of speech under 'korean.tag.' ('adjective' for 재밌/VA), '' for other tokens."""
    return TAG_NAMES.get(_parts(token)[1], "")


def query_morpheme(text: str) -> str | None:
    """The morpheme of a typed word whose vector the page looks up: the first content morpheme
    ('재밌었어요' -> '재밌/VA') the ko-word2vec vocabulary holds; None when there is none (English
    such as movie/SL, a particle alone, emoji, an unseen word). Raises ModelFileError."""
    from rnn_core.embeddings import is_content_morpheme
    from ui.models import embedding_table

    _analyser()
    vocab, _ = embedding_table("word2vec", "ko")
    return next((m for m in korean.morphemes(cut(text)[:WORD_CHARS]) if is_content_morpheme(m) and vocab.id_of(m) > 1),
                None)


def sentence_morphemes(text: str) -> tuple[str, ...]:
    """The content morphemes of the learner's sentence (its first VIEW_CHARS characters), in order, once each."""
    from rnn_core.embeddings import is_content_morpheme

    _analyser()
    return tuple(dict.fromkeys(m for m in korean.morphemes(cut(text)[:VIEW_CHARS]) if is_content_morpheme(m)))


@dataclass(frozen=True)
class Neighbour:
    token: str  # as the vocabulary holds it: '재미있/VA'
    label: str  # as a learner reads it: '재미있(다)'
    tag: str  # part-of-speech key (korean.tag.<tag>)
    cosine: float
    p: float  # p(positive) the Korean sentiment model (ko-lstm) gives the word written alone ('재미있다')


@dataclass(frozen=True)
class WordNeighbours:
    """A morpheme's nearest neighbours in ko-word2vec and what the sentiment model makes of each: the page's
    claim (do the neighbours lean the way the word does?) is read off these numbers."""

    word: Neighbour  # the morpheme looked up (cosine 1)
    rows: tuple[Neighbour, ...]  # its k nearest content morphemes, nearest first (safe words only)
    leaning: str  # 'positive', 'negative' or 'neither' (p within LEANING of 0.5)
    same: int  # neighbours leaning the same way as the word (0 when it leans neither way)

    @property
    def claim(self) -> str:
        """What the page says: 'same' (most neighbours lean the word's way), 'mixed' (half or fewer do) or
        'neither' (the word itself leans neither way): the key korean.emb.claim_<claim>."""
        if self.leaning == "neither":
            return "neither"
        return "same" if 2 * self.same > len(self.rows) else "mixed"


def _neighbour(token: str, cosine: float) -> Neighbour:
    from ui.models import sentiment_model

    p = sentiment_model("ko-lstm").read(spoken(token)).probability
    return Neighbour(token=token, label=readable(token), tag=tag_name(token), cosine=float(cosine), p=float(p))


def leaning_of(p: float) -> str:
    return "neither" if abs(p - 0.5) < LEANING else ("positive" if p > 0.5 else "negative")


def word_neighbours(token: str, k: int = 10) -> WordNeighbours | None:
    """The neighbours of a ko-word2vec morpheme ('재밌/VA'), None when the vocabulary lacks it. Raises ModelFileError."""
    return _word_neighbours(token, k, digest_of("ko-word2vec"), digest_of("ko-lstm"))


@st.cache_data(max_entries=512, show_spinner=False)
def _word_neighbours(token: str, k: int, *digests: str) -> WordNeighbours | None:
    from ui.compute import neighbours

    close = neighbours("word2vec", "ko", token, k + SPARE)  # spares: tokens read alike listed once, names left out
    if close is None:
        return None
    word = _neighbour(token, 1.0)
    rows = tuple(_neighbour(t, s) for t, s in _once(close) if shown(t))[:k]
    leaning = leaning_of(word.p)
    same = sum(leaning_of(r.p) == leaning for r in rows) if leaning != "neither" else 0
    return WordNeighbours(word=word, rows=rows, leaning=leaning, same=same)


SPARE = 6  # neighbours asked for beyond the k shown


def shown(token: str) -> bool:
    """Listed to a class: allowed by rnn_core.safe_words, and not a proper noun (NNP), a tag Kiwi gives in reviews
    mostly to spellings it does not know (재밋어요/NNP), which look like junk beside the real neighbours."""
    return _parts(token)[1] != "NNP" and is_allowed(readable(token))


def _once(found: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """(token, cosine) rows keeping only the nearest of the tokens a learner reads alike (쓰래기/NNG, 쓰래기/NNP)."""
    first: dict[str, tuple[str, float]] = {}
    for token, cosine in found:  # nearest first, so the first of each label is the nearest
        first.setdefault(readable(token), (token, cosine))
    return list(first.values())


def word_analogy(a: str, b: str, c: str, k: int = 5) -> tuple[Neighbour, ...] | None:
    """Morphemes nearest to a - b + c (each typed word read as its query_morpheme); None if any is unknown."""
    _analyser()
    return _word_analogy(cut(a)[:WORD_CHARS], cut(b)[:WORD_CHARS], cut(c)[:WORD_CHARS], k, digest_of("ko-word2vec"),
                         digest_of("ko-lstm"))


@st.cache_data(max_entries=256, show_spinner=False)
def _word_analogy(a: str, b: str, c: str, k: int, *digests: str) -> tuple[Neighbour, ...] | None:
    from ui.compute import analogy_of

    tokens = [query_morpheme(w) for w in (a, b, c)]
    found = analogy_of("word2vec", "ko", *tokens, k=k + SPARE) if all(tokens) else None
    if found is None:
        return None
    return tuple(_neighbour(t, s) for t, s in _once(found) if shown(t))[:k]


CLASSIC = (("여배우", "여자", "남자", "배우"), ("최고", "좋다", "나쁘다", "최악"))  # a - b + c, the answer a reader expects


@dataclass(frozen=True)
class AnalogyCheck:
    words: tuple[str, str, str]  # a, b, c as typed
    expected: str  # the answer a reader expects, as typed
    top: str  # the nearest morpheme to a - b + c, as read ('' when a word is unknown)
    works: bool  # the expected answer is the nearest


def classic_analogies() -> tuple[AnalogyCheck, ...]:
    """CLASSIC through the vectors: which analogy works and which fails (the page says which)."""
    checks = []
    for a, b, c, expected in CLASSIC:
        found = word_analogy(a, b, c, k=1)
        top = found[0] if found else None
        checks.append(AnalogyCheck(words=(a, b, c), expected=expected, top=top.label if top else "",
                                   works=bool(top) and top.token == query_morpheme(expected)))
    return tuple(checks)


def korean_word_map(text: str, frequent: int):
    """ui.compute.word_map of ko-word2vec for the sentence's content morphemes, labelled as a learner reads them."""
    from dataclasses import replace

    from ui.compute import word_map

    view = word_map("word2vec", "ko", sentence_morphemes(text), frequent)
    return replace(view, labels=[readable(t) for t in view.labels])


# --- lesson 7 (the demo): the same task read as morphemes (ko-lstm-morphemes) ----------------------------

MORPHEME_MODEL = "ko-lstm-morphemes"
SYLLABLE_MODELS = ("ko-rnn", "ko-lstm", "ko-gru")  # the demo's three Korean cells


@dataclass(frozen=True)
class MorphemeVerdict:
    """The learner's sentence read by the morpheme LSTM, beside the syllable models' measured accuracy."""

    tokens: tuple[str, ...]  # the morphemes it reads, as a learner reads them (재밌(다), -요)
    unknown: int  # how many of them are out of its vocabulary
    p: float  # its p(positive) for the sentence
    accuracy: float  # its NSMC test accuracy (card)
    best: str  # the syllable model with the highest NSMC test accuracy
    best_accuracy: float  # ... that accuracy (card)
    better: bool  # accuracy > best_accuracy: what the page's comparison sentence says


def morpheme_verdict(text: str) -> MorphemeVerdict | None:
    """ko-lstm-morphemes on ``text`` (cut to the one limit); None when the text holds no morpheme.
    Raises ModelFileError when a model cannot be used."""
    return _morpheme_verdict(cut(text), digest_of(MORPHEME_MODEL), tuple(digest_of(n) for n in SYLLABLE_MODELS))


@st.cache_data(max_entries=256, show_spinner=False)
def _morpheme_verdict(text: str, digest: str, syllable_digests: tuple[str, ...]) -> MorphemeVerdict | None:
    from ui.models import sentiment_model

    model = sentiment_model(MORPHEME_MODEL)
    tokens, ids, _ = model.encode(text)
    if not ids:
        return None
    accuracy = {name: sentiment_model(name).card.metrics["test_accuracy"] for name in SYLLABLE_MODELS}
    best = max(accuracy, key=accuracy.get)
    mine = model.card.metrics["test_accuracy"]
    p = float(model.probabilities(np.asarray([ids]))[0])
    shown = tuple(_parts(tok)[0] if _parts(tok)[1] == "XR" else next_token_label(tok)  # 지루 -하(다): 하다 once
                  for tok in tokens)
    return MorphemeVerdict(tokens=shown, unknown=sum(i == 1 for i in ids),
                           p=p, accuracy=mine, best=best, best_accuracy=accuracy[best], better=mine > accuracy[best])
