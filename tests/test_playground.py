"""Lesson 8, train it yourself: the page in both languages, the play loop, links that reproduce their curves,
hostile links, the weight challenges, the race in the training pool, and the sentences read off the numbers."""
from __future__ import annotations

import html
import re
from itertools import pairwise

import numpy as np
import plotly.graph_objects as go
import pytest

from tests.test_app_pages import open_app, texts
from ui import figures_playground as figs
from ui import playground as pg
from workers import trainer

PAGE = "lessons/playground.py"
EASY = {"ptask": "memory", "plen": "3", "punits": "8", "pcell": "gru", "plr": "0.03"}  # learned in ~50 steps


def counter(at) -> int:
    line = next(m.value for m in at.markdown if m.value.startswith("### ") and "1000" in m.value)
    return int(line.split()[-3])


def run_of(at) -> pg.Run:
    return at.session_state["pg_run"]


@pytest.mark.parametrize("lang,title,word", [("en", "Train it yourself", "Set the weights yourself"),
                                             ("ko", "직접 학습시켜 보기", "가중치를 직접 정해 보기")])
def test_page_renders_in_both_languages(lang, title, word):
    at = open_app(PAGE, lang=lang)
    assert at.title[0].value == title
    assert word in texts(at)
    curves = [h.proto.body for h in at.get("html") if h.proto.body.startswith('<div class="rnn-lines')]
    assert len(curves) == 1 and "100%" in curves[0]  # the training curves (HTML, loss and accuracy)
    grids = [h.proto.body for h in at.get("html") if h.proto.body.startswith('<div class="rnn-heat')]
    run = run_of(at)
    example = pg.example(run)
    T, D = example.values["h"].shape
    inside = grids[0]  # the steps across, headed by their tokens; the units down
    assert re.findall(r'<span class="col(?: named)?" title="[^"]* \d+: ([^"]*)">', inside) == [
        html.escape(w) for w in example.tokens]  # each step's token in its column's tooltip (and above it, if room)
    assert re.findall(r'<span class="lab" title="(\d+)"', inside) == [str(d + 1) for d in range(D)]
    assert len(re.findall(r'<span class="pc(?: r)?" style="[^"]*" data-tip=', inside)) == T  # each step's values
    assert inside.count('<img alt="" src="data:image/png;base64,') == 1  # the colours: one picture of D x T pixels
    assert counter(at) == 0


def test_a_pale_picture_of_the_inside_is_said_to_be_pale():
    """Untrained, lesson 8's hidden states stay near 0: the page says how small they are (recomputed here), and
    does not say it of a state the colours can show, nor of a gate (drawn on its own 0-to-1 scale)."""
    at = open_app(PAGE)
    h = pg.example(run_of(at)).values["h"]  # (T, units)
    top = pg.faint(h, True)
    assert top == pytest.approx(np.max(np.abs(h))) and top < pg.FAINT
    assert f"within ±{top:.3f}" in texts(at) and "Untrained, the network's states" in texts(at)
    assert pg.faint(h / top * 0.5, True) is None and pg.faint(h, False) is None
    at.button(key="pg_step").click().run()  # one step trained: no longer "untrained"
    assert counter(at) == 1 and "Untrained, the network's states" not in texts(at)


def test_step_and_play_advance_and_pause_stops():
    at = open_app(PAGE, **EASY)
    at.button(key="pg_step").click().run()
    assert counter(at) == 1 and not at.exception
    at.button(key="pg_play").click().run()  # playing: every run of the page trains one tick
    for _ in range(3):
        at.run()
    playing = counter(at)
    assert playing > 4
    at.button(key="pg_play").click().run()  # pause
    paused = counter(at)
    at.run()
    assert counter(at) == paused >= playing and not at.exception
    assert "Clipping acted on" in texts(at)


def test_loss_goes_down_on_an_easy_task():
    settings = pg.Settings(task="memory", cell="gru", units=8, length=3, learning_rate="0.03")
    run = pg.advance(pg.start(settings), 60)
    h = run.history
    assert run.steps == 60 and len(h.loss) == 60 and h.eval_steps[-1] == 60
    assert np.mean(h.loss[-5:]) < 0.5 * np.mean(h.loss[:5])
    assert h.accuracy[-1] > 0.9 > 3 * h.accuracy[0]
    assert "fell" in pg.progress_sentence(h, pg.chance("memory", 3))


def test_a_run_depends_on_its_settings_and_steps_only():
    """However the steps are grouped into ticks, the same settings give the same numbers."""
    settings = pg.Settings(task="adding", cell="lstm", units=5, length=8, learning_rate="0.03", clip=False, seed=7)
    once = pg.advance(pg.start(settings), 12).history
    in_ticks = pg.advance(pg.advance(pg.advance(pg.start(settings), 5), 3), 4).history
    assert once.loss == in_ticks.loss and once.accuracy == in_ticks.accuracy
    assert once.norm_before == once.norm_after  # clipping off
    other = pg.advance(pg.start(pg.Settings(**{**settings.__dict__, "seed": 8})), 12).history
    assert other.loss != once.loss


