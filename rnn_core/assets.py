"""The shipped model files: one folder, one card type, one verified load.

Every shipped model is a fixed set of files in ``assets/models`` (or the folder named by
RNNLAB_MODELS) beside its card ``<name>.json``. The card is the one config object shared by
the training scripts (which write it) and every loader (which reads it through ``verify``):

    card = verify("en-lstm").card          # checked: field types, file names, sha256 of every file
    path = verify("en-lstm").path("en-lstm.keras")

Names come only from the fixed table ``MODELS``; a card's file names must be exactly the
files that table gives, so no card can point outside the folder. A verified result is kept
while no file changes (inode, size, modification and change time); a change means a new
hash. A failed check is remembered for ``FAILURE_SECONDS``, so a broken file costs one check,
not one per visit. Every failure is a ``ModelFileError`` with a ``reason`` a page can explain.
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TypeVar

ASSETS = Path(__file__).resolve().parent.parent / "assets" / "models"

MAX_FILE_BYTES = 32 * 2**20  # a shipped file is a few MB; anything larger is refused before hashing
MAX_CARD_BYTES = 2**20
MAX_UNPACKED_BYTES = 64 * 2**20  # what a .keras zip may unpack to (a zip bomb is refused unread)
FAILURE_SECONDS = 10.0
T = TypeVar("T")

# name -> (kind, language). The only model names any loader accepts.
MODELS: dict[str, tuple[str, str]] = {
    "en-rnn": ("sentiment", "en"), "en-lstm": ("sentiment", "en"), "en-gru": ("sentiment", "en"),
    "ko-rnn": ("sentiment", "ko"), "ko-lstm": ("sentiment", "ko"), "ko-gru": ("sentiment", "ko"),
    "ko-lstm-morphemes": ("sentiment", "ko"),  # the same task read as Kiwi morphemes (issue 14: which reads better)
    "en-lm": ("language_model", "en"), "ko-lm": ("language_model", "ko"),  # next Kiwi morpheme, NSMC
    "en-word2vec": ("word_vectors", "en"),
    "ko-word2vec": ("word_vectors", "ko"),  # skip-gram over Kiwi morphemes of NSMC train
    "en-rnn-readouts": ("readout", "en"), "ko-rnn-readouts": ("readout", "ko"),  # lesson 4's three read-out heads
    "ko-tagger": ("tagger", "ko"),  # lesson 3: a part of speech per Kiwi morpheme, learnt from Kiwi's tags
    "ko-bpe": ("tokenizer", "ko"),  # BPE subwords learnt on NSMC train (rnn_core.korean)
    "ko-spaces": ("vocabulary", "ko"), "ko-morphemes": ("vocabulary", "ko"),  # token lists from NSMC train
}
SENTIMENT_MODELS = tuple(n for n, (kind, _) in MODELS.items() if kind == "sentiment")


class ModelFileError(ValueError):
    """A model file cannot be used. ``reason`` is one of REASONS, ``file`` the file's name."""

    REASONS = ("missing", "changed", "unreadable", "malformed", "too_large")

    def __init__(self, message: str, reason: str = "unreadable", file: str = ""):
        super().__init__(message)
        self.reason, self.file = (reason if reason in self.REASONS else "unreadable"), file


def models_folder() -> Path:
    """Where the shipped models live: assets/models, or the folder named by RNNLAB_MODELS."""
    return Path(os.environ.get("RNNLAB_MODELS") or ASSETS)


def files_of(name: str) -> tuple[str, ...]:
    """The files model ``name`` consists of, besides its card (fixed by its kind, never read from a card)."""
    if name not in MODELS:
        raise ModelFileError(f"{name!r} is not a shipped model", "malformed", str(name)[:40])
    kind, language = MODELS[name]
    return {"sentiment": (f"{name}.keras", sentiment_vocab_file(name, language)),
            "language_model": (f"{name}.keras", f"{name}-vocab.json"),
            "tagger": (f"{name}.keras", f"{name}-vocab.json"),
            "word_vectors": (f"{name}.npz",),
            "readout": (f"{name}.npz",),
            "tokenizer": (f"{name}-tokenizer.json",),
            "vocabulary": (f"{name}-vocab.json",)}[kind]


def sentiment_vocab_file(name: str, language: str) -> str:
    """The models of a language share one vocabulary ("ko-vocab.json"); a model named with a scheme
    ("ko-lstm-morphemes") reads other tokens and has its own."""
    return f"{language}-vocab.json" if name.count("-") == 1 else f"{name}-vocab.json"


