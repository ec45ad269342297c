"""Tables for the pages: data from calc results, columns labelled in the
run's language, drawn with :func:`show`.

Each builder returns a :class:`Table`: the data with stable ASCII column
names, and each column's configuration (label, format, help).  Amounts use
one money column format and rates one percent format, on both pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from calc import cashline as cl
from calc.compare import Comparison, PlanResult
from calc.errors import CalcError
from ui.i18n import error_text, t

__all__ = ["Table", "money_col", "rate_col", "int_col", "text_col", "show", "csv_on_demand",
           "comparison", "amortization", "flows", "statements", "ledger", "pay_rules",
           "versus"]

Column = Any  # a st.column_config column (Streamlit types them as a TypedDict)


def money_col(key: str, help_key: str | None = None) -> Column:
    """Yuan to the fen with thousands separators."""
    return st.column_config.NumberColumn(t(key), format="¥%,.2f",
                                         help=t(help_key) if help_key else None)


def rate_col(key: str, help_key: str | None = None) -> Column:
    """A rate already in percent, two decimals."""
    return st.column_config.NumberColumn(t(key), format="%.2f%%",
                                         help=t(help_key) if help_key else None)


def int_col(key: str, help_key: str | None = None, fmt: str | None = None) -> Column:
    return st.column_config.NumberColumn(t(key), format=fmt,
                                         help=t(help_key) if help_key else None)


def text_col(key: str, **kw: Any) -> Column:
    return st.column_config.TextColumn(t(key), **kw)


@dataclass(frozen=True)
class Table:
    """Data (an Arrow table or a DataFrame) and its columns' configuration."""

    data: Any
    columns: dict[str, Column] = field(default_factory=dict)

    def headers(self) -> dict[str, str]:
        """Column name → its label in the run's language."""
        return {k: str(c.get("label") or k) for k, c in self.columns.items()}


def show(where: Any, table: Table, key: str, **kw: Any) -> None:
    """Draw ``table`` as a dataframe (no index)."""
    where.dataframe(table.data, hide_index=True, key=key, column_config=table.columns, **kw)


def csv_on_demand(table: Table) -> Callable[[], str]:
    """A function giving the table as CSV text, its labels as headers: for
    ``st.download_button``, which calls it only when the file is asked for."""
    def make() -> str:
        data = table.data
        frame = data.to_pandas() if isinstance(data, pa.Table) else data
        return str(frame.rename(columns=table.headers()).to_csv(index=False))

    return make


# ---------------------------------------------------------------- comparison


def comparison(c: Comparison, names: Sequence[str]) -> Table:
    """Paying in full and every plan: payments, totals and every rate."""
    rows: list[dict[str, object]] = [{  # paying in full borrows nothing: every rate is zero
        "plan": t("cmp.full"), "first": c.cash_price, "largest": c.cash_price,
        "total_paid": c.cash_price, "total_cost": 0.0, "advertised": 0.0, "apr": 0.0,
        "effective": 0.0, "avg_balance": 0.0, "present_cost": 0.0,
        "note": t("cmp.cheapest") if c.cheapest == -1 else "",
    }]
    for j, r in enumerate(c.plans):
        if r.schedule is None or r.rates is None:
            rows.append({"plan": names[j], "note": _error(r.error)})
            continue
        s, rt = r.schedule, r.rates
        notes = []
        if c.cheapest == j:
            notes.append(t("cmp.cheapest"))
        if r.above_line:
            notes.append(t("cmp.above_line_short"))
        rows.append({
            "plan": names[j], "first": float(s.payment[0]), "largest": float(s.payment.max()),
            "total_paid": s.total_paid, "total_cost": s.total_cost,
            "advertised": 100 * rt.advertised, "apr": 100 * rt.nominal,
            "effective": 100 * rt.effective, "avg_balance": 100 * rt.average_balance,
            "present_cost": r.present_cost, "note": " · ".join(notes),
        })
    order = ["plan", "apr", "total_cost", "first", "largest", "total_paid", "effective",
             "avg_balance", "advertised", "present_cost", "note"]
    # an Arrow table goes to the browser as it is; a DataFrame would be converted
    data = pa.Table.from_pylist([{k: row.get(k) for k in order} for row in rows])
    return Table(data, {
        "plan": text_col("col.plan", pinned=True),
        "first": money_col("col.first"),
        "largest": money_col("col.largest"),
        "total_paid": money_col("col.total_paid", "col.total_paid_help"),
        "total_cost": money_col("col.total_cost", "col.total_cost_help"),
        "advertised": rate_col("col.advertised", "formula.advertised"),
        "apr": rate_col("col.apr", "formula.apr"),
        "effective": rate_col("col.effective", "formula.effective"),
        "avg_balance": rate_col("col.avg_balance", "formula.avg_balance"),
        "present_cost": money_col("col.present_cost", "col.present_cost_help"),
        "note": text_col("col.note", width="large"),
    })


