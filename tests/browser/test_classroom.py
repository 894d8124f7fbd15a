"""The classroom in a real browser: presentation mode fits a projector (and passes axe-core there too), and
crafted links reopen their view. Every page in normal mode is checked with axe-core in test_pages.py."""
from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from tests.browser.conftest import SIZES, open_page, serious_accessibility_findings, settle, shot
from ui.layout import MAIN_HEIGHT
from ui.pages import PAGES

LESSONS = [p for p in PAGES if p.lesson]
REACH = 80  # px: how near the window's bottom edge a presenting main view ends
FIGURES = ".js-plotly-plot, .rnn-eq, .rnn-heat, .rnn-lines"  # a main figure: Plotly, matrices, a heatmap, lines (ui.linechart)


@pytest.mark.parametrize("lang,size", [("en", "1280x720"), ("ko", "1280x720"), ("en", "1920x1080")])
@pytest.mark.parametrize("page_info", LESSONS, ids=lambda p: p.url_path)
def test_main_figure_fits_the_projector(app, browser, page_info, lang, size):
    """?present=1: the lesson's main figure and its step controls fill the window down to near its bottom edge
    (within REACH px: main_view's ``above`` is measured where the title and controls take most room) and stay
    inside it, no scrolling; at 1920x1080 they take at least half of
    its height, and the figure itself grows past its least height (a row of matrices, which is wide, not tall:
    across most of the width). Both languages at 1280x720, the tighter window
    (Korean labels are about as wide as English ones); English at 1920x1080. On the gates lesson, the GRU tab too."""
    width, height = SIZES[size]
    context, page = open_page(browser, f"{app}/{page_info.url_path}?lang={lang}&present=1", (width, height))
    try:
        views = [".st-key-main_view"] + ([".st-key-main_view_gru"] if page_info.url_path == "gates" else [])
        for selector in views:
            if selector.endswith("_gru"):
                page.get_by_role("tab", name="GRU").click()
            view = page.locator(selector)
            view.locator(FIGURES).first.wait_for(timeout=30_000)  # the figure is drawn, not a skeleton
            settle(page)
            box = view.bounding_box()
            figure = max((b for b in (f.bounding_box() for f in view.locator(FIGURES).all()) if b),
                         key=lambda b: b["height"])
            assert box["y"] >= 0 and box["y"] + box["height"] <= height, (selector, box, height)
            assert box["y"] + box["height"] >= height - REACH, (selector, box, height)  # reaches down
            assert figure["y"] + figure["height"] <= height, (selector, figure, height)  # the figure is seen whole
            if height >= 1080:
                assert box["height"] >= height / 2, (selector, box)
                if view.locator(".rnn-eq").count():  # a row of matrices: as wide as the window allows
                    used = view.locator(".rnn-eq").evaluate(
                        "eq => { const r = [...eq.querySelectorAll('.term')].map(c => c.getBoundingClientRect());"
                        " return Math.max(...r.map(b => b.right)) - Math.min(...r.map(b => b.left)); }")
                    assert used >= 0.85 * box["width"], (selector, box, used)
                else:  # a chart grows past its least height
                    assert figure["height"] > MAIN_HEIGHT + 100, (selector, box, figure)
        if len(views) > 1:
            page.get_by_role("tab", name="LSTM").click()
            settle(page)
        shot(page, f"present-{page_info.url_path}-{lang}-{size}")
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.evaluate("window.scrollY") == 0
        assert page.locator('[data-testid="stSidebar"][aria-expanded="true"]').count() == 0  # sidebar collapsed
        assert serious_accessibility_findings(page) == []  # axe-core, in presentation mode too
    finally:
        context.close()


CRAFTED = {  # page: (URL values, what the reopened view must show)
    "text-to-vectors": ({"sentence": "a quiet film\nloud and long", "maxlen": "6", "padding": "post"},
                        ["3. Padding, truncation and the batch tensor"]),
    "embeddings": ({"sentence": "a sad little film"}, ["300 frequent tokens and yours"]),
    "hidden-state": ({"sentence": "we watched it twice", "d": "2", "units": "5", "step": "3"},
                     ["Step t = 3, word “it”"]),
    "unrolled": ({"sentence": "the plot made no sense", "step": "4"}, ["Step 4 of 5: “no”"]),
    "gradients": ({"rho": "1.5", "steps": "40", "k": "7"}, ["7 steps back"]),
    "gates": ({"sentence": "slow start but a great ending", "step": "3"}, ["Word 3 of 6: “but”"]),
    "try-it": ({"sentence": "not bad at all", "model": "gru"}, ["Positive"]),
}


@pytest.mark.parametrize("url_path", CRAFTED)
def test_crafted_link_opens_its_view(app, browser, url_path):
    """A link written by hand (as a teacher would prepare it) opens the view it encodes, in a fresh browser."""
    values, expected = CRAFTED[url_path]
    context, page = open_page(browser, f"{app}/{url_path}?{urlencode({'lang': 'en', **values})}", SIZES["1280x720"])
    try:
        for text in expected:
            page.get_by_text(text, exact=False).first.wait_for(timeout=30_000)
        sentence = values.get("sentence")
        if sentence:  # the sentence box holds the link's sentence
            page.wait_for_function("s => [...document.querySelectorAll('textarea, input')].some(e => e.value === s)",
                                   arg=sentence, timeout=30_000)
        assert page.locator('[data-testid="stException"]').count() == 0
        kept = {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}
        assert {"lang": "en", **values}.items() <= kept.items()  # the page keeps them in its own URL
        if url_path == "try-it":
            assert page.get_by_role("radio", name="GRU").is_checked()
    finally:
        context.close()