@dataclass
class ModelCard:
    """Everything needed to rebuild, encode for and judge one model: written by training/, read here."""

    name: str  # e.g. "en-lstm", a key of MODELS
    kind: str  # "sentiment", "language_model", "tagger", "word_vectors", "readout", "tokenizer" or "vocabulary"
    language: str  # "en" or "ko"
    sha256: dict = field(default_factory=dict)  # file name -> hex digest, exactly the files of files_of(name)
    cell: str = ""  # "SimpleRNN", "LSTM" or "GRU" (recurrent models)
    scheme: str = "words"  # tokenizer scheme, see rnn_core.text
    vocab_size: int = 0
    maxlen: int = 0  # longest token sequence the model reads; longer text keeps its last maxlen tokens
    embedding_dim: int = 0  # also the size of word vectors
    units: int = 0
    truncating: str = "pre"
    padding: str = "pre"
    parameters: int = 0
    data: dict = field(default_factory=dict)
    training: dict = field(default_factory=dict)  # settings, seconds, versions and the command that made it
    metrics: dict = field(default_factory=dict)

    @property
    def vocab_file(self) -> str:
        return sentiment_vocab_file(self.name, self.language) if self.kind == "sentiment" else f"{self.name}-vocab.json"

    @property
    def model_file(self) -> str:
        return f"{self.name}.keras"

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n"

    def write(self, folder: Path, hash_files: bool = True) -> Path:
        """Write ``<name>.json`` into folder, first recording the sha256 of every file of the model."""
        folder = Path(folder)
        if hash_files:
            self.sha256 = {f: sha256_of(folder / f) for f in files_of(self.name)}
        path = folder / f"{self.name}.json"
        path.write_text(self.to_json(), encoding="utf-8")
        return path

    @classmethod
    def from_dict(cls, raw: object, file: str = "") -> "ModelCard":
        """A card from parsed JSON, after checking every field's type and the file names it lists."""
        if not isinstance(raw, dict):
            raise ModelFileError(f"{file} is not a JSON object", "malformed", file)
        kinds = {f.name: f.type for f in fields(cls)}
        unknown = set(raw) - set(kinds)
        missing = {"name", "kind", "language", "sha256"} - set(raw)
        if unknown or missing:
            raise ModelFileError(f"{file}: unknown fields {sorted(unknown)}, missing {sorted(missing)}", "malformed",
                                 file)
        for key, value in raw.items():
            expected = {"str": str, "int": int, "dict": dict}[kinds[key]]
            if not isinstance(value, expected) or isinstance(value, bool):
                raise ModelFileError(f"{file}: field {key!r} must be {kinds[key]}", "malformed", file)
        card = cls(**raw)
        if MODELS.get(card.name) != (card.kind, card.language):
            raise ModelFileError(f"{file}: {card.name!r} is not a shipped {card.kind} model", "malformed", file)
        if set(card.sha256) != set(files_of(card.name)) or not all(
                isinstance(d, str) and len(d) == 64 and set(d) <= set("0123456789abcdef")
                for d in card.sha256.values()):
            raise ModelFileError(f"{file}: sha256 must give a hex digest for exactly {files_of(card.name)}",
                                 "malformed", file)
        return card


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _signature(path: Path) -> tuple | None:
    """(inode, size, mtime, ctime) of a file, None if it is missing: any rewrite or swap changes it."""
    try:
        s = path.stat()
    except OSError:
        return None
    return (s.st_ino, s.st_size, s.st_mtime_ns, s.st_ctime_ns)


@dataclass(frozen=True)
class Verified:
    """A model whose card and files passed every check. ``digest`` identifies its content (for cache keys)."""

    card: ModelCard
    folder: Path
    digest: str

    def path(self, file: str) -> Path:
        if file not in self.card.sha256:
            raise ModelFileError(f"{file} is not a file of {self.card.name}", "malformed", file)
        return self.folder / file


def _read_card(folder: Path, name: str) -> ModelCard:
    path = folder / f"{name}.json"
    file = path.name
    try:
        if path.stat().st_size > MAX_CARD_BYTES:
            raise ModelFileError(f"{file} is too large for a card", "too_large", file)
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise ModelFileError(f"the model card {file} is missing", "missing", file) from err
    except OSError as err:
        raise ModelFileError(f"cannot read the model card {file}: {err}", "unreadable", file) from err
    except ValueError as err:  # JSON or UTF-8
        raise ModelFileError(f"the model card {file} is not valid JSON: {err}", "malformed", file) from err
    card = ModelCard.from_dict(raw, file)
    if card.name != name:
        raise ModelFileError(f"{file} describes {card.name!r}", "malformed", file)
    return card


