"""Guided steps: Previous / Next, a step slider, autoplay and a counter a class can read from the back row.

Lessons that unfold over time (the unrolled RNN, gradients going back, the gates word by word) share
this one control. The controls and what a step draws run in one fragment, so while autoplay is on only
that part of the page reruns, once per tick.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from contextlib import nullcontext

import numpy as np
import streamlit as st

from ui import state
from ui.fragments import fragment
from ui.i18n import t
from ui.layout import LINK_TIMER, follow, presenting


def stepper(key: str, labels: Sequence[str], draw: Callable[[int], None], url_key: str | None = None,
            frame: Callable | None = None, then: Callable[[int], None] | None = None) -> int:
    """Step through len(labels) steps, numbered from 1, each named on the slider by its label.

    ``draw(step)`` draws the step's main figure, inside ``frame()`` (a container, e.g. layout.main_view)
    with the controls; ``then(step)`` draws what follows below it. ``key`` prefixes the session keys
    (``{key}_t`` holds the step); ``url_key`` keeps the step in the URL. Returns the step of this full run.
    """
    count = len(labels)
    if url_key:
        state.init(f"{key}_t", url_key)  # once per session: the widget owns the value afterwards
    st.session_state[f"{key}_t"] = int(np.clip(st.session_state.get(f"{key}_t", 1), 1, max(count, 1)))
    st.session_state.setdefault(f"{key}_speed", 1.0)
    playing = bool(st.session_state.get(f"{key}_playing")) and count > 1
    every = st.session_state[f"{key}_speed"] if playing else None
    if playing and url_key:
        st.session_state[LINK_TIMER] = True  # the sidebar's link follows the autoplay's steps
    fragment(_steps, run_every=every, key=f"{key}_steps")(key, labels, draw, url_key, frame, then, playing)
    return st.session_state[f"{key}_t"]


def numbered(words: Sequence[str]) -> list[str]:
    """Step labels for a sentence: '1 · the', '2 · movie', ..."""
    return [f"{k} · {w}" for k, w in enumerate(words, start=1)]


def _move(key: str, delta: int, count: int) -> None:
    st.session_state[f"{key}_t"] = int(np.clip(st.session_state[f"{key}_t"] + delta, 1, count))


def _follow(key: str) -> None:
    """A step moved by hand (the slider, or Previous and Next): its fragment and the sidebar's link redraw. Not
    while autoplay plays: the box follows by its timer then, and a rerun of named fragments there made the
    browser's own, older value of the slider come back (the step went 2, 3, 2, 3)."""
    if not st.session_state.get(f"{key}_playing"):
        follow(f"{key}_steps")


def _moved(key: str, delta: int) -> None:
    """Previous or Next: the fragment moves the step before it draws the slider (a value a callback sets is not
    sent to the slider on a rerun of named fragments; one set before the slider is)."""
    st.session_state[f"{key}_delta"] = delta
    _follow(key)


def _steps(key: str, labels: Sequence[str], draw: Callable[[int], None], url_key: str | None,
           frame: Callable | None, then: Callable[[int], None] | None, playing: bool) -> None:
    count = len(labels)
    now = time.monotonic()
    _move(key, st.session_state.pop(f"{key}_delta", 0), count)  # Previous or Next (_moved)
    if playing and now - st.session_state.get(f"{key}_tick", 0.0) >= 0.8 * st.session_state[f"{key}_speed"]:
        st.session_state[f"{key}_tick"] = now
        if st.session_state[f"{key}_t"] >= count:
            st.session_state[f"{key}_playing"] = False  # the end: stop the timer with a full rerun
            st.rerun()
        _move(key, 1, count)
    with frame() if frame else nullcontext():
        step = _controls(key, labels, url_key, playing)
        draw(step)
    if then:
        then(step)


def _controls(key: str, labels: Sequence[str], url_key: str | None, playing: bool) -> int:
    """Previous, the step slider, Next, autoplay and its speed; returns the step."""
    count = len(labels)
    with st.container(key=f"{key}_controls"):
        prev, slider, nxt, auto, speed_col = st.columns([2, 4.6, 1.6, 1.9, 2], vertical_alignment="bottom")
        prev.button(t("steps.prev"), on_click=_moved, args=(key, -1), width="stretch",
                    disabled=st.session_state[f"{key}_t"] <= 1, key=f"{key}_prev")
        nxt.button(t("steps.next"), on_click=_moved, args=(key, 1), width="stretch",
                   disabled=st.session_state[f"{key}_t"] >= count, key=f"{key}_next")
        labelled = "collapsed" if presenting() else "visible"  # a projector: the row is shorter, the values speak
        step = slider.select_slider(t("steps.step"), list(range(1, count + 1)), key=f"{key}_t",
                                    format_func=lambda k: labels[k - 1], label_visibility=labelled,
                                    on_change=_follow, args=(key,)) if count > 1 else 1
        on = auto.toggle(t("steps.autoplay"), key=f"{key}_playing", disabled=count < 2)
        speed = speed_col.slider(t("steps.speed"), 0.3, 3.0, step=0.1, key=f"{key}_speed",
                                 format=t("steps.speed_format"), label_visibility=labelled)
    if on != playing or (playing and speed != st.session_state.get(f"{key}_speed_used", speed)):
        st.session_state[f"{key}_speed_used"] = speed
        st.rerun()  # the timer is set on a full run: start, stop or retime it
    st.session_state[f"{key}_speed_used"] = speed
    if url_key:
        state.write(**{url_key: step})
    return step
