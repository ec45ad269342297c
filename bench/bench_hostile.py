"""Hostile links beside a plain visitor, in one run (issue 20).

One freshly started server (``bench_class.start_single``, warmed up by one
session), then, in turn:

1. **the start-month link**: a budget whose obligation starts in month
   100,000,000 (``/budget?...&bs1=100000000``, the short link
   ``?lang=en&z=ePmi0hYnQy1RDBElCiS3GkABnlwLAGaREXU``): server time to
   ``script_finished`` and the server's peak memory growth while it runs
   (``VmHWM`` is not reset between phases, so resident memory is sampled every
   10 ms), and whether the app raised;
2. **the visitor idle**: a new session opening ``/`` (the comparison page's
   default) ``--visits`` times, one after another: worst and median;
3. **a wave of century links**: ``--wave`` cash-line links (a revolving line
   paid by a 2% minimum with no floor: it never pays off, so the simulation
   runs the whole 100 years), each a fen apart so none is a cache hit,
   ``--at-once`` at a time, while the visitor keeps opening ``/``: the
   visitor's worst and median wait, its worst over its idle worst, the
   target's bound ``max(1.5 s, 4 x idle worst)``, the wave's own times, and
   the server's memory before, at the end of the wave, and ``--settle``
   seconds after the last century session closed;
4. **a wave of century budgets**: ``--budgets`` budgets, each of eight
   obligations that are century lines (a fen apart), ``--at-once`` at a time,
   beside the visitor: the same figures.

Every figure is printed, with its ratio to the target where the issue sets
one (``--json PATH`` writes them too).  It asserts nothing: benchmarks print.
Traffic stays on this machine (loopback only).

Run::

    python bench/bench_hostile.py                      # 60 century links, 20 budgets
    python bench/bench_hostile.py --wave 100 --at-once 8 --budgets 0
    python bench/bench_hostile.py --variant runner.postScriptGC=true
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_class import Target, rss_bytes, start_single, warm_up  # noqa: E402
from bench.wsclient import Session  # noqa: E402
from deploy.replicas import APP  # noqa: E402

#: The start-month link of the issue, in its short form (``ui.codec.shorten``).
START_MONTH_QUERY = "lang=en&z=ePmi0hYnQy1RDBElCiS3GkABnlwLAGaREXU"
TIMEOUT = 120.0
MB = 1e6


def century_scenario(i: int) -> dict[str, object]:
    """A cash line that never pays off: ¥10,000 plus ``i`` fen on the default
    line, paid by a 2% minimum with no floor (the interest outgrows it)."""
    from ui.scenarios.cashline import CASH

    scn = CASH.defaults()
    scn.update(m="revolving", pr="minimum", mp=2.0, mf=0.0, a1=round(10_000 + i / 100, 2))
    return scn


def century_query(i: int) -> str:
    from ui.codec import encode, to_query
    from ui.scenarios.cashline import CASH

    return to_query(encode(CASH, century_scenario(i), "en"))


def budget_query(i: int, lines: int = 8) -> str:
    """A budget of ``lines`` century lines, ``i`` telling budgets apart."""
    from ui.codec import encode, pack, to_query
    from ui.scenarios.budget import BUDGET, OBLIGATIONS
    from ui.scenarios.cashline import CASH

    scn = BUDGET.defaults()
    scn["nb"] = lines
    for j in range(1, lines + 1):
        scn.update(OBLIGATIONS.blank(j))
        scn[f"bn{j}"] = f"line {j}"
        scn[f"bq{j}"] = pack(CASH, century_scenario(1_000 * (i + 1) + j))
    return to_query(encode(BUDGET, scn, "en"))


class Sampler:
    """The server's resident memory, sampled every 10 ms while running."""

    def __init__(self, pids: list[int]) -> None:
        self.pids, self.peak, self._stop = pids, 0, threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_bytes(self.pids))
            time.sleep(0.01)

    def __enter__(self) -> Sampler:
        self.peak = rss_bytes(self.pids)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_bytes(self.pids))


def open_once(url: str, query: str, page: str = "") -> tuple[float, str]:
    """One new session opening ``query``: seconds to ``script_finished``, or an error."""
    s = None
    try:
        s = Session(url, query, timeout=TIMEOUT)
        return s.run(page_name=page), ""
    except Exception as e:  # a benchmark reports, it does not stop
        return float("nan"), f"{type(e).__name__}: {e}"
    finally:
        if s is not None:
            s.close()


def start_month(target: Target) -> dict[str, object]:
    before = rss_bytes(target.server_pids)
    with Sampler(target.server_pids) as mem:
        secs, err = open_once(target.url, START_MONTH_QUERY)
    return {"server_s": secs, "peak_growth_mb": (mem.peak - before) / MB, "error": err,
            "target_s": 2.0, "target_mb": 200.0}


def visits(url: str, stop: threading.Event | None, count: int) -> tuple[list[float], list[str]]:
    """The visitor opening ``/``, one session after another: ``count`` times,
    or until ``stop`` is set (then at least once)."""
    times: list[float] = []
    errors: list[str] = []
    while True:
        secs, err = open_once(url, "")
        (errors.append(err) if err else times.append(secs))
        if stop is None and len(times) + len(errors) >= count:
            break
        if stop is not None and stop.is_set():
            break
        time.sleep(0.05)  # paced: not within a run's delayed-ACK window
    return times, errors


