"""A live class's answers through the page and through the store, beside floors (issue 23).

PAGE LEVEL (``--page``, the default): the live page (``app_pages/live.py``)
served by ``streamlit run``, driven over Streamlit's websocket protocol
(``bench/wsclient.py``) as phones and a projector: ``--students`` phones at
once each open the room's link (joining) and submit an answer through the
page's form; a projector session reruns its live fragment every
``ui.live.PROJECTOR_TICK`` (1 s, as the browser does).  An answer is counted
on the projector at the end of the first projector tick that started after
its submit had finished (the submit's run commits before it ends).  Figures:
p50 / p95 / max from the submit's start to counted, the class's time to all
counted, errors, server CPU per student (``/proc``: join, answer and the
projector's ticks), and the projector's own cost once the class is quiet
(server CPU a second with only the projector open).  Runs: one process on
SQLite with ``--students`` (50); two replicas behind nginx
(``deploy/replicas.py``) on PostgreSQL with ``--replica-students`` (100).
The floor: ``bench/floor_app.py`` on the same kind of server, as many
sessions each opening it and changing its input once (the edit's run timed).

STORE LEVEL (always, after): :class:`rooms.store.Store` driven directly
(threads as students, a polling thread as the projector), no Streamlit; the
page's own cost (reruns, websockets) is not in these figures.

Store-level runs, each beside its floor measured in the same run on the same
database:

* ``1 process, SQLite``: ``--students`` (50) students, one thread each, all
  starting at once: join, then submit one answer (a unique value, so the
  projector can tell whose it sees); the projector polls
  ``answers()`` + ``counts()`` every ``--poll`` seconds.
* ``1 process, PostgreSQL``: the same on a throwaway PostgreSQL cluster.
* ``2 replicas, PostgreSQL``: ``--replica-students`` (100) students split over
  two replica processes (``bench/live_replica.py``, each its own Store), the
  projector in this process on a third Store.

Figures: p50 / p95 / max from a submit starting to the projector first
seeing that answer; the time for the whole class to join and answer;
errors; server CPU per answer (the process's, or the replicas', user+system,
during the burst, divided by the answers; the projector's polling included
for the one-process runs); the projector's own cost: ms of CPU per poll and
per second at one poll a second.  The floor: the same threads and poller, but
a submit is a bare ``INSERT`` in its own transaction into a table with no
checks, and a poll a bare ``SELECT``.

It asserts nothing: benchmarks print.  Run::

    python bench/bench_live.py [--students 50] [--replica-students 100] [--poll 0.1]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # python bench/bench_live.py

import sqlalchemy as sa  # noqa: E402

from bench.live_replica import Replica  # noqa: E402
from rooms.logic import Question  # noqa: E402
from rooms.store import Store, _sqlite_connect  # noqa: E402

QUESTIONS = (Question("monthly_fee", "rate", 0.1303, wrong=0.072),)


@dataclass
class Result:
    label: str
    lat: list[float]
    total: float
    errors: int
    cpu_per_answer: float
    poll_cpu_ms: float

    def line(self) -> str:
        if not self.lat:
            return f"{self.label:<36} no answer seen, errors {self.errors}"
        q = statistics.quantiles(self.lat, n=20) if len(self.lat) > 1 else [self.lat[0]] * 19
        p50 = statistics.median(self.lat)
        return (f"{self.label:<36} n={len(self.lat):>3}  p50 {1e3 * p50:7.1f} ms"
                f"  p95 {1e3 * q[18]:7.1f} ms  max {1e3 * max(self.lat):7.1f} ms"
                f"  all in {self.total:5.2f} s  errors {self.errors}"
                f"  CPU/answer {1e3 * self.cpu_per_answer:6.2f} ms"
                f"  poll {self.poll_cpu_ms:5.2f} ms CPU")


class Projector:
    """Polls ``see()`` (the set of values on the projector) every ``every`` s,
    noting when each value is first seen; CPU per poll measured on its thread."""

    def __init__(self, see: Callable[[], set[str]], every: float) -> None:
        self.see, self.every = see, every
        self.first: dict[str, float] = {}
        self.polls, self.cpu = 0, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            c0 = time.thread_time()
            seen = self.see()
            t = time.time()
            self.cpu += time.thread_time() - c0
            self.polls += 1
            for v in seen:
                self.first.setdefault(v, t)
            self._stop.wait(self.every)

    def __enter__(self) -> Projector:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def wait_for(self, n: int, timeout: float = 30.0) -> None:
        end = time.time() + timeout
        while len(self.first) < n and time.time() < end:
            time.sleep(0.01)


def in_process(label: str, n: int, poll: float, submit: Callable[[int, str], None],
               see: Callable[[], set[str]]) -> Result:
    """``n`` student threads calling ``submit(i, text)`` at once, a projector on ``see``."""
    starts: dict[str, float] = {}
    errors = [0]
    lock = threading.Lock()
    go = threading.Event()

    def student(i: int) -> None:
        text = f"{(1000 + i) / 100:.2f}%"
        go.wait()
        try:
            t = time.time()
            submit(i, text)
            with lock:
                starts[text] = t
        except Exception:  # noqa: BLE001 - counted
            with lock:
                errors[0] += 1

    threads = [threading.Thread(target=student, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    with Projector(see, poll) as proj:
        c0, t0 = time.process_time(), time.time()
        go.set()
        for t in threads:
            t.join(timeout=60)
        proj.wait_for(len(starts))
        cpu = time.process_time() - c0
    lat = [proj.first[v] - s for v, s in starts.items() if v in proj.first]
    done = max(proj.first.values(), default=t0) - t0
    missing = len(starts) - len(lat)
    return Result(label, lat, done, errors[0] + missing, cpu / max(1, len(starts)),
                  1e3 * proj.cpu / max(1, proj.polls))


def text_of(value: float) -> str:
    return f"{round(value * 100, 6):.2f}%"


def store_run(label: str, url: str, n: int, poll: float) -> Result:
    store = Store(url)
    try:
        room, _ = store.open_room(QUESTIONS, time.time())
        code = room.code

        def submit(i: int, text: str) -> None:
            token = f"bench-student-{i:05d}"
            store.join(code, token, time.time())
            store.submit(code, token, text, time.time())

        def see() -> set[str]:
            store.counts(code, 0)
            return {text_of(a.value) for a in store.answers(code, 0)}

        return in_process(label, n, poll, submit, see)
    finally:
        store.close()


def floor_run(label: str, url: str, n: int, poll: float) -> Result:
    engine = sa.create_engine(url, pool_size=5, max_overflow=10,
                              **({"connect_args": {"check_same_thread": False,
                                                   "timeout": 10.0}}
                                 if url.startswith("sqlite") else {}))
    if url.startswith("sqlite"):  # the store's settings: WAL, a busy timeout
        sa.event.listen(engine, "connect", _sqlite_connect)
    meta = sa.MetaData()
    t = sa.Table("floor_answers", meta, sa.Column("session", sa.String(64)),
                 sa.Column("value", sa.String(16)))
    meta.drop_all(engine)
    meta.create_all(engine)
    try:
        def submit(i: int, text: str) -> None:
            with engine.begin() as conn:
                conn.execute(t.insert().values(session=f"s{i}", value=text))

        def see() -> set[str]:
            with engine.connect() as conn:
                return set(conn.execute(sa.select(t.c.value)).scalars())

        return in_process(label, n, poll, submit, see)
    finally:
        meta.drop_all(engine)
        engine.dispose()


def replicas_run(label: str, url: str, n: int, poll: float) -> Result:
    store = Store(url)
    reps = [Replica(url), Replica(url)]
    try:
        code = reps[0].call("open_room", [{"lesson": "monthly_fee", "kind": "rate",
                                           "answer": 0.1303, "wrong": 0.072}])["room"]["code"]

        def see() -> set[str]:
            store.counts(code, 0)
            return {text_of(a.value) for a in store.answers(code, 0)}

        with Projector(see, poll) as proj:
            start = time.time() + 0.3
            half = n // 2
            reps[0].send("students", code, 0, half, 1000, start)
            reps[1].send("students", code, half, n - half, 1000, start)
            outs = [r.receive() for r in reps]
            starts = {**outs[0]["starts"], **outs[1]["starts"]}
            proj.wait_for(len(starts))
        lat = [proj.first[v] - s for v, s in starts.items() if v in proj.first]
        errors = sum(len(o["errors"]) for o in outs) + len(starts) - len(lat)
        cpu = sum(float(o["cpu"]) for o in outs)
        done = max(proj.first.values(), default=start) - start
        return Result(label, lat, done, errors, cpu / max(1, len(starts)),
                      1e3 * proj.cpu / max(1, proj.polls))
    finally:
        for r in reps:
            r.close()
        store.close()


# ------------------------------------------------------------------ page level


def _states(sess: Any, **values: object) -> Any:
    from streamlit.proto.WidgetStates_pb2 import WidgetStates

    out = WidgetStates()
    for key, value in values.items():
        w = out.widgets.add()
        w.id = sess.widget_ids[key]
        if value is True:
            w.trigger_value = True
        else:
            w.string_value = str(value)
    return out


@dataclass
class PageResult:
    label: str
    lat: list[float]
    total: float
    errors: int
    cpu_per_student: float
    projector_ms_per_s: float
    client_cpu: float = 0.0
    wall: float = 0.0

    def line(self) -> str:
        if not self.lat:
            return f"{self.label:<40} nothing counted, errors {self.errors}"
        q = statistics.quantiles(self.lat, n=20) if len(self.lat) > 1 else [self.lat[0]] * 19
        server = self.cpu_per_student * len(self.lat)
        return (f"{self.label:<40} n={len(self.lat):>3}  p50 {statistics.median(self.lat):5.2f} s"
                f"  p95 {q[18]:5.2f} s  max {max(self.lat):5.2f} s"
                f"  all counted in {self.total:5.2f} s  errors {self.errors}"
                f"  server CPU/student {1e3 * self.cpu_per_student:6.1f} ms"
                f"  projector alone {self.projector_ms_per_s:5.1f} ms CPU/s"
                f"  (burst {self.wall:4.1f} s wall: server CPU {server:4.1f} s,"
                f" this client's {self.client_cpu:4.1f} s)")


def page_run(label: str, target: Any, url: str, n: int, quiet: float = 5.0) -> PageResult:
    """``n`` phones answering on the live page at ``target``, a projector counting."""
    from bench.bench_class import cpu_seconds
    from bench.wsclient import Session
    from ui.live import PROJECTOR_TICK

    store = Store(url)
    room, _ = store.open_room(QUESTIONS, time.time())  # as the lessons page's button does
    code = room.code
    pids = target.server_pids
    proj = Session(target.url, query=f"lang=en&room={code}&view=projector")
    proj.run(page_name="live")
    frag = next(iter(set(proj.fragments.values())), "")
    ticks: list[tuple[float, float, int]] = []  # (started, ended, answered shown)
    stop_ticks = threading.Event()

    def tick() -> None:
        while not stop_ticks.is_set():
            t0 = time.time()
            proj.run(fragment_id=frag, page_name="live")
            ticks.append((t0, time.time(), int(proj.metrics[1]) if len(proj.metrics) > 1 else -1))
            stop_ticks.wait(max(0.0, PROJECTOR_TICK - (time.time() - t0)))

    done: list[tuple[float, float]] = []
    errors = [0]
    lock = threading.Lock()
    go = threading.Event()

    def phone(i: int) -> None:
        try:
            sess = Session(target.url, query=f"lang=en&room={code}&s=bench-phone-{i:05d}")
            try:
                go.wait()
                sess.run(page_name="live")  # opens the link: joins
                t0 = time.time()
                sess.run(_states(sess, **{"live-answer-0": f"{10 + i / 100:.2f}%",
                                          "FormSubmitter:live-send-0-Send": True}),
                         fragment_id=sess.fragments["live-answer-0"], page_name="live")
                with lock:
                    done.append((t0, time.time()))
            finally:
                sess.close()
        except Exception:  # noqa: BLE001 - counted
            with lock:
                errors[0] += 1

    threads = [threading.Thread(target=phone, args=(i,)) for i in range(n)]
    for th in threads:
        th.start()
    time.sleep(0.5)  # the websockets open before the clock starts
    ticker = threading.Thread(target=tick, daemon=True)
    cpu0, t_start, me0 = cpu_seconds(pids), time.time(), time.process_time()
    ticker.start()
    go.set()
    for th in threads:
        th.join(timeout=120)
    end = time.time() + 2 * PROJECTOR_TICK + 5
    while time.time() < end and not (ticks and ticks[-1][0] > max((e for _, e in done),
                                                                 default=0)):
        time.sleep(0.05)
    cpu1, me1, t_end = cpu_seconds(pids), time.process_time(), time.time()
    # the projector alone, the class quiet
    q0, c0 = time.time(), cpu_seconds(pids)
    time.sleep(quiet)
    q1, c1 = time.time(), cpu_seconds(pids)
    stop_ticks.set()
    ticker.join(timeout=10)
    proj.close()
    lat = []
    for started, ended in done:
        seen = next((te for ts, te, _ in ticks if ts >= ended), None)
        if seen is None:
            errors[0] += 1
        else:
            lat.append(seen - started)
    shown = max((a for _, _, a in ticks), default=0)
    counted = store.counts(code, 0)[1]
    store.close()
    if counted != len(done) or shown != len(done):
        errors[0] += abs(len(done) - counted)
    last_done = max((e for _, e in done), default=t_start)
    total = min((te for ts, te, _ in ticks if ts >= last_done), default=t_start) - t_start
    return PageResult(label, lat, total, errors[0], (cpu1 - cpu0) / max(1, n),
                      1e3 * (c1 - c0) / (q1 - q0), me1 - me0, t_end - t_start)


def floor_page_run(label: str, target: Any, n: int) -> PageResult:
    """``n`` sessions on ``bench/floor_app.py``: open it, change its input once."""
    from bench.bench_class import cpu_seconds
    from bench.wsclient import QUERY, Session

    lat: list[float] = []
    errors = [0]
    lock = threading.Lock()
    go = threading.Event()

    def one(i: int) -> None:
        try:
            sess = Session(target.url, query=QUERY)
            try:
                go.wait()
                sess.run()
                t0 = time.time()
                sess.run(sess.price_state(10000 + i))
                with lock:
                    lat.append(time.time() - t0)
            finally:
                sess.close()
        except Exception:  # noqa: BLE001 - counted
            with lock:
                errors[0] += 1

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for th in threads:
        th.start()
    time.sleep(0.5)
    cpu0, t0, me0 = cpu_seconds(target.server_pids), time.time(), time.process_time()
    go.set()
    for th in threads:
        th.join(timeout=120)
    total = time.time() - t0
    cpu = cpu_seconds(target.server_pids) - cpu0
    return PageResult(label, lat, total, errors[0], cpu / max(1, n), float("nan"),
                      time.process_time() - me0, total)


def page_level(n: int, n2: int) -> None:
    from bench.bench_class import FLOOR, start_cluster, start_single
    from deploy.replicas import APP

    print("PAGE LEVEL (the live page over Streamlit's websocket protocol; projector "
          "ticks every ui.live.PROJECTOR_TICK)")
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'page.sqlite3'}"
        floor = start_single(FLOOR, [])
        try:
            print(floor_page_run("floor page, 1 process", floor, n).line())
        finally:
            floor.close()
        target = start_single(APP, [f"ROOMS_DATABASE_URL={url}"])
        try:
            print(page_run("live page, 1 process, SQLite", target, url, n).line())
        finally:
            target.close()
    with postgres() as pg:
        floor = start_cluster(FLOOR, 2, [])
        try:
            print(floor_page_run("floor page, 2 replicas + nginx", floor, n2).line())
        finally:
            floor.close()
        target = start_cluster(APP, 2, [f"ROOMS_DATABASE_URL={pg}"])
        try:
            print(page_run("live page, 2 replicas + nginx, PostgreSQL", target, pg, n2).line())
        finally:
            target.close()


@contextlib.contextmanager
def postgres() -> Iterator[str]:
    from tests import pgcluster

    gen = pgcluster.cluster(prefix="rooms-pg-bench-")
    url = next(gen)
    try:
        yield url
    finally:
        with contextlib.suppress(StopIteration):
            next(gen)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--students", type=int, default=50)
    ap.add_argument("--replica-students", type=int, default=100)
    ap.add_argument("--poll", type=float, default=0.1, help="store level: projector poll, s")
    ap.add_argument("--no-page", dest="page", action="store_false",
                    help="skip the page-level runs")
    args = ap.parse_args(argv)
    n, n2, poll = min(args.students, 300), min(args.replica_students, 300), args.poll
    if args.page:
        page_level(n, n2)
    print("STORE LEVEL (rooms.store.Store driven directly, not the Streamlit page); "
          f"projector polls every {poll} s")
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        results.append(floor_run("floor INSERT, 1 process, SQLite", url, n, poll))
        results.append(store_run("store, 1 process, SQLite", url, n, poll))
        print(results[-2].line())
        print(results[-1].line())
    with postgres() as pg:
        for r in (floor_run("floor INSERT, 1 process, PostgreSQL", pg, n, poll),
                  store_run("store, 1 process, PostgreSQL", pg, n, poll),
                  floor_run("floor INSERT, 1 process, PostgreSQL", pg, n2, poll),
                  replicas_run("store, 2 replicas, PostgreSQL", pg, n2, poll)):
            results.append(r)
            print(r.line())
    for r in results:
        if r.label.startswith("store"):
            print(f"projector at one poll a second ({r.label}, {len(r.lat)} answers): "
                  f"{r.poll_cpu_ms:.2f} ms CPU a second")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
