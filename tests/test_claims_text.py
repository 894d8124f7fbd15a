"""Lesson 1's claims, pinned: the masking sentence ("the same verdict", "nothing is padded") and the order
sentence ("flips" / "moves" / "barely changes") are read off the model's numbers, recomputed here from the
model itself; each check fails when the claim is inverted."""
from __future__ import annotations

import numpy as np
import pytest

from rnn_core.sentiment import SentimentModel, label_of
from rnn_core.text import pad_sequences
from tests.test_app_pages import open_app, texts
from ui import compute
from ui.i18n import FORMAT, STRINGS

PAGE = "lessons/text_to_vectors.py"


def said(key: str, lang: str) -> str:
    """The fixed opening of a string (up to its first placeholder): enough to tell which claim is shown."""
    return STRINGS[key][lang == "ko"].split("{")[0]


def recomputed_order(name: str, text: str, seed: int) -> tuple[float, float, int]:
    """p(positive) of the tokens in order and in the page's seeded shuffled order, from the model directly
    (a syllable model: the words between spaces are shuffled, then read as syllables)."""
    model = SentimentModel.load(name)
    tokens, words = model.encode(text)[0], text.split()
    if model.card.scheme == "syllables" and len(words) > 1:
        order = np.random.default_rng(seed).permutation(len(words))
        if np.all(order == np.arange(len(words))):
            order = np.roll(order, 1)
        other = model.encode(" ".join(words[i] for i in order))[0]
        assert sorted(other) == sorted(tokens)  # the same syllables, in another order
    else:
        order = np.random.default_rng(seed).permutation(len(tokens))
        if len(tokens) > 1 and np.all(order == np.arange(len(tokens))):
            order = np.roll(order, 1)
        other = [tokens[i] for i in order]
    ids = [model.vocab.encode(tokens), model.vocab.encode(other)]
    p, q = (float(model.probabilities(np.asarray([row]))[0]) for row in ids)
    return p, q, len(tokens)


def expected_claim(p: float, q: float, n: int) -> str:
    if n < 2:
        return "one"
    if label_of(p) != label_of(q):
        return "flips"
    return "moves" if abs(p - q) >= compute.ORDER_MOVES else "barely"


@pytest.mark.parametrize("lang,sentence", [
    ("en", ""),  # the default sentences
    ("en", "a wonderful film with a great cast"),
    ("en", "the plot was predictable but the acting saved it"),
    ("en", "boring"),
    ("ko", ""),
    ("ko", "배우는 좋은데 스토리가 엉망이다"),
    ("ko", "최악"),
])
def test_the_order_claim_is_read_off_the_two_verdicts(lang, sentence):
    params = {"lang": lang} | ({"sentence": sentence} if sentence else {})
    at = open_app(PAGE, **params)
    shown = texts(at)
    first = sentence or {"en": "the movie was not fun.", "ko": "영화가 정말 재밌어요"}[lang]
    p, q, n = recomputed_order(f"{lang}-lstm", first, 1)
    claim = expected_claim(p, q, n)
    assert said(f"text.order_{claim}", lang) in shown
    wrong = {"flips": "barely", "moves": "flips", "barely": "flips", "one": "moves"}[claim]
    assert said(f"text.order_{wrong}", lang) not in shown  # an inverted claim is not what the page says
    if claim != "one":
        assert f"{q:.3f}" in shown and f"{p:.3f}" in shown


def test_the_order_claim_rules_can_fail():
    assert compute.order_claim(0.2, 0.8, 5) == "flips" != compute.order_claim(0.2, 0.3, 5)
    assert compute.order_claim(0.6, 0.9, 5) == "moves" != compute.order_claim(0.6, 0.62, 5)
    assert compute.order_claim(0.6, 0.62, 5) == "barely"
    assert compute.order_claim(0.9, 0.1, 1) == "one"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_order_example_really_flips(lang):
    """The pair shown beside a shuffle that did not flip: same tokens, two orders, two verdicts."""
    name = f"{lang}-lstm"
    example = compute.shuffled_verdict(name, "x", 1).example
    assert example is not None
    a, pa, b, pb = example
    model = SentimentModel.load(name)
    assert sorted(model.encode(a)[0]) == sorted(model.encode(b)[0])  # the same tokens
    qa, qb = model.predict([a, b])
    assert abs(qa - pa) < 1e-6 and abs(qb - pb) < 1e-6
    assert label_of(qa) != label_of(qb)


