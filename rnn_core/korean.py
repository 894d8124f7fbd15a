"""Korean text cut four ways, and which pieces a vocabulary knows.

Korean glues particles and endings onto words (영화가, 영화를, 재밌었다), so how text is cut
into tokens decides how large the vocabulary must be and how often a token is unknown:

- ``spaces``: the words between spaces (어절), rnn_core.text's 'spaces' scheme;
- ``syllables``: one token per Hangul syllable, the scheme of the Korean sentiment models;
- ``morphemes``: Kiwi's morphological analysis (kiwipiepy, its model from the PyPI package
  kiwipiepy_model; no Java, nothing downloaded), each token ``form/tag``: 재밌/VA (adjective
  stem), 었/EP (past), 다/EF (sentence ending). The tag is kept because one form can be several
  morphemes: 이/MM "this", 이/JKS the subject particle, 이/VCP "to be"; a page may show the form
  alone with ``form_of``;
- ``bpe``: subwords learnt by byte-pair encoding on NSMC train (training/train_korean_tokenizer.py),
  applied here in pure Python from the saved merges; ``▁`` marks a piece that starts a word.

Only ``morphemes`` needs kiwipiepy, imported the first time it is used (one cached analyser, about
300 MB); everything else is the standard library and NumPy. Several servers on one machine can share one
analyser: ``share_analyser`` sends ``morphemes`` to it (workers/kiwi.py).
"""
from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from rnn_core.assets import ModelFileError, Verified, load, read_tokens, verify
from rnn_core.text import OOV_TOKEN, PAD_TOKEN, Vocabulary, standardize, tokenize

MAX_CHARS = 2000  # the analyser reads at most this many characters of a text (a page cuts input earlier)
MAX_PIECE = 24  # a BPE piece longer than this (ㅋㅋㅋㅋ...) is cut into pieces of this length first
WORD_START = "\u2581"  # ▁, as SentencePiece writes it
MAX_VOCABULARY = 50_000
SCHEMES = ("spaces", "syllables", "morphemes", "bpe")
VOCABULARY_OF = {"spaces": "ko-spaces", "syllables": "ko-lstm", "morphemes": "ko-morphemes", "bpe": "ko-bpe"}
_PIECE = re.compile(r"[^\W_]+|[^\w\s]+|_+")  # a run of letters and digits, or a run of other signs


# --- morphemes (Kiwi) -----------------------------------------------------------------------------

_kiwi_lock = threading.Lock()  # guards loading and each analysis (Kiwi finishes loading on its first call)
_analysers: dict[int, object] = {}
_shared: Callable[[str], list[str]] | None = None  # morphemes of a clean text, from an analyser shared by servers


def analyser(workers: int = 1):
    """The one Kiwi configuration the project uses, loaded once per process (about 300 MB, a few seconds).

    ``workers`` only sets how many threads analyse a batch of texts; the results are the same."""
    with _kiwi_lock:
        if workers not in _analysers:
            from kiwipiepy import Kiwi  # only the morpheme scheme pays for the analyser

            kiwi = Kiwi(num_workers=workers, load_multi_dict=False)
            kiwi.tokenize("")  # Kiwi loads lazily: finish loading now, once
            _analysers[workers] = kiwi
        return _analysers[workers]


def _analyse_options() -> dict:
    """Reviews glue sounds onto syllables (재밌닼ㅋㅋ): split them off; write jamo endings as ㄴ, ㄹ."""
    return {"normalize_coda": True, "compatible_jamo": True}


def _as_tokens(analysed) -> list[str]:
    return [f"{t.form}/{t.tag}" for t in analysed]


def share_analyser(analyse: Callable[[str], list[str]] | None) -> None:
    """Send ``morphemes`` to ``analyse`` (a standardised text of at most MAX_CHARS characters -> what
    ``own_morphemes`` gives for it), e.g. the Kiwi of a worker shared by replicas; None: this process's Kiwi."""
    global _shared
    _shared = analyse


def prepare() -> None:
    """Make ``morphemes`` ready: load this process's Kiwi unless a shared one answers. Raises ImportError
    without kiwipiepy."""
    if _shared is None:
        analyser()


