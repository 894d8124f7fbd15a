"""The pieces every page shares: language and presentation switches, notices, the page header."""
from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import quote, urlsplit, urlunsplit

# Streamlit imports pandas lazily, on a session's first table. When several sessions of a fresh server
# reach their first table at once, their script threads import it concurrently and one can see a half-
# initialised module ("partially initialized module 'pandas'"). Importing it here, inside this module's
# own import (which Python runs once, other threads waiting), takes that race away.
import pandas  # noqa: F401
import streamlit as st

from classroom.links import is_loopback
from rnn_core.text import script_of
from ui import linechart, matrices, state, wordmap
from ui.fragments import fragment
from ui.glossary import show_glossary
from ui.i18n import LANGUAGE_NAMES, LANGUAGES, t

PRESENTATION_CSS = """
<style>
html, body, [data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.3rem; }
h1 { font-size: 2.1rem !important; padding: 0 0 0.5rem 0 !important; }  /* room between the title and a label */
h2 { font-size: 2.1rem !important; } h3 { font-size: 1.7rem !important; padding: 0.2rem 0 !important; }
[data-testid="stCaptionContainer"] { font-size: 1.1rem; }
.block-container { padding: 3rem 1.5rem 2rem 1.5rem !important; max-width: 100%; }  /* with the title's 0.5rem */
[data-testid="stHeader"] { background: transparent; pointer-events: none; }  /* the title row's box shows whole */
[data-testid="stHeader"] button, [data-testid="stHeader"] a { pointer-events: auto; }
[data-testid="stVerticalBlock"] { gap: 0.4rem; }
[role="radiogroup"] { column-gap: 0.5em !important; }  /* tanh, ReLU, linear on one line in a fifth of the row */
[data-testid="stMetricLabel"] p { font-size: 20px !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] p { font-size: 30px !important; }
[data-testid="stMetricDelta"], [data-testid="stMetricDelta"] p { font-size: 17px !important; }
[data-testid="stMetric"] { padding: 0.5rem 0.7rem !important; }
.rnn-heat:not(.big), .rnn-chips:not(.big) { font-size: 17px; }  /* grids outside the main view (it sizes its own) */
[data-testid="stSliderThumbValue"] p, [data-testid="stSliderTickBar"] p { font-size: 1rem !important; }
[data-testid="stSliderThumbValue"] { top: auto !important; bottom: 100% !important; line-height: 1.2; }
[data-testid="stNumberInputField"], [data-testid="stTextInputRootElement"] input,
[data-testid="stTextAreaRootElement"] textarea, [data-testid="stSelectbox"] [data-baseweb="select"] > div {
  font-size: 1.1rem !important; }  /* a control's value read from the back of the room, near its label's size */
</style>
"""
KOREAN_CSS = """<style>
[data-testid="stMarkdownContainer"], [data-testid="stCaptionContainer"], [data-testid="stWidgetLabel"],
[data-testid="stAlertContentInfo"], [data-testid="stTable"], [data-testid="stHeading"], [data-testid="stText"],
[data-testid="stSidebarNav"], button, h1, h2, h3, p, li, .rnn-lines span { word-break: keep-all !important;
  overflow-wrap: break-word; }
</style>"""
FIT_CSS = """<style>
[data-testid="stSidebarNavLink"] .stMarkdownEllipsis p { white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; line-height: 1.35; }  /* a long lesson name wraps, not cut */
.katex-display { padding: 0 4px; }  /* an aligned formula's rows reach 2 px past its box (KaTeX's vlist), which
   made the box scroll sideways: a scrolling box a keyboard cannot reach (axe) */
@media (max-width: 640px) {  /* a phone: a wide table (the demo's limits) and the formulas fit the screen
                              instead of scrolling sideways (a scrolling box a keyboard cannot reach, says axe) */
  [data-testid="stTable"] table { font-size: 0.8rem; }
  [data-testid="stTable"] th, [data-testid="stTable"] td { padding: 0.25rem 0.3rem !important; }
  .katex-display > .katex { font-size: 1.05em; }  /* KaTeX's 1.21em: the gates' worked lines fit, with room */
}
@media (max-width: 640px) {  /* a phone: the stepper's row (ui.stepper) wraps instead of stacking five rows:
                              Previous and Next side by side, the step slider under them, then autoplay and speed */
  [class*="st-key-"][class*="_controls"] [data-testid="stHorizontalBlock"] { flex-flow: row wrap !important; }
  [class*="st-key-"][class*="_controls"] [data-testid="stColumn"] {
    flex: 1 1 calc(50% - 1rem) !important; min-width: calc(50% - 1rem) !important; }
  [class*="st-key-"][class*="_controls"] [data-testid="stColumn"]:nth-child(3) { order: -1; }
  [class*="st-key-"][class*="_controls"] [data-testid="stColumn"]:nth-child(1) { order: -2; }
  [class*="st-key-"][class*="_controls"] [data-testid="stColumn"]:nth-child(2) { flex-basis: 100% !important; order: 0; }
  [class*="st-key-"][class*="_controls"] [data-testid="stColumn"]:nth-child(n+4) { order: 1; }
}
@media (hover: none) {  /* a touch screen cannot move away to hide Plotly's toolbar, which covers legends */
  .js-plotly-plot .modebar-container { display: none !important; }
}
</style>"""
T = TypeVar("T")
MAIN_HEIGHT = 240  # px of a lesson's main figure when presenting, at least: with its controls, inside 1280x720
MAIN_MARGIN = 16  # px kept free under a presenting main_view


