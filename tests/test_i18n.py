"""Every user-facing string exists in both languages, with the same {placeholders}."""
from __future__ import annotations

import re
import string
from pathlib import Path

from tests.conftest import ROOT
from ui.i18n import STRINGS


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_both_languages():
    for key, pair in STRINGS.items():
        assert len(pair) == 2 and all(s.strip() for s in pair), key
        assert placeholders(pair[0]) == placeholders(pair[1]), key


def test_every_key_used_in_code_exists():
    used = set()
    sources = [*Path(ROOT, "lessons").glob("*.py"), *Path(ROOT, "ui").rglob("*.py"), Path(ROOT, "app.py")]
    for path in (p for p in sources if p.name != "i18n.py" and p.parent.name != "strings"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_.]+)["']""", path.read_text(encoding="utf-8")))
    assert used, "no t('...') calls found: the scan is broken"
    assert not used - set(STRINGS), f"missing keys: {sorted(used - set(STRINGS))}"
