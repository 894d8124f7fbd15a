"""A live class in the app (issue 16): start or join a class, follow the teacher, and the class's messages.

Who is who lives in the browser session only, never in the URL:

- the teacher holds ``class_teacher`` (a :class:`classroom.StartedClass`: the join code and the secret);
- a student holds ``class_member`` (a :class:`classroom.Membership`: the code and a member token).

Following is "opening the teacher's link": the teacher's page and URL values (ui.state.PARAMS, except the
viewer's own ``present`` and ``class``) are published whenever they change; a following student's poller
(a fragment that runs every second) sees the new version, forgets the page's widget values and opens the
page with the teacher's values, exactly as a fresh visit to the teacher's link would.

Nothing here touches the class database until someone starts or joins a class, and every failure (the
database down included) is a message in the learner's language: the lessons keep working alone.
Polls live in ui/class_polls.py, the wall in ui/class_wall.py.
"""
from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable, Mapping
from typing import TypeVar
from urllib.parse import quote, unquote

import streamlit as st

from classroom import ClassError, Classroom, Membership, Settings, StartedClass, display_code, join_link, qr_png
from ui import state
from ui.class_filter import is_allowed
from ui.fragments import fragment
from ui.i18n import t
from ui.pages import PAGES, ROOT, PageInfo, page_info

log = logging.getLogger(__name__)
R = TypeVar("R")

LOCAL_PARAMS = ("present", "class")  # URL values that stay each viewer's own
TICK_S = 1.0  # how often a student asks for the teacher's view
TEACHER_TICK_S = 3.0  # how often the teacher's box counts the students (and retries a publish that failed)
RETRY_S = 5.0  # after a failed call (database down), wait this long before the next automatic one
ENDED = ("unknown_code", "expired", "closed", "not_member", "not_teacher")  # the class is gone for this viewer
WALL_LABEL = re.compile(r"^(.*) ⟦([+-])⟧$")  # a wall post's expected verdict rides at its end: "text ⟦+⟧"
CODE_CSS = ("font-size:clamp(2.6rem,9vw,5.5rem);font-weight:700;letter-spacing:.08em;line-height:1.1;"
            "font-family:'Source Code Pro',monospace;margin:0")
QR_PX = 400  # the join QR code on the projector: a phone reads it from the back of a classroom


# ------------------------------------------------------------ the one Classroom and guarded calls

@st.cache_resource(show_spinner=False)
def _room(database_url: str, class_hours: float, public_url: str | None) -> Classroom:
    settings = Settings(database_url=database_url, class_hours=class_hours, public_url=public_url)
    return Classroom(settings, is_allowed=is_allowed)


def room() -> Classroom:
    """The process's Classroom for the current RNNLAB_* settings (it opens the database on first use)."""
    settings = Settings.from_env()
    return _room(settings.database_url, settings.class_hours, settings.public_url)


def call(method: Callable[..., R], *args, **kwargs) -> R:
    """``method(*args)`` of the Classroom, raising only ClassError.

    The backend's own failures already are ClassErrors; anything else (e.g. a SQLite folder that cannot be
    created) is logged and reported as ``database_down``, so the learner never sees an exception box.
    """
    try:
        return method(*args, **kwargs)
    except ClassError:
        raise
    except Exception as exc:
        log.exception("class call %s failed", getattr(method, "__name__", method))
        raise ClassError("database_down", type(exc).__name__) from exc


def message(err: ClassError) -> str:
    """What the learner reads for a refused or failed class action."""
    return t(f"class.error.{err.reason}")


def teaching() -> StartedClass | None:
    return st.session_state.get("class_teacher")


def membership() -> Membership | None:
    return st.session_state.get("class_member")


# ------------------------------------------------------------ views: what the teacher shows, as URL values

def pack(text: str) -> str:
    """A URL value as the class database keeps it: % and white space escaped, so no cleaning changes it."""
    return re.sub(r"[%\s]", lambda m: quote(m.group(), safe=""), text)


