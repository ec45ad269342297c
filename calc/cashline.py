"""备用金: a cash line (credit line drawn in cash) simulated day by day.

:func:`simulate` takes draws on a line, how they are repaid, optional faults
(late payments, paying only the minimum) and an optional rollover onto a
second line (以贷养贷), and returns a daily :class:`Ledger`, monthly
:class:`Statements`, :class:`Totals`, the realised cash flows' rates through
:mod:`calc.rates`, and the payoff day.  :func:`compare_with_installment` puts
the same purchase paid by a cash line beside an installment plan from
:func:`calc.schedule.build_schedule`.

Conventions
-----------
* **Calendar.** Day 0 is the first day.  Statement days, which are also the
  due days, fall at ``E(m) = floor(365 m / 12)``: days 30, 60, 91, 121, 152,
  182, 212, 243, 273, 304, 334, 365, ... so months run 30 or 31 days and
  twelve make a 365-day year.  Month ``m`` accrues interest over days
  ``E(m-1) .. E(m) - 1``.  A card's ~20 days between statement and due date
  are left out: the statement is due on its own day.
* **Rates.** An annual rate ``r`` is the daily rate ``r / 365`` and the
  monthly rate ``r / 12``; a daily rate ``d`` is ``d * 365`` a year and
  ``d * 365 / 12`` a month (:mod:`calc.units`).  So one average month (365/12
  days) of daily interest is exactly one month's interest.
* **Interest by the day** (``flexible``, ``revolving``): each day money is
  out accrues ``balance * d``, from the day of a draw up to, not including,
  the day it is repaid.  **Interest by the month** (``equal_payment``,
  ``equal_principal``, ``interest_only``): each month charges
  ``balance * r / 12`` whether it has 30 or 31 days, as lenders' 等额本息
  contracts do, and the schedule is :func:`calc.schedule.build_schedule`'s,
  so ¥10,000 at 18% over 12 months pays ¥916.80 a month.  A term draw made
  between due days pays ``days / 30`` of a month for its odd first period
  (calc.schedule; Reg Z: a day is 1/30 of a month).  The daily ledger spreads
  each month's charge evenly over the days it covers.
* **Rounding.** Interest accrues exactly (float) day by day and is *charged*,
  rounded once with :func:`calc.money.round_fen`, on each statement day and
  whenever a repayment settles it.  Fees and penalties are rounded when
  charged.  Every charge, payment and owed balance is therefore whole fen and
  ``paid + owed == drawn + interest + fees + penalties`` exactly.
* **Fees.** A draw costs ``max(round_fen(fee_pct * amount), fee_min)``
  (card cash advance: 1%, min ¥10), charged on the day of the draw; fees bear
  no interest until capitalised.
* **Order within a day:** accrue; the statement (charge interest, work out the
  payment due, pay it, roll it or leave it late); late payments falling due;
  draws; flexible repayments (so a draw repaid the same day owes its fee and
  no interest, and a draw on a statement day joins the next statement).  A
  payment settles charges (interest, fees, penalties) first, then capitalised
  charges, then principal.
* **Compounding.** By-the-day methods add charges still unpaid at the end of a
  statement day to the interest-bearing balance: compounded monthly, as the
  card cash advance in domain.md §1.
* **Revolving.** Paying the statement in full keeps an ``interest_free`` line
  (a card purchase) free of interest; otherwise interest runs on the *full*
  statement from each draw's day (domain.md §1, CMB).  A cash advance
  (``interest_free=False``) pays interest from day one regardless.  The
  minimum payment is ``max(min_pct * (statement - new fees and penalties),
  min_floor) + new fees and penalties``, capped at the statement.
* **Late payment.** The amount due on statement ``m`` is paid ``days`` later.
  Within ``grace_days`` it costs nothing; after, it costs penalty interest of
  ``unpaid * multiple * d * days`` on term methods (the overdue installment
  has left the schedule's balance, so it bears the overdue rate instead of the
  contract rate), or ``unpaid * (multiple - 1) * d * days`` on a revolving
  line (the unpaid amount still bears the contract rate in the balance), plus
  a 违约金 of ``max(late_fee_pct * unpaid, late_fee_min)``.
* **Rollover (以贷养贷).** On each of the first ``months`` statements the
  payment due is drawn from a second line (its own rate and fee) and paid to
  the first.  The second line accrues by the day and compounds monthly.  On
  the first statement nothing is rolled (the months are over, the second
  line's limit would be exceeded, or nothing is due) the borrower pays that
  statement and clears the second line out of pocket.
* **Rates of the realised flows.** Money to the borrower + (draws), from the
  borrower − (out-of-pocket payments).  The unit period is one month: day
  ``t`` is ``p`` whole months (statements on or before ``t``) plus the
  fraction ``(t - E(p)) / (E(p+1) - E(p))``, odd days simple (Reg Z), the
  same unit as calc.schedule, so a loan at 18% a year shows 18.00% either
  way.  ``nominal = i * 12``, ``effective = (1 + i)**12 - 1``.  A plan not
  paid off counts what it still owes as paid on its last day.
* **Horizon.** At most :data:`HORIZON_MONTHS` months (100 years, enough for
  domain.md's 80-year card example), and no further than the statement on
  which the debt passes :data:`DEBT_CAP` (flag ``debt_cap``); a plan still
  owing then ends with status ``not_paid_off`` and the fixed payments that
  would clear it in 12 and 36 months.

Examples
--------
A card cash advance (预借现金) of ¥5,000 repaid after 30 days, 1% fee (min ¥10)
and 0.05% a day: ¥50 fee + ¥5,000 × 0.05% × 30 = ¥75 interest, ¥125 in all,
30% a year:

>>> card = LineTerms(limit=50_000, rate=0.0005, rate_unit="daily", fee_pct=0.01, fee_min=10)
>>> r = simulate([Draw(5_000, day=0)], card,
...              RepaymentPlan("flexible", repayments=(Repayment(day=30),)))
>>> r.totals.fees, r.totals.interest, r.totals.cost, r.payoff_day
(50.0, 75.0, 125.0, 30)
>>> f"{r.rates.nominal:.2%}"
'30.00%'
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import numpy.typing as npt

from calc import validate
from calc.errors import CalcError, InputError, RateError
from calc.money import round_fen, round_fen_array
from calc.rates import CashFlow, effective_annual, nominal_apr, periodic_rate
from calc.schedule import DAYS_PER_PERIOD, PlanTerms, Schedule, build_schedule
from calc.schedule import LIMITS as SCHEDULE_LIMITS
from calc.units import (
    DAYS_PER_YEAR,
    MONTHS_PER_YEAR,
    RATE_UNITS,
    annuity_payment,
    daily_rate,
    monthly_rate,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "METHODS",
    "TERM_METHODS",
    "PAY_RULES",
    "RATE_UNITS",
    "STATUSES",
    "FLAGS",
    "ROLLOVER_STOPS",
    "HORIZON_MONTHS",
    "DEBT_CAP",
    "LIMITS",
    "Draw",
    "Repayment",
    "LineTerms",
    "RepaymentPlan",
    "LatePayment",
    "Faults",
    "Rollover",
    "Ledger",
    "Statements",
    "Totals",
    "LineRates",
    "CashLineResult",
    "Summary",
    "Comparison",
    "PayRuleOutcome",
    "simulate",
    "compare_with_installment",
    "compare_pay_rules",
    "statement_days",
    "quoted_rates",
    "to_frame",
]

#: ``equal_payment`` 等额本息, ``equal_principal`` 等额本金, ``interest_only``
#: 先息后本 (term methods); ``flexible`` 随借随还 (repay chosen amounts on chosen
#: days); ``revolving`` a card balance paid by a :data:`PAY_RULES` rule.
METHODS = ("equal_payment", "equal_principal", "interest_only", "flexible", "revolving")
TERM_METHODS = METHODS[:3]
#: Revolving: pay the statement in ``full``, only the ``minimum``, or a ``fixed`` amount.
PAY_RULES = ("full", "minimum", "fixed")
# RATE_UNITS is calc.units.RATE_UNITS, re-exported beside this module's other codes.
#: ``paid_off``, or ``not_paid_off`` within :data:`HORIZON_MONTHS`.
STATUSES = ("paid_off", "not_paid_off")
#: ``payment_below_interest``: some statement's payment (paid or rolled) was less
#: than that month's interest, so the debt grew; ``rollover_limit_hit``: the
#: second line refused a rollover; ``debt_doubled``: total owed reached twice
#: what was drawn; ``no_rate``: the realised flows have no rate (e.g. nothing
#: was paid back); ``debt_cap``: the debt passed :data:`DEBT_CAP` and the run
#: stopped there (it was never going to be paid off).
FLAGS = ("payment_below_interest", "rollover_limit_hit", "debt_doubled", "no_rate",
         "debt_cap")
#: Why a rollover ended: ``months`` done, second line's ``limit``, ``nothing_due``.
ROLLOVER_STOPS = ("months", "limit", "nothing_due")

_Floats = npt.NDArray[np.float64]
_Ints = npt.NDArray[np.int64]
_T = TypeVar("_T")

HORIZON_MONTHS = 1200
#: A run whose debt passes a billion yuan stops: beyond it float64 no longer
#: holds whole fen exactly (calc.money), and the plan is plainly never paid off.
DEBT_CAP = 1e9
_E = (np.arange(HORIZON_MONTHS + 2, dtype=np.int64) * DAYS_PER_YEAR) // MONTHS_PER_YEAR
_E_LIST = [int(x) for x in _E]
HORIZON_DAYS = _E_LIST[HORIZON_MONTHS]

#: Bounds of the inputs; the UI shows the same ones.  Amounts in yuan, rates
#: as fractions, ``*_pct`` as fractions too (0.01 = 1%).
LIMITS: dict[str, tuple[float, float]] = {
    "limit": (0.0, 1e8),  # open below
    "amount": (0.0, 1e8),  # open below; a draw must also fit in the unused limit
    "day": (0, HORIZON_DAYS - 1),
    "count": (1, 1000),  # draws; repayments and late faults may be 0..1000
    "rate_annual": SCHEDULE_LIMITS["rate_annual"],
    "rate_daily": SCHEDULE_LIMITS["rate_daily"],
    "fee_pct": (0.0, 0.1),
    "fee_min": (0.0, 1000.0),
    "term_months": SCHEDULE_LIMITS["periods"],
    "min_pct": (0.0, 1.0),  # open below
    "min_floor": (0.0, 1e6),
    "fixed_payment": (0.0, 1e8),
    "late_month": (1, HORIZON_MONTHS),
    "late_days": (1, 3650),
    "grace_days": (0, 90),
    "overdue_multiple": (1.0, 4.0),
    "late_fee_pct": (0.0, 0.2),
    "late_fee_min": (0.0, 1000.0),
    "rollover_months": (1, HORIZON_MONTHS),
}


# ----------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Draw:
    """``amount`` yuan drawn on ``day``; interest runs from that day."""

    amount: float
    day: int = 0


@dataclass(frozen=True)
class Repayment:
    """``amount`` yuan repaid on ``day``; ``None`` repays everything owed."""

    day: int
    amount: float | None = None


@dataclass(frozen=True)
class LineTerms:
    """A credit line: its ``limit`` on principal outstanding, its price
    (``rate`` per ``rate_unit``), its fee per draw and, for a card purchase,
    whether a statement paid in full is ``interest_free``."""

    limit: float
    rate: float
    rate_unit: str = "daily"
    fee_pct: float = 0.0
    fee_min: float = 0.0
    interest_free: bool = False


@dataclass(frozen=True)
class RepaymentPlan:
    """How the line is repaid: ``method`` from :data:`METHODS`.

    ``term_months`` for term methods; ``repayments`` for ``flexible`` (and as
    extra payments on ``revolving``); ``pay_rule`` with ``min_pct`` /
    ``min_floor`` / ``fixed_payment`` for ``revolving``.  The default floor of
    ¥100 reproduces domain.md's 37-month minimum-payment figure.
    """

    method: str
    term_months: int = 12
    repayments: tuple[Repayment, ...] = ()
    pay_rule: str = "full"
    min_pct: float = 0.10
    min_floor: float = 100.0
    fixed_payment: float = 0.0


@dataclass(frozen=True)
class LatePayment:
    """The payment due on statement ``month`` is paid ``days`` days late
    (a missed payment caught up with the next one: ``days`` ≈ 30)."""

    month: int
    days: int


@dataclass(frozen=True)
class Faults:
    """Late payments and what they cost (defaults: CMB card terms, domain.md §1)."""

    late: tuple[LatePayment, ...] = ()
    grace_days: int = 3
    overdue_multiple: float = 1.5
    late_fee_pct: float = 0.05
    late_fee_min: float = 10.0


@dataclass(frozen=True)
class Rollover:
    """以贷养贷: the first ``months`` payments are borrowed from a second line."""

    months: int
    limit: float
    rate: float
    rate_unit: str = "daily"
    fee_pct: float = 0.0
    fee_min: float = 0.0


# ----------------------------------------------------------------------------- outputs


@dataclass(frozen=True)
class Ledger:
    """One entry per day ``0 .. last day`` (numpy arrays).

    ``interest`` / ``line2_interest`` are the exact daily accruals before
    rounding (and before an interest-free waiver); what was charged is in
    :class:`Statements`.  ``owed`` is line 1's charged, unpaid debt at the end
    of the day (principal included), ``accrued`` its interest accrued but not
    yet charged; ``balance`` = ``owed + accrued + line2_owed + line2_accrued``.
    ``paid`` is out of pocket; ``rolled`` was paid to line 1 from line 2.
    """

    day: _Ints
    drawn: _Floats
    fees: _Floats
    interest: _Floats
    line2_interest: _Floats
    penalties: _Floats
    paid: _Floats
    rolled: _Floats
    principal: _Floats
    owed: _Floats
    accrued: _Floats
    line2_owed: _Floats
    line2_accrued: _Floats
    balance: _Floats


@dataclass(frozen=True)
class Statements:
    """One entry per month ``1 .. M`` (numpy arrays), for activity on days
    ``E(m-1) < t <= E(m)`` (day 0 in month 1).  ``day`` is the statement day
    (the payoff day for a last, partial month).  ``interest`` and
    ``line2_interest`` are charged, rounded amounts; ``due`` what the
    statement asked for; ``owed``, ``principal`` and ``line2_owed`` are at the
    end of ``day``."""

    month: _Ints
    day: _Ints
    drawn: _Floats
    interest: _Floats
    line2_interest: _Floats
    fees: _Floats
    penalties: _Floats
    due: _Floats
    paid: _Floats
    rolled: _Floats
    principal: _Floats
    owed: _Floats
    line2_owed: _Floats


@dataclass(frozen=True)
class Totals:
    """Sums over the whole run, in yuan (whole fen).  ``interest`` and
    ``fees`` include the second line's; ``cost = interest + fees +
    penalties``; ``owed_at_end`` is charged debt left on both lines and
    ``accrued_at_end`` interest accrued on it but not charged (both 0 when paid
    off).  ``paid + owed_at_end == drawn + cost``."""

    drawn: float
    interest: float
    fees: float
    penalties: float
    paid: float
    cost: float
    owed_at_end: float
    accrued_at_end: float
    line2_interest: float
    line2_fees: float
    rolled: float


@dataclass(frozen=True)
class LineRates:
    """Rates of the realised flows: ``periodic`` per month, ``nominal`` = i × 12
    (APR, 单利), ``effective`` = (1 + i)^12 − 1 (IRR, 复利)."""

    periodic: float
    nominal: float
    effective: float


@dataclass(frozen=True)
class CashLineResult:
    """What :func:`simulate` returns.

    ``status`` from :data:`STATUSES`; ``payoff_day`` / ``payoff_month`` are
    ``None`` when not paid off; ``flags`` a tuple of :data:`FLAGS` codes;
    ``rates`` ``None`` with flag ``no_rate``; ``clear_in_12`` /
    ``clear_in_36``: for a by-the-day plan not paid off, the fixed monthly
    payment that would clear the same draws within 12 / 36 statements,
    else ``None``.  ``rollover_stop_month`` / ``rollover_stop_reason``
    (:data:`ROLLOVER_STOPS`) when a rollover ran; ``doubled_month``: first
    statement whose total owed reached twice what was drawn.
    """

    ledger: Ledger
    statements: Statements
    totals: Totals
    status: str
    payoff_day: int | None
    payoff_month: int | None
    flags: tuple[str, ...]
    rates: LineRates | None
    flows: tuple[CashFlow, ...]
    clear_in_12: float | None
    clear_in_36: float | None
    rollover_stop_month: int | None
    rollover_stop_reason: str | None
    doubled_month: int | None


# ----------------------------------------------------------------------------- helpers


def statement_days(months: int) -> _Ints:
    """Statement (due) days ``E(0..months)`` with ``E(m) = floor(365 m / 12)``.

    >>> statement_days(12).tolist()
    [0, 30, 60, 91, 121, 152, 182, 212, 243, 273, 304, 334, 365]
    """
    n = validate.integer("months", months, 0, HORIZON_MONTHS)
    return _E[: n + 1].copy()


def quoted_rates(rate: float, rate_unit: str) -> tuple[float, float]:
    """The quoted price as a year: simple ``d × 365`` (单利) and compounded
    daily ``(1 + d)^365 − 1`` (复利), with ``d`` from
    :func:`calc.units.daily_rate` (``r / 365`` for an annual ``r``).

    Raises
    ------
    InputError
        ``unknown_code`` (field ``rate_unit``); ``not_a_number`` or
        ``out_of_range`` (field ``rate``, bounds :data:`LIMITS`).

    Examples
    --------
    "日息万5", 0.05% a day:

    >>> simple, compound = quoted_rates(0.0005, "daily")
    >>> f"{simple:.2%} simple, {compound:.2%} compounded daily"
    '18.25% simple, 20.02% compounded daily'
    """
    r, unit = _check_rate("rate", rate, rate_unit)
    d = daily_rate(r, unit)
    return nominal_apr(d, DAYS_PER_YEAR), effective_annual(d, DAYS_PER_YEAR)


def _month_of(days: npt.NDArray[np.integer]) -> npt.NDArray[np.intp]:
    """Statement month of each day: ``E(m-1) < t <= E(m)``, day 0 in month 1."""
    return np.maximum(np.searchsorted(_E, days, side="left"), 1)


def _fee(pct: float, minimum: float, amount: float) -> float:
    return max(round_fen(pct * amount), minimum)


# ----------------------------------------------------------------------------- validation


@dataclass(frozen=True)
class _Inputs:
    draws: tuple[tuple[int, float], ...]
    line: LineTerms
    plan: RepaymentPlan
    faults: Faults
    rollover: Rollover | None
    d: float
    d2: float


def _check_rate(field: str, rate: object, unit: object) -> tuple[float, str]:
    u = validate.code(f"{field}_unit", unit, RATE_UNITS)
    return validate.number(field, rate, *LIMITS[f"rate_{u}"]), u


def _seq(field: str, value: object, kind: type[_T], lo: int) -> tuple[_T, ...]:
    if isinstance(value, kind):
        value = (value,)
    if not isinstance(value, Sequence) or isinstance(value, str):
        raise InputError("not_a_number", field=field, got=value)
    items = tuple(value)
    if not lo <= len(items) <= LIMITS["count"][1]:
        raise InputError("out_of_range", field=f"{field}_count", min=lo,
                         max=LIMITS["count"][1], got=len(items))
    for it in items:
        if not isinstance(it, kind):
            raise InputError("not_a_number", field=field, got=it)
    return items


def _check(
    draws: object, line: object, plan: object, faults: object, rollover: object
) -> _Inputs:
    if not isinstance(line, LineTerms):
        raise InputError("not_a_number", field="line", got=line)
    if not isinstance(plan, RepaymentPlan):
        raise InputError("not_a_number", field="plan", got=plan)
    faults = Faults() if faults is None else faults
    if not isinstance(faults, Faults):
        raise InputError("not_a_number", field="faults", got=faults)
    limit = validate.number("limit", line.limit, *LIMITS["limit"], lo_open=True)
    rate, unit = _check_rate("rate", line.rate, line.rate_unit)
    if not isinstance(line.interest_free, bool):
        raise InputError("not_a_number", field="interest_free", got=line.interest_free)
    line = replace(
        line, limit=limit, rate=rate, rate_unit=unit,
        fee_pct=validate.number("fee_pct", line.fee_pct, *LIMITS["fee_pct"]),
        fee_min=validate.number("fee_min", line.fee_min, *LIMITS["fee_min"]),
    )
    checked = []
    for dr in _seq("draws", draws, Draw, 1):
        amount = validate.number("draw_amount", dr.amount, 0.0, limit, lo_open=True)
        day = validate.integer("draw_day", dr.day, *LIMITS["day"])
        checked.append((day, round_fen(amount)))
    checked.sort(key=lambda x: x[0])
    if any(a <= 0 for _, a in checked):
        raise InputError("out_of_range", field="draw_amount", min=0.01, max=limit,
                         got=min(a for _, a in checked))

    method = validate.code("method", plan.method, METHODS)
    reps = []
    for rp in _seq("repayments", plan.repayments, Repayment, 0):
        day = validate.integer("repayment_day", rp.day, *LIMITS["day"])
        amt = None if rp.amount is None else round_fen(
            validate.number("repayment_amount", rp.amount, *LIMITS["amount"], lo_open=True))
        reps.append(Repayment(day, amt))
    if reps and method in TERM_METHODS:
        raise InputError("not_applicable", field="repayments", got=method)
    plan = replace(
        plan, method=method,
        term_months=validate.integer("term_months", plan.term_months, *LIMITS["term_months"]),
        repayments=tuple(reps),
        pay_rule=validate.code("pay_rule", plan.pay_rule, PAY_RULES),
        min_pct=validate.number("min_pct", plan.min_pct, *LIMITS["min_pct"], lo_open=True),
        min_floor=validate.number("min_floor", plan.min_floor, *LIMITS["min_floor"]),
        fixed_payment=round_fen(
            validate.number("fixed_payment", plan.fixed_payment, *LIMITS["fixed_payment"])),
    )

    late = []
    for lp in _seq("late", faults.late, LatePayment, 0):
        late.append(LatePayment(validate.integer("late_month", lp.month, *LIMITS["late_month"]),
                                validate.integer("late_days", lp.days, *LIMITS["late_days"])))
    if late and method == "flexible":
        raise InputError("not_applicable", field="late", got=method)
    faults = Faults(
        late=tuple(late),
        grace_days=validate.integer("grace_days", faults.grace_days, *LIMITS["grace_days"]),
        overdue_multiple=validate.number("overdue_multiple", faults.overdue_multiple,
                                         *LIMITS["overdue_multiple"]),
        late_fee_pct=validate.number("late_fee_pct", faults.late_fee_pct,
                                     *LIMITS["late_fee_pct"]),
        late_fee_min=validate.number("late_fee_min", faults.late_fee_min,
                                     *LIMITS["late_fee_min"]),
    )

    d2 = 0.0
    if rollover is not None:
        if not isinstance(rollover, Rollover):
            raise InputError("not_a_number", field="rollover", got=rollover)
        if method == "flexible":
            raise InputError("not_applicable", field="rollover", got=method)
        r2, u2 = _check_rate("rollover_rate", rollover.rate, rollover.rate_unit)
        rollover = replace(
            rollover, rate=r2, rate_unit=u2,
            months=validate.integer("rollover_months", rollover.months,
                                    *LIMITS["rollover_months"]),
            limit=validate.number("rollover_limit", rollover.limit, *LIMITS["limit"],
                                  lo_open=True),
            fee_pct=validate.number("rollover_fee_pct", rollover.fee_pct, *LIMITS["fee_pct"]),
            fee_min=validate.number("rollover_fee_min", rollover.fee_min, *LIMITS["fee_min"]),
        )
        d2 = daily_rate(r2, u2)
    d = daily_rate(rate, unit)
    return _Inputs(tuple(checked), line, plan, faults, rollover, d, d2)


# ----------------------------------------------------------------------------- engine


class _Log:
    """Amounts by (day, kind), turned into daily arrays at the end."""

    KINDS = ("draw", "fee", "int1", "set1", "pen", "pay1", "paid", "prin", "ib",
             "roll", "fee2", "int2", "set2", "clr2", "due")

    def __init__(self) -> None:
        self.days: dict[str, list[int]] = {k: [] for k in self.KINDS}
        self.amts: dict[str, list[float]] = {k: [] for k in self.KINDS}

    def add(self, kind: str, day: int, amount: float) -> None:
        if amount:
            self.days[kind].append(day)
            self.amts[kind].append(amount)

    # np.bincount with weights sums float64 (NumPy's stubs type it as integer):
    # astype(copy=False) states the dtype without copying.

    def daily(self, kind: str, n: int) -> _Floats:
        days = self.days[kind]
        if not days:
            return np.zeros(n)
        return np.bincount(np.asarray(days), weights=np.asarray(self.amts[kind]),
                           minlength=n)[:n].astype(np.float64, copy=False)

    def monthly(self, kind: str, months: int) -> _Floats:
        days = self.days[kind]
        if not days:
            return np.zeros(months)
        idx = _month_of(np.asarray(days)) - 1
        return np.bincount(idx, weights=np.asarray(self.amts[kind]),
                           minlength=months)[:months].astype(np.float64, copy=False)

    def total(self, kind: str) -> float:
        return round_fen(math.fsum(self.amts[kind]))


#: Each term installment's interest spread evenly over the days it covers:
#: first day, day after the last, interest per day.
_Spread = tuple[_Ints, _Ints, _Floats]
_NO_SPREAD: _Spread = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))


@dataclass
class _RollState:
    """How a rollover went: ``done`` once it stopped (or there is none)."""

    done: bool
    stop_month: int | None = None
    reason: str | None = None


def _term_plan(inp: _Inputs, horizon: int) -> tuple[_Floats, _Floats, _Spread]:
    """Per-statement interest and principal of all term draws, and the spread
    of each installment's interest over the days it covers."""
    size = horizon + 2
    interest = np.zeros(size)
    principal = np.zeros(size)
    starts: list[_Ints] = []
    ends: list[_Ints] = []
    per_day: list[_Floats] = []
    n = inp.plan.term_months
    for day, amount in inp.draws:
        m0 = int(np.searchsorted(_E, day, side="right"))  # first statement after the draw
        if m0 > horizon:
            continue
        first_days = DAYS_PER_PERIOD if _E_LIST[m0 - 1] == day else _E_LIST[m0] - day
        s = build_schedule(amount, PlanTerms(kind=inp.plan.method, periods=n,
                                             rate=inp.line.rate, rate_unit=inp.line.rate_unit,
                                             first_days=first_days))
        charge = s.charge
        k = min(n, horizon - m0 + 1)
        interest[m0:m0 + k] += charge[:k]
        principal[m0:m0 + k] += s.principal[:k]
        st = np.array(_E_LIST[m0 - 1:m0 - 1 + k], dtype=np.int64)
        st[0] = day
        en = np.array(_E_LIST[m0:m0 + k], dtype=np.int64)
        starts.append(st)
        ends.append(en)
        per_day.append(charge[:k] / (en - st))
    spread = (np.concatenate(starts), np.concatenate(ends), np.concatenate(per_day)) \
        if starts else _NO_SPREAD
    return round_fen_array(interest), round_fen_array(principal), spread


