"""The class wall: students send sentences; the projector shows what the three trained models say about them.

Each sentence is read by the shipped SimpleRNN, LSTM and GRU of its language (Hangul: the Korean models)
through the cached NumPy models (ui.models). The board marks where the models disagree and, when the
student said what a model should answer, which models it fooled. The teacher loads a sentence into a
lesson for everyone (classroom's pick_post, then the teacher's view carries it to every follower).
Students' words are shown as plain text only (st.text), never as Markdown or HTML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import streamlit as st

from classroom import ClassError, WallPost
from rnn_core.sentiment import CELLS, label_of
from ui.class_filter import is_allowed
from ui.classroom import call, membership, message, open_view, room, split_label, teaching, with_label
from ui.fragments import fragment
from ui.i18n import t
from ui.models import ModelFileError, digest_of, sentiment_model
from ui.pages import PAGES, page_info

HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
BOARD_POSTS = 40  # newest sentences on the board
TEACHER_REFRESH_S, STUDENT_REFRESH_S = 2.0, 5.0
LABEL_MARK = 4  # characters the expected label adds to a post (" ⟦+⟧")
EXPECT = {"none": "wall.expect_none", "pos": "quiz.positive", "neg": "quiz.negative"}  # what a model should say
DEFAULT_TARGET = "try-it"  # lesson 7, the live demo: the three models' verdicts, as on the wall
WALL_CSS = """<style>
.st-key-class_board [data-testid="stText"] { font-size: 1.25rem; line-height: 1.4; }
.st-key-class_board [class*="st-key-class_from_"] [data-testid="stText"] { font-size: 0.95rem; opacity: 0.75; }
.st-key-class_board [data-testid="stMarkdownContainer"] span { font-size: 1.05rem; }
</style>"""


def language_of(text: str) -> str:
    """'ko' for a sentence with Hangul in it, else 'en': which language's models read it."""
    return "ko" if HANGUL.search(text) else "en"


@st.cache_data(max_entries=4096, show_spinner=False)
def _probability(name: str, digest: str, text: str) -> float:
    """p(positive) of model ``name`` (its content ``digest`` in the key) for one sentence."""
    return float(sentiment_model(name).predict([text])[0])


@dataclass(frozen=True)
class WallRow:
    """One post as the board shows it."""

    post: WallPost
    sentence: str
    expected: str | None  # 'pos' / 'neg' when the student said what a model should answer
    p: dict[str, float | None]  # cell ('rnn', 'lstm', 'gru') -> p(positive); None when the model cannot be used
    disagree: bool  # the models do not all give the same verdict
    fooled: tuple[str, ...]  # cells whose verdict is not the expected one


def wall_row(post: WallPost) -> WallRow:
    sentence, expected = split_label(post.text)
    lang = language_of(sentence)
    p: dict[str, float | None] = {}
    for cell in CELLS:
        name = f"{lang}-{cell}"
        try:
            p[cell] = _probability(name, digest_of(name), sentence)
        except ModelFileError:
            p[cell] = None
    labels = {label_of(v) for v in p.values() if v is not None}
    fooled = tuple(cell for cell, v in p.items() if v is not None and expected and label_of(v) != expected)
    return WallRow(post, sentence, expected, p, len(labels) > 1, fooled)


def _verdicts(row: WallRow) -> str:
    """The three verdicts as coloured badges (app text: model names and numbers)."""
    badges = []
    for cell, p in row.p.items():
        if p is None:
            badges.append(f":gray-badge[{CELLS[cell]} —]")
            continue
        word = t("quiz.positive" if label_of(p) == "pos" else "quiz.negative")
        badges.append(f":{'green' if label_of(p) == 'pos' else 'red'}-badge[{CELLS[cell]}: {word} · "
                      f"{t('axis.p_positive')} {probability_text(p)}]")
    return " ".join(badges)


def probability_text(p: float) -> str:
    """p with two decimals; one that rounds to 0 or 1 is written "<0.01" or ">0.99" (a model is never certain)."""
    return "<0.01" if p < 0.005 else ">0.99" if p >= 0.995 else f"{p:.2f}"


def _notes(row: WallRow) -> str:
    notes = []
    if row.expected:
        notes.append(t("wall.expected", label=t("quiz.positive" if row.expected == "pos" else "quiz.negative")))
    if row.fooled:
        notes.append(f"**{t('wall.fooled', models=', '.join(CELLS[c] for c in row.fooled))}**")
    elif row.disagree:
        notes.append(f"**{t('wall.disagree')}**")
    return " · ".join(notes)


# ------------------------------------------------------------ the page

def wall() -> None:
    """The wall page's body: the send box for a student, the board for everyone in the class."""
    st.html(WALL_CSS)
    teacher, member = teaching(), membership()
    if teacher is None and member is None:
        st.info(t("wall.no_class"), icon=":material/groups:")
        return
    if member is not None:
        _send_box()
    else:
        st.caption(t("wall.teacher_intro"))
        _target_lesson()
    refresh = TEACHER_REFRESH_S if teacher is not None else STUDENT_REFRESH_S
    fragment(_board, run_every=refresh)()


