"""Matrices drawn as HTML grids (no Plotly): x_t · W_x + h_{t-1} · W_h + b = z_t → h_t with every number in its cell.

Why not a Plotly heatmap: its numbers overlapped at d = D = 8 and shrank to 11 px, a phone could not read them,
and mounting the seven-panel figure took most of a step's time in the browser (about 60 to 100 ms of Plotly
alone, more with its layout). A grid of <span> is drawn in a few milliseconds, wraps on a phone, and keeps
every number at 15 px or more (when presenting, the figure grows with the window up to 40 px).

Only numbers and the fixed names passed in (never a learner's text) go into the HTML.
"""
from __future__ import annotations

import base64
import struct
import zlib
from collections.abc import Sequence
from html import escape

import numpy as np

from ui.figures import DIVERGING, SEQUENTIAL

CELL_EM = 2.9  # a cell's width in em: "−0.18" in tabular figures, with padding
OPERATOR_EM = 1.0  # the least width of an operator ("+", "·", "tanh →") between two panels, in its own em
# drawn once per full run (ui.layout.sidebar): a <style> inside a step's figure would restyle the whole page
CSS = """<style>
.rnn-eq { container-type: inline-size; width: 100%; font-size: 15px; }
.rnn-eq .row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em 0; font-variant-numeric: tabular-nums;
  margin-bottom: 0.5em; }
.rnn-eq .term { display: flex; align-items: center; }
.rnn-eq figure { margin: 0; display: flex; flex-direction: column; align-items: center; }
.rnn-eq figcaption { font-size: 0.95em; line-height: 1.3; white-space: nowrap; }
.rnn-eq figcaption .shape { font-size: 0.85em; }
.rnn-eq .grid { display: grid; gap: 2px; }
.rnn-eq .grid span { min-width: %(cell)sem; box-sizing: border-box; padding: 0.2em 0.1em; text-align: center;
  line-height: 1.25; border-radius: 2px; }
.rnn-eq .op { min-width: %(op)sem; text-align: center; font-size: 1.4em; font-weight: 600; white-space: nowrap;
  padding: 0 0.15em; }
.rnn-eq .op.fn { font-size: 1em; }
.rnn-eq .scale, .rnn-heat .scale { display: flex; align-items: center; gap: 0.5em; font-size: max(13px, 0.8em); }
.rnn-eq .scale i, .rnn-heat .scale i { display: inline-block; width: 10em; height: 0.8em; border-radius: 2px; }
.rnn-heat { width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; display: flex; flex-direction: column;
  gap: 0.3em; padding-top: 0.7em; }  /* room for the first row's tip (a grid's paint is clipped to its box) */
.rnn-heat .hm { display: grid; gap: 1px; flex: 1 1 auto; }
.rnn-heat .hm > span { display: flex; align-items: center; justify-content: center; min-height: 1.5em;
  min-width: 0; overflow: hidden; line-height: 1.1; }
.rnn-heat .hm > .lab { justify-content: flex-end; padding-right: 0.4em; white-space: nowrap; max-width: 14em;
  text-overflow: ellipsis; display: block; align-self: center; min-height: 0; }
.rnn-heat .hm > .col { font-size: 0.9em; color: #555; min-height: 1.2em; overflow: visible; }
.rnn-heat .hm > .col.named { overflow: hidden; }  /* a column's token, clipped where columns are narrow */
.rnn-heat .hm.low > span { min-height: 0.75em; }
.rnn-heat .hm.low > .lab { font-size: 0.7em; line-height: 1; }
.rnn-heat .hm > .col.end { justify-content: flex-end; }  /* the last unit's number ends at the grid's edge */
.rnn-heat .hm > .col:first-child { overflow: hidden; white-space: normal; text-align: right; justify-content: flex-end;
  font-size: 0.8em; line-height: 1.15; padding-right: 0.5em; }  /* the corner ("step ╲ unit") wraps in its column */
.rnn-heat .hm > .mark { box-shadow: inset 0 2px #000, inset 0 -2px #000; }
.rnn-heat .hm > .lab.mark { box-shadow: none; font-weight: 700; }
.rnn-heat .hm > .lab.ahead { color: #767676; }
.rnn-heat .hm > .c.ahead { background: repeating-linear-gradient(135deg, #d9d9d9 0 2px, #fafafa 2px 6px); }
.rnn-heat .hm > .cm { box-shadow: inset 2px 0 #000, inset -2px 0 #000; }
.rnn-heat .hm > .c.mark.cm { box-shadow: inset 0 2px #000, inset 0 -2px #000, inset 2px 0 #000, inset -2px 0 #000; }
.rnn-heat .hm > .col.cm { box-shadow: none; font-weight: 700; color: #000; }
/* a grid off screen is not laid out until it nears the window (a slider that redraws the page lays out only what
   shows); its paint is then clipped to its box, so every tip opens inside: from the cell's middle towards the grid's */
.rnn-heat:not(.big) { content-visibility: auto; contain-intrinsic-size: auto 300px; }
.rnn-heat .hm > .c[data-tip]:hover::after { transform: translate(50%, -115%); }
.rnn-heat .hm > .c.r[data-tip]:hover::after { transform: translate(-50%, -115%); }  /* the right half: to the left */
.rnn-heat.big { font-size: 20px; height: 100%; min-height: 240px; container-type: size; }
.rnn-heat.big .scale { font-size: 0.9em; }
.rnn-heat.big .hm { min-height: 0; overflow: hidden; }
.rnn-heat.big .hm > span { min-height: 0; }
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] .rnn-heat.big) { flex: 1 1 auto; }
.rnn-heat { position: relative; }  /* a cell's tip is placed from the grid, not clipped by its narrow cell */
.rnn-eq .grid span { position: relative; }
.rnn-heat .hm > [data-tip]:hover::after, .rnn-eq .grid [data-tip]:hover::after { content: attr(data-tip);
  position: absolute; z-index: 10; transform: translateY(-115%); background: #222; color: #fff; font-size: 13px;
  font-weight: 400; line-height: 1.25; padding: 0.2em 0.5em; border-radius: 4px; white-space: nowrap;
  pointer-events: none; }  /* a cell's value on hover, and on a tap (a touch screen's tap hovers) */
.rnn-eq .grid [data-tip]:hover::after { left: 50%; bottom: 100%; transform: translateX(-50%); }
.rnn-heat .hm > img { width: 100%; height: 100%; min-height: 0; display: block; image-rendering: pixelated; }
.rnn-heat .hm > .pc { min-height: 0; }  /* a step's column over the picture: its values on hover or tap */
.rnn-heat .hm > .pc:hover { box-shadow: inset 0 0 0 2px #000; }
.rnn-heat .hm > .pc:hover::after { top: 0; transform: translateX(50%); white-space: pre; }  /* from its middle */
.rnn-heat .hm > .pc.r:hover::after { transform: translateX(-50%); }  /* the right half: the tip to the left */
.rnn-heat .hm.low > .pc:hover::after { column-count: 2; column-gap: 1em; }  /* more than 16 rows: two columns */
.rnn-heat .hm > .tok { flex-direction: column; color: #000; line-height: 1.15; font-size: 0.95em; padding: 0.15em 0; }
.rnn-heat .hm > .tok small { font-size: 0.8em; }
.rnn-chips { display: flex; flex-wrap: wrap; gap: 3px; font-size: 15px; margin-bottom: 0.4em; }
.rnn-chips > span { display: flex; flex-direction: column; align-items: center; padding: 0.15em 0.45em;
  border-radius: 3px; color: #000; line-height: 1.2; }
.rnn-chips > span small { font-size: 0.8em; font-variant-numeric: tabular-nums; }
.rnn-chips.big { font-size: 22px; }
.rnn-bars { display: grid; grid-template-columns: minmax(3em, max-content) minmax(6em, 1fr) max-content;
  gap: 3px 0.5em; align-items: center; font-size: 15px; font-variant-numeric: tabular-nums; }
.rnn-bars .lab { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 14em; text-align: right; }
.rnn-bars .track { position: relative; height: 1.1em; background: #f4f4f4; border-radius: 2px; }
.rnn-bars .track i { position: absolute; top: 0; bottom: 0; border-radius: 2px; }
.rnn-bars .track b { position: absolute; top: -2px; bottom: -2px; width: 2px; background: #333; }
.rnn-bars .axis { grid-column: 2; text-align: center; color: #555; font-size: 0.9em; }
.rnn-bars .ticks { position: relative; height: 1.2em; color: #444; font-size: 0.9em; }
.rnn-bars .ticks span { position: absolute; transform: translateX(-50%); white-space: nowrap; }
.rnn-bars .ticks span:first-child { transform: none; }
.rnn-bars .ticks span:last-child { transform: translateX(-100%); }
.rnn-bars.big { font-size: 20px; }
.rnn-lookup p { margin: 0.5em 0 0; font-size: 15px; }
.rnn-lookup.big p, .rnn-lookup.big .rnn-heat { font-size: 20px; }
.rnn-belt { font-size: 15px; font-variant-numeric: tabular-nums; display: flex; flex-wrap: wrap; align-items: center;
  gap: 0.5em 0; margin: 0.3em 0 0.6em; }
.rnn-belt.big { font-size: 22px; }
.rnn-belt .belt, .rnn-belt .step { display: flex; align-items: center; }
.rnn-belt .belt { flex-wrap: wrap; gap: 0.5em 0; padding: 0.3em 0.4em; border-radius: 6px; background: #d6d6d6; }
.rnn-belt b { display: inline-block; border: 2px solid #333; border-radius: 4px; padding: 0.35em 0.6em;
  text-align: center; line-height: 1.35; font-weight: 400; color: #000; }
.rnn-belt .to { padding: 0 0.35em; font-size: 1.3em; font-weight: 700; }
[data-testid="stHtml"]:has(.rnn-heat.big) { height: 100%; }
</style>""".replace("%(cell)s", str(CELL_EM)).replace("%(op)s", str(OPERATOR_EM))