def test_a_link_reproduces_its_settings_and_curves():
    link = {"ptask": "parity", "pcell": "rnn", "punits": "5", "plen": "9", "plr": "0.03", "pclip": "0",
            "pmax": "2.5", "seed": "77"}
    runs = []
    for _ in range(2):
        at = open_app(PAGE, **link)
        assert at.selectbox(key="pg_task").value == "parity" and at.slider(key="pg_units").value == 5
        assert at.toggle(key="pg_clip").value is False and at.slider(key="pg_max").value == 2.5
        for _ in range(4):
            at.button(key="pg_step").click().run()
        runs.append(run_of(at))
    first, second = runs
    assert first.settings == pg.Settings("parity", "rnn", 5, 9, "0.03", False, 2.5, 77)
    assert first.history.loss == second.history.loss and first.history.accuracy == second.history.accuracy
    assert first.history.loss == pg.advance(pg.start(first.settings), 4).history.loss


def test_moving_a_control_writes_the_link_and_starts_a_new_run():
    at = open_app(PAGE, **EASY)
    at.button(key="pg_step").click().run()
    at.slider(key="pg_units").set_value(12).run()
    assert at.query_params["punits"] in ("12", ["12"]) and counter(at) == 0


def test_hostile_link_values_fall_back_to_the_defaults():
    at = open_app(PAGE, ptask="<script>", pcell="lstm2", punits="999", plen="-3", plr="abc", pclip="maybe",
                  pmax="nan", seed="1e9")
    assert run_of(at).settings == pg.Settings()
    assert "unusable value" in texts(at)


def test_settings_are_bounded():
    for bad in ({"units": 33}, {"length": 61}, {"learning_rate": "1"}, {"task": "sentiment"}, {"clip_norm": 0}):
        with pytest.raises(ValueError):
            pg.Settings(**bad)


# --- set the weights yourself -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", pg.CHALLENGES)
def test_each_challenge_has_a_solution_and_rejects_wrong_weights(name):
    ch = pg.CHALLENGES[name]
    assert pg.check(ch, ch.solution).wrong == []
    zeros = pg.HandWeights.of(np.zeros(ch.units), np.zeros((ch.units, ch.units)), np.zeros(ch.units),
                              np.zeros(ch.units), 0)
    assert len(pg.check(ch, zeros).wrong) > 50
    flipped = pg.HandWeights.of(ch.solution.W_x, ch.solution.W_h, ch.solution.b, -ch.solution.w_y, -ch.solution.b_y)
    assert len(pg.check(ch, flipped).wrong) == pg.check(ch, flipped).total  # every answer inverted


def test_one_unit_cannot_flip_parity():
    """Why the parity challenge has two units: with one, no weights on a grid of values solve it."""
    parity = pg.CHALLENGES["parity"]
    grid = np.linspace(-12, 12, 7)
    one_unit = pg.Challenge("parity", 1, parity.rule, parity.solution)
    best = min(len(pg.check(one_unit, pg.HandWeights.of([a], [[w]], [b], [1], 0)).wrong)
               for a in grid for w in grid for b in grid)
    assert best > 0


def set_weights(at, name: str, weights: pg.HandWeights) -> None:
    D = weights.b.size
    for j in range(D):
        at.number_input(key=f"pg_{name}_x{j}").set_value(float(weights.W_x[0, j]))
        at.number_input(key=f"pg_{name}_b{j}").set_value(float(weights.b[j]))
        at.number_input(key=f"pg_{name}_y{j}").set_value(float(weights.w_y[j]))
        for i in range(D):
            at.number_input(key=f"pg_{name}_h{i}{j}").set_value(float(weights.W_h[i, j]))
    at.number_input(key=f"pg_{name}_by").set_value(weights.b_y)
    at.run()


def test_the_page_accepts_a_hand_solution_and_rejects_a_wrong_one():
    at = open_app(PAGE)
    assert "Wrong on 592 of 600 bit strings" in texts(at)  # all zeros: always "no"
    set_weights(at, "seen", pg.HandWeights.of([10], [[5]], [-1], [1], 0))  # typed by hand
    assert "Right on all 600 bit strings" in texts(at)
    set_weights(at, "seen", pg.HandWeights.of([10], [[-5]], [-1], [1], 0))  # forgets the 1 at the next 0
    assert "Wrong on" in texts(at) and not at.exception
    at.session_state["pg_hand_tab"] = "At least three 1s?"  # only the open tab's challenge is drawn
    at.run()
    assert not [n for n in at.number_input if str(n.key).startswith("pg_seen_")]
    at.button(key="pg_three_solve").click().run()
    assert sum("Right on all 600" in s.value for s in at.success) == 1
    at.text_input(key="pg_three_bits").set_value("1 1 x 0 1").run()
    assert "The network answers **yes**" in texts(at)


