"""Lesson 8 in a real browser: it renders and trains (play, then pause) in both languages, in normal and
presentation mode, on a laptop screen and a phone; and the race puts LSTM and GRU ahead of SimpleRNN on a
long gap (the default settings: remember a symbol across 50 distractors)."""
from __future__ import annotations

import re
import time

import pytest

from tests.browser.conftest import open_page, serious_accessibility_findings, settle, shot
from ui.i18n import STRINGS

SIZES = {"1280x720": (1280, 720), "390x844": (390, 844)}


def say(key: str, lang: str) -> str:
    return STRINGS[key][0 if lang == "en" else 1]


def step_count(page) -> int:
    """The counter above the curves: 'Step 12 of 1000' / '학습 스텝 12 / 1000'."""
    return int(re.findall(r"\d+", page.locator(".st-key-main_view h3").first.inner_text())[0])


def train_until(page, lang: str, steps: int, timeout: float = 90) -> int:
    """Press play, wait for ``steps`` steps, press pause; returns the step it stopped at."""
    play = page.get_by_role("button", name=say("play.play", lang))
    play.first.click()
    deadline, retry_at = time.monotonic() + timeout, time.monotonic() + 15
    while step_count(page) < steps and time.monotonic() < deadline:
        page.wait_for_timeout(300)
        if step_count(page) == 0 and time.monotonic() > retry_at and play.count():  # the click was lost (the
            play.first.click()  # button was being redrawn): press it again, as a person would
            retry_at = time.monotonic() + 15
    for _ in range(10):  # the button is drawn anew every tick: a click can land on the one just replaced
        pause = page.get_by_role("button", name=say("play.pause", lang))
        if pause.count():
            pause.first.click()
        settle(page)
        if play.count():
            break
    play.first.wait_for(timeout=30_000)
    return step_count(page)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("mode", ["normal", "present"])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_lesson_renders_and_trains(app, browser, lang, mode, size):
    present = "&present=1" if mode == "present" else ""
    context, page = open_page(browser, f"{app}/playground?lang={lang}{present}", SIZES[size])
    try:
        page.get_by_role("heading", name=say("play.title", lang)).first.wait_for(timeout=30_000)
        page.locator(".st-key-main_view .rnn-lines").first.wait_for(timeout=30_000)
        assert step_count(page) == 0
        stopped = train_until(page, lang, 10)
        assert stopped >= 10
        page.wait_for_timeout(1500)
        assert step_count(page) == stopped  # paused: no more steps
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.get_by_text(re.compile(r"\d+\.\d{3}")).count() > 0  # the loss sentence, with its numbers
        page.locator(".st-key-main_view").scroll_into_view_if_needed()
        settle(page)
        shot(page, f"playground-{lang}-{mode}-{size}")
        if size == "1280x720" and mode == "present":
            box = page.locator(".st-key-main_view").bounding_box()
            assert box["y"] >= 0 and box["y"] + box["height"] <= 720, box  # the curves and their controls fit
    finally:
        context.close()


def test_the_race_puts_lstm_and_gru_ahead_on_a_long_gap(app, browser):
    context, page = open_page(browser, f"{app}/playground?lang=en", (1280, 900))
    try:
        page.get_by_role("button", name="Start the race").click()
        result = page.get_by_text(re.compile(r"^After 400 steps: ")).first
        result.wait_for(timeout=240_000)  # three cells, 400 steps each, on the server's one training slot
        order = re.findall(r"(SimpleRNN|LSTM|GRU) (\d+)%", result.inner_text())
        assert [cell for cell, _ in order][-1] == "SimpleRNN", order
        finals = {cell: int(p) for cell, p in order}
        assert min(finals["LSTM"], finals["GRU"]) >= 80 and finals["SimpleRNN"] < 50, finals
        assert page.get_by_text("SimpleRNN never reached 90% in 400 steps").count() == 1
        page.get_by_role("heading", name=re.compile(r"^The race")).scroll_into_view_if_needed()
        settle(page)
        shot(page, "playground-race-en")
        assert serious_accessibility_findings(page) == []
    finally:
        context.close()


def test_only_the_open_challenge_is_drawn_and_a_closed_ones_weights_are_kept(app, browser):
    """The hand-weight challenges draw only the open tab (a closed one's inputs cost every settings move), and a
    weight typed in one challenge is still there after another was opened."""
    context, page = open_page(browser, f"{app}/playground?lang=en", SIZES["1280x720"])
    try:
        first = page.locator(".st-key-pg_seen_x0 input")
        first.fill("10")
        first.press("Enter")
        settle(page)
        assert page.locator('[class*="st-key-pg_parity_"]').count() == 0  # a closed tab: not drawn
        page.get_by_role("tab", name=say("play.hand.parity", "en")).click()
        page.locator(".st-key-pg_parity_x0 input").wait_for(timeout=15_000)
        settle(page)
        assert page.locator('[class*="st-key-pg_seen_"]').count() == 0
        page.get_by_role("tab", name=say("play.hand.seen", "en")).click()
        page.locator(".st-key-pg_seen_x0 input").wait_for(timeout=15_000)
        settle(page)
        assert page.locator(".st-key-pg_seen_x0 input").input_value() == "10.0"
    finally:
        context.close()
