"""Two replicas behind nginx (``deploy/replicas.py``), as a class would use them (issue 12).

``deploy/replicas.py`` runs as a user runs it: two replicas and nginx on
loopback, started through its command line (its ``--state-file`` says when all
is healthy, and which pid serves which port), stopped with SIGTERM as Ctrl-C
would.  Without nginx (or, for the browser tests, Chromium) the tests skip on a
user's machine but fail when ``CI`` is set, like the browser tests: a CI image
that lost a package must not turn the suite silently green.  (The fixtures live
here, not in a ``conftest.py``: a second one beside ``tests/browser``'s, in a
folder without ``__init__.py``, clashes with it under ``--doctest-modules``.)

The proxy serves the frontend's files itself, compressed and cached; a
browser's requests stay on one replica (its cookie), so a CSV download works;
when that replica is killed, reopening the link on the other one shows the same
scenario; and SIGTERM stops everything.  The tests run in file order on one
cluster: the kill comes after the download, the stop last.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bench.wsclient import Session
from deploy.replicas import (
    COOKIE,
    PROXY_HEALTH,
    REPLICA_HEADER,
    find_nginx,
    streamlit_static_dir,
)
from tests.appserver import CHROMIUM, REPO, shared_browser
from tests.browser.conftest import exceptions_seen, new_context, wait_idle
from ui.codec import encode, to_query
from ui.i18n import CATALOG
from ui.scenarios.compare import COMPARE

pytestmark = pytest.mark.deploy

METRIC = "[data-testid='stMetricValue']"


# ----------------------------------------------------------------- fixtures


def unavailable(why: str) -> None:
    """Skip on a user's machine; fail in CI, where a missing package is a broken image."""
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(f"deployment tests cannot run in CI: {why}", pytrace=False)
    pytest.skip(why)


