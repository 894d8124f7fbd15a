"""Lesson 6: the LSTM and GRU gates of the trained sentiment models, on the learner's sentence.

The sentence is read once per model (ui.compute_gates.gate_view); what-if runs reuse its token ids. Every
sentence stating a number comes from a Claim of ui.compute_gates; this page only arranges them.
"""
from __future__ import annotations

import streamlit as st

from ui import linechart, matrices
from ui.compute_gates import (GateView, belt_claim, colour_range, forced_run, forget_claim, gate_view, gate_words,
                              kept_claim, open_unit, range_claim, unit_range, update_gate_claim)
from ui.i18n import t
from ui.layout import (heatmap, lesson_header, main_view, picker, presenting, sentence_input,
                       show_param_notices)
from ui.models import ModelFileError, fault_message
from ui.quiz import Question, question, quiz, verdict_word
from ui.stepper import numbered, stepper

TOP = 353  # px above the main view when presenting at 1280x720 (tests/browser/test_classroom.py checks it)

DEFAULT_SENTENCE = {"en": "the story was slow but the ending was wonderful",
                    "ko": "처음엔 지루했지만 결말이 정말 좋았다"}
SHOWN = {"LSTM": ("f", "i", "g", "o", "c", "h"), "GRU": ("z", "r", "n", "h")}
OVERRIDES = {"LSTM": (None, ("f", 1.0), ("f", 0.0), ("i", 0.0), ("o", 1.0)),
             "GRU": (None, ("z", 1.0), ("z", 0.0), ("r", 0.0))}
FORGET = {"LSTM": "f", "GRU": "z"}  # the gate that keeps the old memory: held at 0, nothing is carried directly



def override_label(option) -> str:
    return t("gates.none") if option is None else f"{t(f'gates.q.{option[0]}')} = {option[1]:g}"


def pick_view(view: GateView) -> tuple[int, str]:
    """(unit index, quantity shown) from this tab's widgets."""
    left, right = st.columns([4, 1], vertical_alignment="bottom")
    labels = {q: t(f"gates.q.{q}") for q in SHOWN[view.kind]}
    shown = picker(left, t("gates.show"), SHOWN[view.kind], key=f"gates_show_{view.kind}", format_func=labels.get)
    unit_key = f"gates_unit_{view.kind}"
    if unit_key not in st.session_state:  # start on the unit whose memory moves most
        st.session_state[unit_key] = view.liveliest_unit + 1
    st.session_state[unit_key] = min(st.session_state[unit_key], view.units)
    unit = right.number_input(t("gates.unit"), 1, view.units, key=unit_key)
    return unit - 1, shown


def gate_heatmap(view: GateView, step: int, shown: str, unit: int, big: bool) -> None:
    """The counter and one gate (or state) for every word and unit, this word and the followed unit framed (the
    main figure)."""
    st.markdown(f"### {t('gates.counter', t=step + 1, T=len(view.tokens), word=view.tokens[step])}")
    heatmap(view.values[shown], view.tokens, step, t("step.unit"), t("step.time_axis"), shown,
            signed=shown in ("g", "c", "h", "n"), big=big, limits=colour_range(view, shown), stretch=True, column=unit,
            name=f"gates-{view.kind}")


def unit_and_formulas(view: GateView, step: int, unit: int, big: bool) -> None:
    """The ranges, one unit's gates over the sentence and, for the LSTM, this word's formulas and conveyor belt."""
    if view.kind == "LSTM":
        st.caption(t("gates.heatmap_caption", units=view.units, limit=colour_range(view, "c")[1]))
    else:
        st.caption(t("gates.heatmap_caption_gru", units=view.units))
    ranges = range_claim(view)
    if view.kind == "LSTM":
        st.markdown(t(f"gates.{ranges.key}", **gate_words(ranges.values)))
    st.markdown(f"**{t('gates.unit_figure', unit=unit + 1)}**")
    curves = {t(f"gates.q.{q}"): view.values[q][:, unit] for q in SHOWN[view.kind]}
    states = [t(f"gates.q.{q}") for q in ("c", "h") if q in SHOWN[view.kind]]  # dashed: the states, not gates
    st.html(linechart.lines(curves, view.tokens, t("gates.value"), t("axis.token"), unit_range(curves), big=big,
                            dashed=states))
    if view.kind == "LSTM":
        lstm_formulas(view, step, unit, big)


def lstm_formulas(view: GateView, step: int, unit: int, big: bool) -> None:
    v = {k: float(view.values[k][step, unit]) for k in ("i", "f", "g", "o", "c", "tanh_c", "h")}
    v["c_prev"] = float(view.values["c"][step - 1, unit]) if step > 0 else 0.0
    st.markdown(f"**{t('gates.formulas', unit=unit + 1, word=view.tokens[step])}**")
    # one short line each (aligned on "="): a phone's screen holds every line without a sideways scroll
    st.latex(rf"""\begin{{aligned}}
        f_t &= \sigma(x_t W_{{xf}} + h_{{t-1}} W_{{hf}} + b_f) = {v['f']:.3f} \\
        i_t &= \sigma(\cdots) = {v['i']:.3f} \\
        g_t &= \tanh(\cdots) = {v['g']:+.3f} \\
        o_t &= \sigma(\cdots) = {v['o']:.3f}
        \end{{aligned}}""")
    st.latex(rf"""\begin{{aligned}}
        c_t &= f_t\,c_{{t-1}} + i_t\,g_t \\
            &= {v['f']:.3f}\cdot({v['c_prev']:+.3f}) + {v['i']:.3f}\cdot({v['g']:+.3f}) \\
            &= {v['c']:+.3f}
        \end{{aligned}}""")
    st.latex(rf"""\begin{{aligned}}
        h_t &= o_t \tanh(c_t) \\
            &= {v['o']:.3f}\cdot\tanh({v['c']:+.3f}) \\
            &= {v['o']:.3f}\cdot({v['tanh_c']:+.3f}) = {v['h']:+.3f}
        \end{{aligned}}""")
    st.subheader(t("gates.belt"))
    st.html(matrices.conveyor_belt(v, big))
    st.caption(t("gates.belt_caption"))