def _run(
    inp: _Inputs, horizon: int = HORIZON_MONTHS
) -> tuple[_Log, int | None, int, set[str], _RollState, _Spread]:
    """The month loop: one pass per statement, events in between handled in
    closed form (the balance is constant between them).  Returns the log,
    the payoff day (or ``None``), the last day simulated, flags, the rollover
    outcome and the term methods' interest spread."""
    plan, line, faults, ro = inp.plan, inp.line, inp.faults, inp.rollover
    term = plan.method in TERM_METHODS
    revolving = plan.method == "revolving"
    d, d2 = inp.d, inp.d2
    rf = round_fen
    log = _Log()
    if term:
        t_int, t_prin, spread = _term_plan(inp, horizon)
    else:  # by the day: no schedule (never indexed)
        t_int = t_prin = np.zeros(0)
        spread = _NO_SPREAD

    draws_by_day: dict[int, list[float]] = {}
    for day, amt in inp.draws:
        draws_by_day.setdefault(day, []).append(amt)
    reps_by_day: dict[int, list[float | None]] = {}
    for rp in plan.repayments:
        reps_by_day.setdefault(rp.day, []).append(rp.amount)
    late_by_month = {lp.month: lp.days for lp in faults.late}
    last_draw = inp.draws[-1][0]
    heap = sorted(set(draws_by_day) | set(reps_by_day))
    pending: dict[int, list[tuple[float, int]]] = {}

    st = {"Pp": 0.0, "Pc": 0.0, "C": 0.0, "A": 0.0, "last": 0, "B2": 0.0,
          "extras": 0.0, "fees_pending": 0.0, "prev_clear": True}
    flags: set[str] = set()
    roll = _RollState(done=ro is None)

    def owed() -> float:
        return rf(st["Pp"] + st["Pc"] + st["C"])

    def accrue(t: int) -> None:
        if not term:
            st["A"] += (st["Pp"] + st["Pc"]) * d * (t - st["last"])
        st["last"] = t

    def settle(t: int) -> None:
        if not term and st["A"]:
            ch = rf(st["A"])
            log.add("set1", t, st["A"])
            log.add("int1", t, ch)
            st["C"] = rf(st["C"] + ch)
            st["A"] = 0.0

    def pay(x: float, t: int, pocket: bool) -> float:
        x = min(rf(x), owed())
        if x <= 0:
            return 0.0
        c = min(x, st["C"])
        st["C"] = rf(st["C"] - c)
        r = rf(x - c)
        c2 = min(r, st["Pc"])
        st["Pc"] = rf(st["Pc"] - c2)
        r = rf(r - c2)
        p = min(r, st["Pp"])
        st["Pp"] = rf(st["Pp"] - p)
        log.add("pay1", t, x)
        if pocket:
            log.add("paid", t, x)
        log.add("prin", t, p)
        if not term:
            log.add("ib", t, -(c2 + p))
        return x

    def minimum(s: float) -> float:
        extras = min(st["extras"], s)
        return min(s, rf(max(rf(plan.min_pct * (s - extras)), plan.min_floor) + extras))

    def rule(s: float) -> float:
        if plan.pay_rule == "full":
            return s
        if plan.pay_rule == "minimum":
            return minimum(s)
        return min(s, plan.fixed_payment)

    def statement(m: int, t: int) -> None:
        length = _E_LIST[m] - _E_LIST[m - 1]
        if st["B2"] > 0:  # line 2 accrues on a balance constant over the month
            exact = st["B2"] * d2 * length
            ch2 = rf(exact)
            log.add("set2", t, exact)
            log.add("int2", t, ch2)
            st["B2"] = rf(st["B2"] + ch2)
        if term:
            ch = float(t_int[m])
            st["C"] = rf(st["C"] + ch)
            log.add("int1", t, ch)
            log.add("set1", t, ch)
            due = min(rf(ch + t_prin[m] + st["fees_pending"]), owed())
            st["fees_pending"] = 0.0
        else:
            s0 = owed()
            exact, st["A"] = st["A"], 0.0
            ch = rf(exact)
            if revolving and line.interest_free and st["prev_clear"] and m not in late_by_month:
                if rule(s0) >= s0:
                    ch = 0.0  # statement paid in full: no interest on purchases
            log.add("set1", t, exact)
            log.add("int1", t, ch)
            st["C"] = rf(st["C"] + ch)
            due = rule(owed()) if revolving else 0.0
        st["extras"] = 0.0
        log.add("due", t, due)

        rolled = False
        late = m in late_by_month and due > 0
        if late:
            day = t + late_by_month[m]
            pending.setdefault(day, []).append((due, late_by_month[m]))
            heapq.heappush(heap, day)
        elif due > 0:
            if ro is not None and not roll.done and m <= ro.months:
                fee2 = _fee(ro.fee_pct, ro.fee_min, due)
                if rf(st["B2"] + due + fee2) <= ro.limit:
                    st["B2"] = rf(st["B2"] + due + fee2)
                    log.add("roll", t, due)
                    log.add("fee2", t, fee2)
                    pay(due, t, pocket=False)
                    rolled = True
                else:
                    roll.stop_month, roll.reason = m, "limit"
                    flags.add("rollover_limit_hit")
            if not rolled:
                pay(due, t, pocket=True)
            if due < ch:
                flags.add("payment_below_interest")
        if ro is not None and not roll.done and not rolled and not late:
            if roll.stop_month is None:
                roll.stop_month = m
                roll.reason = "months" if m > ro.months else "nothing_due"
            roll.done = True
            if st["B2"] > 0:
                log.add("clr2", t, st["B2"])
                log.add("paid", t, st["B2"])
                st["B2"] = 0.0
        if not term and st["C"] > 0:  # unpaid charges compound monthly
            st["Pc"] = rf(st["Pc"] + st["C"])
            log.add("ib", t, st["C"])
            st["C"] = 0.0
        st["prev_clear"] = owed() == 0.0

    def day_events(t: int, m: int, is_statement: bool) -> None:
        accrue(t)
        if is_statement:
            statement(m, t)
        for unpaid, days in pending.pop(t, []):
            settle(t)
            unpaid = min(unpaid, owed())
            if unpaid <= 0:
                continue
            if days > faults.grace_days:
                mult = faults.overdue_multiple if term else faults.overdue_multiple - 1.0
                pen = rf(rf(unpaid * mult * d * days)
                         + _fee(faults.late_fee_pct, faults.late_fee_min, unpaid))
                st["C"] = rf(st["C"] + pen)
                st["extras"] = rf(st["extras"] + pen)
                log.add("pen", t, pen)
                unpaid = rf(unpaid + pen)
            pay(unpaid, t, pocket=True)
        for amt in draws_by_day.get(t, ()):
            avail = rf(line.limit - st["Pp"])
            if amt > avail:
                raise InputError("out_of_range", field="draw_amount", min=0.0, max=avail,
                                 got=amt, day=t)
            fee = _fee(line.fee_pct, line.fee_min, amt)
            st["Pp"] = rf(st["Pp"] + amt)
            st["C"] = rf(st["C"] + fee)
            st["extras"] = rf(st["extras"] + fee)
            st["fees_pending"] = rf(st["fees_pending"] + fee)
            log.add("draw", t, amt)
            log.add("fee", t, fee)
            if not term:
                log.add("ib", t, amt)
        for repay in reps_by_day.get(t, ()):
            settle(t)
            pay(owed() if repay is None else repay, t, pocket=True)

    def done(t: int) -> bool:
        return (t >= last_draw and not pending and st["B2"] == 0.0 and owed() == 0.0
                and abs(st["A"]) < 1e-9)

    payoff = None
    last_day = _E_LIST[horizon]
    m = 1
    while m <= horizon and payoff is None:
        stmt = _E_LIST[m]
        while heap and heap[0] < stmt:
            t = heapq.heappop(heap)
            while heap and heap[0] == t:
                heapq.heappop(heap)
            day_events(t, m, False)
            if done(t):
                payoff = t
                break
        if payoff is not None:
            break
        while heap and heap[0] == stmt:
            heapq.heappop(heap)
        day_events(stmt, m, True)
        if done(stmt):
            payoff = stmt
        elif owed() + st["B2"] > DEBT_CAP:
            flags.add("debt_cap")
            last_day = stmt
            break
        m += 1
    if payoff is not None:
        last_day = payoff
    return log, payoff, last_day, flags, roll, spread


