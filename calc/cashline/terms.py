"""What a cash line is and how it is repaid: codes, bounds, input types, and
the checks that turn them into the engine's :class:`Inputs`.

Units: amounts in yuan; every ``*_rate`` is a fraction (0.01 = 1%); a line's
``rate`` is per ``rate_unit`` (:data:`calc.units.RATE_UNITS`).  Nothing here is
named ``*_pct``: in ``calc`` that suffix means percent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from calc import validate
from calc.errors import InputError
from calc.money import round_fen
from calc.rates import effective_annual, nominal_apr
from calc.schedule import LIMITS as SCHEDULE_LIMITS
from calc.units import DAYS_PER_YEAR, RATE_UNITS, daily_rate, monthly_rate

from .days import HORIZON_DAYS, HORIZON_MONTHS

__all__ = [
    "METHODS",
    "TERM_METHODS",
    "PAY_RULES",
    "MIN_RULES",
    "MIN_RULE_RATES",
    "COMPOUNDING",
    "ACCRUALS",
    "RATE_UNITS",
    "DEBT_CAP",
    "LIMITS",
    "Draw",
    "Repayment",
    "LineTerms",
    "RepaymentPlan",
    "LatePayment",
    "Faults",
    "Rollover",
    "Inputs",
    "check",
    "charge_with_minimum",
    "quoted_rates",
]

#: ``equal_payment`` 等额本息, ``equal_principal`` 等额本金, ``interest_only``
#: 先息后本 (term methods: interest by the month on calc.schedule's schedule);
#: ``flexible`` 随借随还 (repay chosen amounts on chosen days); ``revolving`` a
#: card balance paid by a :data:`PAY_RULES` rule.  The last two are *by the day*.
METHODS = ("equal_payment", "equal_principal", "interest_only", "flexible", "revolving")
TERM_METHODS = METHODS[:3]
#: Revolving: pay the statement in ``full``, only the ``minimum``
#: (:data:`MIN_RULES`), or a ``fixed`` amount.
PAY_RULES = ("full", "minimum", "fixed")
#: How a revolving statement's minimum payment is worked out (domain.md §1, §2).
#: With ``s`` the statement (this month's interest ``I`` included), ``F`` the
#: fees and penalties charged since the last statement and still unpaid, ``P``
#: the principal drawn and not repaid, ``x`` = ``min_rate`` and ``floor`` =
#: ``min_floor``, the minimum is ``min(s, max(part, floor) + F)`` where ``part`` is
#:
#: * ``statement``: ``x (s - F)``, a percent of the statement, interest
#:   included (花呗's 10% of the bill; a plain percent of the statement);
#: * ``cmb``: ``x P + (s - P - F)``: a percent of the principal plus all
#:   interest and older charges owed (CMB: 10% of spending + 100% of fees and
#:   interest);
#: * ``balance_plus_interest``: ``x (s - I - F) + I``: a percent of the balance
#:   before the month's interest, plus that interest (the US "1% + interest +
#:   fees", Capital One, $25 floor);
#: * ``balance_before_interest``: ``x (s - I - F)`` (the older US "2% of the
#:   balance", Reg Z App. M2, $20–25 floor).
#:
#: Each term is rounded to the fen.  Fees and penalties are due in full under
#: every rule, and only while unpaid: one paid before the statement is not
#: counted in it again.
MIN_RULES = ("statement", "cmb", "balance_plus_interest", "balance_before_interest")
#: The rate each minimum rule is quoted with (domain.md §1), for a form to offer.
MIN_RULE_RATES: dict[str, float] = {
    "statement": 0.10, "cmb": 0.10, "balance_plus_interest": 0.01,
    "balance_before_interest": 0.02,
}
#: What unpaid interest does on a by-the-day line.  ``none``: simple daily
#: interest on the principal outstanding; interest, fees and penalties left
#: unpaid are owed but earn nothing (随借随还 and 备用金 lines: 借呗, 微粒贷,
#: 随星借; domain.md §1).  ``monthly``: charges still unpaid at the end of a
#: statement day join the interest-bearing balance (card cash advance and
#: revolving, domain.md §1).  Term methods charge interest by their schedule
#: and ignore it.
COMPOUNDING = ("none", "monthly")
#: How a by-the-day line's rate is spread over days.  ``daily``: each day
#: accrues the daily rate (``r / 365`` for an annual ``r``), so a 31-day month
#: costs more than a 30-day one, as lenders in China charge.  ``monthly``: each
#: statement month accrues the monthly rate (``r / 12``; ``d * 365 / 12`` for a
#: daily ``d``) whatever its days, spread evenly over them: the "22%/12 a month"
#: of a US card calculator, and the term methods' own convention.
ACCRUALS = ("daily", "monthly")
# RATE_UNITS is calc.units.RATE_UNITS, re-exported beside this package's other codes.

#: A run whose debt passes a billion yuan stops: beyond it float64 no longer
#: holds whole fen exactly (calc.money), and the plan is plainly never paid off.
DEBT_CAP = 1e9

#: Bounds of the inputs; the UI shows the same ones.  Amounts in yuan, every
#: ``*_rate`` a fraction (0.01 = 1%).
LIMITS: dict[str, tuple[float, float]] = {
    "limit": (0.0, 1e8),  # open below
    "amount": (0.0, 1e8),  # open below; a draw must also fit in the unused limit
    "day": (0, HORIZON_DAYS - 1),
    "count": (1, 1000),  # draws; repayments and late faults may be 0..1000
    "rate_annual": SCHEDULE_LIMITS["rate_annual"],
    "rate_daily": SCHEDULE_LIMITS["rate_daily"],
    "fee_rate": (0.0, 0.1),
    "fee_min": (0.0, 1000.0),
    "term_months": SCHEDULE_LIMITS["periods"],
    "min_rate": (0.0, 1.0),  # open below
    "min_floor": (0.0, 1e6),
    "fixed_payment": (0.0, 1e8),
    "late_month": (1, HORIZON_MONTHS),
    "late_days": (1, 3650),
    "grace_days": (0, 90),
    "overdue_multiple": (1.0, 4.0),
    "late_fee_rate": (0.0, 0.2),
    "late_fee_min": (0.0, 1000.0),
    "rollover_months": (1, HORIZON_MONTHS),
}

_T = TypeVar("_T")


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
    (``rate`` per ``rate_unit``), its fee per draw (``fee_rate`` of the
    amount, at least ``fee_min``), for a card purchase whether a statement
    paid in full is ``interest_free``, and on by-the-day methods its
    ``compounding`` (:data:`COMPOUNDING`) and ``accrual`` (:data:`ACCRUALS`).

    The defaults are a 备用金 line's: simple daily interest (``"none"``,
    domain.md §1), accrued by the actual day.  A card sets
    ``compounding="monthly"``.
    """

    limit: float
    rate: float
    rate_unit: str = "daily"
    fee_rate: float = 0.0
    fee_min: float = 0.0
    interest_free: bool = False
    compounding: str = "none"
    accrual: str = "daily"


