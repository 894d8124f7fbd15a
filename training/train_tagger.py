"""Train lesson 3's part-of-speech tagger on NSMC reviews tagged by Kiwi and write ko-tagger (rnn_core.tagger).

    python -m training.train_tagger

Every review (the first ``reviews`` of NSMC train in a fixed random order) is analysed by Kiwi, the project's
morpheme analyser (rnn_core.korean.morphemes); each morpheme's form is an input token and Kiwi's tag, folded
into the coarse set rnn_core.tagger.TAGS, its label. These are silver labels: the tagger learns to agree with
Kiwi, and the card says how often it does on NSMC test reviews it never saw, beside a baseline that ignores
context (each form's most frequent tag in the training reviews, a noun for an unseen form). The difference is
what the hidden state adds; it shows most on forms that carry several tags.

Embedding(V, E, mask_zero) -> SimpleRNN(D, return_sequences=True) -> Dense(K, softmax), one forward pass per
review (at most ``maxlen`` morphemes, padded in front; padding has no label and weight 0).
Writes assets/models/ko-tagger.keras, ko-tagger-vocab.json and the card ko-tagger.json.
"""
from __future__ import annotations

import json
import os
import time
from collections import Counter, defaultdict

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from rnn_core.assets import ASSETS, ModelCard  # noqa: E402
from rnn_core.korean import morphemes_of_texts, split_morpheme  # noqa: E402
from rnn_core.tagger import TAG_NAMES, coarse_tag  # noqa: E402
from rnn_core.text import OOV, build_vocabulary, pad_sequences  # noqa: E402
from training import corpora  # noqa: E402

NAME = "ko-tagger"
SETTINGS = dict(reviews=60000, vocab_size=8000, embedding_dim=32, units=64, maxlen=60, epochs=4, batch=64,
                learning_rate=3e-3, validation_fraction=0.05, test_every=5, seed=0)
EXAMPLES = ("이 영화가 최고이다", "나는 이 영화가 좋아요", "배우가 연기를 잘했다")


def tagged(texts: list[str]) -> list[tuple[list[str], list[int]]]:
    """(forms, coarse tag indices) of every text, from Kiwi."""
    out = []
    for tokens in morphemes_of_texts(texts):
        pairs = [split_morpheme(m) for m in tokens]
        out.append(([f for f, _ in pairs], [coarse_tag(tag) for _, tag in pairs]))
    return out