STOPS = np.array([s for s, _ in DIVERGING])  # (11,) the scale's positions in [0, 1]
STOP_RGB = np.array([[int(c) for c in col[4:-1].split(",")] for _, col in DIVERGING], dtype=float)  # (11, 3)
SEQ_STOPS = np.array([s for s, _ in SEQUENTIAL])  # (10,) Viridis, the gates' scale
SEQ_RGB = np.array([[int(col[k:k + 2], 16) for k in (1, 3, 5)] for _, col in SEQUENTIAL], dtype=float)  # (10, 3)
HEAT_CELLS = 6_000  # at most this many cells as HTML, about 450 KB (ui.layout.heatmap draws larger ones with Plotly)


def colours(M: np.ndarray, low: float, high: float, signed: bool) -> np.ndarray:
    """Every cell's colour at once, M (T, D) -> (T, D, 3) ints: the diverging scale on [low, high] (centred on 0)
    when ``signed``, else Viridis on [low, high], as ui.figures' heatmaps colour them (the middle when low = high)."""
    M = np.asarray(M, dtype=float)
    where = np.clip((M - low) / (high - low), 0, 1) if high > low else np.full(M.shape, 0.5)  # (T, D)
    stops, rgb = (STOPS, STOP_RGB) if signed else (SEQ_STOPS, SEQ_RGB)
    return np.rint(np.stack([np.interp(where, stops, rgb[:, k]) for k in range(3)], axis=-1)).astype(int)