def _check_file(folder: Path, file: str, expected: str) -> None:
    path = folder / file
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ModelFileError(f"{file} is larger than {MAX_FILE_BYTES >> 20} MB", "too_large", file)
        actual = sha256_of(path)
    except FileNotFoundError as err:
        raise ModelFileError(f"{file} is missing", "missing", file) from err
    except OSError as err:
        raise ModelFileError(f"cannot read {file}: {err}", "unreadable", file) from err
    if actual != expected:
        raise ModelFileError(f"{file} does not match the sha256 in its model card (changed or damaged)",
                             "changed", file)


_lock = threading.Lock()
_passed: dict[tuple[str, str], tuple[tuple, Verified]] = {}
_failed: dict[tuple[str, str], tuple[tuple, float, ModelFileError]] = {}


def verify(name: str, folder: Path | None = None) -> Verified:
    """Model ``name``'s card and files, checked; raises ModelFileError (kept for a few seconds) if not usable."""
    files = files_of(name)
    folder = Path(folder) if folder else models_folder()
    key = (str(folder), name)
    stamp = tuple(_signature(folder / f) for f in (f"{name}.json", *files))
    with _lock:
        if key in _passed and _passed[key][0] == stamp:
            return _passed[key][1]
        if key in _failed and _failed[key][0] == stamp and time.monotonic() - _failed[key][1] < FAILURE_SECONDS:
            raise _failed[key][2]
        try:
            card = _read_card(folder, name)
            for file in files:
                _check_file(folder, file, card.sha256[file])
        except ModelFileError as err:
            _failed[key] = (stamp, time.monotonic(), err)
            _passed.pop(key, None)
            raise
        verified = Verified(card=card, folder=folder,
                            digest=hashlib.sha256("".join(card.sha256[f] for f in files).encode()).hexdigest()[:16])
        _passed[key] = (stamp, verified)
        _failed.pop(key, None)
        return verified


_load_failures: dict[tuple[str, str, str], tuple[float, ModelFileError]] = {}


def load(name: str, reader: Callable[[Verified], T], folder: Path | None = None) -> T:
    """``reader(verify(name))``: the one verified load. Any failure is a ModelFileError, remembered for a while."""
    checked = verify(name, folder)
    key = (str(checked.folder), name, checked.digest)
    with _lock:
        failed = _load_failures.get(key)
    if failed and time.monotonic() - failed[0] < FAILURE_SECONDS:
        raise failed[1]
    try:
        return reader(checked)
    except Exception as err:  # noqa: BLE001 - whatever a damaged file does, the learner gets one clear reason
        error = err if isinstance(err, ModelFileError) else ModelFileError(
            f"cannot read {name}: {type(err).__name__}: {err}"[:300], "unreadable", name)
        with _lock:
            _load_failures[key] = (time.monotonic(), error)
        raise error from err


def check_unpacked_size(path: Path, limit: int = MAX_UNPACKED_BYTES) -> None:
    """Refuse a zip (a .keras or .npz file) whose members would unpack to more than ``limit`` bytes."""
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except FileNotFoundError as err:
        raise ModelFileError(f"{Path(path).name} is missing", "missing", Path(path).name) from err
    except (OSError, zipfile.BadZipFile, ValueError) as err:
        raise ModelFileError(f"cannot read {Path(path).name}: {err}", "unreadable", Path(path).name) from err
    if total > limit:
        raise ModelFileError(f"{Path(path).name} would unpack to {total >> 20} MB", "too_large", Path(path).name)


def read_tokens(checked: Verified, file: str, rows: int) -> tuple[str, ...]:
    """A verified vocabulary file: a JSON list of at most ``rows`` distinct strings (rows of its embedding)."""
    try:
        tokens = json.loads(checked.path(file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ModelFileError(f"cannot read {file}: {err}", "unreadable", file) from err
    if (not isinstance(tokens, list) or not 2 <= len(tokens) <= rows or len(set(tokens)) != len(tokens)
            or not all(isinstance(w, str) for w in tokens)):
        raise ModelFileError(f"{file} is not a list of at most {rows} distinct tokens", "malformed", file)
    return tuple(tokens)
