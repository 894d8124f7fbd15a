"""Train 100-dimensional English word vectors (skip-gram with negative sampling) on the review corpora.

    python -m training.train_word_vectors

Reads IMDB train and SST-2 train with the project's tokenizer and writes
assets/models/en-word2vec.npz (vocabulary + float16 vectors) and its card en-word2vec.json.
Skip-gram learns a vector per word so that words predict the words around them: the
vectors of words used in similar contexts end up close (Mikolov et al., 2013).
"""
from __future__ import annotations

import os
import time

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from rnn_core.assets import ASSETS, ModelCard  # noqa: E402
from rnn_core.text import build_vocabulary, tokenize  # noqa: E402
from training import corpora  # noqa: E402

SETTINGS = dict(vocab_size=10000, dim=100, window=2, negatives=3, epochs=2, batch=8192, subsample=1e-4, seed=0)


def token_stream(vocab, texts) -> np.ndarray:
    """All texts as one array of ids, OOV (1) dropped, with a 0 between texts so windows do not cross them."""
    parts = []
    for text in texts:
        ids = [i for i in vocab.encode(tokenize(text, "words")) if i > 1]
        parts.append(np.asarray(ids + [0], dtype=np.int32))
    return np.concatenate(parts)


def skipgram_pairs(stream: np.ndarray, counts: np.ndarray, rng, window: int, negatives: int, subsample: float):
    """(targets, contexts, labels): every (word, neighbour) pair within the window, plus random negatives."""
    freq = counts / counts.sum()
    keep_p = np.minimum(1.0, np.sqrt(subsample / np.maximum(freq, 1e-12)) + subsample / np.maximum(freq, 1e-12))
    kept = stream[(stream == 0) | (rng.random(len(stream)) < keep_p[stream])]
    targets, contexts = [], []
    for offset in range(1, window + 1):
        for a, b in ((kept[:-offset], kept[offset:]), (kept[offset:], kept[:-offset])):
            ok = (a > 0) & (b > 0)
            targets.append(a[ok])
            contexts.append(b[ok])
    t, c = np.concatenate(targets), np.concatenate(contexts)
    noise = counts ** 0.75
    noise[:2] = 0
    noise /= noise.sum()
    neg_t = np.repeat(t, negatives)
    neg_c = rng.choice(len(counts), size=len(neg_t), p=noise).astype(np.int32)
    labels = np.concatenate([np.ones(len(t), np.float32), np.zeros(len(neg_t), np.float32)])
    order = rng.permutation(len(labels))
    return np.concatenate([t, neg_t])[order], np.concatenate([c, neg_c])[order], labels[order]


def main() -> None:
    import keras

    keras.utils.set_random_seed(SETTINGS["seed"])
    started = time.time()
    texts = corpora.imdb("train")[0] + corpora.sst2()[0]
    vocab = build_vocabulary((tokenize(t, "words") for t in texts), SETTINGS["vocab_size"])
    stream = token_stream(vocab, texts)
    counts = np.bincount(stream, minlength=len(vocab)).astype(np.float64)
    print(f"{len(texts)} texts, {int((stream > 0).sum())} tokens, vocabulary {len(vocab)}", flush=True)

    target = keras.Input((), dtype="int32")
    context = keras.Input((), dtype="int32")
    w_in = keras.layers.Embedding(len(vocab), SETTINGS["dim"], name="word")(target)
    w_out = keras.layers.Embedding(len(vocab), SETTINGS["dim"], name="context")(context)
    score = keras.layers.Dot(axes=1)([w_in, w_out])
    model = keras.Model([target, context], keras.layers.Activation("sigmoid")(score))
    model.compile(optimizer=keras.optimizers.Adam(2e-3), loss="binary_crossentropy")
    rng = np.random.default_rng(SETTINGS["seed"])
    for epoch in range(SETTINGS["epochs"]):
        t, c, y = skipgram_pairs(stream, counts, rng, SETTINGS["window"], SETTINGS["negatives"], SETTINGS["subsample"])
        history = model.fit([t, c], y, batch_size=SETTINGS["batch"], epochs=1, verbose=2)
        spent = time.time() - started
        print(f"epoch {epoch + 1}/{SETTINGS['epochs']}: {len(y)} pairs, loss {history.history['loss'][-1]:.4f}, "
              f"{spent:.0f} s so far, about {spent / (epoch + 1) * (SETTINGS['epochs'] - epoch - 1):.0f} s left",
              flush=True)

    vectors = model.get_layer("word").get_weights()[0].astype(np.float16)
    out = ASSETS / "en-word2vec.npz"
    np.savez_compressed(out, tokens=np.array(vocab.tokens), vectors=vectors)
    card = ModelCard(
        name="en-word2vec", kind="word_vectors", language="en", scheme="words", vocab_size=len(vocab),
        embedding_dim=SETTINGS["dim"],
        data={"train": "IMDB train (25,000 reviews) + SST-2 train (67,349 phrases), rnn_core 'words' tokenizer"},
        training={"method": "skip-gram with negative sampling (Keras)", **{k: v for k, v in SETTINGS.items()
                                                                          if k not in ("vocab_size", "dim")},
                  "seconds": round(time.time() - started), "keras": keras.__version__,
                  "command": "python -m training.train_word_vectors"},
        metrics={"final_loss": round(float(history.history["loss"][-1]), 4)})
    card.write(ASSETS)
    print(card.to_json())


if __name__ == "__main__":
    main()