def signed_limits(M: np.ndarray) -> tuple[float, float]:
    """A colour range centred on 0 that holds every finite value of M, at least ±1 (an LSTM's cell state passes 1)."""
    finite = np.asarray(M, dtype=float)[np.isfinite(M)]
    top = max(float(np.max(np.abs(finite))) if finite.size else 1.0, 1.0)
    return -top, top


def colour(value: float, limit: float) -> tuple[int, int, int]:
    """The diverging scale's colour (ui.figures.DIVERGING: blue negative, red positive) at value in [-limit, limit]."""
    return tuple(int(c) for c in colours(np.array([[value]]), -limit, limit, True)[0, 0])


def _luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance of an sRGB colour."""
    c = np.array(rgb) / 255
    c = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return float(0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2])


def ink(rgb: tuple[int, int, int]) -> str:
    """Black or white, whichever contrasts more with the cell's colour (WCAG: at least 4.5:1 on this scale)."""
    light = _luminance(rgb)
    return "#000000" if (light + 0.05) / 0.05 >= 1.05 / (light + 0.05) else "#ffffff"


def number(value: float) -> str:
    """Two decimals with a true minus sign: −0.18 (and 0.00, never −0.00)."""
    return f"{value + 0.0:.2f}".replace("-0.00", "0.00").replace("-", "−")


def exact(value: float) -> str:
    """A cell's value in its tooltip: five decimals, a true minus (−0.07061), as the cells print theirs."""
    return f"{value + 0.0:.5f}".replace("-", "−")


def grid(M: np.ndarray, limit: float, hover: str) -> str:
    """One matrix M (rows, cols) as a grid of coloured cells, each with its value; ``hover`` names a cell's place
    ({row}, {col}, {value}: the tooltip, to five decimals)."""
    rows, cols = M.shape
    rgb_all = colours(M, -limit, limit, True)  # (rows, cols, 3)
    cells = []
    for r in range(rows):
        for c in range(cols):
            value, rgb = float(M[r, c]), tuple(int(k) for k in rgb_all[r, c])
            cells.append(f'<span style="background:rgb{rgb};color:{ink(rgb)}" '
                         f'data-tip="{escape(hover.format(row=r + 1, col=c + 1, value=exact(value)))}">'
                         f"{number(value)}</span>")
    return f'<div class="grid" style="grid-template-columns:repeat({cols},auto)">{"".join(cells)}</div>'


