"""Train 100-dimensional word vectors (skip-gram with negative sampling) on the review corpora.

    python -m training.train_word_vectors                       # en-word2vec: IMDB + SST-2, words
    python -m training.train_word_vectors --model ko-word2vec   # NSMC, Kiwi morphemes (재밌/VA, 다/EF)

Writes assets/models/<name>.npz (vocabulary + float16 vectors) and its card <name>.json.
Skip-gram learns a vector per token so that tokens predict the tokens around them: the
vectors of tokens used in similar contexts end up close (Mikolov et al., 2013). Korean is read
as morphemes: whole words (재밌다, 재밌고, 재밌어서) would spread one meaning over many rare
tokens, syllables (재, 밌) carry too little meaning each.
"""
from __future__ import annotations

import argparse
import os
import time

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from rnn_core.assets import ASSETS, ModelCard  # noqa: E402
from rnn_core.embeddings import hidden_ids, nearest, unit_rows  # noqa: E402
from rnn_core.text import build_vocabulary, tokenize  # noqa: E402
from training import corpora  # noqa: E402

SETTINGS = dict(vocab_size=10000, dim=100, window=2, negatives=3, epochs=2, batch=8192, subsample=1e-4, seed=0)
SETTINGS_OF = {  # morphemes are shorter than words: a wider window reaches as far
    "en-word2vec": SETTINGS,
    "ko-word2vec": dict(SETTINGS, window=3, negatives=5, epochs=3),
}
PROBES = {  # tokens whose nearest neighbours the card records, and analogies a - b + c
    "en-word2vec": (["great", "awful", "boring", "actor"], [("actor", "man", "woman"), ("best", "good", "bad")]),
    "ko-word2vec": (["재밌/VA", "재미있/VA", "최악/NNG", "지루/XR", "감동/NNG", "배우/NNG"],
                    [("여배우/NNG", "여자/NNG", "남자/NNG"), ("최고/NNG", "좋/VA", "나쁘/VA"),
                     ("아들/NNG", "남자/NNG", "여자/NNG")]),
}
EXPECTED = {  # (probe, a neighbour a reader would expect): the card records where it really ranks
    "en-word2vec": [("great", "excellent"), ("awful", "terrible"), ("boring", "dull")],
    "ko-word2vec": [("재밌/VA", "재미있/VA"), ("재밌/VA", "웃기/VV"), ("최악/NNG", "별로/MAG"),
                    ("최악/NNG", "지루하/VA"), ("최악/NNG", "최고/NNG")],
}


def corpus(name: str) -> tuple[list[list[str]], str]:
    """(token lists, what they are) of the training texts of model ``name``."""
    if name == "ko-word2vec":
        from rnn_core.korean import morphemes_of_texts

        texts = corpora.nsmc("train")[0]
        described = f"NSMC ratings_train ({len(texts)} reviews), Kiwi morphemes (rnn_core.korean.morphemes, form/tag)"
        return list(morphemes_of_texts(texts)), described
    texts = corpora.imdb("train")[0] + corpora.sst2()[0]
    described = "IMDB train (25,000 reviews) + SST-2 train (67,349 phrases), rnn_core 'words' tokenizer"
    return [tokenize(t, "words") for t in texts], described


def token_stream(vocab, token_lists) -> np.ndarray:
    """All texts as one array of ids, OOV (1) dropped, with a 0 between texts so windows do not cross them."""
    parts = []
    for tokens in token_lists:
        ids = [i for i in vocab.encode(tokens) if i > 1]
        parts.append(np.asarray(ids + [0], dtype=np.int32))
    return np.concatenate(parts)


