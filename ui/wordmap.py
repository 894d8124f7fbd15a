"""Lesson 2's map of words in plain HTML and CSS (no Plotly): each word a dot at its two principal coordinates.

Both axes have one scale (the plot's aspect ratio is the ratio of the coordinates' spans), so distances on
the map are the projection's own.

Why not Plotly: a searched word redrew the whole scatter of 300 words and their labels in the browser (70 to
100 ms on this machine, most of what a typed word cost). Here a dot is a positioned <b> in the frame of
ui.linechart (its axes, ticks, titles and presentation sizing), with its word and coordinates in a tooltip shown
on hover and on a tap (CSS ``::after``). The learner's words are labelled on the map; the searched word is ringed.

Words are escaped: a learner's words are text, never HTML.
"""
from __future__ import annotations

from collections.abc import Sequence
from html import escape

import numpy as np

from ui.figures import OKABE_ITO
from ui.linechart import label, ticks

OTHER, MINE = OKABE_ITO[4], OKABE_ITO[5]  # sky blue, vermilion (as the Plotly map had them)
CSS = """<style>
.rnn-map .body { justify-content: center; }  /* one scale on both axes: the plot is as wide as its height allows */
.rnn-map .plot { aspect-ratio: var(--r); }
.rnn-map:not(.big) .body { grid-template-columns: auto auto minmax(0, calc(28em * var(--r)));
  grid-template-rows: auto auto; }
.rnn-map.big .body { grid-template-columns: auto auto min(calc(100cqw - 5em), calc((100cqh - 5.5em) * var(--r))); }
.rnn-map .vgrid { top: 0; bottom: 0; border-left: 1px solid #e4e4e4; }
.rnn-map .plot b { width: 14px; height: 14px; transform: translate(-50%, -50%); border-radius: 50%; }
.rnn-map .plot b.w { background: radial-gradient(circle, """ + OTHER + """ 3.5px, transparent 4px); }
.rnn-map .plot b.me { background: radial-gradient(circle, """ + MINE + """ 6px, transparent 6.5px); z-index: 2; }
.rnn-map .plot b.found { width: 20px; height: 20px; border: 3px solid #000; background: none; z-index: 3;
  pointer-events: none; }
.rnn-map .plot b:hover { z-index: 5; }
.rnn-map .plot b[data-tip]:hover::after { content: attr(data-tip); position: absolute; left: 50%; bottom: 100%;
  transform: translate(-50%, -2px); background: #222; color: #fff; font-size: 13px; line-height: 1.25;
  padding: 0.2em 0.5em; border-radius: 4px; white-space: nowrap; pointer-events: none; }
.rnn-map .plot span { transform: translate(-50%, -135%); white-space: nowrap; line-height: 1; color: #000;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff; pointer-events: none; z-index: 4; }
.rnn-map .plot span.dn { transform: translate(-50%, 45%); }  /* a label below its dot, or beside it (place) */
.rnn-map .plot span.rt { transform: translate(0.8em, -50%); }
.rnn-map .plot span.lt { transform: translate(calc(-100% - 0.8em), -50%); }
.rnn-map .plot span.found { font-weight: 700; }
.rnn-map .legend .w, .rnn-map .legend .me, .rnn-map .legend .found { width: 0.8em; height: 0.8em; border-radius: 50%; }
.rnn-map .legend .w { background: """ + OTHER + """; } .rnn-map .legend .me { background: """ + MINE + """; }
.rnn-map .legend .found { border: 2px solid #000; box-sizing: border-box; }
</style>"""


def _range(v: np.ndarray) -> tuple[float, float]:
    """The values' range with 6% to spare at each end (a dot and its label stay inside the plot)."""
    low, high = (float(v.min()), float(v.max())) if v.size else (-1.0, 1.0)
    pad = 0.06 * (high - low) if high > low else 1.0
    return low - pad, high + pad


HEIGHT_EM = 20  # the plot's height in em where it is smallest (a phone; 28 on a wider screen, see CSS)
BIG_HEIGHT_EM = 12  # presenting, at its smallest (1280x720, 20 px type): labels are larger against the plot
# where a label's box starts from its dot: (a share of the label's width, em to the right, em down)
SIDES = {"up": (-0.5, 0.0, -1.35), "dn": (-0.5, 0.0, 0.45), "rt": (0.0, 0.8, -0.5), "lt": (-1.0, -0.8, -0.5)}


def text_width(word: str) -> float:
    """A label's rough width in em: a Hangul or CJK character about 1, anything else about 0.55."""
    return sum(1.0 if ord(c) >= 0x1100 else 0.55 for c in word)