def what_if(view: GateView, unit: int, big: bool) -> None:
    st.subheader(t("gates.whatif"))
    left, right = st.columns(2)
    option = left.selectbox(t("gates.override"), OVERRIDES[view.kind], key=f"gates_override_{view.kind}",
                            format_func=override_label)
    T = len(view.tokens)
    start_key = f"gates_from_{view.kind}"
    st.session_state[start_key] = min(st.session_state.get(start_key, 1), T)
    start = right.select_slider(t("gates.from"), list(range(1, T + 1)), key=start_key,
                                format_func=lambda k: f"{k} · {view.tokens[k - 1]}") if T > 1 else 1
    forced = forced_run(view, *(option or (None, 0.0)), start - 1)
    key = "gates.whatif_result" if view.kind == "LSTM" else "gates.gru_whatif_result"
    st.markdown(t(key, real=view.probability, forced=forced.probability))
    memory = view.memory
    st.markdown(f"**{t('gates.whatif_figure', unit=unit + 1, what=t(f'gates.q.{memory}'))}**")
    curves = {t("gates.real"): view.values[memory][:, unit], t("gates.forced"): forced.values[memory][:, unit]}
    st.html(linechart.lines(curves, view.tokens, t(f"gates.q.{memory}"), t("axis.token"), big=big))


def questions(view: GateView, step: int, unit: int) -> list[Question]:
    ranges = range_claim(view).values
    kept = kept_claim(forced_run(view, "f", 0.0, step), step, unit)
    answers = {"nothing": t("quiz.gates.nothing"), "all": t("quiz.gates.all")}
    return [
        question(t("quiz.gates.q1"), "(0, 1)", ["(-1, 1)", "(0, ∞)", "(-∞, ∞)"],
                 t("quiz.gates.q1_why", low=open_unit(ranges["glow"]), high=open_unit(ranges["ghigh"]))),
        question(t("quiz.gates.q2", word=view.tokens[step]), answers[kept.key],
                 [t("quiz.gates.nothing"), t("quiz.gates.all"), t("quiz.gates.half")],
                 t("quiz.gates.q2_why", **kept.values)),
        question(t("quiz.gates.q3"), verdict_word(view.probability), [t("quiz.positive"), t("quiz.negative")],
                 t("quiz.gates.q3_why", p=view.probability)),
    ]


def lesson_tab(view: GateView, big: bool) -> None:
    kind = view.kind
    if kind == "GRU" and not big:
        st.write(t("gates.gru_intro"))
    unit, shown = pick_view(view)
    step = stepper(f"gates_{kind}", numbered(view.tokens), lambda k: gate_heatmap(view, k - 1, shown, unit, big),
                   url_key="step" if kind == "LSTM" else None,
                   frame=lambda: main_view("" if kind == "LSTM" else kind.lower(), above=TOP),
                   then=lambda k: unit_and_formulas(view, k - 1, unit, big)) - 1
    if kind == "GRU" and big:  # presenting: the heatmap on the first screen, as on the LSTM tab; the words below
        st.write(t("gates.gru_intro"))
    what_if(view, unit, big)
    if kind == "LSTM":
        quiz("gates", questions(view, step, unit))


def summary(views: dict[str, GateView]) -> None:
    """What the lesson showed on this sentence: one line per claim, each from the numbers above."""
    lines = []
    lstm, gru = views.get("LSTM"), views.get("GRU")
    if lstm is not None:
        ranges = range_claim(lstm)
        lines.append(t("gates.sum.range", claim=t(f"gates.{ranges.key}", **gate_words(ranges.values))))
        belt = belt_claim(lstm)
        if belt is not None:
            lines.append(t(f"gates.sum.{belt.key}", **belt.values))
        forgot = forget_claim(lstm, forced_run(lstm, FORGET["LSTM"], 0.0, 0))
        word = verdict_word(forgot.values["q"] if forgot.key == "flips" else forgot.values["p"])
        lines.append(t(f"gates.sum.{forgot.key}", **forgot.values, word=word))
    if gru is not None:
        lines.append(t("gates.sum.gru", **gate_words(update_gate_claim(gru).values)))
    if lines:
        st.subheader(t("gates.summary"))
        st.markdown("\n".join(f"- {line}" for line in lines))


def load(kind: str, lang: str, text: str) -> GateView | None:
    """The model's view of the sentence, or None after saying why there is none."""
    name = f"{lang}-{kind.lower()}"
    try:
        view = gate_view(name, text)
    except ModelFileError as err:
        st.error(fault_message(name, err), icon=":material/warning:")
        return None
    if view is None:
        st.info(t("gates.empty"), icon=":material/edit:")
    return view


def render() -> None:
    lang = st.session_state.get("lang", "en")
    notices, text = lesson_header(t("gates.title"), t("gates.intro"),
                                  lambda: sentence_input("gates_sentence", t("gates.sentence"), DEFAULT_SENTENCE))
    big = presenting()
    views = {}
    for kind, tab in zip(("LSTM", "GRU"), st.tabs(["LSTM", "GRU"], key="gates_tab", on_change="rerun")):
        with tab:
            view = load(kind, lang, text)
            if view is not None:
                views[kind] = view
                if tab.open:  # only the open tab is drawn: half the page for the browser to lay out on each step
                    lesson_tab(view, big)
    summary(views)
    show_param_notices(notices)


render()
