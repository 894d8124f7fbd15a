"""Every fragment of the app (``st.fragment``, timed or not) goes through :func:`fragment`, which keeps a page
from going blank when it is switched while a timer fires.

Why: Streamlit's browser asks for a timed fragment's rerun with the page it believes is current. When the
server switches page at that moment (a class follower following the teacher, any ``st.switch_page``), the
request can carry the old page: the fragment then runs under the old page's hash, and the browser, on that
run's start, clears the new page's body (Streamlit 1.67, ``handleNewSession`` -> ``clearAppState``). What
was left on screen was the app's own part (the sidebar and the class bar) over an empty page.

The cure: each full run notes the page it drew (:func:`drew`, :func:`left_values`) and ui.state.write the URL
values a fragment changes since (:func:`wrote`); a fragment run under another page than the one drawn redraws
that page at once with a full run (``st.switch_page`` to it, with its values: :func:`keep_values`), so the
learner sees it again within the same second. tests/test_protocol.py plays the race over the websocket.
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

log = logging.getLogger(__name__)
DRAWN = "page_drawn"  # session key: the Drawn page of the last full run
KEPT = "page_kept"  # session key: the values keep_values kept for the next full run


@dataclass(frozen=True)
class Drawn:
    """The page the last full run drew: its hash (Streamlit's), its file, and the URL values it has now."""

    page_hash: str
    path: str
    params: dict[str, str]


def _params() -> dict[str, str]:
    return {key: st.query_params[key] for key in st.query_params}


def drew(path: str | Path) -> None:
    """Note, in a full run after ``st.navigation``, that this run draws the page in file ``path``."""
    ctx = get_script_run_ctx()
    if ctx is not None:
        st.session_state[DRAWN] = Drawn(ctx.page_script_hash, str(path), _params())


def left_values() -> None:
    """Note the URL values the run leaves (the end of a full run, after the page wrote its values)."""
    drawn = st.session_state.get(DRAWN)
    if drawn is not None:
        st.session_state[DRAWN] = replace(drawn, params=_params())


def wrote(values: dict[str, str | None]) -> None:
    """Note URL values a run changed (None: removed), e.g. the stepper's step in its own fragment."""
    drawn = st.session_state.get(DRAWN)
    if drawn is not None:
        params = {key: value for key, value in (drawn.params | values).items() if value is not None}
        st.session_state[DRAWN] = replace(drawn, params=params)


def stale() -> Drawn | None:
    """In a fragment run under another page than the one drawn last: the page drawn; else None."""
    ctx, drawn = get_script_run_ctx(), st.session_state.get(DRAWN)
    if ctx is None or drawn is None or not ctx.fragment_ids_this_run:
        return None
    return drawn if ctx.page_script_hash != drawn.page_hash else None


def keep_values() -> None:
    """Keep every value of Session State for the full run a switch made on the server starts (:func:`restore`
    puts them back there). That run's widgets get no values from the browser: they would start again from their
    defaults (the language back to English, the sentence box empty). The class's own values (``class_*``) are
    left alone: they take theirs from the class, not from this session.

    Not set here and now: a browser's rerun that arrives before the switch runs (a second stale timer) brings
    its widgets' values, and Streamlit then files what this run set as already known to the browser, which
    draws the box empty while the server computes with the sentence."""
    st.session_state[KEPT] = {key: value for key, value in st.session_state.items()
                              if not str(key).startswith("class_") and key not in (DRAWN, KEPT)}


def restore() -> None:
    """First thing in a full run (app.py): put back the values :func:`keep_values` kept, so that this run's
    widgets are drawn with them."""
    for key, value in st.session_state.pop(KEPT, {}).items():
        try:
            st.session_state[key] = value
        except Exception:  # a button or a form's submit button cannot be set; it starts unpressed anyway
            pass


def fragment(body: Callable, run_every: float | None = None, key: str | None = None) -> Callable:
    """``st.fragment(body, run_every=..., key=...)`` that redraws the page instead of running under a stale one.
    ``key`` names the fragment, so that a widget's callback can rerun it (``st.rerun([key, ...])``)."""

    @functools.wraps(body)  # the same name as ``body``: Streamlit's fragment id stays what it was
    def run(*args, **kwargs):
        drawn = stale()
        if drawn is not None:
            log.warning("a fragment ran under page %s after %s was drawn: drawing it again",
                        get_script_run_ctx().page_script_hash, drawn.path)
            keep_values()
            st.switch_page(drawn.path, query_params=drawn.params)
        return body(*args, **kwargs)

    return st.fragment(run, run_every=run_every, key=key)
