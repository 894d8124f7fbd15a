"""Lesson 6: the LSTM and GRU gates of the trained sentiment models, on the learner's sentence."""
from __future__ import annotations

import numpy as np
import streamlit as st

from ui import figures
from ui.compute import GateRun, gate_run
from ui.i18n import t
from ui.layout import lesson_header, main_height, main_view, picker, presenting, sentence_input, show_param_notices
from ui.models import ModelFileError, fault_message
from ui.quiz import Question, question, quiz, verdict_word
from ui.stepper import numbered, stepper

DEFAULT_SENTENCE = {"en": "the story was slow but the ending was wonderful",
                    "ko": "처음엔 지루했지만 결말이 정말 좋았다"}
SHOWN = {"LSTM": ("f", "i", "g", "o", "c", "h"), "GRU": ("z", "r", "n", "h")}
OVERRIDES = {"LSTM": (None, ("f", 1.0), ("f", 0.0), ("i", 0.0), ("o", 1.0)),
             "GRU": (None, ("z", 1.0), ("z", 0.0), ("r", 0.0))}
CHART = {"displaylogo": False}


def override_label(option) -> str:
    return t("gates.none") if option is None else f"{t(f'gates.q.{option[0]}')} = {option[1]:g}"


def pick_view(kind: str, run: GateRun) -> tuple[int, str]:
    """(unit index, quantity shown) from this tab's widgets."""
    D = run.values["h"].shape[1]
    left, right = st.columns([4, 1], vertical_alignment="bottom")
    labels = {q: t(f"gates.q.{q}") for q in SHOWN[kind]}
    shown = picker(left, t("gates.show"), SHOWN[kind], key=f"gates_show_{kind}", format_func=labels.get)
    unit_key = f"gates_unit_{kind}"
    if unit_key not in st.session_state:  # start on the unit whose cell/hidden state moves most
        st.session_state[unit_key] = int(np.argmax(np.ptp(run.values["c" if kind == "LSTM" else "h"], axis=0))) + 1
    st.session_state[unit_key] = min(st.session_state[unit_key], D)
    unit = right.number_input(t("gates.unit"), 1, D, key=unit_key)
    return unit - 1, shown


def gate_heatmap(kind: str, run: GateRun, step: int, shown: str, big: bool) -> None:
    """The counter and one gate (or state) for every word and unit, this word marked (the main figure)."""
    st.markdown(f"### {t('gates.counter', t=step + 1, T=len(run.tokens), word=run.tokens[step])}")
    signed = shown in ("g", "c", "h", "n")
    st.plotly_chart(figures.time_by_unit(run.values[shown], run.tokens, step, t("step.unit"), t("step.time_axis"),
                                         shown, signed, big, main_height(big)), width="stretch", config=CHART)


def unit_and_formulas(kind: str, run: GateRun, step: int, unit: int, big: bool) -> None:
    """One unit's gates over the sentence and, for the LSTM, this word's formulas and conveyor belt."""
    st.caption(t("gates.heatmap_caption", units=run.values["h"].shape[1], model=kind))
    st.markdown(f"**{t('gates.unit_figure', unit=unit + 1)}**")
    curves = {t(f"gates.q.{q}"): run.values[q][:, unit] for q in SHOWN[kind]}
    st.plotly_chart(figures.lines_over_tokens(curves, run.tokens, t("gates.value"), (-1.05, 1.05), big=big,
                                              x_title=t("axis.token")),
                    width="stretch", config=CHART)
    if kind == "LSTM":
        lstm_formulas(run, step, unit, big)


def lstm_formulas(run: GateRun, step: int, unit: int, big: bool) -> None:
    v = {k: float(run.values[k][step, unit]) for k in "ifgoch"}
    v["c_prev"] = float(run.values["c"][step - 1, unit]) if step > 0 else 0.0
    st.markdown(f"**{t('gates.formulas', unit=unit + 1, word=run.tokens[step])}**")
    st.latex(rf"f_t = \sigma(x_t W_{{xf}} + h_{{t-1}} W_{{hf}} + b_f) = {v['f']:.3f},\quad "
             rf"i_t = {v['i']:.3f},\quad g_t = \tanh(\cdots) = {v['g']:+.3f},\quad o_t = {v['o']:.3f}")
    st.latex(rf"c_t = f_t c_{{t-1}} + i_t g_t = {v['f']:.3f}\cdot({v['c_prev']:+.3f}) + {v['i']:.3f}\cdot"
             rf"({v['g']:+.3f}) = {v['c']:+.3f}")
    st.latex(rf"h_t = o_t \tanh(c_t) = {v['o']:.3f}\cdot\tanh({v['c']:+.3f}) = {v['h']:+.3f}")
    st.subheader(t("gates.belt"))
    st.plotly_chart(figures.conveyor_belt(v, big), width="stretch", config=CHART)
    st.caption(t("gates.belt_caption"))