def browser_language() -> str:
    """'ko' when the browser prefers Korean, else 'en'."""
    try:
        locale = st.context.locale or ""
    except AttributeError:
        locale = ""
    return "ko" if locale.lower().startswith("ko") else "en"


def sidebar() -> None:
    """Language and presentation switches; both also live in the URL (?lang=ko, ?present=1)."""
    if "lang" not in st.session_state:
        url = st.query_params.get("lang")
        st.session_state.lang = url if url in LANGUAGES else browser_language()
        if url is not None and url not in LANGUAGES:
            st.session_state.setdefault("bad_params", set()).add("lang")
    state.init("present")
    with st.sidebar:
        st.radio(t("sidebar.language"), LANGUAGES, format_func=LANGUAGE_NAMES.get, key="lang", horizontal=True)
        st.toggle(t("sidebar.present"), key="present", help=t("sidebar.present_help"))
        show_glossary()  # one table of terms, both languages
    state.write(lang=st.session_state.lang, present=st.session_state.present)
    if st.session_state.lang == "ko":  # Korean wraps between words (어절), never inside one
        st.html(KOREAN_CSS)
    st.html(FIT_CSS + matrices.CSS + linechart.CSS + wordmap.CSS)
    if st.session_state.present:
        st.html(PRESENTATION_CSS)


def sentence_input(key: str, label: str, defaults: dict[str, str], where=st, help: str | None = None) -> str:
    """The learner's sentence box, shared by every lesson: starts from the URL (or the language's default),
    writes back to it, and returns the text cut to the one limit (state.MAX_TEXT)."""
    if key not in st.session_state:
        st.session_state[key] = state.cut(state.read("sentence") or defaults[st.session_state.get("lang", "en")])
    text = state.cut(where.text_input(label, key=key, max_chars=state.MAX_TEXT, help=help))
    state.write(sentence=text)
    other_language_note(key, text, defaults[st.session_state.get("lang", "en")], where)
    return text


def other_language_note(key: str, text: str, default: str, where=st) -> None:
    """Under a text box: a note when ``text`` is written in the other language than the page's models read
    (e.g. the language switched mid-lesson), with a button that puts the page language's ``default`` in."""
    lang = st.session_state.get("lang", "en")
    script = script_of(text)
    if script and script != lang:
        where.info(t("input.other_language", other=t(f"lang.{script}"), mine=t(f"lang.{lang}")),
                   icon=":material/translate:")
        where.button(t("input.use_default", mine=t(f"lang.{lang}")), key=f"{key}_default", on_click=_use_default,
                     args=(key, default), icon=":material/restart_alt:")


def _use_default(key: str, sentence: str) -> None:
    st.session_state[key] = sentence


def verdict_metric(where, label: str, verdict: str, p: float, help: str | None = None) -> None:
    """One model's verdict as a card: the verdict word, and p(positive) beneath it (demo, read-outs)."""
    where.metric(label, verdict, delta=f"{t('axis.p_positive')} = {p:.3f}", delta_color="off", delta_arrow="off",
                 border=True, help=help)


CHART_CONFIG = {"displaylogo": False}


def chart(figure, where=st, key: str | None = None, toolbar: bool = True, stretch: bool = False) -> None:
    """The one way a page draws a Plotly figure: full width, no Plotly logo; ``toolbar=False`` hides Plotly's
    zoom and camera buttons (a small chart they would cover, e.g. a class poll's counts). ``stretch=True``: the
    figure's height is a minimum and it grows to fill its main_view (presentation mode: see main_view)."""
    config = CHART_CONFIG if toolbar else CHART_CONFIG | {"displayModeBar": False}
    where.plotly_chart(figure, width="stretch", height="stretch" if stretch else "content", config=config, key=key)


