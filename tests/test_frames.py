"""ui.frames: calc results as DataFrames with calc's ASCII field names."""

from __future__ import annotations

import pytest

from calc.cash_vs_installment import compare_with_installment
from calc.cashline import Draw, LineTerms, RepaymentPlan, simulate
from calc.schedule import PlanTerms
from ui.frames import to_frame

ANNUAL_18 = LineTerms(limit=200_000, rate=0.18, rate_unit="annual")


def test_ledger_and_statements():
    # 12 installments, the last on statement day E(12) = 365: days 0..365 are
    # 366 ledger rows, and 12 statements
    r = simulate([Draw(10_000)], ANNUAL_18, RepaymentPlan("equal_payment"))
    ledger, statements = to_frame(r.ledger), to_frame(r.statements)
    assert len(ledger) == 366 and len(statements) == 12
    assert all(c.isascii() for c in [*ledger.columns, *statements.columns])
    assert statements["paid"].tolist() == [916.8] * 12


def test_cash_vs_installment():
    c = compare_with_installment(10_000, ANNUAL_18, RepaymentPlan("equal_payment"),
                                 PlanTerms(kind="equal_payment", periods=12, rate=0.18))
    frame = to_frame(c)
    assert list(frame.index) == ["cash_line", "installment"]
    assert {"cost", "nominal", "effective", "payoff_month"} <= set(frame.columns)
    assert frame["cost"].tolist() == [1001.6, 1001.6]


def test_anything_else_is_a_type_error():
    with pytest.raises(TypeError):
        to_frame("ledger")