def arrays(rows, vocab, maxlen: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(ids, tags, weights), each (N, maxlen), padded in front; weight 1 on real morphemes."""
    ids = pad_sequences([vocab.encode(forms) for forms, _ in rows], maxlen=maxlen, padding="pre")
    tags = pad_sequences([tags for _, tags in rows], maxlen=maxlen, padding="pre")
    return ids, tags, (ids != 0).astype(np.float32)


def baseline(train_rows) -> dict[str, int]:
    """Each form's most frequent tag in the training reviews (ties: the lower tag index)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for forms, tags in train_rows:
        for f, k in zip(forms, tags):
            counts[f][k] += 1
    return {f: min(c, key=lambda k: (-c[k], k)) for f, c in counts.items()}


def scores(P: np.ndarray, rows, ids: np.ndarray, tags: np.ndarray, weights: np.ndarray, lookup: dict[str, int],
           ambiguous: set[str]) -> dict:
    """Agreement with Kiwi of the tagger (P (N, T, K)) and of the lookup baseline, on every morpheme and on
    the morphemes whose form had more than one tag in training."""
    real = weights > 0
    predicted = P.argmax(axis=-1)
    noun = TAG_NAMES.index("noun")
    guess = pad_sequences([[lookup.get(f, noun) for f in forms] for forms, _ in rows], maxlen=ids.shape[1],
                          padding="pre")
    several = pad_sequences([[f in ambiguous for f in forms] for forms, _ in rows], maxlen=ids.shape[1],
                            padding="pre").astype(bool) & real
    return {"morphemes": int(real.sum()),
            "accuracy": round(float((predicted == tags)[real].mean()), 4),
            "baseline_accuracy": round(float((guess == tags)[real].mean()), 4),
            "ambiguous_morphemes": int(several.sum()),
            "ambiguous_accuracy": round(float((predicted == tags)[several].mean()), 4),
            "ambiguous_baseline_accuracy": round(float((guess == tags)[several].mean()), 4),
            "unknown_share": round(float((ids == OOV)[real].mean()), 4)}


def build(keras, vocab_size: int, settings: dict = SETTINGS):
    return keras.Sequential([
        keras.Input((None,), dtype="int32"),
        keras.layers.Embedding(vocab_size, settings["embedding_dim"], mask_zero=True, name="embedding"),
        keras.layers.SimpleRNN(settings["units"], return_sequences=True, name="rnn"),  # h_t at every step t
        keras.layers.Dense(len(TAG_NAMES), activation="softmax", name="tag"),  # p(tag | morphemes 1..t)
    ], name=NAME)


def main() -> None:
    import keras

    settings = SETTINGS
    keras.utils.set_random_seed(settings["seed"])
    started = time.time()
    texts = corpora.nsmc("train")[0]
    order = np.random.default_rng(settings["seed"]).permutation(len(texts))[: settings["reviews"]]
    rows = tagged([texts[i] for i in order])
    keep, held = corpora.split_off(len(rows), settings["validation_fraction"], seed=settings["seed"])
    train_rows, val_rows = [rows[i] for i in keep], [rows[i] for i in held]
    test_texts = corpora.nsmc("test")[0][:: settings["test_every"]]
    test_rows = tagged(test_texts)
    vocab = build_vocabulary([forms for forms, _ in train_rows], settings["vocab_size"])
    print(f"{len(train_rows)} training reviews, {len(val_rows)} held out, {len(test_rows)} test; vocabulary "
          f"{len(vocab)} forms ({time.time() - started:.0f} s)", flush=True)

    x, y, w = arrays(train_rows, vocab, settings["maxlen"])
    vx, vy, vw = arrays(val_rows, vocab, settings["maxlen"])
    model = build(keras, len(vocab), settings)
    model.compile(optimizer=keras.optimizers.Adam(settings["learning_rate"]), loss="sparse_categorical_crossentropy",
                  weighted_metrics=["accuracy"])
    history = model.fit(x, y, sample_weight=w, validation_data=(vx, vy, vw), batch_size=settings["batch"],
                        epochs=settings["epochs"], verbose=2)

    lookup = baseline(train_rows)
    seen: dict[str, set[int]] = defaultdict(set)
    for forms, tags in train_rows:
        for f, k in zip(forms, tags):
            seen[f].add(k)
    ambiguous = {f for f, ks in seen.items() if len(ks) > 1}
    tx, ty, tw = arrays(test_rows, vocab, settings["maxlen"])
    test = scores(model.predict(tx, batch_size=256, verbose=0), test_rows, tx, ty, tw, lookup, ambiguous)
    print(f"test: {test}", flush=True)

    (ASSETS / f"{NAME}-vocab.json").write_text(json.dumps(list(vocab.tokens), ensure_ascii=False), encoding="utf-8")
    clean = build(keras, len(vocab), settings)  # uncompiled: the file holds the weights only
    clean.set_weights(model.get_weights())
    clean.save(ASSETS / f"{NAME}.keras")
    from rnn_core.korean import morphemes

    examples = {}
    for sentence in EXAMPLES:
        tokens = morphemes(sentence)
        ids = np.asarray([vocab.encode([split_morpheme(m)[0] for m in tokens])], np.int32)
        P = np.asarray(model(ids))[0]
        examples[sentence] = [[m, TAG_NAMES[int(k)], round(float(P[i, k]), 3)] for i, (m, k) in
                              enumerate(zip(tokens, P.argmax(axis=1)))]
    card = ModelCard(
        name=NAME, kind="tagger", language="ko", cell="SimpleRNN", scheme="morphemes", vocab_size=len(vocab),
        maxlen=settings["maxlen"], embedding_dim=settings["embedding_dim"], units=settings["units"],
        parameters=int(model.count_params()),
        data={"train": f"NSMC ratings_train, {len(train_rows)} reviews (the first {settings['reviews']} in a "
                       f"random order, seed {settings['seed']}, minus the held-out ones)",
              "validation": f"{len(val_rows)} of those reviews held out",
              "test": f"NSMC ratings_test, every {settings['test_every']}th review, {len(test_rows)} reviews",
              "labels": "Kiwi's tag of every morpheme (rnn_core.korean.morphemes), folded into the coarse tags "
                        "(rnn_core.tagger.TAGS): silver labels, agreement with Kiwi, not with a human annotator",
              "inputs": "the written form of each Kiwi morpheme, without its tag"},
        training={"layers": "Embedding(mask_zero) -> SimpleRNN(return_sequences=True) -> Dense(K, softmax)",
                  **settings, "tags": list(TAG_NAMES),
                  "validation_accuracy_per_epoch": [round(float(a), 4) for a in
                                                    history.history.get("val_accuracy", [])],
                  "seconds": round(time.time() - started), "keras": keras.__version__,
                  "command": "python -m training.train_tagger"},
        metrics={"test": test,
                 "baseline": "each form's most frequent tag in the training reviews (a noun if unseen)",
                 "ambiguous": "morphemes whose form carried more than one tag in the training reviews",
                 "examples": examples})
    card.write(ASSETS)
    print(card.to_json())


if __name__ == "__main__":
    main()
