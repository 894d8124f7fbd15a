"""The HTML matrix equation (ui.matrices): every number in its cell, colours on the shared scale, readable ink."""
from __future__ import annotations

import re

import numpy as np
import pytest

from ui import matrices
from ui.figures import DIVERGING


def cells(html: str) -> list[tuple[str, str, str]]:
    """(background, ink, text) of every cell, in order."""
    return re.findall(r'<span style="background:(rgb\([^)]*\));color:(#[0-9a-f]{6})" data-tip="[^"]*">([^<]*)</span>',
                      html)


def test_every_value_is_in_its_cell_in_order():
    rng = np.random.default_rng(0)
    x, W = rng.standard_normal((1, 4)), rng.standard_normal((4, 3))
    html = matrices.matrix_equation([("", "x", x, "1×d"), ("·", "W", W, "d×D")], 3.0, False, "r{row} c{col}: {value}",
                                    "value")
    texts = [text for _, _, text in cells(html)]
    expected = [matrices.number(v) for v in np.concatenate([x.ravel(), W.ravel()])]
    assert texts == expected and len(texts) == 16
    assert "grid-template-columns:repeat(3,auto)" in html and "4×3 (d×D)" in html
    assert 'data-tip="r2 c3: ' + f"{W[1, 2]:.5f}".replace("-", "−") + '"' in html  # the tip: row and column from 1, five
    # decimals, a true minus


def test_colours_follow_the_diverging_scale_and_ink_contrasts():
    assert matrices.colour(-2.0, 2.0) == (5, 48, 97)  # the scale's ends (RdBu_r, as the Plotly heatmaps)
    assert matrices.colour(2.0, 2.0) == (103, 0, 31) and matrices.colour(0.0, 2.0) == (247, 247, 247)
    assert matrices.colour(9.0, 2.0) == matrices.colour(2.0, 2.0)  # clipped to the limit
    assert DIVERGING[0][1] == "rgb(5,48,97)"
    for value in np.linspace(-1, 1, 201):
        rgb = matrices.colour(value, 1.0)
        ink = (0.0 if matrices.ink(rgb) == "#000000" else 1.0)
        bright, dark = sorted([matrices._luminance(rgb), ink], reverse=True)
        assert (bright + 0.05) / (dark + 0.05) >= 4.5, (value, rgb)  # WCAG AA for text


def test_numbers_use_a_true_minus_and_no_negative_zero():
    assert [matrices.number(v) for v in (-0.18, -0.001, 0.0, 1.234)] == ["−0.18", "0.00", "0.00", "1.23"]


def test_the_row_grows_with_the_window_only_when_presenting():
    M = np.ones((2, 2))
    panels = [(op, name, M, "") for op, name in [("", "A"), ("+", "B"), ("·", "C"), ("=", "D")]]
    assert "cqi" not in matrices.matrix_equation(panels, 1.0, False, "{value}", "v")
    big = matrices.matrix_equation(panels, 1.0, True, "{value}", "v")
    assert re.search(r'<div class="rnn-eq big" style="font-size: clamp\(15px, min\([\d.]+cqi, [\d.]+vh\), 40px\)">',
                     big)
    assert big.count('<div class="row">') == 2  # presenting: two lines of about equal width
    assert "<style>" not in big  # the CSS is drawn once per full run (ui.layout), not in a step's figure


def test_lines_split_where_the_widest_line_is_narrowest():
    assert matrices.lines([4, 3, 3, 3, 3, 3, 3], 2) == [3]  # 10 | 12
    assert matrices.lines([8, 8, 8, 8, 8, 8, 8], 2) == [3]  # 24 | 32 and 32 | 24 tie: the first
    assert matrices.lines([1, 9], 2) == [1] and matrices.lines([5], 2) == [] and matrices.lines([1, 2, 3], 1) == []


@pytest.mark.parametrize("limit", [0.0, -1.0, float("nan")])
def test_a_bad_limit_is_refused(limit):
    with pytest.raises(ValueError):
        matrices.matrix_equation([("", "A", np.ones((1, 1)), "")], limit, False, "{value}", "v")


def test_the_heatmap_labels_every_row_escapes_words_and_marks_the_step():
    M = np.array([[-1.0, 0.5], [0.25, 1.0], [0.0, -0.5]])  # (T, D) = (3, 2)
    html = matrices.heatmap(M, ["<b>bold</b>", "a&b", "ok"], 1, "unit", "word", "h", (-1.0, 1.0), True)
    assert "<b>bold</b>" not in html and "1. &lt;b&gt;bold&lt;/b&gt;" in html and "2. a&amp;b" in html
    assert html.count('class="lab') == 3 and len(re.findall(r'class="c[ "]', html)) == 6  # every row labelled, every cell drawn
    assert len(re.findall(r'class="c mark( r)?"', html)) == 2 and 'class="lab mark"' in html  # only row 2 marked
    assert "−1.00" in html and ">1.00<" in html and ">0.25<" in html  # six cells: numbers printed, true minus
    assert 'data-tip="3. ok · unit 2: −0.50000"' in html  # on hover or tap: the row's word, the unit, five decimals
    assert "background:#%02x%02x%02x" % matrices.colour(-1.0, 1.0) in html  # the same scale as the equation


