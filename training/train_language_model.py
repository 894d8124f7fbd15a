"""Train a small word-level language model on IMDB reviews: which word comes next?

    python -m training.train_language_model

Embedding(6000, 64) -> LSTM(96, return_sequences=True) -> Dense(6000, softmax), trained on
chunks of 31 tokens (30 in, each next word out) with the project's 'words' tokenizer. Writes
assets/models/en-lm.keras, its vocabulary en-lm-vocab.json and its card en-lm.json.
"""
from __future__ import annotations

import json
import os
import time

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from rnn_core.assets import ASSETS, ModelCard  # noqa: E402
from rnn_core.text import build_vocabulary, tokenize  # noqa: E402
from training import corpora  # noqa: E402

SETTINGS = dict(vocab_size=6000, embedding_dim=64, units=96, chunk=30, train_tokens=2_500_000, epochs=2,
                batch=128, seed=0)


def build(keras, vocab_size: int):
    return keras.Sequential([
        keras.Input((None,), dtype="int32"),
        keras.layers.Embedding(vocab_size, SETTINGS["embedding_dim"], name="embedding"),
        keras.layers.LSTM(SETTINGS["units"], return_sequences=True, name="lstm"),
        keras.layers.Dense(vocab_size, activation="softmax", name="next_word"),
    ], name="en-lm")


def chunks(texts, vocab, limit: int, size: int) -> np.ndarray:
    """Reviews cut into rows of size + 1 ids (inputs are row[:-1], targets row[1:]), at most ``limit`` tokens."""
    stream, total = [], 0
    for text in texts:
        ids = vocab.encode(tokenize(text, "words"))
        stream.extend(ids)
        total += len(ids)
        if total >= limit:
            break
    rows = len(stream) // (size + 1)
    return np.asarray(stream[: rows * (size + 1)], dtype=np.int32).reshape(rows, size + 1)


def main() -> None:
    import keras

    keras.utils.set_random_seed(SETTINGS["seed"])
    started = time.time()
    texts, _ = corpora.imdb("train")
    order = np.random.default_rng(0).permutation(len(texts))
    texts = [texts[i] for i in order]
    vocab = build_vocabulary((tokenize(t, "words") for t in texts), SETTINGS["vocab_size"])
    data = chunks(texts, vocab, SETTINGS["train_tokens"], SETTINGS["chunk"])
    held = max(1, len(data) // 20)
    train, val = data[held:], data[:held]
    print(f"{len(train)} training chunks, {held} validation chunks, vocabulary {len(vocab)}", flush=True)
    model = build(keras, len(vocab))
    model.compile(optimizer=keras.optimizers.Adam(2e-3, clipnorm=1.0), loss="sparse_categorical_crossentropy")
    for epoch in range(SETTINGS["epochs"]):
        history = model.fit(train[:, :-1], train[:, 1:], validation_data=(val[:, :-1], val[:, 1:]),
                            batch_size=SETTINGS["batch"], epochs=1, verbose=2)
        spent = time.time() - started
        print(f"epoch {epoch + 1}/{SETTINGS['epochs']}: validation perplexity "
              f"{np.exp(history.history['val_loss'][-1]):.1f}, {spent:.0f} s so far, about "
              f"{spent / (epoch + 1) * (SETTINGS['epochs'] - epoch - 1):.0f} s left", flush=True)
    test_texts, _ = corpora.imdb("test")
    test = chunks(test_texts[::50], vocab, 200_000, SETTINGS["chunk"])
    test_loss = model.evaluate(test[:, :-1], test[:, 1:], batch_size=256, verbose=0)
    (ASSETS / "en-lm-vocab.json").write_text(json.dumps(list(vocab.tokens)), encoding="utf-8")
    clean = build(keras, len(vocab))  # uncompiled: the file holds the weights only, no optimizer state
    clean.set_weights(model.get_weights())
    clean.save(ASSETS / "en-lm.keras")
    card = ModelCard(
        name="en-lm", kind="language_model", language="en", cell="LSTM", scheme="words", vocab_size=len(vocab),
        embedding_dim=SETTINGS["embedding_dim"], units=SETTINGS["units"], parameters=int(clean.count_params()),
        data={"train": f"IMDB train reviews, first {SETTINGS['train_tokens']:,} tokens in a shuffled order",
              "test": "IMDB test, every 50th review"},
        training={"layers": "Embedding -> LSTM(return_sequences=True) -> Dense(softmax)", **SETTINGS,
                  "seconds": round(time.time() - started), "keras": keras.__version__,
                  "command": "python -m training.train_language_model"},
        metrics={"validation_perplexity": round(float(np.exp(history.history["val_loss"][-1])), 1),
                 "test_perplexity": round(float(np.exp(test_loss)), 1)})
    card.write(ASSETS)
    print(card.to_json())


if __name__ == "__main__":
    main()