def wave(target: Target, queries: list[str], page: str, at_once: int,
         settle: float) -> dict[str, object]:
    """``queries`` opened ``at_once`` at a time while the visitor opens ``/``."""
    pids = target.server_pids
    before = rss_bytes(pids)
    stop = threading.Event()
    seen: dict[str, tuple[list[float], list[str]]] = {}

    def visitor() -> None:
        seen["v"] = visits(target.url, stop, 0)

    vt = threading.Thread(target=visitor)
    t0 = time.perf_counter()
    with Sampler(pids) as mem:
        vt.start()
        with ThreadPoolExecutor(at_once) as pool:
            got = list(pool.map(lambda q: open_once(target.url, q, page), queries))
        stop.set()
        vt.join()
    span = time.perf_counter() - t0
    at_end = rss_bytes(pids)
    time.sleep(settle)
    after = rss_bytes(pids)
    times = [s for s, e in got if not e]
    vtimes, verrors = seen["v"]
    return {
        "links": len(queries), "at_once": at_once, "span_s": span,
        "link_p50_s": statistics.median(times) if times else None,
        "link_max_s": max(times) if times else None,
        "link_errors": [e for _, e in got if e][:3],
        "link_error_count": sum(1 for _, e in got if e),
        "visits": len(vtimes), "visit_errors": verrors[:3],
        "visit_p50_s": statistics.median(vtimes) if vtimes else None,
        "visit_max_s": max(vtimes) if vtimes else None,
        "rss_before_mb": before / MB, "rss_peak_mb": mem.peak / MB,
        "rss_end_mb": at_end / MB, "rss_settled_mb": after / MB,
        "growth_end_mb": (at_end - before) / MB, "growth_settled_mb": (after - before) / MB,
    }


def fmt(x: object, spec: str = ".2f") -> str:
    return "—" if x is None else format(x, spec) if isinstance(x, float) else str(x)


def report_wave(name: str, w: dict[str, object], idle_worst: float) -> None:
    bound = max(1.5, 4 * idle_worst)
    vmax = w["visit_max_s"]
    print(f"\n{name}: {w['links']} links, {w['at_once']} at a time, {fmt(w['span_s'])} s in all")
    print(f"  links        p50 {fmt(w['link_p50_s'])} s  max {fmt(w['link_max_s'])} s"
          f"  errors {w['link_error_count']} {w['link_errors'] or ''}")
    print(f"  visitor '/'  {w['visits']} visits  p50 {fmt(w['visit_p50_s'])} s"
          f"  worst {fmt(vmax)} s  errors {len(w['visit_errors'])} {w['visit_errors'] or ''}")
    if isinstance(vmax, float):
        print(f"  worst / idle worst {vmax / idle_worst:.1f}x;  target max(1.5 s, 4 x idle)"
              f" = {bound:.2f} s: worst / target {vmax / bound:.2f}")
    print(f"  memory (MB)  before {fmt(w['rss_before_mb'], '.0f')}  peak"
          f" {fmt(w['rss_peak_mb'], '.0f')}  at end {fmt(w['rss_end_mb'], '.0f')}  settled"
          f" {fmt(w['rss_settled_mb'], '.0f')};  growth at end {fmt(w['growth_end_mb'], '.0f')},"
          f" settled {fmt(w['growth_settled_mb'], '.0f')} (target 400:"
          f" {float(w['growth_settled_mb']) / 400:.2f})")  # type: ignore[arg-type]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wave", type=int, default=60, help="century links in the wave")
    ap.add_argument("--budgets", type=int, default=20, help="budgets of 8 century lines")
    ap.add_argument("--at-once", type=int, default=8)
    ap.add_argument("--visits", type=int, default=10, help="idle visits to '/'")
    ap.add_argument("--settle", type=float, default=2.0,
                    help="seconds after a wave before its memory is read again")
    ap.add_argument("--variant", action="append", default=[],
                    help="KEY=VALUE server settings (as bench_class.py)")
    ap.add_argument("--json", type=Path, help="write the figures here too")
    args = ap.parse_args()
    settings = [s for v in args.variant for s in v.split(",") if s]
    target = start_single(APP, settings)
    out: dict[str, object] = {"settings": settings}
    try:
        warm_up(target, "", TIMEOUT)
        print(f"server pid {target.server_pids}, {rss_bytes(target.server_pids) / MB:.0f} MB"
              f" after the warm-up; settings {settings or 'as configured'}")

        sm = out["start_month"] = start_month(target)
        print(f"\nstart-month link: server time {fmt(sm['server_s'])} s (target 2 s: "
              f"{float(sm['server_s']) / 2:.2f}), peak growth {fmt(sm['peak_growth_mb'], '.0f')}"  # type: ignore[arg-type]
              f" MB (target 200: {float(sm['peak_growth_mb']) / 200:.2f})"  # type: ignore[arg-type]
              f", error: {sm['error'] or 'none'}")

        idle, idle_err = visits(target.url, None, args.visits)
        idle_worst = max(idle) if idle else float("nan")
        out["idle"] = {"times_s": idle, "errors": idle_err}
        print(f"\nvisitor '/' idle: {len(idle)} visits, p50 {fmt(statistics.median(idle))} s,"
              f" worst {fmt(idle_worst)} s, errors {len(idle_err)}")

        runs: list[tuple[str, str, Callable[[int], str], int]] = [
            ("century links", "cashline", century_query, args.wave),
            ("century budgets", "budget", budget_query, args.budgets)]
        for name, page, make, n in runs:
            if n <= 0:
                continue
            w = wave(target, [make(i) for i in range(n)], page, args.at_once, args.settle)
            out[name] = w
            report_wave(name, w, idle_worst)
    finally:
        target.close()
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, default=str))


if __name__ == "__main__":
    main()