@pytest.mark.parametrize("lang,padding", [("en", "pre"), ("en", "post"), ("ko", "pre"), ("ko", "post")])
def test_masking_keeps_the_verdict(lang, padding):
    at = open_app(PAGE, lang=lang, padding=padding, maxlen="12")
    shown = texts(at)
    model = SentimentModel.load(f"{lang}-lstm")
    first = {"en": "the movie was not fun.", "ko": "영화가 정말 재밌어요"}[lang]
    ids = model.encode(first)[1]
    padded = pad_sequences([ids], maxlen=12, padding=padding)
    p_pad, p_plain = model.probabilities(padded)[0], model.probabilities(np.asarray([ids]))[0]
    assert abs(p_pad - p_plain) < 1e-5  # what the sentence claims, recomputed
    assert said("text.mask_same", lang) in shown and said("text.mask_differs", lang) not in shown
    assert (said("text.mask_pre", lang) in shown) == (padding == "pre")


def test_a_sentence_that_fills_every_step_is_said_to_have_no_padding():
    at = open_app(PAGE, lang="en", sentence="a b c d e f g h i j k l m n o", maxlen="5")
    shown = texts(at)
    assert said("text.mask_full", "en") in shown
    assert said("text.mask_same", "en") not in shown and said("text.mask_body", "en") not in shown


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_one_hot_row_selects_the_row_a_lookup_copies(lang):
    """The drawn one-hot row has its single 1 at the token's id, and one_hot · E equals E[id] (recomputed)."""
    name = f"{lang}-lstm"
    model = SentimentModel.load(name)
    first = {"en": "the movie was not fun.", "ko": "영화가 정말 재밌어요"}[lang]
    token_id = model.encode(first)[1][0]
    view = compute.onehot_lookup(name, token_id)
    table = model.network.embedding.table
    assert view.onehot.sum() == 1 and view.ids[int(np.argmax(view.onehot))] == token_id
    assert np.allclose(view.product, table[token_id]) and view.gap < 1e-6
    assert not np.allclose(view.product, table[token_id + 1])  # the check can fail: the neighbouring row differs
    at = open_app(PAGE, lang=lang)
    assert FORMAT.format(STRINGS["text.onehot_check"][lang == "ko"], gap=view.gap, E=table.shape[1]) in texts(at)


@pytest.mark.parametrize("lang,sentence", [("en", "the movie was zzqx and blorft"), ("en", "a wonderful film"),
                                           ("ko", "영화가 쀍뛟 재밌어요")])
def test_the_unknown_count_is_read_off_the_chips(lang, sentence):
    """'n of T tokens are out of vocabulary (orange, id 1)': n is the number of orange chips of id 1, T all chips."""
    import re

    at = open_app("lessons/text_to_vectors.py", lang=lang, sentence=sentence)
    chips = next(h.proto.body for h in at.get("html") if h.proto.body.startswith('<div class="rnn-chips'))
    drawn = re.findall(r' · id (\d+)" style="background:(#\w+)"', chips)
    unknown = [fill for i, fill in drawn if i == "1"]
    assert set(unknown) <= {"#E69F00"} and all(fill != "#E69F00" for i, fill in drawn if i != "1")
    claim = STRINGS["text.oov_count"][lang == "ko"].format(n=len(unknown), T=len(drawn))
    assert claim in texts(at)
    assert (len(unknown) > 0) == (sentence != "a wonderful film")  # the inputs show both cases