def probe(name: str, tokens: list[str], vectors: np.ndarray) -> dict:
    """The 8 nearest neighbours of each probe token and the top 3 of each analogy, as the app computes
    them (offensive tokens left out; for morphemes, only content morphemes, rnn_core.embeddings.hidden_ids),
    the 8 nearest of any kind (offensive ones still left out) to show what the filter removes, and the
    rank (1 = nearest) and cosine of each EXPECTED neighbour among those the app shows."""
    ids = {t: i for i, t in enumerate(tokens)}
    queries, analogies = PROBES[name]
    U = unit_rows(vectors.astype(np.float32))
    shown = hidden_ids(tokens, morphemes=name.startswith("ko"))
    safe = hidden_ids(tokens)
    found = {"neighbours": {}, "neighbours_any_token": {}, "analogies": {}, "expected_neighbour_rank": {}}
    for word in (w for w in queries if w in ids):
        for key, blocked in (("neighbours", shown), ("neighbours_any_token", safe)):
            found[key][word] = [[tokens[j], round(s, 3)]
                                for j, s in nearest(U, U[ids[word]], 8, exclude=(0, 1, ids[word]), blocked=blocked)]
    for word, expected in (p for p in EXPECTED[name] if all(w in ids for w in p)):
        ranked = nearest(U, U[ids[word]], len(tokens), exclude=(0, 1, ids[word]), blocked=shown)
        rank = next((r for r, (j, _) in enumerate(ranked, 1) if j == ids[expected]), None)
        cosine = round(float(U[ids[word]] @ U[ids[expected]]), 3)
        found["expected_neighbour_rank"][f"{word} ~ {expected}"] = [rank, cosine]
    for a, b, c in (t for t in analogies if all(w in ids for w in t)):
        query = U[ids[a]] - U[ids[b]] + U[ids[c]]
        found["analogies"][f"{a} - {b} + {c}"] = [
            [tokens[j], round(s, 3)]
            for j, s in nearest(U, query, 3, exclude=(0, 1, ids[a], ids[b], ids[c]), blocked=shown)]
    return found


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


def main(argv: list[str] | None = None) -> None:
    import keras

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=sorted(SETTINGS_OF), default="en-word2vec")
    name = parser.parse_args(argv).model
    settings = SETTINGS_OF[name]
    keras.utils.set_random_seed(settings["seed"])
    started = time.time()
    token_lists, described = corpus(name)
    vocab = build_vocabulary(token_lists, settings["vocab_size"])
    stream = token_stream(vocab, token_lists)
    counts = np.bincount(stream, minlength=len(vocab)).astype(np.float64)
    print(f"{len(token_lists)} texts, {int((stream > 0).sum())} tokens, vocabulary {len(vocab)} "
          f"({time.time() - started:.0f} s)", flush=True)

    target = keras.Input((), dtype="int32")
    context = keras.Input((), dtype="int32")
    w_in = keras.layers.Embedding(len(vocab), settings["dim"], name="word")(target)
    w_out = keras.layers.Embedding(len(vocab), settings["dim"], name="context")(context)
    score = keras.layers.Dot(axes=1)([w_in, w_out])
    model = keras.Model([target, context], keras.layers.Activation("sigmoid")(score))
    model.compile(optimizer=keras.optimizers.Adam(2e-3), loss="binary_crossentropy")
    rng = np.random.default_rng(settings["seed"])
    for epoch in range(settings["epochs"]):
        t, c, y = skipgram_pairs(stream, counts, rng, settings["window"], settings["negatives"], settings["subsample"])
        history = model.fit([t, c], y, batch_size=settings["batch"], epochs=1, verbose=2)
        spent = time.time() - started
        print(f"epoch {epoch + 1}/{settings['epochs']}: {len(y)} pairs, loss {history.history['loss'][-1]:.4f}, "
              f"{spent:.0f} s so far, about {spent / (epoch + 1) * (settings['epochs'] - epoch - 1):.0f} s left",
              flush=True)

    vectors = model.get_layer("word").get_weights()[0].astype(np.float16)
    out = ASSETS / f"{name}.npz"
    np.savez_compressed(out, tokens=np.array(vocab.tokens), vectors=vectors)
    language = name.split("-")[0]
    card = ModelCard(
        name=name, kind="word_vectors", language=language, scheme="morphemes" if language == "ko" else "words",
        vocab_size=len(vocab), embedding_dim=settings["dim"], data={"train": described},
        training={"method": "skip-gram with negative sampling (Keras)", **{k: v for k, v in settings.items()
                                                                          if k not in ("vocab_size", "dim")},
                  "seconds": round(time.time() - started), "cpu_seconds": round(time.process_time()),
                  "keras": keras.__version__,
                  "command": "python -m training.train_word_vectors"
                             + (f" --model {name}" if name != "en-word2vec" else "")},
        metrics={"final_loss": round(float(history.history["loss"][-1]), 4), "train_texts": len(token_lists),
                 "train_tokens": int((stream > 0).sum())})
    card.metrics.update(probe(name, list(vocab.tokens), vectors))
    card.write(ASSETS)
    print(card.to_json())


if __name__ == "__main__":
    main()
