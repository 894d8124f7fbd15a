"""Every page as a Korean classroom sees it: the rendered text (the page's visible text and the titles,
legends and notes of its charts) holds no literal ** and nothing struck through, in both languages; on
Korean pages it holds no English word outside a short list of technical names.

What is read: visible text nodes of the page, leaving out code spans (technical names and the model's own
tokens, e.g. quiz options), icons drawn from a font, form fields (the learner's own sentence) and visually
hidden text (Streamlit's English "Skip to main content" link, shown only on keyboard focus); and the
SVG text of Plotly charts except tick labels and hover boxes (tick labels are data: the tokens of the
learner's sentence or a model's words). Model and file names (en-lstm, ko-gru.keras) are allowed.
"""
from __future__ import annotations

import re

import pytest

from tests.browser.conftest import SIZES, open_page, settle
from ui.i18n import STRINGS
from ui.pages import PAGES

TECHNICAL = {  # names a Korean text keeps in Latin letters (compared case-insensitively)
    "rnn", "rnns", "cec", "lstm", "gru", "simplernn", "bidirectional", "tanh", "sigmoid", "relu", "linear", "softmax",
    "keras", "numpy", "tensorflow", "embedding", "dense", "masking", "adam", "sgd", "bptt", "word2vec",
    "imdb", "nsmc", "sst", "bpe", "pca", "oov", "cg", "true", "false", "pre", "post", "max", "min", "sum",
    "diag", "log", "exp", "argmax", "pascanu", "mikolov", "bengio", "sha", "cpu", "url", "english",
    "id", "ids", "nan", "inf", "qr", "ai", "kiwi", "localhost", "http", "https",  # the last: a link's address
    "lab",  # the product's name, RNN Lab, as Korean products keep theirs
    "hochreiter", "schmidhuber", "gers", "cummins", "cho", "elman", "jordan", "gelfand",  # authors the lessons cite
}
MODEL_NAME = re.compile(r"(?<![A-Za-z0-9])(?:en|ko)-(?:rnn|lstm|gru|lm|word2vec|vocab|bpe|spaces|morphemes)"
                        r"(?:-vocab|-tokenizer)?"
                        r"(?:\.(?:keras|json|npz))?(?![A-Za-z0-9])")

READ_TEXT = """() => {
  const skip = 'code, pre, kbd, textarea, input, select, script, style, noscript, svg, ' +
               '[data-testid="stIconMaterial"], [data-testid="stIconEmoji"], .material-icons, [aria-hidden="true"]';
  const visible = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') return false;
      if (style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath.startsWith('inset(50%')) return false;
    }
    const box = el.getBoundingClientRect();  // visually hidden (a skip link until focused): no area or off-page
    return box.width > 1 && box.height > 1 && box.right > 0 && box.bottom > 0;
  };
  const parts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.textContent.trim() || el.closest(skip) || !visible(el)) continue;
    parts.push(node.textContent);
  }
  const charts = [];
  for (const text of document.querySelectorAll('.js-plotly-plot svg text')) {
    if (text.closest('.xtick, .ytick, .hoverlayer, [class*="tick"]') || !visible(text)) continue;
    if (text.textContent.trim()) charts.push(text.textContent);
  }
  const struck = [...document.querySelectorAll('del, s, strike')].map((e) => e.textContent);
  return {text: parts.join('\\n'), charts, struck};
}"""


def english_words(text: str) -> list[str]:
    """Latin-letter words of two or more letters that are not technical names; identifiers with _ or digits
    (h_t, W_x, dh_T, sha256, SST-2) and model or file names are left out."""
    text = MODEL_NAME.sub(" ", text)
    text = re.sub(r"[\w'\-]*/[\w'\-/]*", " ", text)  # fractions and paths: dp/dx, dh_T/dh_t
    words = re.findall(r"(?<![\w\-.])[A-Za-z][A-Za-z0-9_'\-.]*", text)
    words = {w.strip(".'-") for w in words if not re.search(r"[_\d]", w)}
    return sorted(w for w in words if max(map(len, re.split(r"[-'.]", w))) > 1  # not T-k, not a.b
                  and w.lower() not in TECHNICAL)


def read_page(browser, app, page_info, lang):
    path = "" if page_info.default else page_info.url_path
    context, page = open_page(browser, f"{app}/{path}?lang={lang}", SIZES["1280x720"])
    title = STRINGS[page_info.heading_key][0 if lang == "en" else 1]
    page.get_by_role("heading", name=title).first.wait_for(timeout=30_000)
    settle(page)
    return context, page, page.evaluate(READ_TEXT)


def assert_text_is_clean(page, lang: str) -> None:
    """The page as drawn: no literal **, nothing struck through and, on a Korean page, no English word outside
    the technical names. tests/browser/test_pages.py calls it on every page, language and size it opens."""
    seen = page.evaluate(READ_TEXT)
    shown = "\n".join([seen["text"], *seen["charts"]])
    assert "**" not in shown, [line for line in shown.splitlines() if "**" in line]
    assert seen["struck"] == [], "struck-through text (a ~...~ or ~~...~~ read as strikethrough)"
    if lang == "ko":
        in_text, in_charts = english_words(seen["text"]), english_words("\n".join(seen["charts"]))
        assert not in_text and not in_charts, f"English words on a Korean page: {in_text}; in charts: {in_charts}"


def test_the_reader_finds_planted_faults(app, browser):
    """A page with a planted literal **, a strikethrough and an English word is caught by the same reading."""
    context, page, _ = read_page(browser, app, PAGES[0], "ko")
    try:
        page.evaluate("""() => {
          const p = document.createElement('p');
          p.innerHTML = '크기는 **(3, 10, 128)**입니다 <del>0~1</del> hidden state';
          document.querySelector('[data-testid="stMain"]').appendChild(p);
        }""")
        seen = page.evaluate(READ_TEXT)
        assert "**(3, 10, 128)**" in seen["text"] and seen["struck"] == ["0~1"]
        assert english_words(seen["text"]) == ["hidden", "state"]
        with pytest.raises(AssertionError, match=r"\*\*"):
            assert_text_is_clean(page, "ko")  # the check every page gets fails on this page
        assert english_words("ko-lstm.keras, en-word2vec, ko-lstm감성 모델, h_t, SST-2, LSTM, Keras, T-k, dp/dx") == []
    finally:
        context.close()
