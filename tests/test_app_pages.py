"""Every page headless with Streamlit's AppTest, in both languages, with hostile widget and URL values."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from ui.i18n import STRINGS
from ui.pages import PAGES

APP = str(ROOT / "app.py")


def open_app(page: str | None = None, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    parts = [*at.markdown, *at.info, *at.warning, *at.error, *at.caption, *at.title, *at.header, *at.subheader,
             *at.success]
    return "\n".join(str(e.value) for e in parts)


@pytest.mark.parametrize("lang,word", [("en", "Course map"), ("ko", "전체 단원")])
def test_home_in_both_languages(lang, word):
    at = open_app(lang=lang)
    assert word in texts(at)
    assert at.query_params["lang"] == [lang] or at.query_params["lang"] == lang


@pytest.mark.parametrize("lang,title", [("en", "One step of an RNN"), ("ko", "RNN 한 시점의 계산")])
def test_hidden_state_in_both_languages(lang, title):
    at = open_app("lessons/hidden_state.py", lang=lang)
    assert at.title[0].value == title
    assert len(at.get("plotly_chart")) == 0  # the equation and the states of every step are HTML grids:
    assert html_figures(at) == ["rnn-eq", "rnn-heat"]


def html_figures(at: AppTest) -> list[str]:
    """The class of each figure drawn as HTML (ui.matrices: rnn-eq, rnn-heat, rnn-belt, ...), in page order."""
    return [re.match(r'<div class="(rnn-\w+)', h.proto.body).group(1) for h in at.get("html")
            if h.proto.body.startswith('<div class="rnn-')]


def equation_panels(at: AppTest) -> dict[str, list[str]]:
    """Lesson 3's HTML equation: each panel's name (the caption's first word) and the numbers in its cells."""
    body = next(h.proto.body for h in at.get("html") if h.proto.body.startswith('<div class="rnn-eq'))
    figures = re.findall(r"<figcaption>(.*?) <span.*?</figcaption>(.*?)</figure>", body)
    return {name: re.findall(r'">([^<]*)</span>', cells) for name, cells in figures}


def test_the_first_step_has_no_earlier_state():
    """The caption's claim: at t = 1, h_0 is all zeros (and from t = 2 on, h_{t-1} is the state before)."""
    at = open_app("lessons/hidden_state.py", step="1")
    assert "h_0 is all zeros" in texts(at)
    assert set(equation_panels(at)["h<sub>t−1</sub>"]) == {"0.00"}
    at.button(key="step_next").click().run()
    assert set(equation_panels(at)["h<sub>t−1</sub>"]) != {"0.00"}


def test_hidden_state_widgets_at_their_limits():
    at = open_app("lessons/hidden_state.py")
    for d, units in ((1, 1), (8, 8), (1, 8), (8, 1)):
        at.slider(key="step_d").set_value(d).run()
        at.slider(key="step_units").set_value(units).run()
        assert not at.exception
        assert f"= **{units * (d + units + 1)}**" in texts(at)
    at.number_input(key="step_seed").set_value(9999).run()
    at.radio(key="step_init").set_value("notes").run()
    assert not at.exception


@pytest.mark.parametrize("sentence", ["", "   ", "🙂🙂🙂", "<script>alert(1)</script>", "a\x00b\x07c",
                                      "영화 movie 재밌다 fun", "word " * 400])
def test_hidden_state_survives_odd_sentences(sentence):
    at = open_app("lessons/hidden_state.py")
    at.text_input(key="step_sentence").set_value(sentence[:300]).run()
    assert not at.exception


def test_hidden_state_empty_sentence_says_so():
    at = open_app("lessons/hidden_state.py", lang="ko")
    at.text_input(key="step_sentence").set_value("   ").run()
    assert "단어를 하나 이상 입력하세요" in texts(at)


def test_hidden_state_reads_and_writes_the_url():
    at = open_app("lessons/hidden_state.py", sentence="the cat sat", d="2", units="5", step="3")
    assert at.slider(key="step_d").value == 2 and at.slider(key="step_units").value == 5
    assert "word “sat”" in texts(at)
    at.slider(key="step_d").set_value(6).run()
    assert at.query_params["d"] in ("6", ["6"])


def test_bad_url_values_fall_back_with_a_notice():
    at = open_app("lessons/hidden_state.py", d="999", units="abc", step="-4", init="<b>", seed="1e9", lang="xx")
    assert at.slider(key="step_d").value == 4 and at.slider(key="step_units").value == 3
    assert "unusable value" in texts(at)


def test_numpy_loop_runs_on_the_button():
    at = open_app("lessons/hidden_state.py")
    at.button(key="step_run").click().run()
    assert "Run #1" in texts(at)
    assert at.dataframe[0].value.shape == (10, 8)


@pytest.mark.parametrize("page", [p.path for p in PAGES])
def test_no_page_imports_tensorflow_into_the_server(page):
    """Not even the demo: its Keras check runs in a worker process (workers/keras_twin.py), and its badge says so."""
    code = ("import sys; from streamlit.testing.v1 import AppTest; "
            f"at = AppTest.from_file({APP!r}, default_timeout=90); at.run(); "
            f"at.switch_page({page!r}); at.run(); assert not at.exception; "
            f"assert 'live_demo' not in {page!r} or 'Keras check: the NumPy' in str([s.value for s in at.success]); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'tensorflow', 'keras'}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("lang,title", [("en", "Vanishing and exploding gradients"), ("ko", "기울기 소실과 폭주")])
def test_gradients_in_both_languages(lang, title):
    at = open_app("lessons/gradients.py", lang=lang)
    assert at.title[0].value == title
    assert not at.get("plotly_chart")  # as lines: the toy RNN's norms; the trained models' words and states
    assert html_figures(at) == ["rnn-lines"] * 3


@pytest.mark.parametrize("rho,activation,verdict", [(0.3, "tanh", "it **vanishes**"),
                                                    (2.5, "linear", "it **explodes**"),
                                                    (3.0, "relu", "it neither vanishes nor explodes"),
                                                    (3.0, "tanh", "it **vanishes**")])
def test_gradients_follow_the_spectral_radius(rho, activation, verdict):
    at = open_app("lessons/gradients.py", rho=str(rho), act=activation, steps="300")
    assert verdict in texts(at)
    at.toggle(key="grad_clip").set_value(False).run()
    assert "Clipping is off" in texts(at)


def test_gradients_extreme_settings_and_bad_urls():
    at = open_app("lessons/gradients.py", rho="nan", steps="100000", act="<script>", k="0")
    assert "unusable value" in texts(at)
    for rho in (0.1, 3.0):
        for steps in (5, 300):
            at.slider(key="grad_rho").set_value(rho).run()
            at.slider(key="grad_steps").set_value(steps).run()
            assert not at.exception
    at.select_slider(key="grad_k_t").set_value(299).run()  # reruns the step's fragment and the sidebar's link
    assert "299 steps back" in texts(at)
    at.run()  # a full run draws the rest of the page
    at.text_input(key="grad_sentence").set_value("🙂").run()
    assert "at least two tokens" in texts(at)


@pytest.mark.parametrize("lang,title", [("en", "LSTM and GRU gates"), ("ko", "LSTM과 GRU의 게이트")])
def test_gates_in_both_languages(lang, title):
    at = open_app("lessons/gates.py", lang=lang)
    assert at.title[0].value == title
    assert not at.get("plotly_chart")  # only the open tab is drawn (LSTM): the gates of every word and unit, one
    assert html_figures(at) == ["rnn-heat", "rnn-lines", "rnn-belt", "rnn-lines"]  # unit's gates, the belt, what-if
    assert r"c_t &= f_t\,c_{t-1} + i_t\,g_t" in "\n".join(e.value for e in at.get("latex"))
    at.session_state["gates_tab"] = "GRU"
    at.run()
    assert not at.exception and html_figures(at) == ["rnn-heat", "rnn-lines", "rnn-lines"]
    assert not at.get("latex")  # the LSTM's formulas are not drawn under the GRU tab


def test_gates_override_changes_the_verdict_and_none_restores_it():
    at = open_app("lessons/gates.py", sentence="a wonderful and moving film")
    before = next(m.value for m in at.markdown if "Verdict of the real model" in m.value)
    box = at.selectbox(key="gates_override_LSTM")
    box.set_value(box.options[2]).run()  # forget gate = 0: no memory survives a step
    after = next(m.value for m in at.markdown if "Verdict of the real model" in m.value)
    assert before.split("With")[0] == after.split("With")[0] and before != after
    at.selectbox(key="gates_override_LSTM").set_value(None).run()
    assert next(m.value for m in at.markdown if "Verdict of the real model" in m.value) == before


@pytest.mark.parametrize("sentence", ["", "🙂🙂", "<script>x</script>", "word " * 120])
def test_gates_odd_sentences(sentence):
    at = open_app("lessons/gates.py")
    at.text_input(key="gates_sentence").set_value(sentence).run()
    assert not at.exception
    for widget in at.number_input:  # the unit pickers exist when the text has readable tokens
        widget.set_value(1).run()
        assert not at.exception


@pytest.mark.parametrize("lang,title", [("en", "From text to numbers"), ("ko", "텍스트에서 숫자로")])
def test_text_to_vectors_in_both_languages(lang, title):
    at = open_app("lessons/text_to_vectors.py", lang=lang)
    assert at.title[0].value == title
    assert not at.get("plotly_chart")  # every figure, and the tokens, are HTML:
    assert html_figures(at) == ["rnn-chips", "rnn-lookup", "rnn-heat", "rnn-heat", "rnn-heat"]  # the tokens, the
    # one-hot row and its embedding row, the vectors, the padded batch, the states
    batch = next(h.proto.body for h in at.get("html") if 'class="tok"' in h.proto.body)
    assert batch.count('class="tok"') == 3 * 10  # three sentences padded to the default 10 positions
    assert "(3, 10, " in texts(at)  # three sentences padded to the default 10 steps


def test_padding_controls_and_the_mask_keep_the_verdict():
    at = open_app("lessons/text_to_vectors.py", sentence="a wonderful film", maxlen="12", padding="post")
    assert at.slider(key="text_maxlen").value == 12 and at.radio(key="text_padding").value == "post"
    assert any("padded to 12 steps" in m.value for m in at.markdown)
    body = next(m.value for m in at.markdown if "as without padding" in m.value)
    padded, plain = (float(x.split()[0].rstrip(",.")) for x in body.split(": ")[1].split(", ")[:2])
    assert abs(padded - plain) < 1e-5  # masked steps change nothing
    at.slider(key="text_maxlen").set_value(1).run()
    at.radio(key="text_truncating").set_value("post").run()
    assert not at.exception and "(1, 1, " in texts(at)


def test_shuffle_and_odd_text():
    at = open_app("lessons/text_to_vectors.py")
    at.button[0].click().run()
    assert "Shuffled:" in at.text[0].value
    for text in ("", "🙂", "<b>x</b>\n\n\n", "\n".join(["word"] * 30), "q" * 1999):
        at.text_area(key="text_lines").set_value(text).run()
        assert not at.exception


@pytest.mark.parametrize("lang,title", [("en", "Unrolled through time"), ("ko", "시간 축으로 펼치기")])
def test_unrolled_in_both_languages(lang, title):
    at = open_app("lessons/unrolled.py", lang=lang)
    assert at.title[0].value == title
    assert len(at.get("plotly_chart")) == 2  # architecture, tags; as HTML: the states read so far, the verdict
    assert html_figures(at) == ["rnn-heat", "rnn-lines", "rnn-heat", "rnn-bars", "rnn-heat"]  # after each word, the
    # read-outs, the next word, bidirectional


def test_unrolled_steps_shapes_and_stack():
    at = open_app("lessons/unrolled.py", sentence="the movie was not fun.", step="2")
    assert "Step 2 of 5" in texts(at)
    at.button(key="unroll_next").click().run()
    assert "Step 3 of 5" in texts(at)
    for _ in range(2):
        at.button(key="unroll_next").click().run()
    assert "Step 5 of 5" in texts(at) and at.button(key="unroll_next").disabled  # Next stops at the last word
    at.run()  # Next reruns the step's fragment and the sidebar's link alone; a full run draws the rest
    assert "returns **(8, 3)**" in texts(at) and "42 parameters" in texts(at)
    at.toggle(key="rs_on").set_value(True).run()
    assert "returns **(8, 2, 3)**" in texts(at)
    table = at.table[0].value  # the stacked model (the tagger draws a figure, no table)
    assert list(table.iloc[:, 1]) == ["(8, 20, 100)", "(8, 20, 64)", "(8, 32)", "(8, 1)"]
    assert list(table.iloc[:, 2]) == ["1,000,000", "10,560", "3,104", "33"]


@pytest.mark.parametrize("sentence", ["", "🙂", "<script>x</script>", "a " * 300])
def test_unrolled_odd_sentences(sentence):
    at = open_app("lessons/unrolled.py")
    at.text_input(key="unroll_sentence").set_value(sentence[:500]).run()
    assert not at.exception


@pytest.mark.parametrize("lang,title", [("en", "Embeddings"), ("ko", "임베딩")])
def test_embeddings_in_both_languages(lang, title):
    at = open_app("lessons/embeddings.py", lang=lang)
    assert at.title[0].value == title
    assert not at.main.get("plotly_chart") and not at.main.dataframe  # the neighbours: two tables
    cosine = STRINGS["emb.cosine"][lang == "ko"]
    assert sum(m.value.splitlines()[0].count(cosine) for m in at.markdown if m.value.startswith("| ")) == 2
    assert html_figures(at) == ["rnn-lines", "rnn-heat"]  # the map (ui.wordmap, in linechart's frame), the vectors
    assert 'class="rnn-lines rnn-map' in at.get("html")[0].proto.body or any(
        'class="rnn-lines rnn-map' in h.proto.body for h in at.get("html"))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_map_says_when_a_searched_token_is_not_on_it(lang):
    """A searched token the vectors know but the map does not draw is named as missing from it; one on the map
    is ringed and not named. Checked against the map's own labels (ui.compute.word_map / korean_word_map)."""
    from ui import compute_korean
    from ui.compute import word_map

    at = open_app("lessons/embeddings.py", lang=lang)
    said = STRINGS["emb.map_not_on"][lang == "ko"]
    ringed = [h.proto.body for h in at.get("html") if "rnn-map" in h.proto.body][0]
    assert said.split("“")[0] not in texts(at) and 'class="found"' in ringed  # the default word is on the map
    rare = {"en": "masterpiece", "ko": "걸작"}[lang]
    missing = said.format(word=rare)
    at.text_input(key="emb_query").set_value(rare).run()
    sentence = at.text_input(key="emb_sentence").value
    drawn = (compute_korean.korean_word_map(sentence, 300) if lang == "ko" else
             word_map("word2vec", lang, tuple(sentence.split()), 300)).labels
    assert not any(rare in w for w in drawn), drawn[:20]
    assert missing in texts(at), texts(at)


def test_embeddings_search_and_analogy_messages():
    at = open_app("lessons/embeddings.py")
    at.text_input(key="emb_query").set_value("qqzzxx").run()
    assert "is not in the model's vocabulary" in texts(at)
    at.text_input(key="emb_a").set_value("").run()
    assert "must be in the vocabulary" in texts(at)
    at.text_input(key="emb_sentence").set_value("🙂 <b>").run()
    assert not at.exception


def test_language_model_next_words():
    at = open_app("lessons/unrolled.py")
    at.text_input(key="lm_prefix").set_value("i would give it ten out of").run()
    assert not at.exception
    at.text_input(key="lm_prefix").set_value("🙂").run()
    assert "Type at least one English word" in texts(at)


def test_memory_task_trains_once_and_is_shared():
    """The live training (three cells, their accuracy and gradient reach) runs apart from the page in a pool
    thread, is reused, and a learner who moves on while it runs does not lose it."""
    from ui import compute_gradients
    from workers import trainer

    at = open_app("lessons/gradients.py")
    at.select_slider(key="grad_memory_max").set_value(10).run()
    charts = len(at.get("plotly_chart"))
    next(b for b in at.button if "Train the three" in b.label).click().run()
    assert not at.exception
    job = compute_gradients.memory_job(10)
    assert job is not None
    at.select_slider(key="grad_memory_max").set_value(20).run()  # the learner moves on at once
    assert not at.exception and compute_gradients.memory_job(20) is None  # nothing started for 20, 10 goes on
    trainer.wait(job, 240)
    assert job.state == "done", job.error
    result = job.result
    assert set(result["accuracy"]) == set(result["reach"]) == {"SimpleRNN", "LSTM", "GRU"}
    assert min(result["accuracy"]["LSTM"].values()) > result["chance"]
    again = open_app("lessons/gradients.py")
    again.select_slider(key="grad_memory_max").set_value(10).run()
    assert "Already trained on this server" in texts(again)
    assert len(again.get("plotly_chart")) == charts + 2  # accuracy and reach by gap
    assert "At gap 10, compared with the question mark" in texts(again)
    assert trainer.submit(compute_gradients.memory_key(10), "someone else", dict) is job  # one run per setting


def test_the_korean_gates_caption_names_syllables_because_the_models_read_syllables():
    """The caption's fact comes from the models' cards: if a Korean gates model read words or morphemes, this fails."""
    from rnn_core.assets import verify

    at = open_app("lessons/gates.py", lang="ko")
    assert "음절 하나가 토큰 하나" in texts(at)
    assert {verify(name).card.scheme for name in ("ko-lstm", "ko-gru")} == {"syllables"}


def test_the_weights_checksum_reads_the_same_at_every_step():
    """Lesson 3's claim that every step uses the same W_x, W_h and b: the checksum it prints at step 1 is the one it
    prints at step 3 (it would differ if a step drew other weights)."""
    shown = []
    for step in ("1", "3"):
        at = open_app("lessons/hidden_state.py", step=step)
        shown.append(re.search(r"reads ([0-9a-f]{8}) at every step", texts(at)).group(1))
    assert shown[0] == shown[1]


def test_the_gates_caption_frames_the_unit_it_says_is_followed():
    """The caption says the followed unit is framed: the grid's framed column is the unit picker's value, and it
    moves when the learner picks another unit."""
    at = open_app("lessons/gates.py")
    assert "The unit you follow is framed" in texts(at)
    for unit in (at.number_input(key="gates_unit_LSTM").value, 3):
        at.number_input(key="gates_unit_LSTM").set_value(unit).run()
        grid = next(h.proto.body for h in at.get("html") if h.proto.body.startswith('<div class="rnn-heat'))
        assert re.findall(r'<span class="col cm">(\d+)</span>', grid) == [str(unit)]
