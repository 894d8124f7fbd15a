"""Felt latency in Chromium (python -m bench felt): from a learner's action to the page settled, per lesson,
beside the same action on a one-widget page (bench/floor_app.py) in the same run: the floor Streamlit itself sets.

An action's time starts at its input event in the page (the key or the click, read by a listener the bench puts
there) and ends with the last change drawn in the page's main area for the runs the action started (SETTLED
below), both on the page's own clock (performance.now). A step is a click on Next
or Previous, a slider move one arrow key on its thumb, a typed sentence a new text and Enter.
"""
from __future__ import annotations

import time

from bench.server import percentiles
from deploy.replicas import CHROMIUM, CHROMIUM_FLAGS, streamlit_process

QUIET_MS = 300  # nothing new for this long after DRAW_MS: the page has settled
CHAIN_MS = 60
DRAW_MS = 500
WIDTH, HEIGHT = 1280, 720
SENTENCES = {"en": ("the film was not fun at all", "a warm and funny story"),
             "ko": ("영화가 정말 재밌었다", "줄거리가 엉망이었다")}

# url path: (action, widget key); "step" alternates Next and Previous, "slider" the right and left arrow keys,
# "type" two sentences (Enter; Ctrl+Enter in a text area)
ACTIONS = {
    "text-to-vectors": [("slider", "text_maxlen"), ("type", "text_lines")],
    "embeddings": [("type", "emb_query")],
    "hidden-state": [("step", "step"), ("slider", "step_d"), ("type", "step_sentence")],
    "unrolled": [("step", "unroll"), ("type", "unroll_sentence")],
    "gradients": [("step", "grad_k"), ("slider", "grad_rho"), ("type", "grad_sentence")],
    "gates": [("step", "gates_LSTM"), ("type", "gates_sentence")],
    "try-it": [("type", "demo_text")],
    "playground": [("slider", "pg_units")],
}
FLOOR = [("step", "floor"), ("slider", "floor_slider"), ("type", "floor_text")]

WATCH = """() => {
  const app = document.querySelector('[data-testid=stApp]'), main = document.querySelector('[data-testid=stMain]');
  window.__runs = []; window.__drawn = [];
  new MutationObserver(() => window.__runs.push([performance.now(), app.getAttribute('data-test-script-state')]))
    .observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  new MutationObserver(() => window.__drawn.push(performance.now()))
    .observe(main, {childList: true, characterData: true, subtree: true});
  for (const kind of ['keydown', 'pointerdown']) {
    document.addEventListener(kind, () => { window.__start = performance.now(); }, true);
  }
}"""
# The end of the action's runs: the first run that starts after the input event, and any run that starts within
# CHAIN_MS of the previous one's end (a callback's rerun); a timed fragment's run later on is not the action's.
# Then the last change drawn in the page's main area up to DRAW_MS after that end (Plotly draws after the run).
# A run so quick that the browser never shows "running" is timed by the changes drawn alone.
SETTLED = """([quiet, chain, draw]) => {
  const start = window.__start, now = performance.now();
  if (document.querySelector('[data-testid=stApp]').getAttribute('data-test-script-state') !== 'notRunning')
    return null;
  const runs = window.__runs.filter(r => r[0] >= start);
  let end = null, n = runs.findIndex(r => r[1] === 'running');
  while (n >= 0) {
    const stop = runs.findIndex((r, i) => i > n && r[1] === 'notRunning');
    if (stop < 0) return null;
    end = runs[stop][0];
    n = runs.findIndex((r, i) => i > stop && r[1] === 'running' && r[0] - end < chain);
  }
  const until = end === null ? start + 1500 : end + draw;
  if (now < until + quiet) return null;
  const drawn = window.__drawn.filter(t => t >= start && t <= until);
  if (end === null && !drawn.length) return -1;
  return Math.max(end === null ? start : end, ...drawn) - start;
}"""


def _settle(page, timeout_s: float = 30) -> float | None:
    """Milliseconds from the last input event to the page settled (waits for it); None if no run followed."""
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        felt = page.evaluate(SETTLED, [QUIET_MS, CHAIN_MS, DRAW_MS])
        if felt is not None:
            return None if felt < 0 else felt
        page.wait_for_timeout(50)
    return None


def _act(page, action: str, key: str, k: int, lang: str) -> None:
    if action == "step":
        name = f"{key}_next" if k % 2 == 0 else f"{key}_prev"
        page.locator(f".st-key-{name} button").click()
    elif action == "slider":
        thumb = page.locator(f".st-key-{key} input[type=range]").first  # the slider's thumb (react-aria)
        thumb.focus()
        thumb.press("ArrowRight" if k % 2 == 0 else "ArrowLeft")
    else:
        box = page.locator(f".st-key-{key} textarea, .st-key-{key} input").first
        box.fill(f"{SENTENCES[lang][k % 2]} {k}")
        box.press("Control+Enter" if box.evaluate("e => e.tagName") == "TEXTAREA" else "Enter")


def _measure(browser, url: str, actions: list[tuple[str, str]], repeat: int, lang: str) -> dict:
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    try:
        page = context.new_page()
        page.goto(url, wait_until="domcontentloaded")
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=90_000)
        page.wait_for_timeout(1500)
        page.evaluate(WATCH)
        out = {}
        for action, key in actions:
            times, missed = [], 0
            for k in range(repeat + 1):
                _act(page, action, key, k, lang)
                felt = _settle(page, 30 if k else 60)
                if felt is None:
                    missed += 1  # no run followed the action (counted, never timed)
                elif k:  # the first of each action warms the caches a class would have warmed
                    times.append(felt / 1000)
            out[action] = percentiles(times) | {"missed": missed, "ms": [round(v * 1000) for v in times]}
        return out
    finally:
        context.close()


def run(repeat: int = 20, lang: str = "en") -> dict:
    """Per lesson and action, p50/p95 of the felt latency (and every time, "ms"), beside the floor's for the same
    action. Twenty actions each: the p95 of ten is mostly the slowest one (numpy puts it 55% of the way from the
    ninth to the tenth), so one hiccup of the machine decided it; of twenty it lies near the nineteenth."""
    from playwright.sync_api import sync_playwright

    report: dict = {"window": f"{WIDTH}x{HEIGHT}", "language": lang, "repeat": repeat}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            with streamlit_process(script="bench/floor_app.py") as (url, _):
                report["floor"] = _measure(browser, url, FLOOR, repeat, lang)
            with streamlit_process() as (url, _):
                report["lessons"] = {path: _measure(browser, f"{url}/{path}?lang={lang}", actions, repeat, lang)
                                     for path, actions in ACTIONS.items()}
        finally:
            browser.close()
    report["ratio_p95_to_floor"] = {path: {action: round(m["p95_ms"] / max(report["floor"][action]["p95_ms"], 1), 1)
                                           for action, m in measured.items()}
                                    for path, measured in report["lessons"].items()}
    return report
