"""Lesson 1's Korean view (ui.compute_korean, lessons/text_to_vectors.py in Korean): the four cuts of the learner's
sentence, the claims computed from the cards and vocabularies (they fail when inverted), odd input, and the page
in AppTest in both languages."""
from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from rnn_core import korean
from rnn_core.assets import ASSETS, verify
from rnn_core.safe_words import is_allowed
from rnn_core.text import Vocabulary, tokenize
from tests.conftest import ROOT
from ui import compute_korean
from ui.compute_korean import EXAMPLES, STEM, VIEW_CHARS, korean_view
from ui.i18n import STRINGS

APP = str(ROOT / "app.py")
PAGE = "lessons/text_to_vectors.py"
ODD = ("", "   ", "🙂" * 50, "<script>alert(1)</script> **굵게** [링크](javascript:x)", "a\x00b\x07c 영화\u200b가",
       "영화 movie 재밌다 fun 中文 ελληνικά 😀", "가" * 2000, "ㅋ" * 2000, "영화가 " * 400)


def card_shares() -> dict[str, float]:
    return verify("ko-bpe").card.metrics["test_unknown_share_by_cut"]


def vocabulary_sizes() -> dict[str, int]:
    """Each cut's vocabulary size, read straight from its file."""
    files = {"spaces": "ko-spaces-vocab.json", "syllables": "ko-vocab.json", "morphemes": "ko-morphemes-vocab.json"}
    sizes = {s: len(json.loads((ASSETS / f).read_text(encoding="utf-8"))) for s, f in files.items()}
    sizes["bpe"] = len(json.loads((ASSETS / "ko-bpe-tokenizer.json").read_text(encoding="utf-8"))["tokens"])
    return sizes


# --- the claims ---------------------------------------------------------------------------------------

def test_the_claims_name_the_extremes_of_the_numbers_shown():
    view = korean_view("영화가 정말 재밌어요")
    shares, sizes = card_shares(), vocabulary_sizes()
    assert {r.scheme: r.test_share for r in view.rows} == shares
    assert {r.scheme: r.vocab_size for r in view.rows} == sizes
    assert view.lowest_share == min(shares, key=shares.get) != max(shares, key=shares.get)
    assert view.highest_share == max(shares, key=shares.get)
    assert view.smallest_vocab == min(sizes, key=sizes.get) != max(sizes, key=sizes.get)
    assert (view.lowest_share, view.highest_share, view.smallest_vocab) == ("bpe", "spaces", "syllables")


def test_the_unknown_tokens_of_the_sentence():
    view = korean_view("이 영화 정말 재밌었닼ㅋㅋ 쀍뛟영화")
    assert view.row("spaces").unknown == ("재밌었닼ㅋㅋ", "쀍뛟영화")
    assert view.row("bpe").unknown == ("뛟",) and "[UNK]" not in view.row("bpe").tokens  # the character, not [UNK]
    assert view.row("morphemes").tokens[:4] == ("이", "영화", "정말", "재밌")  # forms, tags left off
    assert view.most_unknown == ("spaces",) and view.no_unknown == () and view.example == ""
    for row in view.rows:  # each claim agrees with the vocabulary itself
        vocab = korean.vocabulary(row.scheme)
        cut = korean.korean_cuts(view.text)[row.scheme]
        assert len(row.unknown) == sum(vocab.id_of(t) < 2 for t in cut.tokens)


def test_a_sentence_without_unknown_tokens_says_so_and_offers_one_with():
    view = korean_view("영화가 정말 재밌어요")
    assert view.most_unknown == () and set(view.no_unknown) == set(korean.SCHEMES)
    assert view.example in EXAMPLES and is_allowed(view.example)
    spaces = view.row("spaces", view.example_rows)
    assert spaces.unknown and spaces.unknown == tuple(
        t for t in tokenize(view.example, "spaces") if korean.vocabulary("spaces").id_of(t) == 1)
    assert not view.row("bpe", view.example_rows).unknown  # the effect: BPE knows every piece of it


