"""Join codes, teacher secrets and member tokens.

Join code: 8 characters from a 32-letter alphabet without the look-alikes 0/O and 1/I
(``23456789ABCDEFGHJKLMNPQRSTUVWXYZ``). That is 8 x log2(32) = 40 bits, about 1.1e12
codes: typed on a phone in a few seconds, and with a few dozen live classes an attacker
guessing blindly needs ~2e10 tries per hit. The code only admits a student; every
teacher action needs the secret, so a guessed code gives a stranger a seat, no more.
It is shown as ``ABCD-EFGH``; input is normalised (case, spaces, dashes ignored).

Teacher secret: ``secrets.token_urlsafe(32)`` (256 bits). Member token:
``secrets.token_urlsafe(24)`` (192 bits). Both are stored only as SHA-256 hex digests
(a plain hash is enough: the tokens are random and long, not passwords), and compared
with :func:`hmac.compare_digest`.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 8
CODE_BITS = 40  # CODE_LENGTH * log2(len(ALPHABET))


def new_code() -> str:
    """A fresh random join code (8 characters of :data:`ALPHABET`)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(raw: str) -> str | None:
    """The canonical code typed as ``raw`` (``"abcd efgh"``, ``"ABCD-EFGH"``), or None if it cannot be one."""
    if not isinstance(raw, str) or len(raw) > 32:
        return None
    code = "".join(ch for ch in raw.upper() if ch not in " -_\t")
    if len(code) != CODE_LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code


def display_code(code: str) -> str:
    """``ABCDEFGH`` -> ``ABCD-EFGH`` (easier to read aloud and to type)."""
    return f"{code[:4]}-{code[4:]}"


def new_secret() -> str:
    """A teacher secret (random, URL-safe, 43 characters)."""
    return secrets.token_urlsafe(32)


def new_member_token() -> str:
    """A student's member token (random, URL-safe, 32 characters)."""
    return secrets.token_urlsafe(24)


def digest(token: str) -> str:
    """SHA-256 hex digest of a secret or token: the only form stored in the database."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def same_digest(token: str, stored: str) -> bool:
    """Whether ``token`` hashes to ``stored``, compared in constant time."""
    if not isinstance(token, str) or not token or len(token) > 256:
        return False
    return hmac.compare_digest(digest(token), stored)
