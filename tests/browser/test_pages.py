"""Every page in a real browser, in both languages: Korean on a phone (390x844), English on a projector
(1920x1080); tests/browser/test_classroom.py fits every lesson to both projector sizes in both languages, and the
text is the same at any size. No exception box, no request beyond this machine, no serious accessibility finding
(axe-core), clean text (tests/browser/test_korean_pages.py), a screenshot; on the phone, no sideways scrolling
and every chart inside the screen's width.
"""
from __future__ import annotations

import re

import pytest

from tests.browser.conftest import OUTSIDE, SIZES, open_page, serious_accessibility_findings, settle, shot
from tests.browser.test_korean_pages import assert_text_is_clean
from ui.i18n import STRINGS
from ui.pages import PAGES



@pytest.mark.parametrize("lang,size", [("en", "1920x1080"), ("ko", "390x844")])  # CI time: one size per language
@pytest.mark.parametrize("page_info", PAGES, ids=lambda p: p.url_path)
def test_page_renders(app, browser, page_info, lang, size):
    path = "" if page_info.default else page_info.url_path
    context, page = open_page(browser, f"{app}/{path}?lang={lang}", SIZES[size])
    try:
        title = STRINGS[page_info.heading_key][0 if lang == "en" else 1]
        page.get_by_role("heading", name=title).first.wait_for(timeout=30_000)
        settle(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.get_by_text("Page not found").count() == 0
        shot(page, f"{page_info.url_path}-{lang}-{size}")
        assert_text_is_clean(page, lang)
        assert serious_accessibility_findings(page) == []
        assert OUTSIDE.get(id(page), []) == []  # no network at run time: not a font, an icon or a script
        if size == "390x844":
            assert too_wide(page) == {}, "wider than the phone's screen"
            for row in page.locator('[class*="st-key-"][class*="_controls"]').all():  # each stepper (ui.stepper)
                if row.is_visible():  # not one in a hidden tab: Previous and Next side by side, the slider under them
                    a = row.locator('[class*="_prev"] button').bounding_box()
                    b = row.locator('[class*="_next"] button').bounding_box()
                    assert a and b and abs(a["y"] - b["y"]) < 2 and a["x"] < b["x"], (a, b)
    finally:
        context.close()


def too_wide(page) -> dict[str, int]:
    """What makes a phone scroll sideways: the page itself, or a chart, by its right edge in px (a table or a
    formula may scroll inside its own box: that box is inside the screen)."""
    return page.evaluate("""() => {
      const out = {}, width = window.innerWidth;
      if (document.documentElement.scrollWidth > width) out.page = document.documentElement.scrollWidth;
      document.querySelectorAll('[data-testid=stMain] .stPlotlyChart').forEach((e, k) => {
        const right = Math.round(e.getBoundingClientRect().right);
        if (right > width + 1) out['chart ' + k] = right;
      });
      return out;
    }""")


def test_script_payload_is_text_not_html(app, browser):
    """A <script>/<img onerror> payload typed in the demo neither runs nor adds an element."""
    context, page = open_page(browser, f"{app}/try-it?lang=en", SIZES["1280x720"])
    try:
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        box = page.get_by_label("Your sentence", exact=True)
        box.fill('<img src=x onerror="alert(1)"><script>alert(2)</script> great movie')
        box.press("Control+Enter")
        settle(page)
        page.wait_for_timeout(1000)
        assert dialogs == []
        assert page.locator("img[src='x']").count() == 0
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()


VALUE = r"(행 \d+, 열 \d+|\d+\. \S+ · 유닛 \d+): −?\d\.\d{5}"  # a cell: its place, its value
POINT = r"\S+ \(−?\d+(\.\d+)?, −?\d+(\.\d+)?\)"  # a word on the map: the word, its two coordinates
STEP = r"시점 t \d+: “\S+”(\n유닛 \d+: −?\d\.\d{5}){16}"  # a step's token, then each of its 16 units' values


@pytest.mark.parametrize("path,cell,nth,tip_form", [
    ("hidden-state", ".rnn-eq .grid [data-tip]", 5, VALUE),  # a matrix of lesson 3
    ("gates", ".rnn-heat .hm > [data-tip]", 5, VALUE),  # lesson 6's 128-unit heatmap
    ("embeddings", ".rnn-map .plot b.me", 1, POINT),  # one of the learner's words on lesson 2's map
    ("playground", ".rnn-heat .hm > .pc", 3, STEP)])  # a step's column of lesson 8's network: its units' values
def test_a_tap_on_a_phone_shows_a_cells_value(app, browser, path, cell, nth, tip_form):
    """A phone cannot hover: a tap on a cell of a matrix or a heatmap, or on a word on the map, shows its place
    and value above it, where a mouse would hover (the page still fits the phone's width)."""
    context, page = open_page(browser, f"{app}/{path}?lang=ko", SIZES["390x844"])
    try:
        target = page.locator(cell).nth(nth)
        target.scroll_into_view_if_needed()
        assert target.evaluate("e => getComputedStyle(e, '::after').content") in ("none", "normal")  # untouched
        target.tap()
        page.wait_for_timeout(300)
        tip = target.get_attribute("data-tip")
        assert re.fullmatch(tip_form, tip), tip
        shown = tip.replace("\n", "\\a ")  # CSS writes a line break in a string as \a
        assert target.evaluate("e => getComputedStyle(e, '::after').content") == f'"{shown}"'
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_the_sidebar_link_follows_next_the_step_slider_and_autoplay(app, browser):
    """The link to this view follows each step at once (Next and the step slider rerun their fragment and the
    link box: ui.layout.follow) and every step of autoplay (the box redraws each second while it plays)."""
    context, page = open_page(browser, f"{app}/hidden-state?lang=en", SIZES["1280x720"])
    try:
        link = page.locator('[data-testid="stSidebar"] [data-testid="stCode"]').first

        def shows(pattern: str, seconds: float = 5) -> str:
            for _ in range(int(seconds * 10)):
                text = link.inner_text()
                if re.search(pattern, text):
                    settle(page)  # the step's fragment drawn too, before the next action
                    return text
                page.wait_for_timeout(100)
            raise AssertionError(f"{pattern!r} not in the link: {link.inner_text()!r}")

        assert "step=" not in link.inner_text()
        page.locator(".st-key-step_next button").click()
        shows(r"step=2\b", 3)
        thumb = page.locator(".st-key-step_t input[type=range]").first  # the slider's thumb (react-aria)
        thumb.focus()
        thumb.press("ArrowRight")
        shows(r"step=3\b", 3)
        page.locator(".st-key-step_prev button").click()
        page.locator(".st-key-step_prev button").click()
        shows(r"^(?!.*step=)", 3)  # back at step 1, the default: the link leaves it out
        page.locator(".st-key-step_playing label").first.click()  # autoplay, one step a second
        shows(r"step=[3-9]\b", 8)
    finally:
        context.close()


def test_the_qr_code_opens_and_stays_open_while_the_link_refreshes(app, browser):
    """The QR code is drawn only once its box is opened (ui.layout._link_box), and the box stays open while the
    link box redraws itself (each second while autoplay plays)."""
    context, page = open_page(browser, f"{app}/hidden-state?lang=en", SIZES["1280x720"])
    try:
        caption = STRINGS["sidebar.qr_caption"][0]
        assert page.get_by_text(caption).count() == 0
        page.locator(".st-key-step_playing label").first.click()  # autoplay: the link box redraws each second
        settle(page)
        page.get_by_role("button", name=STRINGS["sidebar.qr"][0]).click()
        page.get_by_text(caption).first.wait_for(timeout=15_000)
        page.wait_for_timeout(2500)  # two redraws of the link box, each with its step's link
        assert page.get_by_text(caption).first.is_visible()
        assert page.locator('[data-testid="stPopoverBody"] img').count() == 1
    finally:
        context.close()


def test_a_quiz_answer_stays_while_the_learner_checks_it_with_the_slider(app, browser):
    """Lesson 5: answer the first question, then move ρ (as the question says, to check it): the slider reruns the
    toy lab and the summary (their fragments), the question and the answer picked stay, and the summary follows."""
    context, page = open_page(browser, f"{app}/gradients?lang=en&rho=1.45", SIZES["1280x720"])
    try:
        card = page.locator('[data-testid="stRadio"]', has_text="If ρ were").first
        label = card.locator("p").first.inner_text()
        card.locator("label", has=page.locator("input[type=radio]")).first.click()  # the first option
        settle(page)
        assert card.locator("input:checked").count() == 1
        summary = page.locator("li", has_text="ρ = ").first
        assert "ρ = 1.45" in summary.inner_text()
        thumb = page.locator(".st-key-grad_rho input[type=range]").first
        thumb.focus()
        thumb.press("ArrowRight")
        settle(page)
        assert "ρ = 1.50" in summary.inner_text()  # the summary follows the slider
        assert card.locator("p").first.inner_text() == label  # the question kept its numbers
        assert card.locator("input:checked").count() == 1  # and the answer picked
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_lesson_name_in_the_sidebar_is_shown_whole(app, browser, lang):
    """A long name ("5 · Vanishing and exploding gradients") wraps onto a second line instead of ending in "…"."""
    context, page = open_page(browser, f"{app}/gradients?lang={lang}", SIZES["1280x720"])
    try:
        names = page.locator('[data-testid="stSidebarNavLink"] [data-testid="stMarkdownContainer"]')
        assert names.count() >= 8
        cut = names.evaluate_all("ns => ns.filter(n => n.scrollWidth > n.clientWidth + 1 || n.scrollHeight > "
                                 "n.clientHeight + 1 || getComputedStyle(n.querySelector('p')).textOverflow "
                                 "=== 'ellipsis').map(n => n.innerText)")
        assert cut == []
    finally:
        context.close()
