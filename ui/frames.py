"""calc results as pandas DataFrames, with calc's stable ASCII field names
as columns (for tables and CSV files).  Kept out of ``calc/``, which has no
pandas."""

from __future__ import annotations

from dataclasses import fields

import pandas as pd

from calc.cash_vs_installment import CashVsInstallment, WayToPay
from calc.cashline import Ledger, Statements

__all__ = ["to_frame"]


def to_frame(obj: Ledger | Statements | CashVsInstallment) -> pd.DataFrame:
    """A :class:`~calc.cashline.Ledger` or :class:`~calc.cashline.Statements`
    as one column per field; a :class:`~calc.cash_vs_installment.CashVsInstallment`
    as rows ``cash_line`` and ``installment``, one column per
    :class:`~calc.cash_vs_installment.WayToPay` field.

    ¥1,000 先息后本 at 18% a year over 3 months: 1.5% = ¥15 a month, the
    principal with the last:

    >>> from calc.cashline import Draw, LineTerms, RepaymentPlan, simulate
    >>> r = simulate([Draw(1_000)], LineTerms(10_000, 0.18, "annual"),
    ...              RepaymentPlan("interest_only", term_months=3))
    >>> to_frame(r.statements)[["month", "day", "paid"]].values.tolist()
    [[1.0, 30.0, 15.0], [2.0, 60.0, 15.0], [3.0, 91.0, 1015.0]]
    """
    if isinstance(obj, CashVsInstallment):
        rows = {k: {f.name: getattr(getattr(obj, k), f.name) for f in fields(WayToPay)}
                for k in ("cash_line", "installment")}
        return pd.DataFrame.from_dict(rows, orient="index")
    if isinstance(obj, (Ledger, Statements)):
        return pd.DataFrame({f.name: getattr(obj, f.name) for f in fields(obj)})
    raise TypeError(f"to_frame takes a Ledger, Statements or CashVsInstallment, "
                    f"not {type(obj).__name__}")
