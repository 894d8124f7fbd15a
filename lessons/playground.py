"""Lesson 8: train a small recurrent network live in NumPy, race the three cells, set a network's weights by hand."""
from __future__ import annotations

import streamlit as st

from rnn_core.tasks import SHORT_TEXT
from ui import figures_playground as figs
from ui import matrices
from ui import playground as pg
from ui import state
from ui.fragments import fragment
from ui.i18n import t
from ui.layout import (chart, client_id, code, follow, heatmap, lesson_header, main_view, markdown_table, picker,
                       presenting, show_param_notices)
from ui.quiz import Question, asked_at, question, quiz

LAB, QUIZ = "pg_lab", "pg_quiz"  # fragments: the settings and all they change; the quiz (asked at settings it keeps)
HAND_KEPT = "pg_hand_kept"  # session key: every hand-set weight by its widget's key, kept while its tab is closed
TOP = 235  # px above the main view when presenting at 1280x720 (tests/browser/test_classroom.py checks it)

SHOWN = {"SimpleRNN": ("h",), "LSTM": ("h", "c", "f", "i", "o", "g"), "GRU": ("h", "z", "r", "n")}
SIGNED = {"h", "c", "g", "n"}
TICK, DETAILS_TICK = 0.5, 2.0  # seconds between two ticks of the play loop, and between redraws of the details
URL_KEYS = {"pg_task": "ptask", "pg_cell": "pcell", "pg_units": "punits", "pg_len": "plen", "pg_lr": "plr",
            "pg_clip": "pclip", "pg_max": "pmax", "pg_seed": "seed"}


def controls(big: bool) -> None:
    """The run's settings, drawn outside the lab's fragment (started from the URL): a move reruns the lab alone
    (follow), and the controls, which the browser already shows as moved, are not sent again. The clip toggle
    reruns the page: it turns the limit's slider on or off."""
    for key, url_key in URL_KEYS.items():
        state.init(key, url_key)
    if big:
        task_at, cell_at, units_at, len_at, lr_at, clip_at, max_at, seed_at = st.columns(
            [2.2, 1.4, 1.3, 1.5, 1.8, 1.5, 1.6, 0.9], vertical_alignment="bottom")  # units: room to drag 1 to 32
    else:
        task_at, cell_at, units_at, len_at = st.columns([2.2, 2.6, 1.5, 1.5], vertical_alignment="bottom")
        lr_at, clip_at, max_at, seed_at = st.columns([2.2, 2.6, 1.5, 1.5], vertical_alignment="bottom")
    moved = {"on_change": follow, "args": (LAB,)}  # the lab's fragment and the sidebar's link redraw
    task_at.selectbox(t("play.task"), pg.TASKS, key="pg_task", format_func=lambda k: t(f"play.task.{k}"), **moved)
    picker(cell_at, t("play.cell"), tuple(pg.CELLS), key="pg_cell", format_func=pg.CELLS.get, **moved)
    units_at.slider(t("play.units"), 1, pg.MAX_UNITS, key="pg_units", **moved)
    len_at.slider(t("play.length"), 2, pg.MAX_LENGTH, key="pg_len", help=t("play.length_help"), **moved)
    lr_at.select_slider(t("play.lr"), pg.LEARNING_RATES, key="pg_lr", **moved)
    clip = clip_at.toggle(t("play.clip"), key="pg_clip")
    max_at.slider(t("play.clip_max"), 0.1, 10.0, step=0.1, key="pg_max", disabled=not clip,
                  help=t("play.clip_max_help"), **moved)
    seed_at.number_input(t("play.seed"), 0, 9999, key="pg_seed", **moved)


def settings(big: bool) -> pg.Settings:
    """The run's settings as the controls hold them (Session State), written back to the URL."""
    v = st.session_state
    task, cell, units, length, lr, clip = v.pg_task, v.pg_cell, v.pg_units, v.pg_len, v.pg_lr, v.pg_clip
    clip_norm, seed = round(float(v.pg_max), 2), int(v.pg_seed)
    state.write(ptask=task, pcell=cell, punits=units, plen=length, plr=lr, pclip=clip, pmax=clip_norm, seed=seed)
    if not big:  # presenting, the same lines come under the main view (training)
        about(task)
    return pg.Settings(task, cell, units, length, lr, clip, clip_norm, seed)


