"""Figure builders draw exactly the data they are given, with finite values."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import pytest

from ui import figures


def finite(fig) -> bool:
    for trace in fig.data:
        for name in ("z", "x", "y"):
            values = getattr(trace, name, None)
            if values is not None and np.asarray(values).dtype.kind == "f":
                if not np.all(np.isfinite(np.asarray(values, dtype=float))):
                    return False
    return True


def test_states_heatmap_labels_rows_by_word():
    H = np.tanh(np.random.default_rng(0).standard_normal((4, 3)))
    fig = figures.time_by_unit(H, ["the", "movie", "is", "fun"], 2, "unit", "step")
    assert list(fig.data[0].y) == ["1. the", "2. movie", "3. is", "4. fun"]
    np.testing.assert_array_equal(np.asarray(fig.data[0].z), H)
    assert len(fig.layout.shapes) == 1 and finite(fig)
    assert fig.layout.xaxis.dtick == 1  # whole unit numbers on the axis (Plotly put ticks at 0.5, 1.5, ...)


def every_builder(big: bool) -> dict:
    """One figure from every builder in ui.figures, on small real-shaped inputs."""
    rng = np.random.default_rng(1)
    tokens = ["the", "movie", "was", "not", "fun"]
    H = np.tanh(rng.standard_normal((5, 8))).astype(np.float32)
    return {
        "time_by_unit signed": figures.time_by_unit(H, tokens, 1, "unit", "step", "h", True, big),
        "time_by_unit gates": figures.time_by_unit(H * H, tokens, None, "unit", "step", "f", False, big),
        "reach_by_gap": figures.reach_by_gap({"LSTM": np.array([1.0, 1e-3, 1e-9])}, [1, 10, 30], "N", "r", big),
        "reach_by_gap accuracy": figures.reach_by_gap({"GRU": np.array([1.0, 0.9, 0.5])}, [1, 10, 30], "N", "acc", big,
                                                      log=False),
        "time_by_unit cell state": figures.time_by_unit(3 * H, tokens, 1, "unit", "step", "c", True, big,
                                                        limits=(-3.0, 3.0)),
        **{f"architecture {k}": figures.architecture(k, big) for k in figures.ARCHITECTURES},
        "tag_probabilities": figures.tag_probabilities(np.full((5, 3), 1 / 3), tokens, ["noun", "verb", "particle"],
                                                       [0, 2, 1, 0, 0], "tag", "step", "p", big),
    }


@pytest.mark.parametrize("big", [False, True])
def test_every_figure_passes_plotly_validation(big):
    """Builders skip Plotly's validation for speed; here every property is checked, strictly."""
    for name, fig in every_builder(big).items():
        try:
            go.Figure(fig.to_dict(), skip_invalid=False)
        except ValueError as err:
            raise AssertionError(f"{name}: {err}") from err
        assert finite(fig), name


def test_validation_check_catches_a_wrong_property():
    """The check above can fail: a misspelt property does not pass."""
    fig = figures.time_by_unit(np.zeros((2, 3)), ["a", "b"], None, "unit", "step")
    fig.data[0]._props["colour"] = "red"  # not a heatmap property
    with pytest.raises(ValueError):
        go.Figure(fig.to_dict(), skip_invalid=False)
