"""Lesson 4: the RNN unrolled through time, return_sequences, read-outs, stacking, bidirectional, architectures."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from ui import figures, linechart, matrices
from ui.compute import (next_words, parameter_count, prefix_pair, readout_verdicts, reading, stacked_shapes,
                        toy_bidirectional, toy_layer_shapes)
from ui.compute_tagger import DEFAULT as TAGGER_DEFAULT
from ui.compute_tagger import TAGGER, VIEW_CHARS, pos_tagging, tag_label, tagger, train_reviews
from ui.i18n import language, t
from ui.layout import (chart, code, heatmap, lesson_header, main_view, markdown_table, other_language_note,
                       presenting, sentence_input, show_param_notices, verdict_metric)
from ui.models import ModelFileError, language_model, sentiment_model, show_fault
from ui.quiz import Question, question, quiz, shape, verdict_word
from ui.stepper import numbered, stepper

TOP = 171  # px above the main view when presenting at 1280x720 (tests/browser/test_classroom.py checks it)

DEFAULT_SENTENCE = {"en": "the movie was not fun.", "ko": "영화가 재미없어요"}
MOVED = 0.05  # share of probability moved between the two guesses from which they are called different


@dataclass(frozen=True)
class LanguageModelView:
    """What the language-model sections show in one page language: which model, the default prefix and pair
    (same last words, different starts), and the string keys."""

    name: str
    prefix: str
    pair: tuple[str, str]
    suffix: str  # of the text boxes' session keys, so each language keeps its own text
    keys: dict[str, str]


EN_KEYS = {"title": "unroll.lm"} | {k: f"unroll.lm_{k}" for k in ("body", "prefix", "empty", "x", "pair_body", "first",
                                                                  "second", "word", "moved", "same")}
LM = {
    # the lecture notes' example: "the movie is ___" alone, then with "i like the movie." read first
    "en": LanguageModelView("en-lm", "the movie is", ("the movie is", "i like the movie. the movie is"), "", EN_KEYS),
    "ko": LanguageModelView("ko-lm", "이 영화 정말", ("처음엔 지루했는데 결말이", "처음부터 재밌었는데 결말이"), "_ko",
                            {k: f"unroll.ko_lm_{k}" for k in EN_KEYS}),
}


def play(name: str, text: str, big: bool) -> None:
    """Step through the sentence with the trained SimpleRNN: the states up to the chosen step, the verdict of each."""
    try:
        read = reading(name, text)
    except ModelFileError as err:
        show_fault(name, err)
        return
    if len(read.tokens) == 0:
        st.info(t("unroll.empty"), icon=":material/edit:")
        return
    stepper("unroll", numbered(read.tokens), lambda step: states_so_far(read, step, big),
            url_key="step", frame=lambda: main_view(above=TOP))
    verdicts(read, big)  # every step's, outside the stepper: a step leaves the chart as it is (no redraw)
    readouts(read.trace.h[0])
    readout_heads(name, text)


def states_so_far(reading, step: int, big: bool) -> None:
    """The counter and the hidden states read so far (the main figure)."""
    T = len(reading.tokens)
    st.subheader(t("unroll.counter", t=step, T=T, word=reading.tokens[step - 1],
                   p=float(reading.prefix_probabilities[step - 1])))
    H = reading.trace.h[0]  # (T, D)
    st.markdown(f"**{t('unroll.states', D=H.shape[1])}**")
    reach = max(0.01, float(np.ceil(np.abs(H).max() * 100) / 100))  # the sentence's own range: faint states show
    heatmap(H, reading.tokens, step - 1, t("step.unit"), t("step.time_axis"), big=big, limits=(-reach, reach),
            stretch=True, upto=step)


def verdicts(reading, big: bool) -> None:
    st.markdown(f"**{t('unroll.verdict')}**")
    st.html(linechart.lines({"SimpleRNN": reading.prefix_probabilities}, reading.tokens, t("axis.p_positive"),
                            t("axis.token"), (0.0, 1.0), 0.5, big))


def readouts(H: np.ndarray) -> None:
    st.subheader(t("unroll.readout"))
    T, D = H.shape
    st.write(t("unroll.readout_body", last=f"({D},)", mean=f"({D},)", concat=f"({T * D},)"))
    rows = {t("unroll.last"): H[-1], t("unroll.mean"): H.mean(axis=0)}
    heatmap(np.stack(list(rows.values())), list(rows), None, t("step.unit"), "", big=presenting())


def readout_heads(name: str, text: str) -> None:
    """The three read-outs' own trained heads on the learner's sentence, and which reads best on the test split."""
    try:
        view = readout_verdicts(name, text)
    except ModelFileError as err:
        show_fault(f"{name}-readouts", err)
        return
    if view is None:
        return
    card = sentiment_model(name).card
    st.write(t("unroll.readout_heads", model=name, L=view.steps, n=view.steps * card.units))
    labels = {"last": t("unroll.last"), "mean": t("unroll.mean"), "concat": t("unroll.concat")}
    for column, kind in zip(st.columns(3), labels):
        p = view.p[kind]
        verdict_metric(column, labels[kind], verdict_word(p), p)
    st.write(t("unroll.readout_agree" if view.agree else "unroll.readout_disagree"))
    acc = view.accuracy
    if view.best == "last":
        st.caption(t("unroll.readout_best_last", **acc))
    else:
        st.caption(t("unroll.readout_best_other", best=labels[view.best], **acc))


def return_sequences() -> None:
    st.subheader(t("unroll.rs"))
    cols = st.columns(4, vertical_alignment="bottom")
    B = cols[0].number_input(t("unroll.batch"), 1, 64, key="rs_B")
    T = cols[1].number_input(t("unroll.steps"), 1, 50, key="rs_T")
    d = cols[2].number_input(t("unroll.features"), 1, 64, key="rs_d")
    D = cols[3].number_input(t("unroll.units"), 1, 64, key="rs_D")
    all_states = st.toggle(t("unroll.rs_toggle"), key="rs_on")  # its own row: the label is long
    last, every = toy_layer_shapes(int(B), int(T), int(d), int(D))
    st.markdown(t("unroll.rs_result", D=D, B=B, T=T, d=d, shape=every if all_states else last,
                  what=t("unroll.rs_all" if all_states else "unroll.rs_last"),
                  params=parameter_count("SimpleRNN", d, D)))


def language_model_section(big: bool) -> None:
    """The page language's next-token model (LM): en-lm over English words, ko-lm over Kiwi morphemes."""
    lm = LM[language()]
    st.subheader(t(lm.keys["title"]))
    try:
        card = language_model(lm.name).card
    except ModelFileError as err:
        show_fault(lm.name, err)
        return
    ppl = card.metrics.get("test_perplexity", card.metrics.get("validation_perplexity"))
    st.write(t(lm.keys["body"], units=card.units, ppl=ppl, vocab=card.vocab_size))
    st.session_state.setdefault(f"lm_prefix{lm.suffix}", lm.prefix)
    prefix = st.text_input(t(lm.keys["prefix"]), key=f"lm_prefix{lm.suffix}", max_chars=300)
    other_language_note(f"lm_prefix{lm.suffix}", prefix, lm.prefix)
    rows = next_words(prefix, name=lm.name)
    if not rows:
        st.info(t(lm.keys["empty"]))
    else:
        words, probs = [w for w, _ in rows], np.array([p for _, p in rows])
        st.html(matrices.bars(words, probs, t(lm.keys["x"]), False, big))
    prefix_pair_section(lm)