def lines(widths: Sequence[float], count: int) -> list[int]:
    """Where to break a row of panels of these widths into ``count`` lines (contiguous, the widest line as narrow
    as possible): the index of each line's first panel after the first."""
    n = len(widths)
    if count <= 1 or n < 2:
        return []
    best: tuple[float, list[int]] = (float("inf"), [])
    for cut in range(1, n):  # two lines are enough here: seven panels at most
        widest = max(sum(widths[:cut]), sum(widths[cut:]))
        best = min(best, (widest, [cut]))
    return best[1]


def matrix_equation(panels: Sequence[tuple[str, str, np.ndarray, str]], limit: float, big: bool, hover: str,
                    scale_name: str) -> str:
    """The HTML of matrices side by side: panels are (operator before it, name, 2-D array, shape in letters), e.g.
    ("+", "h<sub>t−1</sub>", h_prev (1, D), "1×D"); one colour scale [-limit, limit] for all, shown below them.

    ``hover`` formats a cell's tooltip ({row}, {col}, {value}); names, operators and letters are the caller's fixed
    HTML. Normally the panels wrap where the page's width ends. When ``big`` (presenting) they are set in two
    lines of about equal width and the numbers grow with the window: as large as the wider line fits the width,
    and the whole fits about half the window's height, between 15 and 40 px.
    """
    limit = float(limit)
    if not panels or not np.isfinite(limit) or limit <= 0:
        raise ValueError(f"matrix_equation needs panels and a positive limit, got {len(panels)} and {limit}")
    terms, widths, heights = [], [], []
    for op, name, M, letters in panels:
        M = np.asarray(M, dtype=float)
        assert M.ndim == 2, f"{name}: a matrix (rows, cols), got shape {M.shape}"
        shape = f"{M.shape[0]}×{M.shape[1]}" + (f" ({letters})" if letters else "")
        sign = len(op) == 1  # a sign ("+") large and bold; a function ("tanh →") at the text's size
        before = f'<span class="{"op" if sign else "op fn"}">{op}</span>' if op else ""
        terms.append(f'<div class="term">{before}<figure><figcaption>{name} <span class="shape">{shape}</span>'
                     f"</figcaption>{grid(M, limit, hover)}</figure></div>")  # the operator wraps with its panel
        op_em = 0 if not op else 1.4 * (OPERATOR_EM + 0.3) if sign else 0.6 * len(op) + 0.3  # in the cells' em
        widths.append(op_em + M.shape[1] * (CELL_EM + 0.15))  # a cell and its 2 px gap
        heights.append(1.6 + M.shape[0] * 1.55)  # the caption and the rows, in em
    scale = colour_scale(scale_name, -limit, limit, True)
    if not big:
        return f'<div class="rnn-eq"><div class="row">{"".join(terms)}</div>{scale}</div>'
    bounds = [0, *lines(widths, 2 if len(panels) >= 4 else 1), len(panels)]
    groups = list(zip(bounds, bounds[1:]))
    widest = max(sum(widths[a:b]) for a, b in groups)
    tall = sum(max(heights[a:b]) for a, b in groups) + 0.5 * (len(groups) - 1)
    size = f"clamp(15px, min({96 / widest:.3f}cqi, {50 / tall:.3f}vh), 40px)"  # 4 % of the width kept as slack
    rows = "".join(f'<div class="row">{"".join(terms[a:b])}</div>' for a, b in groups)
    return f'<div class="rnn-eq big" style="font-size: {size}">{rows}{scale}</div>'


def colour_scale(name: str, low: float, high: float, signed: bool) -> str:
    """The legend under a grid: its name, low, a gradient through the scale's middle, high."""
    ends = [tuple(int(c) for c in rgb) for rgb in colours(np.array([[low, (low + high) / 2, high]]), low, high,
                                                           signed)[0]]
    return (f'<div class="scale"><span>{escape(name)}</span><span>{number(low)}</span>'
            f'<i style="background:linear-gradient(to right,rgb{ends[0]},rgb{ends[1]},rgb{ends[2]})"></i>'
            f"<span>{number(high)}</span></div>")


