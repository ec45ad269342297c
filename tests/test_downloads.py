"""Issue 20: a download button keeps the scenario's inputs, not its tables.

Streamlit keeps a download button's function (and all it holds) while the
session lives and two minutes after it closes, and calls it, outside the
script run, when the file is asked for.  A century's daily ledger is 36,501
rows of 14 columns, 36,501 x 14 x 8 bytes = 4.1 MB: the function must keep
the inputs and build the file again from them."""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import sys
from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from pagetest import assert_clean, run
from streamlit.runtime.media_file_manager import MediaFileManager

from calc import cashline as cl
from ui import tables
from ui.codec import encode
from ui.i18n import CATALOG
from ui.scenarios import budget as bs
from ui.scenarios.cashline import CASH

EN = CATALOG["en"]


@pytest.fixture
def downloads(monkeypatch) -> dict[str, Callable[[], str]]:
    """The functions the page's download buttons give Streamlit, by file name."""
    got: dict[str, Callable[[], str]] = {}
    real = MediaFileManager.add_deferred

    def keep(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        got[str(file_name)] = data_callable
        return real(self, data_callable, mimetype, coordinates, file_name=file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", keep)
    return got


def held(obj: object, seen: set[int] | None = None) -> list[object]:
    """What ``obj`` keeps alive as data: through a function's closure (not
    its module), a partial's function and arguments, containers and
    dataclasses, down to the values."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return []
    seen.add(id(obj))
    if isinstance(obj, functools.partial):
        return held(obj.func, seen) + held(obj.args, seen) + held(obj.keywords, seen)
    if callable(obj) and hasattr(obj, "__code__"):
        cells = getattr(obj, "__closure__", None) or ()
        return [x for c in cells for x in held(c.cell_contents, seen)]
    if isinstance(obj, (tuple, list, set, frozenset)):
        return [x for item in obj for x in held(item, seen)]
    if isinstance(obj, dict):
        return [x for kv in obj.items() for x in held(kv, seen)]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [x for f in dataclasses.fields(obj) for x in held(getattr(obj, f.name), seen)]
    return [obj]


def assert_keeps_inputs_only(make: Callable[[], str]) -> None:
    kept = held(make)
    arrays = [type(x).__name__ for x in kept
              if isinstance(x, (np.ndarray, pd.DataFrame, pa.Table, tables.Table,
                                cl.CashLineResult, cl.Ledger))]
    assert arrays == []  # old code: the Table and its DataFrame of every row
    # the inputs: a few dozen numbers and codes, the headers' text
    assert sum(sys.getsizeof(x) for x in kept if not callable(x)) < 64_000


def century_link() -> dict[str, str]:
    # a 2% minimum with no floor never clears ¥10,000: the run goes the whole
    # 100 years, a ledger of 36,501 days
    scn = CASH.defaults()
    scn.update(m="revolving", pr="minimum", mp=2.0, mf=0.0, a1=10_000.0)
    return encode(CASH, scn, "en")


def test_the_century_ledgers_download_keeps_the_inputs_not_the_ledger(downloads):
    at = run(century_link(), page="app_pages/cashline.py")
    assert_clean(at)
    assert set(downloads) == {"statements.csv", "daily_ledger.csv"}
    for make in downloads.values():
        assert_keeps_inputs_only(make)
    lines = downloads["daily_ledger.csv"]().splitlines()
    # days 0 .. 36,500 (100 years of 365 days) and the header
    assert len(lines) == 1 + 36_501 and lines[-1].startswith("36500,")


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_the_files_built_again_are_exact(downloads):
    # 先息后本 ¥10,000 at 18% a year over 3 months, no fee: 1.5% = ¥150 a
    # month, spread as ¥150 / 30 = 5.0000 a day over the first statement
    # (days 0-29); statements on days 30, 60 and 91 charge ¥150 each, paid;
    # the last pays the principal too: ¥10,150.00, then nothing is owed
    scn = CASH.defaults()
    scn.update(m="interest_only", a1=10_000.0, r=18.0, u="annual", tm=3, L=200_000.0,
               fp=0.0, fm=0.0, co="none")
    assert_clean(run(encode(CASH, scn, "en"), page="app_pages/cashline.py"))
    st_rows = rows(downloads["statements.csv"]())
    assert st_rows[0] == [EN[f"cash.col.{c}"] for c in
                          ("month", "day", "drawn", "interest", "fees", "penalties", "due",
                           "paid", "owed")]
    assert st_rows[1:] == [
        ["1", "30", "10000.00", "150.00", "0.00", "0.00", "150.00", "150.00", "10000.00"],
        ["2", "60", "0.00", "150.00", "0.00", "0.00", "150.00", "150.00", "10000.00"],
        ["3", "91", "0.00", "150.00", "0.00", "0.00", "10150.00", "10150.00", "0.00"],
    ]
    led = rows(downloads["daily_ledger.csv"]())
    head = led[0]
    assert head == [EN[f"cash.ledger.{f.name}"] for f in dataclasses.fields(cl.Ledger)]
    assert len(led) == 1 + 92  # days 0 .. 91
    day0, day30, last = (dict(zip(head, led[k], strict=True)) for k in (1, 31, -1))
    col = {f.name: EN[f"cash.ledger.{f.name}"] for f in dataclasses.fields(cl.Ledger)}
    assert (day0[col["drawn"]], day0[col["interest"]], day0[col["owed"]]) == \
        ("10000.00", "5.0000", "10000.00")
    # day 30: the statement's ¥150 charged and paid, the day's own 5.0000 accrued
    assert (day30[col["paid"]], day30[col["owed"]], day30[col["accrued"]]) == \
        ("150.00", "10000.00", "5.0000")
    assert (last[col["day"]], last[col["paid"]], last[col["balance"]]) == \
        ("91", "10150.00", "0.00")


def test_the_budgets_download_keeps_the_inputs(downloads):
    scn = bs.BUDGET.defaults()
    line = CASH.defaults()
    line.update(m="revolving", pr="minimum", mp=2.0, mf=0.0, a1=10_000.0)
    bs.add(scn, bs.cash_link(line))
    scn["bn1"] = "=HYPERLINK(1)"  # a header the file neutralises
    at = run(encode(bs.BUDGET, scn, "en"), page="app_pages/budget.py")
    assert_clean(at)
    make = downloads["budget.csv"]
    assert_keeps_inputs_only(make)
    got = rows(make())
    assert got[0][:2] == [EN["bud.col.month"], "'=HYPERLINK(1)"]
    # the century line's payments, month by month for 100 years
    assert len(got) == 1 + 1200 and got[1][0] == "1" and got[-1][0] == "1200"