def what_if(kind: str, name: str, text: str, run: GateRun, unit: int, big: bool) -> None:
    st.subheader(t("gates.whatif"))
    left, right = st.columns(2)
    option = left.selectbox(t("gates.override"), OVERRIDES[kind], key=f"gates_override_{kind}",
                            format_func=override_label)
    T = len(run.tokens)
    start_key = f"gates_from_{kind}"
    st.session_state[start_key] = min(st.session_state.get(start_key, 1), T)
    start = right.select_slider(t("gates.from"), list(range(1, T + 1)), key=start_key,
                                format_func=lambda k: f"{k} · {run.tokens[k - 1]}") if T > 1 else 1
    forced = gate_run(name, text, *(option or (None, 0.0)), start - 1)
    key = "gates.whatif_result" if kind == "LSTM" else "gates.gru_whatif_result"
    st.markdown(t(key, real=run.probability, forced=forced.probability))
    memory = "c" if kind == "LSTM" else "h"
    st.markdown(f"**{t('gates.whatif_figure', unit=unit + 1, what=t(f'gates.q.{memory}'))}**")
    curves = {t("gates.real"): run.values[memory][:, unit], t("gates.forced"): forced.values[memory][:, unit]}
    st.plotly_chart(figures.lines_over_tokens(curves, run.tokens, t(f"gates.q.{memory}"), big=big,
                                              x_title=t("axis.token")),
                    width="stretch", config=CHART)


def questions(name: str, text: str, run: GateRun, step: int, unit: int) -> list[Question]:
    gates = np.concatenate([run.values[g].ravel() for g in "fio"])
    forced = gate_run(name, text, "f", 0.0, step)
    c = float(forced.values["c"][step, unit])
    ig = float(forced.values["i"][step, unit] * forced.values["g"][step, unit])
    kept = t("quiz.gates.nothing") if abs(c - ig) < 1e-6 else t("quiz.gates.all")
    return [
        question(t("quiz.gates.q1"), "(0, 1)", ["(-1, 1)", "(0, ∞)", "(-∞, ∞)"],
                 t("quiz.gates.q1_why", low=float(gates.min()), high=float(gates.max()))),
        question(t("quiz.gates.q2", word=run.tokens[step]), kept,
                 [t("quiz.gates.nothing"), t("quiz.gates.all"), t("quiz.gates.half")],
                 t("quiz.gates.q2_why", unit=unit + 1, c=c, ig=ig)),
        question(t("quiz.gates.q3"), verdict_word(run.probability), [t("quiz.positive"), t("quiz.negative")],
                 t("quiz.gates.q3_why", p=run.probability)),
    ]


def lesson_tab(kind: str, lang: str, text: str, big: bool) -> None:
    name = f"{lang}-{kind.lower()}"
    try:
        run = gate_run(name, text)
    except ModelFileError as err:
        st.error(fault_message(name, err), icon=":material/warning:")
        return
    if run is None:
        st.info(t("gates.empty"), icon=":material/edit:")
        return
    if kind == "GRU":
        st.write(t("gates.gru_intro"))
    unit, shown = pick_view(kind, run)
    step = stepper(f"gates_{kind}", numbered(run.tokens), lambda k: gate_heatmap(kind, run, k - 1, shown, big),
                   url_key="step" if kind == "LSTM" else None,
                   frame=lambda: main_view("" if kind == "LSTM" else kind.lower()),
                   then=lambda k: unit_and_formulas(kind, run, k - 1, unit, big)) - 1
    what_if(kind, name, text, run, unit, big)
    if kind == "LSTM":
        quiz("gates", questions(name, text, run, step, unit))


def render() -> None:
    lang = st.session_state.get("lang", "en")
    notices, text = lesson_header(t("gates.title"), t("gates.intro"),
                                  lambda: sentence_input("gates_sentence", t("gates.sentence"), DEFAULT_SENTENCE))
    big = presenting()
    for kind, tab in zip(("LSTM", "GRU"), st.tabs(["LSTM", "GRU"])):
        with tab:
            lesson_tab(kind, lang, text, big)
    show_param_notices(notices)


render()