def picture(html: str) -> np.ndarray:
    """The pixels (H, W, 3) of the one PNG a heatmap's picture holds, read back by Pillow."""
    import base64
    import io

    from PIL import Image
    (data,) = re.findall(r'<img alt="" src="data:image/png;base64,([A-Za-z0-9+/=]+)"', html)
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")).astype(int)


def test_a_png_holds_exactly_the_pixels_it_was_given():
    rgb = np.random.default_rng(3).integers(0, 256, (5, 7, 3))  # (H, W, 3)
    html = f'<img alt="" src="{matrices.png_uri(rgb)}">'
    assert np.array_equal(picture(html), rgb)
    assert not np.array_equal(picture(html), rgb[:, ::-1])  # a mirrored picture would be caught


def test_a_long_sequence_across_is_one_picture_with_each_steps_values_in_its_column():
    """Lesson 8 lays a sequence of 52 steps across, 16 units down: no number fits in a cell, so the colours are one
    picture (pixel (unit, step) the cell's colour) and each step's column lists its units' values on hover."""
    M = np.random.default_rng(4).uniform(-1, 1, (16, 52))  # (units, steps) as ui.layout.heatmap passes it across
    tokens = ["<b>", *(f"w{k}" for k in range(51))]
    html = matrices.heatmap(M, [str(d + 1) for d in range(16)], None, "step", "unit", "h", (-1.0, 1.0), True,
                            numbered=False, column_labels=tokens)
    assert np.array_equal(picture(html), matrices.colours(M, -1.0, 1.0, True))
    tips = re.findall(r'<span class="pc(?: r)?" style="grid-area:2/(\d+)/span 16" data-tip="([^"]*)"', html)
    assert [int(at) for at, _ in tips] == list(range(2, 54))  # one column per step, over the picture's rows
    first, *values = tips[0][1].split("&#10;")
    assert first == "step 1: “&lt;b&gt;”" and "<b>" not in html  # the step's token, quoted and escaped
    assert values == [f"unit {d + 1}: {matrices.exact(M[d, 0])}" for d in range(16)]  # its units, top to bottom
    assert tips[40][1].split("&#10;")[1:] == [f"unit {d + 1}: {matrices.exact(M[d, 40])}" for d in range(16)]
    assert not re.findall(r'class="c[ "]', html) and html.count("<span") <= 16 + 2 * 53 + 3  # no cell one by one
    few = matrices.heatmap(M[:2, :8], ["1", "2"], None, "step", "unit", "h", (-1.0, 1.0), True, numbered=False,
                           column_labels=tokens[:8])
    assert "<img" not in few and len(re.findall(r'class="c( r)?"', few)) == 16  # numbers fit: cells, each printed


def test_the_heatmap_keeps_unread_rows_in_place_and_leaves_them_empty():
    M = np.arange(12, dtype=float).reshape(4, 3) / 12
    html = matrices.heatmap(M, list("abcd"), 1, "unit", "", "h", (-1.0, 1.0), True, upto=2)
    assert html.count('class="c ahead"') == 2 * 3 and html.count('class="lab ahead"') == 2
    assert "0.50000" not in html and "0.41667" in html  # row 3 (0.5 ...) is not shown; row 2 is
    with pytest.raises(AssertionError):
        matrices.heatmap(np.zeros((100, 100)), ["w"] * 100, None, "u", "t", "h", (-1, 1), True)  # Plotly's size


def test_the_token_grid_colours_padding_unknown_and_known_and_escapes_words():
    ids = np.array([[5, 1, 0], [0, 0, 7]])  # (B, L) = (2, 3)
    html = matrices.token_grid([["<i>a</i>", "zz", ""], ["", "", "b&c"]], ids, "position", "sentence")
    cells = re.findall(r'<span class="tok" title="([^"]*)" style="background:(#\w+)">', html)
    assert [fill for _, fill in cells] == ["#56B4E9", "#E69F00", "#DDDDDD", "#DDDDDD", "#DDDDDD", "#56B4E9"]
    assert "<i>a</i>" not in html and "&lt;i&gt;a&lt;/i&gt;<small>5</small>" in html and "b&amp;c · id 7" in html


