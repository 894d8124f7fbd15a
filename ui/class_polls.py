"""Class polls: a lesson's predict-then-reveal question (ui/quiz.py) asked to the whole class.

The teacher's card gets "Ask the class"; the poll's options are the question's option numbers
(``o0``, ``o1``...), so no text leaves the app: each student's page computes the same question from the
teacher's view and shows its own words for them. A student answers in a dialog (one tap an option) or in
the question's card; the projector counts the answers live, and after the reveal draws their
distribution beside the computed answer.
"""
from __future__ import annotations

import html
import re
import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

import plotly.graph_objects as go
import streamlit as st

from classroom import ClassError, PollView
from ui.classroom import ENDED, TICK_S, call, leave, membership, message, poll_key, room, teaching
from ui.fragments import fragment
from ui.i18n import t
from ui.layout import chart, presenting

if TYPE_CHECKING:
    from ui.quiz import Question

RIGHT, OTHER = "#009E73", "#999999"  # Okabe-Ito green for the computed answer, grey for the rest
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def escape_markdown(text: str) -> str:
    """``text`` shown as itself where Streamlit reads Markdown (labels): every special character escaped."""
    return _MARKDOWN.sub(r"\\\1", text)


def question_id(key: str, q: Question) -> str:
    """The poll's id: the card's key and a checksum of the question's words (new numbers, a new question)."""
    return f"{key}-{zlib.crc32(repr((q.prompt, q.options)).encode()):08x}"


def option_key(k: int) -> str:
    return f"o{k}"


