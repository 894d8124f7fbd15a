"""python -m bench: how fast RNN Lab answers, with baselines measured in the same run.

0. The real server (bench/server.py): cold start to the home page drawn in Chromium; each page's
   first render; a class of 30 websocket sessions typing on the demo and moving a lesson slider,
   with errors, latency and the server's memory.
1. Page rerun: Streamlit's AppTest moves a control on each page (warm: each value seen once, as in a
   class); the baseline is the same harness rerunning a one-line script, so the difference is the
   page's own server time. The demo's Keras check is part of its rerun.
2. Demo: a typed sentence to its verdict in NumPy (tokenise, run, verdict after every word, and
   the leave-one-out push of every word), beside Keras model.predict and a direct Keras call.
Writes build/bench.json.
"""
from __future__ import annotations

import json
import os
import tempfile
import time
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
    "pages/text_to_vectors.py": ("slider", "text_maxlen", [4, 8, 12, 16, 20, 24]),
    "pages/embeddings.py": ("text_input", "emb_query", ["great", "actor", "funny", "horror", "bad"]),
    "pages/hidden_state.py": ("slider", "step_d", [2, 3, 4, 5, 6, 7]),
    "pages/unrolled.py": ("select_slider", "unroll_t", [1, 2, 3, 4, 5]),
    "pages/gradients.py": ("slider", "grad_rho", [0.5, 0.9, 1.3, 2.0, 2.5]),
    "pages/gates.py": ("number_input", "gates_unit_LSTM", [1, 2, 3, 4, 5]),
    "pages/live_demo.py": ("text_area", "demo_text", ["the movie was not fun.", "not bad at all",
                                                      "the cast is good but the script is awful",
                                                      "i loved every minute of it", "what a waste of time"]),
}


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
            getattr(at, kind)(key=key).set_value(value).run()
        moves = percentiles(timed(lambda k: getattr(at, kind)(key=key).set_value(values[k % len(values)]).run(),
                                  repeat))
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


def verdicts(report: dict) -> list[tuple[str, str, bool]]:
    """(target, measured, met) for each target of the issue, from the report."""
    server, reruns, demo_ = report["server"], report["lesson_rerun"], report["demo"]
    lessons = {k: v for k, v in reruns.items() if k.startswith("pages/")}
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
    for key, how in (("class_of_30", "one server process"), ("class_of_30_two_replicas", "two replicas, nginx")):
        if key not in server:
            continue
        klass = server[key]
        p95 = max(klass["demo_sentence_to_verdict"]["p95_ms"], klass["lesson_slider_move"]["p95_ms"])
        rows += [(f"class of 30 ({how}): no error", str(klass["errors"]), klass["errors"] == 0),
                 (f"class of 30 ({how}): p95 < 1.5 s", f"{p95} ms", p95 < 1500),
                 (f"class of 30 ({how}): RSS < 1.5 GB", f"{klass['server_rss_mb_peak']} MB",
                  klass["server_rss_mb_peak"] < 1536)]
    return rows


def main() -> None:
    report = {"machine": {"cpus": os.cpu_count(), "load_average_at_start": os.getloadavg()},
              "server": server.run(), "lesson_rerun": lesson_rerun(), "demo": demo()}
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
