"""Predict, then reveal: short questions whose answers are computed from the learner's current settings.

A page builds its ``Question``s from the same numbers it draws (rnn_core or a shipped model), so
when a slider moves, the question and its answer follow. The learner picks an option; only then
the answer appears, with a one-line why. In a live class the teacher can ask a question to everyone
(ui/class_polls.py) and reveal how the class answered.
"""
from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import streamlit as st

from rnn_core.sentiment import label_of
from ui.class_polls import class_poll
from ui.i18n import t


@dataclass(frozen=True)
class Question:
    prompt: str
    options: tuple[str, ...]
    answer: int  # index into options
    why: str


def question(prompt: str, correct: str, distractors: Sequence[str], why: str) -> Question:
    """A question with the correct option and distinct distractors, in a stable order that depends on the
    prompt (so the right answer is not always first, and does not jump around on a rerun)."""
    options = [correct] + [d for d in dict.fromkeys(distractors) if d != correct]
    shift = zlib.crc32(prompt.encode()) % len(options)
    options = options[shift:] + options[:shift]
    return Question(prompt, tuple(options), options.index(correct), why)


def verdict_word(p: float) -> str:
    """'positive' or 'negative' in the learner's language, by the models' own threshold (label_of)."""
    return t("quiz.positive" if label_of(p) == "pos" else "quiz.negative")


def shape(*dims: int) -> str:
    return "(" + ", ".join(str(d) for d in dims) + ("," if len(dims) == 1 else "") + ")"


def quiz(page: str, questions: Sequence[Question], before_answers: bool = False, intro: str | None = None,
         now: Callable[[], object] | None = None) -> None:
    """The lesson's questions, each in its own card; ``before_answers``: placed above the sections that
    show the answers (the caption says so); ``intro``: the page's own caption instead; ``now``: the quiz is asked at
    settings it keeps (asked_at), and a button under the caption asks it again at ``now()``."""
    st.subheader(t("quiz.title"))
    st.caption(intro or t("quiz.intro_first" if before_answers else "quiz.intro"))
    if now is not None:
        ask_again(page, now)
    for k, q in enumerate(questions):
        ask(f"{page}_{k}", q)


def asked_at(page: str, now: Callable[[], object]) -> object:
    """The settings a page's quiz is asked at (lessons 5 and 8, whose questions ask the learner to check an answer
    with the controls): the first the page drew (``now()``), kept in Session State until :func:`ask_again`, so that
    moving a control to check an answer keeps the question and the answer picked."""
    key = f"quiz_{page}_asked"
    if key not in st.session_state:
        st.session_state[key] = now()
    return st.session_state[key]


def ask_again(page: str, now: Callable[[], object]) -> None:
    """The button that asks the quiz again at the settings drawn now (``now()``, read when it is pressed)."""
    def again() -> None:
        st.session_state[f"quiz_{page}_asked"] = now()
    st.button(t("quiz.again"), key=f"quiz_{page}_again", on_click=again, icon=":material/refresh:")


def ask(key: str, q: Question) -> None:
    # the widget key follows the question: new numbers on the page ask afresh
    ident = f"quiz_{key}_{zlib.crc32(repr((q.prompt, q.options)).encode()):08x}"
    with st.container(border=True):
        if class_poll(key, q):  # a live class answers this question together (ui/class_polls.py)
            return
        choice = st.radio(q.prompt, range(len(q.options)), format_func=lambda i: q.options[i], index=None,
                          key=ident, horizontal=True)
        if choice is None:
            st.caption(t("quiz.pick"))
        elif choice == q.answer:
            st.success(f"{t('quiz.right')} {q.why}", icon=":material/check_circle:")
        else:
            st.warning(f"{t('quiz.wrong', answer=q.options[q.answer])} {q.why}", icon=":material/lightbulb:")
