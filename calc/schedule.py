"""Installment plans and loans as cash-flow schedules.

One function, :func:`build_schedule`, turns a price and a plan's terms into a
:class:`Schedule`: the borrower's cash flows (``calc.rates.CashFlow``, money to
the borrower positive) plus, per installment, the payment split into principal
and fee or interest and the balance left, so a table needs no recomputation.
:func:`early_repayment` rewrites a schedule as if it were paid off with
installment ``k`` under one of the lender's fee rules.

Conventions
-----------
* Unit period: one month (12 a year), 30 days for an odd first period: the
  first installment falls ``first_days`` days after the start, i.e.
  ``first_days // 30`` whole periods plus ``(first_days % 30) / 30``, and every
  later one a whole month after the previous (Reg Z App. J (b)(5)).
* Money is rounded to the fen by :func:`calc.money.round_fen` (half away from
  zero) where a lender rounds: each period's principal share, fee and
  interest.  The last installment absorbs the remainder.
* A daily rate ``d`` is the monthly rate ``d * 365 / 12``; an annual rate ``r``
  the monthly rate ``r / 12`` (:func:`calc.units.monthly_rate`).  Interest over
  an odd first period is simple: ``balance * monthly rate * first_days / 30``.
* A fee is entered as the checkout shows it (:data:`FEE_MODES`): a percent
  of the price per period or in total, a fee in yuan per period or in total,
  or the amount of each installment.  :func:`fee_per_period` turns any of
  them into the one number :class:`PlanTerms` takes, the fee per period as a
  fraction of the amount financed, and :func:`fee_in_mode` turns it back, so
  changing how a fee is entered converts it and never reinterprets it.
* **Checkout rounding** (``fee_rounding``).  ``period``: each installment's
  fee is ``round_fen(financed * fee_rate)``, as Chinese checkouts display it
  (0.5% a period on ¥3,999 is ¥19.995, shown and charged as ¥20.00, so
  ¥353.25 × 12).  ``total``: the whole fee ``round_fen(financed * fee_rate
  * n)`` is split evenly to the fen, the last installment absorbing the
  remainder (¥239.94 as 11 × ¥19.99 + ¥20.05); a lender quoting one total
  fee (花呗's 8.8% of ¥3,999 = ¥351.91) charges this way.
* **A fee entered in yuan is charged as entered** (``fee_yuan``, whatever
  ``fee_rounding`` says).  ``total_yuan`` ``x``: the whole fee is
  ``round_fen(x)``, split evenly to the fen, the last installment absorbing
  the remainder (¥29.99 over 3 is 9.99 + 9.99 + 10.01, not 3 × 10.00);
  ``period_yuan`` ``x``: the same with a whole fee ``round_fen(n x)`` (¥20 a
  period is 20.00 each).
* **A typed installment is reproduced** (``payment`` mode, ``P``): every
  installment but the last is ``round_fen(P)``, and the whole fee is
  ``round_fen(n P - F)``, so the last absorbs what the principal's sub-fen
  remainder leaves (¥8,999 × 12 at ¥800.00: principal 11 × 749.91 + 749.99,
  fee 601.00 = 11 × 50.09 + 50.01, twelve installments of ¥800.00).  A fee too
  small to be spread that way (the last's fee would be negative) is split
  evenly instead.
* A ``first_payment`` the checkout shows apart ("首期 ¥…") replaces the first
  installment: its principal share stays, its fee is what is left (with a
  fee entered in yuan in total, the others share the rest of that total).
* **Conversions give whole-fen figures** (:func:`entered_fee`): a fee shown
  in another mode is the plan's own figure (its fee per installment, its
  whole fee, its installment, in fen) when entering that figure gives a plan
  that costs the same, else the shortest decimal that does; so typing back
  what a field shows never changes the cost.
* The buyer receives the goods at their cash price (the sticker price less any
  discount for paying in full), pays any down payment and upfront fee at the
  start, and the installments after.  A plan that ``keeps_discount`` (a 免息
  card the shop still gives the discount on) finances the cash price, not the
  sticker price.

Example
-------
The classroom example, ¥10,000 in 12 installments at 0.6% a month:

>>> s = build_schedule(10_000, PlanTerms(kind="addon", periods=12, fee_rate=0.006))
>>> float(s.payment[0]), float(s.payment[-1]), s.total_cost
(893.33, 893.37, 720.0)
>>> r = s.rates()
>>> f"advertised {r.advertised:.2%}, APR {r.nominal:.2%}, effective {r.effective:.2%}"
'advertised 7.20%, APR 13.03%, effective 13.84%'
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from calc import validate
from calc.errors import InputError
from calc.money import round_fen, round_fen_array, split_evenly
from calc.rates import (
    CashFlow,
    advertised_rate,
    average_balance,
    effective_annual,
    nominal_apr,
    periodic_rate,
)
from calc.units import (
    MONTHS_PER_YEAR,
    RATE_UNITS,
    annuity_payment,
    monthly_rate,
    yearly_rate,
)

__all__ = [
    "KINDS",
    "LOAN_KINDS",
    "FEE_TIMINGS",
    "FEE_MODES",
    "RATE_UNITS",
    "EARLY_RULES",
    "LIMITS",
    "PlanTerms",
    "Schedule",
    "Rates",
    "build_schedule",
    "Payments",
    "payment_pattern",
    "cash_price",
    "early_repayment",
    "fee_per_period",
    "fee_in_mode",
    "with_fee",
    "entered_fee",
    "discount_fraction",
    "FEE_ROUNDINGS",
]

#: ``addon``: fee per period on the original principal; ``free``: 免息;
#: ``equal_payment`` 等额本息, ``equal_principal`` 等额本金, ``interest_only`` 先息后本.
KINDS = ("addon", "free", "equal_payment", "equal_principal", "interest_only")
LOAN_KINDS = ("equal_payment", "equal_principal", "interest_only")
#: ``spread``: the fee with every installment; ``first``: the whole fee with the first.
FEE_TIMINGS = ("spread", "first")
#: How a fee is entered, as a checkout shows it: ``period``, a percent of the
#: price each period (bank cards, 白条); ``total``, a percent over the whole
#: plan (花呗); ``period_yuan``, the fee in yuan each period; ``total_yuan``, the
#: whole fee in yuan; ``payment``, the amount of each installment (¥353.25 ×
#: 12).  Percents are fractions here; see :func:`fee_per_period`.
FEE_MODES = ("period", "total", "period_yuan", "total_yuan", "payment")
#: How the fee is rounded to the fen: each ``period``'s fee, or the ``total``
#: split evenly (the module's *Conventions*).
FEE_ROUNDINGS = ("period", "total")
# RATE_UNITS is calc.units.RATE_UNITS, re-exported beside this module's other codes.
#: On early repayment: ``waive`` remaining fees/interest, ``charge`` them all
#: anyway, or waive them and charge ``penalty_rate`` of the prepaid principal.
EARLY_RULES = ("waive", "charge", "penalty")

DAYS_PER_PERIOD = 30
#: The fee modes entered in yuan: what the checkout charges is the figure itself.
FEE_UNIT_YUAN = {"period_yuan": "yuan", "total_yuan": "yuan", "payment": "yuan"}

#: Bounds of what a lender could offer; the UI shows the same ones.
LIMITS: dict[str, tuple[float, float]] = {
    "price": (0.0, 1e8),  # open below
    "cash_discount": (0.0, 0.5),  # fraction of the price
    "periods": (1, 360),
    "fee_rate": (0.0, 0.1),  # per period
    "rate_annual": (0.0, 3.65),
    "rate_daily": (0.0, 0.01),
    "first_days": (1, 366),
    "penalty_rate": (0.0, 0.2),  # fraction of the principal prepaid
}


@dataclass(frozen=True)
class PlanTerms:
    """What a lender offers.  ``fee_rate`` is per period, a fraction of the
    amount financed, rounded by ``fee_rounding`` (addon kinds);
    ``first_payment`` > 0 is a first installment the checkout shows apart
    (addon and free kinds); ``rate`` is the loan's nominal rate per year or
    per day (``rate_unit``).

    ``fee_yuan``, when given, is the fee as entered in yuan in ``fee_mode``
    (``period_yuan``, ``total_yuan`` or ``payment``): it is charged as
    entered (the module's *Conventions*) and ``fee_rate`` is derived from
    it.  ``keeps_discount``: the plan finances the cash price."""

    kind: str
    periods: int
    fee_rate: float = 0.0
    fee_timing: str = "spread"
    rate: float = 0.0
    rate_unit: str = "annual"
    down_payment: float = 0.0
    upfront_fee: float = 0.0
    first_days: int = DAYS_PER_PERIOD
    early_rule: str = "charge"
    penalty_rate: float = 0.0
    fee_rounding: str = "period"
    first_payment: float = 0.0
    fee_mode: str = "period"
    fee_yuan: float | None = None
    keeps_discount: bool = False


@dataclass(frozen=True)
class Rates:
    """The rates of one schedule, each under its own name (``domain.md`` §2)."""

    periodic: float  # i per month
    nominal: float  # i × 12
    effective: float  # (1 + i)^12 − 1
    average_balance: float  # cost ÷ balance-years
    advertised: float  # what the offer says: fee × 12 or the loan's nominal rate


@dataclass(frozen=True)
class Schedule:
    """One plan as cash flows and a per-installment table.

    Arrays have one entry per installment: ``due_period``/``due_fraction``
    (when, in months), ``payment`` = ``principal`` + ``charge`` (fee or
    interest, with any penalty), and ``balance`` of principal after it.
    """

    terms: PlanTerms
    price: float
    cash_price: float
    down_payment: float
    upfront_fee: float
    financed: float
    due_period: npt.NDArray[np.int64]
    due_fraction: npt.NDArray[np.float64]
    payment: npt.NDArray[np.float64]
    principal: npt.NDArray[np.float64]
    charge: npt.NDArray[np.float64]
    balance: npt.NDArray[np.float64]
    advertised: float
    paid_off_after: int | None = None  # k when repaid early
    flows: tuple[CashFlow, ...] = field(init=False)

    def __post_init__(self) -> None:
        start = round_fen(self.cash_price - self.down_payment - self.upfront_fee)
        flows = [CashFlow(start, 0)]
        flows += [
            CashFlow(-float(p), int(t), float(f))
            for p, t, f in zip(self.payment, self.due_period, self.due_fraction, strict=True)
        ]
        object.__setattr__(self, "flows", tuple(flows))

    @property
    def n(self) -> int:
        return len(self.payment)

    @property
    def total_paid(self) -> float:
        """Everything the buyer hands over: down payment, upfront fee, installments."""
        return round_fen(self.down_payment + self.upfront_fee + float(self.payment.sum()))

    @property
    def total_cost(self) -> float:
        """What buying this way costs over paying the cash price now."""
        return round_fen(self.total_paid - self.cash_price)

    @property
    def fee_total(self) -> float:
        """All the fee or interest the installments carry (the upfront fee apart)."""
        return round_fen(float(self.charge.sum()))

    @property
    def fee_rate(self) -> float:
        """The fee per period as a fraction of the amount financed, as the
        installments actually charge it: ``fee_total / (financed * n)``
        (0.5% for ¥240 on ¥3,999 over 12)."""
        return self.fee_total / (self.financed * self.n)

    @property
    def balance_years(self) -> float:
        """Σ balance outstanding × years, period by period."""
        before = np.concatenate(([self.financed], self.balance[:-1]))
        times = self.due_period + self.due_fraction
        lengths = np.diff(np.concatenate(([0.0], times)))
        return float((before * lengths).sum()) / MONTHS_PER_YEAR

    def periodic_rate(self) -> float:
        """The monthly rate that balances the flows (Reg Z simple odd days)."""
        return periodic_rate(self.flows, odd_days="simple")

    def rates(self) -> Rates:
        i = self.periodic_rate()
        return Rates(
            periodic=i,
            nominal=nominal_apr(i, MONTHS_PER_YEAR),
            effective=effective_annual(i, MONTHS_PER_YEAR),
            average_balance=average_balance(self.total_cost, self.balance_years),
            advertised=self.advertised,
        )

    def present_cost(self, annual_yield: float) -> float:
        """Cost in today's money: what the buyer pays, discounted at the
        savings ``annual_yield`` (effective, so the monthly factor is
        ``(1 + y) ** (1/12)``), less the cash price.  Negative when saving
        the money meanwhile earns more than the plan costs."""
        y = validate.number("savings_yield", annual_yield, 0.0, 1.0)
        monthly = math.expm1(math.log1p(y) / MONTHS_PER_YEAR)
        times = self.due_period + self.due_fraction
        pv = float((self.payment * (1.0 + monthly) ** -times).sum())
        return pv + self.down_payment + self.upfront_fee - self.cash_price


def cash_price(price: float, cash_discount: float = 0.0) -> float:
    """What paying in full today costs: the price less its discount, to the fen.

    >>> cash_price(3999, 0.05)
    3799.05
    """
    return round_fen(price * (1.0 - cash_discount))


def fee_per_period(fee: float, fee_mode: str, periods: int, financed: float = 0.0) -> float:
    """The fee per period, as :class:`PlanTerms` takes it, of a fee as entered.

    Parameters
    ----------
    fee : float
        The fee as the checkout shows it (``fee_mode``): a fraction of the
        price per period or in total, yuan per period or in total, or the
        yuan of each installment.
    fee_mode : str
        One of :data:`FEE_MODES`.
    periods : int
        Number of installments ``n``.
    financed : float
        The amount the fee is charged on, ``F`` (the price less any down
        payment); needed by the yuan modes only.

    Returns
    -------
    float
        ``r``, the fee per period as a fraction of ``F``: ``period`` ``fee``;
        ``total`` ``fee / n``; ``period_yuan`` ``fee / F``; ``total_yuan``
        ``fee / (F n)``; ``payment`` ``(fee - F / n) / F``, the installment
        less its principal share.  Exact arithmetic, no rounding: the
        schedule rounds (``fee_rounding``), so :func:`fee_in_mode` undoes it.

    Raises
    ------
    InputError
        ``unknown_code`` (field ``fee_mode``); ``not_a_number``,
        ``out_of_range`` or ``not_integer`` for ``periods``; ``not_a_number``
        (field ``fee_rate``) for a fee that is not a finite number;
        ``out_of_range`` (field ``price``) for a yuan mode without a
        positive ``financed``.  Whether the fee per period is one a lender
        could offer is :func:`build_schedule`'s check.

    Examples
    --------
    花呗 12 期 at 8.8% in total is 0.7333% a period:

    >>> f"{fee_per_period(0.088, 'total', 12):.4%}"
    '0.7333%'
    >>> fee_per_period(0.006, "period", 12)
    0.006

    A checkout showing ¥3,999 as ¥353.25 × 12: ¥333.25 of principal and ¥20
    of fee each period, 20 / 3,999 = 0.5001% of the price:

    >>> f"{fee_per_period(353.25, 'payment', 12, 3999):.4%}"
    '0.5001%'
    """
    mode = validate.code("fee_mode", fee_mode, FEE_MODES)
    n = validate.integer("periods", periods, *LIMITS["periods"])
    x = validate.number("fee_rate", fee, -math.inf, math.inf)
    if mode == "period":
        return x
    if mode == "total":
        return x / n
    f = _financed(financed)
    if mode == "period_yuan":
        return x / f
    if mode == "total_yuan":
        return x / (f * n)
    return (x - f / n) / f


def fee_in_mode(fee_rate: float, fee_mode: str, periods: int, financed: float = 0.0) -> float:
    """The fee per period ``fee_rate`` (a fraction of ``financed``) as
    entered in ``fee_mode``: the inverse of :func:`fee_per_period`.

    Converting a fee from one mode to another is
    ``fee_in_mode(fee_per_period(x, a, n, F), b, n, F)``; the schedule is the
    same either way.

    Examples
    --------
    8.80% in total over 12 periods is 0.7333% a period, and back:

    >>> r = fee_per_period(0.088, "total", 12)
    >>> f"{fee_in_mode(r, 'period', 12):.4%}", round(fee_in_mode(r, 'total', 12), 12)
    ('0.7333%', 0.088)

    0.5% a period on ¥3,999 is ¥19.995 a period (charged as ¥20.00), ¥239.94
    in all, an installment of ¥333.25 + ¥19.995:

    >>> [round(fee_in_mode(0.005, m, 12, 3999), 4)
    ...  for m in ("period_yuan", "total_yuan", "payment")]
    [19.995, 239.94, 353.245]
    """
    mode = validate.code("fee_mode", fee_mode, FEE_MODES)
    n = validate.integer("periods", periods, *LIMITS["periods"])
    r = validate.number("fee_rate", fee_rate, -math.inf, math.inf)
    if mode == "period":
        return r
    if mode == "total":
        return r * n
    f = _financed(financed)
    if mode == "period_yuan":
        return r * f
    if mode == "total_yuan":
        return r * f * n
    return f / n + r * f


def with_fee(terms: PlanTerms, fee: float, fee_mode: str, financed: float,
             as_entered: bool = True) -> PlanTerms:
    """``terms`` with the fee ``fee`` entered in ``fee_mode`` (a fraction in
    the percent modes, yuan in the others, as :func:`fee_per_period` takes
    it).  A yuan figure is kept as entered (``fee_yuan``) and charged so
    (*Conventions*); ``as_entered=False`` turns it into a fee per period
    instead, rounded by ``fee_rounding``, as links made before that rule
    computed it.

    >>> t = with_fee(PlanTerms(kind="addon", periods=3), 29.99, "total_yuan", 1299.5)
    >>> build_schedule(1299.5, t).charge.tolist()
    [9.99, 9.99, 10.01]
    """
    mode = validate.code("fee_mode", fee_mode, FEE_MODES)
    rate = fee_per_period(fee, mode, terms.periods, financed)
    if mode in FEE_UNIT_YUAN and as_entered:
        return replace(terms, fee_rate=rate, fee_mode=mode, fee_yuan=float(fee))
    return replace(terms, fee_rate=rate, fee_mode=mode, fee_yuan=None)


def entered_fee(price: float, terms: PlanTerms, fee_mode: str, cash_discount: float = 0.0,
                most: int = 8) -> float | None:
    """The fee of the plan ``terms`` as entered in ``fee_mode``: what the
    field shows after a change of how the fee is entered.

    Parameters
    ----------
    price, terms, cash_discount
        The plan, as :func:`build_schedule` takes it.
    fee_mode : str
        One of :data:`FEE_MODES`; the figure is a fraction in the percent
        modes, yuan in the others (as :func:`with_fee` takes it).
    most : int
        The most decimals of the figure.

    Returns
    -------
    float or None
        The first figure ``v`` for which ``with_fee(terms, v, fee_mode, F)``
        gives the same installments, else the first that costs the same,
        trying the plan's own figure first (in a yuan mode: its fee per
        installment, its whole fee, its installment, in fen), then the plan's
        fee per period (as entered, then as charged) in the new mode
        (:func:`fee_in_mode`) to 0, 1, …, ``most`` decimals; ``None`` when
        none does (the fee cannot be shown in that mode without changing
        it).  Entering ``v`` back never changes the cost.

    Examples
    --------
    0.5% a period on ¥3,999 charges 12 × ¥20.00: ¥20.00 a period, ¥240.00 in
    all, an installment of 333.25 + 20.00 (not ¥19.995 and ¥239.94):

    >>> t = PlanTerms(kind="addon", periods=12, fee_rate=0.005)
    >>> [entered_fee(3999, t, m) for m in ("period_yuan", "total_yuan", "payment")]
    [20.0, 240.0, 353.25]

    花呗's 8.8% of ¥3,999 in total, rounded once, is ¥351.91; as a percent a
    period 0.7333% would charge 351.90, so it is 0.73333%:

    >>> t = PlanTerms(kind="addon", periods=12, fee_rate=0.088 / 12, fee_rounding="total")
    >>> round(100 * entered_fee(3999, t, "period", most=10), 8)
    0.73333
    """
    mode = validate.code("fee_mode", fee_mode, FEE_MODES)
    s = build_schedule(price, terms, cash_discount)
    t, f, n = s.terms, s.financed, s.n
    own: list[float] = []
    if mode in FEE_UNIT_YUAN and t.kind == "addon":
        k = 1 if t.first_payment > 0.0 and n > 1 else 0
        own = [float(s.charge[k]) if mode == "period_yuan" else
               s.fee_total if mode == "total_yuan" else float(s.payment[k])]
    exact = [fee_in_mode(r, mode, n, f) for r in (t.fee_rate, s.fee_rate)]
    candidates = own + [round(x, d) for d in range(most + 1) for x in exact]
    tried: dict[float, Schedule] = {}
    for v in candidates:
        if v not in tried and math.isfinite(v):
            try:
                tried[v] = build_schedule(price, with_fee(t, v, mode, f), cash_discount)
            except InputError:
                continue
    same = [v for v, again in tried.items() if again.total_cost == s.total_cost]
    alike = [v for v in same if np.array_equal(tried[v].payment, s.payment)]
    found = alike or same
    return found[0] if found else None


def discount_fraction(amount: float, price: float) -> float:
    """A discount for paying in full entered in yuan, as the fraction of the
    price :func:`build_schedule` takes: ``amount / price``.  At most half the
    price (:data:`LIMITS`).

    "Paying in full gets ¥200 off" a ¥3,999 phone: 5.00125%, a cash price of
    ¥3,799.00:

    >>> d = discount_fraction(200, 3999)
    >>> f"{d:.5%}", cash_price(3999, d)
    ('5.00125%', 3799.0)
    """
    p = validate.number("price", price, *LIMITS["price"], lo_open=True)
    most = round_fen(p * LIMITS["cash_discount"][1])
    y = validate.number("cash_discount_yuan", amount, 0.0, most)
    return y / p


def _financed(financed: float) -> float:
    return validate.number("price", financed, *LIMITS["price"], lo_open=True)


def _check_terms(price: float, terms: PlanTerms, cash_discount: float) -> PlanTerms:
    validate.number("price", price, *LIMITS["price"], lo_open=True)
    validate.number("cash_discount", cash_discount, *LIMITS["cash_discount"])
    kind = validate.code("kind", terms.kind, KINDS)
    validate.code("fee_timing", terms.fee_timing, FEE_TIMINGS)
    unit = validate.code("rate_unit", terms.rate_unit, RATE_UNITS)
    validate.code("early_rule", terms.early_rule, EARLY_RULES)
    validate.code("fee_rounding", terms.fee_rounding, FEE_ROUNDINGS)
    n = validate.integer("periods", terms.periods, *LIMITS["periods"])
    mode = validate.code("fee_mode", terms.fee_mode, FEE_MODES)
    fee_yuan = terms.fee_yuan
    if fee_yuan is not None and kind == "addon":
        if FEE_UNIT_YUAN.get(mode) is None:
            raise InputError("unknown_code", field="fee_mode", got=mode,
                             choices=tuple(FEE_UNIT_YUAN))
        fee_yuan = validate.number("fee_yuan", fee_yuan, 0.0, LIMITS["price"][1])
        fee = 0.0  # derived from the yuan figure by build_schedule
    else:
        fee_yuan = None
        fee = terms.fee_rate
        if isinstance(fee, float) and -1e-12 < fee < 0.0:
            fee = 0.0  # an installment equal to its principal share, less float noise
        fee = validate.number("fee_rate", fee, *LIMITS["fee_rate"])
    rate = validate.number("rate", terms.rate, *LIMITS[f"rate_{unit}"])
    down = validate.number("down_payment", terms.down_payment, 0.0, price, hi_open=True)
    upfront = validate.number(
        "upfront_fee", terms.upfront_fee, 0.0, price - down, hi_open=True
    )
    days = validate.integer("first_days", terms.first_days, *LIMITS["first_days"])
    penalty = validate.number("penalty_rate", terms.penalty_rate, *LIMITS["penalty_rate"])
    first = validate.number("first_payment", terms.first_payment, 0.0, LIMITS["price"][1])
    if kind not in ("addon", "free"):
        first = 0.0
    if kind != "addon":
        fee = 0.0
    if kind not in LOAN_KINDS:
        rate = 0.0
    return replace(
        terms,
        periods=n,
        fee_rate=fee,
        fee_mode=mode,
        fee_yuan=fee_yuan,
        keeps_discount=bool(terms.keeps_discount),
        rate=rate,
        down_payment=down,
        upfront_fee=upfront,
        first_days=days,
        penalty_rate=penalty,
        first_payment=round_fen(first),
    )


def build_schedule(price: float, terms: PlanTerms, cash_discount: float = 0.0) -> Schedule:
    """The schedule of buying at ``price`` on ``terms``.

    Parameters
    ----------
    price : float
        Sticker price in yuan; installments are computed on it.
    terms : PlanTerms
        The plan.  Fields that do not apply to its kind (a fee rate on a loan,
        a loan rate on an addon plan) are ignored.
    cash_discount : float
        Fraction of the price knocked off for paying in full now; financing
        forgoes it, so even a fee-free plan then has a cost.

    Raises
    ------
    InputError
        With a stable ``code`` and ``field`` for any input a lender could not
        offer (see :data:`LIMITS`).

    Examples
    --------
    等额本息: ¥10,000 at 18% a year over 12 months pays ¥916.80 a month.

    >>> s = build_schedule(10_000, PlanTerms(kind="equal_payment", periods=12, rate=0.18))
    >>> float(s.payment[0]), round(float(s.charge.sum()), 2)
    (916.8, 1001.6)

    "0% over 12" that forgoes a 5% discount for paying in full: the buyer gets
    ¥3,799.05 of goods and repays 12 × ¥333.25 (numpy-financial's
    ``rate(12, -333.25, 3799.05, 0) * 12`` gives the same 9.58%):

    >>> s = build_schedule(3999, PlanTerms(kind="free", periods=12), cash_discount=0.05)
    >>> s.total_cost, f"{s.rates().nominal:.2%}"
    (199.95, '9.58%')
    """
    t = _check_terms(price, terms, cash_discount)
    price = float(price)
    n = t.periods
    paid_in_full = cash_price(price, cash_discount)
    financed = round_fen((paid_in_full if t.keeps_discount else price) - t.down_payment)
    if financed <= 0.0:  # a down payment past a kept discount's cash price
        raise InputError("out_of_range", field="down_payment", min=0.0,
                         max=paid_in_full, got=t.down_payment, max_open=True)
    lengths = np.ones(n)
    lengths[0] = t.first_days / DAYS_PER_PERIOD
    first_whole, first_frac = divmod(t.first_days, DAYS_PER_PERIOD)
    due_period = first_whole + np.arange(n)
    due_fraction = np.full(n, first_frac / DAYS_PER_PERIOD)

    if t.kind in ("addon", "free"):
        principal = split_evenly(financed, n)
        if t.first_payment > 0.0 and t.first_payment < principal[0]:
            raise InputError("out_of_range", field="first_payment", min=float(principal[0]),
                             max=LIMITS["price"][1], got=t.first_payment)
        if t.fee_yuan is not None:
            charge = _charged_as_entered(t, financed, principal)
            t = replace(t, fee_rate=validate.number(
                "fee_rate", round_fen(float(charge.sum())) / (financed * n),
                *LIMITS["fee_rate"]))
        else:
            charge = _charged_at_rate(t, financed, principal)
        advertised = advertised_rate(t.fee_rate, MONTHS_PER_YEAR)
    else:
        i = monthly_rate(t.rate, t.rate_unit)
        principal, charge = _amortize(t.kind, financed, n, i, lengths)
        advertised = yearly_rate(t.rate, t.rate_unit)
    payment = round_fen_array(principal + charge)
    balance = round_fen_array(financed - np.cumsum(principal))
    return Schedule(
        terms=t,
        price=price,
        cash_price=paid_in_full,
        down_payment=t.down_payment,
        upfront_fee=t.upfront_fee,
        financed=financed,
        due_period=due_period,
        due_fraction=due_fraction,
        payment=payment,
        principal=principal,
        charge=charge,
        balance=balance,
        advertised=advertised,
    )


def _charged_at_rate(t: PlanTerms, financed: float,
                     principal: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Each installment's fee of a fee per period ``t.fee_rate``, rounded by
    ``t.fee_rounding``; a separate first installment's fee is what it leaves."""
    n = t.periods
    each = round_fen(financed * t.fee_rate)
    total_fee = round_fen(each * n if t.fee_rounding == "period"
                          else financed * t.fee_rate * n)
    if t.fee_timing == "first":
        charge = np.zeros(n)
        charge[0] = total_fee
    elif t.fee_rounding == "period":
        charge = np.full(n, each)
    else:
        charge = split_evenly(total_fee, n)
    if t.first_payment > 0.0:
        charge[0] = round_fen(t.first_payment - principal[0])
    return charge