def test_a_closed_tabs_weights_are_kept():
    """The weights typed in one challenge survive drawing another (its widgets are not drawn meanwhile) and a full
    run of the page; they come back when its tab is opened again."""
    at = open_app(PAGE)
    set_weights(at, "seen", pg.HandWeights.of([10], [[5]], [-1], [1], 0))
    at.session_state["pg_hand_tab"] = "Odd number of 1s?"
    at.run()
    at.run()
    at.session_state["pg_hand_tab"] = "Was there a 1?"
    at.run()
    assert at.number_input(key="pg_seen_x0").value == 10 and at.number_input(key="pg_seen_h00").value == 5
    assert "Right on all 600 bit strings" in texts(at)


# --- the sentences: each one changes when its numbers are inverted ----------------------------------------------

def fake_race(first: str, second: str) -> dict:
    climbs, flat = [0.1, 0.5, 0.95, 1.0], [0.12, 0.13, 0.12, 0.14]
    cells = {"SimpleRNN": flat, "LSTM": climbs, "GRU": climbs}
    cells[first], cells[second] = cells[second], cells[first]
    return {"cells": {c: {"eval_steps": [0, 100, 200, 300], "accuracy": a} for c, a in cells.items()},
            "chance": 0.125, "steps": 300}


def test_race_sentences_are_read_off_the_curves():
    said = pg.race_sentences(fake_race("LSTM", "LSTM"))
    assert said[0] == "SimpleRNN never reached 90% in 300 steps: it ended at 14% (chance 12.5%)."
    assert said[1] == "LSTM reached 90% by step 200 and ended at 100%."
    assert said[3].startswith("After 300 steps: LSTM 100% ≥ GRU 100% ≥ SimpleRNN 14%")
    inverted = pg.race_sentences(fake_race("SimpleRNN", "LSTM"))  # the same curves, handed to the other cells
    assert inverted[0] == "SimpleRNN reached 90% by step 200 and ended at 100%."
    assert inverted[1].startswith("LSTM never reached 90%")
    assert inverted[3].startswith("After 300 steps: SimpleRNN 100% ≥ GRU 100% ≥ LSTM 14%")


def test_progress_clipping_and_reach_sentences_follow_their_numbers():
    falling = pg.History(loss=tuple(np.linspace(2, 0.5, 20)), accuracy=(0.1, 0.8), eval_steps=(0, 20))
    rising = pg.History(loss=falling.loss[::-1], accuracy=(0.8, 0.1), eval_steps=(0, 20))
    assert "fell from 1.842" in pg.progress_sentence(falling, 0.125)
    assert "rose from 0.658" in pg.progress_sentence(rising, 0.125)
    assert "stopped being a number" in pg.progress_sentence(pg.History(loss=(2.0, float("nan")), accuracy=(0.1,)), 0.1)
    wobbling = pg.History(loss=tuple(2.08 + 0.02 * np.sin(np.arange(60))), accuracy=(0.1, 0.12), eval_steps=(0, 60))
    assert "hardly moved" in pg.progress_sentence(wobbling, 0.125)  # 2.083 to 2.068 is no progress (lesson 8 said
    # "fell"); a real fall or rise is still told as one
    assert "hardly moved" not in pg.progress_sentence(falling, 0.125) + pg.progress_sentence(rising, 0.125)
    norms = pg.History(norm_before=(0.5, 3.0, 0.7, 4.0), norm_after=(0.5, 1.0, 0.7, 1.0))
    assert pg.clipping_sentence(norms, True, 1.0) == ("Clipping acted on 2 of the last 4 steps (global norm above "
                                                      "1.0); the largest norm was 4.")
    assert "acted on 4 of the last 4" in pg.clipping_sentence(norms, True, 0.1)
    assert "Clipping is off" in pg.clipping_sentence(norms, False, 1.0)
    assert "0.01 times" in pg.reach_sentence(np.array([0.001, 0.01, 0.1]))
    assert "100 times" in pg.reach_sentence(np.array([0.1, 0.01, 0.001])) and "more, not less" in \
        pg.reach_sentence(np.array([0.1, 0.01, 0.001]))


def test_chance_is_the_most_common_answer():
    for task in pg.TASKS:
        _, labels = pg.make_task(task, 12).batch(np.random.default_rng(0), 20000)
        share = np.bincount(labels).max() / labels.size
        assert abs(share - pg.chance(task, 12)) < 0.02, task