@dataclass(frozen=True)
class RepaymentPlan:
    """How the line is repaid: ``method`` from :data:`METHODS`.

    ``term_months`` for term methods; ``repayments`` for ``flexible`` (and as
    extra payments on ``revolving``); ``pay_rule`` for ``revolving``, with
    ``min_rule`` / ``min_rate`` / ``min_floor`` for its minimum
    (:data:`MIN_RULES`) and ``fixed_payment`` for a fixed amount.  The
    defaults, 10% of the statement and at least ¥100, reproduce domain.md §2's
    37 months.
    """

    method: str
    term_months: int = 12
    repayments: tuple[Repayment, ...] = ()
    pay_rule: str = "full"
    min_rule: str = "statement"
    min_rate: float = 0.10
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
    """Late payments and what they cost (defaults: CMB card terms, domain.md §1):
    overdue interest at ``overdue_multiple`` × the contract rate and a 违约金 of
    ``late_fee_rate`` of the unpaid amount, at least ``late_fee_min``."""

    late: tuple[LatePayment, ...] = ()
    grace_days: int = 3
    overdue_multiple: float = 1.5
    late_fee_rate: float = 0.05
    late_fee_min: float = 10.0


@dataclass(frozen=True)
class Rollover:
    """以贷养贷: the first ``months`` payments are borrowed from a second line
    (its ``limit``, price and fee per draw; it accrues by the day and
    compounds monthly)."""

    months: int
    limit: float
    rate: float
    rate_unit: str = "daily"
    fee_rate: float = 0.0
    fee_min: float = 0.0