def prefix_pair_section(lm: LanguageModelView) -> None:
    """Two prefixes that end alike: does what came earlier change the guess? The verdict is read off the
    total variation distance between the two next-token distributions."""
    st.markdown(f"**{t('unroll.lm_pair')}**")
    st.write(t(lm.keys["pair_body"]))
    left, right = st.columns(2)
    keys = tuple(f"{k}{lm.suffix}" for k in ("lm_first", "lm_second"))
    for key, default in zip(keys, lm.pair):
        st.session_state.setdefault(key, default)
    first = left.text_input(t(lm.keys["first"]), key=keys[0], max_chars=300)
    second = right.text_input(t(lm.keys["second"]), key=keys[1], max_chars=300)
    for column, key, text, default in ((left, keys[0], first, lm.pair[0]), (right, keys[1], second, lm.pair[1])):
        other_language_note(key, text, default, column)
    pair = prefix_pair(first, second, name=lm.name)
    if pair is None:
        st.info(t(lm.keys["empty"]))
        return
    for column, top in ((left, pair.first), (right, pair.second)):
        column.markdown(markdown_table((t(lm.keys["word"]), t(lm.keys["x"])), [(code(w), f"{p:.3f}") for w, p in top]))
    key = lm.keys["moved"] if pair.moved >= MOVED else lm.keys["same"]
    st.markdown(t(key, moved=pair.moved, word=code(pair.word), p1=pair.p_first, p2=pair.p_second))


