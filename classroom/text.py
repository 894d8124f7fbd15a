"""Cleaning of what students and teachers type: plain text, bounded, no control characters.

Text is stored and returned as plain text; the UI must never render it as HTML (a
``<script>`` typed as a nickname comes back as those nine characters). Cleaning:
Unicode NFC (so Korean typed as separate jamo on some keyboards is composed),
control characters (Cc) and bidirectional overrides removed, runs of white space
collapsed to one space, ends stripped. Lengths are counted after cleaning; too long is
refused (``too_long``), never silently cut, so the student sees why.
"""
from __future__ import annotations

import json
import math
import re
import unicodedata

from .errors import ClassError

_BIDI = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
_SPACE = re.compile(r"\s+")
_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,31}")
MAX_RAW = 10_000  # characters looked at at all; anything longer is refused before cleaning


def clean(raw: object, limit: int, *, required: bool = True) -> str | None:
    """``raw`` as one clean line of at most ``limit`` characters.

    Returns None for empty input when not ``required``; raises ClassError ``empty``,
    ``too_long`` or ``invalid`` (not a string).
    """
    if raw is None and not required:
        return None
    if not isinstance(raw, str):
        raise ClassError("invalid", "text must be a string")
    if len(raw) > MAX_RAW:
        raise ClassError("too_long", f"{len(raw)} characters")
    text = unicodedata.normalize("NFC", raw).translate(_BIDI)
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    text = _SPACE.sub(" ", text).strip()
    if not text:
        if required:
            raise ClassError("empty")
        return None
    if len(text) > limit:
        raise ClassError("too_long", f"{len(text)} > {limit} characters")
    return text


def clean_key(raw: object, limit: int = 64) -> str:
    """An identifier chosen by the UI (question id, option key): printable ASCII, no spaces."""
    if not isinstance(raw, str) or not raw or len(raw) > limit or not raw.isascii() or not raw.isprintable() or " " in raw:
        raise ClassError("invalid", f"bad key {raw!r:.80}")
    return raw


def encode_view(view: object, limit: int) -> str:
    """The teacher's view (a flat dict of URL-like params) as compact JSON of at most ``limit`` bytes.

    Keys: 1-32 characters, a letter then letters, digits, ``_``. Values: str, int,
    finite float, bool or None (strings cleaned as text). Anything else is ``invalid``.
    """
    if not isinstance(view, dict) or len(view) > 64:
        raise ClassError("invalid", "the view must be a dict of at most 64 keys")
    out: dict[str, object] = {}
    for key, value in view.items():
        if not isinstance(key, str) or not _KEY.fullmatch(key):
            raise ClassError("invalid", f"bad view key {key!r:.40}")
        if isinstance(value, float) and not math.isfinite(value):
            raise ClassError("invalid", f"non-finite value for {key}")
        if value is not None and not isinstance(value, (str, bool, int, float)):
            raise ClassError("invalid", f"bad value type for {key}")
        out[key] = (clean(value, limit, required=False) or "") if isinstance(value, str) else value
    encoded = json.dumps(out, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    if len(encoded.encode("utf-8")) > limit:
        raise ClassError("too_long", f"view over {limit} bytes")
    return encoded


def decode_view(stored: str | None) -> dict:
    """The stored view JSON back as a dict (an empty dict when nothing was published)."""
    return json.loads(stored) if stored else {}