def about(task: str) -> None:
    """What the chosen task asks, and why there is no sentiment task."""
    st.caption(t(f"play.about.{task}", text=SHORT_TEXT.strip()))
    st.caption(t("play.no_sentiment"))


# --- the play loop: a fragment that trains a few steps per tick while playing ------------------------------

def shown_steps(run: pg.Run) -> int:
    """The x range of the curves: it grows with the run, so the first steps are not squeezed into a corner."""
    return max(100, run.steps)


def training(settings: pg.Settings, big: bool) -> None:
    """Start a new run when the settings changed, then the live part (its timer runs only while playing)."""
    if "pg_run" not in st.session_state or not pg.same(st.session_state.pg_run.settings, settings):
        st.session_state.pg_run = pg.start(settings)
        st.session_state.pg_playing = False
    timer = bool(st.session_state.get("pg_playing")) and not st.session_state.pg_run.finished
    st.session_state.pg_timer = timer
    fragment(live, run_every=TICK if timer else None)(big)
    if big:
        about(settings.task)
    fragment(details, run_every=DETAILS_TICK if timer else None)(big)


def _toggle_play() -> None:
    st.session_state.pg_playing = not st.session_state.get("pg_playing", False)


def _step() -> None:
    st.session_state.pg_run = pg.advance(st.session_state.pg_run, 1)
    st.session_state.pg_redraw = True


def _reset() -> None:
    st.session_state.pg_run = pg.start(st.session_state.pg_run.settings)
    st.session_state.pg_playing = False
    st.session_state.pg_redraw = True


def live(big: bool) -> None:
    run = st.session_state.pg_run
    if st.session_state.get("pg_playing"):
        if not run.finished:
            run = st.session_state.pg_run = pg.tick(run)
        if run.finished:
            st.session_state.pg_playing = False
    playing = bool(st.session_state.get("pg_playing"))
    if playing != st.session_state.pg_timer or st.session_state.pop("pg_redraw", False):
        st.rerun()  # the timer is set on a full run (start or stop it); a step or a reset redraws the details too
    with main_view(above=TOP):
        buttons(run)
        h, s = run.history, run.settings
        chance = pg.chance(s.task, s.length)
        titles = {"x": t("play.x_step"), "loss": t("play.y_loss"), "accuracy": t("play.y_acc"),
                  "chance": t("play.chance", p=chance)}
        st.html(figs.training_lines(h.loss, h.eval_steps, h.accuracy, chance, titles, shown_steps(run), big))
    st.markdown(pg.progress_sentence(h, chance))
    if not big:
        st.caption(t("play.settings_caption", max=pg.MAX_STEPS, every=pg.EVAL_EVERY, n=pg.EVAL_SIZE))


def details(big: bool) -> None:
    """The gradients and the inside of the network, redrawn less often than the curves while playing (each
    chart redrawn costs the learner's browser time too)."""
    run = st.session_state.pg_run
    if not run.history.loss:
        st.info(t("play.no_steps"), icon=":material/play_arrow:")
    else:
        gradients(run, big)
    inside(run, big)


def buttons(run: pg.Run) -> None:
    play_at, step_at, reset_at, count_at = st.columns([1.4, 1.4, 1.2, 4], vertical_alignment="center")
    playing = bool(st.session_state.get("pg_playing"))
    play_at.button(t("play.pause" if playing else "play.play"), on_click=_toggle_play, type="primary",
                   icon=":material/pause:" if playing else ":material/play_arrow:", disabled=run.finished,
                   key="pg_play", width="stretch")
    step_at.button(t("play.step"), on_click=_step, icon=":material/skip_next:", disabled=run.finished,
                   key="pg_step", width="stretch")
    reset_at.button(t("play.reset"), on_click=_reset, icon=":material/replay:", key="pg_reset", width="stretch")
    count_at.markdown(f"### {t('play.counter', step=run.steps, max=pg.MAX_STEPS)}")
    if run.steps >= pg.MAX_STEPS:
        st.caption(t("play.finished", max=pg.MAX_STEPS))


