"""The address a shared link starts with (issue 21): the app's public
address when one is set, else the one the browser used, and whether a phone
can open it.

A link made on the teacher's laptop (``streamlit run`` opened at
``http://127.0.0.1:8631/``) carries that address: every phone that scans the
projector's QR code opens its own 127.0.0.1, where nothing answers.  The
browser cannot tell the server which address other devices reach it by, so
the person who runs the app says it, in the environment variable
:data:`ENV`:

    APP_PUBLIC_URL=http://192.168.1.20:8501 streamlit run streamlit_app.py \\
        --server.address 0.0.0.0

Why an environment variable: Streamlit's configuration has no option for it
(``browser.serverAddress`` is a host name without scheme or path, and also
sets what the server accepts for CORS and XSRF, so it is not a link's
address), while an environment variable is what the Dockerfile, Kubernetes
and a shell set alike, and Community Cloud exports each root-level key of an
app's secrets as one (there the browser's address is public anyway).

Pure functions: no Streamlit, so the rules are tested directly.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from typing import NamedTuple
from urllib.parse import urlsplit

__all__ = ["ENV", "MAX_LEN", "Base", "parse_public", "is_loopback", "host_of", "resolve"]

#: The environment variable that holds the app's public address.
ENV = "APP_PUBLIC_URL"
#: The longest setting read (a link's address, not a document).
MAX_LEN = 500


def parse_public(raw: str) -> str:
    """``raw`` as a link's start: ``http(s)://host[:port][/path]``, without
    a trailing slash.  Raises ``ValueError`` for anything else (no scheme or
    another one, no host, a bad port, a query, a fragment, spaces, too long):
    a link made from it would not open.

    >>> parse_public(" https://class.example.org/fenqi/ ")
    'https://class.example.org/fenqi'
    >>> parse_public("http://192.168.1.20:8501")
    'http://192.168.1.20:8501'
    >>> parse_public("192.168.1.20:8501")
    Traceback (most recent call last):
    ...
    ValueError: scheme
    """
    text = raw.strip()
    if len(text) > MAX_LEN:
        raise ValueError("length")
    if any(c.isspace() or ord(c) < 32 for c in text):
        raise ValueError("space")
    try:
        parts = urlsplit(text)
        port = parts.port  # a port out of range or not a number raises here
    except ValueError:
        raise ValueError("port") from None
    if port == 0:
        raise ValueError("port")
    if parts.scheme not in ("http", "https"):
        raise ValueError("scheme")
    if not parts.hostname:
        raise ValueError("host")
    if parts.query or parts.fragment or "?" in text or "#" in text:
        raise ValueError("query")
    if parts.username is not None or parts.password is not None:
        raise ValueError("host")
    return text.rstrip("/")


def host_of(url: str) -> str:
    """The host a URL names (``""`` if none)."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine alone, which no other device reaches:
    ``localhost`` (and ``*.localhost``, RFC 6761), 127.0.0.0/8, ``::1``, and
    the unspecified 0.0.0.0 and ``::`` (a listening address, never one to
    open).

    >>> [is_loopback(h) for h in ("127.0.0.1", "127.8.0.3", "::1", "localhost",
    ...                           "app.localhost", "0.0.0.0", "192.168.1.20", "example.org")]
    [True, True, True, True, True, True, False, False]
    """
    name = host.strip("[]").rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(name)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified


class Base(NamedTuple):
    """Where links start, and what to tell whoever shares one.

    ``url``: the public address (no trailing slash) or the browser's page
    address (``""`` when there is none, as in AppTest: a relative link).
    ``problem``: ``None``; ``"loopback"`` (the links name this machine alone:
    ``host`` says which name); ``"bad_setting"`` (:data:`ENV` is set but is
    no address: ``raw`` holds it, ``reason`` why, and the browser's address
    is used).
    """

    url: str
    public: bool
    problem: str | None = None
    host: str = ""
    raw: str = ""
    reason: str = ""


def resolve(environ: Mapping[str, str], browser_url: str | None) -> Base:
    """The links' start, from the environment's :data:`ENV` and the page
    address the browser used (``st.context.url``, query already removed).

    >>> resolve({}, "http://127.0.0.1:8631/cashline").problem
    'loopback'
    >>> resolve({ENV: "http://192.168.1.20:8501/"}, "http://127.0.0.1:8631/").url
    'http://192.168.1.20:8501'
    >>> resolve({ENV: "192.168.1.20"}, "http://127.0.0.1:8631/")[2:6]
    ('bad_setting', '', '192.168.1.20', 'scheme')
    """
    seen = (browser_url or "").split("?", 1)[0].split("#", 1)[0]
    raw = environ.get(ENV, "")
    if raw.strip():
        try:
            url = parse_public(raw)
        except ValueError as err:
            return Base(seen, False, "bad_setting", raw=raw[:80], reason=str(err))
        host = host_of(url)
        return Base(url, True, "loopback" if is_loopback(host) else None, host)
    host = host_of(seen)
    return Base(seen, False, "loopback" if seen and is_loopback(host) else None, host)
