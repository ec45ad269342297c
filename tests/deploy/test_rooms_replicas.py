"""The live class's rooms shared by two replicas on one PostgreSQL (issue 23).

Two replica processes (``bench/live_replica.py``: each its own Python, its
own :class:`rooms.store.Store`, engine and connections, as two app replicas
behind nginx have) on one throwaway PostgreSQL cluster
(:mod:`tests.pgcluster`): a room opened on one, students joining and
answering on the other, the teacher acting from either, and what one does
seen from both.  The live page is not in this run (it is built on another
branch); this checks what the page relies on: the store shared across
processes.  In CI a missing PostgreSQL fails, never skips.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from bench.live_replica import Replica
from rooms.logic import Refused
from tests import pgcluster

pytestmark = pytest.mark.deploy

QUESTIONS = [{"lesson": "monthly_fee", "kind": "rate", "answer": 0.1303, "wrong": 0.072},
             {"lesson": "total_cost", "kind": "cost", "answer": 1378.56, "wrong": None}]


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    yield from pgcluster.cluster(prefix="rooms-pg-deploy-")


@pytest.fixture(scope="module")
def replicas(pg_url: str) -> Iterator[tuple[Replica, Replica]]:
    a = Replica(pg_url)
    try:
        b = Replica(pg_url)
        try:
            yield a, b
        finally:
            b.close()
    finally:
        a.close()


def test_two_replicas_are_two_processes(replicas):
    a, b = replicas
    assert a.pid != b.pid


def test_a_room_opened_on_one_replica_is_joined_and_driven_across_both(replicas):
    a, b = replicas
    opened = a.call("open_room", QUESTIONS, now=1000.0)
    code, key = opened["room"]["code"], opened["key"]
    # students on replica B: 3 join, 2 answer (one changes their mind there)
    for i in range(3):
        b.call("join", code, f"student-{i:04d}", now=1001.0)
    b.call("submit", code, "student-0000", "7.2%", now=1002.0)
    b.call("submit", code, "student-0001", "13%", now=1003.0)
    b.call("submit", code, "student-0000", "13.03%", now=1004.0)
    # the projector, on replica A, counts them: 3 joined, 2 answered
    assert a.call("counts", code, 0) == [3, 2]
    assert sorted(x["value"] for x in a.call("answers", code, 0)) == [0.13, 0.1303]
    # the teacher reveals from A; both replicas see it at once
    a.call("act", code, key, "reveal", now=1005.0, rev=0)
    for r in (a, b):
        room = r.call("room", code, now=1006.0)
        assert (room["phase"], room["rev"]) == ("revealed", 1)
    # a second teacher device on B, still showing rev 0, is refused: stale
    with pytest.raises(Refused, match="stale"):
        b.call("act", code, key, "next", now=1007.0, rev=0)
    # a student on B sending the teacher's action with a guessed key changes nothing
    with pytest.raises(Refused, match="not_teacher"):
        b.call("act", code, "A" * 22, "next", now=1007.0)
    # the teacher moves on from B (its screen re-read: rev 1); A's students follow
    b.call("act", code, key, "next", now=1008.0, rev=1)
    room = a.call("room", code, now=1009.0)
    assert (room["index"], room["phase"]) == (1, "open")
    a.call("submit", code, "student-0002", "¥1,400", now=1010.0)  # on A this time
    assert b.call("counts", code, 1) == [3, 1]


def test_rate_limits_hold_across_replicas(replicas):
    """A session's submit bucket lives in the database: spreading 20 answers
    over both replicas gets the same 5 through (the burst, SUBMITS) as one."""
    a, b = replicas
    opened = a.call("open_room", QUESTIONS, now=2000.0)
    code = opened["room"]["code"]
    a.call("join", code, "student-9999", now=2000.0)
    taken = 0
    for i in range(20):
        try:
            (a, b)[i % 2].call("submit", code, "student-9999", f"{i}%", now=2001.0)
            taken += 1
        except Refused as err:
            assert err.code == "rate_limited"
    assert taken == 5  # SUBMITS.burst: 5 at once, then one per 2 s
    assert b.call("counts", code, 0) == [1, 1]  # one answer stored: the 5th, "4%"
    assert a.call("answers", code, 0) == [{"value": 0.04, "nick": ""}]


def test_many_students_on_both_replicas_at_once_are_all_counted(replicas):
    a, b = replicas
    code = a.call("open_room", QUESTIONS)["room"]["code"]
    start = time.time() + 0.5
    a.send("students", code, 0, 30, 1000, start)
    b.send("students", code, 30, 30, 1000, start)
    ra, rb = a.receive(), b.receive()
    assert ra["errors"] == [] and rb["errors"] == []
    assert a.call("counts", code, 0) == [60, 60]