def _error(err: CalcError | None) -> str:
    return error_text(err) if err is not None else ""


def amortization(r: PlanResult) -> Table:
    """One plan's installments: when, how much, split, balance left."""
    s = r.schedule
    assert s is not None
    months = s.due_period + s.due_fraction
    whole = bool(np.all(months == np.round(months)))
    data = pa.table({
        "k": np.arange(1, s.n + 1),
        "month": months.astype(int) if whole else months,
        "payment": s.payment,
        "principal": s.principal,
        "charge": s.charge,
        "balance": s.balance,
    })
    return Table(data, {
        "k": int_col("col.k"),
        "month": int_col("col.month", "col.month_help", None if whole else "%.2f"),
        "payment": money_col("col.payment"),
        "principal": money_col("col.principal"),
        "charge": money_col("col.charge"),
        "balance": money_col("col.balance"),
    })


def flows(r: PlanResult) -> Table:
    """The cash flows the rate is solved from ("show the math")."""
    s = r.schedule
    assert s is not None
    data = pd.DataFrame({
        "t": [f.period + f.fraction for f in s.flows],
        "amount": [f.amount for f in s.flows],
    })
    return Table(data, {
        "t": int_col("col.month", fmt="%.2f"),
        "amount": money_col("col.flow", "col.flow_help"),
    })


# ----------------------------------------------------------------- cash line

_STATEMENT_COLS = ["month", "day", "drawn", "interest", "fees", "penalties", "due", "paid",
                   "owed"]
_ROLLOVER_COLS = ["rolled", "line2_interest", "line2_owed"]


def statements(r: cl.CashLineResult) -> Table:
    """Monthly statements; the second line's columns when a rollover ran."""
    cols = list(_STATEMENT_COLS)
    if r.totals.rolled or r.totals.line2_interest:
        cols += _ROLLOVER_COLS
    data = cl.to_frame(r.statements)[cols]
    config = {c: money_col(f"cash.col.{c}") for c in cols if c not in ("month", "day")}
    config["month"] = int_col("cash.col.month")
    config["day"] = int_col("cash.col.day")
    return Table(data, config)


def ledger(r: cl.CashLineResult) -> Table:
    """The daily ledger, as calc names its fields (for the CSV)."""
    return Table(cl.to_frame(r.ledger))


def pay_rules(outcomes: Sequence[cl.PayRuleOutcome]) -> Table:
    """The same draws paid in full, by the minimum, by a fixed amount."""
    rows: list[dict[str, object]] = []
    for o in outcomes:
        label = t(f"pay_rule.{o.rule}")
        if o.result is None:
            rows.append({"rule": label, "note": _error(o.error)})
            continue
        r = o.result
        rows.append({
            "rule": label, "paid": r.totals.paid, "cost": r.totals.cost,
            "apr": None if r.rates is None else 100 * r.rates.nominal,
            "months": r.payoff_month,
            "note": t("cash.never") if r.status != "paid_off" else "",
        })
    order = ["rule", "paid", "cost", "apr", "months", "note"]
    data = pd.DataFrame([{k: row.get(k) for k in order} for row in rows], columns=order)
    return Table(data, {
        "rule": text_col("cash.pay_rule"),
        "paid": money_col("cash.total_paid"),
        "cost": money_col("cash.total_cost"),
        "apr": rate_col("col.apr", "formula.apr"),
        "months": int_col("cash.months_to_pay"),
        "note": text_col("col.note"),
    })


def versus(c: cl.Comparison) -> Table:
    """The same purchase on this cash line and on an installment plan."""
    rows = []
    for key, s in (("cash.this_line", c.cash_line), ("cash.installment", c.installment)):
        rows.append({
            "way": t(key), "first": s.first_payment, "largest": s.max_payment,
            "payments": s.payments, "paid": s.total_paid, "cost": s.cost,
            "apr": None if s.nominal is None else 100 * s.nominal,
            "effective": None if s.effective is None else 100 * s.effective,
            "months": s.payoff_month,
        })
    return Table(pd.DataFrame(rows), {
        "way": text_col("cash.way"),
        "first": money_col("col.first"),
        "largest": money_col("col.largest"),
        "payments": int_col("cash.payments"),
        "paid": money_col("cash.total_paid"),
        "cost": money_col("cash.total_cost"),
        "apr": rate_col("col.apr", "formula.apr"),
        "effective": rate_col("col.effective", "formula.effective"),
        "months": int_col("cash.months_to_pay", fmt="%.2f"),
    })
