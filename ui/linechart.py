"""Lines over the tokens of a text in plain HTML and CSS (no Plotly, no SVG): p(positive) after each word, a gate.

Why not Plotly: a typed sentence mounted each line chart again in the browser (about 100 ms of Plotly and its
layout per chart on lesson 6). Why not SVG: Streamlit's st.html strips it. So a line is a coloured box cut to the
shape of the curve (CSS ``clip-path: polygon``): the curve's points in percent of the plot, moved up and down by
half the stroke (and left and right, for the steep parts), in pixels, so it stretches with its box and keeps its
stroke. Each point is a small marker (circle, square, diamond, triangle: the series tell apart without colour)
with a tooltip of its word and value. Every text (ticks, tokens, legend) is HTML around the plot.

Names and tokens are escaped: a learner's words are text, never HTML.
"""
from __future__ import annotations

from collections.abc import Sequence
from html import escape

import numpy as np

from ui.figures import OKABE_ITO

SHAPES = ("circle", "square", "diamond", "triangle")  # one per series, after its colour
CSS = """<style>
.rnn-lines { font-size: 14px; display: flex; flex-direction: column; gap: 0.3em; margin: 0.2em 0 0.6em; }
.rnn-lines .legend { display: flex; flex-wrap: wrap; gap: 0.2em 1.2em; }
.rnn-lines .legend > span { display: inline-flex; align-items: center; gap: 0.4em; }
.rnn-lines .legend i { display: inline-flex; align-items: center; justify-content: center; width: 1.8em; height: 3px; }
.rnn-lines .legend b { transform: none; }
.rnn-lines .legend b.diamond { transform: rotate(45deg) scale(0.85); }
.rnn-lines .body { display: grid; grid-template-columns: auto auto 1fr; grid-template-rows: 16em auto; }
.rnn-lines .ytitle { writing-mode: vertical-rl; text-orientation: sideways; transform: rotate(180deg);
  text-align: center; color: #444; }
.rnn-lines .yticks, .rnn-lines .plot, .rnn-lines .xticks { position: relative; }
.rnn-lines .yticks { min-width: 2.6em; margin-right: 0.3em; }
.rnn-lines .yticks span { position: absolute; right: 0; transform: translateY(-50%); color: #444;
  font-variant-numeric: tabular-nums; }
.rnn-lines .plot { border-left: 1px solid #999; border-bottom: 1px solid #999; }
.rnn-lines .plot > * { position: absolute; }
.rnn-lines .grid { left: 0; right: 0; border-top: 1px solid #e4e4e4; }
.rnn-lines .level { left: 0; right: 0; border-top: 2px dashed #555; }
.rnn-lines .line { inset: 0; }
.rnn-lines b { width: 9px; height: 9px; transform: translate(-50%, -50%); }
.rnn-lines b.circle { border-radius: 50%; }
.rnn-lines b.diamond { transform: translate(-50%, -50%) rotate(45deg) scale(0.85); }
.rnn-lines b.triangle { clip-path: polygon(50% 0, 100% 100%, 0 100%); width: 11px; height: 11px; }
.rnn-lines .xticks { grid-column: 3; height: 1.6em; }
.rnn-lines .xticks span { position: absolute; top: 0.2em; transform: translateX(-50%); white-space: nowrap;
  max-width: 7em; overflow: hidden; text-overflow: ellipsis; text-align: center; line-height: 1.15; }
.rnn-lines .xtitle { text-align: center; color: #444; }
.rnn-lines.big { font-size: 20px; height: 100%; min-height: 200px; }
.rnn-lines.big b { width: 13px; height: 13px; }
.rnn-lines.big .body { flex: 1 1 auto; grid-template-rows: minmax(4em, 1fr) auto; }
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] .rnn-lines.big) { flex: 1 1 auto; }
[data-testid="stHtml"]:has(.rnn-lines.big) { height: 100%; }
</style>"""


def ticks(low: float, high: float, count: int = 5) -> list[float]:
    """About ``count`` round values from low to high (1, 2, 2.5 or 5 times a power of ten apart)."""
    if not high > low:
        return [low]
    raw = (high - low) / (count - 1)
    power = 10 ** np.floor(np.log10(raw))
    step = min((m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw * (1 - 1e-9)), default=10 * power)
    first = np.ceil(low / step - 1e-9) * step
    return [float(round(v, 10)) + 0.0 for v in np.arange(first, high + step * 1e-6, step)]


def label(value: float) -> str:
    """A tick's text: as few decimals as its values need, a true minus."""
    return f"{value:g}".replace("-", "−")


