"""deploy/serve.py: ``streamlit run`` with Nagle's algorithm off on the
browsers' connections (the Dockerfile's command and deploy/replicas.py's)."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from bench.wsclient import QUERY, Session
from deploy.replicas import REPO, free_ports, spawn, stop, streamlit_cmd, wait_healthy
from deploy.serve import set_nodelay


@pytest.fixture
def accepted() -> Iterator[socket.socket]:
    """A connection accepted by a listening socket made as Streamlit 1.67 makes
    it, ``socket.socket(family=...)``: its ``proto`` is 0."""
    listener = socket.socket(family=socket.AF_INET)
    client = socket.socket(family=socket.AF_INET)
    try:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        client.connect(listener.getsockname())
        conn, _ = listener.accept()
        try:
            yield conn
        finally:
            conn.close()
    finally:
        client.close()
        listener.close()


def nodelay(sock: socket.socket) -> bool:
    return bool(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))


def test_the_accepted_connection_gets_tcp_nodelay(accepted):
    """asyncio's own check asks for ``proto == IPPROTO_TCP``, which this
    connection does not say; the launcher's asks only for a TCP stream."""
    assert accepted.proto == 0 and not nodelay(accepted)
    set_nodelay(accepted)
    assert nodelay(accepted)


def test_a_unix_socket_is_left_alone():
    a, b = socket.socketpair()
    try:
        set_nodelay(a)  # no TCP option to set: nothing happens, nothing raises
    finally:
        a.close()
        b.close()


def test_the_launcher_serves_the_app(tmp_path):
    """Started as the Dockerfile starts it (on loopback, a free port), the app
    answers its health check and renders the classroom link: ¥10,000."""
    port = free_ports(1)[0]
    log = tmp_path / "serve.log"
    proc = spawn(streamlit_cmd(REPO / "streamlit_app.py", port), cwd=REPO, log=log)
    try:
        wait_healthy([(f"http://127.0.0.1:{port}/_stcore/health", proc, log)], timeout=60)
        s = Session(f"http://127.0.0.1:{port}", query=QUERY)
        try:
            s.run()
            assert "¥10,000.00" in s.metrics, s.metrics
        finally:
            s.close()
    finally:
        stop(proc)