def _send_box() -> None:
    limit = room().settings.post_chars - LABEL_MARK
    with st.form("class_wall_form", clear_on_submit=True, border=True):
        st.text_input(t("wall.your_sentence"), key="class_wall_text", max_chars=limit,
                      placeholder=t("wall.placeholder"))
        st.radio(t("wall.expect"), tuple(EXPECT), key="class_wall_expect", horizontal=True,
                 format_func=lambda k: t(EXPECT[k]))
        sent = st.form_submit_button(t("wall.send"), type="primary", icon=":material/send:")
    if sent:
        _send(st.session_state.get("class_wall_text", ""), st.session_state.get("class_wall_expect", "none"))


def _send(text: str, expected: str) -> None:
    me = membership()
    try:
        call(room().post, me.code, me.member_token, with_label(text.strip(), expected))
    except ClassError as err:
        st.warning(message(err), icon=":material/error:")
        return
    if is_allowed(text):
        st.success(t("wall.sent"), icon=":material/check_circle:")
    else:
        st.warning(t("wall.held_back_mine"), icon=":material/block:")


def _target_lesson() -> None:
    lessons = [p.url_path for p in PAGES if p.lesson]
    first = DEFAULT_TARGET if DEFAULT_TARGET in lessons else lessons[0]
    st.selectbox(t("wall.target"), lessons, index=lessons.index(first), key="class_wall_target",
                 format_func=lambda u: t(page_info(u).title_key))


def _board() -> None:
    teacher, member = teaching(), membership()
    code, token = (teacher.code, teacher.teacher_secret) if teacher else (member.code, member.member_token)
    try:
        posts = call(room().wall, code, token, limit=BOARD_POSTS)
    except ClassError as err:
        st.warning(message(err), icon=":material/cloud_off:")
        return
    shown = [p for p in posts if p.allowed and not p.hidden]
    held, hidden = sum(not p.allowed for p in posts), [p for p in posts if p.allowed and p.hidden]
    st.subheader(t("wall.board", n=len(shown)))
    if held and teacher:
        st.caption(t("wall.held_back", n=held))
    if not shown:
        st.caption(t("wall.empty"))
    with st.container(key="class_board"):
        for post in shown:
            _post_card(wall_row(post), teacher is not None)
    if teacher and hidden:
        with st.expander(t("wall.hidden", n=len(hidden))):
            for post in hidden:
                text, button = st.columns([5, 1], vertical_alignment="center")
                text.text(split_label(post.text)[0])
                button.button(t("wall.unhide"), key=f"class_unhide_{post.id}", width="stretch", on_click=_hide,
                              args=(post.id, False))
    _show_hide_error()


def _post_card(row: WallRow, teacher: bool) -> None:
    with st.container(border=True):
        words, verdicts, actions = st.columns([5, 5, 2] if teacher else [5, 5, 0.01], vertical_alignment="center")
        words.text(row.sentence)
        author = row.post.nickname or t("wall.anonymous")
        with words.container(key=f"class_from_{row.post.id}"):  # every card has the same parts: no stale line
            st.text(f"— {author} ({t('wall.mine')})" if row.post.mine else f"— {author}")
        verdicts.markdown(_verdicts(row))
        notes = _notes(row)
        if notes:
            verdicts.markdown(notes)
        if not teacher:
            return
        if actions.button(t("wall.load"), key=f"class_load_{row.post.id}", type="primary", width="stretch",
                          icon=":material/input:", help=t("wall.load_help")):
            _load(row)
        actions.button(t("wall.hide"), key=f"class_hide_{row.post.id}", width="stretch",
                       icon=":material/visibility_off:", on_click=_hide, args=(row.post.id, True))


def _hide(post_id: int, hidden: bool) -> None:
    """Hide a post from the board and every student's wall (or show it again); the board then redraws."""
    started = teaching()
    try:
        call(room().hide_post, started.code, started.teacher_secret, post_id, hidden)
    except ClassError as err:
        st.session_state.class_hide_error = err.reason


def _show_hide_error() -> None:
    reason = st.session_state.pop("class_hide_error", None)
    if reason:
        st.warning(message(ClassError(reason)), icon=":material/error:")


def _load(row: WallRow) -> None:
    """Put the sentence in the class's view and open the chosen lesson with it (every follower follows)."""
    started = teaching()
    try:
        call(room().pick_post, started.code, started.teacher_secret, row.post.id, "sentence")
    except ClassError as err:
        st.warning(message(err), icon=":material/error:")
        return
    target = page_info(st.session_state.get("class_wall_target")) or page_info(DEFAULT_TARGET) or PAGES[0]
    open_view(target, {"lang": st.session_state.get("lang", "en"), "sentence": row.sentence})  # for everyone
