"""What the server does with requests a browser can send, played over Streamlit's own websocket protocol.

A deep link as the very first request of a fresh server runs the whole app, without a "Page not found" box (the
lessons' folder is not named pages/: ui/pages.py).

A timed fragment's rerun that arrives with the previous page's hash must not leave the page blank. The race,
as a browser meets it: the server switches page (a student following the teacher, a click in the navigation)
while the sidebar's link box (a fragment) is due; the browser still asks for that
fragment under the old page. Streamlit then starts a fragment run under the old page, and the browser, on
that run's start, clears the new page's body. ui.fragments answers such a run with a full run of the page
that was drawn, with its values. Played here exactly: a full run of lesson 3 in Korean, then the link box's
rerun under the home page's hash (its timer runs while autoplay plays; a step or a setting reruns it too). Without the guard the server only runs the fragment (a blank lesson).
"""
from __future__ import annotations

import time

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from deploy.replicas import streamlit_server
from ui.i18n import LANGUAGES, STRINGS

sync_client = pytest.importorskip("websockets.sync.client")  # Streamlit's own dependency; no asyncio, which a
# running Playwright (the browser tests, in the same process) would clash with
SENTENCE = "영화가 정말 좋았다"
SIDEBAR = 1  # the first index of an element's delta path in the sidebar (0: the main area)
QUERY = f"lang=ko&sentence={SENTENCE}"


@pytest.fixture(scope="module")
def server():
    with streamlit_server() as url:
        yield url


def rerun(page_name: str = "", page_hash: str = "", fragment_id: str = "", widgets: dict[str, str] | None = None,
          query: str = QUERY) -> bytes:
    """The BackMsg a browser sends to run the app (or one fragment of it), with its widgets' values."""
    message = BackMsg()
    state = message.rerun_script
    state.query_string, state.page_name, state.page_script_hash = query, page_name, page_hash
    for widget_id, value in (widgets or {}).items():
        state.widget_states.widgets.add(id=widget_id, string_value=value)
    if fragment_id:
        state.fragment_id, state.is_auto_rerun = fragment_id, True
    return message.SerializeToString()


def connect(url: str):
    return sync_client.connect(url.replace("http", "ws", 1) + "/_stcore/stream", subprotocols=["streamlit"],
                               max_size=None)


def receive_run(ws, timeout: float = 30) -> list[ForwardMsg]:
    """The messages of one run, up to its end (a run that stops early for a rerun goes on in the next)."""
    messages = []
    while True:
        message = ForwardMsg()
        message.ParseFromString(ws.recv(timeout))
        messages.append(message)
        if message.WhichOneof("type") == "script_finished" and \
                message.script_finished != ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN:
            return messages


def receive_for(ws, seconds: float) -> list[ForwardMsg]:
    messages, end = [], time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        try:
            raw = ws.recv(left)
        except TimeoutError:
            break
        message = ForwardMsg()
        message.ParseFromString(raw)
        messages.append(message)
    return messages


def texts(messages: list[ForwardMsg]) -> str:
    """Every text the run's elements carry (enough to find a heading)."""
    return " ".join(str(m.delta.new_element) for m in messages if m.WhichOneof("type") == "delta")


def stale_rerun(url: str, page_name: str = "hidden-state", query: str = QUERY, times: int = 1
                ) -> tuple[list[ForwardMsg], list[ForwardMsg], dict[str, str]]:
    """(a lesson's full run, what follows ``times`` stale link-box reruns sent at once, the app's pages by URL
    path -> hash)."""
    with connect(url) as ws:
        ws.send(rerun(page_name=page_name, query=query))
        first = receive_run(ws)
        navigation = [m.navigation for m in first if m.WhichOneof("type") == "navigation"][-1]  # st.navigation's
        pages = {p.url_pathname: p.page_script_hash for p in navigation.app_pages}
        timed = [m.delta.fragment_id for m in first if m.WhichOneof("type") == "delta" and m.delta.fragment_id
                 and m.metadata.delta_path[0] == SIDEBAR]  # the link box's: timed while autoplay plays, and any
        assert timed, "the sidebar has no fragment (the link box is one)"  # step or setting redraws it
        language = next(m.delta.new_element.radio for m in first if m.WhichOneof("type") == "delta"
                        and m.delta.new_element.radio.id.endswith("-lang"))  # the sidebar's, as the browser has it
        chosen = {language.id: language.options[LANGUAGES.index("ko")]}
        for _ in range(times):
            ws.send(rerun(page_hash=pages[""], fragment_id=timed[0], widgets=chosen))  # "": the home page
        return first, receive_for(ws, 6), pages


def first_run(url: str, page_name: str, query: str) -> list[ForwardMsg]:
    with connect(url) as ws:
        ws.send(rerun(page_name=page_name, query=query))
        return receive_run(ws)


def headings(messages: list[ForwardMsg]) -> list[str]:
    return [m.delta.new_element.heading.body for m in messages
            if m.WhichOneof("type") == "delta" and m.delta.new_element.WhichOneof("type") == "heading"]


def test_a_deep_link_as_a_fresh_servers_first_request_runs_the_app():
    """/hidden-state?lang=ko first: the lesson in Korean with the app's sidebar (not lessons/hidden_state.py
    alone), and no "Page not found" box over it (a folder named pages/ made Streamlit look the page up among its
    files, where lesson 3 is hidden_state)."""
    with streamlit_server() as url:
        for _ in range(2):  # the first visitor and the next one
            messages = first_run(url, "hidden-state", "lang=ko")
            assert STRINGS["step.title"][1] in headings(messages)
            radios = [m.delta.new_element.radio.id for m in messages if m.WhichOneof("type") == "delta"]
            assert any(r.endswith("-lang") for r in radios), "no language switch: the page ran without app.py"
            assert not [m for m in messages if m.WhichOneof("type") == "page_not_found"], "a 'Page not found' box"


def test_a_stale_fragment_run_redraws_the_page_that_was_drawn(server):
    first, after, pages = stale_rerun(server)
    heading = STRINGS["step.title"][1]
    assert heading in texts(first)
    starts = [m for m in after if m.WhichOneof("type") == "new_session"]
    assert starts and list(starts[0].metadata.run.fragment_ids) and \
        starts[0].new_session.page_script_hash == pages[""], "the stale fragment run did not start as the race has it"
    full = [m for m in starts if not m.metadata.run.fragment_ids]
    assert full, "no full run followed the stale fragment run: the browser would keep a blank lesson"
    assert full[0].new_session.page_script_hash == pages["hidden-state"], pages
    assert heading in texts(after), "the lesson was not drawn again"
    query = [m.page_info_changed.query_string for m in after if m.WhichOneof("type") == "page_info_changed"]
    assert query and "lang=ko" in query[-1] and "sentence=" in query[-1], query  # the learner's values stay


def test_two_stale_runs_at_once_keep_the_sentence_in_its_box(server):
    """Two stale timers at once (a phone in a class, CI): the second brings the browser's widget values before
    the redraw runs. The redrawn demo must show the sentence in its box, not compute with it behind an empty
    box (what a class test once saw: the verdicts of the teacher's sentence under an empty text area)."""
    sentence = "줄거리가 엉망이었다"
    first, after, _ = stale_rerun(server, "try-it", f"lang=ko&sentence={sentence}", times=2)
    boxes = [m.delta.new_element.text_area for m in after
             if m.WhichOneof("type") == "delta" and m.delta.new_element.WhichOneof("type") == "text_area"]
    assert boxes, "the demo was not drawn again"
    assert (boxes[-1].value, boxes[-1].set_value) == (sentence, True), boxes[-1]  # the box is sent its sentence
