"""A whole class opening one link at once, against a floor page in the same run (issue 12).

For each size N (``--sizes 10,30,50,100``), N websocket sessions speaking
Streamlit's own protocol (``bench/wsclient.py``) open the link at the same
moment, as N phones would once the page's files are loaded.  For each burst it
prints, for the app and beside it for the floor page (``bench/floor_app.py``: one
input, one chart, the same imports, ``gc.freeze()``), measured right after on
the same kind of server:

* p50 / p95 / max time to all-rendered: from the common start to each
  session's first ``script_finished`` (connect included);
* errors (refused or dropped connections, exceptions, time-outs);
* server CPU per session: user + system time of the server process(es), from
  ``/proc/<pid>/stat`` before and after, divided by N (and nginx's, when a
  proxy is in front);
* server memory per session: the growth of resident memory (``VmRSS``) from
  before the burst to all rendered, divided by N;
* with ``--edit``, once all have rendered, every session changes one input (the
  price, ``--edit-key``) at the same moment: the same figures for that rerun;
* the app's figures divided by the floor's (``/floor``); with ``--elements``,
  also by those of ``bench/floor_elements.py`` (``/elems``), a page sending the
  comparison page's elements with none of its work: the least a page showing
  them can cost; with ``--blocks``, by those of ``bench/floor_blocks.py``
  (``/blocks``), the price's results drawn as one HTML block per section.

Each (size, page, variant) gets a freshly started server (warmed up by one
session per process, so imports and the first run are not counted), so bursts
do not inherit each other's lingering sessions.  ``--replicas 1,2`` runs every
burst on one process and again on two replicas behind nginx
(``deploy/replicas.py``); each ``--variant`` (``KEY=VALUE,...``; Streamlit
options such as ``runner.postScriptGC=false``, or environment variables of the
server when the key has no dot) runs everything again with those settings, so
levers can be compared in one run.  ``--url`` (and ``--floor-url``) aim at
servers already running instead, such as the proxy of ``deploy/replicas.py``;
give ``--pid`` (``--floor-pid``) to have their CPU and memory counted.

Traffic stays on this machine (a non-loopback address is refused); sessions,
sizes and every wait are bounded.  It asserts nothing: benchmarks print.

Run::

    python bench/bench_class.py                      # 10, 30, 50, 100 on one process
    python bench/bench_class.py --sizes 50 --edit --replicas 1,2 \\
        --variant "" --variant runner.postScriptGC=false
    python bench/bench_class.py --url http://127.0.0.1:8080 --sizes 50
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import math
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.wsclient import PRICE_KEY, QUERY, Session  # noqa: E402
from deploy.replicas import (  # noqa: E402
    APP,
    HEALTH,
    REPO,
    Cluster,
    free_ports,
    spawn,
    split_settings,
    stop,
    streamlit_cmd,
    wait_healthy,
)

FLOOR = REPO / "bench" / "floor_app.py"
ELEMENTS = REPO / "bench" / "floor_elements.py"  # the page's elements, no work (--elements)
BLOCKS = REPO / "bench" / "floor_blocks.py"  # the results as HTML blocks (--blocks)
MAX_SESSIONS = 300
CLK_TCK = os.sysconf("SC_CLK_TCK")
CLIENT_CPU = [0.0]  # this process's CPU seconds during the bursts
# seconds between the last session's end and reading the counters: the server's
# clean-up after a run counts, and the edits do not come within the ~40 ms
# delayed-ACK window of a run's end (../shared/streamlit.md, Performance)
SETTLE = 0.2


# ------------------------------------------------------------ process stats


def cpu_seconds(pids: Sequence[int]) -> float:
    """User + system CPU seconds of ``pids`` so far (a gone pid counts 0)."""
    total = 0
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # from field 3, "state"
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15)
    return total / CLK_TCK


def rss_bytes(pids: Sequence[int]) -> int:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


# ------------------------------------------------------------------ targets


@dataclass
class Target:
    """What a burst aims at: a URL, the app processes behind it, and a proxy's."""

    url: str
    server_pids: list[int]
    proxy_pids: list[int] = field(default_factory=list)
    direct_urls: list[str] = field(default_factory=list)  # each process, for the warm-up
    close: Callable[[], None] = lambda: None


def start_single(script: Path, settings: Sequence[str]) -> Target:
    """One ``streamlit run`` on loopback, from the repository's root."""
    opts, env = split_settings(settings)
    (port,) = free_ports(1)
    workdir = Path(tempfile.mkdtemp(prefix="bench-class-"))
    log = workdir / "server.log"
    proc = spawn(streamlit_cmd(script, port, opts), cwd=REPO, log=log, env=env)
    url = f"http://127.0.0.1:{port}"

    def close() -> None:
        stop(proc)
        log.unlink(missing_ok=True)
        workdir.rmdir()

    try:
        wait_healthy([(url + HEALTH, proc, log)], 60)
    except BaseException:
        close()
        raise
    return Target(url, [proc.pid], [], [url], close)


