"""||d p / d x_t|| (rnn_core.saliency) against tf.GradientTape on the shipped .keras models and a trained tiny
model; the lessons' state measures (whole state, the forget-gate path, saturation) against their definitions."""
from __future__ import annotations

import numpy as np
import pytest

from rnn_core.assets import ASSETS
from rnn_core.bptt import (forget_path_by_distance, jacobians_to_last, pascanu_factor, saturated_units, spectral_norms,
                           state_norms_by_distance)
from rnn_core.cells import random_cell
from rnn_core.learn import init_model
from rnn_core.saliency import input_saliency, memory_saliency
from rnn_core.sentiment import MODEL_NAMES, SentimentModel
from rnn_core.sequence import run
from rnn_core.tasks import memory_batch
from rnn_core.toy import gradient_lab
from tests.test_cells_parity import keras_layer

SENTENCES = {"en": "the movie was not fun at all, although the actors tried their best",
             "ko": "배우들은 열심히 했지만 영화는 전혀 재미없었다"}


def tape_saliency(tf, twin, ids: np.ndarray) -> np.ndarray:
    """||d p / d x_t|| from Keras: embed, then run the recurrent layer and the head under a GradientTape."""
    embedding, recurrent, head = twin.layers
    batch = tf.constant(ids[None])
    mask = embedding.compute_mask(batch)
    with tf.GradientTape() as tape:
        xs = embedding(batch)
        tape.watch(xs)
        p = head(recurrent(xs, mask=mask))
    return np.linalg.norm(np.asarray(tape.gradient(p, xs))[0], axis=-1)


@pytest.mark.parametrize("name", MODEL_NAMES)
def test_input_saliency_matches_gradient_tape_on_the_shipped_models(tf, keras, name):
    model = SentimentModel.load(name)
    twin = keras.saving.load_model(ASSETS / model.card.model_file, compile=False)
    ids = np.asarray(model.encode(SENTENCES[model.card.language])[1], dtype=np.int32)
    padded = np.concatenate([np.zeros(3, np.int32), ids])  # padding in front is masked: no gradient there
    for row in (ids, padded):
        ours, theirs = input_saliency(model.network, row), tape_saliency(tf, twin, row)
        assert ours.shape == row.shape
        np.testing.assert_allclose(ours, theirs, rtol=2e-3, atol=1e-7)
    assert np.all(input_saliency(model.network, padded)[:3] == 0)


def test_memory_saliency_matches_gradient_tape(tf, keras):
    """A freshly initialised tiny LSTM model on memory-task rows (with padding in front)."""
    model = init_model("LSTM", 22, 8, 6, 8, np.random.default_rng(3))
    ids, labels = memory_batch(np.random.default_rng(0), 4, np.array([1, 3, 5, 2]))  # (4, 7), padded in front
    layer = keras_layer(keras, model.cell)
    xs = tf.constant(model.embedding[ids])
    with tf.GradientTape() as tape:
        tape.watch(xs)
        p = tf.nn.softmax(layer(xs, mask=tf.constant(ids != 0)) @ model.W_y + model.b_y)
        p_y = tf.gather(p, labels, batch_dims=1)
    theirs = np.linalg.norm(np.asarray(tape.gradient(p_y, xs)), axis=-1)
    np.testing.assert_allclose(memory_saliency(model, ids, labels), theirs, rtol=1e-3, atol=1e-8)


def test_state_norms_are_the_whole_state_and_the_forget_path_its_product():
    cell = random_cell("LSTM", 3, 4, seed=5)
    trace = run(cell, np.random.default_rng(1).standard_normal((1, 6, 3)).astype(np.float32))
    norms = state_norms_by_distance(trace)
    np.testing.assert_allclose(norms, spectral_norms(jacobians_to_last(trace)[0])[::-1], rtol=1e-5)
    assert norms[0] == pytest.approx(1.0)
    np.testing.assert_allclose(state_norms_by_distance(trace, np.array([0, 2, 5])), norms[[0, 2, 5]], rtol=1e-6)
    f = trace["f"][0]  # (T, D)
    path = forget_path_by_distance(trace)
    assert path[0] == 1.0 and path[3] == pytest.approx(np.max(f[-1] * f[-2] * f[-3]))
    assert np.all(np.diff(path) <= 0)  # each gate is below 1: the path only shrinks


def test_saturation_and_the_pascanu_factor():
    cell, xs = gradient_lab(8, 40, 3.0, "tanh", 0)
    trace = run(cell, xs)
    counted = saturated_units(trace)
    np.testing.assert_array_equal(counted, np.sum(np.abs(trace.h[0]) > 0.99, axis=1))
    linear, _ = gradient_lab(8, 40, 3.0, "linear", 0)
    assert np.all(saturated_units(run(linear, xs)) == 0)
    assert pascanu_factor(cell) == pytest.approx(np.linalg.norm(cell.W_h, 2))
    assert pascanu_factor(cell) >= 3.0 - 1e-9  # sigma_max is at least the spectral radius
