"""A real ``streamlit run`` server for the browser tests and the app bench,
and how to launch Debian's Chromium (Playwright cannot download browsers here)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


_PLAYWRIGHT: list = []  # (playwright, browser) once started: one per test process


def shared_browser():
    """Headless Chromium under Playwright's sync API, started once for the
    whole test run and closed at its end.  Playwright's sync API runs one
    event loop per thread: a second ``sync_playwright()`` while one is open
    fails, so every test folder's ``browser`` fixture shares this one."""
    if not _PLAYWRIGHT:
        import atexit

        from playwright.sync_api import sync_playwright

        pw = sync_playwright().start()
        _PLAYWRIGHT.extend((pw, pw.chromium.launch(executable_path=CHROMIUM,
                                                   args=CHROMIUM_ARGS)))

        def close() -> None:
            pw_, browser = _PLAYWRIGHT
            browser.close()
            pw_.stop()

        atexit.register(close)
    return _PLAYWRIGHT[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, timeout: float = 30.0,
                 script: Path = REPO / "streamlit_app.py",
                 cwd: Path | None = None, nodelay: bool = False) -> subprocess.Popen:
    """``streamlit run <script>`` from ``cwd`` (the script's folder unless
    given: the folder whose ``.streamlit/config.toml`` applies), returned once
    healthy; with ``nodelay``, through ``deploy/serve.py`` (as deployed)."""
    cwd = cwd or script.parent
    launcher = [str(REPO / "deploy" / "serve.py")] if nodelay else ["-m", "streamlit"]
    cmd = [
        sys.executable, *launcher, "run", str(script.relative_to(cwd)),
        "--server.headless", "true", "--server.port", str(port),
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]
    # the log goes to a file, not a pipe nobody reads (a full pipe would stall the server)
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
    proc.log = log  # type: ignore[attr-defined]
    deadline = time.monotonic() + timeout
    url = f"http://127.0.0.1:{port}/_stcore/health"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            out = log.read().decode(errors="replace")
            raise RuntimeError(f"streamlit exited with {proc.returncode}:\n{out}")
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                if r.read().decode().strip() == "ok":
                    return proc
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    stop_server(proc)
    raise RuntimeError(f"streamlit did not answer {url} with 'ok' within {timeout:.0f} s")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    log = getattr(proc, "log", None)
    if log is not None:
        log.close()
