"""N ``streamlit run`` replicas of the app behind one nginx, on this machine.

Streamlit keeps each browser tab's session (its state, and the files that
``st.download_button`` serves under ``/media/``) in the one process that its
websocket reached, so several processes need **sticky sessions**.  Open-source
nginx has no ``sticky`` directive, and ``ip_hash`` would send a whole class
behind one school router (or every test client on loopback) to one replica, so
the proxy hashes on a cookie it sets itself:

* a request without the ``stroute`` cookie is routed by its random
  ``$request_id``, and the response sets ``stroute=<that id>``;
* every later request of that browser (the websocket ``/_stcore/stream``, the
  health and host-config probes, ``/media/`` downloads) carries the cookie, and
  ``hash $stroute_key consistent`` sends it to the same replica;
* when that replica is gone, nginx's passive health check (``max_fails``,
  ``proxy_next_upstream``) moves the request to the next replica on the hash
  ring: the tab reconnects to a new session there, and since every scenario
  value is in the link, reopening the link rebuilds the same page.

nginx serves ``/static/`` (the 9 MB of JavaScript a first visit loads) itself,
from the installed streamlit package, with ``Cache-Control: immutable`` (the
file names are content hashes) and gzip: the text files are compressed once at
start (``gzip_static``, about 0.7 s for 23 MB), so a class of cold browsers
costs no compression per request.  The replicas share one
``server.cookieSecret``, so a browser moved to another replica keeps a valid
XSRF cookie.

Health checks: each replica answers ``/_stcore/health`` with ``ok``; this
script polls every replica (``--check-interval``), prints each change, and with
``--respawn`` restarts a replica that exited, on the same port.  Through the
proxy, ``/_stcore/health`` reaches some live replica (``ok`` while any is up)
and ``/_proxy/health`` is answered by nginx alone.  Every proxied response
carries ``X-Replica: <replica address>``, for debugging on loopback.

The nginx configuration, its logs and the compressed static files live in a
temporary folder (``--workdir`` to keep them), never in ``/etc``.  Ctrl-C or
SIGTERM stops nginx, then the replicas, then removes that folder; children
are in their own process group and, on Linux, get SIGTERM if this script dies.

Run (Debian: ``apt-get install -y nginx``)::

    python deploy/replicas.py -n 2 --port 8080
    python deploy/replicas.py -n 3 --port 8080 --server-opt runner.postScriptGC=false --respawn

then open http://127.0.0.1:8080/.  ``--state-file PATH`` writes the proxy's URL and
every pid and port as JSON once all is healthy (the tests and bench_class read it).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gzip
import importlib.util
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "streamlit_app.py"
COOKIE = "stroute"
HEALTH = "/_stcore/health"
PROXY_HEALTH = "/_proxy/health"
REPLICA_HEADER = "X-Replica"
# compressed once at start and served with gzip_static
GZIP_SUFFIXES = (".js", ".css", ".json", ".svg", ".html", ".txt", ".map")
GZIP_MIN_BYTES = 1024


# ------------------------------------------------------------------ helpers


def find_nginx() -> str | None:
    """The nginx binary (Debian puts it in /usr/sbin, outside a user's PATH)."""
    found = shutil.which("nginx")
    if found:
        return found
    for path in ("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"):
        if os.access(path, os.X_OK):
            return path
    return None


def free_ports(n: int, host: str = "127.0.0.1") -> list[int]:
    """``n`` distinct ports free on ``host`` now (all bound at once, then released)."""
    socks = []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind((host, 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def healthy(url: str, timeout: float = 1.0) -> bool:
    """Whether ``url`` (a health endpoint) answers ``ok`` now."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status == 200 and r.read().decode(errors="replace").strip() == "ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def split_settings(items: Iterable[str]) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """``KEY=VALUE`` items: a dotted key is a Streamlit option passed as ``--KEY VALUE``
    (``runner.postScriptGC=false``), any other an environment variable of the server."""
    opts: list[tuple[str, str]] = []
    env: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise ValueError(f"expected KEY=VALUE, got {item!r}")
        if "." in key:
            opts.append((key, value))
        else:
            env[key] = value
    return opts, env


def _child_setup() -> None:  # pragma: no cover - runs in the child
    """In each child: SIGTERM when this process dies (Linux), so nothing outlives a crash."""
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def spawn(cmd: Sequence[str], *, cwd: Path, log: Path, env: dict[str, str] | None = None,
          ) -> subprocess.Popen:
    """A child in its own process group, its output to ``log`` (never a pipe nobody reads)."""
    out = open(log, "ab")  # closed in stop()
    try:
        proc = subprocess.Popen(
            list(cmd), cwd=cwd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env={**os.environ, **(env or {})}, start_new_session=True,
            preexec_fn=_child_setup if sys.platform.startswith("linux") else None,
        )
    except BaseException:
        out.close()
        raise
    proc.log = out  # type: ignore[attr-defined]
    return proc


def stop(proc: subprocess.Popen | None, sig: int = signal.SIGTERM, timeout: float = 10.0) -> None:
    """Signal ``proc``, wait for it, kill it if it will not go; close its log."""
    if proc is None:
        return
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(sig)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
            proc.wait()
    log = getattr(proc, "log", None)
    if log is not None:
        log.close()


def tail(path: Path, n: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-n:])
    except OSError:
        return ""


def streamlit_cmd(script: Path, port: int, opts: Sequence[tuple[str, str]] = ()) -> list[str]:
    """``streamlit run`` on loopback, through ``deploy/serve.py`` as the
    Dockerfile starts it (Nagle's algorithm off on the browsers' connections)."""
    cmd = [
        sys.executable, str(Path(__file__).resolve().parent / "serve.py"), "run", str(script),
        "--server.headless", "true", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]
    for key, value in opts:
        cmd += [f"--{key}", value]
    return cmd


def wait_healthy(targets: Sequence[tuple[str, subprocess.Popen, Path]], timeout: float,
                 ) -> None:
    """Poll each ``(health url, process, log)`` until all answer ``ok``; raise with
    the log of the first that exits or is not up in time."""
    pending = list(targets)
    deadline = time.monotonic() + timeout
    while pending:
        for t in list(pending):
            url, proc, log = t
            if proc.poll() is not None:
                raise RuntimeError(f"{proc.args[0]} exited with {proc.returncode} before "
                                   f"{url} was up:\n{tail(log)}")
            if healthy(url, timeout=1.0):
                pending.remove(t)
        if not pending:
            return
        if time.monotonic() > deadline:
            url, _, log = pending[0]
            raise RuntimeError(f"{url} did not answer 'ok' within {timeout:.0f} s:\n{tail(log)}")
        time.sleep(0.05)


# ------------------------------------------------------------ static files


def streamlit_static_dir() -> Path:
    """The installed streamlit package's frontend build (without importing streamlit)."""
    spec = importlib.util.find_spec("streamlit")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("streamlit is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "static"


def static_mirror(dest: Path) -> Path:
    """A folder for nginx's ``/static/``: a symlink to each file of the package's
    ``static/static`` and, beside each text file of 1 KiB or more, its ``.gz``
    (for ``gzip_static``).  Returns ``dest``."""
    src = streamlit_static_dir() / "static"
    for path in src.rglob("*"):
        if path.is_dir():
            continue
        rel = path.relative_to(src)
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(path)
        st = path.stat()
        if path.suffix in GZIP_SUFFIXES and st.st_size >= GZIP_MIN_BYTES:
            gz = target.with_name(target.name + ".gz")
            gz.write_bytes(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))
            os.utime(gz, (st.st_atime, st.st_mtime))  # the same Last-Modified either way
    return dest


# ------------------------------------------------------------ nginx config

NGINX_CONF = """\
# Generated by deploy/replicas.py: @N@ replicas of @APP@ behind one nginx.
@USER@
worker_processes @WORKERS@;
pid @DIR@/nginx.pid;
daemon off;
error_log @DIR@/error.log warn;

events {
    worker_connections 8192;
}

http {
    @TYPES@
    default_type application/octet-stream;
    log_format routed '$remote_addr [$time_local] "$request" $status $body_bytes_sent '
                      'replica=$upstream_addr route=$stroute_key t=$request_time';
    access_log @DIR@/access.log routed;

    client_body_temp_path @DIR@/tmp/body;
    proxy_temp_path @DIR@/tmp/proxy;
    fastcgi_temp_path @DIR@/tmp/fastcgi;
    uwsgi_temp_path @DIR@/tmp/uwsgi;
    scgi_temp_path @DIR@/tmp/scgi;

    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    server_tokens off;
    keepalive_timeout 65s;
    open_file_cache max=2000 inactive=5m;
    open_file_cache_valid 60s;

    # Compress what the replicas send (the page, JSON); /static/ is precompressed.
    gzip on;
    gzip_comp_level 5;
    gzip_min_length 1024;
    gzip_vary on;
    gzip_proxied any;
    gzip_types text/plain text/css text/javascript application/javascript
               application/json application/manifest+json image/svg+xml;

    # Sticky sessions on a cookie this proxy sets: a request without it is
    # routed by its random request id, and the response names that id.
    map $cookie_@COOKIE@ $stroute_key {
        ""      $request_id;
        default $cookie_@COOKIE@;
    }
    map $cookie_@COOKIE@ $stroute_set_cookie {
        ""      "@COOKIE@=$request_id; Path=/; HttpOnly; SameSite=Lax";
        default "";
    }
    # Websocket upgrade for /_stcore/stream.
    map $http_upgrade $connection_upgrade {
        default upgrade;
        ""      close;
    }

    # No upstream keepalive: uvicorn closes idle connections after 5 s, and a
    # request that meets one closing counts as the replica failing (max_fails)
    # - with another replica already down, that is "no live upstreams", a 502.
    upstream streamlit {
        hash $stroute_key consistent;
@SERVERS@
    }

    server {
        listen @LISTEN@;
        server_name _;
        client_max_body_size 200m;  # Streamlit's server.maxUploadSize

        proxy_http_version 1.1;
        proxy_set_header Host $http_host;
        proxy_set_header X-Real-IP $remote_addr;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        # passive health checks: a replica that refuses or times out is skipped
        # (max_fails, fail_timeout on each server) and the request retried on the next
        proxy_connect_timeout 2s;
        proxy_next_upstream error timeout;

        location = @PROXY_HEALTH@ {
            access_log off;
            default_type text/plain;
            return 200 "ok\\n";
        }

        # The frontend's files, straight from the streamlit package: content-hashed
        # names, so cached for a year; precompressed copies served when accepted.
        location /static/ {
            alias @STATIC@/;
            gzip_static @GZIP_STATIC@;
            add_header Cache-Control "public, max-age=31536000, immutable" always;
            access_log off;
        }

        # Each tab's websocket: long-lived, never buffered.
        location ~ /_stcore/stream$ {
            proxy_pass http://streamlit;
            proxy_buffering off;
            proxy_read_timeout 1d;
            proxy_send_timeout 1d;
            add_header Set-Cookie $stroute_set_cookie always;
            add_header @REPLICA_HEADER@ $upstream_addr always;
        }

        # The page, the health and host-config probes, /media/ downloads.
        location / {
            proxy_pass http://streamlit;
            add_header Set-Cookie $stroute_set_cookie always;
            add_header @REPLICA_HEADER@ $upstream_addr always;
        }
    }
}
"""

MIME_FALLBACK = """types {
        text/html html; text/css css; application/javascript js mjs; application/json json;
        image/svg+xml svg; image/png png; image/gif gif; image/x-icon ico;
        font/woff2 woff2; font/woff woff; text/plain txt; application/wasm wasm;
    }"""


def nginx_conf(*, workdir: Path, listen: str, ports: Sequence[int], static: Path,
               gzip_static: bool, workers: int = 1, app: str = "streamlit_app.py") -> str:
    """The whole nginx configuration for ``ports`` (replicas on 127.0.0.1)."""
    mime = Path("/etc/nginx/mime.types")
    types = f"include {mime};" if mime.is_file() else MIME_FALLBACK
    # nginx's workers run as "nobody" when started by root, and could not read the
    # package under /root: as root, keep root (loopback development use only)
    user = "user root;" if hasattr(os, "geteuid") and os.geteuid() == 0 else ""
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;"
                        for p in ports)
    subs = {
        "@N@": str(len(ports)), "@APP@": app, "@USER@": user, "@WORKERS@": str(workers),
        "@DIR@": str(workdir), "@TYPES@": types, "@COOKIE@": COOKIE, "@SERVERS@": servers,
        "@LISTEN@": listen, "@PROXY_HEALTH@": PROXY_HEALTH, "@STATIC@": str(static),
        "@GZIP_STATIC@": "on" if gzip_static else "off", "@REPLICA_HEADER@": REPLICA_HEADER,
    }
    text = NGINX_CONF
    for key, value in subs.items():
        text = text.replace(key, value)
    return text


# ------------------------------------------------------------------ cluster


@dataclass
class Replica:
    index: int
    port: int
    proc: subprocess.Popen
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        return self.proc.pid


class Cluster:
    """``n`` replicas of ``script`` and nginx in front, started by :meth:`start`
    (or ``with Cluster(...) as c:``) and stopped by :meth:`stop`."""

    def __init__(self, n: int = 2, *, port: int = 0, host: str = "127.0.0.1",
                 script: Path = APP, cwd: Path | None = None,
                 settings: Sequence[str] = (), workers: int = 1, gzip_static: bool = True,
                 workdir: Path | None = None, startup_timeout: float = 60.0) -> None:
        if n < 1:
            raise ValueError("at least one replica")
        self.n, self.host, self.workers = n, host, workers
        self.port = port
        self.script = Path(script).resolve()
        self.cwd = Path(cwd) if cwd else REPO
        self.opts, self.env = split_settings(settings)
        self.gzip_static = gzip_static
        self.keep_workdir = workdir is not None
        self.workdir = Path(workdir) if workdir else None
        self.startup_timeout = startup_timeout
        self.cookie_secret = secrets.token_hex(16)
        self.replicas: list[Replica] = []
        self.nginx: subprocess.Popen | None = None

    # --- start

    def start(self) -> Cluster:
        nginx = find_nginx()
        if nginx is None:
            raise RuntimeError("nginx not found (Debian: apt-get install -y nginx)")
        if self.workdir is None:
            self.workdir = Path(tempfile.mkdtemp(prefix="st-replicas-"))
        self.workdir.mkdir(parents=True, exist_ok=True)
        for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.workdir / "tmp" / sub).mkdir(parents=True, exist_ok=True)
        try:
            *ports, proxy_port = free_ports(self.n + 1)
            self.port = self.port or proxy_port
            self.replicas = [self._spawn(i, p) for i, p in enumerate(ports)]
            # compress the static files while the replicas import
            static = streamlit_static_dir() / "static"
            if self.gzip_static:
                static = static_mirror(self.workdir / "static")
            conf = self.workdir / "nginx.conf"
            conf.write_text(nginx_conf(
                workdir=self.workdir, listen=f"{self.host}:{self.port}", ports=ports,
                static=static, gzip_static=self.gzip_static, workers=self.workers,
                app=self.script.name), encoding="utf-8")
            base = [nginx, "-p", str(self.workdir), "-e", str(self.workdir / "error.log"),
                    "-c", str(conf)]
            check = subprocess.run([*base, "-t", "-q"], capture_output=True, text=True)
            if check.returncode:
                raise RuntimeError(f"nginx rejected {conf}:\n{check.stderr}")
            wait_healthy([(r.url + HEALTH, r.proc, r.log) for r in self.replicas],
                         self.startup_timeout)
            self.nginx = spawn(base, cwd=self.workdir, log=self.workdir / "nginx.out")
            wait_healthy([(self.url + PROXY_HEALTH, self.nginx, self.workdir / "error.log"),
                          (self.url + HEALTH, self.nginx, self.workdir / "error.log")], 15)
        except BaseException:
            self.stop()
            raise
        return self

    def _spawn(self, index: int, port: int) -> Replica:
        assert self.workdir is not None
        log = self.workdir / f"replica-{index}.log"
        cmd = streamlit_cmd(self.script, port, self.opts)
        # the secret cannot be a command-line flag (Streamlit refuses it there)
        env = {"STREAMLIT_SERVER_COOKIE_SECRET": self.cookie_secret, **self.env}
        return Replica(index, port, spawn(cmd, cwd=self.cwd, log=log, env=env), log)

    def respawn(self, replica: Replica) -> Replica:
        """Start a replica that exited again, on its port (its sessions are gone)."""
        stop(replica.proc)
        fresh = self._spawn(replica.index, replica.port)
        self.replicas[replica.index] = fresh
        return fresh

    # --- what it is

    @property
    def url(self) -> str:
        return f"http://{'127.0.0.1' if self.host in ('0.0.0.0', '') else self.host}:{self.port}"

    def nginx_pids(self) -> list[int]:
        """nginx's master and its workers."""
        if self.nginx is None or self.nginx.poll() is not None:
            return []
        return [self.nginx.pid, *children(self.nginx.pid)]

    def state(self) -> dict[str, object]:
        return {
            "url": self.url, "port": self.port, "workdir": str(self.workdir),
            "nginx_pid": self.nginx.pid if self.nginx else None,
            "nginx_pids": self.nginx_pids(),
            "replicas": [{"index": r.index, "port": r.port, "pid": r.pid, "url": r.url,
                          "log": str(r.log)} for r in self.replicas],
        }

    def write_state(self, path: Path) -> None:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(self.state(), indent=2), encoding="utf-8")
        tmp.replace(path)  # atomic: a reader never sees half a file

    # --- stop

    def stop(self) -> None:
        """nginx first (fast shutdown: open websockets would hold a graceful one),
        then every replica, then the work folder unless it was given."""
        stop(self.nginx)
        self.nginx = None
        for r in self.replicas:
            stop(r.proc)
        if self.workdir is not None and not self.keep_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> Cluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def children(pid: int) -> list[int]:
    """Pids whose parent is ``pid`` (from /proc)."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # the second field, the command, is in parentheses and may hold spaces
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == pid:
            out.append(int(entry.name))
    return out


# --------------------------------------------------------------------- main


def monitor(cluster: Cluster, *, interval: float, respawn: bool, state_file: Path | None,
            stopping: list[bool]) -> int:
    """Poll every replica's health until asked to stop; print each change."""
    up = {r.index: True for r in cluster.replicas}
    next_check = time.monotonic() + interval
    while not stopping:
        time.sleep(0.1)
        if cluster.nginx is not None and cluster.nginx.poll() is not None:
            print(f"nginx exited with {cluster.nginx.returncode}:\n"
                  f"{tail(cluster.workdir / 'error.log') if cluster.workdir else ''}",
                  file=sys.stderr, flush=True)
            return 1
        if time.monotonic() < next_check:
            continue
        next_check = time.monotonic() + interval
        for r in list(cluster.replicas):
            exited = r.proc.poll()
            ok = exited is None and healthy(r.url + HEALTH, timeout=min(interval, 2.0))
            if ok != up[r.index]:
                print(f"replica {r.index} (port {r.port}, pid {r.pid}): "
                      f"{'healthy' if ok else 'DOWN' if exited is None else f'exited {exited}'}",
                      flush=True)
                up[r.index] = ok
            if exited is not None and respawn:
                fresh = cluster.respawn(r)
                print(f"replica {r.index}: restarted as pid {fresh.pid}", flush=True)
                if state_file:
                    cluster.write_state(state_file)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--replicas", type=int, default=2, help="app processes (default 2)")
    ap.add_argument("--port", type=int, default=8080, help="the proxy's port (0: any free one)")
    ap.add_argument("--host", default="127.0.0.1",
                    help="the proxy's address (0.0.0.0 to serve the network)")
    ap.add_argument("--app", type=Path, default=APP, help="the Streamlit script")
    ap.add_argument("--server-opt", action="append", default=[], metavar="KEY=VALUE",
                    help="a Streamlit option for every replica (runner.postScriptGC=false), "
                         "or an environment variable if KEY has no dot; repeatable")
    ap.add_argument("--workers", type=int, default=1, help="nginx worker processes")
    ap.add_argument("--no-gzip-static", action="store_true",
                    help="serve /static/ uncompressed from the package (no start-up cost)")
    ap.add_argument("--respawn", action="store_true", help="restart a replica that exits")
    ap.add_argument("--check-interval", type=float, default=2.0,
                    help="seconds between health checks of each replica")
    ap.add_argument("--state-file", type=Path, help="write URL, pids and ports here as JSON")
    ap.add_argument("--workdir", type=Path,
                    help="keep the nginx config and logs here (default: a temporary folder)")
    args = ap.parse_args(argv)

    stopping: list[bool] = []

    def on_signal(signum: int, _frame: object) -> None:
        stopping.append(True)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    cluster = Cluster(args.replicas, port=args.port, host=args.host, script=args.app,
                      settings=args.server_opt, workers=args.workers,
                      gzip_static=not args.no_gzip_static, workdir=args.workdir)
    t0 = time.perf_counter()
    try:
        cluster.start()
    except RuntimeError as e:
        print(f"could not start: {e}", file=sys.stderr)
        return 1
    rc = 0
    try:
        print(f"{cluster.url}/  ({args.replicas} replicas behind nginx, up in "
              f"{time.perf_counter() - t0:.1f} s; work folder {cluster.workdir})", flush=True)
        for r in cluster.replicas:
            print(f"  replica {r.index}: {r.url} pid {r.pid}", flush=True)
        if args.state_file:
            cluster.write_state(args.state_file)
        if not stopping:
            rc = monitor(cluster, interval=args.check_interval, respawn=args.respawn,
                         state_file=args.state_file, stopping=stopping)
    finally:
        cluster.stop()
        if args.state_file:
            args.state_file.unlink(missing_ok=True)
    print("stopped", flush=True)
    return rc


if __name__ == "__main__":
    sys.exit(main())
