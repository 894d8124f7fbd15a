"""Benchmarks against the real server (`streamlit run`): cold start, first renders, a class of 30.

All times are seen from the client: a request's send to the server's "script finished" message.
"""
from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from bench.client import Session
from deploy.replicas import CHROMIUM, CHROMIUM_FLAGS, find_nginx, load_balanced, streamlit_process
from ui.pages import PAGES

ROOT = Path(__file__).resolve().parent.parent


def percentiles(seconds: list[float]) -> dict:
    """p50, p95 and max in milliseconds of a list of durations in seconds."""
    ms = np.array(seconds) * 1000
    return {"p50_ms": round(float(np.percentile(ms, 50)), 2), "p95_ms": round(float(np.percentile(ms, 95)), 2),
            "max_ms": round(float(ms.max()), 2), "n": len(seconds)}


def _resident_kb(pid: int) -> int:
    """One process's resident memory in kB (raises OSError or StopIteration when it is gone)."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (the Keras worker, trainings), in MB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            total += _resident_kb(p)
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration):
            continue
    return round(total / 1024, 1)


def rss_of_children_mb() -> float:
    """Everything this process started (nginx, the replicas, their shared Keras worker), in MB."""
    return round(rss_mb(os.getpid()) - _resident_kb(os.getpid()) / 1024, 1)


def cold_start() -> dict:
    """Process start to the home page drawn in Chromium (its heading visible)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)  # launched before the clock
        start = time.perf_counter()
        with streamlit_process() as (url, _):  # returns once the health endpoint answers
            healthy = time.perf_counter() - start
            page = browser.new_page()
            page.goto(f"{url}/?lang=en", wait_until="domcontentloaded")
            page.get_by_role("heading", name="RNN Lab").first.wait_for(timeout=60_000)
            rendered = time.perf_counter() - start
        browser.close()
    return {"health_endpoint_s": round(healthy, 2), "home_page_rendered_s": round(rendered, 2)}


async def first_renders(url: str) -> dict:
    """Each page opened by a fresh session: the first time in this server process (models load), then warm."""
    out = {}
    for when in ("first_in_process_ms", "fresh_session_warm_ms"):
        for info in PAGES:
            async with Session(url) as s:
                await s.open()
                seconds = await s.open("" if info.default else info.url_path)
                out.setdefault(info.url_path, {})[when] = round(seconds * 1000, 1)
                out[info.url_path]["errors"] = out[info.url_path].get("errors", 0) + len(s.exceptions)
    return out


async def student(url: str, k: int, sentences: list[str], start: asyncio.Event, think: tuple[float, float]) -> dict:
    """One student: opens the demo, types three sentences, then moves a slider on lesson 5 three times,
    pausing ``think`` = (shortest, longest) seconds before each action to read and type."""
    rng = np.random.default_rng(k)

    async def pause():
        await asyncio.sleep(rng.uniform(*think))

    await start.wait()
    typed, moved, errors = [], [], 0
    try:
        async with Session(url) as s:
            await pause()
            await s.open("try-it")
            for j in range(3):
                await pause()
                typed.append(await s.set("demo_text", f"{sentences[(3 * k + j) % len(sentences)]} ({k})"))
            await s.open("gradients")
            for rho in (0.5 + 0.1 * (k % 10), 1.5, 2.5):
                await pause()
                moved.append(await s.set("grad_rho", round(rho, 2)))
            errors = "; ".join(s.exceptions)
    except Exception as err:  # a dropped connection or a timeout counts as an error
        errors = f"{type(err).__name__}: {err}"
    return {"typed": typed, "moved": moved, "errors": errors}


async def class_at_once(url: str, memory: Callable[[], float], students: int = 30,
                        think: tuple[float, float] = (0, 0)) -> dict:
    """``students`` sessions at once, all started together; latencies, errors and ``memory()`` of the servers."""
    rows = (ROOT / "training" / "short_sentences" / "en.tsv").read_text(encoding="utf-8").splitlines()
    sentences = [r.split("\t", 1)[1] for r in rows if "\t" in r and not r.startswith("#")]
    start, peak = asyncio.Event(), [memory()]

    async def sample():
        while True:
            peak.append(memory())
            await asyncio.sleep(0.25)

    sampler = asyncio.create_task(sample())
    tasks = [asyncio.create_task(student(url, k, sentences, start, think)) for k in range(students)]
    began = time.perf_counter()
    start.set()
    results = await asyncio.gather(*tasks)
    sampler.cancel()
    errors = [r["errors"] for r in results if r["errors"]]
    return {"students": students, "think_time_s": list(think), "wall_s": round(time.perf_counter() - began, 1),
            "demo_sentence_to_verdict": percentiles([x for r in results for x in r["typed"]]),
            "lesson_slider_move": percentiles([x for r in results for x in r["moved"]]),
            "errors": len(errors), "error_samples": [str(e) for e in errors[:3]],
            "server_rss_mb_before": peak[0], "server_rss_mb_peak": max(peak)}