def _ceil_fen(x: float) -> float:
    return math.ceil(x * 100.0 - 1e-6) / 100.0


def _day_to_flow(t: int, amount: float) -> CashFlow:
    """A flow on day ``t`` in month units: whole statements plus the fraction
    of the month in progress."""
    p = int(np.searchsorted(_E, t, side="right")) - 1
    frac = (t - _E_LIST[p]) / (_E_LIST[p + 1] - _E_LIST[p])
    return CashFlow(round_fen(amount), p, frac)


def _clear_payment(inp: _Inputs, n: int) -> float | None:
    """The smallest fixed monthly payment, to the fen, that clears the same
    draws within ``n`` statements after the last draw, with no faults: start
    from the annuity ``B i / (1 - (1 + i)^-n)`` at the average month's rate,
    bracket it by steps that double, then bisect (a larger payment never
    clears later, so the search is monotone)."""
    last = inp.draws[-1][0]
    horizon = min(HORIZON_MONTHS, int(np.searchsorted(_E, last, side="right")) + n - 1)
    top = LIMITS["fixed_payment"][1]
    plan = replace(inp.plan, method="revolving", pay_rule="fixed", repayments=())

    def clears(x: float) -> bool:
        trial = replace(inp, plan=replace(plan, fixed_payment=x), faults=Faults(), rollover=None)
        return _run(trial, horizon)[1] is not None

    owed = math.fsum(a + _fee(inp.line.fee_pct, inp.line.fee_min, a) for _, a in inp.draws)
    x = annuity_payment(owed, monthly_rate(inp.d, "daily"), n)
    x = min(max(_ceil_fen(x), 0.01), top)
    lo, hi, step = 0.0, None, 0.002
    if clears(x):
        hi = x
        while True:  # look below the guess for a payment that fails
            y = math.floor(x * (1.0 - step) * 100.0) / 100.0
            if y <= 0.0:
                break
            if not clears(y):
                lo = y
                break
            hi, step = y, step * 2.0
    else:
        lo = x
        while hi is None:
            y = min(_ceil_fen(lo * (1.0 + step) + 0.01), top)
            if clears(y):
                hi = y
            elif y >= top:
                return None
            else:
                lo, step = y, step * 2.0
    while hi - lo > 0.015:  # bisect to the fen
        mid = _ceil_fen((lo + hi) / 2.0)
        if mid >= hi:
            break
        if clears(mid):
            hi = mid
        else:
            lo = mid
    return hi


