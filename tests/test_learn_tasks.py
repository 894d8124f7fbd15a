"""The training tasks, the NumPy trainer's bookkeeping and its shape checks (NumPy only, no TensorFlow)."""
from __future__ import annotations

import numpy as np
import pytest

from rnn_core.adam import Adam, adam_start, adam_update
from rnn_core.learn import accuracy, init_model, train_memory_task, train_step
from rnn_core.tasks import (SHORT_TEXT, adding_task, characters, memory_batch, memory_task, next_character_task,
                            parity_task)

TASKS = [memory_task(12), adding_task(10), parity_task(9), next_character_task(SHORT_TEXT, 6)]


def test_memory_task_is_the_keras_scripts_data():
    from training.memory_task import make_batch

    for seed in (0, 3):
        rng_ours, rng_theirs = np.random.default_rng(seed), np.random.default_rng(seed)
        ids, labels = memory_task(30).batch(rng_ours, 200)
        their_ids, their_labels = make_batch(rng_theirs, 200, rng_theirs.integers(1, 31, 200))
        np.testing.assert_array_equal(ids, their_ids)
        np.testing.assert_array_equal(labels, their_labels)
    ids, labels = memory_batch(np.random.default_rng(1010), 400, np.full(400, 10))
    np.testing.assert_array_equal(ids, make_batch(np.random.default_rng(1010), 400, np.full(400, 10))[0])


@pytest.mark.parametrize("task", TASKS, ids=lambda task: task.name)
def test_tasks_are_reproducible_padded_in_front_and_in_range(task):
    ids, labels = task.batch(np.random.default_rng(7), 50)
    again = task.batch(np.random.default_rng(7), 50)
    np.testing.assert_array_equal(ids, again[0])
    np.testing.assert_array_equal(labels, again[1])
    assert ids.ndim == 2 and labels.shape == (50,)
    assert 0 <= ids.min() and ids.max() < task.vocab_size and 0 <= labels.min() and labels.max() < task.classes
    assert (ids[:, -1] != 0).all()  # the last step is always a real token
    real = ids != 0
    assert (np.diff(real.astype(int), axis=1) >= 0).all()  # once real, never padding again


def test_labels_answer_their_questions():
    ids, labels = memory_task(8).batch(np.random.default_rng(1), 30)
    first = ids[np.arange(30), (ids != 0).argmax(axis=1)]
    np.testing.assert_array_equal(first - 2, labels)
    assert (ids[:, -1] == 1).all()  # the query
    ids, labels = adding_task(10).batch(np.random.default_rng(2), 30)
    marked = np.where(ids > 10, ids - 11, 0)
    assert ((ids > 10).sum(axis=1) == 2).all()
    np.testing.assert_array_equal(marked.sum(axis=1), labels)
    ids, labels = parity_task(9).batch(np.random.default_rng(3), 30)
    np.testing.assert_array_equal((ids == 2).sum(axis=1) % 2, labels)
    ids, labels = next_character_task(SHORT_TEXT, 6).batch(np.random.default_rng(4), 30)
    alphabet = characters(SHORT_TEXT)
    for row, label in zip(ids, labels):
        window = "".join(alphabet[k - 1] for k in row)
        assert window + alphabet[label] in SHORT_TEXT


def test_train_step_reports_clipping_and_reach():
    task = memory_task(6)
    model = init_model("LSTM", task.vocab_size, 4, 8, task.classes, np.random.default_rng(0))
    ids, labels = task.batch(np.random.default_rng(1), 16)
    step = train_step(model, adam_start(model.weights()), (ids, labels), Adam(1e-2), clip_norm=1e-3)
    assert step.clipping.norm_before > 1e-3 and step.clipping.norm_after == pytest.approx(1e-3, rel=1e-5)
    assert step.reach.shape == (ids.shape[1],) and step.reach[-1] > 0
    assert step.opt_state.steps == 1 and step.loss == pytest.approx(np.log(8), rel=0.1)
    assert set(step.grads) == set(model.weights())
    loose = train_step(model, adam_start(model.weights()), (ids, labels), clip_norm=None)
    assert loose.clipping.norm_after == loose.clipping.norm_before


def test_bad_batches_and_gradients_say_what_was_expected():
    task = parity_task(5)
    model = init_model("GRU", task.vocab_size, 3, 4, task.classes, np.random.default_rng(0))
    state = adam_start(model.weights())
    ids, labels = task.batch(np.random.default_rng(0), 4)
    with pytest.raises(ValueError, match=r"ids must be \(B, T\) integers in 0..2"):
        train_step(model, state, (ids + 5, labels))
    with pytest.raises(ValueError, match=r"ids must be"):
        train_step(model, state, (ids[0], labels))
    with pytest.raises(ValueError, match=r"labels must be \(B,\) = \(4,\) classes in 0..1"):
        train_step(model, state, (ids, labels[:3]))
    with pytest.raises(ValueError, match="one gradient per weight"):
        adam_update(model.weights(), {"W_x": model.cell.W_x}, state)


def test_memory_trainer_is_deterministic_and_learns_a_short_distance():
    epochs = []
    first = train_memory_task("GRU", max_distance=4, seed=5, on_epoch=epochs.append, samples=640, epochs=4)
    second = train_memory_task("GRU", max_distance=4, seed=5, samples=640, epochs=4)
    assert [e["epoch"] for e in epochs] == [1, 2, 3, 4] and epochs[0]["reach"].shape == (6,)
    assert first["accuracy"] == second["accuracy"]
    assert [e["loss"] for e in first["history"]] == [e["loss"] for e in second["history"]]
    assert first["distances"] == [1, 2, 4]
    assert first["history"][-1]["loss"] < first["history"][0]["loss"]
    assert min(first["accuracy"].values()) > 0.5  # chance is 1/8
    assert accuracy(first["model"], *memory_batch(np.random.default_rng(9), 100, np.full(100, 3))) > 0.5
