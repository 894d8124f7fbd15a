"""Every string renders as intended Markdown: no literal ** left over, no accidental strikethrough.

CommonMark does not close a bold run that ends in punctuation and is glued to a letter: "**(3, 10, 128)**입니다"
shows its asterisks. Streamlit's Markdown (remark-gfm) also strikes through between two single tildes, so
"0~1 ... -1~1" comes out struck. Each string is filled with sample values (a placeholder's value may end in
punctuation too), rendered with markdown-it-py (CommonMark, strikethrough on), and rendered again with every
~ doubled, which is how remark-gfm reads a single tilde.
"""
from __future__ import annotations

import html
import re
import string
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.conftest import ROOT
from ui.i18n import STRINGS

MD = MarkdownIt("commonmark").enable("strikethrough")
TEXT_SAMPLES = ("word", "(8, 3)", "great.", "“quoted”", "3", "-0.25", "ko-lstm", "영화가 정말 재밌어요!")
NUMBER_SAMPLES = (0.5, -1.25, 1234.5, 3.0)


def filled(text: str, k: int) -> str:
    """``text`` with every placeholder replaced by sample number ``k`` of a fitting kind."""
    out = []
    for literal, name, spec, _ in string.Formatter().parse(text):
        out.append(literal)
        if name is None:
            continue
        if spec and spec[-1] in "efg%":
            out.append(format(NUMBER_SAMPLES[k % len(NUMBER_SAMPLES)], spec))
        elif spec and (spec[-1] in "d," or spec.endswith(",")):
            out.append(format(int(abs(NUMBER_SAMPLES[k % len(NUMBER_SAMPLES)]) * 1000), spec))
        else:
            out.append(TEXT_SAMPLES[k % len(TEXT_SAMPLES)])
    return "".join(out)


def rendered_text(markdown: str) -> tuple[str, str]:
    """(HTML, its text without tags) of ``markdown``."""
    out = MD.render(markdown)
    return out, html.unescape(re.sub(r"<[^>]+>", "", out))


def artefacts(markdown: str) -> list[str]:
    """What would go wrong on screen: literal ** or ~~, struck-through text (also from single tildes)."""
    found = []
    out, text = rendered_text(markdown)
    if "**" in text:
        found.append("literal **")
    if "~~" in text:
        found.append("literal ~~")
    if re.search(r"<(s|del)>", out):
        found.append("strikethrough")
    single = re.sub(r"(?<!~)~(?!~)", "~~", markdown)  # remark-gfm strikes between single tildes as well
    if single != markdown and re.search(r"<(s|del)>", rendered_text(single)[0]):
        found.append("strikethrough (single ~)")
    if re.search(r"\$[^$\n]+\$", markdown):
        found.append("$...$ (Streamlit draws it as LaTeX)")
    return found


def bold_wrapped_keys() -> set[str]:
    """Keys a page or ui module shows wrapped in bold: st.markdown(f"**{t('key', ...)}**")."""
    sources = [*Path(ROOT, "lessons").glob("*.py"), *Path(ROOT, "ui").rglob("*.py")]
    return {key for path in sources
            for key in re.findall(r"""\*\*\{t\(\s*["']([a-z0-9_.]+)["']""", path.read_text(encoding="utf-8"))}


WRAPPED = bold_wrapped_keys()


@pytest.mark.parametrize("lang", [0, 1], ids=["en", "ko"])
def test_every_string_renders_without_artefacts(lang):
    bad = {}
    for key, pair in STRINGS.items():
        for k in range(len(TEXT_SAMPLES)):
            text = filled(pair[lang], k)
            found = artefacts(text) + (artefacts(f"**{text}**") if key in WRAPPED else [])
            if found:
                bad[key] = (found, text)
                break
    assert bad == {}


def test_the_check_finds_planted_artefacts():
    assert artefacts("RNN이 읽는 배치의 크기는 **(3, 10, 128)**입니다.") == ["literal **"]
    assert artefacts("RNN이 읽는 배치의 크기: **(3, 10, 128)**") == []
    assert artefacts("게이트는 0~1, 상태는 -1~1 눈금입니다.") == ["strikethrough (single ~)"]
    assert artefacts("게이트는 0에서 1 사이, 상태는 -1에서 1 사이의 눈금입니다.") == []
    assert "strikethrough" in artefacts("a ~~b~~ c")
    assert artefacts("**{verdict}**입니다".format(verdict="긍정")) == []
    assert artefacts("**{shape}**입니다".format(shape="(8, 3)")) == ["literal **"]
    assert "emb.map" in WRAPPED, "no bold-wrapped t() call found: the scan is broken"
