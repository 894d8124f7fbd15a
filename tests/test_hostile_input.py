"""Property-based: anything typed into any text box, and anything in any URL parameter, of every page.

Hypothesis draws any Unicode (controls, emoji, mixed scripts, right-to-left), huge sizes, HTML and
script payloads, numbers out of range and values of the wrong type. The page must run without an
exception box, never put the text into HTML, and still answer the next, ordinary input.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from tests.test_app_pages import open_app
from ui.pages import PAGES
from ui.state import PARAMS

PAYLOADS = ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "</div><b>bold</b>", "{t}", "%s",
            "' OR 1=1 --", "\x00\x1b[31m\u202e", "🙂" * 50, "가" * 5000, "word " * 12_000]
TEXT = st.one_of(st.text(max_size=300), st.sampled_from(PAYLOADS),
                 st.lists(st.sampled_from(["the", "영화", "not", "🙂", "<b>", "\n", "   ", "ﬁ", "é"]),
                          max_size=60).map("".join))
NUMBERISH = st.one_of(st.integers(-10**12, 10**12).map(str), st.floats(allow_nan=True).map(str),
                      st.sampled_from(["", "1e999", "-0", "0x10", "nan", "inf", "true", "[]", "１２"]))
PARAM_VALUES = st.one_of(TEXT, NUMBERISH)
TEXT_BOXES = {  # page: (widget kind, key)
    "lessons/text_to_vectors.py": [("text_area", "text_lines")],
    "lessons/embeddings.py": [("text_input", "emb_sentence"), ("text_input", "emb_query")],
    "lessons/hidden_state.py": [("text_input", "step_sentence")],
    "lessons/unrolled.py": [("text_input", "unroll_sentence"), ("text_input", "lm_prefix")],
    "lessons/gradients.py": [("text_input", "grad_sentence")],
    "lessons/gates.py": [("text_input", "gates_sentence")],
    "lessons/live_demo.py": [("text_area", "demo_text")],
}
SETTINGS = settings(max_examples=12, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def assert_safe(at: AppTest, text: str) -> None:
    assert not at.exception, at.exception[0].value
    for element in at.markdown:  # the only elements that could carry HTML
        if element.allow_html:
            assert text.strip() == "" or text not in element.value


@pytest.mark.parametrize("page,kind,key", [(p, k, key) for p, boxes in TEXT_BOXES.items() for k, key in boxes])
def test_any_text_in_any_box(page, kind, key):
    at = open_app(page)

    @SETTINGS
    @given(text=TEXT)
    def typed(text):
        getattr(at, kind)(key=key).set_value(text).run()
        assert_safe(at, text)

    typed()
    getattr(at, kind)(key=key).set_value("the movie was not fun").run()  # and the page still answers
    assert not at.exception


@pytest.mark.parametrize("page", [p.path for p in PAGES])
def test_any_url_parameters(page):
    @settings(SETTINGS, max_examples=8)
    @given(params=st.dictionaries(st.sampled_from([*PARAMS, "junk", ""]), PARAM_VALUES, max_size=5))
    def linked(params):
        at = open_app(page, **params)  # fails, like assert_safe, on an exception box
        assert_safe(at, params.get("sentence", ""))

    linked()


def test_the_checks_can_fail():
    """assert_safe notices an exception box: a page that raises does not pass."""
    at = AppTest.from_string("raise ValueError('boom')")
    at.run()
    with pytest.raises(AssertionError):
        assert_safe(at, "x")