@dataclass
class Running:
    """``deploy/replicas.py`` running: its process, the state it wrote, its output."""

    proc: subprocess.Popen
    state: dict
    state_file: Path
    out: Path

    @property
    def url(self) -> str:
        return self.state["url"]

    def replica_pid(self, address: str) -> int:
        """The pid of the replica at ``127.0.0.1:<port>`` (an ``X-Replica`` value)."""
        port = int(address.rsplit(":", 1)[1])
        return next(r["pid"] for r in self.state["replicas"] if r["port"] == port)

    def output(self) -> str:
        return self.out.read_text(errors="replace")

    def log(self, name: str, lines: int = 40) -> str:
        """The last ``lines`` of a log in the script's work folder (nginx's)."""
        path = Path(self.state["workdir"]) / name
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self, timeout: float = 20.0) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[Running]:
    """Two replicas of the app behind nginx, on free loopback ports."""
    if find_nginx() is None:
        unavailable("nginx is not installed (apt-get install -y nginx)")
    tmp = tmp_path_factory.mktemp("replicas")
    state_file, out = tmp / "state.json", tmp / "replicas.out"
    with open(out, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "deploy/replicas.py", "-n", "2", "--port", "0",
             "--state-file", str(state_file), "--check-interval", "0.5"],
            cwd=REPO, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    running = Running(proc, {}, state_file, out)
    try:
        deadline = time.monotonic() + 90
        while not state_file.exists():
            if proc.poll() is not None:
                pytest.fail(f"deploy/replicas.py exited with {proc.returncode}:\n"
                            f"{running.output()}", pytrace=False)
            if time.monotonic() > deadline:
                pytest.fail(f"deploy/replicas.py not ready in 90 s:\n{running.output()}",
                            pytrace=False)
            time.sleep(0.05)
        running.state = json.loads(state_file.read_text())
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium driven by Playwright (skips, or fails in CI, without it)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        unavailable("playwright (python) is not installed")
    if not (os.path.isfile(CHROMIUM) or shutil.which(CHROMIUM)):
        unavailable(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    return shared_browser()  # one for the whole run (tests/appserver.py)


def get(url: str, cookie: str | None = None, **headers: str):
    """(status, headers, body) of a GET through the proxy (no decompression)."""
    req = urllib.request.Request(url, headers={**headers, **({"Cookie": cookie} if cookie
                                                                else {})})
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.status, r.headers, r.read()


def route_cookie(headers) -> str:
    """``stroute=<id>`` from a response's Set-Cookie headers."""
    for value in headers.get_all("Set-Cookie") or []:
        if value.startswith(f"{COOKIE}="):
            return value.split(";", 1)[0]
    raise AssertionError(f"no {COOKIE} cookie set: {headers.get_all('Set-Cookie')}")


def last_replica(value: str) -> str:
    """The replica that answered (``$upstream_addr`` lists each one tried)."""
    return value.split(",")[-1].strip()


def scenario_link(base: str) -> str:
    """The comparison page with a scenario no default gives: ¥5,000, one custom plan."""
    scn = COMPARE.defaults()
    scn.update(p=5000.0, np=1, ps1="custom", n1=6, fm1="period", f1=0.5)
    return f"{base}/?{to_query(encode(COMPARE, scn, 'en'))}"


def metric_texts(pg) -> list[str]:
    return [t.strip() for t in pg.locator(METRIC).all_inner_texts()]


def open_page(ctx, url: str, price: str):
    """A new page of ``ctx`` at ``url``, once its first run has drawn ``price``."""
    from playwright.sync_api import expect

    pg = ctx.new_page()
    pg.set_default_timeout(30_000)
    pg.goto(url)
    expect(pg.locator(".st-key-cmp-p input")).to_have_value(price)
    pg.wait_for_selector(METRIC)
    wait_idle(pg)
    return pg


def session_replica(ctx, base: str) -> str:
    """The replica that the browser context's cookie routes to."""
    return last_replica(ctx.request.get(base + "/_stcore/health").headers[REPLICA_HEADER.lower()])


def replicas_in_log(cluster, path_part: str) -> set[str]:
    """The replicas that nginx's access log names for requests containing ``path_part``."""
    log = Path(cluster.state["workdir"]) / "access.log"
    return {m.group(1) for line in log.read_text().splitlines() if path_part in line
            for m in [re.search(r"replica=(\S+)", line)] if m}


# --------------------------------------------------------------- plain HTTP


def test_health_through_the_proxy(cluster):
    assert get(cluster.url + PROXY_HEALTH)[2].strip() == b"ok"  # nginx alone
    status, headers, body = get(cluster.url + "/_stcore/health")  # a replica
    assert (status, body.strip()) == (200, b"ok")
    ports = {f"127.0.0.1:{r['port']}" for r in cluster.state["replicas"]}
    assert last_replica(headers[REPLICA_HEADER]) in ports


def test_static_files_come_from_nginx_compressed_and_cached(cluster):
    _, _, page = get(cluster.url + "/")
    path = re.search(rb'src="\.?/?(static/js/[^"]+\.js)"', page)
    assert path, "no script in the page"
    rel = path.group(1).decode()
    status, headers, body = get(f"{cluster.url}/{rel}", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"] and "max-age=31536000" in headers[
        "Cache-Control"]
    assert REPLICA_HEADER not in headers, "a static file reached a replica"
    original = (streamlit_static_dir() / rel).read_bytes()
    assert gzip.decompress(body) == original
    # a client that does not accept gzip gets the file as it is
    _, plain_headers, plain = get(f"{cluster.url}/{rel}")
    assert plain == original and "Content-Encoding" not in plain_headers


def test_a_browser_stays_on_one_replica(cluster):
    _, headers, _ = get(cluster.url + "/?lang=en")
    cookie = route_cookie(headers)
    first = last_replica(headers[REPLICA_HEADER])
    for _ in range(5):
        _, h, _ = get(cluster.url + "/_stcore/health", cookie)
        assert last_replica(h[REPLICA_HEADER]) == first
        assert not h.get_all("Set-Cookie") or all(
            not v.startswith(f"{COOKIE}=") for v in h.get_all("Set-Cookie"))
    # the websocket goes there too, through the upgrade, and the page runs
    s = Session(cluster.url, cookie=cookie, timeout=30)
    try:
        assert last_replica(s.ws.getheaders()[REPLICA_HEADER.lower()]) == first
        s.run()
        assert s.metrics, "the page sent no metric"
    finally:
        s.close()
    # and other browsers are spread over both replicas
    seen = {last_replica(get(cluster.url + "/_stcore/health", f"{COOKIE}=c{i}")[1][
        REPLICA_HEADER]) for i in range(40)}
    assert len(seen) == 2, seen


def test_the_docker_health_check_command_works(cluster):
    """The Dockerfile's HEALTHCHECK command, aimed at a replica instead of :8501."""
    text = (Path(__file__).resolve().parents[2] / "Dockerfile").read_text()
    cmd = re.search(r"HEALTHCHECK[^\n]*\\\n\s*CMD (python .*)", text)
    assert cmd, "no HEALTHCHECK ... CMD python ... in the Dockerfile"
    port = cluster.state["replicas"][0]["port"]
    argv = shlex.split(cmd.group(1).replace(":8501", f":{port}"))
    assert argv[0] == "python"
    assert subprocess.run([sys.executable, *argv[1:]], timeout=20).returncode == 0
    # and it fails where nothing answers
    argv = shlex.split(cmd.group(1).replace(":8501", ":9"))
    assert subprocess.run([sys.executable, *argv[1:]], timeout=20).returncode != 0


# ------------------------------------------------------------------ browser


def test_csv_download_through_the_proxy(cluster, browser):
    ctx = new_context(browser, accept_downloads=True)
    try:
        pg = open_page(ctx, f"{cluster.url}/?lang=zh", "3999.00")
        with pg.expect_download() as got:
            pg.locator(".st-key-cmp-do-csv button").click()
        download = got.value
        raw = Path(download.path()).read_bytes()
        replica = session_replica(ctx, cluster.url)
        seen = exceptions_seen(ctx)
    finally:
        ctx.close()
    assert not seen, seen
    assert raw.startswith(b"\xef\xbb\xbf"), raw[:20]  # UTF-8 with a BOM, for Excel
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    zh = CATALOG["zh"]
    assert rows[0][:3] == [zh["col.k"], zh["col.month"], zh["col.payment"]]
    assert len(rows) - 1 == COMPARE.defaults()["n1"]  # one row per installment
    # the file came from the replica that holds the session
    media = urlsplit(download.url).path
    assert media.startswith("/media/"), download.url
    assert replicas_in_log(cluster, media) == {replica}


def test_a_killed_replica_s_users_reopen_their_link(cluster, browser):
    link = scenario_link(cluster.url)
    ctx = new_context(browser)
    try:
        pg = open_page(ctx, link, "5000.00")
        before = metric_texts(pg)
        served_by = session_replica(ctx, cluster.url)
        pid = cluster.replica_pid(served_by)

        os.kill(pid, signal.SIGKILL)  # mid-class: no clean shutdown
        deadline = time.monotonic() + 10
        while f"pid {pid}): exited" not in cluster.output():  # the script saw it go
            assert time.monotonic() < deadline, cluster.output()
            time.sleep(0.1)

        # the same browser reopens the link, its cookie still naming the dead replica
        try:
            again = open_page(ctx, link, "5000.00")
        except AssertionError as e:
            raise AssertionError(f"{e}\n--- nginx error.log:\n{cluster.log('error.log')}\n"
                                 f"--- access.log:\n{cluster.log('access.log')}\n"
                                 f"--- replicas.py:\n{cluster.output()}") from e
        after = metric_texts(again)
        now = session_replica(ctx, cluster.url)
        seen = exceptions_seen(ctx)
    finally:
        ctx.close()
    assert not seen, seen
    assert before and after == before
    assert now != served_by


def test_sigterm_stops_everything(cluster):
    pids = [r["pid"] for r in cluster.state["replicas"]] + cluster.state["nginx_pids"]
    workdir = Path(cluster.state["workdir"])
    assert cluster.stop() == 0, cluster.output()
    assert "stopped" in cluster.output()
    for pid in pids:
        assert not Path(f"/proc/{pid}").exists() or _zombie(pid), f"pid {pid} still runs"
    assert not workdir.exists()
    assert not cluster.state_file.exists()


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].startswith("Z")
    except OSError:
        return True