def test_the_onehot_lookup_frames_its_single_one_and_escapes_the_token():
    ids = list(range(40, 55))
    onehot = (np.arange(40, 55) == 47).astype(float)  # (15,)
    row = np.array([0.5, -0.25, 0.0, 0.125])  # (E,) = (4,)
    html = matrices.onehot_lookup(ids, onehot, row, ("one_hot(<b>x</b>)", "E[47]"), "id", "dimension")
    cells = re.findall(r'<span class="c( cm)?" title="id (\d+): (\d)"', html)
    assert [int(i) for _, i, _ in cells] == ids
    assert [(framed, int(i)) for framed, i, v in cells if v == "1"] == [(" cm", 47)]  # one 1, framed, at its id
    assert sum(v == "0" and not framed for framed, _, v in cells) == 14
    assert "<b>x</b>" not in html and "one_hot(&lt;b&gt;x&lt;/b&gt;)" in html
    values = [float(v.replace("−", "-")) for v in re.findall(r'data-tip="E\[id\] · dimension \d+: (−?[\d.]+)"', html)]
    assert values == row.tolist()  # the embedding row, in order, on ±max|row|
    assert ">−0.50<" in html and ">0.50<" in html  # its legend


def test_token_chips_keep_the_order_colour_unknown_tokens_and_escape_words():
    html = matrices.token_chips(["<b>hi</b>", "zz", "ok"], [5, 1, 9])
    chips = re.findall(r'<span title="(\d+)\. ([^"]*) · id (\d+)" style="background:(#\w+)">', html)
    assert [(int(k), w, int(i)) for k, w, i, _ in chips] == [(1, "&lt;b&gt;hi&lt;/b&gt;", 5), (2, "zz", 1),
                                                              (3, "ok", 9)]
    assert [fill for *_, fill in chips] == ["#56B4E9", "#E69F00", "#56B4E9"]  # known, unknown (id 1), known
    assert "<b>hi</b>" not in html


def test_bars_start_at_zero_point_by_sign_and_escape_labels():
    html = matrices.bars(["<b>good</b>", "bad", "the"], np.array([0.3, -0.1, 0.0]), "Δp")
    bar = r'<i style="left:([\d.]+)%;width:([\d.]+)%;background:(#\w+)"></i><b style="left:calc\(([\d.]+)%'
    drawn = re.findall(bar, html)
    assert [(float(a), float(w), c) for a, w, c, _ in drawn] == [(25.0, 75.0, "#D55E00"), (0.0, 25.0, "#0072B2"),
                                                                 (25.0, 0.0, "#D55E00")]
    assert {float(z) for *_, z in drawn} == {25.0}  # the zero line: 0.1 of the 0.4 the values span, from the left
    assert ">+0.3000<" in html and ">−0.1000<" in html and "<b>good</b>" not in html and "1. &lt;b&gt;good" in html
    probabilities = matrices.bars(["a", "b"], np.array([0.5, 0.25]), "p", signed_values=False)
    assert 'left:0.00%;width:100.00%' in probabilities and ">0.2500<" in probabilities  # all positive: zero at left
    axis = re.findall(r'<span style="left:([\d.]+)%">([^<]*)</span>', html)
    assert axis == [("0.00", "−0.10"), ("25.00", "0"), ("100.00", "+0.30")]  # the ends, and 0 where its line is
    assert re.findall(r'<span style="left:([\d.]+)%">([^<]*)</span>', probabilities) == [("0.00", "0"),
                                                                                         ("100.00", "0.50")]


def test_a_row_frame_finds_the_steps_row_and_unit_in_a_named_grid():
    """Lesson 6's step sends a style, not the grid: its nth-child numbers are the row's label and cells among the
    grid's children, and the grid's HTML is the same whatever the step."""
    M = np.arange(12, dtype=float).reshape(3, 4) / 12  # (T, D) = (3, 4)
    html = matrices.heatmap(M, ["a", "b", "c"], None, "unit", "word", "f", (0.0, 1.0), False, column=2,
                            name="gates-LSTM")
    children = re.findall(r'<span class="([^"]*)"', html.split('<div class="scale')[0])
    style = matrices.row_frame("gates-LSTM", 4, 1, column=2)
    label = int(re.search(r"span:nth-child\((\d+)\) \{ font-weight", style).group(1))
    first, last = map(int, re.search(r"nth-child\(n\+(\d+)\):nth-child\(-n\+(\d+)\)", style).groups())
    boxed = int(re.findall(r"span:nth-child\((\d+)\) \{ box-shadow", style)[-1])
    assert children[label - 1] == "lab" and "2. b" in html  # row 2 (index 1): its label...
    assert all(children[k - 1].startswith("c") for k in range(first, last + 1)) and last - first + 1 == 4
    assert children[label] == "c" and children[boxed - 1] == "c cm r"  # ...its four cells, unit 3's cell framed
    assert [children[k - 1].endswith(" r") for k in range(first, last + 1)] == [False, False, True, True]  # the
    # right half's tips open to the left (a grid's paint is clipped to its box)
    assert ".rnn-heat.g-gates-LSTM " in style and 'class="rnn-heat g-gates-LSTM"' in html