WORST_LINK = "ﷺ" * 2000  # one character that the tokenizer splits into three: 6,000 tokens before any cut


def hostile_query(k: int, j: int) -> str:
    """The worst link of lesson 1: 2,000 characters (the URL limit), a new text each time (no cache hit)."""
    from urllib.parse import quote

    return f"lang=en&maxlen=40&sentence={quote(WORST_LINK[:-6] + f'{k:03d}{j:03d}')}"


async def hostile(url: str, k: int, stop: asyncio.Event) -> dict:
    """A hostile session until ``stop``: the worst lesson-1 link, the heaviest lesson-5 settings, and a new
    lesson-8 training of the largest size each round, with no pause at all."""
    link_s, errors, rounds = [], [], 0
    rng = np.random.default_rng(1000 + k)
    try:
        while not stop.is_set():
            async with Session(url, query=hostile_query(k, rounds)) as s:
                link_s.append(await s.open("text-to-vectors"))
            async with Session(url) as s:
                await s.open("gradients")
                await s.set("grad_steps", 300)
                await s.set("grad_units", 32)
                await s.open("playground")
                await s.set("pg_units", int(rng.integers(8, 33)))
                await s.set("pg_seed", int(rng.integers(0, 10_000)))
                errors += s.exceptions
            rounds += 1
    except Exception as err:  # a dropped connection or a timeout
        errors.append(f"{type(err).__name__}: {err}")
    return {"link_s": link_s, "errors": errors, "rounds": rounds}


async def hostile_class(url: str, memory: Callable[[], float], students: int = 30, hostiles: int = 5,
                        think: tuple[float, float] = (2.0, 6.0)) -> dict:
    """``students - hostiles`` learners as in class_at_once while ``hostiles`` sessions attack; the learners'
    latencies beside the attackers' worst-link times."""
    stop = asyncio.Event()
    attackers = [asyncio.create_task(hostile(url, k, stop)) for k in range(hostiles)]
    learners = await class_at_once(url, memory, students=students - hostiles, think=think)
    stop.set()
    attacks = await asyncio.gather(*attackers)
    learners["hostile_sessions"] = hostiles
    learners["hostile_rounds"] = sum(a["rounds"] for a in attacks)
    learners["hostile_worst_link_open"] = percentiles([x for a in attacks for x in a["link_s"]] or [0.0])
    learners["hostile_errors"] = [e for a in attacks for e in a["errors"]][:5]
    return learners


async def worst_link_alone(url: str, repeat: int = 10) -> dict:
    """One session opening the 2,000-character lesson-1 link (a new text each time), nothing else running."""
    times = []
    for j in range(repeat):
        async with Session(url, query=hostile_query(999, j)) as s:
            times.append(await s.open("text-to-vectors"))
    return percentiles(times)


def run_hostile() -> dict:
    """python -m bench hostile: a normal class of 30, then 25 learners beside 5 hostile sessions, one server."""
    think = (2.0, 6.0)
    with streamlit_process() as (url, proc):
        asyncio.run(first_renders(url))  # every page once: models loaded, as after a deploy's health check
        report = {"worst_link_alone": asyncio.run(worst_link_alone(url)),
                  "normal_class_of_30": asyncio.run(class_at_once(url, lambda: rss_mb(proc.pid), think=think)),
                  "hostile_class_25_plus_5": asyncio.run(hostile_class(url, lambda: rss_mb(proc.pid), think=think))}
    normal, attacked = report["normal_class_of_30"], report["hostile_class_25_plus_5"]
    for key in ("demo_sentence_to_verdict", "lesson_slider_move"):
        report[f"ratio_p95_{key}"] = round(attacked[key]["p95_ms"] / max(normal[key]["p95_ms"], 1e-9), 2)
    return report


def run() -> dict:
    report = {"cold_start": cold_start()}
    think = (2.0, 6.0)  # a class: everyone starts together, then reads and types for 2 to 6 s between actions
    with streamlit_process() as (url, proc):
        report["first_render"] = asyncio.run(first_renders(url))
        report["class_of_30"] = asyncio.run(class_at_once(url, lambda: rss_mb(proc.pid), think=think))
        # the worst case, for information: thirty identical bursts with no pause at all
        report["burst_of_30_no_pauses"] = asyncio.run(class_at_once(url, lambda: rss_mb(proc.pid)))
    if find_nginx():  # the same class through nginx onto two replicas (one Python process per core), one Keras worker
        with load_balanced(2) as (url, replicas):
            for first in replicas:  # warm each replica as a deploy's health check would (models load)
                asyncio.run(first_renders(first))
            report["class_of_30_two_replicas"] = asyncio.run(class_at_once(url, rss_of_children_mb, think=think))
            report["class_of_60_two_replicas"] = asyncio.run(class_at_once(url, rss_of_children_mb, students=60,
                                                                           think=think))  # issue 15's larger class
    return report
