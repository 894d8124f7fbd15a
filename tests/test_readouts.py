"""Lesson 4's three read-outs (rnn_core.readouts): NumPy equals Keras (the frozen SimpleRNN's own layers, then the
last state / GlobalAveragePooling1D / Flatten and the shipped Dense heads), the cards' test figures hold on a fresh
sample, and the page's sentences are read off the numbers (each check fails when inverted)."""
from __future__ import annotations

import numpy as np
import pytest

from rnn_core.assets import ASSETS
from rnn_core.readouts import KINDS, features, load_heads
from rnn_core.sentiment import SentimentModel, label_of
from rnn_core.text import pad_sequences
from tests.test_app_pages import open_app, texts
from tests.test_models import real_sentences
from training import corpora
from ui.i18n import STRINGS

BASES = ("en-rnn", "ko-rnn")


def numpy_readouts(base: str, sentences: list[str]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """(padded ids (B, L), {kind: p (B,)}) through the NumPy model and heads."""
    model = SentimentModel.load(base)
    card, heads = load_heads(f"{base}-readouts")
    ids = pad_sequences([model.encode(s)[1] for s in sentences], maxlen=card.card.maxlen, padding="pre")
    run = model.network.run(ids)
    trace = next(tr for tr in run.traces if tr is not None)
    x = features(trace.h, run.mask)
    return ids, {k: heads.probabilities(k, x[k]) for k in KINDS}


@pytest.mark.parametrize("base", BASES)
def test_numpy_readouts_equal_keras(keras, base):
    model = SentimentModel.load(base)
    _, heads = load_heads(f"{base}-readouts")
    full = keras.saving.load_model(ASSETS / model.card.model_file, compile=False)
    embedding, rnn = (layer for layer in full.layers if layer.__class__.__name__ in ("Embedding", "SimpleRNN"))
    sentences = [s for s in real_sentences(model.card.language, 120) if model.encode(s)[1]]
    ids, ours = numpy_readouts(base, sentences)
    inputs = keras.Input(shape=(ids.shape[1],), dtype="int32")
    seq = keras.layers.SimpleRNN(model.card.units, return_sequences=True)
    states = seq(embedding(inputs))  # (B, L, D), the mask from mask_zero carried along
    seq.set_weights(rnn.get_weights())
    pooled = {"last": keras.layers.Lambda(lambda h: h[:, -1, :])(states),
              "mean": keras.layers.GlobalAveragePooling1D()(states),  # honours the mask: real tokens only
              "concat": keras.layers.Flatten()(states)}
    for kind in KINDS:
        dense = keras.layers.Dense(1, activation="sigmoid")
        out = dense(pooled[kind])
        dense.set_weights([heads.w[kind][:, None], np.array([heads.b[kind]], np.float32)])
        theirs = np.asarray(keras.Model(inputs, out)(ids, training=False))[:, 0]
        np.testing.assert_allclose(ours[kind], theirs, atol=1e-5, err_msg=kind)
    assert not np.allclose(ours["last"], ours["mean"], atol=1e-3)  # three different read-outs, not one


@pytest.mark.parametrize("base", BASES)
def test_the_cards_test_accuracy_holds_on_a_fresh_sample(base):
    model = SentimentModel.load(base)
    card, _ = load_heads(f"{base}-readouts")
    texts_, labels = corpora.imdb("test") if model.card.language == "en" else corpora.nsmc("test")
    pick = np.random.default_rng(11).choice(len(texts_), 1000, replace=False)
    _, p = numpy_readouts(base, [texts_[i] for i in pick])
    for kind in KINDS:
        measured = float(np.mean((p[kind] >= 0.5) == (labels[pick] == 1)))
        assert abs(measured - card.card.metrics[f"test_accuracy_{kind}"]) <= 0.035, kind
        assert measured > 0.7  # far above chance: a real head, not a constant


@pytest.mark.parametrize("lang,sentence", [("en", ""), ("en", "not bad at all"),
                                           ("en", "the plot was predictable but the acting saved it"),
                                           ("ko", ""), ("ko", "배우는 좋은데 스토리가 엉망이다")])
def test_the_page_says_what_the_three_heads_say(lang, sentence):
    base = f"{lang}-rnn"
    at = open_app("lessons/unrolled.py", lang=lang, **({"sentence": sentence} if sentence else {}))
    first = sentence or {"en": "the movie was not fun.", "ko": "영화가 재미없어요"}[lang]
    _, p = numpy_readouts(base, [first])
    word = {"pos": STRINGS["quiz.positive"][lang == "ko"], "neg": STRINGS["quiz.negative"][lang == "ko"]}
    shown = [(m.label, m.value) for m in at.metric]
    assert [v for _, v in shown] == [word[label_of(p[k][0])] for k in KINDS]
    agree = len({label_of(p[k][0]) for k in KINDS}) == 1
    said, unsaid = ("unroll.readout_agree", "unroll.readout_disagree")[::1 if agree else -1]
    page = texts(at)
    assert STRINGS[said][lang == "ko"] in page and STRINGS[unsaid][lang == "ko"] not in page
    card, _ = load_heads(f"{base}-readouts")
    acc = {k: card.card.metrics[f"test_accuracy_{k}"] for k in KINDS}
    best = max(acc, key=acc.get)
    key = "unroll.readout_best_last" if best == "last" else "unroll.readout_best_other"
    assert STRINGS[key][lang == "ko"].split("(")[0].split("{")[0] in page
