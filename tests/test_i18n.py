"""Every user-facing string exists in both languages, with the same {placeholders}."""
from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from tests.conftest import ROOT
from ui.i18n import FORMAT, STRINGS, power_of_ten


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


def test_e_notation_is_written_as_a_power_of_ten():
    """{ratio:.1e} on a page reads 2.1×10⁻³ (as a school class writes it), never 2.1e-03; from 10⁻² to 10³ a plain
    decimal with the same significant digits."""
    assert power_of_ten("2.1e-03") == "2.1×10⁻³" and power_of_ten("-3.0e+12") == "-3.0×10¹²"
    assert power_of_ten("5.486e+00") == "5.486" and power_of_ten("3.167e-01") == "0.3167"
    assert power_of_ten("2.1e-02") == "0.021" and power_of_ten("1.234e+03") == "1,234"
    assert power_of_ten("inf") == "inf" and power_of_ten("0.25") == "0.25"
    assert FORMAT.format("{a:.1e} of {n:,} at {p:.2f}", a=0.0021, n=1234, p=0.5) == "2.1×10⁻³ of 1,234 at 0.50"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_no_lesson_prints_e_notation(lang):
    """The gradients lesson prints the most small and large numbers: none of them in e-notation."""
    from tests.test_app_pages import open_app, texts

    shown = texts(open_app("lessons/gradients.py", lang=lang))
    assert "×10⁻" in shown and not re.search(r"\de[-+]\d", shown)


def test_each_page_is_titled_as_the_sidebar_names_it():
    """A teacher says "open lesson 5": the page's own title is its name in the sidebar, less the number."""
    from ui.pages import PAGES

    for page in PAGES:
        for k in (0, 1):
            name = STRINGS[page.title_key][k].split(" · ", 1)[-1]
            assert STRINGS[page.heading_key][k] == name or page.heading_key == "app.title", (page.path, k)