def _result(inp: _Inputs) -> CashLineResult:
    log, payoff, last_day, flags, roll, spread = _run(inp)
    n = last_day + 1
    rfa = round_fen_array
    daily = log.daily
    drawn, fee1, fee2 = daily("draw", n), daily("fee", n), daily("fee2", n)
    pen, int1, int2 = daily("pen", n), daily("int1", n), daily("int2", n)
    pay1, paid, rolled = daily("pay1", n), daily("paid", n), daily("roll", n)
    clr2, prin = daily("clr2", n), daily("prin", n)

    owed = rfa(np.cumsum(drawn + fee1 + pen + int1 - pay1))
    principal = rfa(np.cumsum(drawn - prin))
    if inp.plan.method in TERM_METHODS:
        starts, ends, per_day = spread
        # a paid-off run shows no accrual for installments it never reached
        keep = (starts < n) & ((ends <= last_day) if payoff is not None else True)
        diff = (np.bincount(starts[keep], per_day[keep], minlength=n + 1)
                - np.bincount(np.minimum(ends[keep], n), per_day[keep], minlength=n + 1))
        acc = np.cumsum(diff[:n])
    else:
        acc = np.cumsum(daily("ib", n)) * inp.d
    acc = np.maximum(acc, 0.0)
    accrued = np.cumsum(acc) - np.cumsum(daily("set1", n))
    accrued = np.where(accrued < 1e-6, 0.0, accrued)  # float noise of the running sums
    owed2 = rfa(np.cumsum(rolled + fee2 + int2 - clr2))
    acc2 = owed2 * inp.d2
    accrued2 = np.cumsum(acc2) - np.cumsum(daily("set2", n))
    accrued2 = np.where(accrued2 < 1e-6, 0.0, accrued2)
    balance = owed + accrued + owed2 + accrued2
    ledger = Ledger(
        day=np.arange(n), drawn=drawn, fees=rfa(fee1 + fee2), interest=acc,
        line2_interest=acc2, penalties=pen, paid=paid, rolled=rolled, principal=principal,
        owed=owed, accrued=accrued, line2_owed=owed2, line2_accrued=accrued2, balance=balance,
    )

    months = int(_month_of(np.array([last_day]))[0])
    sdays = np.minimum(_E[1:months + 1], last_day)
    mon = log.monthly
    statements = Statements(
        month=np.arange(1, months + 1), day=sdays, drawn=mon("draw", months),
        interest=rfa(mon("int1", months)), line2_interest=rfa(mon("int2", months)),
        fees=rfa(mon("fee", months) + mon("fee2", months)), penalties=rfa(mon("pen", months)),
        due=rfa(mon("due", months)), paid=rfa(mon("paid", months)),
        rolled=rfa(mon("roll", months)), principal=principal[sdays], owed=owed[sdays],
        line2_owed=owed2[sdays],
    )

    interest = round_fen(log.total("int1") + log.total("int2"))
    fees = round_fen(log.total("fee") + log.total("fee2"))
    penalties = log.total("pen")
    totals = Totals(
        drawn=log.total("draw"), interest=interest, fees=fees, penalties=penalties,
        paid=log.total("paid"), cost=round_fen(interest + fees + penalties),
        owed_at_end=round_fen(float(owed[-1] + owed2[-1])),
        accrued_at_end=float(accrued[-1] + accrued2[-1]),
        line2_interest=log.total("int2"), line2_fees=log.total("fee2"),
        rolled=log.total("roll"),
    )

    cum_drawn = np.cumsum(statements.drawn)
    doubled = np.nonzero((cum_drawn > 0)
                         & (statements.owed + statements.line2_owed >= 2 * cum_drawn))[0]
    doubled_month = int(doubled[0]) + 1 if doubled.size else None
    if doubled_month is not None:
        flags.add("debt_doubled")

    net = drawn - paid
    if payoff is None:
        net[-1] -= balance[-1]
    days = np.nonzero(np.abs(net) >= 0.005)[0]
    flows = tuple(_day_to_flow(int(t), float(net[t])) for t in days)
    try:
        i = periodic_rate(flows, odd_days="simple")
        rates = LineRates(i, nominal_apr(i, MONTHS_PER_YEAR),
                          effective_annual(i, MONTHS_PER_YEAR))
    except RateError:
        rates = None
        flags.add("no_rate")

    clear12 = clear36 = None
    if payoff is None and inp.plan.method in ("flexible", "revolving"):
        clear12, clear36 = _clear_payment(inp, 12), _clear_payment(inp, 36)
    return CashLineResult(
        ledger=ledger, statements=statements, totals=totals,
        status="paid_off" if payoff is not None else "not_paid_off",
        payoff_day=payoff,
        payoff_month=None if payoff is None else int(_month_of(np.array([payoff]))[0]),
        flags=tuple(f for f in FLAGS if f in flags), rates=rates, flows=flows,
        clear_in_12=clear12, clear_in_36=clear36,
        rollover_stop_month=roll.stop_month, rollover_stop_reason=roll.reason,
        doubled_month=doubled_month,
    )


