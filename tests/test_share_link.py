"""The sidebar's link follows every step, reads well in Korean, uses the public address, and a reset works."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.test_app_pages import APP, open_app
from ui.i18n import STRINGS


def link_of(at) -> str:
    return next(c.value for c in at.sidebar.code if "://" in c.value)


def test_the_link_follows_next_and_keeps_korean_readable():
    at = open_app("lessons/hidden_state.py", lang="ko", sentence="그 영화 정말 재밌다")
    assert "sentence=그 영화" not in link_of(at) and "sentence=그+영화+정말+재밌다" in link_of(at)
    at.button(key="step_next").click().run()
    assert "step=2" in link_of(at)
    at.button(key="step_next").click().run()
    assert "step=3" in link_of(at) and "step=2" not in link_of(at)


def test_the_link_reads_back_as_the_same_values():
    """A space is a +, a + or % typed is escaped: the query parsed as Streamlit parses it gives every value back."""
    from urllib.parse import parse_qs, urlsplit
    sentence = "1 + 1 = 2 & 50% off? #yes 그 영화"
    at = open_app("lessons/hidden_state.py", sentence=sentence)
    query = urlsplit(link_of(at)).query
    assert "%20" not in query and parse_qs(query)["sentence"] == [sentence]


def test_the_link_uses_the_public_address(monkeypatch):
    monkeypatch.setenv("RNNLAB_PUBLIC_URL", "https://rnn.school.example/lab/")
    at = open_app("lessons/hidden_state.py")
    assert link_of(at).startswith("https://rnn.school.example/lab/hidden-state?")
    assert "localhost" not in link_of(at) and "127.0.0.1" not in link_of(at)
    assert STRINGS["class.local_link"][0] not in [c.value for c in at.sidebar.caption]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_link_on_this_computer_only_says_so(monkeypatch, lang):
    """A teacher who opened the app at 127.0.0.1 learns that the students' phones cannot open that link."""
    monkeypatch.delenv("RNNLAB_PUBLIC_URL", raising=False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.context = {"url": "http://127.0.0.1:8501/hidden-state"}
    at.query_params["lang"] = lang
    at.run()
    assert link_of(at).startswith("http://127.0.0.1:8501/")
    assert STRINGS["class.local_link"][lang == "ko"] in [c.value for c in at.sidebar.caption]


def test_reset_brings_every_control_back():
    at = open_app("lessons/hidden_state.py", d="7", units="6", lang="ko")
    assert at.slider(key="step_d").value == 7
    next(b for b in at.sidebar.button if "기본값" in b.label).click().run()
    assert not at.exception
    assert at.slider(key="step_d").value == 4 and at.slider(key="step_units").value == 3
    assert "d" not in at.query_params and at.query_params["lang"] in ("ko", ["ko"])


def test_the_qr_code_is_drawn_only_while_its_box_is_open():
    """Each typed sentence is a new link: its QR code is computed when the teacher opens the box, not on every run."""
    at = open_app("lessons/live_demo.py", sentence="a warm and funny story")
    caption = STRINGS["sidebar.qr_caption"][0]
    assert not at.exception and not [image for image in at.get("image") if caption in image.captions]
    at.session_state["share_qr"] = True  # the box opened
    at.run()
    assert len([image for image in at.get("image") if caption in image.captions]) == 1


def test_a_link_too_long_for_a_qr_code_says_so():
    at = open_app("lessons/live_demo.py", sentence="great movie " * 160)
    assert not at.exception
    at.session_state["share_qr"] = True
    at.run()
    assert any("too dense for a QR code" in str(i.value) for i in at.sidebar.info)
