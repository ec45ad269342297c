"""``streamlit …`` with Nagle's algorithm off on the browsers' connections.

Streamlit 1.67 creates its listening socket as ``socket.socket(family=...)``,
whose ``proto`` is 0, and the connections it accepts inherit that 0.  Python
3.11's asyncio sets ``TCP_NODELAY`` on a connection only when its ``proto`` is
``IPPROTO_TCP`` (``asyncio.base_events._set_nodelay``), so every websocket keeps
Nagle's algorithm on: a small message written while a larger one is still
unacknowledged waits for the browser's delayed ACK (40 ms on Linux, up to
200 ms on Windows).  Measured on the comparison page's link: a new session's
first run, from the request to its last message, took 66 ms, of which 40 ms
were one such wait after the schedule's table; with ``TCP_NODELAY``, 34 ms.

This launcher makes that check accept any TCP stream socket, then hands its
arguments to Streamlit's own command line, in this process::

    python deploy/serve.py run streamlit_app.py --server.port 8501

The Dockerfile and ``deploy/replicas.py`` start the app this way; plain
``streamlit run`` (the README's command) works as before, with Nagle on.
"""

from __future__ import annotations

import asyncio.base_events
import socket
import sys

__all__ = ["set_nodelay", "main"]


def set_nodelay(sock: socket.socket) -> None:
    """``TCP_NODELAY`` on a TCP stream socket, whatever its ``proto`` says
    (asyncio's check also asks for ``proto == IPPROTO_TCP``)."""
    if (sock.family in (socket.AF_INET, socket.AF_INET6)
            and sock.type == socket.SOCK_STREAM):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def main() -> None:
    # asyncio calls this for every connection its transports take over
    asyncio.base_events._set_nodelay = set_nodelay  # type: ignore[attr-defined]
    from streamlit.web.cli import main as streamlit_main

    sys.argv = ["streamlit", *sys.argv[1:]]
    streamlit_main()


if __name__ == "__main__":
    main()
