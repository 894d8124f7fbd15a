"""Matrices drawn as HTML grids (no Plotly): x_t · W_x + h_{t-1} · W_h + b = z_t → h_t with every number in its cell.

Why not a Plotly heatmap: its numbers overlapped at d = D = 8 and shrank to 11 px, a phone could not read them,
and mounting the seven-panel figure took most of a step's time in the browser (about 60 to 100 ms of Plotly
alone, more with its layout). A grid of <span> is drawn in a few milliseconds, wraps on a phone, and keeps
every number at 15 px or more (when presenting, the figure grows with the window up to 40 px).

Only numbers and the fixed names passed in (never a learner's text) go into the HTML.
"""
from __future__ import annotations

from collections.abc import Sequence
from html import escape

import numpy as np

from ui.figures import DIVERGING

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
.rnn-eq .scale { display: flex; align-items: center; gap: 0.5em; font-size: max(13px, 0.8em); }
.rnn-eq .scale i { display: inline-block; width: 10em; height: 0.8em; border-radius: 2px; }
</style>""".replace("%(cell)s", str(CELL_EM)).replace("%(op)s", str(OPERATOR_EM))


STOPS = np.array([s for s, _ in DIVERGING])  # (11,) the scale's positions in [0, 1]
STOP_RGB = np.array([[int(c) for c in col[4:-1].split(",")] for _, col in DIVERGING], dtype=float)  # (11, 3)


def colour(value: float, limit: float) -> tuple[int, int, int]:
    """The diverging scale's colour (ui.figures.DIVERGING: blue negative, red positive) at value in [-limit, limit]."""
    where = float(np.clip((value / limit + 1) / 2, 0, 1)) if limit > 0 else 0.5
    return tuple(int(round(np.interp(where, STOPS, STOP_RGB[:, k]))) for k in range(3))


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


def grid(M: np.ndarray, limit: float, hover: str) -> str:
    """One matrix M (rows, cols) as a grid of coloured cells, each with its value; ``hover`` names a cell's place
    ({row}, {col}, {value}: the tooltip, to five decimals)."""
    rows, cols = M.shape
    cells = []
    for r in range(rows):
        for c in range(cols):
            value = float(M[r, c])
            rgb = colour(value, limit)
            cells.append(f'<span style="background:rgb{rgb};color:{ink(rgb)}" '
                         f'title="{escape(hover.format(row=r + 1, col=c + 1, value=f"{value:.5f}"))}">'
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
    low, mid, high = (colour(v, limit) for v in (-limit, 0.0, limit))
    scale = (f'<div class="scale"><span>{escape(scale_name)}</span><span>{number(-limit)}</span>'
             f'<i style="background:linear-gradient(to right,rgb{low},rgb{mid},rgb{high})"></i>'
             f"<span>{number(limit)}</span></div>")
    if not big:
        return f'<div class="rnn-eq"><div class="row">{"".join(terms)}</div>{scale}</div>'
    bounds = [0, *lines(widths, 2 if len(panels) >= 4 else 1), len(panels)]
    groups = list(zip(bounds, bounds[1:]))
    widest = max(sum(widths[a:b]) for a, b in groups)
    tall = sum(max(heights[a:b]) for a, b in groups) + 0.5 * (len(groups) - 1)
    size = f"clamp(15px, min({96 / widest:.3f}cqi, {50 / tall:.3f}vh), 40px)"  # 4 % of the width kept as slack
    rows = "".join(f'<div class="row">{"".join(terms[a:b])}</div>' for a, b in groups)
    return f'<div class="rnn-eq big" style="font-size: {size}">{rows}{scale}</div>'
