"""ui.tables' cash-line builders: every value where there is one, "—" and
the reason where a scenario never pays off, and the daily ledger's CSV."""

from __future__ import annotations

from calc import cashline as cl
from calc.cash_vs_installment import compare_with_installment
from calc.schedule import PlanTerms
from ui import tables
from ui.i18n import CATALOG

CARD = cl.LineTerms(limit=50_000, rate=0.0005, compounding="monthly")
ZH = CATALOG["zh"]  # outside a Streamlit run the catalogue is Chinese


def shown(table: tables.Table) -> list[dict[str, str]]:
    """The table as the screen shows it: every cell formatted text."""
    cols = table.values()
    return [{k: table.columns[k].cell(v[i]) for k, v in cols.items()}
            for i in range(table.rows())]


def test_a_minimum_that_never_clears_shows_a_dash_and_why():
    # 10% of the statement with no floor stalls at a few fen (domain.md §2)
    plan = cl.RepaymentPlan("revolving", pay_rule="minimum", min_floor=0.0)
    rows = shown(tables.pay_rules(cl.compare_pay_rules([cl.Draw(10_000)], CARD, plan)))
    full, minimum, _ = rows
    assert full["months"] == "1" and full["note"] == ""
    assert minimum["months"] == "—" and minimum["note"] == ZH["cash.unpaid.stalled"]
    assert all("None" not in cell and "nan" not in cell for row in rows for cell in row.values())


def test_an_error_row_is_dashes_and_the_error():
    # a draw above the ¥50,000 limit: every rule carries the coded error
    rows = shown(tables.pay_rules(cl.compare_pay_rules([cl.Draw(60_000)], CARD,
                                                       cl.RepaymentPlan("revolving"))))
    for row in rows:
        assert row["months"] == row["paid"] == row["apr"] == "—"
        assert "¥50,000.00" in row["note"]


def test_the_same_purchase_never_paid_off_and_above_the_line():
    # ¥10 a month against ~¥150 of monthly interest on a card: past ¥1 billion;
    # 京东白条 at 1.2% a period is 25.60% nominal, above the 24% line
    plan = cl.RepaymentPlan("revolving", pay_rule="fixed", fixed_payment=10.0)
    c = compare_with_installment(10_000, CARD, plan,
                                 PlanTerms(kind="addon", periods=12, fee_rate=0.012))
    line, installment = shown(tables.versus(c))
    assert line["months"] == "—" and ZH["cash.unpaid.debt_cap"] in line["note"]
    assert installment["apr"] == "25.60%" and installment["note"] == ZH["cash.above_line_short"]


def test_the_ledger_csv_keeps_exact_accruals():
    # 先息后本 ¥10,000 at 18% a year: 150 a month spread as 5.0000 a day; the
    # second line at 0.05%/day accrues 150 × 0.0005 = 0.0750 a day from day 30
    line = cl.LineTerms(limit=200_000, rate=0.18, rate_unit="annual")
    r = cl.simulate([cl.Draw(10_000)], line, cl.RepaymentPlan("interest_only", term_months=3),
                    rollover=cl.Rollover(months=2, limit=10_000, rate=0.0005))
    text = tables.csv_on_demand(tables.ledger(r))()
    lines = text.lstrip("\ufeff").splitlines()
    header = lines[0].split(",")
    assert len(header) == 14 and header[0] == ZH["cash.ledger.day"]
    day30 = dict(zip(header, lines[31].split(","), strict=True))
    assert day30[ZH["cash.ledger.interest"]] == "5.0000"
    assert day30[ZH["cash.ledger.line2_interest"]] == "0.0750"
    assert day30[ZH["cash.ledger.line2_owed"]] == "150.00"