def gradients(run: pg.Run, big: bool) -> None:
    """The norms before and after clipping, and how much gradient reaches each time step."""
    h, s = run.history, run.settings
    left, right = (st.container(), st.container()) if big else st.columns(2)
    left.markdown(f"**{t('play.norms')}**")
    titles = {"x": t("play.x_step"), "y": t("play.y_norm"), "before": t("play.norm_before"),
              "after": t("play.norm_after"), "limit": t("play.norm_limit", c=s.clip_norm)}
    chart(figs.norm_curves(h.norm_before, h.norm_after, s.clip_norm if s.clip else None, titles, shown_steps(run),
                           big), left, "pg_norms")
    left.markdown(pg.clipping_sentence(h, s.clip, s.clip_norm))
    right.markdown(f"**{t('play.reach')}**")
    curves = {t("play.reach_first"): h.reach_first, t("play.reach_now", step=run.steps): h.reach_now}
    chart(figs.reach_curves(curves, {"x": t("play.x_time"), "y": "‖dL/dh_t‖"}, big), right, "pg_reach")
    right.caption(t("play.reach_caption"))
    right.markdown(pg.reach_sentence(h.reach_now))


def inside(run: pg.Run, big: bool) -> None:
    """A state or gate of the cell over the first held-out sequence, as the network is now."""
    st.markdown(f"**{t('play.states')}**")
    kind = run.settings.kind
    ex = pg.example(run)
    shown = picker(st, t("play.show"), SHOWN[kind], key=f"pg_show_{kind}", format_func=lambda q: t(f"play.q.{q}"))
    M = ex.values[shown]  # (T, units)
    heatmap(M, ex.tokens, None, t("play.y_unit"), t("play.x_time"), shown, shown in SIGNED, big,
            limits=matrices.signed_limits(M) if shown in SIGNED else None, across=True)
    top = pg.faint(M, shown in SIGNED)
    if top is not None:
        st.caption(t("play.states_faint", top=top) + (" " + t("play.states_untrained") if run.steps == 0 else ""))
    st.caption(t("play.states_caption", answer=ex.answer, guess=ex.guess, p=ex.p))


# --- the race ------------------------------------------------------------------------------------------------

def race_job(settings: pg.Settings):
    """The pool's race for these settings, or the one this session started (a development server that reloads
    the project's modules after a file is saved starts a new, empty pool; the job goes on in its thread)."""
    return pg.race_job(settings) or st.session_state.get("pg_races", {}).get(settings.race_key())


def race(settings: pg.Settings, big: bool) -> None:
    st.subheader(t("play.race"))
    st.write(t("play.race_body", steps=pg.RACE_STEPS))
    job = race_job(settings)
    if (job is None or job.state == "failed") and st.button(t("play.race_run"), type="primary", key="pg_race"):
        try:
            job = pg.start_race(settings, client_id())
        except pg.TooManyJobs:
            st.warning(t("play.race_too_many"))
            return
        st.session_state.setdefault("pg_races", {})[settings.race_key()] = job
    if job is None:
        return
    if job.state == "done" and job.client != client_id():
        st.caption(t("play.race_cached"))
    fragment(race_view, run_every=1.0 if job.active else None)(settings, big)


def race_view(settings: pg.Settings, big: bool) -> None:
    """The race's place in line, progress or result; polled once a second while it is not done."""
    job = race_job(settings)
    if job is None:
        return
    if job.state == "queued":
        st.info(t("play.race_queued", n=pg.place(job) + 1), icon=":material/hourglass_top:")
    elif job.state == "running":
        st.progress(job.fraction, t("play.race_progress", cell=job.label or "…"))
    elif job.state == "failed":
        st.warning(t("play.race_failed", why=job.error))
    else:
        if st.session_state.get("pg_race_seen") != settings.race_key():
            st.session_state.pg_race_seen = settings.race_key()
            st.rerun(scope="app")  # stop polling: the whole page draws the finished result
        result = job.result
        curves = {cell: (c["eval_steps"], c["accuracy"]) for cell, c in result["cells"].items()}
        titles = {"x": t("play.x_step"), "y": t("play.y_acc"), "chance": t("play.chance", p=result["chance"])}
        chart(figs.race_curves(curves, result["chance"], titles, result["steps"], big))
        for sentence in pg.race_sentences(result):
            st.markdown(f"- {sentence}")


# --- set the weights yourself ----------------------------------------------------------------------------------

