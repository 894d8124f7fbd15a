"""Two students in two browsers at once: each keeps its own sentence and settings; a link reproduces a view."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from tests.browser.conftest import SIZES, open_page, settle

SENTENCES = {"a": "an utterly wonderful film", "b": "a dreadful boring mess"}


def test_two_concurrent_sessions_keep_their_own_work(app, browser):
    sessions = {k: open_page(browser, f"{app}/try-it?lang=en", SIZES["1280x720"]) for k in SENTENCES}
    try:
        for key, (_, page) in sessions.items():  # both type before either has its answer
            box = page.get_by_label("Your sentence", exact=True)
            box.fill(SENTENCES[key])
            box.press("Control+Enter")
        for key, (_, page) in sessions.items():
            settle(page)
            other = SENTENCES["b" if key == "a" else "a"].split()[1]
            page.get_by_text(SENTENCES[key].split()[1]).first.wait_for(timeout=30_000)
            assert other not in page.locator('[data-testid="stMain"]').inner_text()
            assert parse_qs(urlparse(page.url).query)["sentence"] == [SENTENCES[key]]
        links = {key: page.url for key, (_, page) in sessions.items()}
    finally:
        for context, _ in sessions.values():
            context.close()
    for key, link in links.items():  # the link, opened in a fresh browser session, shows the same view
        context, page = open_page(browser, link, SIZES["1280x720"])
        try:
            expect(page.get_by_label("Your sentence", exact=True)).to_have_value(SENTENCES[key], timeout=30_000)
        finally:
            context.close()
