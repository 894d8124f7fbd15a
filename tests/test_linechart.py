"""ui.linechart: lines over tokens in HTML and CSS, read back from the drawing (where each point sits, its tooltip,
the line's outline)."""
from __future__ import annotations

import re

import numpy as np

from ui import linechart


def points(html: str) -> list[tuple[float, float, str]]:
    """(x %, y % from the top, tooltip) of every drawn point."""
    return [(float(x), float(y), tip) for x, y, tip in
            re.findall(r'<b class="\w+" style="left:([\d.]+)%;top:([\d.]+)%;[^"]*" title="([^"]*)"></b>', html)]


def test_each_point_sits_at_its_token_and_value_and_names_them():
    html = linechart.lines({"LSTM": np.array([0.0, 0.5, 1.0]), "GRU": np.array([1.0, 0.25])}, ["a", "<b>", "c"],
                           "p", "token", (0.0, 1.0), 0.5)
    xs = [round(100 * (k - 0.5) / 3, 2) for k in (1, 2, 3)]
    assert [(x, y) for x, y, _ in points(html)] == [
        (xs[0], 100.0), (xs[1], 50.0), (xs[2], 0.0),  # LSTM: 0 at the bottom, 1 at the top
        (xs[0], 0.0), (xs[1], 75.0)]  # GRU, shorter: from the first token
    assert [tip for *_, tip in points(html)][:2] == ["LSTM · 1. a: 0.0000", "LSTM · 2. &lt;b&gt;: 0.5000"]
    assert "<b>" not in html.replace('<b class="', "")  # the learner's token is text
    assert '<i class="level" style="top:calc(50.00% - 1px)">' in html  # the level line at 0.5
    assert html.count('class="line"') == 4  # two bands (up-down, left-right) for each line


def test_the_line_passes_through_its_points():
    html = linechart.lines({"h": np.array([0.0, 1.0])}, ["a", "b"], "h", "token", (0.0, 1.0))
    outline = re.search(r'clip-path:polygon\((.*?)\)"', html).group(1)
    corners = re.findall(r"calc\(([\d.]+)% ([-+]) ([\d.]+)px\) calc\(([\d.]+)% ([-+]) ([\d.]+)px\)", outline)
    centres = {(float(x), float(y)) for x, _, _, y, _, _ in corners}
    assert centres == {(25.0, 100.0), (75.0, 0.0)}  # around (token 1, 0) and (token 2, 1), half a stroke each side


def test_a_value_that_is_not_finite_breaks_its_line_and_is_not_drawn():
    html = linechart.lines({"h": np.array([0.1, np.nan, 0.3, 0.4])}, list("abcd"), "h", "token")
    assert len(points(html)) == 3 and html.count('class="line"') == 2  # one run of two points; the lone one: a point


def test_ticks_are_round_and_cover_the_range():
    assert linechart.ticks(0.0, 1.0) == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert linechart.ticks(0.03, 0.91) == [0.25, 0.5, 0.75] and linechart.ticks(-3.2, 0.7) == [-3.0, -2.0, -1.0, 0.0]
    assert linechart.ticks(-1.0, 1.0) == [-1.0, -0.5, 0.0, 0.5, 1.0]
    assert linechart.label(-0.5) == "−0.5"


def test_many_tokens_are_labelled_by_number_every_few():
    html = linechart.lines({"p": np.linspace(0, 1, 60)}, [f"w{k}" for k in range(60)], "p", "token")
    shown = re.findall(r'<span style="left:[\d.]+%" title="[^"]*">([^<]*)</span>', html)
    assert shown[:3] == ["1", "4", "7"] and shown[-1] == "60" and len(shown) <= 22


