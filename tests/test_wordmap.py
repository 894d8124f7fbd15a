"""ui.wordmap: lesson 2's map of words in HTML, read back from the drawing (where each dot sits, its tooltip, the
labels and the ring of a searched word)."""
from __future__ import annotations

import re

import numpy as np

from ui import wordmap

NAMES = ("frequent", "yours", "searched")


def dots(html: str) -> list[tuple[str, float, float, str]]:
    """(kind, x %, y % from the top, tooltip) of every dot."""
    return [(kind, float(x), float(y), tip) for kind, x, y, tip in
            re.findall(r'<b class="(w|me)" style="left:([\d.-]+)%;top:([\d.-]+)%" data-tip="([^"]*)"></b>', html)]


def test_each_dot_sits_at_its_coordinates_with_its_word_in_its_tooltip():
    coords = np.array([[-1.0, 0.5], [1.0, -0.5], [0.0, 0.0], [0.5, 0.25]])
    html = wordmap.word_map(coords, ["film", "<b>", "good", "bad"], np.array([False, True, False, False]), None,
                            ("axis 1", "axis 2"), NAMES)
    drawn = {tip.split(" (")[0]: (kind, x, y) for kind, x, y, tip in dots(html)}
    assert set(drawn) == {"film", "&lt;b&gt;", "good", "bad"}
    assert drawn["&lt;b&gt;"][0] == "me" and {k for k, *_ in drawn.values()} == {"w", "me"}
    x = {w: v[1] for w, v in drawn.items()}
    y = {w: v[2] for w, v in drawn.items()}
    assert x["film"] < x["good"] < x["bad"] < x["&lt;b&gt;"]  # left to right by the first coordinate
    assert y["&lt;b&gt;"] > y["good"] > y["bad"] > y["film"]  # top to bottom: the second, largest first
    assert all(0 < v < 100 for v in (*x.values(), *y.values()))  # inside the plot, with room for a label
    spans = [(x[w] - x["film"]) / (x["&lt;b&gt;"] - x["film"]) for w in ("good", "bad")]
    assert np.allclose(spans, [0.5, 0.75], atol=1e-3)  # linear in the coordinate
    assert "&lt;b&gt; (1, −0.5)" in html  # the tooltip: the word and its coordinates, a true minus
    assert "<b>" not in html.replace('<b class="', "")  # the learner's word is text
    assert '<span style="left:' in html and ">&lt;b&gt;</span>" in html  # the learner's word is labelled
    assert 'class="found"' not in html and NAMES[2] not in html  # nothing searched: no ring, no legend entry


def test_a_searched_word_on_the_map_is_ringed_and_named_in_the_legend():
    coords = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.5]])
    mine = np.array([False, True, False])
    html = wordmap.word_map(coords, ["a", "b", "c"], mine, "c", ("x", "y"), NAMES)
    ring = re.search(r'<b class="found" style="(left:[\d.]+%;top:[\d.]+%)"></b>', html)
    assert ring and f'<b class="w" style="{ring[1]}" data-tip="c (2, 0.5)">' in html  # around c's own dot
    assert f'<span class="found dn" style="{ring[1]}">c</span>' in html and NAMES[2] in html  # under its ring
    own = wordmap.word_map(coords, ["a", "b", "c"], mine, "b", ("x", "y"), NAMES)
    assert own.count('class="found"') == 2  # the ring and the legend's; b is labelled once, as the learner's
    absent = wordmap.word_map(coords, ["a", "b", "c"], mine, "zzz", ("x", "y"), NAMES)
    assert 'class="found"' not in absent and NAMES[2] not in absent


def test_ticks_are_round_and_inside_the_plot():
    html = wordmap.word_map(np.array([[-1.3, -0.2], [1.1, 0.9]]), ["a", "b"], np.array([False, False]), None,
                            ("x", "y"), NAMES)
    x_ticks = re.findall(r'<span style="left:([\d.]+)%">([^<]+)</span>', html)
    assert [text for _, text in x_ticks] == ["−1", "−0.5", "0", "0.5", "1"]
    assert all(0 <= float(at) <= 100 for at, _ in x_ticks)


def test_one_unit_is_as_long_across_as_up():
    """The plot's aspect ratio (--r, width over height) makes a unit of the first coordinate as long on screen as
    a unit of the second: PCA's distances, not stretched to fill a wide box."""
    coords = np.array([[-3.0, -0.5], [3.0, 0.5], [0.0, 0.0], [1.0, 1.0]])
    html = wordmap.word_map(coords, ["a", "b", "o", "d"], np.zeros(4, dtype=bool), None, ("x", "y"), NAMES)
    ratio = float(re.search(r'class="body" style="--r:([\d.]+)"', html)[1])
    at = {tip.split(" (")[0]: (x, y) for _, x, y, tip in dots(html)}
    across = (at["d"][0] - at["o"][0]) * ratio  # one unit along x, in % of the plot's height
    up = at["o"][1] - at["d"][1]  # one unit along y, in % of the plot's height
    assert ratio > 3 and abs(across - up) < 0.05, (ratio, across, up)


def test_labels_that_would_overlap_go_to_another_side():
    """Two of the learner's words close together: their labels go to different sides of their dots (one above, the
    other below or beside), and a word far from both keeps its place above. Estimated in em (wordmap.place); with every
    label above, as before, this fails."""
    coords = np.array([[0.0, 0.0], [0.02, 0.01], [0.5, -0.5], [-1.0, -1.0], [1.0, 1.0]])
    html = wordmap.word_map(coords, ["영화", "재밌", "far", "x", "y"], np.array([True, True, True, False, False]),
                            None, ("axis 1", "axis 2"), NAMES)
    labelled = re.findall(r'<span(?: class="([a-z ]+)")? style="left:[\d.]+%;top:[\d.]+%">([^<]+)</span>', html)
    side = {word: kind or "up" for kind, word in labelled}
    assert side["영화"] != side["재밌"] and side["far"] == "up", side  # one of the close pair moved
    boxes = wordmap.place([(50.0, 50.0, "영화", ("up",)), (50.5, 50.2, "재밌", ("up", "dn", "rt", "lt"))], 1.0)
    assert boxes == ["up", "dn"]
    assert wordmap.place([(50.0, 50.0, "a", ("up",)), (50.0, 50.0, "b", ("up",))], 1.0) == ["up", "up"]  # no room