def unpack(text: str) -> str:
    return unquote(text)


def split_label(text: str) -> tuple[str, str | None]:
    """A wall post as (sentence, expected label 'pos'/'neg' or None)."""
    found = WALL_LABEL.match(text)
    if not found:
        return text, None
    return found.group(1), "pos" if found.group(2) == "+" else "neg"


def with_label(sentence: str, label: str | None) -> str:
    return f"{sentence} ⟦{'+' if label == 'pos' else '-'}⟧" if label in ("pos", "neg") else sentence


def _view_size(view: dict) -> int:
    return len(json.dumps(view, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def teacher_view(url_path: str, values: Mapping[str, str]) -> tuple[dict, bool]:
    """(the view to publish: the page and the teacher's URL ``values``, whether its sentence had to be cut).

    The database keeps a view of at most ``view_bytes``; a longer sentence is cut to fit.
    """
    view = {"page": url_path}
    for key in state.PARAMS:
        if key not in LOCAL_PARAMS and values.get(key) is not None:
            view[key] = pack(values[key])
    limit = room().settings.view_bytes - 16
    sentence = unpack(view.get("sentence", ""))
    cut = False
    while _view_size(view) > limit and sentence:
        sentence = sentence[: len(sentence) * 9 // 10]
        view["sentence"] = pack(sentence)
        cut = True
    return view, cut


def view_params(view: dict) -> dict[str, str]:
    """The URL values of a published view (unknown keys and the viewer's own values left out)."""
    params = {key: unpack(value) for key, value in view.items()
              if key in state.PARAMS and key not in LOCAL_PARAMS and isinstance(value, str)}
    if "sentence" in params:  # a wall post picked as is may carry its expected label
        params["sentence"] = split_label(params["sentence"])[0]
    return params


def open_view(page: PageInfo, params: dict[str, str]) -> None:
    """Open ``page`` with ``params`` in the URL as a fresh visit would: a full run starts now and switches at
    its very start (class_before), where the pages' widgets forget their values (the class's own ``class_*``
    state and the presentation switch stay).

    Switching before the page or the class bar draws anything matters: the switching run then registers no
    timed fragment, so the browser has no fragment rerun of the old page to draw into the new one (which blanked
    a phone: "Bad delta path index"). From a button's callback the run that follows switches the same way.
    """
    st.session_state.class_switch = (page.url_path, params)
    st.rerun()  # a no-op inside a callback, whose run comes next anyway


def _switch() -> None:
    """The switch open_view asked for, first thing in a run. Does not return."""
    url_path, params = st.session_state.pop("class_switch")
    for key in list(st.session_state):
        if not str(key).startswith("class_") and key != "present":
            del st.session_state[key]
    if st.session_state.get("present"):
        params = params | {"present": "1"}
    st.switch_page(str(ROOT / (page_info(url_path) or PAGES[0]).path), query_params=params)


# ------------------------------------------------------------ starting, joining, leaving

def _start() -> None:
    try:
        started = call(room().start_class)
    except ClassError as err:
        st.session_state.class_start_error = err.reason
        return
    st.session_state.update(class_teacher=started, class_published=None, class_show_code=True)


def _show_code() -> None:
    st.session_state.class_show_code = True


def _join(code_key: str) -> None:
    code = st.session_state.get(code_key) or ""
    nickname = (st.session_state.get("class_join_name") or "").strip() or None
    try:
        member = call(room().join, code, nickname)
    except ClassError as err:
        st.session_state.class_join_error = err.reason
        return
    for key in ("class_version", "class_view_latest", "class_view_applied", "class_poll", "class_dismissed"):
        st.session_state.pop(key, None)
    st.session_state.update(class_member=member, class_following=True, class_answers={})


def leave(notice: str | None = None) -> None:
    """Forget the class in this session (a student leaving, or a class that ended); keeps a notice to show."""
    for key in [k for k in st.session_state if str(k).startswith("class_") and k not in ("class_join_name",)]:
        del st.session_state[key]
    if notice:
        st.session_state.class_notice = notice


def _end() -> None:
    started = teaching()
    try:
        call(room().close_class, started.code, started.teacher_secret)
    except ClassError as err:
        if err.reason not in ENDED:
            st.session_state.class_teacher_error = err.reason
            return
    leave()


def _follow_changed() -> None:
    st.session_state.class_following = st.session_state.class_follow
    st.session_state.pop("class_view_applied", None)  # following again: go to the teacher's view now


# ------------------------------------------------------------ the hooks app.py calls

def class_before(url_path: str) -> None:
    """Before the page runs: the sidebar's class box and, for a student, the class bar above the page."""
    if "class_switch" in st.session_state:  # asked for by open_view: switch before drawing anything
        _switch()
    st.session_state.class_ready = False  # the teacher publishes once this run's page has written its values
    st.session_state.class_full_run = True  # until class_after: publishing and the poll check wait for the page
    st.session_state.class_page = url_path
    if teaching():
        st.session_state[state.AFTER_WRITE] = _publish_pending  # a fragment's write (the stepper) goes out at once
    else:
        st.session_state.pop(state.AFTER_WRITE, None)
    st.session_state.class_questions = {}  # this run's quiz questions (ui.class_polls), by poll question id
    opened = bool(teaching() or membership() or state.read("class"))
    with st.sidebar, st.expander(t("class.title"), expanded=opened, icon=":material/groups:"):
        if teaching():
            _teacher_box(url_path)
        elif membership():
            _member_box()
        else:
            _join_or_start(in_sidebar=not state.read("class"))
    _notice()
    if membership():
        _student_bar(url_path)
    elif state.read("class") and not teaching():
        _join_bar()


def class_after(url_path: str) -> None:
    """Last in app.py: the teacher publishes the view the page wrote; a student sees the class's question;
    either opens the view open_view asked for during the page's own run."""
    if "class_switch" in st.session_state:
        st.session_state.class_full_run = False
        _switch()
    if teaching():
        if _publish(url_path, {key: st.query_params[key] for key in st.query_params}):
            st.session_state[state.WRITTEN] = {}  # else the tick tries again
        st.session_state.class_ready = True
    elif membership():
        from ui.class_polls import student_dialog

        student_dialog()
        poll = st.session_state.get("class_poll")
        asked_here = poll is not None and poll.question_id in st.session_state.get("class_questions", {})
        st.session_state.class_poll_shown = poll_key(poll) if asked_here else None
    st.session_state.class_full_run = False


def _show_error(key: str) -> None:
    """The message of the last failed action stored under ``key`` (a callback ran it), once."""
    reason = st.session_state.pop(key, None)
    if reason:
        st.warning(message(ClassError(reason)), icon=":material/error:")


def _notice() -> None:
    reason = st.session_state.get("class_notice")
    if reason:
        with st.container(key="class_notice"):
            text, close = st.columns([6, 1], vertical_alignment="center")
            text.info(t("class.notice", why=message(ClassError(reason))), icon=":material/info:")
            close.button(t("class.ok"), key="class_notice_ok", on_click=_forget_notice)


def _forget_notice() -> None:
    st.session_state.pop("class_notice", None)


def _join_or_start(in_sidebar: bool) -> None:
    if in_sidebar:
        st.text_input(t("class.code"), key="class_join_code", max_chars=12, placeholder="ABCD-EFGH")
        st.text_input(t("class.nickname"), key="class_join_name", max_chars=24, help=t("class.nickname_help"))
        st.button(t("class.join"), key="class_join", on_click=_join, args=("class_join_code",), type="primary",
                  icon=":material/login:")
        _show_error("class_join_error")
    st.caption(t("class.teacher_intro"))
    st.button(t("class.start"), key="class_start", on_click=_start, icon=":material/co_present:")
    _show_error("class_start_error")


def _join_bar() -> None:
    """A student who opened a join link (?class=CODE): the join box above the page, where a phone shows it."""
    code = state.read("class")
    st.session_state.setdefault("class_link_code", display_code(code.replace("-", "").upper()))
    with st.container(border=True, key="class_join_bar"):
        st.subheader(t("class.join_title", code=st.session_state.class_link_code))
        name, button = st.columns([3, 1], vertical_alignment="bottom")
        name.text_input(t("class.nickname"), key="class_join_name", max_chars=24, help=t("class.nickname_help"))
        button.button(t("class.join"), key="class_join_link", on_click=_join, args=("class_link_code",),
                      type="primary", width="stretch", icon=":material/login:")
        _show_error("class_join_error")


def _member_box() -> None:
    me = membership()
    st.text(t("class.member_of", code=display_code(me.code)))
    if me.nickname:
        st.text(t("class.you_are", name=me.nickname))
    st.button(t("class.leave"), key="class_leave", on_click=leave, icon=":material/logout:")


# ------------------------------------------------------------ teacher

def _teacher_box(url_path: str) -> None:
    started = teaching()
    st.caption(t("class.your_code"))
    st.html(f'<p style="font-size:2rem;font-weight:700;letter-spacing:.06em;margin:0">'
            f'{display_code(started.code)}</p>')
    fragment(_teacher_tick, run_every=TEACHER_TICK_S)()
    st.button(t("class.show_code"), key="class_show", icon=":material/qr_code_2:", on_click=_show_code)
    st.button(t("class.end"), key="class_end", on_click=_end, icon=":material/logout:")
    _show_error("class_teacher_error")
    if st.session_state.pop("class_show_code", False):
        st.dialog(t("class.join_dialog"), width="large")(_join_dialog)()


def _teacher_tick() -> None:
    """Every few seconds: count the students; publish what could not be published before (database down)."""
    started = teaching()
    if started is None:
        return
    _publish_pending()
    if time.monotonic() >= st.session_state.get("class_retry_at", 0.0):
        try:
            info = call(room().class_info, started.code, started.teacher_secret)
            st.session_state.update(class_members=info.members, class_down=False)
        except ClassError as err:
            _teacher_failed(err)
    st.caption(t("class.members", n=st.session_state.get("class_members", 0)))
    if st.session_state.get("class_view_cut"):
        st.caption(t("class.view_cut"))
    if st.session_state.get("class_down"):
        st.warning(t("class.error.database_down"), icon=":material/cloud_off:")


def _teacher_failed(err: ClassError) -> None:
    if err.reason in ENDED:
        leave(err.reason)
        st.rerun()
    st.session_state.update(class_down=err.reason == "database_down", class_retry_at=time.monotonic() + RETRY_S)


def _publish_pending() -> None:
    """Publish what ui.state.write noted since the last publish (state.AFTER_WRITE calls it), on top of the last
    published view. Not from st.query_params: a fragment's rerun can carry a stale copy of the browser's URL
    (an older sentence, or the next page's empty URL as the teacher clicks away). A full run publishes at its
    end instead (class_after), once its page has written every value."""
    written, published = st.session_state.get(state.WRITTEN), st.session_state.get("class_published")
    if st.session_state.get("class_full_run") or not st.session_state.get("class_ready") or not written:
        return
    if teaching() is None or published is None:
        return
    values = {key: unpack(value) for key, value in published.items() if key != "page"} | written
    if _publish(st.session_state.class_page, values):
        st.session_state[state.WRITTEN] = {}


def _publish(url_path: str, values: Mapping[str, str | None]) -> bool:
    """Publish the teacher's view if it differs from the last one published (one write per change);
    False if it could not be published now (the database is down: the next change tries again)."""
    started = teaching()
    view, cut = teacher_view(url_path, values)
    if view == st.session_state.get("class_published"):
        return True
    if time.monotonic() < st.session_state.get("class_retry_at", 0):
        return False
    try:
        call(room().publish_view, started.code, started.teacher_secret, view)
    except ClassError as err:
        _teacher_failed(err)
        return False
    st.session_state.update(class_published=view, class_view_cut=cut, class_down=False)
    return True


def join_address(code: str):
    """The join link (classroom.JoinLink) on RNNLAB_PUBLIC_URL or the address the teacher's browser used."""
    return join_link(code, browser_url=st.context.url, public_url=room().settings.public_url)


def _join_dialog() -> None:
    """The join code, link and QR code, large enough to read from the back of the room."""
    started = teaching()
    if started is None:
        return
    try:
        link = join_address(started.code)
    except ClassError:
        link = None
    qr, words = st.columns([2, 3], vertical_alignment="center")
    with words:
        st.markdown(f"**{t('class.code')}**")
        st.html(f'<p style="{CODE_CSS}">{display_code(started.code)}</p>')
        st.markdown(f"**{t('class.join_at')}**")
        st.code(link.url if link else t("class.no_link"), language=None, wrap_lines=True)
        if link and link.local:
            st.warning(t("class.local_link"), icon=":material/wifi_off:")
        st.caption(t("class.members", n=st.session_state.get("class_members", 0)))
    if link:
        qr.image(qr_png(link.url, scale=10), caption=t("class.scan"), width=QR_PX)


# ------------------------------------------------------------ student

def _student_bar(url_path: str) -> None:
    with st.container(border=True, key="class_bar"):
        status, toggle = st.columns([3, 2], vertical_alignment="center")
        status.markdown(f":material/groups: **{t('class.in_class', code=display_code(membership().code))}**")
        # the choice lives in class_following: a page switch forgets widget values. It goes in as the default
        # (value=), not through st.session_state, whose value a browser that missed it would send back as False
        toggle.toggle(t("class.follow"), value=st.session_state.get("class_following", True), key="class_follow",
                      on_change=_follow_changed, help=t("class.follow_help"))
        fragment(_student_tick, run_every=TICK_S)(url_path)


def _student_tick(url_path: str) -> None:
    """Every second: the teacher's view and poll if the class moved on; follow the view, announce the poll."""
    me = membership()
    if me is None:
        return
    if time.monotonic() >= st.session_state.get("class_retry_at", 0.0):
        try:
            update = call(room().view_since, me.code, me.member_token, st.session_state.get("class_version"))
            st.session_state.class_down = False
        except ClassError as err:
            if err.reason in ENDED:
                leave(err.reason)
                st.rerun()
            update = None
            st.session_state.update(class_down=err.reason == "database_down",
                                    class_retry_at=time.monotonic() + RETRY_S)
        if update is not None:
            st.session_state.update(class_version=update.version, class_view_latest=update.view,
                                    class_poll=update.poll)
    latest = st.session_state.get("class_view_latest")
    if st.session_state.get("class_following") and latest and latest != st.session_state.get("class_view_applied"):
        st.session_state.class_view_applied = latest
        open_view(page_info(latest.get("page")) or page_info(url_path) or PAGES[0], view_params(latest))
    shown, now = st.session_state.get("class_poll_shown"), poll_key(st.session_state.get("class_poll"))
    asked_here = now is not None and now[0] in st.session_state.get("class_questions", {})
    if not st.session_state.get("class_full_run") and now != shown and (asked_here or shown is not None):
        st.rerun()  # the question opened, was answered, revealed or closed: a full run redraws its dialog
    if st.session_state.get("class_down"):
        st.warning(t("class.error.database_down"), icon=":material/cloud_off:")
    from ui.class_polls import poll_status

    poll_status()


def poll_key(poll) -> tuple | None:
    """(question, state, this student's answer) of the class's poll: what its dialog shows."""
    if poll is None:
        return None
    mine = st.session_state.get("class_answers", {}).get(poll.question_id) or poll.my_answer
    return poll.question_id, poll.state, mine