# ----------------------------------------------------------------------------- public


def simulate(
    draws: Sequence[Draw] | Draw,
    line: LineTerms,
    plan: RepaymentPlan,
    faults: Faults | None = None,
    rollover: Rollover | None = None,
) -> CashLineResult:
    """Simulate a cash line day by day until it is paid off (or the horizon).

    Parameters
    ----------
    draws : sequence of Draw
        Cash taken from the line, each from its day; principal outstanding
        may not exceed ``line.limit``.
    line : LineTerms
        Limit, price (daily or annual rate; annual ``r`` is ``r / 365`` a day
        and ``r / 12`` a month), fee per draw, and ``interest_free`` for a
        card purchase.
    plan : RepaymentPlan
        ``method`` from :data:`METHODS` with its parameters.
    faults : Faults, optional
        Late payments and their costs.  Paying only the minimum is
        ``plan.pay_rule = "minimum"`` on a ``revolving`` line.
    rollover : Rollover, optional
        Borrow each payment from a second line (以贷养贷).

    Returns
    -------
    CashLineResult
        Daily ledger, monthly statements, totals, status and payoff day,
        flags, realised rates and flows, and for a plan that never pays off
        the payments that would clear it in 12 and 36 months.

    Raises
    ------
    InputError
        ``not_a_number``, ``out_of_range`` (with ``min``/``max``),
        ``not_integer``, ``unknown_code`` with the input's ``field``;
        ``not_applicable`` (``field`` ``repayments``, ``late`` or
        ``rollover``, ``got`` the method) for a feature the method does not
        have.  A draw beyond the unused limit is ``out_of_range`` on
        ``draw_amount`` with ``max`` the unused limit and ``day``.

    Notes
    -----
    Interest by the day: ``I = sum over days of balance * d``, charged
    monthly, rounded with :func:`calc.money.round_fen`; by the month (term
    methods): ``I_m = round_fen(balance * r / 12)``.  The month loop does
    closed-form work per month (the balance is constant between events);
    the daily arrays are assembled once at the end with cumulative sums.

    Examples
    --------
    等额本息, ¥10,000 at 18% a year over 12 months: 1.5% a month, payment
    10,000 × 0.015 / (1 − 1.015^−12) = ¥916.80, interest ¥1,001.60, APR 18%:

    >>> line = LineTerms(limit=200_000, rate=0.18, rate_unit="annual")
    >>> r = simulate([Draw(10_000)], line, RepaymentPlan("equal_payment", term_months=12))
    >>> float(r.statements.paid[0]), r.totals.interest, r.payoff_month
    (916.8, 1001.6, 12)
    >>> f"APR {r.rates.nominal:.2%}, effective {r.rates.effective:.2%}"
    'APR 18.00%, effective 19.56%'

    The minimum-payment trap (domain.md §2): ¥10,000 at 0.05% a day, paying
    10% of each statement (at least ¥100) takes 37 months:

    >>> card = LineTerms(limit=50_000, rate=0.0005)
    >>> r = simulate([Draw(10_000)], card, RepaymentPlan("revolving", pay_rule="minimum"))
    >>> r.payoff_month
    37
    """
    return _result(_check(draws, line, plan, faults, rollover))


