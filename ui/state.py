"""One table drives the URL state: each key with its type, default and allowed values.

A page reads its controls' starting values through ``read`` and writes the learner's
choices back with ``write``, so a link reproduces the view. Malformed or out-of-range
values fall back to the default and leave a short notice; nothing in a URL can break a page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import streamlit as st

from ui import fragments

MAX_TEXT = 2000  # characters of a learner's text, the one limit: URL, every text box, every computation
MAX_TOKENS = 400  # tokens any lesson reads from one text (the longest model, en-lstm, reads 400)


def cut(text: str) -> str:
    """The learner's text as every lesson uses it: at most MAX_TEXT characters."""
    return text[:MAX_TEXT]


@dataclass(frozen=True)
class Param:
    kind: type  # int, float, str or bool
    default: object
    low: float | None = None  # for numbers: inclusive range
    high: float | None = None
    choices: tuple | None = None  # for str: allowed values (None: free text)
    pattern: str | None = None  # for str: a regular expression the whole value must match

    def parse(self, raw: str):
        """The value in ``raw``, or raise ValueError."""
        if self.kind is bool:
            if raw not in ("0", "1", "true", "false"):
                raise ValueError(raw)
            return raw in ("1", "true")
        if self.kind in (int, float):
            value = self.kind(raw)
            if not self.low <= value <= self.high:
                raise ValueError(raw)
            return value
        if self.choices is not None and raw not in self.choices:
            raise ValueError(raw)
        if self.pattern is not None and not re.fullmatch(self.pattern, raw):
            raise ValueError(raw)
        if len(raw) > MAX_TEXT:
            raise ValueError("too long")
        return raw


PARAMS: dict[str, Param] = {
    "lang": Param(str, "en", choices=("en", "ko")),
    "present": Param(bool, False),
    "sentence": Param(str, ""),
    "d": Param(int, 4, 1, 8),
    "units": Param(int, 3, 1, 8),
    "seed": Param(int, 0, 0, 9999),
    "step": Param(int, 1, 1, MAX_TOKENS),
    "init": Param(str, "centred", choices=("centred", "notes")),
    "model": Param(str, "lstm", choices=("rnn", "lstm", "gru")),
    "rho": Param(float, 0.9, 0.1, 3.0),
    "act": Param(str, "tanh", choices=("tanh", "relu", "linear")),
    "steps": Param(int, 60, 5, 300),
    "gunits": Param(int, 8, 2, 32),
    "k": Param(int, 5, 1, 299),
    "maxlen": Param(int, 10, 1, 40),
    "padding": Param(str, "pre", choices=("pre", "post")),
    "truncating": Param(str, "pre", choices=("pre", "post")),
    # lesson 8 (lessons/playground.py), with "seed" above: the run a link reproduces
    "ptask": Param(str, "memory", choices=("memory", "adding", "parity", "next")),
    "pcell": Param(str, "lstm", choices=("rnn", "lstm", "gru")),
    "punits": Param(int, 16, 1, 32),
    "plen": Param(int, 50, 2, 60),
    "plr": Param(str, "0.01", choices=("0.001", "0.003", "0.01", "0.03", "0.1")),
    "pclip": Param(bool, True),
    "pmax": Param(float, 1.0, 0.1, 10.0),
    # a live class's join code (classroom.codes: 8 of 23456789ABCDEFGHJKLMNPQRSTUVWXYZ, any case, one dash)
    "class": Param(str, "", pattern=r"(?i)[2-9A-HJ-NP-Z]{4}-?[2-9A-HJ-NP-Z]{4}"),
}


def read(key: str):
    """The URL's value of ``key`` if it is valid, else the default (with a notice for the learner)."""
    param = PARAMS[key]
    raw = st.query_params.get(key)
    if raw is None:
        return param.default
    try:
        return param.parse(raw)
    except (ValueError, TypeError):
        st.session_state.setdefault("bad_params", set()).add(key)
        return param.default


def init(widget_key: str, url_key: str | None = None) -> None:
    """Give a widget its starting value from the URL, once per session (the widget owns it afterwards)."""
    if widget_key not in st.session_state:
        st.session_state[widget_key] = read(url_key or widget_key)


WRITTEN = "url_written"  # session key: {URL key: its new text, or None once removed} since a live class read it
AFTER_WRITE = "url_after_write"  # session key: a function called after write() changed the URL (a live class)


def write(**values) -> None:
    """Put the learner's current choices in the URL (defaults are left out to keep links short).

    Each change is also noted under ``st.session_state[WRITTEN]``, then ``st.session_state[AFTER_WRITE]()`` is
    called if set: a teacher's live class publishes what was written (ui.classroom), at once, even from a
    fragment's rerun (the stepper), whose copy of the URL may be stale.
    """
    written = st.session_state.setdefault(WRITTEN, {})
    now: dict[str, str | None] = {}
    for key, value in values.items():
        param = PARAMS[key]
        text = str(int(value)) if param.kind is bool else str(value)
        if value == param.default and key != "lang":
            if key in st.query_params:
                del st.query_params[key]
                written[key] = now[key] = None
        elif st.query_params.get(key) != text:
            st.query_params[key] = text
            written[key] = now[key] = text
    if now:
        fragments.wrote(now)
    hook = st.session_state.get(AFTER_WRITE)
    if now and hook is not None:
        hook()


def pop_bad_params() -> list[str]:
    """Keys whose URL values were unusable since the last call."""
    return sorted(st.session_state.pop("bad_params", set()))
