"""Start the real app with `streamlit run` on a free port and drive it with Playwright in Debian's Chromium.

Screenshots land in build/screenshots/ (not committed). Without /usr/bin/chromium the browser tests
are skipped on a developer's machine, but fail in CI (CI=true), where .ci/run installs the browser.
"""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from deploy.replicas import CHROMIUM, CHROMIUM_FLAGS, streamlit_server
from tests.conftest import ROOT

SHOTS = ROOT / "build" / "screenshots"
SIZES = {"1280x720": (1280, 720), "1920x1080": (1920, 1080), "390x844": (390, 844)}  # projectors, a phone
OUTSIDE: dict[int, list[str]] = {}  # by page: every request a page made beyond this machine (there must be none)


@pytest.fixture(scope="session")
def server():
    """The app served by `streamlit run app.py` on 127.0.0.1; yields its base URL."""
    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium (apt-get install -y chromium fonts-noto-cjk)")
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium fonts-noto-cjk)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def app(server, browser):
    """The server's base URL (no visit first: a deep link works as the first visit, tests/test_protocol.py)."""
    return server


def open_page(browser, url: str, size: tuple[int, int]):
    """A fresh context (its own session) at ``url``, once the script has finished running (a phone below 500 px
    wide: touch, no mouse)."""
    phone = size[0] < 500
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.on("request", lambda r: beyond(r.url) and OUTSIDE.setdefault(id(page), []).append(r.url))
    page.goto(url, wait_until="domcontentloaded")
    settle(page)
    return context, page


def beyond(url: str) -> bool:
    """Whether a request for ``url`` leaves this machine (data: and blob: URLs never do)."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and parts.hostname not in ("127.0.0.1", "localhost")


def settle(page, timeout: float = 60_000) -> None:
    """Wait until Streamlit has run the script and drawn the result."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout)
    page.wait_for_timeout(600)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout)


def serious_accessibility_findings(page) -> list[tuple]:
    """axe-core's serious and critical findings on the page as drawn (axe is bundled: no network)."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations
            if v["impact"] in ("serious", "critical")]


def shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
