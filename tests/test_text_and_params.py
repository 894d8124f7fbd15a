"""The text pipeline against keras.utils.pad_sequences, parameter counts against count_params()."""
from __future__ import annotations

import numpy as np
import pytest

from rnn_core import params
from rnn_core.text import OOV, build_vocabulary, pad_sequences, padding_mask, standardize, tokenize

SEQS = [[1, 2, 3, 4, 5], [6], [], [7, 8, 9], list(range(10, 22))]


@pytest.mark.parametrize("maxlen", [None, 1, 3, 5, 12, 20])
@pytest.mark.parametrize("padding", ["pre", "post"])
@pytest.mark.parametrize("truncating", ["pre", "post"])
def test_pad_sequences_matches_keras(keras, maxlen, padding, truncating):
    ours = pad_sequences(SEQS, maxlen=maxlen, padding=padding, truncating=truncating)
    theirs = keras.utils.pad_sequences(SEQS, maxlen=maxlen, padding=padding, truncating=truncating)
    assert ours.dtype == theirs.dtype
    np.testing.assert_array_equal(ours, theirs)


def test_mask_matches_embedding_mask_zero(keras):
    ids = pad_sequences(SEQS, maxlen=6, padding="post")
    layer = keras.layers.Embedding(30, 2, mask_zero=True)
    np.testing.assert_array_equal(padding_mask(ids), np.asarray(layer.compute_mask(ids)))


def test_english_words():
    assert tokenize("The movie was NOT fun.<br /><br />It wasn't!") == \
        ["the", "movie", "was", "not", "fun", "it", "was", "n't", "!"]
    assert tokenize("it\u2019s  great\x00\x07") == ["it", "'s", "great"]
    assert tokenize("I can't, they'll, don't") == ["i", "ca", "n't", "they", "'ll", "do", "n't"]
    assert tokenize("it 's not bad") == tokenize("it's not bad")
    assert tokenize("🙂🙂 <script>alert(1)</script>") == ["alert", "1"]
    assert tokenize("") == []


def test_korean_syllables_and_mixed_text():
    assert tokenize("영화가 재밌다ㅋㅋ", "syllables") == ["영", "화", "가", "재", "밌", "다", "ㅋ", "ㅋ"]
    assert tokenize("RNN 최고! 10점", "syllables") == ["rnn", "최", "고", "!", "10", "점"]
    assert tokenize("한국어 text", "words") == ["한국어", "text"]
    with pytest.raises(ValueError):
        tokenize("x", "letters")


def test_standardize_is_idempotent():
    text = "Ｆｕｌｌ-width <b>TAGS</b>\tand ＲＮＮ"
    assert standardize(standardize(text)) == standardize(text) == "full-width  tags  and rnn"


def test_vocabulary_limits_and_oov():
    vocab = build_vocabulary([["a", "b", "a"], ["c", "a", "b"], ["d"]], max_size=4)
    assert vocab.tokens == ("", "[UNK]", "a", "b")
    assert vocab.encode(["a", "c", "b", "zzz"]) == [2, OOV, 3, OOV]
    assert vocab.decode([0, 1, 3]) == ["", "[UNK]", "b"]
    with pytest.raises(ValueError):
        build_vocabulary([], max_size=1)


def test_notes_example_has_42_parameters(keras):
    assert params.rnn_params("SimpleRNN", d=10, D=3) == 42
    model = keras.Sequential([keras.Input((2, 10)), keras.layers.SimpleRNN(3)])
    assert model.count_params() == 42


@pytest.mark.parametrize("kind,reset_after", [("SimpleRNN", True), ("LSTM", True), ("GRU", True), ("GRU", False)])
@pytest.mark.parametrize("d,D", [(1, 1), (10, 3), (100, 64), (64, 32)])
def test_rnn_counts_match_keras(keras, kind, reset_after, d, D):
    options = {"reset_after": reset_after} if kind == "GRU" else {}
    layer = getattr(keras.layers, kind)(D, **options)
    layer.build((None, None, d))
    assert params.rnn_params(kind, d, D, reset_after) == layer.count_params()
    bi = keras.layers.Bidirectional(getattr(keras.layers, kind)(D, **options))
    bi.build((None, None, d))
    assert params.bidirectional_params(kind, d, D, reset_after) == bi.count_params()


def test_stacked_model_counts_match_keras(keras):
    """The notes' deep RNN: Embedding, SimpleRNN(64, return_sequences=True), SimpleRNN(32), Dense."""
    V, E = 10000, 100
    model = keras.Sequential([keras.Input((None,)), keras.layers.Embedding(V, E),
                              keras.layers.SimpleRNN(64, return_sequences=True),
                              keras.layers.SimpleRNN(32), keras.layers.Dense(1)])
    ours = (params.embedding_params(V, E) + params.rnn_params("SimpleRNN", E, 64)
            + params.rnn_params("SimpleRNN", 64, 32) + params.dense_params(32, 1))
    assert ours == model.count_params()


def test_one_hot_times_table_is_the_embedding_lookup(keras):
    from rnn_core.text import one_hot

    layer = keras.layers.Embedding(12, 5)
    ids = [3, 0, 11, 3]
    layer.build((None, None))
    table = layer.get_weights()[0]
    np.testing.assert_allclose(one_hot(ids, 12) @ table, np.asarray(layer(np.array([ids])))[0], atol=1e-7)
    assert one_hot(ids, 12).sum(axis=1).tolist() == [1.0] * 4
