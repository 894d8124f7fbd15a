"""A saved .keras file read by rnn_core (no TensorFlow) gives the same outputs as Keras itself."""
from __future__ import annotations

import numpy as np
import pytest

from rnn_core.keras_file import ModelFileError, load_keras_model
from rnn_core.text import pad_sequences


def build(keras, recurrent: list):
    return keras.Sequential([keras.Input((None,), dtype="int32"), keras.layers.Embedding(50, 6, mask_zero=True),
                             *recurrent, keras.layers.Dropout(0.2), keras.layers.Dense(4, activation="relu"),
                             keras.layers.Dense(1, activation="sigmoid")])


ARCHITECTURES = {
    "simple": lambda k: [k.layers.SimpleRNN(5)],
    "lstm": lambda k: [k.layers.LSTM(5)],
    "gru": lambda k: [k.layers.GRU(5)],
    "gru_reset_before": lambda k: [k.layers.GRU(5, reset_after=False)],
    "stacked": lambda k: [k.layers.SimpleRNN(8, return_sequences=True), k.layers.LSTM(4, return_sequences=True),
                          k.layers.GRU(3)],
    "bidirectional": lambda k: [k.layers.Bidirectional(k.layers.LSTM(4))],
}


@pytest.mark.parametrize("arch", ARCHITECTURES)
def test_loaded_model_matches_keras(keras, tmp_path, arch):
    keras.utils.set_random_seed(1)
    model = build(keras, ARCHITECTURES[arch](keras))
    path = tmp_path / "m.keras"
    model.save(path)
    rng = np.random.default_rng(0)
    ids = pad_sequences([rng.integers(1, 50, n).tolist() for n in (1, 4, 9, 13)], padding="pre")
    ours = load_keras_model(path)(ids)
    theirs = np.asarray(model(ids, training=False))
    np.testing.assert_allclose(ours, theirs, atol=1e-5)


def test_damaged_files_raise_a_clear_error(tmp_path):
    missing = tmp_path / "nothing.keras"
    with pytest.raises(ModelFileError):
        load_keras_model(missing)
    junk = tmp_path / "junk.keras"
    junk.write_bytes(b"not a zip at all")
    with pytest.raises(ModelFileError):
        load_keras_model(junk)


def test_softmax_language_model_head_matches_keras(keras, tmp_path):
    """Embedding -> LSTM(return_sequences=True) -> Dense(softmax): every step's distribution."""
    keras.utils.set_random_seed(2)
    model = keras.Sequential([keras.Input((None,), dtype="int32"), keras.layers.Embedding(30, 4),
                              keras.layers.LSTM(6, return_sequences=True),
                              keras.layers.Dense(30, activation="softmax")])
    model.save(tmp_path / "lm.keras")
    ids = np.random.default_rng(1).integers(0, 30, (3, 7))
    ours = load_keras_model(tmp_path / "lm.keras")(ids)
    np.testing.assert_allclose(ours, np.asarray(model(ids)), atol=1e-6)
    np.testing.assert_allclose(ours.sum(axis=-1), 1.0, atol=1e-5)
