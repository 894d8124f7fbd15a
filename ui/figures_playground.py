"""Lesson 8's figures: one builder per figure, data in, figure out: the live training curves in HTML
(ui.linechart), the others Plotly with plain dict traces (as ui/figures.py).

Each cell keeps its colour everywhere (SimpleRNN blue, LSTM orange, GRU green, Okabe-Ito); values that are not
finite (a run that blew up) are left out of a line rather than drawn. ``big=True`` is presentation mode.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from ui.figures import OKABE_ITO, _figure, _fit, _layout
from ui.linechart import Right, lines

CELL_COLOURS = {"SimpleRNN": OKABE_ITO[0], "LSTM": OKABE_ITO[1], "GRU": OKABE_ITO[2]}
GREY = "#555555"
LEGEND = {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom", "bgcolor": "rgba(0,0,0,0)"}  # above the plot


def _finite(values) -> list[float | None]:
    """Plain floats, None where a value is NaN or infinite (Plotly leaves a gap)."""
    return [float(v) if np.isfinite(v) else None for v in np.asarray(values, dtype=float)]


def _line(x, y, name: str, colour: str, big: bool, hover: str, **extra) -> dict:
    """A named line (extra: more trace properties; its ``line`` entries are added to the colour and width)."""
    line = {"color": colour, "width": 4 if big else 2, **extra.pop("line", {})}
    return {"type": "scatter", "x": [int(v) for v in x], "y": _finite(y), "name": name, "mode": "lines",
            "line": line, "hovertemplate": f"{name}<br>{hover}<extra></extra>", **extra}


def _level(value: float, name: str, big: bool, yref: str = "y") -> dict:
    """A dashed horizontal line across the plot at ``value`` (chance, a limit), its name written at the right."""
    return {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": yref, "y0": value, "y1": value,
            "line": {"color": GREY, "dash": "dash", "width": 2 if big else 1.5},
            "label": {"text": name, "textposition": "end", "yanchor": "bottom", "font": {"color": GREY}}}


def training_lines(loss: Sequence[float], eval_steps: Sequence[int], accuracy: Sequence[float], chance: float,
                   titles: dict[str, str], max_step: int, big: bool = False) -> str:
    """Loss per step (left axis) and held-out accuracy (right axis, 0 to 100 %) with the chance level, over
    training: plain HTML (ui.linechart), redrawn every tick while the run plays and on every setting moved.

    titles: x, loss, accuracy, chance (axis titles and legend names, in the learner's language).
    """
    loss = np.asarray(loss, dtype=float)  # (steps,)
    steps = np.arange(1, loss.size + 1)  # (steps,)
    top = max([1.0, *loss[np.isfinite(loss)].tolist()])
    right = Right(titles["accuracy"], {titles["accuracy"]: (np.asarray(eval_steps, dtype=float),
                                                           np.asarray(accuracy, dtype=float))},
                  (0.0, RIGHT_TOP), percent=True, level=chance, level_name=titles["chance"], ticks=ACCURACY_TICKS)
    step = loss_step(top)  # the loss' four steps fall on the accuracy's 25 %, 50 %, 75 % and 100 %: one grid
    return lines({titles["loss"]: (steps, loss)}, None, titles["loss"], titles["x"], (0.0, 4 * step * RIGHT_TOP),
                 big=big, colours={titles["loss"]: OKABE_ITO[5], titles["accuracy"]: OKABE_ITO[0]},
                 x_max=max(max_step, 10), right=right, y_ticks=[round(k * step, 12) for k in range(5)])


RIGHT_TOP = 1.05  # the accuracy axis ends a little above 100 %
ACCURACY_TICKS = (0.0, 0.25, 0.5, 0.75, 1.0)


def loss_step(top: float) -> float:
    """The least round step (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) whose four steps reach 10 %
    above ``top``: the loss axis' tick spacing, so that its five ticks meet the accuracy's."""
    need = 1.1 * top / 4
    power = 10 ** np.floor(np.log10(need))
    step = next(m * power for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * power >= need * (1 - 1e-9))
    return round(float(step), 12)


def norm_curves(before: Sequence[float], after: Sequence[float], limit: float | None, titles: dict[str, str],
                max_step: int, big: bool = False, height: float | None = None) -> go.Figure:
    """The gradients' global norm at every step, before and after clipping (log scale), and the limit if on.

    titles: x, y, before, after, limit.
    """
    steps = np.arange(1, len(before) + 1)
    traces = [_line(steps, before, titles["before"], OKABE_ITO[5], big, "step %{x}<br>%{y:.3g}"),
              _line(steps, after, titles["after"], OKABE_ITO[0], big, "step %{x}<br>%{y:.3g}",
                    line={"dash": "dot"})]
    shapes = [] if limit is None else [_level(limit, titles["limit"], big)]
    layout = _layout(big, _fit(380 if big else 320, height), titles["x"], titles["y"],
                     xaxis={"range": [0, max(max_step, 10)]}, yaxis={"type": "log", "exponentformat": "power"},
                     shapes=shapes, legend=LEGEND, top=40)
    return _figure(traces, layout)


def reach_curves(curves: dict[str, np.ndarray], titles: dict[str, str], big: bool = False,
                 height: float | None = None) -> go.Figure:
    """||dL/dh_t|| for every time step t = 1..T (log scale), one line per moment of training: {name: (T,)}.

    titles: x, y.
    """
    colours = (GREY, OKABE_ITO[2])
    traces = [_line(np.arange(1, len(r) + 1), r, name, colours[k % 2], big, "t = %{x}<br>%{y:.3g}",
                    mode="lines+markers", marker={"size": 5 if big else 3})
              for k, (name, r) in enumerate(curves.items())]
    layout = _layout(big, _fit(380 if big else 320, height), titles["x"], titles["y"],
                     yaxis={"type": "log", "exponentformat": "power"}, legend=LEGEND,
                     top=40)
    return _figure(traces, layout)


def race_curves(curves: dict[str, tuple[Sequence[int], Sequence[float]]], chance: float, titles: dict[str, str],
                steps: int, big: bool = False, height: float | None = None) -> go.Figure:
    """Held-out accuracy of each cell over training steps {cell: (steps, accuracy)}, with the chance level.

    titles: x, y, chance.
    """
    traces = [_line(x, y, cell, CELL_COLOURS.get(cell, GREY), big, "step %{x}<br>%{y:.1%}")
              for cell, (x, y) in curves.items()]
    layout = _layout(big, _fit(380 if big else 320, height), titles["x"], titles["y"],
                     xaxis={"range": [0, steps]}, yaxis={"range": [0, 1.05], "tickformat": ".0%"},
                     shapes=[_level(chance, titles["chance"], big)], legend=LEGEND, top=40)
    return _figure(traces, layout)
