"""The classroom feature's strings: key -> (English, Korean), merged into ui.i18n.STRINGS."""
from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
}