def poll_figure(options: Sequence[str], counts: Sequence[int], answer: int, x_title: str,
                big: bool = False) -> go.Figure:
    """How many chose each option: one horizontal bar an option, the computed answer in green."""
    labels = [html.escape(option) for option in options]  # Plotly reads a little HTML in labels
    colours = [RIGHT if k == answer else OTHER for k in range(len(options))]
    bar = {"type": "bar", "orientation": "h", "x": list(counts), "y": labels, "text": list(counts),
           "textposition": "outside", "cliponaxis": False, "marker": {"color": colours}, "hoverinfo": "x+y"}
    size = 20 if big else 16  # read from the back of a classroom
    layout = {"height": 60 + (42 if big else 30) * len(options), "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
              "font": {"size": size}, "showlegend": False,
              "xaxis": {"title": {"text": x_title}, "rangemode": "tozero",
                        "dtick": max(1, max(counts, default=0) // 5)},  # whole students
              "yaxis": {"type": "category", "autorange": "reversed", "automargin": True}}
    return go.Figure(data=[bar], layout=layout)


# ------------------------------------------------------------ the hook in each question's card

def class_poll(key: str, q: Question) -> bool:
    """The class's side of question ``q`` in its card: True when the card shows the class poll instead of the
    learner's own answer (the question is open to the class or revealed), False otherwise (nothing drawn for
    a learner alone; the teacher's "Ask the class" button)."""
    teacher, member = teaching(), membership()
    if teacher is None and member is None:
        return False
    qid = question_id(key, q)
    if member is not None:
        st.session_state.setdefault("class_questions", {})[qid] = q
        poll = st.session_state.get("class_poll")
        if poll is None or poll.question_id != qid:
            return False
        student_body(qid, q, "card")
        return True
    current = st.session_state.get("class_teacher_poll")
    if current and current[0] == qid:
        fragment(_teacher_panel, run_every=TICK_S if current[1] == "open" else None)(qid, q)
        return True
    _, right = st.columns([3, 1])
    right.button(t("class.ask"), key=f"class_ask_{qid}", on_click=_ask, args=(qid, len(q.options)),
                 icon=":material/campaign:", width="stretch", help=t("class.ask_help"))
    _show_poll_error(qid)
    return False


def _show_poll_error(qid: str) -> None:
    failed = st.session_state.get("class_poll_error")
    if failed and failed[0] == qid:
        del st.session_state["class_poll_error"]
        st.warning(message(ClassError(failed[1])), icon=":material/error:")


def _ask(qid: str, count: int) -> None:
    started = teaching()
    try:
        call(room().open_poll, started.code, started.teacher_secret, qid, [option_key(k) for k in range(count)])
    except ClassError as err:
        st.session_state.class_poll_error = (qid, err.reason)
        return
    st.session_state.class_teacher_poll = (qid, "open")


# ------------------------------------------------------------ teacher (the projector)

def _teacher_panel(qid: str, q: Question) -> None:
    """The question as the class sees it: how many answered, Reveal; then the answers' distribution."""
    started = teaching()
    if started is None:
        return
    st.markdown(f"**{escape_markdown(q.prompt)}**")
    try:
        poll = call(room().poll, started.code, started.teacher_secret)
    except ClassError as err:
        if err.reason in ENDED:
            leave(err.reason)
            st.rerun()
        st.warning(message(err), icon=":material/cloud_off:")
        return
    if poll is None or poll.question_id != qid:  # closed, or another question opened, elsewhere
        st.session_state.pop("class_teacher_poll", None)
        st.rerun()
    if poll.state == "open":
        st.markdown("  \n".join(f"{chr(65 + k)}. {escape_markdown(option)}" for k, option in enumerate(q.options)))
        count, reveal, cancel = st.columns([2, 1.4, 1.4], vertical_alignment="bottom")
        count.metric(t("class.answered"), poll.answered)
        if reveal.button(t("class.reveal"), key=f"class_reveal_{qid}", type="primary", width="stretch",
                         icon=":material/visibility:"):
            _set_state(started, qid, "revealed")
        if cancel.button(t("class.cancel_poll"), key=f"class_cancel_{qid}", width="stretch"):
            _set_state(started, qid, "closed")
        return
    counts = [poll.counts.get(option_key(k), 0) for k in range(len(q.options))] if poll.counts else [0] * len(q.options)
    bars, answer = st.columns([3, 2])
    with bars:
        st.caption(t("class.distribution", n=poll.answered))
        chart(poll_figure(q.options, counts, q.answer, t("class.answers_axis"), presenting()), toolbar=False)
    with answer:
        st.success(f"{t('class.answer_is', answer=escape_markdown(q.options[q.answer]))} {q.why}",
                   icon=":material/check_circle:")
        if st.button(t("class.close_poll"), key=f"class_close_{qid}", width="stretch"):
            _set_state(started, qid, "closed")


def _set_state(started, qid: str, state: str) -> None:
    """Reveal or close the poll, then redraw the whole page (the card's timer starts or stops)."""
    try:
        change = room().reveal_poll if state == "revealed" else room().close_poll
        call(change, started.code, started.teacher_secret, qid)
    except ClassError as err:
        if err.reason != "no_poll":
            st.warning(message(err), icon=":material/error:")
            return
        state = "closed"
    if state == "closed":
        st.session_state.pop("class_teacher_poll", None)
    else:
        st.session_state.class_teacher_poll = (qid, state)
    st.rerun()


# ------------------------------------------------------------ student

def _answer(qid: str, option: str) -> None:
    me = membership()
    try:
        call(room().answer, me.code, me.member_token, qid, option)
    except ClassError as err:
        st.session_state.class_poll_error = (qid, err.reason)
        return
    st.session_state.setdefault("class_answers", {})[qid] = option


def student_body(qid: str, q: Question, where: str) -> None:
    """The open question with one button an option (the student's pick marked), or, once revealed, the
    computed answer beside how the class answered. ``where`` ('card' or 'dialog') keeps widget keys apart."""
    poll: PollView | None = st.session_state.get("class_poll")
    if poll is None or poll.question_id != qid:
        st.info(t("class.poll_over"), icon=":material/done:")
        return
    mine = st.session_state.get("class_answers", {}).get(qid) or poll.my_answer
    st.session_state.class_poll_shown = poll_key(poll)  # the student's poller redraws it if this goes stale
    st.markdown(f"**{escape_markdown(q.prompt)}**")
    if poll.state == "open":
        for k, option in enumerate(q.options):
            st.button(escape_markdown(option), key=f"class_{where}_{qid}_{k}", on_click=_answer,
                      args=(qid, option_key(k)), type="primary" if mine == option_key(k) else "secondary",
                      width="stretch", icon=":material/check:" if mine == option_key(k) else None)
        st.caption(t("class.sent") if mine else t("class.pick"))
        _show_poll_error(qid)
        return
    right = q.options[q.answer]
    if mine == option_key(q.answer):
        st.success(f"{t('quiz.right')} {q.why}", icon=":material/check_circle:")
    elif mine:
        chosen = next((option for k, option in enumerate(q.options) if option_key(k) == mine), "?")
        st.warning(f"{t('class.you_chose', choice=escape_markdown(chosen))} "
                   f"{t('quiz.wrong', answer=escape_markdown(right))} {q.why}", icon=":material/lightbulb:")
    else:
        st.info(f"{t('class.answer_is', answer=escape_markdown(right))} {q.why}", icon=":material/lightbulb:")
    if poll.counts:
        counts = [poll.counts.get(option_key(k), 0) for k in range(len(q.options))]
        st.caption(t("class.distribution", n=poll.answered))
        chart(poll_figure(q.options, counts, q.answer, t("class.answers_axis")), toolbar=False)


def _dismissed() -> None:
    poll = st.session_state.get("class_poll")
    if poll is not None:
        st.session_state.class_dismissed = (poll.question_id, poll.state)


def student_dialog() -> None:
    """After the page ran (its questions known): the class's open or revealed question in a dialog, unless
    the student closed it, or the question is not on this page."""
    poll: PollView | None = st.session_state.get("class_poll")
    if poll is None:
        return
    q = st.session_state.get("class_questions", {}).get(poll.question_id)
    if q is None or st.session_state.get("class_dismissed") == (poll.question_id, poll.state):
        return
    title = t("class.poll_title") if poll.state == "open" else t("class.poll_revealed")
    st.dialog(title, on_dismiss=_dismissed)(student_body)(poll.question_id, q, "dialog")


def poll_status() -> None:
    """In the student's class bar: where the class's open question is, and a way back to it."""
    poll: PollView | None = st.session_state.get("class_poll")
    if poll is None or poll.state != "open":
        return
    if poll.question_id not in st.session_state.get("class_questions", {}):
        st.info(t("class.poll_elsewhere"), icon=":material/campaign:")
    elif st.session_state.get("class_dismissed") == (poll.question_id, poll.state) and st.button(
            t("class.poll_reopen"), key="class_poll_reopen", icon=":material/campaign:"):
        st.session_state.pop("class_dismissed", None)
        st.rerun()  # a full run opens the dialog again