def start_cluster(script: Path, n: int, settings: Sequence[str]) -> Target:
    # the bench fetches no static files: no need to compress them first
    cluster = Cluster(n, port=0, script=script, settings=settings, gzip_static=False).start()
    return Target(cluster.url, [r.pid for r in cluster.replicas], cluster.nginx_pids(),
                  [r.url for r in cluster.replicas], cluster.stop)


def check_loopback(url: str) -> None:
    """Refuse any address but this machine's: a class burst is a load test."""
    host = urlsplit(url).hostname or ""
    try:
        ok = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = False
    if not ok:
        raise SystemExit(f"refusing {url}: bench_class only targets loopback addresses")


# -------------------------------------------------------------------- burst


@dataclass
class Phase:
    """One phase of a burst (all opening, or all editing)."""

    times: list[float]  # seconds, of the sessions that succeeded
    errors: int
    cpu_s: float | None  # server CPU seconds in the phase
    rss_delta: int | None  # bytes (opening only)
    proxy_cpu_s: float | None

    def pct(self, q: float) -> float | None:
        if not self.times:
            return None
        xs = sorted(self.times)
        return xs[min(len(xs), max(1, math.ceil(q * len(xs)))) - 1]  # nearest rank

    def summary(self, n: int) -> dict[str, float | int | None]:
        return {
            "p50_s": statistics.median(self.times) if self.times else None,
            "p95_s": self.pct(0.95), "max_s": max(self.times) if self.times else None,
            "errors": self.errors,
            "cpu_ms_per_session": None if self.cpu_s is None else 1000 * self.cpu_s / n,
            "mem_mb_per_session": None if self.rss_delta is None else self.rss_delta / n / 1e6,
            "proxy_cpu_ms_per_session": (None if self.proxy_cpu_s is None
                                         else 1000 * self.proxy_cpu_s / n),
        }


def warm_up(target: Target, query: str, timeout: float, through_url: int = 8) -> None:
    """One session on each process (imports, first run and gc.freeze() are done), or
    ``through_url`` sessions through a given URL, whose processes are unknown (a
    proxy spreads 8 over 2 replicas, missing one 1 time in 128)."""
    for url in target.direct_urls or [target.url] * through_url:
        s = Session(url, query, timeout=timeout)
        try:
            s.run()
        finally:
            s.close()
    time.sleep(0.3)  # let the last run's clean-up finish before the counters are read


def burst(target: Target, n: int, query: str, edit_key: str | None,
          timeout: float) -> tuple[Phase, Phase | None, list[str]]:
    """``n`` sessions open ``query`` at once; then, with ``edit_key``, each changes it."""
    pids, proxy = target.server_pids, target.proxy_pids
    sessions: list[Session | None] = [None] * n
    opened: list[float | None] = [None] * n
    edited: list[float | None] = [None] * n
    errors: list[str] = []
    start = threading.Barrier(n + 1)
    loaded = threading.Barrier(n + 1)
    go_edit = threading.Barrier(n + 1)
    t0 = [0.0, 0.0]  # the burst's start, the edit's start

    def one(i: int) -> None:
        try:
            start.wait(timeout)
            s = Session(target.url, query, timeout=timeout)
            sessions[i] = s
            s.run()
            opened[i] = time.perf_counter() - t0[0]
        except Exception as e:
            errors.append(f"open #{i}: {type(e).__name__}: {e}")
        try:
            loaded.wait(timeout)
            if edit_key is None:
                return
            go_edit.wait(timeout)
            s = sessions[i]
            if s is None or opened[i] is None:
                return
            states = s.price_state(10_000 + 7 * (i + 1), edit_key)
            s.run(states, fragment_id=s.fragments.get(edit_key, ""))
            edited[i] = time.perf_counter() - t0[1]
        except Exception as e:
            errors.append(f"edit #{i}: {type(e).__name__}: {e}")

    c0 = os.times()
    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    cpu0, rss0, pcpu0 = cpu_seconds(pids), rss_bytes(pids), cpu_seconds(proxy)
    t0[0] = time.perf_counter()
    try:
        start.wait(timeout)
        loaded.wait(timeout)  # every session rendered (or failed)
    except threading.BrokenBarrierError:
        errors.append(f"the burst did not finish within {timeout:.0f} s")
        loaded.abort()
        go_edit.abort()
    time.sleep(SETTLE)  # the last runs' clean-up (the post-run collection) is theirs
    cpu1, rss1, pcpu1 = cpu_seconds(pids), rss_bytes(pids), cpu_seconds(proxy)
    load_errors = sum(1 for x in opened if x is None)
    open_phase = Phase([x for x in opened if x is not None], load_errors,
                       cpu1 - cpu0 if pids else None, rss1 - rss0 if pids else None,
                       pcpu1 - pcpu0 if proxy else None)
    edit_phase = None
    if edit_key is not None and not go_edit.broken:
        t0[1] = time.perf_counter()
        try:
            go_edit.wait(timeout)
        except threading.BrokenBarrierError:
            errors.append("the edit phase could not start")
    deadline = time.monotonic() + timeout
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    if any(t.is_alive() for t in threads):
        errors.append(f"sessions still running after {timeout:.0f} s")
    if edit_key is not None and t0[1]:
        time.sleep(SETTLE)
        cpu2, pcpu2 = cpu_seconds(pids), cpu_seconds(proxy)
        edit_phase = Phase([x for x in edited if x is not None],
                           sum(1 for i in range(n) if edited[i] is None),
                           cpu2 - cpu1 if pids else None, None,
                           pcpu2 - pcpu1 if proxy else None)
    for s in sessions:
        if s is not None:
            try:
                s.close()
            except Exception:
                pass
    c1 = os.times()
    CLIENT_CPU[0] += c1.user + c1.system - c0.user - c0.system
    return open_phase, edit_phase, errors