def heatmap(M: np.ndarray, row_labels: Sequence[str], highlight: int | None, x_title: str, y_title: str,
            value_name: str, limits: tuple[float, float], signed: bool, big: bool = False,
            upto: int | None = None, column: int | None = None, numbered: bool = True,
            column_labels: Sequence[str] | None = None, name: str | None = None) -> str:
    """A value per time step and unit, M (T, D), as a grid: one row per step labelled with its word, one column
    per unit, row ``highlight`` framed, the colour range ``limits`` (as ui.figures.time_by_unit draws it).

    Every row is labelled; numbers print in the cells when they fit (at most 120 cells, 12 columns), and a
    cell's tooltip gives its unit and value to five decimals (its row's label names the word). Row labels are
    escaped: a learner's words are text, never HTML. When ``big`` (presenting) the grid fills its main_view's
    height. ``upto``: only the first ``upto`` rows are filled (the steps read so far); the others keep their place,
    empty, so the grid does not change size from step to step. ``column``: a unit framed (the one the page follows).
    ``numbered``: each row's label starts with its step (1., 2., ...). ``column_labels``: each column headed by its
    label (escaped; in its tooltip too) instead of its number; more than 16 rows are then drawn low (lesson 8 lays
    a long sequence across, its units down), and when no number fits, the colours are one picture (_pictured).
    ``name``: a class (``g-name``) that row_frame's style finds the grid by."""
    M = np.asarray(M, dtype=float)
    assert M.ndim == 2 and M.shape[0] == len(row_labels), f"M (T, D) with T labels, got {M.shape}, {len(row_labels)}"
    assert M.size <= HEAT_CELLS, f"{M.size} cells: draw it with ui.figures.time_by_unit"
    T, D = M.shape
    low, high = (float(v) for v in limits)
    rgb = colours(M, low, high, signed)  # (T, D, 3)
    printed = M.size <= 120 and D <= 12
    unit = escape(x_title)  # the tooltip: "3. movie · unit 12: −0.12345" (a tap shows no row label beside it)
    head = [f'<span class="col">{escape(y_title)} ╲ {unit}</span>' if y_title else '<span class="col"></span>']
    every = 1 if D <= 16 else 4 if D <= 32 else 8 if D <= 64 else 16  # unit numbers that fit narrow columns (a phone)

    def near(d: int) -> bool:  # beside the framed unit's own number, which always shows
        return every > 1 and column is not None and abs(d - column) <= every // 2
    named = [escape(str(w)) for w in column_labels] if column_labels is not None else None
    assert named is None or len(named) == D, f"{D} columns, {len(named or ())} column labels"
    if named:
        shown = 1 if D <= 20 else -(-D // 20)  # every k-th token above 20 columns (numbers: a phone's are 5 px)
        head += [f'<span class="col named" title="{unit} {d + 1}: {w}">{w}</span>' if shown == 1 else
                 f'<span class="col" title="{unit} {d + 1}: {w}">{d + 1 if d % shown == 0 else ""}</span>'
                 for d, w in enumerate(named)]
    else:
        head += [f'<span class="col cm">{d + 1}</span>' if d == column else
                 f'<span class="col{" end" if d == D - 1 else ""}">'
                 f'{d + 1 if d == 0 or (d + 1) % every == 0 and not near(d) else ""}</span>' for d in range(D)]
    if named and not printed:
        return _pictured(M, rgb, [escape(str(w)) for w in row_labels], named, unit, escape(y_title), head,
                         value_name, (low, high), signed, big)
    cells = []
    filled = T if upto is None else int(np.clip(upto, 0, T))
    for r in range(T):
        mark = " mark" if r == highlight else ""
        word = escape(f"{r + 1}. {row_labels[r]}" if numbered else str(row_labels[r]))
        if r >= filled:  # not read yet
            cells.append(f'<span class="lab ahead" title="{word}">{word}</span>'
                         + "".join(f'<span class="c ahead{" cm" if d == column else ""}"></span>' for d in range(D)))
            continue
        cells.append(f'<span class="lab{mark}" title="{word}">{word}</span>')
        for d in range(D):  # a few bytes a cell: a Korean sentence on a 128-unit LSTM is thousands of them
            hexa = "#%02x%02x%02x" % tuple(rgb[r, d])
            value = float(M[r, d])
            text = f';color:{ink(tuple(rgb[r, d]))}">{number(value)}' if printed else '">'
            framed = " cm" if d == column else ""
            where = f"{unit} {d + 1} ({named[d]})" if named else f"{word} · {unit} {d + 1}"
            cells.append(f'<span class="c{mark}{framed}{right(d, D)}" data-tip="{where}: {exact(value)}" '
                         f'style="background:{hexa}{text}</span>')
    rows = f"grid-template-columns:minmax(3em,max-content) repeat({D},minmax(0,1fr));"
    if big:  # the rows share the height main_view leaves (a size container), their type as large as a row allows
        rows += (f"grid-template-rows:auto repeat({T},minmax(0,1fr));"
                 f"font-size:clamp(9px,calc((100cqh - 3em) / {T + 1} * 0.75),20px);")
    low_rows = " low" if named and T > 16 else ""
    named_grid = f" g-{name}" if name else ""
    return (f'<div class="rnn-heat{" big" if big else ""}{named_grid}"><div class="hm{low_rows}" style="{rows}">'
            f'{"".join(head + cells)}'
            f"</div>{colour_scale(value_name, low, high, signed)}</div>")


def right(d: int, D: int) -> str:
    """The class of column d of D in a grid's right half, whose tip opens to the left (a grid's paint is clipped
    to its box): " r", else ""."""
    return " r" if 2 * d >= D else ""


def _pictured(M: np.ndarray, rgb: np.ndarray, rows: list[str], named: list[str], unit: str, row_title: str,
              head: list[str], value_name: str, limits: tuple[float, float], signed: bool, big: bool) -> str:
    """heatmap's grid for a long sequence laid across (M (T rows, D steps), no number printed): its colours one
    picture, a PNG of T x D pixels stretched over the cells, and over each step a column whose tooltip lists that
    step's values, row by row. About 120 nodes where cells take D x T (900 on lesson 8's default run): the browser
    sanitizes and lays out the figure in a fraction of the time each time a setting changes."""
    T, D = M.shape
    size = "minmax(0,1fr)" if big else ("0.75em" if T > 16 else "1.5em")
    style = (f"grid-template-columns:minmax(3em,max-content) repeat({D},minmax(0,1fr));"
             f"grid-template-rows:auto repeat({T},{size});")
    if big:
        style += f"font-size:clamp(9px,calc((100cqh - 3em) / {T + 1} * 0.75),20px);"
    labels = [f'<span class="lab" title="{w}" style="grid-area:{r + 2}/1">{w}</span>' for r, w in enumerate(rows)]
    picture = f'<img alt="" src="{png_uri(rgb)}" style="grid-area:2/2/span {T}/span {D}">'
    columns = [f'<span class="pc{right(d, D)}" style="grid-area:2/{d + 2}/span {T}" data-tip="{unit} {d + 1}: “{w}”'
               + "".join(f"&#10;{row_title} {rows[r]}: {exact(float(M[r, d]))}" for r in range(T))
               + '"></span>' for d, w in enumerate(named)]
    low = " low" if T > 16 else ""
    return (f'<div class="rnn-heat{" big" if big else ""}"><div class="hm{low}" style="{style}">'
            f'{"".join(head + labels)}{picture}{"".join(columns)}</div>'
            f"{colour_scale(value_name, *limits, signed)}</div>")


def png_uri(rgb: np.ndarray) -> str:
    """An image of H x W pixels, rgb (H, W, 3) ints in [0, 255], as a data: URI of a PNG (8-bit RGB, no filter)."""
    assert rgb.ndim == 3 and rgb.shape[2] == 3, f"rgb (H, W, 3), got {rgb.shape}"
    H, W, _ = rgb.shape
    pixels = np.clip(rgb, 0, 255).astype(np.uint8)  # (H, W, 3)
    raw = b"".join(b"\x00" + pixels[r].tobytes() for r in range(H))  # each row after its filter byte (0: none)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def row_frame(name: str, D: int, row: int, column: int | None = None) -> str:
    """A style that frames row ``row`` of the grid heatmap(..., name=name) draws with D columns, as its
    ``highlight`` would (its label bold, its cells lined above and below, the cell of the framed ``column`` boxed).
    A step then sends this line and leaves the grid, thousands of cells on lesson 6, as the browser has it."""
    label = (D + 1) * (row + 1) + 1  # the row's label among the grid's children (1-based): a header row comes first
    grid = f".rnn-heat.g-{escape(name)} .hm > span"
    css = (f"{grid}:nth-child({label}) {{ font-weight: 700; color: #000; }}"
           f"{grid}:nth-child(n+{label + 1}):nth-child(-n+{label + D}) {{ box-shadow: inset 0 2px #000, "
           "inset 0 -2px #000; }")
    if column is not None:
        css += (f"{grid}:nth-child({label + 1 + column}) {{ box-shadow: inset 0 2px #000, inset 0 -2px #000, "
                "inset 2px 0 #000, inset -2px 0 #000; }")
    return f"<style>{css}</style>"


BELT_BOXES = (  # (name, colour, what it shows from the step's values v) in the order the cell state flows
    ("c<sub>t−1</sub>", "#E8E8E8", lambda v: signed(v["c_prev"])),
    ("× f", "#56B4E9", lambda v: f"{v['f']:.3f}·({signed(v['c_prev'])})<br>= {signed(v['f'] * v['c_prev'])}"),
    ("+ i·g", "#E69F00", lambda v: f"{v['i']:.3f}·({signed(v['g'])})<br>= {signed(v['i'] * v['g'])}"),
    ("c<sub>t</sub>", "#E8E8E8", lambda v: signed(v["c"])),
    ("tanh(c<sub>t</sub>)", "#FFFFFF", lambda v: signed(v["tanh_c"])),
    ("× o", "#009E73", lambda v: f"{v['o']:.3f}·({signed(v['tanh_c'])})<br>h<sub>t</sub> = {signed(v['h'])}"),
)


def signed(value: float, decimals: int = 3) -> str:
    """+0.123 or −0.123 (a true minus), as the formulas beside the belt print them."""
    return f"{value + 0.0:+.{decimals}f}".replace("-", "−")


def conveyor_belt(values: dict[str, float], big: bool = False) -> str:
    """One LSTM step for one unit: along the belt (grey), c_{t-1} → × f → + i·g → c_t, which goes on to the next
    step; from c_t, tanh(c_t) → × o → h_t. values: c_prev, f, i, g, c, tanh_c, o, h of the selected unit and word
    (tanh_c is the step's recorded tanh(c_t), never computed here: a missing value is a KeyError). Wraps on a
    phone, each arrow with the box it points to."""
    boxes = [f'<b style="background:{fill}">{name}<br>{shown(values)}</b>' for name, fill, shown in BELT_BOXES]
    arrow = '<span class="to">→</span>'
    belt = boxes[0] + "".join(f'<span class="step">{arrow}{box}</span>' for box in boxes[1:4])
    out = "".join(f'<span class="step">{arrow}{box}</span>' for box in boxes[4:])
    return f'<div class="rnn-belt{" big" if big else ""}"><div class="belt">{belt}</div>{out}</div>'


TOKEN_FILL = ("#DDDDDD", "#E69F00", "#56B4E9")  # padding (id 0), out of vocabulary (id 1), a known token


def token_grid(labels: Sequence[Sequence[str]], ids: np.ndarray, x_title: str, y_title: str, big: bool = False) -> str:
    """The padded batch of ids (B, L) as a grid: one row per sentence, one column per position; padding grey,
    out-of-vocabulary orange, known tokens blue, each cell its token (escaped: a learner's text stays text) over its
    id while L <= 24 (a tooltip always). When ``big`` (presenting) the grid fills its main_view's height."""
    ids = np.asarray(ids)
    B, L = ids.shape
    assert len(labels) == B and all(len(row) == L for row in labels), f"labels (B, L) for ids {ids.shape}"
    printed = L <= 24
    head = [f'<span class="col">{escape(y_title)} ╲ {escape(x_title)}</span>']
    head += [f'<span class="col">{k + 1}</span>' for k in range(L)]
    cells = []
    for b in range(B):
        cells.append(f'<span class="lab">{b + 1}</span>')
        for k in range(L):
            i, word = int(ids[b, k]), escape(str(labels[b][k]))
            fill = TOKEN_FILL[min(i, 2)]
            text = f"{word}<small>{i}</small>" if printed else ""
            cells.append(f'<span class="tok" title="{word} · id {i}" style="background:{fill}">{text}</span>')
    style = f"grid-template-columns:minmax(2em,max-content) repeat({L},minmax(0,1fr));"
    if big:
        style += (f"grid-template-rows:auto repeat({B},minmax(0,1fr));"
                  f"font-size:clamp(9px,calc((100cqh - 2em) / {2 * B + 1} * 0.75),20px);")
        if printed:  # words in the cells: as large as a row's height and the widest word's column allow
            widest = max([0.4 + max(sum(1.0 if ord(c) >= 0x1100 else 0.5 for c in str(w)), 0.5 * len(str(int(i))))
                          for row, idrow in zip(labels, ids) for w, i in zip(row, idrow)] + [1.0])  # in em
            style += (f"font-size:clamp(9px,min(calc((100cqh - 2em) / {2 * B + 1} * 0.75),"
                      f"{100 / (L + 1) / widest:.2f}cqw),32px);")
    grid = f'<div class="hm" style="{style}">{"".join(head + cells)}</div>'
    return f'<div class="rnn-heat{" big" if big else ""}">{grid}</div>'


def token_chips(tokens: Sequence[str], ids: Sequence[int], big: bool = False) -> str:
    """One sentence's tokens in order, each over its id, coloured as token_grid colours them (out-of-vocabulary
    orange, known blue); they wrap with the page's width. Tokens are escaped: a learner's text stays text."""
    assert len(tokens) == len(ids), f"a token per id, got {len(tokens)} and {len(ids)}"
    chips = "".join(f'<span title="{k + 1}. {escape(str(w))} · id {int(i)}" '
                    f'style="background:{TOKEN_FILL[min(int(i), 2)]}">{escape(str(w))}<small>{int(i)}</small></span>'
                    for k, (w, i) in enumerate(zip(tokens, ids)))
    return f'<div class="rnn-chips{" big" if big else ""}">{chips}</div>'


def onehot_lookup(ids: Sequence[int], onehot: np.ndarray, row: np.ndarray, titles: tuple[str, str],
                  id_title: str, dimension_title: str, big: bool = False) -> str:
    """one_hot(token) · E = E[id]: the one-hot row seen through a window of ``ids`` (each cell its id over its 0 or
    1, on the gates' scale), above the embedding row it selects, row (E,), on the diverging scale ±max|row| with its
    legend. titles: (the one-hot panel's, the embedding panel's), plain text: escaped here (they hold the
    learner's token)."""
    onehot, row = np.asarray(onehot, dtype=float), np.asarray(row, dtype=float)
    assert onehot.shape == (len(ids),) and row.ndim == 1, f"onehot (window,), row (E,): {onehot.shape}, {row.shape}"
    rgb = colours(onehot[None, :], 0.0, 1.0, False)[0]  # (window, 3)
    cells = [f'<span class="col">{escape(id_title)}</span>', *(f'<span class="col{" cm" if v else ""}">{i}</span>'
                                                               for i, v in zip(ids, onehot))]
    cells.append('<span class="lab">one_hot</span>')
    for i, v, c in zip(ids, onehot, rgb):
        colour_ = tuple(int(k) for k in c)
        cells.append(f'<span class="c{" cm" if v else ""}" title="{escape(id_title)} {i}: {v:.0f}" '
                     f'style="background:rgb{colour_};color:{ink(colour_)}">{v:.0f}</span>')
    style = f"grid-template-columns:minmax(3em,max-content) repeat({len(ids)},minmax(0,1fr));"
    window = f'<div class="rnn-heat"><div class="hm" style="{style}">{"".join(cells)}</div></div>'
    limit = float(max(np.max(np.abs(row)), 1e-6)) if row.size else 1.0
    embedding = heatmap(row[None, :], ["E[id]"], None, dimension_title, "", "E[id]", (-limit, limit), True,
                        numbered=False)
    return (f'<div class="rnn-lookup{" big" if big else ""}"><p>{escape(titles[0])}</p>{window}'
            f"<p>{escape(titles[1])}</p>{embedding}</div>")


BAR_FILL = ("#0072B2", "#D55E00")  # below 0, at or above 0 (ui.figures.OKABE_ITO's blue and vermilion)


def bars(labels: Sequence[str], values: np.ndarray, x_title: str, signed_values: bool = True,
         big: bool = False) -> str:
    """One numbered bar per label, values (n,), from a zero line: to the right (vermilion) at or above 0, to the
    left (blue) below, each with its value (four decimals, signed when ``signed_values``), e.g. how far a token moved
    p(positive), or a next word's probability. Labels are escaped: a learner's words stay text."""
    values = np.nan_to_num(np.asarray(values, dtype=float))
    assert values.shape == (len(labels),), f"a value per label, got {values.shape} for {len(labels)}"
    low, high = min(0.0, float(values.min(initial=0.0))), max(0.0, float(values.max(initial=0.0)))
    span = (high - low) or 1.0
    zero = -low / span * 100  # % of the track left of the zero line
    rows = []
    for k, (word, v) in enumerate(zip(labels, values.tolist())):
        name, shown = escape(f"{k + 1}. {word}"), signed(v, 4) if signed_values else f"{v:.4f}"
        left, width = zero + min(v, 0.0) / span * 100, abs(v) / span * 100
        rows.append(f'<span class="lab" title="{name}">{name}</span><span class="track" title="{name}: {shown}">'
                    f'<i style="left:{left:.2f}%;width:{width:.2f}%;background:{BAR_FILL[v >= 0]}"></i>'
                    f'<b style="left:calc({zero:.2f}% - 1px)"></b></span><span>{shown}</span>')
    ends = [(0.0, low), (zero, 0.0), (100.0, high)] if low < 0 < high else [(0.0, low), (100.0, high)]
    ends = [(at, v) for at, v in ends if at == zero or abs(at - zero) >= 15]  # an end close to 0: 0 says it
    scale = "".join(f'<span style="left:{at:.2f}%">{"0" if v == 0 else signed(v, 2) if signed_values else f"{v:.2f}"}'
                    "</span>" for at, v in ends)  # the axis: its two ends, and 0 between them
    return (f'<div class="rnn-bars{" big" if big else ""}">{"".join(rows)}<span></span>'
            f'<span class="ticks">{scale}</span><span></span><span class="axis">{escape(x_title)}</span></div>')