def heatmap(M, row_labels, highlight: int | None, x_title: str, y_title: str, value_name: str = "h",
            signed: bool = True, big: bool = False, limits: tuple[float, float] | None = None,
            stretch: bool = False, upto: int | None = None, column: int | None = None, across: bool = False,
            name: str | None = None) -> None:
    """The one way a page draws a value per time step and unit, M (T, D): an HTML grid (ui.matrices.heatmap) up to
    matrices.HEAT_CELLS cells, which a step redraws in milliseconds where a Plotly chart mounts again; a Plotly
    heatmap (ui.figures.time_by_unit) beyond. ``stretch``: when presenting, it fills its main_view. ``upto``: only
    the first rows are filled (the grid keeps every row; the chart shows only those). ``column``: a unit framed in
    the grid. ``across``: the steps run across, each column headed by its token, the units down (a long sequence
    of a few units: lesson 8's tasks), always as a grid (its colours one picture when no number fits in a cell).
    ``name`` (a grid a step redraws, all rows filled): the grid's HTML stays the same from step to step, so the
    browser keeps it, and the step's row is framed by a style of its own (matrices.row_frame)."""
    from ui import figures

    limits = limits if limits is not None else ((-1.0, 1.0) if signed else (0.0, 1.0))
    if across:
        units = [str(d + 1) for d in range(M.shape[1])]
        st.html(matrices.heatmap(M.T, units, None, y_title, x_title, value_name, limits, signed, numbered=False,
                                 column_labels=row_labels))
    elif M.size <= matrices.HEAT_CELLS:
        framed = name is not None and upto is None  # the step's row framed by a style: the grid stays the same
        st.html(matrices.heatmap(M, row_labels, None if framed else highlight, x_title, y_title, value_name, limits,
                                 signed, big and stretch, upto, column, name=name if framed else None))
        if framed and highlight is not None:
            st.html(matrices.row_frame(name, M.shape[1], highlight, column))
    else:
        rows = len(row_labels) if upto is None else upto
        chart(figures.time_by_unit(M[:rows], row_labels[:rows], highlight, x_title, y_title, value_name, signed, big,
                                   main_height(big) if stretch else None, limits), stretch=big and stretch)


KEPT_ON_RESET = ("lang", "present", "class")  # URL keys a reset leaves alone: language, projector, the live class


def view_link(url_path: str) -> str:
    """The link to exactly this view, on the address students can reach (RNNLAB_PUBLIC_URL, else the one this
    browser used). Only the characters a URL reserves are escaped, and a space is a +, so a sentence (Korean too)
    stays readable on the projector."""
    base = urlsplit(os.environ.get("RNNLAB_PUBLIC_URL") or st.context.url or "http://localhost:8501")
    prefix = base.path.rstrip("/") if os.environ.get("RNNLAB_PUBLIC_URL") else ""
    query = "&".join(f"{k}={_escape(str(st.query_params[k]))}" for k in st.query_params)
    return urlunsplit((base.scheme, base.netloc, f"{prefix}/{url_path}", query, ""))


def _escape(value: str) -> str:
    """A query value as a form encodes it (a space is +; Streamlit reads it back with parse_qs): %-escape what it
    must not hold raw (%, &, =, #, +, ?, controls); keep the rest."""
    return "".join("+" if c == " " else c if c.isprintable() and c not in "%&=#+?" else quote(c, safe="")
                   for c in value)


LINK = "share_link"  # the sidebar link box's fragment: a control in a fragment reruns it too (follow)
LINK_TIMER = "share_link_timer"  # set by a full run whose timer moves the URL (autoplay): the box redraws each second


def follow(*fragments: str) -> None:
    """A widget's callback in a fragment that writes the URL: rerun that fragment and the sidebar's link box,
    nothing else, so the link follows Next, the step slider and lesson 8's settings at once."""
    st.rerun([*fragments, LINK])


def share_link(url_path: str) -> None:
    """The sidebar's link to this view, with a copy button and a QR code. A control in a fragment redraws it with
    its own fragment (follow); while autoplay moves the step it also redraws itself every second. Not timed for a
    student in a live class: the teacher's view is theirs, and one timed fragment less keeps a page switch from
    meeting a stale redraw. (A timer on every page made about one step in twenty wait a second: a step and the
    box's redraw met on the server.)"""
    following = st.session_state.get("class_member") is not None  # a student in a class follows the teacher's link
    timed = st.session_state.pop(LINK_TIMER, False) and not following
    with st.sidebar:
        fragment(_link_box, run_every=1.0 if timed else None, key=LINK)(url_path)
        st.button(t("sidebar.reset"), icon=":material/restart_alt:", on_click=reset_to_defaults, width="stretch",
                  help=t("sidebar.reset_help"))