def test_a_log_axis_places_decades_evenly_shades_growth_and_marks_the_step():
    norms = np.array([1.0, 1e-2, 1e-4])  # shrinks a hundredfold a step
    html = linechart.lines({"tanh": norms, "bound": np.array([1.0, 10.0, 100.0])}, None, "norm", "T - t",
                           log=True, marker=1, split=1.0, dashed=("bound",), colours={"bound": "#555555"})
    drawn = points(html)[:3]
    assert [x for x, _, _ in drawn] == [0.0, 50.0, 100.0]  # distances 0, 1, 2 across an axis from 0 to 2
    tops = [y for _, y, _ in drawn]
    assert abs((tops[1] - tops[0]) - (tops[2] - tops[1])) < 0.02 and tops[2] > tops[1] > tops[0]  # even, going down
    assert drawn[1][2] == "tanh · T - t = 1: 0.01000" and points(html)[2][2] == "tanh · T - t = 2: 1.000×10⁻⁴"
    assert ">10⁻⁴<" in html and ">1<" in html  # decades on the axis
    one = re.search(r'class="shade" style="top:0;height:([\d.]+)%;background:#D55E00"', html)
    assert abs(float(one.group(1)) - tops[0]) < 0.01  # vermilion above 1 (grows), blue below
    assert '<i class="mark" style="left:calc(50.00% - 1px)">' in html  # the step followed back
    assert 'class="line dash" style="background:#555555' in html  # the bound: grey, dashed


def test_named_rules_are_drawn_at_their_value_when_inside_the_range():
    """Lesson 5's ×0.01 and ×100: each a line at its decade with its label (escaped), none outside the axis; a dotted
    curve is told from a dashed one by its class."""
    norms = np.array([1.0, 1e-1, 1e-3])  # the axis runs over 10⁻³ .. 1: ×0.01 inside, ×100 outside
    html = linechart.lines({"tanh": norms, "bound": np.array([1.0, 0.5, 0.25])}, None, "norm", "k", log=True,
                           dotted=("bound",), rules=((0.01, "×0.01 <vanished>", "#0072B2"), (100.0, "×100", "#D55E00")))
    tops = [y for _, y, _ in points(html)[:3]]  # 1 at the top, 10⁻³ at the bottom: 10⁻² two thirds down
    rule = re.search(r'<i class="rule" style="top:([\d.]+)%;color:#0072B2">'
                     r"<span>×0.01 &lt;vanished&gt;</span></i>", html)
    assert rule and abs(float(rule.group(1)) - (tops[0] + 2 / 3 * (tops[2] - tops[0]))) < 0.01
    assert "×100" not in html  # above the axis: not drawn
    assert 'class="line dot" style="background:' in html and 'class="line dash"' not in html


def test_a_log_axis_draws_values_beyond_its_range_at_its_edge():
    html = linechart.lines({"h": np.array([1.0, np.inf, 0.0])}, None, "norm", "k", log=True)
    assert len(points(html)) == 3  # inf at the top, 0 at the bottom, as figures.clip_for_log_plot draws them


def test_no_tokens_or_no_values_draw_an_empty_plot():
    for html in (linechart.lines({"p": np.array([])}, [], "p", "token"), linechart.lines({}, None, "n", "k", log=True)):
        assert 'class="plot"' in html and not points(html)


def test_a_right_axis_places_its_curves_on_its_own_scale_with_its_level():
    """Lesson 8: the loss on the left (0 to 2), the accuracy on the right (0 to 100 %) with chance dashed."""
    right = linechart.Right("acc", {"acc": (np.array([0.0, 50.0]), np.array([0.25, 1.0]))}, (0.0, 1.0),
                            percent=True, level=0.5, level_name="chance 50%")
    html = linechart.lines({"loss": (np.array([0.0, 100.0]), np.array([2.0, 1.0]))}, None, "loss", "step",
                           (0.0, 2.0), x_max=200, right=right)
    assert [(x, y) for x, y, _ in points(html)] == [
        (0.0, 0.0), (50.0, 50.0),  # loss 2 at the top, 1 halfway; x on an axis to 200 (x_max), not 100
        (0.0, 75.0), (25.0, 0.0)]  # accuracy 25 % a quarter up, 100 % at the top: its own scale
    assert [tip for *_, tip in points(html)][2:] == ["acc · step = 0: 25.0%", "acc · step = 50: 100.0%"]
    assert '<i class="level" style="top:calc(50.00% - 1px)">' in html  # chance (0.5) on the right axis
    r_ticks = re.search(r'<div class="y2ticks">(.*?)</div>', html).group(1)
    assert re.findall(r'top:([\d.]+)%">(\d+%)', r_ticks) == [
        ("100.00", "0%"), ("75.00", "25%"), ("50.00", "50%"), ("25.00", "75%"), ("0.00", "100%")]
    assert "chance 50%" in html and 'class="body two"' in html
