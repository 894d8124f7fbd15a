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
from dataclasses import dataclass, field
from html import escape

import numpy as np

from ui.figures import OKABE_ITO, clip_for_log_plot, log_range
from ui.i18n import SUPERSCRIPT, power_of_ten

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
.rnn-lines .yticks, .rnn-lines .y2ticks, .rnn-lines .plot, .rnn-lines .xticks { position: relative; }
.rnn-lines .yticks { min-width: 2.6em; margin-right: 0.3em; }
.rnn-lines .yticks span { position: absolute; right: 0; transform: translateY(-50%); color: #444;
  font-variant-numeric: tabular-nums; }
.rnn-lines .plot { border-left: 1px solid #999; border-bottom: 1px solid #999; }
.rnn-lines .plot > * { position: absolute; }
.rnn-lines .grid { left: 0; right: 0; border-top: 1px solid #e4e4e4; }
.rnn-lines .level { left: 0; right: 0; border-top: 2px dashed #555; }
.rnn-lines .line { inset: 0; }
.rnn-lines .dash { -webkit-mask: repeating-linear-gradient(90deg, #000 0 7px, transparent 7px 11px);
  mask: repeating-linear-gradient(90deg, #000 0 7px, transparent 7px 11px); }
.rnn-lines .dot { -webkit-mask: repeating-linear-gradient(90deg, #000 0 3px, transparent 3px 7px);
  mask: repeating-linear-gradient(90deg, #000 0 3px, transparent 3px 7px); }
.rnn-lines .shade { left: 0; right: 0; opacity: 0.08; }
.rnn-lines .rule { left: 0; right: 0; border-top: 1.5px solid #777; }  /* grey: not taken for a curve */
.rnn-lines .rule span { position: absolute; right: 0.4em; bottom: 0.15em; font-size: 0.9em; line-height: 1.1;
  background: rgba(255, 255, 255, 0.75); white-space: nowrap; font-style: normal; }
.rnn-lines .mark { top: 0; bottom: 0; border-left: 2px dotted #000; }
.rnn-lines b { width: 9px; height: 9px; transform: translate(-50%, -50%); }
.rnn-lines b.circle { border-radius: 50%; }
.rnn-lines b.diamond { transform: translate(-50%, -50%) rotate(45deg) scale(0.85); }
.rnn-lines b.triangle { clip-path: polygon(50% 0, 100% 100%, 0 100%); width: 11px; height: 11px; }
.rnn-lines .y2ticks { min-width: 2.6em; margin-left: 0.3em; }
.rnn-lines .y2ticks span { position: absolute; left: 0; transform: translateY(-50%); color: #444;
  font-variant-numeric: tabular-nums; }
.rnn-lines .two { grid-template-columns: auto auto 1fr auto auto; }
.rnn-lines .two .plot { border-right: 1px solid #999; }
.rnn-lines .xticks { grid-column: 3; height: 1.6em; }
.rnn-lines .xticks span { position: absolute; top: 0.2em; transform: translateX(-50%); white-space: nowrap;
  max-width: 7em; overflow: hidden; text-overflow: ellipsis; text-align: center; line-height: 1.15; }
.rnn-lines .xtitle { text-align: center; color: #444; }
.rnn-lines.big { font-size: 20px; height: 100%; min-height: 200px; container-type: size; }  /* its view sizes it */
.rnn-lines.big b { width: 13px; height: 13px; }
.rnn-lines.big .body { flex: 1 1 auto; min-height: 0; grid-template-rows: minmax(0, 1fr) auto; }  /* the plot gives */
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


MARKED = 30  # a curve of at most this many points gets a marker (and its tooltip) at each: more would crowd
DRAWN = 150  # a longer curve is drawn through at most about this many of its points (a few px apart)


@dataclass(frozen=True)
class Right:
    """A second y axis, at the plot's right: its own curves {name: (x, values)}, range and title, its values as
    percentages if ``percent``, and a dashed level on it (chance), named in the legend."""

    title: str
    curves: dict[str, tuple[np.ndarray, np.ndarray]]
    y_range: tuple[float, float]
    percent: bool = False
    level: float | None = None
    level_name: str = ""
    ticks: tuple[float, ...] = field(default=())  # its tick values (by default about five round ones)


def decade(k: float) -> str:
    """10 to the power k as printed on a log axis: 1, 10, 10⁻⁴."""
    return {0: "1", 1: "10"}.get(int(k), "10" + str(int(k)).translate(SUPERSCRIPT))


def lines(curves: dict[str, np.ndarray | tuple[np.ndarray, np.ndarray]], tokens: Sequence[str] | None, y_title: str,
          x_title: str, y_range: tuple[float, float] | None = None, threshold: float | None = None, big: bool = False,
          *, log: bool = False, dashed: Sequence[str] = (), colours: dict[str, str] | None = None,
          marker: float | None = None, split: float | None = None, x_max: float | None = None,
          right: Right | None = None, y_ticks: Sequence[float] = (), dotted: Sequence[str] = (),
          rules: Sequence[tuple[float, str, str]] = ()) -> str:
    """One line per named series, {name: values} or {name: (x, values)}, each point of a short curve a marker
    with its tooltip ("name · 3. word: 0.1234").

    ``tokens``: the x axis is the tokens of a text, values at 1..T (a curve's own x to align it differently);
    None: a numeric axis from 0, values at 0, 1, 2, ... ``y_range``: the y axis (by default the values' own range
    and 0; on a ``log`` axis, their decades and 1). ``threshold``: a dashed level line (p = 0.5); ``split``: the
    plot shaded vermilion above this value and blue below (a norm that grows or shrinks); ``marker``: a dotted
    vertical line at this x; ``dashed``, ``dotted``: names drawn dashed, dotted; ``rules``: (value, label, its
    colour) of each named grey horizontal line (lesson 5's ×0.01 and ×100), drawn when inside the range;
    ``colours``: a name's own colour (else Okabe-Ito in order). Values that are not finite break their line (on a
    log axis they are drawn at its edge, as ui.figures.clip_for_log_plot does). ``x_max``: the numeric axis' end
    (at least; by default the last x).
    ``right``: a second y axis and its curves (lesson 8's accuracy beside its loss). ``y_ticks``: the left axis'
    ticks and gridlines (by default about five round values). When ``big`` (presenting) it fills its main_view."""
    pairs = {}
    for name, c in curves.items():
        xs, ys = c if isinstance(c, tuple) else (np.arange(len(c)) + (1 if tokens is not None else 0), c)
        xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
        assert xs.shape == ys.shape and ys.ndim == 1, f"{name}: x and values (n,), got {xs.shape}, {ys.shape}"
        pairs[name] = (xs, ys)
    if log:
        low, high = y_range if y_range is not None else log_range([ys for _, ys in pairs.values()])
        place = {n: (xs, np.log10(clip_for_log_plot(ys)[0]), ys) for n, (xs, ys) in pairs.items()}
    else:
        finite = np.concatenate([ys[np.isfinite(ys)] for _, ys in pairs.values()] + [np.zeros(1)])
        low, high = y_range if y_range is not None else (float(finite.min()), float(finite.max()))
        place = {n: (xs, ys, ys) for n, (xs, ys) in pairs.items()}
    if not high > low:
        low, high = low - 0.5, high + 0.5
    if tokens is not None:
        x_low, x_high = 0.5, max(len(tokens), 1) + 0.5
    else:
        x_low, x_high = 0.0, max([1.0, x_max or 0.0] + [float(np.max(xs)) for xs, _ in pairs.values() if len(xs)])
    formats = {n: (lambda v: power_of_ten(f"{v:.3e}")) if log else (lambda v: f"{v:.4f}") for n in place}
    if right is not None:  # its values placed on the left axis' scale, their own kept for the tooltips
        r_low, r_high = right.y_range

        def onto(v):
            return low + (np.asarray(v, dtype=float) - r_low) / (r_high - r_low) * (high - low)
        for name, (xs, ys) in right.curves.items():
            xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
            assert xs.shape == ys.shape and ys.ndim == 1, f"{name}: x and values (n,), got {xs.shape}, {ys.shape}"
            place[name] = (xs, onto(ys), ys)
            formats[name] = (lambda v: f"{v:.1%}") if right.percent else (lambda v: f"{v:.4f}")
        if right.level is not None:
            threshold = float(onto(right.level))

    def x(v: float) -> float:  # percent across the plot
        return float((v - x_low) / (x_high - x_low) * 100)

    def y(v: float) -> float:  # percent down from the top
        return float((1 - (np.clip(v, low, high) - low) / (high - low)) * 100)

    half = 2.0 if big else 1.25  # half the stroke, px
    levels = [float(k) for k in range(int(np.ceil(low)), int(np.floor(high)) + 1)] if log else \
        [float(v) for v in y_ticks] or ticks(low, high)
    if log and len(levels) > 6:
        step = int(np.ceil(len(levels) / 6))
        levels = [v for v in levels if int(v) % step == 0]
    marks = []
    if split is not None:
        at = y(np.log10(split) if log else split)
        marks += [f'<i class="shade" style="top:0;height:{at:.2f}%;background:#D55E00"></i>',
                  f'<i class="shade" style="top:{at:.2f}%;bottom:0;background:#0072B2"></i>']
    marks += [f'<i class="grid" style="top:{y(v):.2f}%"></i>' for v in levels]
    for value, name, colour in rules:
        at = np.log10(value) if log else value
        if low <= at <= high:
            marks.append(f'<i class="rule" style="top:{y(at):.2f}%;color:{colour}">'
                         f"<span>{escape(name)}</span></i>")
    if threshold is not None:
        marks.append(f'<i class="level" style="top:calc({y(np.log10(threshold) if log else threshold):.2f}% - 1px)">'
                     "</i>")
    if marker is not None:
        marks.append(f'<i class="mark" style="left:calc({x(marker):.2f}% - 1px)"></i>')
    legend, palette = [], iter(OKABE_ITO * 4)
    for n, (name, (xs, ys, raw)) in enumerate(place.items()):
        colour = (colours or {}).get(name) or next(palette)
        shape, shown = SHAPES[n % len(SHAPES)], escape(name)
        dash = " dash" if name in dashed else " dot" if name in dotted else ""
        keep = np.arange(len(xs))
        if len(keep) > DRAWN:  # a few px apart at most: the line looks the same through fewer points
            keep = np.unique(np.r_[keep[:: int(np.ceil(len(keep) / DRAWN))], len(keep) - 1])
        runs, run = [], []
        for i in keep.tolist():
            if np.isfinite(ys[i]):
                run.append((x(xs[i]), y(ys[i])))
            elif run:
                runs.append(run)
                run = []
        runs.append(run)
        for run in (r for r in runs if len(r) > 1):
            px, py = [q[0] for q in run], [q[1] for q in run]
            marks += [f'<i class="line{dash}" style="background:{colour};clip-path:{band(px, py, dx, dy)}"></i>'
                      for dx, dy in ((0, half), (half, 0))]
        if len(xs) <= MARKED:
            where = (lambda i: f"{int(xs[i])}. {escape(str(tokens[int(xs[i]) - 1]))}") if tokens is not None else \
                (lambda i: f"{escape(x_title)} = {xs[i]:g}")
            marks += [f'<b class="{shape}" style="left:{x(xs[i]):.2f}%;top:{y(ys[i]):.2f}%;background:{colour}" '
                      f'title="{shown} · {where(i)}: {formats[name](raw[i])}"></b>'
                      for i in range(len(xs)) if np.isfinite(ys[i])]
        swatch = f'<b class="{shape}" style="background:{colour}"></b>' if len(xs) <= MARKED else ""
        legend.append(f'<span><i class="{dash.strip()}" style="background:{colour}">{swatch}</i>{shown}</span>')
    yticks = "".join(f'<span style="top:{y(v):.2f}%">{decade(v) if log else label(v)}</span>' for v in levels)
    body, after = "body", ""
    if right is not None:
        if right.level is not None and right.level_name:
            legend.append(f'<span><i class="dash" style="background:#555"></i>{escape(right.level_name)}</span>')
        r_ticks = right.ticks or ticks(*right.y_range)
        text = (lambda v: f"{v:.0%}") if right.percent else label
        spans = "".join(f'<span style="top:{y(float(onto(v))):.2f}%">{text(v)}</span>' for v in r_ticks)
        body, after = "body two", (f'<div class="y2ticks">{spans}</div>'
                                   f'<span class="ytitle">{escape(right.title)}</span>')
    if tokens is not None:
        T = len(tokens)
        every = 1 if T <= 20 else int(np.ceil(T / 20))
        named = list(range(1, T + 1, every))
        if named:  # the last token always, never crowded
            named[-1:] = [named[-1], T] if T - named[-1] >= every else [T]
        xticks = "".join(f'<span style="left:{x(k):.2f}%" title="{k}. {escape(str(tokens[k - 1]))}">'
                         f"{escape(str(tokens[k - 1])) if every == 1 else k}</span>" for k in named)
    else:
        steps = ticks(x_low, x_high)
        if len(steps) > 1 and x_high - steps[-1] >= (steps[1] - steps[0]) / 2:
            steps.append(x_high)  # the axis' end (T - 1 = 59 after 40), when it is not crowded
        xticks = "".join(f'<span style="left:{x(v):.2f}%">{label(v)}</span>' for v in steps)
    return (f'<div class="rnn-lines{" big" if big else ""}"><div class="legend">{"".join(legend)}</div>'
            f'<div class="{body}"><span class="ytitle">{escape(y_title)}</span><div class="yticks">{yticks}</div>'
            f'<div class="plot">{"".join(marks)}</div>{after}<div class="xticks">{xticks}</div></div>'
            f'<div class="xtitle">{escape(x_title)}</div></div>')