def _link_box(url_path: str) -> None:
    link = view_link(url_path)
    st.caption(t("sidebar.link"))
    st.code(link, language=None, wrap_lines=True)
    if is_loopback(urlsplit(link).hostname or ""):  # the same warning as the class's join link
        st.caption(t("class.local_link"))
    # drawn only while open: each typed sentence is a new link, and its QR code cost more than the page's own run
    with st.popover(t("sidebar.qr"), icon=":material/qr_code_2:", width="stretch", key="share_qr",
                    on_change="rerun") as box:
        if box.open:
            picture = _qr(link)
            if picture is None:
                st.info(t("sidebar.qr_too_long", n=QR_MAX_CHARS))
            else:
                st.image(picture, caption=t("sidebar.qr_caption"))


QR_MAX_CHARS = 600  # a longer link makes a QR code too dense for a phone to read off a projector


@st.cache_data(max_entries=256, show_spinner=False)
def _qr(link: str) -> bytes | None:
    """PNG of the link's QR code (drawn by segno), once per link; None when the link is too long for one."""
    from classroom.links import qr_png

    return qr_png(link, scale=6) if len(link) <= QR_MAX_CHARS else None


def reset_to_defaults() -> None:
    """Every control of every lesson back to its default: the URL keeps only language, projector and class."""
    for key in list(st.query_params):
        if key not in KEPT_ON_RESET:
            del st.query_params[key]
    for key in list(st.session_state):
        if key not in KEPT_ON_RESET and not str(key).startswith("class"):
            del st.session_state[key]


def client_id() -> str:
    """This browser session's id: who asked for a piece of shared work (a training, a class answer)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx.session_id if ctx else "script"


def presenting() -> bool:
    return bool(st.session_state.get("present", False))


def picker(where, label: str, options, **kwargs):
    """A choice among a few options, drawn in ``where`` (a column, or st): a row of radio buttons, or a
    one-line select box when presenting (a projector has no room for a wrapped row)."""
    if presenting():
        return where.selectbox(label, options, **kwargs)
    return where.radio(label, options, horizontal=True, **kwargs)


def lesson_header(title: str, intro: str | None, beside: Callable[[], T] | None = None) -> tuple[object, T | None]:
    """A lesson's title, a place for notices, its opening paragraph and ``beside()`` (e.g. the sentence box).

    Returns (the notices container, what ``beside`` returned). When presenting, all sit in one row, the
    paragraph folded into an expander, so the main figure fits on the screen.
    """
    if not presenting():
        st.title(title)
        notices = st.container()
        if intro:
            st.write(intro)
        return notices, beside() if beside else None
    left, middle, right = st.columns([3, 3, 2] if beside else [3, 0.01, 2], vertical_alignment="bottom")
    left.title(title)
    with middle:
        drawn = beside() if beside else None
    if intro:
        with right.expander(t("present.about")):
            st.write(intro)
    return st.container(), drawn


def main_view(variant: str = "", above: int = 0):
    """The container of a lesson's main figure and its step controls.

    When presenting it reaches down to the window's bottom edge: its height is the window's less ``above``
    (px from the window's top to the container: the lesson's title and controls, measured at 1280x720) and a
    small margin, never less than its content; the main figure, drawn with ``chart(..., stretch=True)``, takes
    what its controls leave. Its key, ``main_view`` (``main_view_<variant>`` for a second view, e.g. a second
    tab), is what the browser tests measure.
    """
    key = f"main_view_{variant}" if variant else "main_view"
    view = st.container(key=key)
    if presenting() and above:
        view.html(f"<style>.st-key-{key} {{ height: calc(100vh - {above + MAIN_MARGIN}px) !important; "
                  "min-height: min-content !important; flex: none !important; } "
                  f'.st-key-{key} > :not(:has([data-testid="stPlotlyChart"])) {{ flex-shrink: 0; }}</style>')
        # the controls keep their size: only the part that holds the figure gives or takes room
    return view


def main_height(big: bool) -> int | None:
    """The main figure's height when presenting (its least: main_view stretches it); None lets it size itself."""
    return MAIN_HEIGHT if big else None


def code(text) -> str:
    """``text`` as an inline code span that is safe inside a Markdown table cell (no backtick, no cell break).
    Code spans keep technical names and a model's own tokens as they are, in both languages."""
    return "`" + str(text).replace("`", "'").replace("|", "/").replace("\n", " ") + "`"


def markdown_table(header: tuple[str, ...], rows) -> str:
    """A Markdown table of ``rows`` (tuples of cell texts, already escaped or code spans) under ``header``."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join([*lines, *("| " + " | ".join(map(str, row)) + " |" for row in rows)])


def show_param_notices(area=None) -> None:
    """One short notice per URL value that could not be used, in ``area`` (a container) or here."""
    for key in state.pop_bad_params():
        (area or st).info(t("notice.bad_param", name=key), icon=":material/link:")