@dataclass(frozen=True)
class Summary:
    """One row of the comparison table: what a way of paying costs.

    ``cost`` is interest + fees + penalties over the cash price (for the
    installment plan: :attr:`calc.schedule.Schedule.total_cost`, so a lost
    cash discount counts); ``payoff_month`` in months from the purchase
    (fractional for an odd first period); rates per :class:`LineRates`.
    """

    method: str
    status: str
    total_paid: float
    cost: float
    interest: float
    fees: float
    penalties: float
    payments: int
    first_payment: float
    max_payment: float
    payoff_month: float | None
    nominal: float | None
    effective: float | None


@dataclass(frozen=True)
class Comparison:
    """The same purchase paid by the cash line and by an installment plan."""

    price: float
    cash_price: float
    cash_line: Summary
    installment: Summary
    result: CashLineResult
    schedule: Schedule


def compare_with_installment(
    price: float,
    line: LineTerms,
    plan: RepaymentPlan,
    installment: PlanTerms,
    *,
    cash_discount: float = 0.0,
    faults: Faults | None = None,
) -> Comparison:
    """Buy at ``price`` with cash drawn on day 0 from ``line``, or on ``installment``.

    The cash line draws the cash price (the price less ``cash_discount``, as
    paying cash earns it) less the plan's down payment, which both ways pay
    from pocket; the plan is :func:`calc.schedule.build_schedule`.  Rates of
    both are per month with the same month and odd-day convention.

    Examples
    --------
    ¥10,000 at 18% a year over 12 months, 等额本息 either way: same payments,
    same ¥1,001.60, same 18%:

    >>> line = LineTerms(limit=200_000, rate=0.18, rate_unit="annual")
    >>> c = compare_with_installment(
    ...     10_000, line, RepaymentPlan("equal_payment", term_months=12),
    ...     PlanTerms(kind="equal_payment", periods=12, rate=0.18))
    >>> c.cash_line.cost, c.installment.cost, c.cash_line.first_payment
    (1001.6, 1001.6, 916.8)
    >>> f"{c.cash_line.nominal:.2%} vs {c.installment.nominal:.2%}"
    '18.00% vs 18.00%'
    """
    schedule = build_schedule(price, installment, cash_discount)
    amount = round_fen(schedule.cash_price - schedule.down_payment)
    if amount <= 0:
        raise InputError("out_of_range", field="down_payment", min=0.0,
                         max=schedule.cash_price, max_open=True, got=schedule.down_payment)
    result = simulate([Draw(amount, 0)], line, plan, faults)
    t = result.totals
    pays = result.statements.paid[result.statements.paid > 0]
    cash = Summary(
        method=plan.method, status=result.status,
        total_paid=round_fen(schedule.down_payment + t.paid), cost=t.cost,
        interest=t.interest, fees=t.fees, penalties=t.penalties,
        payments=int(np.count_nonzero(result.ledger.paid)),
        first_payment=float(pays[0]) if pays.size else 0.0,
        max_payment=float(pays.max()) if pays.size else 0.0,
        payoff_month=None if result.payoff_month is None else float(result.payoff_month),
        nominal=None if result.rates is None else result.rates.nominal,
        effective=None if result.rates is None else result.rates.effective,
    )
    r = schedule.rates()
    loan = schedule.terms.kind in TERM_METHODS
    charges = round_fen(float(schedule.charge.sum()))
    inst = Summary(
        method=schedule.terms.kind, status="paid_off", total_paid=schedule.total_paid,
        cost=schedule.total_cost, interest=charges if loan else 0.0,
        fees=round_fen(schedule.upfront_fee + (0.0 if loan else charges)), penalties=0.0,
        payments=schedule.n, first_payment=float(schedule.payment[0]),
        max_payment=float(schedule.payment.max()),
        payoff_month=float(schedule.due_period[-1] + schedule.due_fraction[-1]),
        nominal=r.nominal, effective=r.effective,
    )
    return Comparison(price=schedule.price, cash_price=schedule.cash_price, cash_line=cash,
                      installment=inst, result=result, schedule=schedule)