def weight_keys(ch: pg.Challenge) -> dict[str, list]:
    D, n = ch.units, ch.name
    return {"W_x": [f"pg_{n}_x{j}" for j in range(D)],
            "W_h": [[f"pg_{n}_h{i}{j}" for j in range(D)] for i in range(D)],
            "b": [f"pg_{n}_b{j}" for j in range(D)], "w_y": [f"pg_{n}_y{j}" for j in range(D)], "b_y": f"pg_{n}_by"}


def _fill(ch: pg.Challenge, solved: bool) -> None:
    keys, w = weight_keys(ch), ch.solution
    for j in range(ch.units):
        st.session_state[keys["W_x"][j]] = float(w.W_x[0, j]) if solved else 0.0
        st.session_state[keys["b"][j]] = float(w.b[j]) if solved else 0.0
        st.session_state[keys["w_y"][j]] = float(w.w_y[j]) if solved else 0.0
        for i in range(ch.units):
            st.session_state[keys["W_h"][i][j]] = float(w.W_h[i, j]) if solved else 0.0
    st.session_state[keys["b_y"]] = w.b_y if solved else 0.0


def weight_inputs(ch: pg.Challenge) -> pg.HandWeights:
    """One column per unit (what flows into it, then its weight to the answer), and the answer's bias."""
    keys = weight_keys(ch)
    every = (*keys["W_x"], *(k for row in keys["W_h"] for k in row), *keys["b"], *keys["w_y"], keys["b_y"])
    kept = st.session_state.setdefault(HAND_KEPT, {})  # a closed tab's weights: its widgets are not drawn
    for key in every:
        st.session_state.setdefault(key, kept.get(key, 0.0))  # every weight starts at 0
    number = {"min_value": -50.0, "max_value": 50.0, "step": 0.5, "format": "%.1f"}
    columns = st.columns(ch.units + 1)
    W_x, W_h, b, w_y = [], [[0.0] * ch.units for _ in range(ch.units)], [], []
    for j, col in enumerate(columns[:-1]):
        col.markdown(f"**{t('play.hand_unit', j=j + 1)}**")
        W_x.append(col.number_input(t("play.hand_from_x"), key=keys["W_x"][j], **number))
        for i in range(ch.units):
            W_h[i][j] = col.number_input(t("play.hand_from_h", i=i + 1), key=keys["W_h"][i][j], **number)
        b.append(col.number_input(t("play.hand_bias"), key=keys["b"][j], **number))
        w_y.append(col.number_input(t("play.hand_to_y"), key=keys["w_y"][j], **number))
    columns[-1].markdown(f"**{t('play.hand_answer')}**")
    b_y = columns[-1].number_input(t("play.hand_answer_bias"), key=keys["b_y"], **number)
    kept.update({key: st.session_state[key] for key in every})  # kept for when this tab is drawn again
    return pg.HandWeights.of(W_x, W_h, b, w_y, b_y)


def challenge(ch: pg.Challenge, big: bool) -> None:
    st.write(t(f"play.hand.{ch.name}_task"))
    left, right = st.columns([3, 2])
    with left:
        weights = weight_inputs(ch)
        solve_at, zero_at = st.columns(2)
        solve_at.button(t("play.hand_solution"), on_click=_fill, args=(ch, True), key=f"pg_{ch.name}_solve")
        zero_at.button(t("play.hand_zero"), on_click=_fill, args=(ch, False), key=f"pg_{ch.name}_zero")
    with right:
        verdict(ch, weights)
        trace(ch, weights, big)


def verdict(ch: pg.Challenge, weights: pg.HandWeights) -> None:
    """Right on every checked bit string, or the first ones it gets wrong."""
    result = pg.check(ch, weights)
    if not result.wrong:
        st.success(t("play.hand_ok", total=result.total), icon=":material/check_circle:")
        return
    yes_no = {True: t("play.yes"), False: t("play.no")}
    st.error(t("play.hand_wrong", wrong=len(result.wrong), total=result.total), icon=":material/close:")
    st.markdown(markdown_table((t("play.hand_seq"), t("play.hand_expected"), t("play.hand_got")),
                               [(code(" ".join(map(str, bits))), yes_no[right], yes_no[got])
                                for bits, right, got in result.wrong[:5]]))


