"""Which nicknames and wall sentences a class may see: the shipped word filter, or everything.

``rnn_core.safe_words`` (the offensive-word lists of issue 14) decides when it is there; a checkout
without it lets everything through, and the teacher can still hide any post by hand.
"""
from __future__ import annotations

try:
    from rnn_core.safe_words import is_allowed as _shipped_filter
except ImportError:  # the word lists are not part of this checkout
    _shipped_filter = None


def is_allowed(text: str) -> bool:
    """Whether ``text`` may be shown to the class (True when no filter is installed)."""
    return True if _shipped_filter is None else bool(_shipped_filter(text))