# ------------------------------------------------------------------- report


def fmt(x: float | None, spec: str) -> str:
    """``x`` formatted by ``spec`` ("7.2f"), or a dash as wide."""
    width = int(spec.split(".")[0])
    return f"{'—':>{width}}" if x is None else format(x, spec)


def ratio(a: float | None, b: float | None) -> str:
    return "—" if a is None or b is None or b <= 0 else f"{a / b:.1f}×"


HEAD = (f"  {'N':>4} {'page':<8} {'p50 s':>7} {'p95 s':>7} {'max s':>7} {'errors':>6} "
        f"{'CPU ms/session':>14} {'MB/session':>10} {'proxy CPU ms/s.':>15}")


def row(n: int, name: str, s: dict) -> str:
    return (f"  {n:>4} {name:<8} {fmt(s['p50_s'], '7.2f')} {fmt(s['p95_s'], '7.2f')} "
            f"{fmt(s['max_s'], '7.2f')} {s['errors']:>6} "
            f"{fmt(s['cpu_ms_per_session'], '14.1f')} {fmt(s['mem_mb_per_session'], '10.2f')} "
            f"{fmt(s['proxy_cpu_ms_per_session'], '15.1f')}")


def ratio_row(n: int, a: dict, f: dict, name: str = "ratio") -> str:
    return (f"  {n:>4} {name:<8} {ratio(a['p50_s'], f['p50_s']):>7} "
            f"{ratio(a['p95_s'], f['p95_s']):>7} {ratio(a['max_s'], f['max_s']):>7} {'':>6} "
            f"{ratio(a['cpu_ms_per_session'], f['cpu_ms_per_session']):>14} "
            f"{ratio(a['mem_mb_per_session'], f['mem_mb_per_session']):>10}")


# --------------------------------------------------------------------- main


@dataclass
class Setup:
    label: str
    replicas: int  # 0: the --url target as given
    proxy: bool
    settings: list[str]


