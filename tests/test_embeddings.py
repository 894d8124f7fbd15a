"""Word-vector tools against TensorFlow: cosine similarity, and PCA against tf.linalg.svd."""
from __future__ import annotations

import numpy as np

from rnn_core.embeddings import analogy, cosine_similarity, nearest, pca_2d

E = np.random.default_rng(0).standard_normal((50, 8)).astype(np.float64)


def test_cosine_matches_keras(keras):
    ours = cosine_similarity(E, E[7])
    theirs = -np.asarray(keras.losses.cosine_similarity(E, np.repeat(E[7:8], 50, axis=0)))
    np.testing.assert_allclose(ours, theirs, atol=1e-6)


def test_nearest_and_analogy():
    assert nearest(E, E[9], 1, exclude=())[0][0] == 9
    assert all(i not in (0, 1) for i, _ in nearest(E, E[0], 5))
    F = E.copy()
    F[20] = F[10] - F[11] + F[12]  # a row that is exactly the analogy
    assert analogy(F, 10, 11, 12, k=1)[0][0] == 20


def test_pca_matches_tensorflow_svd(tf):
    coords, ratio = pca_2d(E)
    centred = E - E.mean(axis=0)
    s, _, v = tf.linalg.svd(centred)
    theirs = centred @ np.asarray(v)[:, :2]
    np.testing.assert_allclose(np.abs(coords), np.abs(theirs), atol=1e-8)  # each axis is defined up to its sign
    np.testing.assert_allclose(ratio, np.asarray(s)[:2] ** 2 / np.sum(np.asarray(s) ** 2), atol=1e-10)
