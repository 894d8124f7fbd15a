"""A worker shared by several servers on one machine: a Unix socket only its owner can use, one JSON line per
request and one per answer (the Keras check, workers/keras_twin.py; Kiwi, workers/kiwi.py)."""
from __future__ import annotations

import os
import socket
import socketserver
import threading
from collections.abc import Callable


def listen(path: str, answer: Callable[[bytes], str], max_line: int) -> None:
    """Serve ``answer`` (a request line -> its answer line, never raising) on the socket ``path``, one call at a
    time. A line longer than ``max_line`` bytes is answered (``answer`` refuses it) and its connection closed."""
    lock = threading.Lock()

    class Connection(socketserver.StreamRequestHandler):
        def handle(self):
            while raw := self.rfile.readline(max_line + 1):
                with lock:
                    reply = answer(raw)
                self.wfile.write((reply + "\n").encode("utf-8"))
                if len(raw) > max_line:
                    return  # the rest of an oversized line is not read

    old = os.umask(0o177)  # the socket file is created rw for its owner only
    try:
        server = socketserver.ThreadingUnixStreamServer(path, Connection)
    finally:
        os.umask(old)
    os.chmod(path, 0o600)
    with server:
        server.serve_forever()


class LineClient:
    """One connection to a shared worker, opened on first use and again after a failure. Not thread-safe:
    callers hold their own lock."""

    def __init__(self, address: str, timeout: float) -> None:
        self.address, self.timeout = address, timeout
        self._sock = self._conn = None

    def ask(self, request: str) -> str:
        """The answer line to one request line, or '' when the worker is not there or does not answer in time."""
        try:
            if self._conn is None:
                self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self._sock.settimeout(self.timeout)
                self._sock.connect(self.address)
                self._conn = self._sock.makefile("rw", encoding="utf-8")
            self._conn.write(request + "\n")
            self._conn.flush()
            line = self._conn.readline()
        except OSError:
            line = ""
        if not line:
            self.close()  # a half-read answer must not be taken for the next request's
        return line

    def close(self) -> None:
        for part in (self._conn, self._sock):
            if part is not None:
                try:
                    part.close()
                except OSError:
                    pass
        self._sock = self._conn = None
