"""A sentence in the other language than the page's models is named as such, with the page language's example one
tap away; the check fails when the notice is missing or shown for a sentence in the right language."""
from __future__ import annotations

import pytest

from rnn_core.text import script_of
from tests.test_app_pages import open_app, texts
from ui.i18n import STRINGS

NOTICE = {"en": STRINGS["input.other_language"][0].split(",")[0].split("{")[0],
          "ko": STRINGS["input.other_language"][1].split("{")[0]}


@pytest.mark.parametrize("text,script", [("the movie was fun", "en"), ("영화가 재밌다", "ko"), ("영화 was 최고", "ko"), ("the film 영화", "en"),
                                         ("🙂 123 !!", None), ("", None), ("ㅋㅋㅋ good", "en"), ("ㅋㅋㅋㅋ ok", "ko")])
def test_script_of(text, script):
    assert script_of(text) == script


@pytest.mark.parametrize("page", ["lessons/hidden_state.py", "lessons/unrolled.py", "lessons/gates.py"])
def test_an_english_sentence_on_a_korean_page_is_named_and_replaced(page):
    at = open_app(page, lang="ko", sentence="the movie was not fun")
    assert NOTICE["ko"] in texts(at)
    button = next(b for b in at.button if b.key and b.key.endswith("_default"))
    at.session_state["lang"] = "ko"  # AppTest reruns a switched-to page without app.py's sidebar, which holds it
    button.click().run()
    assert not at.exception
    assert "이 문장은" not in texts(at) and any("단원" in x or "시점" in x for x in [texts(at)])  # Korean, no notice


@pytest.mark.parametrize("lang,text", [("ko", "영화가 정말 재밌어요"), ("en", "the movie was not fun")])
def test_a_sentence_in_the_pages_language_gets_no_notice(lang, text):
    at = open_app("lessons/hidden_state.py", lang=lang, sentence=text)
    assert NOTICE["ko"] not in texts(at) and NOTICE["en"] not in texts(at)
    assert not [b for b in at.button if b.key and b.key.endswith("_default")]


def test_a_korean_sentence_on_an_english_page_is_named():
    at = open_app("lessons/hidden_state.py", lang="en", sentence="영화가 정말 재밌어요")
    assert NOTICE["en"] in texts(at)


@pytest.mark.parametrize("key", ["lm_prefix_ko", "lm_first_ko", "lm_second_ko"])
def test_an_english_prefix_in_a_korean_language_model_box_is_named_and_replaced(key):
    at = open_app("lessons/unrolled.py", lang="ko")
    assert NOTICE["ko"] not in texts(at)  # the Korean examples
    at.session_state[key] = "the movie is"
    at.session_state["lang"] = "ko"  # AppTest reruns a switched-to page without app.py's sidebar, which holds it
    at.run()
    assert NOTICE["ko"] in texts(at)
    at.session_state["lang"] = "ko"
    at.button(key=f"{key}_default").click().run()
    assert not at.exception
    assert script_of(at.text_input(key=key).value) == "ko"  # the Korean example is back in the box
