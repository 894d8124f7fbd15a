"""Kiwi, the Korean morphological analyser (about 300 MB in memory), shared by the replicas of one machine.

``python -m workers.kiwi --listen PATH`` loads Kiwi once and answers on a Unix socket only its owner can use,
one JSON line each way: {"text": a standardised text} -> {"tokens": ["재밌/VA", "었/EP", ...]} or
{"error": ...}. A server started with RNNLAB_KIWI=PATH sends rnn_core.korean.morphemes there; without the
variable each server keeps its own Kiwi, as a single server does.

If the shared worker is gone or does not answer within ``timeout`` seconds, the server analyses with its own
Kiwi (loaded then, once), so no page fails, and asks the worker again ``retry`` seconds later.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import threading
import time

from rnn_core import korean
from workers import sockets

MAX_LINE = 16 * korean.MAX_CHARS + 64  # bytes: MAX_CHARS characters, each escaped at worst (\ud83d\ude00)
ADDRESS = "RNNLAB_KIWI"  # the environment variable that names the shared worker's socket

log = logging.getLogger(__name__)
_used = False  # this process already sends its analyses to the shared worker


class SharedKiwi:
    """rnn_core.korean's analyser in a server whose Kiwi is the shared worker at ``address``."""

    def __init__(self, address: str, timeout: float = 5.0, retry: float = 30.0) -> None:
        self._client = sockets.LineClient(address, timeout)
        self._retry = retry
        self._lock = threading.Lock()
        self._down_until = 0.0

    def __call__(self, clean: str) -> list[str]:
        """The morphemes of a standardised text, as rnn_core.korean.own_morphemes gives them."""
        tokens = self._ask(clean) if time.monotonic() >= self._down_until else None
        return korean.own_morphemes(clean) if tokens is None else tokens

    def _ask(self, clean: str) -> list[str] | None:
        if not self._lock.acquire(timeout=self._client.timeout):  # another request hangs: do not queue behind it
            return None
        try:
            if time.monotonic() < self._down_until:  # it hung while this request waited
                return None
            line = self._client.ask(json.dumps({"text": clean}, ensure_ascii=False))
            if not line:
                self._down_until = time.monotonic() + self._retry
                log.warning("the shared Kiwi at %s did not answer; using this server's own", self._client.address)
                return None
        finally:
            self._lock.release()
        return json.loads(line).get("tokens")  # an error answer: this server's own Kiwi says what it is

    def close(self) -> None:
        with self._lock:
            self._client.close()


def use_from_environment() -> None:
    """Share the worker named by $RNNLAB_KIWI, if set (once per process)."""
    global _used
    address = os.environ.get(ADDRESS)
    if address and not _used:
        korean.share_analyser(SharedKiwi(address))
        _used = True


# --- the worker side ---------------------------------------------------------------------------

def answer(line: bytes | str) -> str:
    """The JSON answer to one request line (never raises)."""
    try:
        if len(line) > MAX_LINE:
            raise ValueError(f"request longer than {MAX_LINE} bytes")
        text = json.loads(line)["text"]
        if not isinstance(text, str) or len(text) > korean.MAX_CHARS:
            raise ValueError(f"text must be a string of at most {korean.MAX_CHARS} characters")
        return json.dumps({"tokens": korean.own_morphemes(text)}, ensure_ascii=False)
    except Exception as err:  # noqa: BLE001 - a bad request: say so, keep serving
        return json.dumps({"error": f"{type(err).__name__}: {err}"[:300]})


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Kiwi shared by the servers of one machine.")
    parser.add_argument("--listen", metavar="PATH", required=True, help="answer on this Unix socket")
    args = parser.parse_args()
    sys.stdout = sys.stderr
    korean.analyser()  # loaded before the socket exists, so the first request is not slow
    sockets.listen(args.listen, answer, MAX_LINE)