def own_morphemes(clean: str) -> list[str]:
    """This process's Kiwi on a standardised text (no cut: callers cut at MAX_CHARS)."""
    kiwi = analyser()
    with _kiwi_lock:
        return _as_tokens(kiwi.tokenize(clean, **_analyse_options()))


def morphemes(text: str) -> list[str]:
    """Kiwi's morphemes of the standardised text as 'form/tag': '재밌었다' -> ['재밌/VA', '었/EP', '다/EF'].

    At most the first MAX_CHARS characters are analysed."""
    clean = standardize(text)[:MAX_CHARS]
    if not clean.strip():
        return []
    return (_shared or own_morphemes)(clean)


def morphemes_of_texts(texts: Iterable[str], workers: int = 2) -> Iterator[list[str]]:
    """morphemes(t) for every text, analysed in a batch by ``workers`` threads (for training)."""
    clean = [standardize(t)[:MAX_CHARS] for t in texts]
    for analysed in analyser(workers).tokenize(clean, **_analyse_options()):
        yield _as_tokens(analysed)


def split_morpheme(token: str) -> tuple[str, str]:
    """'재밌/VA' -> ('재밌', 'VA'); '//SP' -> ('/', 'SP') (a form may hold '/'); a token that is not 'form/TAG'
    -> (token, ''). The one splitter of Kiwi's tokens: the tagger, its training and the pages use it."""
    form, slash, tag = token.rpartition("/")
    return (form, tag) if slash and form and tag.isupper() else (token, "")


def form_of(token: str) -> str:
    """'재밌/VA' -> '재밌': the written form of a 'form/tag' morpheme (other tokens unchanged)."""
    return split_morpheme(token)[0]


# --- BPE subwords ---------------------------------------------------------------------------------

def bpe_pieces(text: str) -> list[str]:
    """The pieces BPE splits further: standardised text cut at spaces, then into runs of letters and
    digits or of other signs, at most MAX_PIECE characters each; the first piece of a word gets ▁."""
    pieces = []
    for word in standardize(text).split():
        for k, run in enumerate(_PIECE.findall(word)):
            for start in range(0, len(run), MAX_PIECE):
                pieces.append((WORD_START if k == 0 and start == 0 else "") + run[start : start + MAX_PIECE])
    return pieces


@dataclass(frozen=True)
class Bpe:
    """Byte-pair encoding: start from single characters, then apply the learnt merges, the earliest
    learnt first (leftmost first on a tie), until no adjacent pair is a merge. A character the
    training text did not have becomes [UNK] and never merges."""

    tokens: tuple[str, ...]  # "" (padding), "[UNK]", the characters, then every merged piece
    merges: tuple[tuple[str, str], ...]  # in the order they were learnt

    def __post_init__(self):
        object.__setattr__(self, "_rank", {pair: r for r, pair in enumerate(self.merges)})
        object.__setattr__(self, "_known", frozenset(self.tokens[2:]))
        object.__setattr__(self, "_vocabulary", Vocabulary(self.tokens))

    @property
    def vocabulary(self) -> Vocabulary:
        """Token <-> id over the same tokens: '' is id 0, [UNK] id 1."""
        return self._vocabulary

    def split(self, piece: str) -> list[str]:
        """One piece (from bpe_pieces) as subword tokens: '▁재밌었다' -> ['▁재밌', '었다'] for example."""
        symbols = [ch if ch in self._known else OOV_TOKEN for ch in piece]
        never = len(self.merges)  # the rank of a pair that is no merge
        while len(symbols) > 1:
            rank, i = min((self._rank.get(pair, never), i) for i, pair in enumerate(pairwise(symbols)))
            if rank == never:
                break
            symbols[i : i + 2] = [symbols[i] + symbols[i + 1]]  # the earliest learnt merge, leftmost first
        return symbols

    def tokenize(self, text: str) -> list[str]:
        return [token for piece in bpe_pieces(text) for token in self.split(piece)]

    def unknown_characters(self, text: str) -> list[str]:
        """The characters tokenize(text) turns into [UNK], in order (one [UNK] each)."""
        return [ch for piece in bpe_pieces(text) for ch in piece if ch not in self._known]


