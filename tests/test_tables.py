"""ui.tables: what a table shows on screen and what its CSV holds, for Excel."""

from __future__ import annotations

import csv
import io

import pyarrow as pa
import pytest

import ui.i18n
from calc.compare import compare
from calc.schedule import PlanTerms
from ui import tables
from ui.tables import Table, int_col, money_col, rate_col, text_col


@pytest.fixture(params=["zh", "en"])
def lang(request, monkeypatch):
    monkeypatch.setattr(ui.i18n, "_lang", lambda: request.param)
    return request.param


def read_csv(table: Table) -> tuple[str, list[list[str]]]:
    text = tables.csv_on_demand(table)()
    raw = text.encode("utf-8")  # what st.download_button sends for a str
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs for UTF-8
    return text, list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def sample() -> Table:
    data = pa.table({"name": ["a", None], "amount": [5.069333333333334, -0.004],
                     "rate": [13.0342, None], "month": [3.0, 1.6333333]})
    return Table(data, {"name": text_col("col.plan"), "amount": money_col("col.payment"),
                        "rate": rate_col("col.apr"), "month": int_col("col.month", fmt="%.2f")})


def test_cells_on_screen():
    t = sample()
    cells = {k: [t.columns[k].cell(v) for v in vals] for k, vals in t.values().items()}
    # −0.004 rounds to ¥0.00, shown without a minus; a missing value is a dash
    assert cells == {"name": ["a", ""], "amount": ["¥5.07", "¥0.00"],
                     "rate": ["13.03%", "—"], "month": ["3", "1.63"]}
    assert money_col("x").cell(-500.0) == "−¥500.00"


def test_csv_for_excel(lang):
    _, rows = read_csv(sample())
    header, first, second = rows
    assert header == [ui.i18n.t(k, lang) for k in ("col.plan", "col.payment", "col.apr",
                                                    "col.month")]
    # amounts to the fen, rates in percent to 4 decimals, whole months as integers,
    # no "-0.00", an empty cell where there is no value
    assert first == ["a", "5.07", "13.0342", "3"]
    assert second == ["", "0.00", "", "1.63"]


def test_schedule_csv_has_the_page_language_headers(lang):
    c = compare(3999, 0, 0, [PlanTerms(kind="addon", periods=12, fee_rate=0.005)])
    _, rows = read_csv(tables.amortization(c.plans[0]))
    assert rows[0][2] == ui.i18n.t("col.payment", lang)
    # 0.5% of ¥3,999 rounded each installment: 12 × ¥353.25 (issue 8's checkout figure)
    assert [r[2] for r in rows[1:]] == ["353.25"] * 12
    assert [r[1] for r in rows[1:]] == [str(k) for k in range(1, 13)]
    assert not any(cell.startswith("-0") for r in rows for cell in r)


def test_comparison_table_has_no_none_for_a_plan_that_fails(lang):
    c = compare(3999, 0, 0, [PlanTerms(kind="addon", periods=12, fee_rate=0.5)])
    t = tables.comparison(c, ["bad"])
    shown = {k: [t.columns[k].cell(v) for v in vals] for k, vals in t.values().items()}
    assert shown["apr"][1] == "—" and shown["total_cost"][1] == "—"
    assert shown["note"][1]  # the reason
    assert "None" not in str(shown)


def test_exact_accruals_keep_four_decimals():
    # a day's interest on ¥150 at 0.05%: 0.075, not rounded to 0.08 before it is charged
    col = tables.Column("cash.ledger.interest", "exact")
    assert col.csv(0.075) == "0.0750" and col.cell(0.075) == "0.0750"
    assert col.csv(-0.00001) == "0.0000" and col.csv(None) == ""


def test_csv_headers_are_those_of_the_run_that_offered_the_file(monkeypatch):
    # st.download_button calls the function when the file is asked for, outside
    # the script run, where the session's language cannot be read (it fell
    # back to Chinese: an English page downloaded Chinese headers)
    monkeypatch.setattr(ui.i18n, "_lang", lambda: "en")
    make = tables.csv_on_demand(sample())
    monkeypatch.setattr(ui.i18n, "_lang", lambda: "zh")
    header = next(csv.reader(io.StringIO(make().lstrip("\ufeff"))))
    assert header == [ui.i18n.CATALOG["en"][c.key] for c in sample().columns.values()]


# ---------------------------------- issue 21 (h9): the comparison table's width


def test_comparison_table_leads_with_the_payment_rate_and_cost_and_stars_the_cheapest(lang):
    # the classroom plan: ¥10,000 at 0.6% of the price a month for 12 months:
    # 10,000 / 12 = 833.33 (the last 833.37) + ¥60 fee = ¥893.33 a month;
    # 12 × 60 = ¥720 of fees, so ¥10,720.00 paid in all; advertised 0.6% × 12 = 7.20%
    c = compare(10_000, 0, 0, [PlanTerms(kind="addon", periods=12, fee_rate=0.006)])
    tb = tables.comparison(c, ["teach"])
    assert list(tb.columns)[:4] == ["plan", "first", "apr", "total_cost"]
    shown = {k: [tb.columns[k].cell(v) for v in vals] for k, vals in tb.values().items()}
    assert shown["first"][1] == "¥893.33" and shown["total_cost"][1] == "¥720.00"
    assert shown["plan"] == ["★ " + ui.i18n.t("cmp.full"), "teach"]  # paying now costs least
    assert not {"total_paid", "advertised", "avg_balance", "note"} & set(tb.columns)
    rates = tables.plan_rates(c.plans[0])
    got = {k: rates.columns[k].cell(v[0]) for k, v in rates.values().items()}
    assert got["total_paid"] == "¥10,720.00" and got["advertised"] == "7.20%"
    assert got["avg_balance"].endswith("%")
