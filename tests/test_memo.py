"""ui.memo: results cached by scenario within a byte budget, read-only."""

from __future__ import annotations

import numpy as np
import pytest

from calc import cashline as cl
from ui import memo
from ui.scenarios import cashline as sc


def test_the_least_recently_used_goes_first_once_the_budget_is_full():
    store = memo.ByteLRU(budget=100)
    store.put("a", "A", 40)
    store.put("b", "B", 40)
    assert store.get("a") == (True, "A")  # a is now the most recent
    store.put("c", "C", 40)  # 120 > 100: b, the least recent, goes
    assert "b" not in store and "a" in store and "c" in store
    assert store.used == 80


def test_a_value_larger_than_the_budget_is_returned_but_not_kept():
    store = memo.ByteLRU(budget=100)
    store.put("big", "X", 101)
    assert len(store) == 0 and store.used == 0


def test_sizes_count_array_buffers():
    # 1,000 float64 = 8,000 bytes of buffer, whatever the header
    assert 8_000 <= memo.size_of((np.zeros(1000), "x")) < 9_000


def test_a_long_result_is_measured_by_its_daily_arrays():
    # a percentage minimum with no floor stalls at a few fen (flag "stalled"):
    # a run of years, its ledger 14 daily arrays of 8 bytes a day at least
    r = cl.simulate([cl.Draw(10_000)], cl.LineTerms(limit=50_000, rate=0.0005),
                    cl.RepaymentPlan("revolving", pay_rule="minimum", min_floor=0.0))
    days = len(r.ledger.day)
    assert days > 3 * 365
    assert memo.size_of(r) >= days * 14 * 8


def test_a_cached_result_cannot_be_changed_by_a_session():
    # results are shared by every session asking for the same scenario
    inp = sc.inputs(sc.CASH.defaults())
    r = sc.simulate(inp)
    assert sc.simulate(inp) is r  # a hit returns the stored object
    with pytest.raises(ValueError):
        r.ledger.balance[0] = 0.0
