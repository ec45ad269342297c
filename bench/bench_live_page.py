"""What a live class's projector and phones cost the server per tick (issue 23).

A server of its own (rooms in a temporary SQLite file), a room with
``--students`` answers, then one projector session and one phone session over
the websocket (``bench/wsclient.py``), each asking ``--ticks`` times for its
fragment's rerun, as ``st.fragment(run_every=...)`` makes the browser do.
Prints the wall time per tick (request to ``script_finished``) and the
server's CPU per tick (its process's user + system time, ``/proc``), once
with the answers unchanged between ticks (the chart reused) and once with one
answer changed before every tick (the chart rebuilt).  Asserts nothing.

    python bench/bench_live_page.py [--students 30] [--ticks 50]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.wsclient import Session  # noqa: E402


class FragmentSession(Session):
    """A session that notes the fragment ids its deltas name."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fragment_ids: list[str] = []

    def _note(self, element, fragment_id: str = "") -> None:  # type: ignore[no-untyped-def]
        if fragment_id and fragment_id not in self.fragment_ids:
            self.fragment_ids.append(fragment_id)
        super()._note(element, fragment_id)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def ticks(session: FragmentSession, n: int, pid: int, before_each=None) -> tuple[float, float]:
    fid = session.fragment_ids[-1]
    walls = []
    cpu0 = cpu_seconds(pid)
    for i in range(n):
        if before_each:
            before_each(i)
        walls.append(session.run(fragment_id=fid))
    cpu = (cpu_seconds(pid) - cpu0) / n
    return statistics.median(walls) * 1000, cpu * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--students", type=int, default=30)
    ap.add_argument("--ticks", type=int, default=50)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp()
    url = f"sqlite:///{tmp}/rooms.sqlite3"
    os.environ["ROOMS_DATABASE_URL"] = url
    from rooms.store import Store
    from tests.appserver import free_port, start_server, stop_server
    from ui.live import questions

    port = free_port()
    proc = start_server(port)
    store = Store(url)
    try:
        room, _ = store.open_room(questions("monthly_fee"), time.time())
        for i in range(args.students):
            store.join(room.code, f"bench-student-{i:03d}", time.time())
            store.submit(room.code, f"bench-student-{i:03d}", f"{5 + 0.25 * i}", time.time())
        base = f"http://127.0.0.1:{port}"
        proj = FragmentSession(base, query=f"room={room.code}&view=projector&lang=en")
        proj.run(page_name="live")
        phone = FragmentSession(base, query=f"room={room.code}&lang=en&s=bench-student-000")
        phone.run(page_name="live")
        if not proj.fragment_ids or not phone.fragment_ids:
            raise RuntimeError("no fragment seen")
        wall, cpu = ticks(proj, args.ticks, proc.pid)
        print(f"projector tick, {args.students} answers unchanged: "
              f"wall {wall:.1f} ms (median), server CPU {cpu:.1f} ms a tick")
        # a second session resubmits between ticks: the rate limit allows 5 at
        # once then one per 2 s, so one session per tick
        def change(i: int) -> None:
            tok = f"bench-changer-{i:03d}"
            store.join(room.code, tok, time.time())
            store.submit(room.code, tok, f"{9 + 0.01 * i}", time.time())

        wall, cpu = ticks(proj, args.ticks, proc.pid, change)
        print(f"projector tick, one answer more each tick: "
              f"wall {wall:.1f} ms (median), server CPU {cpu:.1f} ms a tick")
        wall, cpu = ticks(phone, args.ticks, proc.pid)
        print(f"phone tick: wall {wall:.1f} ms (median), server CPU {cpu:.1f} ms a tick")
        proj.close()
        phone.close()
    finally:
        store.close()
        stop_server(proc)


if __name__ == "__main__":
    main()
