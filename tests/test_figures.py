"""Figure builders draw exactly the data they are given, with finite values."""
from __future__ import annotations

import numpy as np

from ui import figures


def finite(fig) -> bool:
    for trace in fig.data:
        for name in ("z", "x", "y"):
            values = getattr(trace, name, None)
            if values is not None and np.asarray(values).dtype.kind == "f":
                if not np.all(np.isfinite(np.asarray(values, dtype=float))):
                    return False
    return True


def test_matrix_equation_has_one_panel_per_matrix():
    panels = [("a", np.ones((1, 3))), ("b", np.arange(6.0).reshape(3, 2)), ("c", -np.ones((1, 2)))]
    fig = figures.matrix_equation(panels, limit=5.0, big=True)
    assert len(fig.data) == 3
    np.testing.assert_array_equal(np.asarray(fig.data[1].z), panels[1][1])
    assert fig.data[0].zmin == -5.0 and finite(fig)


def test_states_heatmap_labels_rows_by_word():
    H = np.tanh(np.random.default_rng(0).standard_normal((4, 3)))
    fig = figures.time_by_unit(H, ["the", "movie", "is", "fun"], 2, "unit", "step")
    assert list(fig.data[0].y) == ["1. the", "2. movie", "3. is", "4. fun"]
    np.testing.assert_array_equal(np.asarray(fig.data[0].z), H)
    assert len(fig.layout.shapes) == 1 and finite(fig)


def test_prefix_and_contribution_figures():
    curves = {"LSTM": (["a", "b"], np.array([0.2, 0.9])), "GRU": (["a", "b"], np.array([0.4, 0.6]))}
    fig = figures.prefix_probabilities(curves, "p")
    assert [tr.name for tr in fig.data] == ["LSTM", "GRU"] and list(fig.data[0].y) == [0.2, 0.9]
    bars = figures.horizontal_bars(["a", "b"], np.array([0.3, -0.1]), "dp")
    assert list(bars.data[0].x) == [0.3, -0.1] and finite(bars)