def trace(ch: pg.Challenge, weights: pg.HandWeights, big: bool) -> None:
    """The hidden state over a bit string the learner types, and the answer it leads to."""
    key = f"pg_{ch.name}_bits"
    st.session_state.setdefault(key, pg.TRACED)
    bits = pg.bits_of(st.text_input(t("play.hand_try"), key=key, max_chars=pg.MAX_TRACED))
    if not bits:
        st.caption(t("play.hand_try_empty"))
        return
    states, scores = pg.hand_run(weights, [bits])
    yes_no = {True: t("play.yes"), False: t("play.no")}
    st.markdown(t("play.hand_says", got=yes_no[bool(scores[0] > 0)], score=float(scores[0]),
                  right=yes_no[bool(ch.rule(bits))]))
    heatmap(states[0], [str(b) for b in bits], None, t("play.y_unit"), t("play.x_time"), "h", True, big,
            limits=matrices.signed_limits(states[0]), across=True)


def challenges(big: bool) -> None:
    """The three challenges in tabs, in a fragment of their own: a weight typed or a tab chosen reruns it alone."""
    st.subheader(t("play.hand"))
    st.write(t("play.hand_body", n=len(pg.bit_strings())))
    fragment(challenge_tabs)(big)


def challenge_tabs(big: bool) -> None:
    """Only the open tab's challenge is drawn: a closed one's dozens of inputs cost the browser time on every move
    of the settings above (a units move: p50 168 against 121 ms without them). Its weights are kept (HAND_KEPT)."""
    tabs = st.tabs([t(f"play.hand.{name}") for name in pg.CHALLENGES], key="pg_hand_tab", on_change="rerun")
    for ch, tab in zip(pg.CHALLENGES.values(), tabs):
        if tab.open:
            with tab:
                challenge(ch, big)


# --- predict, then reveal ---------------------------------------------------------------------------------------

def questions(settings: pg.Settings) -> list[Question]:
    norm, reach = pg.first_step(settings)
    first, last = float(reach[0]), float(reach[-1])
    where = {True: t("quiz.play.last"), False: t("quiz.play.first")}
    after = min(norm, settings.clip_norm) if settings.clip else norm
    asked = t("quiz.play.q2_on", norm=norm, c=settings.clip_norm) if settings.clip else \
        t("quiz.play.q2_off", norm=norm)
    chances = {task: pg.chance(task, settings.length) for task in pg.TASKS}
    return [
        question(t("quiz.play.q1"), where[last >= first], list(where.values()),
                 t("quiz.play.q1_why", T=reach.size, first=first, last=last)),  # T: the batch's, not the example's
        question(asked, f"{after:.3g}", [f"{norm:.3g}", f"{settings.clip_norm:.3g}",
                                         f"{norm / settings.clip_norm:.3g}", "0"], t("quiz.play.q2_why")),
        question(t("quiz.play.q3"), f"{chances[settings.task]:.1%}", [f"{c:.1%}" for c in chances.values()],
                 t("quiz.play.q3_why", p=chances[settings.task])),
    ]


def lab(big: bool) -> None:
    """The settings and all they change (the run, the race), in one fragment: a slider moved reruns this part
    alone, not the quiz and the weight challenges below."""
    chosen = settings(big)
    training(chosen, big)
    race(chosen, big)


def drawn_now() -> pg.Settings:
    """The settings the lab drew last: its run's (training starts a new run when they change)."""
    return st.session_state.pg_run.settings


def asked_quiz() -> None:
    """The quiz, asked at settings it keeps (ui.quiz.asked_at): trying a setting to check an answer keeps it."""
    s = asked_at("play", drawn_now)
    clip = t("quiz.play.clip_on", c=s.clip_norm) if s.clip else t("quiz.play.clip_off")
    quiz("play", questions(s), intro=t("quiz.play.asked", task=t(f"play.task.{s.task}"), cell=pg.CELLS[s.cell],
                                       units=s.units, N=s.length, lr=s.learning_rate, clip=clip, seed=s.seed),
         now=drawn_now)


def render() -> None:
    notices, _ = lesson_header(t("play.title"), t("play.intro"))
    big = presenting()
    controls(big)
    fragment(lab, key=LAB)(big)
    fragment(asked_quiz, key=QUIZ)()
    challenges(big)
    show_param_notices(notices)


render()
