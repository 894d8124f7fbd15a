"""A long-range memory task, trained live: remember the first token across N distractors.

    python -m training.memory_task --max-distance 30

Each sequence starts with one of 8 symbols, then N random distractor tokens, then a query
token; the network must answer the first symbol (chance: 1/8). SimpleRNN, LSTM and GRU of
the same size are trained on random N in [1, max] and tested at fixed distances. Progress and
results are printed as JSON lines, so the lesson page can show them without importing TensorFlow.
"""
from __future__ import annotations

import argparse
import json
import os
import time

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

SYMBOLS, DISTRACTORS, QUERY = 8, 12, 1  # ids: 0 padding, 1 query, 2..9 symbols, 10..21 distractors
VOCAB = 2 + SYMBOLS + DISTRACTORS


def make_batch(rng, n: int, distances: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sequences (n, max distance + 2), padded in front, and their answers (n,) in 0..7."""
    width = int(distances.max()) + 2
    answers = rng.integers(0, SYMBOLS, n)
    ids = np.zeros((n, width), dtype=np.int32)
    for row, (answer, d) in enumerate(zip(answers, distances)):
        seq = [2 + answer, *rng.integers(2 + SYMBOLS, VOCAB, d), QUERY]
        ids[row, width - len(seq):] = seq
    return ids, answers


def report(**fields) -> None:
    print(json.dumps(fields), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max-distance", type=int, default=30)
    parser.add_argument("--units", type=int, default=24)
    parser.add_argument("--samples", type=int, default=3000)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    import keras

    started = time.time()
    rng = np.random.default_rng(args.seed)
    x, y = make_batch(rng, args.samples, rng.integers(1, args.max_distance + 1, args.samples))
    test_distances = sorted({1, 2, 5, 10, 15, 20, 30, 40, 60} & set(range(1, args.max_distance + 1))
                            | {args.max_distance})
    results, cells = {}, ("SimpleRNN", "LSTM", "GRU")
    for k, cell in enumerate(cells):
        keras.utils.set_random_seed(args.seed)
        model = keras.Sequential([keras.Input((None,), dtype="int32"),
                                  keras.layers.Embedding(VOCAB, 8, mask_zero=True),
                                  getattr(keras.layers, cell)(args.units),
                                  keras.layers.Dense(SYMBOLS, activation="softmax")])
        model.compile(optimizer=keras.optimizers.Adam(1e-2, clipnorm=1.0), loss="sparse_categorical_crossentropy")
        for epoch in range(args.epochs):
            model.fit(x, y, batch_size=64, epochs=1, verbose=0)
            report(cell=cell, step=k * args.epochs + epoch + 1, of=len(cells) * args.epochs,
                   seconds=round(time.time() - started, 1))
        accuracy = {}
        for d in test_distances:
            xt, yt = make_batch(np.random.default_rng(1000 + d), 400, np.full(400, d))
            p = np.asarray(model(xt, training=False))
            accuracy[d] = round(float(np.mean(p.argmax(axis=1) == yt)), 4)
        results[cell] = accuracy
    report(done=True, results=results, distances=test_distances, chance=1 / SYMBOLS,
           seconds=round(time.time() - started, 1), settings=vars(args))


if __name__ == "__main__":
    main()