def _charged_as_entered(t: PlanTerms, financed: float,
                        principal: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Each installment's fee of a fee entered in yuan (*Conventions*): the
    entered figure fixes the whole fee, whatever the rounding.

    With ``m`` installments after a separate first one (``m = n - 1``) or
    ``m = n`` without: ``period_yuan`` ``x`` charges ``round_fen(m x)`` on them,
    ``total_yuan`` ``x`` charges ``round_fen(x)`` in all, and ``payment`` ``P``
    makes each of them ``round_fen(P)``, the whole fee
    ``round_fen(first + (n - 1) P - F)`` (``first`` = ``P`` without one).
    """
    n, x = t.periods, float(t.fee_yuan or 0.0)
    first = t.first_payment > 0.0
    c0 = round_fen(t.first_payment - principal[0]) if first else 0.0
    m = n - 1 if first else n
    if t.fee_mode == "period_yuan":
        rest = round_fen(m * x)
    elif t.fee_mode == "total_yuan":
        rest = round_fen(x - c0)
        if rest < 0.0:  # a first installment whose fee alone is more than the whole fee
            raise InputError("out_of_range", field="first_payment", min=float(principal[0]),
                             max=round_fen(float(principal[0]) + x), got=t.first_payment)
    else:
        rest = round_fen((t.first_payment if first else x) + (n - 1) * x - financed - c0)
    if rest < 0.0:  # below the principal: calc's fee bound names it
        raise InputError("out_of_range", field="fee_rate", min=0.0, max=LIMITS["fee_rate"][1],
                         got=rest / (financed * n))
    charge = np.zeros(n)
    if t.fee_timing == "first" and not first:
        charge[0] = rest
        return charge
    if m == 0:
        charge[0] = c0
        return charge
    part = split_evenly(rest, m)
    if t.fee_mode == "payment":
        # every installment round_fen(P), the last absorbing the principal's remainder
        p = round_fen(x)
        level = round_fen_array(p - principal[n - m:])
        level[-1] = round_fen(rest - float(level[:-1].sum()))
        if level.min() >= 0.0:
            part = level
    charge[n - m:] = part
    charge[0] = c0 if first else charge[0]
    return charge


def _amortize(
    kind: str, financed: float, n: int, i: float, lengths: npt.NDArray[np.float64]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Principal and interest parts of an amortizing loan, rounded per period."""
    principal = np.zeros(n)
    interest = np.zeros(n)
    if kind == "equal_principal" or (kind == "equal_payment" and i == 0.0):
        principal[:] = split_evenly(financed, n)
    elif kind == "interest_only":
        principal[-1] = financed
    else:  # equal_payment: level payment; an odd first period adds its extra days' interest
        level = round_fen(annuity_payment(financed, i, n))
    bal = financed
    for k in range(n):
        interest[k] = round_fen(bal * i * lengths[k])
        if kind == "equal_payment" and i > 0.0:
            if k == n - 1:
                # the last installment clears the balance; as lenders do, it keeps the
                # level amount and its interest absorbs the rounding (never below zero).
                # A tiny loan whose rounded level payment cleared it early pays nothing.
                principal[k] = bal
                if bal == 0.0:
                    interest[k] = 0.0
                elif n > 1:
                    interest[k] = max(round_fen(level - bal), 0.0)
            else:
                principal[k] = min(bal, round_fen(level - round_fen(bal * i)))
        bal = round_fen(bal - principal[k])
    return principal, interest


def early_repayment(schedule: Schedule, after: int, rule: str | None = None,
                    penalty_rate: float | None = None) -> Schedule:
    """``schedule`` paid off together with installment ``after``.

    The remaining principal is paid with installment ``after``; the remaining
    fees or interest are waived (``waive``), all still charged (``charge``),
    or waived with a penalty of ``penalty_rate`` of the prepaid principal
    (``penalty``).  ``rule`` and ``penalty_rate`` default to the plan's own.

    Examples
    --------
    A 12 × 0.6% plan paid off in month 4 with every fee still charged:

    >>> s = build_schedule(10_000, PlanTerms(kind="addon", periods=12, fee_rate=0.006))
    >>> e = early_repayment(s, 4, "charge")
    >>> float(e.payment[-1]), e.total_cost, f"{e.rates().nominal:.1%}"
    (8040.01, 720.0, '24.1%')
    """
    rule = validate.code("early_rule", schedule.terms.early_rule if rule is None else rule,
                         EARLY_RULES)
    pct = validate.number(
        "penalty_rate",
        schedule.terms.penalty_rate if penalty_rate is None else penalty_rate,
        *LIMITS["penalty_rate"],
    )
    k = validate.integer("early_after", after, 1, max(schedule.n - 1, 1))
    if schedule.n == 1:
        return schedule
    rest_principal = float(schedule.balance[k - 1])
    rest_charge = float(schedule.charge[k:].sum())
    principal = schedule.principal[:k].copy()
    charge = schedule.charge[:k].copy()
    principal[-1] = round_fen(principal[-1] + rest_principal)
    if rule == "charge":
        charge[-1] = round_fen(charge[-1] + rest_charge)
    elif rule == "penalty":
        charge[-1] = round_fen(charge[-1] + rest_principal * pct)
    balance = schedule.balance[:k].copy()
    balance[-1] = 0.0
    return replace(
        schedule,
        due_period=schedule.due_period[:k].copy(),
        due_fraction=schedule.due_fraction[:k].copy(),
        payment=round_fen_array(principal + charge),
        principal=principal,
        charge=charge,
        balance=balance,
        paid_off_after=k,
    )


@dataclass(frozen=True)
class Payments:
    """What a plan asks each month, as a buyer reads it: ``regular`` the
    installment most of its months ask (``None`` when no two months ask the
    same, as 等额本金's falling payments), ``first`` and ``last`` the first
    and last installments when they differ from it (``None`` when they do
    not)."""

    regular: float | None
    first: float | None
    last: float | None


def payment_pattern(payments: Sequence[float]) -> Payments:
    """The regular installment of ``payments`` and a different first or last.

    Each payment is compared to the fen.  The regular payment is the amount
    that most installments ask, :math:`\\arg\\max_a \\#\\{k : p_k = a\\}`
    (the earliest among equally common amounts), when at least two ask it,
    or when there is only one installment; otherwise there is none and the
    first and last are given.

    Examples
    --------
    Twelve equal installments (花呗 12 期 on ¥3,999 at 8.8% in total would be
    3,999 / 12 = 333.25 of principal and 3,999 × 8.8% / 12 = 29.33 of fee,
    362.58 a month, before the plan's own rounding):

    >>> payment_pattern([362.58] * 12)
    Payments(regular=362.58, first=None, last=None)

    A first payment that carries the whole fee, a last one that takes the
    rounding, and 等额本金's falling payments:

    >>> payment_pattern([400.0, 333.33, 333.33, 333.34])
    Payments(regular=333.33, first=400.0, last=333.34)
    >>> payment_pattern([1_100.0, 1_050.0, 1_025.0])
    Payments(regular=None, first=1100.0, last=1025.0)
    """
    fen = [round(float(p), 2) for p in payments]
    if not fen:
        return Payments(None, None, None)
    counts: dict[float, int] = {}
    for p in fen:
        counts[p] = counts.get(p, 0) + 1
    regular = max(counts, key=lambda a: (counts[a], -fen.index(a)))
    if counts[regular] < 2 and len(fen) > 1:
        return Payments(None, fen[0], fen[-1])
    return Payments(regular, fen[0] if fen[0] != regular else None,
                    fen[-1] if fen[-1] != regular else None)