def run_setup(setup: Setup, args, sizes: list[int], out: list[dict]) -> None:
    print(f"\n== {setup.label}", flush=True)
    print(HEAD)
    pages = [("app", APP, args.url, args.pid), ("floor", FLOOR, args.floor_url, args.floor_pid)]
    if args.elements and setup.replicas > 0:
        pages.append(("elems", ELEMENTS, None, []))
    if args.blocks and setup.replicas > 0:
        pages.append(("blocks", BLOCKS, None, []))
    for n in sizes:
        results: dict[str, tuple[dict, dict | None]] = {}
        for name, script, url, given_pids in pages:
            if setup.replicas == 0 and url is None:
                continue  # --url without --floor-url: no floor
            if setup.replicas == 0:
                target = Target(url, list(given_pids))
            elif setup.replicas == 1 and not setup.proxy:
                target = start_single(script, setup.settings)
            else:
                target = start_cluster(script, setup.replicas, setup.settings)
            try:
                warm_up(target, args.query, args.timeout)
                load, edit, errors = burst(target, n, args.query,
                                           args.edit_key if args.edit else None, args.timeout)
            finally:
                target.close()
            results[name] = (load.summary(n), edit.summary(n) if edit else None)
            print(row(n, name, results[name][0]), flush=True)
            for e in errors[:3]:
                print(f"         {e}")
            if len(errors) > 3:
                print(f"         … and {len(errors) - 3} more")
            out.append({"setup": setup.label, "replicas": setup.replicas, "proxy": setup.proxy,
                        "settings": setup.settings, "n": n, "page": name,
                        "open": results[name][0], "edit": results[name][1]})
        for base in ("floor", "elems", "blocks"):
            if "app" in results and base in results:
                print(ratio_row(n, results["app"][0], results[base][0], f"/{base}"))
        if args.edit:
            for name, (_, e) in results.items():
                if e is not None:
                    print(row(n, f"{name}✎", e))
            for base in ("floor", "elems", "blocks"):
                if all(k in results and results[k][1] for k in ("app", base)):
                    print(ratio_row(n, results["app"][1], results[base][1],  # type: ignore[arg-type]
                                    f"✎/{base}"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10,30,50,100", help="sessions per burst")
    ap.add_argument("--edit", action="store_true",
                    help="then every session changes one input at once (✎ rows)")
    ap.add_argument("--elements", action="store_true",
                    help="also the elements floor (bench/floor_elements.py): the app's "
                         "elements with none of its work")
    ap.add_argument("--blocks", action="store_true",
                    help="also the blocks floor (bench/floor_blocks.py): the price's results "
                         "as one HTML block per section")
    ap.add_argument("--edit-key", default=PRICE_KEY, help="the number input the edit changes")
    ap.add_argument("--query", default=QUERY, help="the link's query string (the classroom link)")
    ap.add_argument("--replicas", default="1",
                    help="comma-separated: 1 is one process, N > 1 that many behind nginx")
    ap.add_argument("--proxy", action="store_true", help="nginx in front of one replica too")
    ap.add_argument("--server-opt", action="append", default=[], metavar="KEY=VALUE",
                    help="for every server started (a dotted Streamlit option, or an "
                         "environment variable); repeatable")
    ap.add_argument("--variant", action="append", metavar="KEY=VALUE,...",
                    help="run everything again with these settings on top; '' for none; "
                         "repeatable (default: one run with --server-opt only)")
    ap.add_argument("--url", help="an app already running (a server or a proxy): no servers "
                                  "are started; give --floor-url for the floor")
    ap.add_argument("--floor-url", help="with --url: the floor page already running")
    ap.add_argument("--pid", type=int, action="append", default=[],
                    help="with --url: a server process to count CPU and memory of")
    ap.add_argument("--floor-pid", type=int, action="append", default=[])
    ap.add_argument("--timeout", type=float, default=120.0,
                    help="seconds a burst (and each phase) may take at most")
    ap.add_argument("--json", type=Path, help="also write every figure here")
    args = ap.parse_args()
    args.query = args.query.lstrip("?")

    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    if not sizes or min(sizes) < 1 or max(sizes) > MAX_SESSIONS:
        raise SystemExit(f"sizes must be between 1 and {MAX_SESSIONS}")
    setups: list[Setup] = []
    if args.url:
        for u in (args.url, args.floor_url):
            if u:
                check_loopback(u)
        args.url = args.url.rstrip("/")
        args.floor_url = args.floor_url.rstrip("/") if args.floor_url else None
        setups.append(Setup(f"given server {args.url} (sizes run back to back on it)", 0,
                            False, []))
        if args.variant or args.server_opt:
            print("note: --variant and --server-opt apply only to servers started here")
    else:
        counts = [int(x) for x in args.replicas.split(",") if x.strip()]
        for variant in args.variant or [""]:
            extra = [x.strip() for x in variant.split(",") if x.strip()]
            settings = [*args.server_opt, *extra]
            for k in counts:
                where = (f"{k} replica{'s' if k > 1 else ''} behind nginx" if k > 1 or args.proxy
                         else "one process")
                label = f"{where}; settings: {', '.join(settings) or 'defaults'}"
                setups.append(Setup(label, k, k > 1 or args.proxy, settings))

    print(f"bench_class: link ?{args.query[:60]}…  sizes {sizes}"
          f"{'  + one edit each' if args.edit else ''}")
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"on {os.cpu_count()} CPUs")
    print("time to rendered: from the common start to each session's first script_finished; "
          "CPU and memory: the server processes' (/proc), per session; CPU counted in "
          f"{1000 / CLK_TCK:.0f} ms ticks")
    out: list[dict] = []
    for setup in setups:
        run_setup(setup, args, sizes, out)
    print(f"\nthis client's own CPU during the bursts: {CLIENT_CPU[0]:.1f} s (it shares the "
          f"machine with the servers); load average at end: "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.json:
        args.json.write_text(json.dumps({"query": args.query, "results": out}, indent=2),
                             encoding="utf-8")


if __name__ == "__main__":
    main()
