"""Faults and floods (issue 19): broken model files end in a clear message with the rest working, long links
are bounded, failed loads are remembered, caches hold a bounded amount of memory."""
from __future__ import annotations

import io
import json
import os
import pickle
import shutil
import zipfile

import pytest

from rnn_core import assets
from rnn_core.assets import ASSETS, ModelFileError, ModelCard, verify
from rnn_core.sentiment import SentimentModel
from tests.test_app_pages import open_app, texts

LESSONS = ["lessons/text_to_vectors.py", "lessons/embeddings.py", "lessons/hidden_state.py", "lessons/unrolled.py",
           "lessons/gradients.py", "lessons/gates.py", "lessons/live_demo.py"]


@pytest.fixture
def models(tmp_path, monkeypatch):
    """A private copy of the models folder, used by the app and by rnn_core for this test."""
    for f in ASSETS.iterdir():
        shutil.copy(f, tmp_path / f.name)
    monkeypatch.setenv("RNNLAB_MODELS", str(tmp_path))
    return tmp_path


def edit_card(folder, model: str, **fields) -> None:
    path = folder / f"{model}.json"
    card = json.loads(path.read_text(encoding="utf-8"))
    card.update(fields)
    path.write_text(json.dumps(card), encoding="utf-8")


def zip_bomb(size: int) -> bytes:
    """A small .keras-looking zip whose one member unpacks to ``size`` bytes of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("config.json", "{}")
        with archive.open("model.weights.h5", "w", force_zip64=True) as member:
            block = bytes(2**20)
            for _ in range(size // 2**20):
                member.write(block)
    return buffer.getvalue()


def damage(folder, how: str) -> str:
    """Break model en-lstm's files one way; returns the reason the loader must give."""
    model = folder / "en-lstm.keras"
    if how == "unreadable vocabulary":
        (folder / "en-vocab.json").unlink()
        (folder / "en-vocab.json").mkdir()  # as root a chmod 000 file stays readable: a folder cannot be read
        return "unreadable"
    if how == "null sha256":
        edit_card(folder, "en-lstm", sha256=None)
        return "malformed"
    if how == "metrics a list":
        edit_card(folder, "en-lstm", metrics=[])
        return "malformed"
    if how == "units a string":
        edit_card(folder, "en-lstm", units="64")
        return "malformed"
    if how == "path in the name":
        edit_card(folder, "en-lstm", name="../en-lstm")
        return "malformed"
    if how == "path in a file name":
        card = json.loads((folder / "en-lstm.json").read_text(encoding="utf-8"))
        card["sha256"]["../../etc/passwd"] = card["sha256"].pop("en-lstm.keras")
        (folder / "en-lstm.json").write_text(json.dumps(card), encoding="utf-8")
        return "malformed"
    if how == "zip bomb":  # its card is made to match, so only the size check can refuse it
        model.write_bytes(zip_bomb(assets.MAX_UNPACKED_BYTES + 2**20))
        edit_card(folder, "en-lstm", sha256={"en-lstm.keras": assets.sha256_of(model),
                                             "en-vocab.json": assets.sha256_of(folder / "en-vocab.json")})
        return "too_large"
    if how == "same-size swap":  # another model's bytes cut to the same size, the old times put back
        stat = model.stat()
        other = (folder / "en-gru.keras").read_bytes()
        model.write_bytes((other * 2)[: stat.st_size])
        os.utime(model, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        assert model.stat().st_size == stat.st_size and model.stat().st_mtime_ns == stat.st_mtime_ns
        return "changed"
    raise ValueError(how)


HOW = ["unreadable vocabulary", "null sha256", "metrics a list", "units a string", "path in the name",
       "path in a file name", "zip bomb", "same-size swap"]


@pytest.mark.parametrize("how", HOW)
def test_each_broken_file_has_its_reason(models, how):
    verify("en-lstm")  # verified once, so the same-size swap must be seen through the cache
    reason = damage(models, how)
    with pytest.raises(ModelFileError) as caught:
        SentimentModel.load("en-lstm")
    assert caught.value.reason == reason
    assert SentimentModel.load("ko-gru").predict(["좋은 영화"]).shape == (1,)  # the other models still load


@pytest.mark.parametrize("how", ["unreadable vocabulary", "null sha256", "zip bomb", "same-size swap"])
def test_a_broken_file_is_a_message_on_every_page_and_the_rest_works(models, how):
    SentimentModel.load("en-lstm")  # results computed before the damage must not be served after it
    damage(models, how)
    for page in LESSONS:
        at = open_app(page, lang="en")
        assert not at.exception, (page, at.exception)
        shown = texts(at)
        if page in ("lessons/text_to_vectors.py", "lessons/embeddings.py", "lessons/live_demo.py"):
            assert "model cannot be used" in shown, page
    demo = open_app("lessons/live_demo.py", lang="en", sentence="a wonderful film")
    expected = [] if how == "unreadable vocabulary" else ["SimpleRNN", "GRU"]  # the English models share it
    assert [m.label for m in demo.metric] == expected  # the other models answer


def test_a_failed_load_is_remembered_for_a_while(models, monkeypatch):
    damage(models, "zip bomb")
    calls = []
    real = assets.check_unpacked_size
    monkeypatch.setattr("rnn_core.keras_file.check_unpacked_size", lambda p, *a: (calls.append(p), real(p, *a)))
    for _ in range(5):
        with pytest.raises(ModelFileError):
            SentimentModel.load("en-lstm")
    assert len(calls) == 1  # one look at the bomb, not one per visit
    monkeypatch.setattr(assets, "FAILURE_SECONDS", 0.0)
    with pytest.raises(ModelFileError):
        SentimentModel.load("en-lstm")
    assert len(calls) == 2  # and checked again once the time is up


def test_a_repaired_file_is_used_again_at_once(models):
    damage(models, "same-size swap")
    with pytest.raises(ModelFileError):
        SentimentModel.load("en-lstm")
    shutil.copy(ASSETS / "en-lstm.keras", models / "en-lstm.keras")
    assert SentimentModel.load("en-lstm").predict(["not bad at all"])[0] > 0.5


def test_cards_written_by_training_read_back(tmp_path):
    card = ModelCard(name="en-gru", kind="sentiment", language="en", cell="GRU")
    for f in ("en-gru.keras", "en-vocab.json"):
        shutil.copy(ASSETS / f, tmp_path / f)
    card.write(tmp_path)
    assert verify("en-gru", tmp_path).card == card
    with pytest.raises(ModelFileError, match="not a shipped"):
        assets.files_of("../en-gru")


LONG = "ﷺ" * 2000  # NFKC turns each into a long phrase: about 6,000 tokens from a 2,000-character link


def test_a_2000_character_link_is_bounded_on_lesson_1():
    from ui.state import MAX_TOKENS

    at = open_app("lessons/text_to_vectors.py", sentence=LONG)
    assert not at.exception
    from ui import compute  # the view behind the page: every array bounded by the lesson's limits

    view = compute.pipeline("en-lstm", (LONG,), 40, "pre", "pre")
    assert len(view.tokens[0]) <= MAX_TOKENS and view.vectors.shape[0] <= 40 and view.padded.shape == (1, 40)
    assert len(pickle.dumps(view)) < 200_000  # what the cache keeps for such a link


# --- every cache holds a bounded amount --------------------------------------------------------------

def worst_cases():
    """(cached function, its max_entries, a call with the largest input a learner can send)."""
    from ui import compute

    worst = "great movie " * 400
    return [
        (compute._reading, lambda: compute.reading("en-lstm", worst)),
        (compute._pushes, lambda: compute.pushes("en-lstm", worst)),
        (compute._pipeline, lambda: compute.pipeline("en-lstm", tuple([worst] * 8), 40, "pre", "pre")),
        (compute._sentence_vectors, lambda: compute.sentence_vectors("en-lstm", worst)),
        (compute._word_map, lambda: compute.word_map("sentiment", "en", tuple(worst.split()), 300)),
        (compute.one_step, lambda: compute.one_step(worst, 8, 8, 0, "centred")),
    ]


def test_every_cache_has_a_memory_bound():
    total = 0
    for cached, call in worst_cases():
        value = call()
        entries = cached._info.max_entries  # Streamlit's record of the decorator's max_entries
        assert entries is not None, f"{cached.__name__} keeps entries without limit"
        size = len(pickle.dumps(value))
        total += entries * size
    assert total < 1_500 * 2**20, f"the caches could hold {total / 2**20:.0f} MB"


def test_the_zip_bomb_is_small_on_disk_and_large_unpacked():
    data = zip_bomb(assets.MAX_UNPACKED_BYTES + 2**20)
    assert len(data) < 2**20
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert sum(i.file_size for i in archive.infolist()) > assets.MAX_UNPACKED_BYTES
