"""Kiwi shared by the replicas of one machine (workers/kiwi.py): the same morphemes as a server's own Kiwi, the
sentiment models read the same tokens through it, a server falls back to its own Kiwi when the worker is gone or
hangs, and the worker refuses oversized or foreign requests on an owner-only socket."""
from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import threading
import time

import pytest

from rnn_core import korean
from rnn_core.text import standardize, tokenize
from tests.conftest import ROOT, at_once
from tests.test_keras_twin import ask_raw
from workers.kiwi import MAX_LINE, SharedKiwi

TEXTS = ("영화가 정말 재미있었다", "재밌닼ㅋㅋ 최고👍", "The movie는 너무 좋았어요!!", "<b>배우</b> 연기가 별로...",
         "ㅋ" * 30 + "\u200b\t", "가나다라" * (korean.MAX_CHARS // 4))


def start(path: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "workers.kiwi", "--listen", path], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not os.path.exists(path) and time.monotonic() < deadline:
        time.sleep(0.05)
    return proc


@pytest.fixture(scope="module")
def worker(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("kiwi") / "kiwi.sock")
    proc = start(path)
    yield path
    proc.terminate()
    proc.wait(timeout=10)


def clean(text: str) -> str:
    return standardize(text)[:korean.MAX_CHARS]


def test_the_shared_kiwi_answers_what_a_servers_own_kiwi_answers(worker):
    shared = SharedKiwi(worker, timeout=30)
    try:
        for text in TEXTS:
            assert shared._ask(clean(text)) == korean.own_morphemes(clean(text)), text  # the worker's own answer
    finally:
        shared.close()


def test_morphemes_and_the_models_tokens_go_through_the_shared_worker(worker, monkeypatch):
    own = {text: (korean.morphemes(text), tokenize(text, "morphemes")) for text in TEXTS}
    asked = []
    shared = SharedKiwi(worker, timeout=30)

    def never(text):
        raise AssertionError("this server's own Kiwi was used")

    monkeypatch.setattr(korean, "own_morphemes", never)
    korean.share_analyser(lambda text: asked.append(text) or shared(text))
    try:
        through_worker = {text: (korean.morphemes(text), tokenize(text, "morphemes")) for text in TEXTS}
    finally:
        korean.share_analyser(None)
        shared.close()
    assert through_worker == own
    assert len(asked) == 2 * len(TEXTS)


def test_a_server_whose_shared_kiwi_is_gone_uses_its_own_and_asks_again_later(tmp_path, monkeypatch):
    path = str(tmp_path / "kiwi.sock")
    shared = SharedKiwi(path, timeout=2, retry=0.5)
    text = clean("배우들 연기가 정말 좋았다")
    own = korean.own_morphemes(text)
    assert shared(text) == own  # nobody at the address: the page still gets its tokens
    proc = start(path)
    try:
        time.sleep(0.6)  # the retry delay has passed: the next analysis goes to the worker again
        monkeypatch.setattr(korean, "own_morphemes", lambda text: ["not/the-worker"])
        assert shared(text) == own
    finally:
        shared.close()
        proc.terminate()
        proc.wait(timeout=10)


def test_a_hung_shared_kiwi_costs_one_timeout_then_the_servers_own_answers(tmp_path):
    path = str(tmp_path / "hung.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(8)
    held = []
    threading.Thread(target=lambda: [held.append(listener.accept()) for _ in range(8)], daemon=True).start()
    shared = SharedKiwi(path, timeout=1.0, retry=60)
    text = clean("지루하고 길었다")
    answers = []
    elapsed = at_once(lambda _: answers.append(shared(text)), 5)
    shared.close()
    listener.close()
    assert answers == [korean.own_morphemes(text)] * 5
    assert elapsed < 5  # five sessions: one waits for the timeout, none queues behind it for five timeouts


def test_bad_requests_are_refused_and_the_worker_keeps_serving(worker):
    assert stat.S_IMODE(os.stat(worker).st_mode) & 0o077 == 0
    for payload in (b"not json\n", b'{"text": 12}\n', b'{"nothing": "here"}\n',
                    json.dumps({"text": "가" * (korean.MAX_CHARS + 1)}).encode() + b"\n",
                    b'{"text": "' + b"x" * (MAX_LINE + 10) + b'"}\n'):
        assert "error" in json.loads(ask_raw(worker, payload)), payload[:40]
    assert json.loads(ask_raw(worker, json.dumps({"text": "좋다"}).encode() + b"\n")) == {"tokens": ["좋/VA", "다/EC"]}
