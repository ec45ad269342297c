"""A store-level replica: one process with its own :class:`rooms.store.Store`,
driven one JSON line at a time on stdin, answering one JSON line on stdout.

It stands for one app replica's use of the store (its own process, engine and
connection pool) where the live page is not in the run: the two-replica test
(``tests/deploy/test_rooms_replicas.py``) and ``bench/bench_live.py`` start
two of these on one PostgreSQL.  It is not the page: it measures and checks
the store shared between processes, not Streamlit.

Requests: ``{"op": "open_room" | "room" | "join" | "submit" | "act" | "counts"
| "answers" | "students" | "quit", "args": [...], "kw": {...}}``; ``now`` is
the caller's when given, else this process's ``time.time()``.  ``students``
runs ``count`` students in threads (join, then one answer each, unique
values ``base + i`` hundredths of a percent) and returns when each submit
started, the errors and this process's CPU seconds.  The answer:
``{"ok": result}`` or ``{"refused": code}`` or ``{"error": text}``.

Run: ``python -m bench.live_replica URL`` (loopback databases only: this is
a test and bench tool).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rooms.logic import Question, Refused, Room
from rooms.store import Store

REPO = Path(__file__).resolve().parents[1]


class Replica:
    """The parent's end: start a replica process on ``url`` and call it.

    ``call`` returns the result, or raises :class:`Refused` with the
    replica's code (``RuntimeError`` for anything else)."""

    def __init__(self, url: str) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "bench.live_replica", url],
                                     cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, bufsize=1)
        self.pid = int(self._read()["pid"])

    def _read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"replica {self.proc.pid} exited ({self.proc.poll()})")
        out: dict[str, Any] = json.loads(line)
        return out

    def send(self, op: str, *args: Any, **kw: Any) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"op": op, "args": args, "kw": kw}) + "\n")
        self.proc.stdin.flush()

    def receive(self) -> Any:
        out = self._read()
        if "refused" in out:
            raise Refused(out["refused"])
        if "error" in out:
            raise RuntimeError(out["error"])
        return out["ok"]

    def call(self, op: str, *args: Any, **kw: Any) -> Any:
        self.send(op, *args, **kw)
        return self.receive()

    def close(self) -> None:
        try:
            if self.proc.poll() is None:
                self.call("quit")
            self.proc.wait(timeout=10)
        except (OSError, RuntimeError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait(timeout=10)


def room_json(room: Room | None) -> dict[str, Any] | None:
    if room is None:
        return None
    out = asdict(room)
    out["questions"] = [asdict(q) for q in room.questions]
    return out


def students(store: Store, code: str, first: int, count: int, base: int,
             start_at: float) -> dict[str, Any]:
    """``count`` students in threads, all starting at ``start_at``: each joins
    and submits ``(base + i) / 100`` percent once."""
    starts: dict[str, float] = {}
    errors: list[str] = []
    lock = threading.Lock()

    def one(i: int) -> None:
        token = f"bench-{first + i:06d}-{os.getpid()}"
        text = f"{(base + first + i) / 100:.2f}%"
        try:
            store.join(code, token, time.time())
            t = time.time()
            store.submit(code, token, text, t)
            with lock:
                starts[text] = t
        except Exception as err:  # noqa: BLE001 - counted, reported
            with lock:
                errors.append(f"{type(err).__name__}: {err}")

    cpu0 = time.process_time()
    threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
    delay = start_at - time.time()
    if delay > 0:
        time.sleep(delay)
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return {"starts": starts, "errors": errors, "cpu": time.process_time() - cpu0}


def handle(store: Store, req: dict[str, Any]) -> Any:
    op, args, kw = req["op"], list(req.get("args", [])), dict(req.get("kw", {}))
    now = kw.pop("now", None)
    now = time.time() if now is None else float(now)
    if op == "open_room":
        qs = [Question(**q) for q in args[0]]
        room, key = store.open_room(qs, now)
        return {"room": room_json(room), "key": key}
    if op == "room":
        return room_json(store.room(args[0], now))
    if op == "join":
        return room_json(store.join(args[0], args[1], now))
    if op == "submit":
        return store.submit(args[0], args[1], args[2], now, **kw)
    if op == "act":
        return room_json(store.act(args[0], args[1], args[2], now, **kw))
    if op == "counts":
        return list(store.counts(args[0], int(args[1])))
    if op == "answers":
        return [asdict(a) for a in store.answers(args[0], int(args[1]))]
    if op == "students":
        return students(store, *args)
    raise ValueError(f"unknown op {op!r}")


def main(argv: list[str]) -> int:
    store = Store(argv[1])
    print(json.dumps({"ok": "ready", "pid": os.getpid()}), flush=True)
    try:
        for line in sys.stdin:
            req = json.loads(line)
            if req.get("op") == "quit":
                print(json.dumps({"ok": "bye"}), flush=True)
                break
            try:
                out: dict[str, Any] = {"ok": handle(store, req)}
            except Refused as err:
                out = {"refused": err.code}
            except Exception as err:  # noqa: BLE001 - the caller sees it
                out = {"error": f"{type(err).__name__}: {err}"}
            print(json.dumps(out), flush=True)
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
