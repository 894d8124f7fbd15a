"""Training in NumPy against Keras: same weights and batch -> same loss, every gradient, and the
weights after two clipped Adam steps, |error| <= 1e-5 in float32."""
from __future__ import annotations

import keras
import numpy as np
import pytest
import tensorflow as tf

from rnn_core.adam import Adam, adam_start
from rnn_core.cells import LSTMCell
from rnn_core.learn import WEIGHTS, backward, cross_entropy, forward, init_model, train_step
from tests.test_cells_parity import KINDS

ATOL = 1e-5
V, E, D, K = 9, 4, 6, 5  # vocabulary (with padding 0), embedding, units, classes


def random_model(kind, options, seed=0):
    """A TinyModel with every weight random (biases too), float32."""
    rng = np.random.default_rng(seed)
    model = init_model(kind, V, E, D, K, rng, **options)
    return model.with_weights({k: (rng.standard_normal(w.shape) * 0.6).astype(np.float32)
                               for k, w in model.weights().items()})


def padded_batch(seed, batch=6, steps=8):
    """Ids padded in front with 0 (every row keeps at least its last token), and labels."""
    rng = np.random.default_rng(seed)
    ids = rng.integers(1, V, (batch, steps)).astype(np.int32)
    lengths = rng.integers(1, steps + 1, batch)
    lengths[0] = steps  # one full row
    ids[np.arange(steps) < (steps - lengths)[:, None]] = 0
    return ids, rng.integers(0, K, batch)


def keras_twin(model):
    """keras.Sequential([Embedding(mask_zero), RNN, Dense(softmax)]) holding the model's weights."""
    cell = model.cell
    options = {"reset_after": cell.reset_after} if cell.kind == "GRU" else {}
    if cell.kind == "SimpleRNN":
        options["activation"] = cell.activation
    twin = keras.Sequential([keras.Input((None,), dtype="int32"), keras.layers.Embedding(V, E, mask_zero=True),
                             getattr(keras.layers, cell.kind)(D, **options),
                             keras.layers.Dense(K, activation="softmax")])
    twin.set_weights([model.weights()[name] for name in WEIGHTS])
    return twin


def keras_loss_and_gradients(twin, ids, labels):
    with tf.GradientTape() as tape:
        loss = keras.losses.SparseCategoricalCrossentropy()(labels, twin(ids, training=True))
    grads = tape.gradient(loss, twin.trainable_weights)
    return float(loss), [np.asarray(tf.convert_to_tensor(g)) for g in grads]  # embedding: IndexedSlices -> dense


def max_errors(ours: dict, theirs: list) -> dict[str, float]:
    return {name: float(np.max(np.abs(ours[name] - t))) for name, t in zip(WEIGHTS, theirs)}


def assert_same_gradients(model, ids, labels):
    """Loss and every gradient of our backward pass equal tf.GradientTape's; returns the max errors."""
    fwd = forward(model, ids)
    loss, theirs = keras_loss_and_gradients(keras_twin(model), ids, labels)
    assert cross_entropy(fwd.logits, labels) == pytest.approx(loss, abs=ATOL)
    errors = max_errors(backward(model, fwd, labels).grads, theirs)
    assert max(errors.values()) <= ATOL, errors
    return errors


@pytest.mark.parametrize("kind,options", KINDS + [("SimpleRNN", {"activation": "relu"})])
def test_loss_and_every_gradient_match_gradient_tape(kind, options):
    ids, labels = padded_batch(1)
    assert (ids == 0).any() and (ids[:, -1] != 0).all()  # pre-padded, masked
    errors = assert_same_gradients(random_model(kind, options), ids, labels)
    print(kind, options, "max |error| per gradient:", errors)


@pytest.mark.parametrize("kind,options", KINDS)
def test_two_clipped_adam_steps_match_keras(kind, options):
    """Keras' own Adam (global_clipnorm) applied to the tape's gradients, twice, at a threshold that clips.

    The embedding's gradient is made dense first: model.fit hands Adam a tf.IndexedSlices with one row
    per looked-up token, and Keras' global norm then squares each occurrence separately (not their sum),
    a slightly different norm from the one of the gradient itself, which tf.clip_by_global_norm takes.
    """
    model = random_model(kind, options, seed=2)
    batches = [padded_batch(3), padded_batch(4)]
    clip = 0.3 * train_step(model, adam_start(model.weights()), batches[0], clip_norm=None).clipping.norm_before
    twin = keras_twin(model)
    optimizer = keras.optimizers.Adam(1e-2, global_clipnorm=clip)
    state = adam_start(model.weights())
    for ids, labels in batches:
        their_loss, their_grads = keras_loss_and_gradients(twin, ids, labels)
        optimizer.apply_gradients(zip(their_grads, twin.trainable_weights))
        step = train_step(model, state, (ids, labels), Adam(1e-2), clip_norm=clip)
        model, state = step.model, step.opt_state
        assert step.clipping.norm_before > clip  # the threshold really clips
        assert step.clipping.norm_after == pytest.approx(clip, rel=1e-5)
        assert step.loss == pytest.approx(their_loss, abs=ATOL)
    errors = max_errors(model.weights(), twin.get_weights())
    print(kind, options, "max |error| per weight after 2 steps:", errors)
    assert max(errors.values()) <= ATOL, errors
    assert state.steps == 2 and int(optimizer.iterations) == 2


def test_the_check_fails_when_a_gradient_term_is_dropped(monkeypatch):
    """Drop the conveyor belt's own path (dL/dc_t from later steps) from the LSTM's backward step:
    the comparison must fail; with the real backward step back in place it passes."""
    ids, labels = padded_batch(5)
    model = random_model("LSTM", {}, seed=6)
    real_backward = LSTMCell.backward

    def without_belt(self, x, state, step, dstate):
        dh, dc = dstate
        return real_backward(self, x, state, step, (dh, np.zeros_like(dc)))

    monkeypatch.setattr(LSTMCell, "backward", without_belt)
    with pytest.raises(AssertionError):
        assert_same_gradients(model, ids, labels)
    monkeypatch.undo()
    assert_same_gradients(model, ids, labels)
