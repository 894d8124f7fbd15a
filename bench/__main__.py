"""python -m bench: how fast RNN Lab answers, with baselines measured in the same run.

0. The real server (bench/server.py): cold start to the home page drawn in Chromium; each page's
   first render; a class of 30 websocket sessions typing on the demo and moving a lesson slider,
   with errors, latency and the server's memory.
1. Page rerun: Streamlit's AppTest moves a control on each page (warm: each value seen once, as in a
   class); the baseline is the same harness rerunning a one-line script, so the difference is the
   page's own server time. The demo's Keras check is part of its rerun.
2. Demo: a typed sentence to its verdict in NumPy (tokenise, run, verdict after every word, and
   the leave-one-out push of every word), beside Keras model.predict and a direct Keras call.
3. Training (lesson 8): one epoch of the memory task in NumPy (rnn_core.learn) beside the Keras script
   (training/memory_task.py, in a child process), per cell; and a class of 30 pressing "race" at once, with
   identical and with different settings, through the training pool (threads in this process, no server).
Writes build/bench.json. ``python -m bench training`` runs part 3 alone; ``python -m bench hostile`` runs a
normal class of 30 and then 25 learners beside 5 hostile sessions (the worst links, the heaviest settings and
new trainings without pause) on one server, with the ratio of their p95 (build/bench-hostile.json);
``python -m bench classroom`` runs a class of 30 answering a poll and posting to the wall, on SQLite in one
process and on PostgreSQL from two processes (build/bench-classroom.json); ``python -m bench felt`` times, in
Chromium, a step, a slider move and a typed sentence on every lesson to the page settled, beside a one-widget page
(bench/felt.py, build/bench-felt.json).
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from itertools import pairwise
from pathlib import Path

from bench import server
from bench.server import percentiles

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def timed(fn, repeat: int) -> list[float]:
    out = []
    for k in range(repeat):
        start = time.perf_counter()
        fn(k)
        out.append(time.perf_counter() - start)
    return out


WIDGET_MOVES = {  # page: (widget kind, key, values cycled through)
    "lessons/text_to_vectors.py": ("slider", "text_maxlen", [4, 8, 12, 16, 20, 24]),
    "lessons/embeddings.py": ("text_input", "emb_query", ["great", "actor", "funny", "horror", "bad"]),
    "lessons/hidden_state.py": ("slider", "step_d", [2, 3, 4, 5, 6, 7]),
    "lessons/unrolled.py": ("select_slider", "unroll_t", [1, 2, 3, 4, 5]),
    "lessons/gradients.py": ("slider", "grad_rho", [0.5, 0.9, 1.3, 2.0, 2.5]),
    "lessons/gates.py": ("number_input", "gates_unit_LSTM", [1, 2, 3, 4, 5]),
    "lessons/live_demo.py": ("text_area", "demo_text", ["the movie was not fun.", "not bad at all",
                                                      "the cast is good but the script is awful",
                                                      "i loved every minute of it", "what a waste of time"]),
    "lessons/playground.py": ("slider", "pg_units", [8, 12, 16, 20, 24]),  # a new run each time: weights, first step
}


def moved(at, kind: str, key: str, value) -> float:
    """Seconds of the rerun after one control move. A move that reruns fragments alone (lesson 8's settings,
    drawn outside the fragment they rerun) leaves only those fragments in AppTest's tree: a full run, not timed,
    brings the control back first."""
    try:
        widget = getattr(at, kind)(key=key)
    except KeyError:
        at.run()
        widget = getattr(at, kind)(key=key)
    start = time.perf_counter()
    widget.set_value(value).run()
    return time.perf_counter() - start


def lesson_rerun(repeat: int = 40) -> dict:
    """Server time of a slider move on each lesson, beside the same move on a one-line script."""
    from streamlit.testing.v1 import AppTest

    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write("import streamlit as st\nv = st.slider('x', 0, 10, key='x')\nst.write(v)\n")
    empty = AppTest.from_file(f.name, default_timeout=60)
    empty.run()
    base = percentiles(timed(lambda k: empty.slider(key="x").set_value(k % 10).run(), repeat))
    result = {"baseline_one_line_script": base}
    for page, (kind, key, values) in WIDGET_MOVES.items():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.run()
        at.switch_page(page).run()
        for value in values:  # warm: first sight of each value fills the caches, as the first student would
            moved(at, kind, key, value)
        moves = percentiles([moved(at, kind, key, values[k % len(values)]) for k in range(repeat)])
        moves["p50_minus_baseline_ms"] = round(moves["p50_ms"] - base["p50_ms"], 2)
        moves["p95_minus_baseline_ms"] = round(moves["p95_ms"] - base["p95_ms"], 2)
        result[page] = moves
    return result


def demo(name: str = "en-lstm") -> dict:
    from rnn_core.sentiment import SentimentModel
    from rnn_core.text import pad_sequences

    model = SentimentModel.load(name)
    rows = (ROOT / "training" / "short_sentences" / f"{name[:2]}.tsv").read_text(encoding="utf-8").splitlines()
    sentences = [r.split("\t", 1)[1] for r in rows if "\t" in r and not r.startswith("#")]

    def numpy_answer(k):
        reading = model.read(sentences[k % len(sentences)])
        model.leave_one_out(reading.ids)

    def numpy_verdict(k):
        model.predict([sentences[k % len(sentences)]])

    ours_full = timed(numpy_answer, 200)
    ours_verdict = timed(numpy_verdict, 200)
    import keras

    from rnn_core.assets import models_folder

    twin = keras.saving.load_model(models_folder() / model.card.model_file, compile=False)
    ids = [pad_sequences([model.encode(s)[1]]) for s in sentences]
    twin.predict(ids[0], verbose=0)
    twin(ids[0], training=False)
    predict = timed(lambda k: twin.predict(ids[k % len(ids)], verbose=0), 100)
    direct = timed(lambda k: twin(ids[k % len(ids)], training=False), 100)
    result = {"model": name, "numpy_verdict": percentiles(ours_verdict),
              "numpy_full_answer (verdict per word + push per word)": percentiles(ours_full),
              "keras_model.predict": percentiles(predict), "keras_direct_call": percentiles(direct)}
    result["speedup_numpy_verdict_vs_predict_p50"] = round(result["keras_model.predict"]["p50_ms"]
                                                           / result["numpy_verdict"]["p50_ms"], 1)
    result["speedup_numpy_full_answer_vs_predict_p50"] = round(
        result["keras_model.predict"]["p50_ms"]
        / result["numpy_full_answer (verdict per word + push per word)"]["p50_ms"], 1)
    return result


def memory_task_epoch(max_distance: int = 30, epochs: int = 3) -> dict:
    """Seconds per epoch of the memory task (3000 sequences, batches of 64, 24 units), NumPy beside Keras.

    NumPy: rnn_core.learn.train_memory_task in this process. Keras: ``python -m training.memory_task`` in a
    child process, timed from its JSON progress lines (seconds since it started, to 0.1 s). An epoch's time is
    the median of each cell's epochs after its first (the first also builds, and for Keras traces, the model).
    """
    from rnn_core.learn import train_memory_task

    cells = ("SimpleRNN", "LSTM", "GRU")
    ours = {}
    for cell in cells:
        records = []
        train_memory_task(cell, max_distance, 0, records.append, epochs=epochs)
        ours[cell] = [b["seconds"] - a["seconds"] for a, b in pairwise(records)]
    out = subprocess.run([sys.executable, "-m", "training.memory_task", "--max-distance", str(max_distance),
                          "--epochs", str(epochs)], cwd=ROOT, capture_output=True, text=True, timeout=1800, check=True)
    lines = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    theirs = {cell: [b["seconds"] - a["seconds"] for a, b in pairwise(rows)]
              for cell in cells for rows in [[r for r in lines if r.get("cell") == cell]]}
    result = {"max_distance": max_distance, "epochs_per_cell": epochs, "sequences_per_epoch": 3000}
    for cell in cells:
        numpy_s, keras_s = statistics.median(ours[cell]), statistics.median(theirs[cell])
        result[cell] = {"numpy_s_per_epoch": round(numpy_s, 3), "keras_s_per_epoch": round(keras_s, 2),
                        "keras_over_numpy": round(keras_s / numpy_s, 2)}
    return result


def class_presses_race(learners: int = 30) -> dict:
    """A class of ``learners`` pressing lesson 8's race at the same moment, through the training pool.

    Identical settings: every press must join one job. Different settings (one seed each): as many jobs, run one
    at a time in submission order; reports the time until the last finished, the longest line seen and errors.
    Threads in this process play the learners' sessions (the pool runs in the server process, as here).
    """
    from ui import playground as pg
    from workers import trainer

    def press_all(settings_of) -> dict:
        jobs, errors, lines = [None] * learners, [], []
        start = threading.Barrier(learners)

        def press(k: int) -> None:
            start.wait()
            try:
                jobs[k] = pg.start_race(settings_of(k), f"learner {k}")
                lines.append(trainer.place(jobs[k]) + 1)
            except Exception as err:  # noqa: BLE001 - counted, the benchmark goes on
                errors.append(f"{type(err).__name__}: {err}")

        began = time.perf_counter()
        threads = [threading.Thread(target=press, args=(k,)) for k in range(learners)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        pressed = time.perf_counter() - began
        pending, done_at = {id(j): j for j in jobs if j is not None}, []
        while pending and time.perf_counter() - began < 3600:  # each job's finish, in the order they finish
            for key, job in list(pending.items()):
                if not job.active:
                    done_at.append(time.perf_counter() - began)
                    errors += [] if job.state == "done" else [job.error or job.state]
                    del pending[key]
            time.sleep(0.1)
        return {"jobs": len({id(j) for j in jobs if j is not None}), "errors": errors,
                "all_pressed_s": round(pressed, 3), "longest_line": max(lines, default=0),
                "first_result_s": round(min(done_at), 1), "all_done_s": round(max(done_at), 1)}

    same = pg.Settings(seed=9000)  # the default race, on a seed no page has asked for
    return {"learners": learners, "race_steps_per_cell": pg.RACE_STEPS,
            "identical_settings": press_all(lambda k: same),
            "different_settings": press_all(lambda k: pg.Settings(seed=9001 + k))}


def training() -> dict:
    return {"memory_task_epoch": memory_task_epoch(), "class_presses_race": class_presses_race()}


def verdicts(report: dict) -> list[tuple[str, str, bool]]:
    """(target, measured, met) for each target of the issue, from the report."""
    server, reruns, demo_ = report["server"], report["lesson_rerun"], report["demo"]
    lessons = {k: v for k, v in reruns.items() if k.startswith("lessons/")}
    worst = max(lessons, key=lambda k: lessons[k]["p95_ms"])
    verdict = demo_["numpy_full_answer (verdict per word + push per word)"]
    cold = server["cold_start"]["home_page_rendered_s"]
    speedup = demo_["speedup_numpy_full_answer_vs_predict_p50"]
    rows = [
        ("cold start < 5 s", f"{cold} s", cold < 5),
        ("page rerun p95 < 100 ms (worst page)", f"{lessons[worst]['p95_ms']} ms ({worst})",
         lessons[worst]["p95_ms"] < 100),
        ("demo model time p95 < 30 ms", f"{verdict['p95_ms']} ms (whole answer)", verdict["p95_ms"] < 30),
        (">= 1.5x faster than model.predict", f"{speedup}x", speedup >= 1.5),
    ]
    if "training" in report:
        epoch = report["training"]["memory_task_epoch"]
        slowest = min(epoch[c]["keras_over_numpy"] for c in ("SimpleRNN", "LSTM", "GRU"))
        race = report["training"]["class_presses_race"]
        errors = len(race["identical_settings"]["errors"]) + len(race["different_settings"]["errors"])
        rows += [("memory task epoch: NumPy no slower than Keras (every cell)", f"{slowest}x", slowest >= 1),
                 ("class of 30 pressing race: one shared job for identical settings",
                  str(race["identical_settings"]["jobs"]), race["identical_settings"]["jobs"] == 1),
                 ("class of 30 pressing race: no error", str(errors), errors == 0)]
    for key, size, how in (("class_of_30", 30, "one server process"),
                           ("class_of_30_two_replicas", 30, "two replicas, nginx"),
                           ("class_of_60_two_replicas", 60, "two replicas, nginx")):
        if key not in server:
            continue
        klass = server[key]
        p95 = max(klass["demo_sentence_to_verdict"]["p95_ms"], klass["lesson_slider_move"]["p95_ms"])
        rows += [(f"class of {size} ({how}): no error", str(klass["errors"]), klass["errors"] == 0),
                 (f"class of {size} ({how}): p95 <= 1.0 s (issue 15)", f"{p95} ms", p95 <= 1000),
                 (f"class of {size} ({how}): RSS <= 1.5 GB", f"{klass['server_rss_mb_peak']} MB",
                  klass["server_rss_mb_peak"] <= 1536)]
    return rows


def main() -> None:
    if sys.argv[1:] == ["reruns"]:  # only the server time of a control move per lesson (a quick before/after)
        print(json.dumps({"machine": {"cpus": os.cpu_count(), "load_average_at_start": os.getloadavg()},
                          "lesson_rerun": lesson_rerun(20)}, indent=2))
        return
    if sys.argv[1:] == ["classroom"]:  # issue 16: a class of 30 answering a poll and posting to the wall
        from bench import classroom

        part = {"machine": {"cpus": os.cpu_count(), "load_average_at_start": os.getloadavg()}, **classroom.run()}
        print(json.dumps(part, indent=2))
        (ROOT / "build").mkdir(exist_ok=True)
        (ROOT / "build" / "bench-classroom.json").write_text(json.dumps(part, indent=2))
        return
    if sys.argv[1:] == ["hostile"]:  # issue 19: 25 learners beside 5 hostile sessions, against a normal class
        part = {"machine": {"cpus": os.cpu_count(), "load_average_at_start": os.getloadavg()},
                **server.run_hostile()}
        print(json.dumps(part, indent=2))
        (ROOT / "build").mkdir(exist_ok=True)
        (ROOT / "build" / "bench-hostile.json").write_text(json.dumps(part, indent=2))
        return
    if sys.argv[1:] == ["felt"]:  # issue 15: a learner's action to the page settled in Chromium, beside the floor
        from bench import felt

        part = {"machine": {"cpus": os.cpu_count(), "load_average_at_start": os.getloadavg()}, **felt.run()}
        print(json.dumps(part, indent=2))
        (ROOT / "build").mkdir(exist_ok=True)
        (ROOT / "build" / "bench-felt.json").write_text(json.dumps(part, indent=2))
        return
    if sys.argv[1:] == ["training"]:
        part = {"machine": {"cpus": os.cpu_count(), "load_average_at_start": os.getloadavg()}, **training()}
        print(json.dumps(part, indent=2))
        return
    report = {"machine": {"cpus": os.cpu_count(), "load_average_at_start": os.getloadavg()},
              "server": server.run(), "lesson_rerun": lesson_rerun(), "demo": demo(), "training": training()}
    report["targets"] = [{"target": t, "measured": m, "met": ok} for t, m, ok in verdicts(report)]
    out = ROOT / "build" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    print("\nTargets:")
    for t, m, ok in verdicts(report):
        print(f"  [{'met' if ok else 'MISSED'}] {t}: {m}")
    print(f"\nwritten to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
