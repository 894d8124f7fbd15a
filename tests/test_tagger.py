"""Lesson 3's part-of-speech tagger (ko-tagger): the NumPy twin against Keras, the card against a fresh
measurement, and the page's claims, each pinned so that an inverted claim fails."""
from __future__ import annotations

import numpy as np
import pytest

from rnn_core.korean import morphemes, split_morpheme
from rnn_core.tagger import TAG_NAMES, Tagger, coarse_tag
from tests.test_app_pages import open_app, texts
from ui.compute_tagger import train_reviews
from ui.i18n import STRINGS

UNROLLED = "lessons/unrolled.py"
SENTENCES = ("이 영화가 최고이다", "나는 이 영화가 좋아요", "배우가 연기를 잘했다", "ㅋㅋㅋ 진짜 재밌다!!", "정말 지루해서 잤어요")


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger.load("ko-tagger")


@pytest.mark.parametrize("sejong,name", [("NNG", "noun"), ("NNP", "noun"), ("NP", "pronoun"), ("VV", "verb"),
                                         ("VV-R", "verb"), ("VA-I", "adjective"), ("VCP", "copula"),
                                         ("MM", "determiner"), ("MMD", "determiner"), ("MAG", "adverb"),
                                         ("JKS", "particle"), ("JX", "particle"), ("EF", "ending"),
                                         ("ETM", "ending"), ("XSV", "affix"), ("SF", "symbol"), ("SN", "noun"),
                                         ("XR", "other"), ("SL", "other"), ("W_EMOJI", "other")])
def test_kiwi_tags_fold_into_the_coarse_set(sejong, name):
    assert TAG_NAMES[coarse_tag(sejong)] == name


def test_the_numpy_tagger_matches_keras(tagger):
    keras = pytest.importorskip("keras")
    from rnn_core.assets import verify

    model = keras.saving.load_model(verify("ko-tagger").path("ko-tagger.keras"), compile=False)
    rows = [tagger.vocab.encode([split_morpheme(m)[0] for m in morphemes(s)]) for s in SENTENCES]
    T = max(map(len, rows))
    ids = np.zeros((len(rows), T), np.int32)
    for r, row in enumerate(rows):
        ids[r, T - len(row):] = row  # padded in front, as in training
    ours, theirs = tagger.probabilities(ids), np.asarray(model(ids))
    real = ids != 0
    assert np.abs(ours - theirs)[real].max() < 1e-5
    assert not np.allclose(ours[real], np.roll(theirs, 1, axis=-1)[real], atol=1e-3)  # the check can fail


def test_the_cards_agreement_holds_on_fresh_test_reviews(tagger):
    from training import corpora

    test = tagger.card.metrics["test"]
    texts_ = corpora.nsmc("test")[0][1::97][:300]  # not the card's every-5th reviews
    agree = total = 0
    for text in texts_:
        tagging = tagger.tag(morphemes(text))
        agree, total = agree + tagging.agree, total + len(tagging.forms)
    assert abs(agree / total - test["accuracy"]) < 0.02
    assert test["accuracy"] > test["baseline_accuracy"]  # the card's claim: context beats the lookup
    assert test["ambiguous_accuracy"] > test["ambiguous_baseline_accuracy"]


def test_the_default_sentence_shows_one_form_taking_two_tags(tagger):
    tagging = tagger.tag(morphemes("이 영화가 최고이다"))
    assert tagging.forms == ("이", "영화", "가", "최고", "이", "다")
    tags = [TAG_NAMES[k] for k in tagging.predicted]
    assert tags[0] == "determiner" and tags[4] == "copula", tags
    assert tagging.agree == len(tagging.forms)


def two_tags(forms: tuple[str, ...], predicted: tuple[int, ...]) -> bool:
    """The numbers: some form comes twice with two different predicted tags."""
    return any(forms[j] == forms[i] and predicted[j] != predicted[i]
               for i in range(len(forms)) for j in range(i + 1, len(forms)))


def contrast_holds(shown: str, has: bool, lang: str) -> bool:
    """The page says 'one form, two tags' exactly when the numbers show it (``has``)."""
    two = STRINGS["unroll.pos_contrast"][lang == "ko"].split("}")[1].split("{")[0]  # " comes twice and gets ..."
    none = STRINGS["unroll.pos_no_contrast"][lang == "ko"].split("{")[0][:30]
    return (two in shown and none not in shown) if has else (none in shown and two not in shown)


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("sentence", [None, "나는 이 영화가 좋아요", "정말 지루해서 잤어요"])
def test_the_pages_claims_are_read_off_the_tagger(tagger, lang, sentence):
    at = open_app(UNROLLED, lang=lang)
    if sentence is not None:
        at.session_state["lang"] = lang  # AppTest's reruns skip app.py's sidebar, which keeps the language
        at.text_input(key="pos_text").set_value(sentence).run()
    assert not at.exception
    shown = texts(at)
    tagging = tagger.tag(morphemes(sentence or "이 영화가 최고이다"))
    predicted = tuple(int(k) for k in tagging.predicted)
    has = two_tags(tagging.forms, predicted)
    assert has == (sentence is None)  # the default shows it (이: determiner, then copula); these two do not
    assert contrast_holds(shown, has, lang)
    assert not contrast_holds(shown, not has, lang)  # the claim inverted is caught
    agree = STRINGS["unroll.pos_agree"][lang == "ko"].format(agree=tagging.agree, T=len(tagging.forms))
    assert agree in shown
    card = tagger.card
    assert STRINGS["unroll.pos_body"][lang == "ko"].format(units=card.units, reviews=train_reviews(card.training)) \
        in shown
    assert f"{train_reviews(card.training)} reviews" in card.data["train"]  # the figure is the training set's
    test = card.metrics["test"]
    helps = STRINGS["unroll.pos_helps"][lang == "ko"].split("{")[0]
    assert (helps in shown) == (test["accuracy"] > test["baseline_accuracy"])


@pytest.mark.parametrize("text", ["", "!!!", "hello world", "<b>이</b> 영화", "😀" * 50, "가" * 5000])
def test_odd_input_never_breaks_the_tagger_section(text):
    at = open_app(UNROLLED, lang="ko")
    at.text_input(key="pos_text").set_value(text[:200]).run()
    assert not at.exception
