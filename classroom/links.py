"""The join link a teacher shows, and its QR code (drawn by segno).

The link is ``<base>?class=<CODE>``. Its base is, in order: ``public_url`` given here,
``RNNLAB_PUBLIC_URL`` (via :class:`~classroom.settings.Settings`), else the address the
teacher's browser used (``browser_url``, e.g. ``st.context.url``). A configured public
URL always wins, so a teacher who opened the app on ``localhost`` still hands out the
public address. When the only base is a loopback address, :attr:`JoinLink.local` is True
and the UI should warn that phones cannot reach it.
"""
from __future__ import annotations

import io
import ipaddress
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno

from .codes import normalize_code
from .errors import ClassError

JOIN_PARAM = "class"  # the URL parameter that carries the join code


@dataclass(frozen=True)
class JoinLink:
    url: str
    local: bool  # True when the host is localhost / a loopback address


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this computer itself (localhost, 127.x, ::1, 0.0.0.0): a student's phone cannot open it."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def join_link(code: str, *, browser_url: str | None = None, public_url: str | None = None) -> JoinLink:
    """The link students open to join class ``code``.

    ``public_url`` (normally ``Settings.public_url``) wins over ``browser_url``; query and
    fragment of the base are dropped, its path is kept (an app served under a prefix).
    Raises ClassError ``invalid`` for a malformed code or base, or when neither is given.
    """
    canonical = normalize_code(code)
    base = public_url or browser_url
    if canonical is None or not base:
        raise ClassError("invalid", "a join link needs a code and a public or browser URL")
    parts = urlsplit(base.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ClassError("invalid", f"not an http(s) URL: {base!r:.80}")
    path = parts.path or "/"
    url = urlunsplit((parts.scheme, parts.netloc, path, urlencode({JOIN_PARAM: canonical}), ""))
    return JoinLink(url=url, local=is_loopback(parts.hostname))


def qr_svg(url: str, *, scale: int = 8, dark: str = "#000", light: str = "#fff") -> str:
    """The QR code of ``url`` as a standalone SVG document (a string, no XML declaration)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=scale, dark=dark, light=light, xmldecl=False)
    return buffer.getvalue().decode("utf-8")


def qr_png(url: str, *, scale: int = 8) -> bytes:
    """The QR code of ``url`` as PNG bytes (e.g. for ``st.image``)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale)
    return buffer.getvalue()
