"""The live demo headless: verdicts in both languages, hostile text, and damaged model files."""
from __future__ import annotations

import html
import re
import shutil

import pytest

from rnn_core.assets import ASSETS
from rnn_core.text import tokenize
from tests.test_app_pages import open_app, texts

DEMO = "lessons/live_demo.py"


def type_text(at, text: str):
    at.text_area(key="demo_text").set_value(text).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang,sentence,verdict", [("en", "the movie was not fun.", "Negative"),
                                                   ("en", "not bad at all", "Positive"),
                                                   ("ko", "영화가 정말 재밌어요", "긍정")])
def test_verdicts_and_explanations(lang, sentence, verdict):
    at = open_app(DEMO, lang=lang, sentence=sentence)
    metrics = at.metric
    morphemes = ["LSTM · ko-lstm-morphemes"] if lang == "ko" else []  # Korean: the morpheme LSTM below them
    assert [m.label for m in metrics] == ["SimpleRNN", "LSTM", "GRU", *morphemes]
    assert verdict in metrics[1].value
    assert not at.get("plotly_chart")  # the build-up as lines, the pushes as bars, the tokens as chips (HTML)
    tokens = tokenize(sentence, "words" if lang == "en" else "syllables")
    chips = next(h.proto.body for h in at.get("html") if h.proto.body.startswith('<div class="rnn-chips'))
    assert re.findall(r'<span title="\d+\. ([^"]*) · id', chips) == [html.escape(w) for w in tokens]
    bars = next(h.proto.body for h in at.get("html") if h.proto.body.startswith('<div class="rnn-bars'))
    assert bars.count('class="track"') == len(tokens)
    assert "Keras" in texts(at)


def test_example_picker_fills_the_text():
    at = open_app(DEMO)
    at.selectbox(key="demo_example").set_value("not bad at all").run()
    assert at.text_area(key="demo_text").value == "not bad at all"


def test_model_switch_and_url():
    at = open_app(DEMO, model="gru")
    assert at.radio(key="demo_model").value == "gru"
    at.radio(key="demo_model").set_value("rnn").run()
    assert not at.exception


@pytest.mark.parametrize("text,message", [
    ("", "Type a sentence"), ("   \n\t ", "Type a sentence"),
    ("🙂🙂🙂 ✨", "No tokens could be read"), ("\x00\x01\x02", "No tokens could be read"),
    ("영화가 정말 재밌어요", "looks like Korean"), ("qzxv wqpt zzkk", "vocabulary"),
    ("great movie " * 4200, "cut to its first"),
])
def test_bad_input_gets_a_clear_message(text, message):
    at = type_text(open_app(DEMO, lang="en"), text)
    assert message in texts(at)


def test_html_stays_text():
    at = type_text(open_app(DEMO), "<b>bold</b><script>alert(1)</script> loved it")
    assert "LSTM" in [m.label for m in at.metric]
    assert "<b>" not in texts(at)  # the tokens table holds plain tokens, nothing is rendered as HTML


def test_english_text_with_korean_models_warns_in_korean():
    at = open_app(DEMO, lang="ko")
    at.radio(key="demo_lang").set_value("ko").run()
    type_text(at, "what a great movie")
    assert "텍스트로 보이는데" in texts(at)


@pytest.fixture
def model_copy(tmp_path, monkeypatch):
    for f in ASSETS.iterdir():
        shutil.copy(f, tmp_path / f.name)
    monkeypatch.setenv("RNNLAB_MODELS", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize("damage", ["missing", "truncated", "tampered", "bad card"])
def test_damaged_model_file_is_reported_and_the_rest_works(model_copy, damage):
    target = model_copy / "en-gru.keras"
    if damage == "missing":
        target.unlink()
    elif damage == "truncated":
        target.write_bytes(target.read_bytes()[:1000])
    elif damage == "tampered":
        data = bytearray(target.read_bytes())
        data[len(data) // 2] ^= 0xFF
        target.write_bytes(bytes(data))
    else:
        (model_copy / "en-gru.json").write_text("{not json", encoding="utf-8")
    at = open_app(DEMO, lang="en", sentence="a wonderful film")
    assert "en-gru model cannot be used" in texts(at)
    assert [m.label for m in at.metric] == ["SimpleRNN", "LSTM"]
    at.switch_page("lessons/hidden_state.py").run()
    assert not at.exception and at.title[0].value == "One step of an RNN"
    shutil.copy(ASSETS / target.name, target)  # once the file is right again, the next request recovers
    shutil.copy(ASSETS / "en-gru.json", model_copy / "en-gru.json")
    at.switch_page(DEMO).run()
    assert [m.label for m in at.metric] == ["SimpleRNN", "LSTM", "GRU"]