@dataclass(frozen=True)
class Inputs:
    """Checked inputs as the engine takes them: draws as ``(day, amount)``
    sorted by day and rounded to the fen; ``daily`` / ``monthly`` the line's
    rate per day and per month; ``line2_daily`` the second line's rate per
    day (0 without a rollover)."""

    draws: tuple[tuple[int, float], ...]
    line: LineTerms
    plan: RepaymentPlan
    faults: Faults
    rollover: Rollover | None
    daily: float
    monthly: float
    line2_daily: float


def charge_with_minimum(rate: float, minimum: float, amount: float) -> float:
    """A fee of ``rate`` × ``amount`` rounded to the fen, at least ``minimum``:
    a draw fee, a second line's fee, a 违约金.

    >>> charge_with_minimum(0.01, 10.0, 5_000), charge_with_minimum(0.01, 10.0, 500)
    (50.0, 10.0)
    """
    return max(round_fen(rate * amount), minimum)


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
    r, unit = _rate("rate", rate, rate_unit)
    d = daily_rate(r, unit)
    return nominal_apr(d, DAYS_PER_YEAR), effective_annual(d, DAYS_PER_YEAR)


# ----------------------------------------------------------------------------- checks


def _rate(field: str, rate: object, unit: object) -> tuple[float, str]:
    u = validate.code(f"{field}_unit", unit, RATE_UNITS)
    return validate.number(field, rate, *LIMITS[f"rate_{u}"]), u


def _items(field: str, value: object, kind: type[_T], lo: int) -> tuple[_T, ...]:
    """``value`` as a tuple of ``kind`` (one item alone is accepted), with
    ``lo`` .. :data:`LIMITS` ``count`` items."""
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


def _check_line(line: LineTerms) -> LineTerms:
    limit = validate.number("limit", line.limit, *LIMITS["limit"], lo_open=True)
    rate, unit = _rate("rate", line.rate, line.rate_unit)
    if not isinstance(line.interest_free, bool):
        raise InputError("not_a_number", field="interest_free", got=line.interest_free)
    return replace(
        line, limit=limit, rate=rate, rate_unit=unit,
        fee_rate=validate.number("draw_fee_rate", line.fee_rate, *LIMITS["fee_rate"]),
        fee_min=validate.number("fee_min", line.fee_min, *LIMITS["fee_min"]),
        compounding=validate.code("compounding", line.compounding, COMPOUNDING),
        accrual=validate.code("accrual", line.accrual, ACCRUALS),
    )


def _check_draws(draws: object, limit: float) -> tuple[tuple[int, float], ...]:
    checked = []
    for dr in _items("draws", draws, Draw, 1):
        amount = validate.number("draw_amount", dr.amount, 0.0, limit, lo_open=True)
        day = validate.integer("draw_day", dr.day, *LIMITS["day"])
        checked.append((day, round_fen(amount)))
    checked.sort(key=lambda x: x[0])
    if any(a <= 0 for _, a in checked):  # under half a fen: no money at all
        raise InputError("out_of_range", field="draw_amount", min=0.01, max=limit,
                         got=min(a for _, a in checked))
    return tuple(checked)


