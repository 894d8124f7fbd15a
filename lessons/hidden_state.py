"""Lesson 3: one step of an RNN, h_t = tanh(x_t W_x + h_{t-1} W_h + b), every number shown."""
from __future__ import annotations

import inspect

import numpy as np
import streamlit as st

from rnn_core.scratch import numpy_rnn_loop
from rnn_core.toy import INITS
from ui import matrices, state
from ui.compute import MAX_STEP_WORDS, OneStep, notes_loop, one_step, parameter_count
from ui.i18n import t
from ui.layout import heatmap, lesson_header, main_view, presenting, sentence_input, show_param_notices
from ui.quiz import Question, question, quiz, shape
from ui.stepper import numbered, stepper

TOP = 235  # px above the main view when presenting at 1280x720 (tests/browser/test_classroom.py checks it)

DEFAULT_SENTENCE = {"en": "the movie is fun", "ko": "그 영화 정말 재밌다"}

ROW_FORM = r"h_t = \tanh(\underbrace{x_t}_{1\times d}\,\underbrace{W_x}_{d\times D} + " \
           r"\underbrace{h_{t-1}}_{1\times D}\,\underbrace{W_h}_{D\times D} + \underbrace{b}_{1\times D})"
COL_FORM = r"h_t = \tanh(\underbrace{W_x^{\top}}_{D\times d}\,\underbrace{x_t}_{d\times 1} + " \
           r"\underbrace{W_h^{\top}}_{D\times D}\,\underbrace{h_{t-1}}_{D\times 1} + \underbrace{b}_{D\times 1})"


def controls() -> tuple[str, int, int, int, str]:
    """(sentence, d, D, seed, init) from the widgets, first filled from the URL."""
    for key, url_key in (("step_d", "d"), ("step_units", "units"), ("step_seed", "seed"), ("step_init", "init")):
        state.init(key, url_key)
    sentence, left, mid, right = st.columns([3, 2, 2, 1.3], vertical_alignment="bottom")
    text = sentence_input("step_sentence", t("step.sentence"), DEFAULT_SENTENCE, sentence, t("step.sentence_help"))
    d = left.slider(t("step.d"), 1, 8, key="step_d", help=t("step.d_help"))
    D = mid.slider(t("step.D"), 1, 8, key="step_units", help=t("step.D_help"))
    with right.popover(t("step.weights"), width="stretch"):
        labels = {"centred": t("step.weights_centred"), "notes": t("step.weights_notes")}
        init = st.radio(t("step.weights_from"), INITS, key="step_init", format_func=labels.get)
        seed = st.number_input(t("step.seed"), 0, 9999, key="step_seed")
    return text, d, D, int(seed), init


def step_figure(view: OneStep, t_index: int, big: bool) -> None:
    """The equation with this step's real matrices, every number in its cell."""
    cell, trace, words = view.cell, view.trace, view.words
    h_prev = trace.h[0, t_index - 1] if t_index > 0 else np.zeros(cell.units, np.float32)
    panels = [("", "x<sub>t</sub>", view.xs[t_index][None], "1×d"), ("·", "W<sub>x</sub>", cell.W_x, "d×D"),
              ("+", "h<sub>t−1</sub>", h_prev[None], "1×D"), ("·", "W<sub>h</sub>", cell.W_h, "D×D"),
              ("+", "b", cell.b[None], "1×D"), ("=", "z<sub>t</sub>", trace["z"][0, t_index][None], "1×D"),
              ("tanh →", "h<sub>t</sub>", trace.h[0, t_index][None], "1×D")]
    limit = float(max(1.0, max(np.abs(M).max() for _, _, M, _ in panels)))
    st.subheader(t("step.figure", t=t_index + 1, word=words[t_index]))
    hover = f"{t('hover.row')} {{row}}, {t('hover.column')} {{col}}: {{value}}"
    st.html(matrices.matrix_equation(panels, limit, big, hover, t("gates.value")))


def equations() -> None:
    row, col = st.columns(2)
    with row:
        st.markdown(f"**{t('step.equation_row')}**")
        st.latex(ROW_FORM)
    with col:
        st.markdown(f"**{t('step.equation_col')}**")
        st.latex(COL_FORM)
    st.caption(t("step.col_explain"))


def parameter_count_section(d: int, D: int) -> None:
    st.subheader(t("step.params"))
    st.markdown(t("step.params_body", wx=d * D, wh=D * D, b=D, d=d, D=D, total=parameter_count("SimpleRNN", d, D)))
    st.caption(t("step.params_notes", n=parameter_count("SimpleRNN", 10, 3)))


def numpy_loop() -> None:
    """Show the real source of the loop and run it: 10 steps, 4 inputs, 8 hidden units (the notes' sizes)."""
    st.subheader(t("step.code"))
    st.write(t("step.code_body"))
    st.code(inspect.getsource(numpy_rnn_loop), language="python", wrap_lines=True)  # no scroll region
    runs = st.session_state.setdefault("step_loop_runs", 0)
    if st.button(t("step.run"), key="step_run"):
        runs = st.session_state.step_loop_runs = runs + 1
    init = st.session_state.step_init
    _, states = notes_loop(runs, init)
    st.write(t("step.run_result", shape=states.shape, k=runs))
    st.dataframe(np.round(states, 4), height=390)
    if init == "notes":
        st.caption(t("step.saturation"))


def questions(words: list[str], d: int, D: int) -> list[Question]:
    count = parameter_count("SimpleRNN", d, D)
    T = max(1, len(words))
    return [
        question(t("quiz.step.q1", d=d, D=D), str(count), [str(D * (d + D)), str(d * D + D), str(count + D * D)],
                 t("quiz.step.q1_why", wx=d * D, wh=D * D, b=D)),
        question(t("quiz.step.q2"), shape(D), [shape(d), shape(T, D), shape(D, D)], t("quiz.step.q2_why")),
        question(t("quiz.step.q3", T=2 * T), str(count),
                 [str(2 * count), str(count + 2 * T * D), str(count + T)], t("quiz.step.q3_why")),
    ]


def render() -> None:
    notices, _ = lesson_header(t("step.title"), t("step.intro"))
    big = presenting()
    sentence, d, D, seed, init = controls()
    view = one_step(sentence, d, D, seed, init)
    if view.cut_off:
        st.caption(t("step.too_long", n=MAX_STEP_WORDS))
    if not big:
        equations()
    if not view.words:
        st.info(t("step.empty"), icon=":material/edit:")
    else:
        stepper("step", numbered(view.words), lambda step: step_figure(view, step - 1, big),
                url_key="step", frame=lambda: main_view(above=TOP), then=lambda step: all_steps(view, step, big))
        st.caption(t("step.toy_note"))
    if big:
        equations()
    state.write(d=d, units=D, seed=seed, init=init)
    parameter_count_section(d, D)
    numpy_loop()
    quiz("step", questions(view.words, d, D))
    show_param_notices(notices)


def all_steps(view: OneStep, step: int, big: bool) -> None:
    """Every step's state, this one marked: the same weights at every step."""
    st.caption(t("step.figure_caption"))  # of the equation above
    st.subheader(t("step.sharing"))
    st.write(t("step.sharing_body", T=len(view.words), checksum=view.fingerprint))
    heatmap(view.trace.h[0], view.words, step - 1, t("step.unit"), t("step.time_axis"), big=big)
    st.caption(t("step.states_caption"))

render()