def _read_bpe(checked: Verified) -> Bpe:
    file = f"{checked.card.name}-tokenizer.json"
    try:
        raw = json.loads(checked.path(file).read_text(encoding="utf-8"))
        tokens, merges = tuple(raw["tokens"]), tuple((a, b) for a, b in raw["merges"])
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ModelFileError(f"cannot read {file}: {err}", "unreadable", file) from err
    known = set(tokens)
    if (tokens[:2] != (PAD_TOKEN, OOV_TOKEN) or len(known) != len(tokens) or len(tokens) > MAX_VOCABULARY
            or not all(isinstance(a, str) and isinstance(b, str) and a + b in known for a, b in merges)):
        raise ModelFileError(f"{file} is not a BPE vocabulary with its merges", "malformed", file)
    return Bpe(tokens=tokens, merges=merges)


# --- vocabularies and the four cuts ----------------------------------------------------------------

def _read_vocabulary(checked: Verified) -> Vocabulary:
    name = checked.card.name
    file = "ko-vocab.json" if checked.card.kind == "sentiment" else f"{name}-vocab.json"
    return Vocabulary(read_tokens(checked, file, rows=MAX_VOCABULARY))


@lru_cache(maxsize=16)
def _loaded(name: str, folder: str, digest: str) -> Vocabulary | Bpe:
    return load(name, _read_bpe if name == "ko-bpe" else _read_vocabulary, Path(folder))


def _current(name: str, folder: Path | None = None) -> Vocabulary | Bpe:
    checked = verify(name, folder)  # cheap when no file changed; a changed file means a new digest
    return _loaded(name, str(checked.folder), checked.digest)


def load_bpe(folder: Path | None = None) -> Bpe:
    """The shipped BPE tokenizer 'ko-bpe' (checked against its card); raises ModelFileError."""
    return _current("ko-bpe", folder)


def vocabulary(scheme: str, folder: Path | None = None) -> Vocabulary:
    """The vocabulary of one cut (learnt from NSMC train); tokens[0] is padding, tokens[1] [UNK]."""
    if scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {SCHEMES}, not {scheme!r}")
    found = _current(VOCABULARY_OF[scheme], folder)
    return found.vocabulary if isinstance(found, Bpe) else found


def korean_tokenizations(text: str, folder: Path | None = None) -> dict[str, list[str]]:
    """The four cuts of one text: {'spaces': [...], 'syllables': [...], 'morphemes': [...], 'bpe': [...]}."""
    return {"spaces": tokenize(text, "spaces"), "syllables": tokenize(text, "syllables"),
            "morphemes": morphemes(text), "bpe": load_bpe(folder).tokenize(text)}


@dataclass(frozen=True)
class Cut:
    """One way of cutting a text: its tokens, which of them the vocabulary lacks, and that vocabulary's size."""

    scheme: str
    tokens: list[str]  # as the vocabulary holds them: morphemes 'form/tag', BPE's unknown characters '[UNK]'
    shown: list[str]  # as a reader sees them: morphemes as their form, each [UNK] as the character it replaced
    unknown: list[bool]  # unknown[k]: tokens[k] is out of the vocabulary (read as [UNK] by a model)
    vocab_size: int  # including the padding and [UNK] entries

    @property
    def unknown_share(self) -> float:
        return sum(self.unknown) / len(self.tokens) if self.tokens else 0.0


def _shown(scheme: str, tokens: list[str], text: str, bpe: Bpe) -> list[str]:
    if scheme == "morphemes":
        return [form_of(t) for t in tokens]
    if scheme == "bpe":
        replaced = iter(bpe.unknown_characters(text))
        return [next(replaced) if t == OOV_TOKEN else t for t in tokens]
    return list(tokens)


def korean_cuts(text: str, folder: Path | None = None) -> dict[str, Cut]:
    """korean_tokenizations with, for each cut, the out-of-vocabulary flags and the vocabulary size."""
    bpe = load_bpe(folder)
    cuts = {}
    for scheme, tokens in korean_tokenizations(text, folder).items():
        vocab = vocabulary(scheme, folder)
        cuts[scheme] = Cut(scheme=scheme, tokens=tokens, shown=_shown(scheme, tokens, text, bpe),
                           unknown=[vocab.id_of(t) < 2 for t in tokens], vocab_size=len(vocab))
    return cuts