def pos_tagger(big: bool) -> None:
    """ko-tagger on a Korean sentence: p(tag) at every morpheme, Kiwi's tag framed, and what the numbers show."""
    st.subheader(t("unroll.pos"))
    try:
        card = tagger().card
    except ModelFileError as err:
        show_fault(TAGGER, err)
        return
    st.write(t("unroll.pos_body", units=card.units, reviews=train_reviews(card.training)))
    if language() == "en":
        st.caption(t("unroll.pos_english"))
    st.session_state.setdefault("pos_text", TAGGER_DEFAULT)
    text = st.text_input(t("unroll.pos_input"), key="pos_text", max_chars=VIEW_CHARS)
    try:
        view = pos_tagging(text)
    except ModelFileError as err:
        show_fault(TAGGER, err)
        return
    if view is None:
        st.info(t("unroll.pos_empty"), icon=":material/edit:")
        return
    names = [t(tag_label(k)) for k in range(view.P.shape[1])]
    chart(figures.tag_probabilities(view.P, view.forms, names, view.kiwi, t("unroll.pos_y"), t("unroll.pos_x"),
                                    t("unroll.pos_value"), big))
    st.caption(t("unroll.pos_caption"))
    if view.cut:
        st.caption(t("unroll.pos_cut", n=len(view.forms)))
    lines = [t("unroll.pos_agree", agree=view.agree, T=len(view.forms))]
    if view.contrast:
        form, i, j = view.contrast
        lines.append(t("unroll.pos_contrast", form=code(form), i=i + 1, j=j + 1, first=names[view.predicted[i]],
                       second=names[view.predicted[j]]))
    else:
        lines.append(t("unroll.pos_no_contrast", example=code(TAGGER_DEFAULT)))
    if view.unknown:
        lines.append(t("unroll.pos_unknown", n=view.unknown))
    st.markdown(" ".join(lines))
    test = view.test
    st.caption(t("unroll.pos_test", n=test["morphemes"], acc=test["accuracy"], base=test["baseline_accuracy"],
                 amb_n=test["ambiguous_morphemes"], amb=test["ambiguous_accuracy"],
                 amb_base=test["ambiguous_baseline_accuracy"]) + " " + (
        t("unroll.pos_helps", gain=view.gain_points, amb_gain=view.ambiguous_gain_points)
        if view.context_helps else t("unroll.pos_no_help")))


def stacked() -> None:
    st.subheader(t("unroll.stack"))
    cols = st.columns(4)
    V = cols[0].number_input(t("unroll.vocab"), 2, 50000, key="st_V")
    E = cols[1].number_input(t("unroll.embed"), 1, 300, key="st_E")
    U1 = cols[2].number_input(t("unroll.units1"), 1, 256, key="st_U1")
    U2 = cols[3].number_input(t("unroll.units2"), 1, 256, key="st_U2")
    rows = stacked_shapes(int(V), int(E), int(U1), int(U2))
    st.write(t("unroll.stack_body", B=8, T=20))
    st.table({t("unroll.layer"): [r[0] for r in rows], t("unroll.output"): [str(r[1]) for r in rows],
              t("unroll.params"): [f"{r[2]:,}" for r in rows], t("unroll.formula"): [r[3] for r in rows]})
    st.caption(f"{t('unroll.total')}: {sum(r[2] for r in rows):,}")


def bidirectional(text: str) -> None:
    st.subheader(t("unroll.bi"))
    words, states = toy_bidirectional(text)
    if not words:
        return
    D = states.shape[1] // 2
    st.write(t("unroll.bi_body", D=D, twoD=2 * D))
    heatmap(states, words, None, t("unroll.bi_axis"), t("step.time_axis"), big=presenting())


def architectures() -> None:
    st.subheader(t("unroll.arch"))
    labels = {k: t(f"arch.{k}") for k in figures.ARCHITECTURES}
    kind = st.radio(t("unroll.arch_pick"), list(labels), format_func=labels.get, key="unroll_arch")
    chart(figures.architecture(kind, presenting()))
    st.caption(t("arch.caption"))


SIZES = {"rs_B": 8, "rs_T": 2, "rs_d": 10, "rs_D": 3,  # the return_sequences example
         "st_V": 10000, "st_E": 100, "st_U1": 64, "st_U2": 32}  # the stacked model


def questions() -> list[Question]:
    """On the batch and stacked-model sizes the learner set (the sections below the questions)."""
    B, T, d, D = (int(st.session_state[k]) for k in ("rs_B", "rs_T", "rs_d", "rs_D"))
    U1, U2 = int(st.session_state["st_U1"]), int(st.session_state["st_U2"])
    count = parameter_count("SimpleRNN", U1, U2)
    return [
        question(t("quiz.unroll.q1", B=B, T=T, d=d, D=D), shape(B, D), [shape(B, T, D), shape(T, D), shape(B, d)],
                 t("quiz.unroll.q1_why")),
        question(t("quiz.unroll.q2"), shape(B, T, D), [shape(B, D), shape(T, B, D), shape(B, T, d)],
                 t("quiz.unroll.q2_why")),
        question(t("quiz.unroll.q3", U1=U1, U2=U2), f"{count:,}",
                 [f"{U2 * (U1 + U2):,}", f"{U1 * U2:,}", f"{parameter_count('SimpleRNN', U2, U1):,}"],
                 t("quiz.unroll.q3_why", U1=U1, U2=U2)),
    ]


def render() -> None:
    lang = st.session_state.get("lang", "en")
    name = f"{lang}-rnn"
    notices, text = lesson_header(t("unroll.title"), t("unroll.intro", model=name),
                                  lambda: sentence_input("unroll_sentence", t("unroll.sentence"), DEFAULT_SENTENCE))
    play(name, text, presenting())
    for key, default in SIZES.items():
        st.session_state.setdefault(key, default)
    quiz("unroll", questions(), before_answers=True)  # predict first: return_sequences and stacked show the answers
    return_sequences()
    architectures()
    language_model_section(presenting())
    pos_tagger(presenting())
    stacked()
    bidirectional(text)
    show_param_notices(notices)


render()