@dataclass(frozen=True)
class PayRuleOutcome:
    """One row of :func:`compare_pay_rules`: the ``rule`` (from
    :data:`PAY_RULES`) and its ``result``, or the coded ``error`` that stopped
    it (then ``result`` is ``None``)."""

    rule: str
    result: CashLineResult | None = None
    error: CalcError | None = None


def compare_pay_rules(
    draws: Sequence[Draw] | Draw,
    line: LineTerms,
    plan: RepaymentPlan,
    faults: Faults | None = None,
) -> tuple[PayRuleOutcome, ...]:
    """The same draws on a revolving line, paid by each rule in :data:`PAY_RULES`.

    Each run is ``plan`` as a ``revolving`` plan with ``pay_rule`` set to the
    rule and no extra repayments: in ``full``, the ``minimum``
    (``plan.min_pct`` / ``plan.min_floor``), a ``fixed`` amount
    (``plan.fixed_payment``).

    Parameters
    ----------
    draws, line : as :func:`simulate`
    plan : RepaymentPlan
        The scenario's plan; its method and repayments are replaced.
    faults : Faults, optional
        Applied to every run only when ``plan.method`` is not ``flexible``: a
        随借随还 plan has no due dates, so it carries no late payments, and
        the comparison must not invent them.

    Returns
    -------
    tuple of PayRuleOutcome
        One per rule, in the order of :data:`PAY_RULES`.  A rule whose run
        raises a :class:`~calc.errors.CalcError` carries it in ``error``.

    Raises
    ------
    InputError
        ``not_a_number`` (field ``plan``) when ``plan`` is not a RepaymentPlan.

    Examples
    --------
    ¥10,000 at 0.05% a day.  In full: 10,000 × 0.0005 × 30 = ¥150 on day 30.
    The minimum (10%, at least ¥100): 37 months, ¥1,675.89 (domain.md §2).
    ¥5,100 a month: 10,150 − 5,100 = 5,050 left, + 5,050 × 0.0005 × 30 =
    75.75; 5,125.75 − 5,100 = 25.75 left, + 25.75 × 0.0005 × 31 = 0.40: paid
    off in month 3 for 150 + 75.75 + 0.40 = ¥226.15:

    >>> card = LineTerms(limit=50_000, rate=0.0005)
    >>> plan = RepaymentPlan("flexible", fixed_payment=5_100)
    >>> for row in compare_pay_rules([Draw(10_000)], card, plan):
    ...     print(row.rule, row.result.payoff_month, row.result.totals.cost)
    full 1 150.0
    minimum 37 1675.89
    fixed 3 226.15
    """
    if not isinstance(plan, RepaymentPlan):
        raise InputError("not_a_number", field="plan", got=plan)
    applied = faults if plan.method != "flexible" else None
    rows = []
    for rule in PAY_RULES:
        run = replace(plan, method="revolving", pay_rule=rule, repayments=())
        try:
            rows.append(PayRuleOutcome(rule, result=simulate(draws, line, run, applied)))
        except CalcError as err:
            rows.append(PayRuleOutcome(rule, error=err))
    return tuple(rows)


def to_frame(obj: Ledger | Statements | Comparison) -> pd.DataFrame:
    """A pandas DataFrame with the stable ASCII field names as columns (a
    :class:`Comparison` gives rows ``cash_line`` and ``installment``)."""
    import pandas as pd

    if isinstance(obj, Comparison):
        rows = {k: {f.name: getattr(getattr(obj, k), f.name) for f in fields(Summary)}
                for k in ("cash_line", "installment")}
        return pd.DataFrame.from_dict(rows, orient="index")
    if isinstance(obj, (Ledger, Statements)):
        return pd.DataFrame({f.name: getattr(obj, f.name) for f in fields(obj)})
    raise TypeError(f"to_frame takes a Ledger, Statements or Comparison, not {type(obj).__name__}")