def _check_plan(plan: RepaymentPlan) -> RepaymentPlan:
    method = validate.code("method", plan.method, METHODS)
    reps = []
    for rp in _items("repayments", plan.repayments, Repayment, 0):
        day = validate.integer("repayment_day", rp.day, *LIMITS["day"])
        amt = None if rp.amount is None else round_fen(
            validate.number("repayment_amount", rp.amount, *LIMITS["amount"], lo_open=True))
        reps.append(Repayment(day, amt))
    if reps and method in TERM_METHODS:
        raise InputError("not_applicable", field="repayments", got=method)
    return replace(
        plan, method=method, repayments=tuple(reps),
        term_months=validate.integer("term_months", plan.term_months, *LIMITS["term_months"]),
        pay_rule=validate.code("pay_rule", plan.pay_rule, PAY_RULES),
        min_rule=validate.code("min_rule", plan.min_rule, MIN_RULES),
        min_rate=validate.number("min_rate", plan.min_rate, *LIMITS["min_rate"], lo_open=True),
        min_floor=validate.number("min_floor", plan.min_floor, *LIMITS["min_floor"]),
        fixed_payment=round_fen(
            validate.number("fixed_payment", plan.fixed_payment, *LIMITS["fixed_payment"])),
    )


def _check_faults(faults: Faults, method: str) -> Faults:
    late = []
    for lp in _items("late", faults.late, LatePayment, 0):
        late.append(LatePayment(validate.integer("late_month", lp.month, *LIMITS["late_month"]),
                                validate.integer("late_days", lp.days, *LIMITS["late_days"])))
    if late and method == "flexible":
        raise InputError("not_applicable", field="late", got=method)
    return Faults(
        late=tuple(late),
        grace_days=validate.integer("grace_days", faults.grace_days, *LIMITS["grace_days"]),
        overdue_multiple=validate.number("overdue_multiple", faults.overdue_multiple,
                                         *LIMITS["overdue_multiple"]),
        late_fee_rate=validate.number("late_fee_rate", faults.late_fee_rate,
                                      *LIMITS["late_fee_rate"]),
        late_fee_min=validate.number("late_fee_min", faults.late_fee_min,
                                     *LIMITS["late_fee_min"]),
    )


def _check_rollover(rollover: object, method: str) -> Rollover | None:
    if rollover is None:
        return None
    if not isinstance(rollover, Rollover):
        raise InputError("not_a_number", field="rollover", got=rollover)
    if method == "flexible":
        raise InputError("not_applicable", field="rollover", got=method)
    rate, unit = _rate("rollover_rate", rollover.rate, rollover.rate_unit)
    return replace(
        rollover, rate=rate, rate_unit=unit,
        months=validate.integer("rollover_months", rollover.months, *LIMITS["rollover_months"]),
        limit=validate.number("rollover_limit", rollover.limit, *LIMITS["limit"], lo_open=True),
        fee_rate=validate.number("rollover_fee_rate", rollover.fee_rate, *LIMITS["fee_rate"]),
        fee_min=validate.number("rollover_fee_min", rollover.fee_min, *LIMITS["fee_min"]),
    )


def check(
    draws: object, line: object, plan: object, faults: object, rollover: object
) -> Inputs:
    """Every input checked, in the order a form lists them.

    Raises
    ------
    InputError
        ``not_a_number``, ``out_of_range`` (with ``min``/``max``),
        ``not_integer``, ``unknown_code`` with the input's ``field``;
        ``not_applicable`` (``field`` ``repayments``, ``late`` or ``rollover``,
        ``got`` the method) for a feature the method does not have.
    """
    if not isinstance(line, LineTerms):
        raise InputError("not_a_number", field="line", got=line)
    if not isinstance(plan, RepaymentPlan):
        raise InputError("not_a_number", field="plan", got=plan)
    faults = Faults() if faults is None else faults
    if not isinstance(faults, Faults):
        raise InputError("not_a_number", field="faults", got=faults)
    checked_line = _check_line(line)
    checked_draws = _check_draws(draws, checked_line.limit)
    checked_plan = _check_plan(plan)
    method = checked_plan.method
    checked_faults = _check_faults(faults, method)
    checked_rollover = _check_rollover(rollover, method)
    line2_daily = (0.0 if checked_rollover is None
                   else daily_rate(checked_rollover.rate, checked_rollover.rate_unit))
    return Inputs(
        draws=checked_draws, line=checked_line, plan=checked_plan, faults=checked_faults,
        rollover=checked_rollover,
        daily=daily_rate(checked_line.rate, checked_line.rate_unit),
        monthly=monthly_rate(checked_line.rate, checked_line.rate_unit),
        line2_daily=line2_daily,
    )