def band(xs: Sequence[float], ys: Sequence[float], dx: float, dy: float) -> str:
    """A clip-path polygon around the polyline through (xs, ys) (percent of the plot), offset by (dx, dy) px one way
    and back the other: with dx = 0 a band of 2·dy px high, with dy = 0 one of 2·dx px wide. The two together keep
    every segment at least √2 of the half-width thick, however steep, at any size of the box."""
    there = [f"calc({x:.2f}% - {dx}px) calc({y:.2f}% - {dy}px)" for x, y in zip(xs, ys)]
    back = [f"calc({x:.2f}% + {dx}px) calc({y:.2f}% + {dy}px)" for x, y in zip(xs[::-1], ys[::-1])]
    return "polygon(" + ",".join(there + back) + ")"


def lines(curves: dict[str, np.ndarray], tokens: Sequence[str], y_title: str, x_title: str,
          y_range: tuple[float, float] | None = None, threshold: float | None = None, big: bool = False) -> str:
    """One line per named series over the tokens of a text, {name: values (T,)}, x = 1..T, each point a tooltip
    ("name · 3. word: 0.1234"). ``y_range``: the y axis (by default the values' own range, 0 included);
    ``threshold``: a dashed level line (p = 0.5). Tokens label the x axis (every k-th beyond 20, numbered);
    values that are not finite are left out (they break their line). When ``big`` (presenting) it fills its
    main_view."""
    T = len(tokens)
    series = {name: np.asarray(v, dtype=float) for name, v in curves.items()}
    assert all(v.ndim == 1 and len(v) <= T for v in series.values()), "each curve (T,) over the tokens"
    finite = np.concatenate([v[np.isfinite(v)] for v in series.values()] + [np.zeros(1)])
    low, high = y_range if y_range is not None else (float(finite.min()), float(finite.max()))
    if not high > low:
        low, high = low - 0.5, high + 0.5

    def x(k: float) -> float:  # token k (1..T) in percent across the plot, half a step of margin at each end
        return (k - 0.5) / max(T, 1) * 100

    def y(v: float) -> float:  # percent down from the top
        return float((1 - (np.clip(v, low, high) - low) / (high - low)) * 100)

    half = 2.0 if big else 1.25  # half the stroke, px
    marks = [f'<i class="grid" style="top:{y(v):.2f}%"></i>' for v in ticks(low, high)]
    if threshold is not None:
        marks.append(f'<i class="level" style="top:calc({y(threshold):.2f}% - 1px)"></i>')
    legend = []
    for n, (name, v) in enumerate(series.items()):
        colour, shape, shown = OKABE_ITO[n % len(OKABE_ITO)], SHAPES[n % len(SHAPES)], escape(name)
        runs, run = [], []
        for k, value in enumerate(v.tolist(), start=1):  # a value that is not finite breaks the line
            if np.isfinite(value):
                run.append((x(k), y(value)))
            elif run:
                runs.append(run)
                run = []
        runs.append(run)
        for run in (r for r in runs if len(r) > 1):
            xs, ys = [p[0] for p in run], [p[1] for p in run]
            marks += [f'<i class="line" style="background:{colour};clip-path:{band(xs, ys, dx, dy)}"></i>'
                      for dx, dy in ((0, half), (half, 0))]
        marks += [f'<b class="{shape}" style="left:{x(k):.2f}%;top:{y(value):.2f}%;background:{colour}" '
                  f'title="{shown} · {k}. {escape(str(tokens[k - 1]))}: {value:.4f}"></b>'
                  for k, value in enumerate(v.tolist(), start=1) if np.isfinite(value)]
        legend.append(f'<span><i style="background:{colour}"><b class="{shape}" style="background:{colour}"></b></i>'
                      f"{shown}</span>")
    yticks = "".join(f'<span style="top:{y(v):.2f}%">{label(v)}</span>' for v in ticks(low, high))
    every = 1 if T <= 20 else int(np.ceil(T / 20))
    xticks = "".join(f'<span style="left:{x(k):.2f}%" title="{k}. {escape(str(tokens[k - 1]))}">'
                     f"{escape(str(tokens[k - 1])) if every == 1 else k}</span>"
                     for k in range(1, T + 1) if (k - 1) % every == 0 or k == T)
    return (f'<div class="rnn-lines{" big" if big else ""}"><div class="legend">{"".join(legend)}</div>'
            f'<div class="body"><span class="ytitle">{escape(y_title)}</span><div class="yticks">{yticks}</div>'
            f'<div class="plot">{"".join(marks)}</div><div class="xticks">{xticks}</div></div>'
            f'<div class="xtitle">{escape(x_title)}</div></div>')
