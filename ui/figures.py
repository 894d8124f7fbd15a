"""Plotly figure builders: one function per figure, data in, figure out (no Streamlit here).

Colours: a diverging blue-white-red scale for signed values (blue negative, red positive) and the
Okabe-Ito palette for lines, both readable with the common colour-vision deficiencies.
``big=True`` enlarges type and lines for a projector.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.colors import get_colorscale

from ui.i18n import t  # hover labels in the learner's language

DIVERGING = get_colorscale("RdBu_r")  # resolved here: plotly.js knows no "_r" names
SEQUENTIAL = get_colorscale("Viridis")
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")


def _font(big: bool) -> int:
    return 20 if big else 13


def _fit(natural: float, most: float | None) -> float:
    """A figure's height: its natural height, at most ``most`` pixels (presentation mode's main figure)."""
    return min(natural, most) if most else natural


def _figure(traces: list[dict], layout: dict) -> go.Figure:
    """A figure from plain trace and layout dicts, built without Plotly's per-property validation.

    Validation costs several milliseconds a chart on every rerun; tests/test_figures.py validates every
    builder's output instead, so a wrong property still fails loudly, in the suite.
    """
    return go.Figure(data=traces, layout=layout, _validate=False)


def _layout(big: bool, height: float, x_title: str | None, y_title: str | None, xaxis: dict | None = None,
            yaxis: dict | None = None, top: int = 20, **rest) -> dict:
    """The layout every chart shares (height, margins, font, axis titles) in one dict.

    One dict, one figure: add_trace and update_* calls each validate and copy the whole figure again.
    """
    return {"height": height, "margin": {"l": 10, "r": 10, "t": top, "b": 10}, "font": {"size": _font(big)},
            "xaxis": {"title": {"text": x_title}, **(xaxis or {})},
            "yaxis": {"title": {"text": y_title}, **(yaxis or {})}, **rest}


def _cell_text(M: np.ndarray) -> bool:
    """Print values inside the cells when the matrix is small and narrow enough to read them."""
    return M.size <= 120 and M.shape[-1] <= 12


def time_by_unit(M: np.ndarray, row_labels: Sequence[str], highlight: int | None, x_title: str, y_title: str,
                 value_name: str = "h", signed: bool = True, big: bool = False,
                 height: float | None = None, limits: tuple[float, float] | None = None) -> go.Figure:
    """A value per time step and unit, M (T, D): one row per step (word), one column per unit, ``highlight`` framed.

    signed: a diverging scale centred on 0 (states); otherwise a sequential scale (gates). The colour range is
    ``limits``, by default [-1, 1] when signed and [0, 1] otherwise (a cell state passes its own range).
    height: at most this many pixels (presentation mode's main figure); by default it grows with T.
    """
    T, D = M.shape
    labels = [f"{t + 1}. {w}" for t, w in enumerate(row_labels)]
    low, high = limits if limits is not None else ((-1.0, 1.0) if signed else (0.0, 1.0))
    scale = {"zmid": 0, "colorscale": DIVERGING} if signed else {"colorscale": SEQUENTIAL}
    heatmap = dict(type="heatmap", z=M, x=list(range(1, D + 1)), y=labels, xgap=1 if D <= 32 else 0, ygap=1,
                   zmin=float(low), zmax=float(high), **scale,
                   texttemplate="%{z:.2f}" if _cell_text(M) else None,
                   hovertemplate=f"%{{y}}<br>{t('step.unit')} %{{x}}<br>{value_name} = %{{z:.5f}}<extra></extra>",
                   colorbar={"title": {"text": value_name}})
    shapes = [] if highlight is None else [
        {"type": "rect", "x0": 0.5, "x1": D + 0.5, "y0": highlight - 0.5, "y1": highlight + 0.5,
         "line": {"color": "#000000", "width": 4 if big else 2}}]
    natural = max(230, 120 + min(32, max(16, 600 // max(T, 1))) * T * (1.3 if big else 1))
    return _figure([heatmap], _layout(big, _fit(natural, height), x_title, y_title,
                                      xaxis={"dtick": 1} if D <= 16 else None,  # units 1, 2, 3: never 0.5 or 1.5
                                      yaxis={"autorange": "reversed", "type": "category"}, shapes=shapes))


PLOT_FLOOR, PLOT_CEILING = 1e-30, 1e30  # log-scale plot range; values beyond are drawn at the edge


def clip_for_log_plot(values: np.ndarray) -> tuple[np.ndarray, bool]:
    """Values forced into [PLOT_FLOOR, PLOT_CEILING] (NaN and inf included), and whether any was moved."""
    v = np.nan_to_num(np.asarray(values, dtype=float), nan=PLOT_CEILING, posinf=PLOT_CEILING, neginf=PLOT_FLOOR)
    clipped = np.clip(v, PLOT_FLOOR, PLOT_CEILING)
    return clipped, bool(np.any(clipped != v) or not np.all(np.isfinite(values)))


def log_range(arrays: Sequence[np.ndarray]) -> list[float]:
    """A log axis' range in decades, [low, high], holding every value drawn (after clip_for_log_plot) and 1."""
    drawn = np.concatenate([clip_for_log_plot(a)[0].ravel() for a in arrays] + [np.ones(1)])
    low, high = np.floor(np.log10(drawn.min())), np.ceil(np.log10(drawn.max()))
    return [float(low) - 0.2, float(max(high, low + 1)) + 0.2]


def _lines(curves: dict[str, tuple[np.ndarray, np.ndarray, Sequence[str]]], x_title: str, y_title: str,
           big: bool, height: float | None, xaxis: dict, log: bool = True) -> go.Figure:
    """Lines with markers, {name: (x, y, hover label per point)}, the legend above the plot. log: a log y axis
    whose range follows the data (log_range); otherwise 0 to 1.05 (accuracies, probabilities)."""
    traces = [dict(type="scatter", x=x, y=clip_for_log_plot(y)[0] if log else np.asarray(y), name=name,
                   mode="lines+markers", line={"color": OKABE_ITO[k % len(OKABE_ITO)], "width": 4 if big else 2},
                   marker={"size": 10 if big else 6, "symbol": ["circle", "square", "diamond", "triangle-up"][k % 4]},
                   customdata=list(labels),
                   hovertemplate=f"{name}<br>%{{customdata}}<br>%{{y:{'.3e' if log else '.3f'}}}<extra></extra>")
              for k, (name, (x, y, labels)) in enumerate(curves.items())]
    yaxis = ({"type": "log", "range": log_range([y for _, y, _ in curves.values()]), "exponentformat": "power"}
             if log else {"range": [0, 1.05]})
    layout = _layout(big, _fit(400 if big else 340, height), x_title, y_title, xaxis=xaxis, yaxis=yaxis,
                     legend={"orientation": "h", "y": 1.0, "yanchor": "bottom"}, top=44 if big else 34)
    return _figure(traces, layout)


def reach_by_gap(curves: dict[str, np.ndarray], gaps: Sequence[int], x_title: str, y_title: str,
                 big: bool = False, height: float | None = None, log: bool = True) -> go.Figure:
    """One value per tested gap and cell, {name: values (len(gaps),)}: one column per gap, on a log scale
    (how much gradient reaches back), or 0 to 1 (log=False: test accuracy)."""
    labels = [str(g) for g in gaps]
    lines = {name: (labels, values, [f"N = {g}" for g in gaps]) for name, values in curves.items()}
    return _lines(lines, x_title, y_title, big, height, {"type": "category"}, log)


def tag_probabilities(P: np.ndarray, column_labels: Sequence[str], tags: Sequence[str], reference: Sequence[int],
                      x_title: str, y_title: str, value_name: str, big: bool = False) -> go.Figure:
    """A tagger's p(tag) per morpheme, P (T, K): one column per step, one row per tag (every tag named, which a
    phone's narrow width still fits), each step's reference tag (Kiwi's) framed. Values print in the cells that
    are not near zero (0.05 or more) while the sentence is short enough to read them; otherwise on hover or tap."""
    T, K = P.shape
    short = T <= 8  # form over step number, upright; longer sentences slant one-line labels
    labels = [f"{w}<br>{i + 1}" if short else f"{i + 1}. {w}" for i, w in enumerate(column_labels)]
    text = [[f"{v:.2f}" if v >= 0.05 and T <= 12 else "" for v in row] for row in P.T]  # (K, T)
    heatmap = dict(type="heatmap", z=P.T, x=labels, y=list(tags), xgap=1, ygap=1, zmin=0.0, zmax=1.0,
                   colorscale=SEQUENTIAL, text=text, texttemplate="%{text}",
                   hovertemplate=f"%{{x}}<br>%{{y}}<br>{value_name} = %{{z:.3f}}<extra></extra>",
                   colorbar={"title": {"text": value_name}})
    shapes = [{"type": "rect", "x0": i - 0.5, "x1": i + 0.5, "y0": k - 0.5, "y1": k + 0.5, "xref": "x", "yref": "y",
               "line": {"color": "#D55E00", "width": 4 if big else 3}} for i, k in enumerate(reference)]
    height = 120 + (30 if big else 24) * K
    return _figure([heatmap], _layout(big, height, x_title, y_title,
                                      xaxis={"type": "category", "tickangle": 0 if short else -45},
                                      yaxis={"autorange": "reversed", "type": "category"}, shapes=shapes))


ARCHITECTURES = {  # kind: (steps, steps that read an input, steps that give an output)
    "one_to_many": (4, {0}, {0, 1, 2, 3}),
    "many_to_one": (4, {0, 1, 2, 3}, {3}),
    "many_to_many": (4, {0, 1, 2, 3}, {0, 1, 2, 3}),
    "seq2seq": (6, {0, 1, 2}, {3, 4, 5}),
}


def architecture(kind: str, big: bool = False) -> go.Figure:
    """The unrolled cell with the inputs (x) and outputs (y) a task uses filled, the rest hollow."""
    steps, inputs, outputs = ARCHITECTURES[kind]
    shapes, notes = [], []

    def arrow(x, y, ax, ay):
        notes.append({"x": x, "y": y, "ax": ax, "ay": ay, "xref": "x", "yref": "y", "axref": "x", "ayref": "y",
                      "text": "", "showarrow": True, "arrowhead": 3, "arrowwidth": 2})

    for k in range(steps):
        for y, used, label, colour in ((0, k in inputs, f"x<sub>{k + 1}</sub>", OKABE_ITO[1]),
                                       (1, True, "RNN", OKABE_ITO[0]),
                                       (2, k in outputs, f"y<sub>{k + 1}</sub>", OKABE_ITO[2])):
            shapes.append({"type": "rect", "x0": k - 0.3, "x1": k + 0.3, "y0": y - 0.25, "y1": y + 0.25,
                           "fillcolor": colour if used else "#FFFFFF", "line": {"color": colour, "width": 3}})
            notes.append({"x": k, "y": y, "text": label, "showarrow": False,
                          "font": {"size": _font(big) + 2, "color": "#FFFFFF" if used and y == 1 else "#000000"}})
        if k in inputs:
            arrow(k, 0.72, k, 0.28)
        if k in outputs:
            arrow(k, 1.72, k, 1.28)
        if k:
            arrow(k - 0.32, 1, k - 0.68, 1)
    layout = {"shapes": shapes, "annotations": notes, "height": 260 if big else 210, "plot_bgcolor": "#FFFFFF",
              "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
              "xaxis": {"visible": False, "range": [-0.6, steps - 0.4]},
              "yaxis": {"visible": False, "range": [-0.45, 2.45]}}
    return _figure([], layout)