def test_the_particle_example_is_computed():
    view = korean_view("영화")
    morphemes = korean.vocabulary("morphemes").tokens
    assert view.stem_count("spaces") == sum(t.startswith(STEM) for t in korean.vocabulary("spaces").tokens)
    assert view.stem_count("spaces") > 10 * view.stem_count("morphemes") > 0  # "…개나 … 개뿐"
    assert "영화관/NNG" in morphemes and {"가/JKS", "를/JKO", "는/JX"} <= set(morphemes)  # 합성어, 조사
    assert view.row("spaces", view.stem_rows).tokens == ("영화가", "영화를", "영화는")
    assert view.row("morphemes", view.stem_rows).tokens == ("영화", "가", "영화", "를", "영화", "는")
    assert view.stem_examples and all(t.startswith(STEM) and is_allowed(t) for t in view.stem_examples)
    assert "'영화'" in STRINGS["korean.stem_claim"][1] and "영화관" in STRINGS["korean.stem_claim"][1]


def test_vocabulary_examples_pass_the_word_filter(monkeypatch):
    """A listed word in the vocabulary is never offered as an example (the filter is not decorative)."""
    real = korean.vocabulary

    def planted(scheme, folder=None):
        vocab = real(scheme, folder)
        return Vocabulary(vocab.tokens[:2] + ("영화씨발", "영화존잼") + vocab.tokens[2:]) if scheme == "spaces" else vocab

    monkeypatch.setattr(korean, "vocabulary", planted)
    _, _, examples = compute_korean._stem(("planted",))
    assert "영화존잼" in examples and "영화씨발" not in examples


@pytest.mark.parametrize("text", ODD)
def test_odd_input_never_fails(text):
    view = korean_view(text)
    assert len(view.text) <= VIEW_CHARS and view.cut_off == (len(text) > VIEW_CHARS)
    for row in view.rows:
        assert len(row.tokens) <= 2 * VIEW_CHARS and set(row.unknown) <= set(row.tokens)


def test_kiwi_is_loaded_once():
    for text in ("영화가 좋다", "영화를 봤다", "영화는 별로"):
        korean_view(text)
    assert len(korean._analysers) == 1


# --- the page -----------------------------------------------------------------------------------------

def open_lesson(lang: str, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, at.exception
    return at


def shown(at: AppTest) -> str:
    parts = [*at.markdown, *at.caption, *at.subheader, *at.text, *at.code, *at.info, *at.warning]
    return "\n".join(str(e.value) for e in parts)


def test_korean_page_shows_the_four_cuts_and_the_claims():
    at = open_lesson("ko")
    text = shown(at)
    shares = card_shares()
    assert "한국어 문장을 네 가지로 자르기" in [s.value for s in at.subheader]
    assert f"BPE 방식({shares['bpe']:.2%})" in text and f"어절 방식({shares['spaces']:.1%})" in text
    assert "어휘가 가장 작은 방식은 음절 방식입니다" in text and "차이가 드러나지 않습니다" in text
    assert "영화 · 가 · 정말 · 재밌 · 어요" in [c.value for c in at.code]  # the morphemes of the first line
    assert "245" not in STRINGS["korean.stem_claim"][1] and "'영화'로 시작하는 항목이" in text
    at.button(key="korean_example").click().run()  # the example replaces the first line
    assert not at.exception
    assert at.text_area(key="text_lines").value.splitlines()[0] in EXAMPLES
    assert "어휘 밖 토큰이 가장 많은 방식: 어절" in shown(at)


@pytest.mark.parametrize("text", ODD)
def test_korean_page_survives_odd_sentences(text):
    at = open_lesson("ko")
    at.text_area(key="text_lines").set_value(text).run()
    assert not at.exception
    assert not any("<script>" in str(m.value) for m in at.markdown)  # the learner's text is never Markdown


def test_the_learners_text_is_shown_as_typed():
    at = open_lesson("ko")
    at.text_area(key="text_lines").set_value("<b>영화</b>가 **최고**").run()
    assert "<b>영화</b>가 **최고**" in [c.value for c in at.code]


def test_english_page_keeps_its_content_and_points_to_the_korean_view():
    at = open_lesson("en")
    assert "한국어" in shown(at) and "BPE" in shown(at)
    assert "Korean, cut four ways" not in [s.value for s in at.subheader]
    assert not any("▁" in str(c.value) for c in at.code)


def test_a_tie_names_every_cut_with_its_own_count():
    """뛟 is in no vocabulary: every cut meets one unknown token, out of a different number of tokens."""
    view = korean_view("뛟 영화")
    assert view.most_unknown == korean.SCHEMES and view.no_unknown == ()
    at = open_lesson("ko", sentence="뛟 영화")
    assert "가장 많은 방식: 어절 (2개 중 1개), 음절 (3개 중 1개), 형태소 (2개 중 1개), BPE (3개 중 1개)." in shown(at)