def place(points: Sequence[tuple[float, float, str, tuple[str, ...]]], ratio: float,
          height: float = HEIGHT_EM) -> list[str]:
    """A side for each label (up, dn, rt, lt), greedily, in order: the first of its preferred sides whose box
    (estimated in em on a plot ``height`` em tall) overlaps neither a label placed before nor a labelled dot and
    stays inside the plot; its first side when none is free. ``points``: (x %, y % from the top, word, sides)."""
    width = height * ratio
    dots = [(x / 100 * width, y / 100 * height) for x, y, _, _ in points]
    spots = [(cx - 0.45, cy - 0.45, cx + 0.45, cy + 0.45) for cx, cy in dots]  # the labelled dots themselves
    placed: list[tuple[float, float, float, float]] = []
    out = []
    for k, ((cx, cy), (_, _, word, sides)) in enumerate(zip(dots, points)):
        w = text_width(word)
        taken = placed + spots[:k] + spots[k + 1:]  # its own dot is where the label points

        def box(side: str) -> tuple[float, float, float, float]:
            share, dx, dy = SIDES[side]
            left = cx + share * w + dx
            return left, cy + dy, left + w, cy + dy + 1.0

        def free(b: tuple[float, float, float, float]) -> bool:
            inside = b[0] >= 0 and b[1] >= 0 and b[2] <= width and b[3] <= height
            return inside and not any(b[0] < o[2] and o[0] < b[2] and b[1] < o[3] and o[1] < b[3] for o in taken)
        side = next((s for s in sides if free(box(s))), sides[0])
        placed.append(box(side))
        out.append(side)
    return out


def word_map(coords: np.ndarray, labels: Sequence[str], mine: np.ndarray, found: str | None,
             axis_titles: tuple[str, str], legend: tuple[str, str, str], big: bool = False) -> str:
    """Words at coords (m, 2) on the first two principal axes; ``mine`` (m,) marks the learner's (drawn larger,
    in vermilion, labelled), ``found`` a searched word, ringed (and labelled below, if not one of the learner's)
    when it is on the map.
    ``legend``: the names of the three kinds of dot (others, the learner's, the searched word)."""
    coords = np.asarray(coords, dtype=float)
    mine = np.asarray(mine, dtype=bool)
    assert coords.ndim == 2 and coords.shape[1] == 2, f"coords (m, 2), got {coords.shape}"
    assert len(labels) == len(mine) == len(coords), f"{len(coords)} points, {len(labels)} labels, {len(mine)} marks"
    (x_low, x_high), (y_low, y_high) = _range(coords[:, 0]), _range(coords[:, 1])
    ratio = (x_high - x_low) / (y_high - y_low)  # the plot's width over its height: one unit as long on both axes

    def x(v: float) -> float:  # percent across the plot
        return (v - x_low) / (x_high - x_low) * 100

    def y(v: float) -> float:  # percent down from the top
        return (1 - (v - y_low) / (y_high - y_low)) * 100

    x_ticks, y_ticks = ticks(x_low, x_high, 7), ticks(y_low, y_high, 7)
    marks = [f'<i class="grid" style="top:{y(v):.2f}%"></i>' for v in y_ticks]
    marks += [f'<i class="vgrid" style="left:{x(v):.2f}%"></i>' for v in x_ticks]
    words = [escape(str(w)) for w in labels]
    percent = [(x(a), y(b)) for a, b in coords]  # (m,) each dot's place in percent, across and down
    where = [f"left:{left:.2f}%;top:{top:.2f}%" for left, top in percent]
    tips = [f"{w} ({label(round(a, 3))}, {label(round(b, 3))})" for w, (a, b) in zip(words, coords)]
    for group, kind in ((np.flatnonzero(~mine), "w"), (np.flatnonzero(mine), "me")):  # the learner's on top
        marks += [f'<b class="{kind}" style="{where[i]}" data-tip="{tips[i]}"></b>' for i in group]
    at = list(labels).index(found) if found is not None and found in labels else None
    named = list(np.flatnonzero(mine))  # the labelled words: a searched one first (below its ring), the learner's
    if at is not None and not mine[at]:
        named.insert(0, at)
    sides = place([(*percent[i], str(labels[i]),
                    ("dn", "up", "rt", "lt") if i == at else ("up", "dn", "rt", "lt")) for i in named], ratio,
                  BIG_HEIGHT_EM if big else HEIGHT_EM)
    for i, side in zip(named, sides):
        kind = " ".join(([] if mine[i] else ["found"]) + ([] if side == "up" else [side]))  # above: no class
        classes = f' class="{kind}"' if kind else ""
        marks.append(f'<span{classes} style="{where[i]}">{words[i]}</span>')
    shown = [escape(legend[0]), escape(legend[1])]
    if at is not None:
        marks.append(f'<b class="found" style="{where[at]}"></b>')
        shown.append(escape(legend[2]))
    keys = "".join(f'<span><i class="{kind}"></i>{name}</span>' for kind, name in zip(("w", "me", "found"), shown))
    xs = "".join(f'<span style="left:{x(v):.2f}%">{label(v)}</span>' for v in x_ticks)
    ys = "".join(f'<span style="top:{y(v):.2f}%">{label(v)}</span>' for v in y_ticks)
    return (f'<div class="rnn-lines rnn-map{" big" if big else ""}"><div class="legend">{keys}</div>'
            f'<div class="body" style="--r:{ratio:.4f}"><span class="ytitle">{escape(axis_titles[1])}</span>'
            f'<div class="yticks">{ys}</div>'
            f'<div class="plot">{"".join(marks)}</div><div class="xticks">{xs}</div></div>'
            f'<div class="xtitle">{escape(axis_titles[0])}</div></div>')
