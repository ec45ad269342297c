"""Issue 20, fair turns: no run waits behind another's long computation.

Page runs take no lock; a computation a link can stretch (a cash line
simulated for up to a century) waits for its turn at ``ui.memo.TURNS``, one
at a time, first asked first served, and nothing else waits for it."""

from __future__ import annotations

import threading

import pytest
from pagetest import APP, assert_clean
from streamlit.testing.v1 import AppTest

from calc import cashline as cl
from ui import memo

WAIT = 30.0  # seconds any step of these tests may take before it counts as stuck


def test_a_visitor_opens_a_page_while_a_long_simulation_runs(monkeypatch):
    # A cash line's simulation that does not end until told: a century run in
    # progress in another session.  The old code ran every page script under
    # one process-wide lock (ui.state.page_gate), so the visitor's run of the
    # comparison page waited for it: AppTest's run timed out.
    memo.STORE.clear()  # the simulation is a miss, as a new link's is
    entered, release, ended = threading.Event(), threading.Event(), threading.Event()
    real = cl.simulate

    def long_simulation(*args, **kwargs):
        if not entered.is_set():
            entered.set()
            release.wait(3 * WAIT)  # longer than the visitor's run may take
            ended.set()
        return real(*args, **kwargs)

    monkeypatch.setattr(cl, "simulate", long_simulation)
    other: list[AppTest] = []

    def century_session() -> None:
        at = AppTest.from_file(APP, default_timeout=4 * WAIT)
        at.switch_page("app_pages/cashline.py")
        other.append(at.run())

    busy = threading.Thread(target=century_session)
    busy.start()
    try:
        assert entered.wait(WAIT)  # the other session is inside its simulation
        visitor = AppTest.from_file(APP, default_timeout=WAIT).run()  # "/": the comparison
        assert_clean(visitor)
        assert visitor.number_input(key="cmp-p").value is not None
        assert not ended.is_set()  # done while the simulation still ran
    finally:
        release.set()
        busy.join(4 * WAIT)
    assert other and not other[0].exception


def test_turns_are_served_in_the_order_asked_and_a_releaser_queues_behind():
    turns = memo.Turns(1)
    order: list[str] = []
    first_in = threading.Event()
    go = threading.Event()

    def first() -> None:
        with turns:
            first_in.set()
            go.wait(WAIT)
            order.append("first")
        with turns:  # asks again at once: behind those already waiting
            order.append("first again")

    def other(name: str) -> None:
        with turns:
            order.append(name)

    threads = [threading.Thread(target=first)]
    threads[0].start()
    assert first_in.wait(WAIT)
    for k, name in enumerate(("second", "third"), start=1):
        th = threading.Thread(target=other, args=(name,))
        th.start()
        threads.append(th)
        for _ in range(int(WAIT * 100)):  # until it is queued, so the order is known
            if turns.waiting() == k:
                break
            threading.Event().wait(0.01)
        assert turns.waiting() == k
    go.set()
    for th in threads:
        th.join(WAIT)
    # threading.Semaphore would let "first again" take the place back before
    # "second" woke: one budget's eight century lines then kept the turn
    assert order == ["first", "second", "third", "first again"]


def test_a_computation_inside_one_in_its_turn_goes_on_in_that_turn():
    turns = memo.Turns(1)
    with turns:
        with turns:  # a budget's line simulating its cash line: no deadlock
            assert turns.held()
        assert turns.held()
    assert not turns.held() and turns.waiting() == 0


def test_a_class_opening_one_link_computes_it_once(monkeypatch):
    # fifty sessions asking for one new scenario: the first computes it in its
    # turn, the others find it stored when theirs comes
    memo.STORE.clear()
    calls: list[int] = []
    inside = threading.Event()
    go = threading.Event()

    @memo.cached_in_turn
    def century(x: int) -> int:
        calls.append(x)
        inside.set()
        go.wait(WAIT)
        return 2 * x

    got: list[int] = []
    threads = [threading.Thread(target=lambda: got.append(century(21))) for _ in range(5)]
    threads[0].start()
    assert inside.wait(WAIT)
    for th in threads[1:]:
        th.start()
    for _ in range(int(WAIT * 100)):
        if memo.TURNS.waiting() == 4:
            break
        threading.Event().wait(0.01)
    go.set()
    for th in threads:
        th.join(WAIT)
    assert got == [42] * 5 and calls == [21]


def test_a_bounded_computation_does_not_wait_for_the_turn():
    memo.STORE.clear()
    held, done = threading.Event(), threading.Event()

    def hold() -> None:
        with memo.TURNS:
            held.set()
            done.wait(WAIT)

    th = threading.Thread(target=hold)
    th.start()
    try:
        assert held.wait(WAIT)

        @memo.cached
        def comparison(x: int) -> int:
            return x + 1

        assert comparison(1) == 2  # no turn taken: returned while the turn is held
    finally:
        done.set()
        th.join(WAIT)


@pytest.fixture(autouse=True)
def _empty_store():
    yield
    memo.STORE.clear()