# --- the race in the training pool ------------------------------------------------------------------------------

def test_the_race_is_one_shared_pool_job_per_setting():
    small = pg.Settings(task="memory", units=4, length=4, seed=4321)
    job = pg.start_race(small, "learner a")
    assert pg.start_race(small, "learner b") is job and pg.race_job(small) is job
    trainer.wait(job, 120)
    assert job.state == "done", job.error
    result = job.result
    assert list(result["cells"]) == ["SimpleRNN", "LSTM", "GRU"] and result["steps"] == pg.RACE_STEPS
    lstm = pg.start(pg.Settings(**{**small.__dict__, "cell": "lstm"}))
    assert result["cells"]["LSTM"]["loss"][:10] == list(pg.advance(lstm, 10).history.loss)  # a learner's own run
    assert result["settings"]["seed"] == 4321 and "cell" not in result["settings"]


def test_memory_task_worker_trains_in_numpy_in_the_gradients_page_shape():
    from workers import memory_task

    heard = []
    result = memory_task.train(4, lambda fraction, cell: heard.append((fraction, cell)))
    assert set(result["results"]) == {"SimpleRNN", "LSTM", "GRU"} and result["distances"] == [1, 2, 4]
    assert all(set(acc) == {"1", "2", "4"} for acc in result["results"].values())  # as JSON keys
    assert result["chance"] == 1 / 8 and min(result["results"]["GRU"].values()) > 0.5
    assert [c for _, c in heard[:6]] == ["SimpleRNN"] * 6 and heard[-1] == (1.0, "GRU")
    assert all(a < b for (a, _), (b, _) in pairwise(heard))


# --- figures ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("big", [False, True])
def test_every_playground_figure_passes_plotly_validation(big):
    titles = {k: k for k in ("x", "y", "loss", "accuracy", "chance", "before", "after", "limit")}
    loss = [2.0, 1.5, float("nan"), 1.0]
    built = {
        "norms": figs.norm_curves([3.0, 0.5, float("inf")], [1.0, 0.5, 1.0], 1.0, titles, 100, big),
        "norms off": figs.norm_curves([3.0, 0.5], [3.0, 0.5], None, titles, 100, big),
        "reach": figs.reach_curves({"step 1": np.array([1e-3, 1e-2, 0.1]), "step 9": np.array([0.1, 0.2, 0.3])},
                                   titles, big),
        "race": figs.race_curves({"LSTM": ([0, 5], [0.1, 0.9]), "SimpleRNN": ([0, 5], [0.1, 0.2])}, 0.125, titles,
                                 5, big),
    }
    for name, fig in built.items():
        try:
            go.Figure(fig.to_dict(), skip_invalid=False)
        except ValueError as err:
            raise AssertionError(f"{name}: {err}") from err
    training = figs.training_lines(loss, [0, 2, 4], [0.1, 0.5, 0.9], 0.125, titles, 100, big)
    assert training.count('class="line"') == 2 + 2  # a band pair each: the loss's first two steps (the NaN breaks
    # it; its lone last point is a marker) and the accuracy
    assert len(re.findall(r'title="loss · ', training)) == 3  # the three finite losses, each a point
    assert ("big" in training.split('"', 2)[1]) == big


@pytest.mark.parametrize("top", [2.0794, 0.9, 3.7, 41.0])
def test_the_loss_gridlines_meet_the_accuracy_ticks(top):
    """Lesson 8's two axes share one grid: the loss' five round ticks sit where the accuracy's 0 to 100 % do,
    and the loss' axis reaches above its largest value."""
    titles = {"x": "step", "loss": "loss", "accuracy": "accuracy", "chance": "chance"}
    html = figs.training_lines([top, top / 2], [0, 2], [0.1, 0.5], 0.125, titles, 100)
    grid = re.findall(r'<i class="grid" style="top:([\d.]+)%">', html)

    def ticks(axis: str) -> list[tuple[str, str]]:  # (top %, label) of an axis' ticks
        part = html.split(f'class="{axis}">')[1].split("</div>")[0]
        return re.findall(r'<span style="top:([\d.]+)%">([^<]+)</span>', part)
    left, right = ticks("yticks"), ticks("y2ticks")
    assert [r for _, r in right] == ["0%", "25%", "50%", "75%", "100%"]
    assert grid == [at for at, _ in left] == [at for at, _ in right]
    values = [float(v.replace("−", "-")) for _, v in left]
    assert values[0] == 0 and top < values[-1] * 1.05 <= 2 * top  # room above the loss, not twice its height
    assert len({round(b - a, 9) for a, b in zip(values, values[1:])}) == 1  # evenly spaced
