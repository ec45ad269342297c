"""Can I afford this?  Every obligation's payments month by month against
a household's income (issue 10).

A :class:`Household` is a monthly take-home (net) income, the essential
spending that comes out of it, and the monthly payments already owed.  An
:class:`Obligation` is one debt as plain data: what it asks for in each month,
what is owed, its rate if known, and the facts the warning rules
(:mod:`calc.warnings`) look at.  Three builders make one from what the rest of
``calc`` computes: :func:`from_schedule` (an installment plan or loan),
:func:`from_cash_line` (a cash line's out-of-pocket payments by statement
month) and :func:`fixed_payment` (a debt entered by hand).  :func:`timeline`
lays them side by side.

Conventions
-----------
* **Months.** Month ``m`` (1, 2, ...) covers the times ``(m - 1, m]`` in
  months after today: a schedule's installment due at ``t = due_period +
  due_fraction`` months falls in month ``ceil(t)``; a cash line's statement
  month ``m`` (its days ``E(m-1) < t <= E(m)``, day 0 in month 1) is month
  ``m``.  Money due at the start (a schedule's upfront fee) counts in month 1.
* **What counts as a debt payment.** Installments, fees and interest, and
  everything paid out of pocket on a cash line.  A down payment is part of
  the price paid in cash, not a payment on a debt, so it is left out.
  Payments a household already owes continue in every month of the timeline.
* **Burden.** With income ``y`` (net, a month), essentials ``e`` and the
  month's debt payments ``P_m``: the share ``P_m / y`` and the money left
  ``y - e - P_m`` (to the fen).  No income entered (``None``) gives neither:
  no share is computed, so no division by zero can happen.
* **Balance** is the most principal owed at once: a schedule's amount
  financed, a cash line's largest principal outstanding, or what a debt
  entered by hand still owes.  **Owed** month by month (:func:`owed`): the
  balance from the obligation's first month with a payment, falling in step
  with the payments still to come, ``B · R_m / R_1`` with ``R_m`` the
  payments from month ``m`` on (``R_1`` all of them), and nothing after its
  last payment; exact for an add-on plan's principal and for a debt repaid
  in level parts without interest.  What is owed at once is the sum over
  the obligations in one month, so two ¥15,000 debts one after the other
  never make ¥30,000.
* Rates are fractions a year: ``nominal_rate`` is ``i × 12`` (the form the
  24% line is held against, ``domain.md`` §3), ``effective_rate`` is
  ``(1 + i)^12 - 1``.  A cash line's ``nominal_rate`` is the rate its lines
  are held against, :attr:`calc.cashline.CashLineResult.held_rate`: the
  higher of its realised APR (Reg Z App. J's unit period) and its contract's
  simple rate, or the contract rate alone when it has no realised rate.

Example
-------
A ¥3,999 phone on 花呗 12 期 (8.8% in total: ¥351.91, 11 × ¥362.57 +
¥362.64) beside a debt of ¥500 a month for 10 more months, on ¥6,000 a month
with ¥3,500 of essentials: in month 1, 362.57 + 500 = ¥862.57 of payments,
862.57 / 6,000 = 14.38% of income, 6,000 − 3,500 − 862.57 = ¥1,637.43 left:

>>> from calc.presets import INSTALLMENT_PRESETS
>>> from calc.schedule import build_schedule
>>> phone = from_schedule(build_schedule(3999, INSTALLMENT_PRESETS["huabei_12"].terms()),
...                       lender="huabei")
>>> loan = fixed_payment(500, 10, balance=4_800)
>>> tl = timeline(Household(income=6_000, essentials=3_500), [phone, loan])
>>> float(tl.total[0]), f"{tl.share[0]:.2%}", float(tl.left[0])
(862.57, '14.38%', 1637.43)
>>> len(tl.month), float(tl.total[-1])
(12, 362.64)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from calc import validate
from calc.cashline import HORIZON_MONTHS, CashLineResult, LineTerms, RepaymentPlan
from calc.errors import CalcError, InputError
from calc.money import round_fen, round_fen_array
from calc.presets import above_rate_line
from calc.rates import effective_annual
from calc.schedule import LIMITS as SCHEDULE_LIMITS
from calc.schedule import Rates, Schedule
from calc.units import MONTHS_PER_YEAR

__all__ = [
    "OBLIGATION_KINDS",
    "LIMITS",
    "Household",
    "Obligation",
    "Timeline",
    "timeline",
    "cleared",
    "Peak",
    "peak",
    "owed",
    "unsecured_owed",
    "Level",
    "level",
    "from_schedule",
    "from_cash_line",
    "fixed_payment",
    "check_household",
    "check_obligation",
    "SaveFirst",
    "save_first",
]

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

#: ``plan``: an installment plan or loan (:class:`calc.schedule.Schedule`);
#: ``cash_line``: a cash line's out-of-pocket payments
#: (:class:`calc.cashline.CashLineResult`); ``fixed``: a payment entered by hand.
OBLIGATION_KINDS = ("plan", "cash_line", "fixed")

#: Bounds of the inputs; the UI shows the same ones.  Money in yuan a month
#: (``balance`` in yuan), rates as fractions a year.
LIMITS: dict[str, tuple[float, float]] = {
    "income": (0.0, 1e8),  # open below: a household without income enters none
    "essentials": (0.0, 1e8),
    "existing_payments": (0.0, 1e8),
    "payment": (0.0, 1e8),
    "months": (1, HORIZON_MONTHS),
    "balance": (0.0, 1e9),
    "rate": SCHEDULE_LIMITS["rate_annual"],  # a rate entered by hand
}


@dataclass(frozen=True)
class Household:
    """A month of the household's money: take-home (net) ``income``
    (``None``: not entered), ``essentials`` (rent, food, transport) and
    ``existing_payments`` already owed on debts not listed as obligations."""

    income: float | None = None
    essentials: float = 0.0
    existing_payments: float = 0.0

    @property
    def spare(self) -> float:
        """What is left each month before the listed obligations:
        ``income − essentials − existing_payments`` (no income entered: 0).

        >>> Household(6_000.0, 3_000.0, 500.0).spare
        2500.0
        """
        return (self.income or 0.0) - self.essentials - self.existing_payments


@dataclass(frozen=True)
class Obligation:
    """One debt, as plain data the warning rules read.

    ``kind`` from :data:`OBLIGATION_KINDS`; ``lender`` a stable ASCII code
    (``""``: not known); ``payments[m - 1]`` what it takes out of pocket in
    month ``m``; ``balance`` the most principal owed at once; rates a year as
    fractions, ``None`` when not known.  Flags: a ``cash_advance`` (cash drawn
    on credit that bears interest from day one), ``minimum_only`` (a card paid
    by its minimum), ``rollover`` (payments borrowed from another line,
    以贷养贷), ``early_rate_raised`` (repaying early made the plan's true rate
    higher than as planned), ``secured`` (a mortgage or car loan: not
    unsecured credit), ``cut_short`` (its payments stop because its run
    was cut short, not because it was repaid: a cash line not paid off
    within its horizon, or payments pushed past the timeline's
    :data:`~calc.cashline.HORIZON_MONTHS` by a late start).
    """

    kind: str
    payments: tuple[float, ...]
    balance: float = 0.0
    lender: str = ""
    nominal_rate: float | None = None
    effective_rate: float | None = None
    cash_advance: bool = False
    minimum_only: bool = False
    rollover: bool = False
    early_rate_raised: bool = False
    secured: bool = False
    cut_short: bool = False
    #: a card purchase with an interest-free period that paying the minimum
    #: loses; ``False`` for a cash loan, which never had one (issue 21)
    interest_free: bool = False


@dataclass(frozen=True)
class Timeline:
    """Month by month, ``month`` = 1 .. M (numpy arrays).

    ``payments[j, m - 1]`` is obligation ``j``'s payment in month ``m``;
    ``existing`` the household's payments already owed; ``total`` = existing
    + every obligation's, to the fen.  With an income: ``share`` = ``total /
    income`` and ``left`` = ``income - essentials - total`` (to the fen);
    without one both are ``None``.  ``household`` and ``obligations`` are the
    checked inputs.
    """

    household: Household
    obligations: tuple[Obligation, ...]
    month: Ints
    payments: Floats
    existing: Floats
    total: Floats
    share: Floats | None
    left: Floats | None

    @property
    def has_income(self) -> bool:
        return self.household.income is not None


# ----------------------------------------------------------------------------- checks


def _flag(field: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise InputError("not_a_number", field=field, got=value)
    return value


def _rate(field: str, value: object) -> float | None:
    # a realised rate may be anything above -100% (a payday loan's 391%)
    return None if value is None else validate.number(field, value, -1.0, math.inf,
                                                     lo_open=True)


def check_household(household: Household) -> Household:
    """``household`` with its numbers checked.

    Raises
    ------
    InputError
        ``not_a_number`` (field ``household`` for another type), or
        ``not_a_number`` / ``out_of_range`` on ``income`` (above 0 when
        entered), ``essentials`` or ``existing_payments`` (:data:`LIMITS`).
    """
    if not isinstance(household, Household):
        raise InputError("not_a_number", field="household", got=household)
    income = household.income
    return Household(
        income=None if income is None else validate.number(
            "income", income, *LIMITS["income"], lo_open=True),
        essentials=validate.number("essentials", household.essentials, *LIMITS["essentials"]),
        existing_payments=validate.number("existing_payments", household.existing_payments,
                                          *LIMITS["existing_payments"]),
    )


def check_obligation(obligation: Obligation) -> Obligation:
    """``obligation`` with its fields checked; payments rounded to the fen.

    Raises
    ------
    InputError
        ``not_a_number`` (field ``obligation`` for another type, or a flag
        that is not a bool); ``unknown_code`` on ``kind`` or on ``lender``
        (not an ASCII string); ``out_of_range`` on ``payments_count`` (at most
        :data:`~calc.cashline.HORIZON_MONTHS`), ``payment``, ``balance``,
        ``nominal_rate``, ``effective_rate``.
    """
    if not isinstance(obligation, Obligation):
        raise InputError("not_a_number", field="obligation", got=obligation)
    o = obligation
    kind = validate.code("kind", o.kind, OBLIGATION_KINDS)
    if not isinstance(o.lender, str) or not o.lender.isascii():
        raise InputError("unknown_code", field="lender", got=o.lender)
    given: object = o.payments  # plain data: anything may arrive
    if isinstance(given, str) or not isinstance(given, Sequence):
        raise InputError("not_a_number", field="payments", got=given)
    if len(given) > LIMITS["months"][1]:
        raise InputError("out_of_range", field="payments_count", min=0,
                         max=LIMITS["months"][1], got=len(given))
    payments = tuple(round_fen(validate.number("payment", p, *LIMITS["payment"]))
                     for p in given)
    return replace(
        o, kind=kind, payments=payments,
        balance=validate.number("balance", o.balance, *LIMITS["balance"]),
        nominal_rate=_rate("nominal_rate", o.nominal_rate),
        effective_rate=_rate("effective_rate", o.effective_rate),
        cash_advance=_flag("cash_advance", o.cash_advance),
        minimum_only=_flag("minimum_only", o.minimum_only),
        rollover=_flag("rollover", o.rollover),
        early_rate_raised=_flag("early_rate_raised", o.early_rate_raised),
        secured=_flag("secured", o.secured),
        cut_short=_flag("cut_short", o.cut_short),
        interest_free=_flag("interest_free", o.interest_free),
    )


# ----------------------------------------------------------------------------- builders


def _schedule_payments(s: Schedule) -> tuple[float, ...]:
    """Installments by the month they fall in (``ceil(t)``), the upfront fee
    in month 1."""
    month = s.due_period + (s.due_fraction > 0)
    by_month = np.bincount(month - 1, weights=s.payment, minlength=1).astype(np.float64)
    by_month[0] += s.upfront_fee
    return tuple(float(x) for x in round_fen_array(by_month))


def from_schedule(schedule: Schedule, *, lender: str = "",
                  planned: Schedule | None = None, rates: Rates | None = None) -> Obligation:
    """An installment plan or loan as an obligation.

    Parameters
    ----------
    schedule : Schedule
        The plan as it is paid (:func:`calc.schedule.build_schedule`, or
        :func:`calc.schedule.early_repayment` when repaid early).
    lender : str
        The lender's code (``""``: not known).
    planned : Schedule, optional
        The same plan as planned, when ``schedule`` is repaid early: the flag
        ``early_rate_raised`` is set when repaying early raises the nominal
        rate, as shown to 0.01%.
    rates : Rates, optional
        ``schedule.rates()`` when it is already solved (a
        :class:`calc.compare.PlanResult` holds them): not solved again.

    Returns
    -------
    Obligation
        ``kind="plan"``; payments by month (installments, the upfront fee in
        month 1, no down payment); ``balance`` the amount financed; the
        schedule's nominal and effective rates (``None`` if none solves).

    Examples
    --------
    A 12 × 0.6% plan on ¥10,000 paid off in month 4 with every fee still
    charged: 3 × ¥893.33 then ¥8,040.01, and the rate rises from 13.03% to
    about 24% (domain.md §1):

    >>> from calc.schedule import PlanTerms, build_schedule, early_repayment
    >>> s = build_schedule(10_000, PlanTerms(kind="addon", periods=12, fee_rate=0.006))
    >>> o = from_schedule(early_repayment(s, 4, "charge"), planned=s)
    >>> o.payments, o.balance, o.early_rate_raised
    ((893.33, 893.33, 893.33, 8040.01), 10000.0, True)
    """
    if not isinstance(schedule, Schedule):
        raise InputError("not_a_number", field="schedule", got=schedule)
    nominal = effective = None
    try:
        r = rates if rates is not None else schedule.rates()
        nominal, effective = r.nominal, r.effective
    except CalcError:
        pass
    if planned is not None and not isinstance(planned, Schedule):
        raise InputError("not_a_number", field="planned", got=planned)
    raised = False
    if planned is not None and nominal is not None:
        try:
            raised = above_rate_line(nominal, planned.rates().nominal)
        except CalcError:
            raised = False
    return check_obligation(Obligation(
        kind="plan", payments=_schedule_payments(schedule), balance=schedule.financed,
        lender=lender, nominal_rate=nominal, effective_rate=effective,
        early_rate_raised=raised,
    ))


def from_cash_line(result: CashLineResult, *, lender: str = "",
                   line: LineTerms | None = None,
                   plan: RepaymentPlan | None = None,
                   cash_advance: bool = False) -> Obligation:
    """A cash line's run as an obligation.

    Parameters
    ----------
    result : CashLineResult
        What :func:`calc.cashline.simulate` returned.
    lender : str
        The lender's code (``""``: not known).
    line, plan : optional
        The inputs of the run; ``plan`` decides ``minimum_only`` (a
        revolving plan that pays only the minimum).
    cash_advance : bool
        Whether the line is a credit card's cash advance (预借现金), as its
        preset says (:attr:`calc.presets.CashLinePreset.cash_advance`).  It
        is not guessed from the terms: a 微粒贷 or 随星借 term loan also
        charges interest from the day of a draw, and is not one.

    Returns
    -------
    Obligation
        ``kind="cash_line"``; payments ``result.statements.paid`` (out of
        pocket, by statement month, clearing a second line included);
        ``balance`` the largest principal outstanding; ``nominal_rate`` the
        rate the lines are held against (``result.held_rate``: the higher of
        the realised APR and the contract's simple rate), ``effective_rate``
        the realised effective rate (``None`` if none); ``rollover`` when
        any payment was borrowed from a second line (``result.totals.rolled >
        0``); ``cut_short`` when the run ended not paid off (``result.status``).

    Examples
    --------
    A card cash advance of ¥5,000 repaid on day 30: ¥5,000 + ¥50 fee + ¥75
    interest in month 1; one advance, one payment over 30 days: 125 / 5,000 ×
    365 / 30 = 30.42% a year:

    >>> from calc.cashline import Draw, LineTerms, Repayment, RepaymentPlan, simulate
    >>> card = LineTerms(limit=50_000, rate=0.0005, fee_rate=0.01, fee_min=10,
    ...                  compounding="monthly")
    >>> plan = RepaymentPlan("flexible", repayments=(Repayment(day=30),))
    >>> o = from_cash_line(simulate([Draw(5_000)], card, plan), line=card, plan=plan,
    ...                    cash_advance=True)
    >>> o.payments, o.balance, f"{o.nominal_rate:.2%}", o.cash_advance
    ((5125.0,), 5000.0, '30.42%', True)
    """
    if not isinstance(result, CashLineResult):
        raise InputError("not_a_number", field="result", got=result)
    rates = result.rates
    return check_obligation(Obligation(
        kind="cash_line",
        payments=tuple(float(x) for x in result.statements.paid),
        balance=float(result.ledger.principal.max(initial=0.0)),
        lender=lender,
        nominal_rate=result.held_rate,
        effective_rate=None if rates is None else rates.effective,
        cash_advance=cash_advance,
        minimum_only=(plan is not None and plan.method == "revolving"
                      and plan.pay_rule == "minimum"),
        rollover=result.totals.rolled > 0,
        cut_short=result.status == "not_paid_off",
        interest_free=line is not None and line.interest_free,
    ))


def fixed_payment(payment: float, months: int, balance: float, *,
                  nominal_rate: float | None = None, lender: str = "",
                  secured: bool = False) -> Obligation:
    """A debt entered by hand: ``payment`` a month for ``months`` more
    months, ``balance`` still owed, its nominal annual rate if known
    (the effective rate is then ``(1 + r/12)^12 - 1``).

    Raises
    ------
    InputError
        ``not_a_number`` / ``out_of_range`` on ``payment`` (above 0),
        ``months`` (also ``not_integer``), ``balance``, ``rate``
        (:data:`LIMITS`).

    Examples
    --------
    >>> o = fixed_payment(500, 10, balance=4_800)
    >>> len(o.payments), sum(o.payments), o.kind
    (10, 5000.0, 'fixed')
    >>> f"{fixed_payment(500, 10, 4_800, nominal_rate=0.12).effective_rate:.2%}"
    '12.68%'
    """
    p = validate.number("payment", payment, *LIMITS["payment"], lo_open=True)
    n = validate.integer("months", months, *LIMITS["months"])
    rate = None if nominal_rate is None else validate.number("rate", nominal_rate,
                                                             *LIMITS["rate"])
    return check_obligation(Obligation(
        kind="fixed", payments=(round_fen(p),) * n, balance=balance, lender=lender,
        nominal_rate=rate,
        effective_rate=None if rate is None else effective_annual(rate / MONTHS_PER_YEAR,
                                                                  MONTHS_PER_YEAR),
        secured=secured,
    ))


# ----------------------------------------------------------------------------- timeline


def timeline(household: Household, obligations: Sequence[Obligation]) -> Timeline:
    """Every obligation's payments month by month against the household.

    The timeline runs to the last month any obligation asks for a payment
    (at least one month, so payments already owed show with no obligation).

    Notes
    -----
    With ``P_jm`` obligation ``j``'s payment in month ``m`` and ``X`` the
    payments already owed: ``total_m = X + Σ_j P_jm``; with income ``y`` and
    essentials ``e``, ``share_m = total_m / y`` and ``left_m = y - e -
    total_m``.

    Raises
    ------
    InputError
        As :func:`check_household` and :func:`check_obligation`.

    Examples
    --------
    No income entered: the payments, and no burden figures:

    >>> tl = timeline(Household(existing_payments=300), [fixed_payment(500, 2, 990)])
    >>> tl.total.tolist(), tl.share, tl.left
    ([800.0, 800.0], None, None)
    """
    h = check_household(household)
    obs = tuple(check_obligation(o) for o in obligations)
    m = max([1] + [len(o.payments) for o in obs])
    payments = np.zeros((len(obs), m))
    for j, o in enumerate(obs):
        payments[j, :len(o.payments)] = o.payments
    existing = np.full(m, h.existing_payments)
    total = round_fen_array(existing + payments.sum(axis=0))
    share = left = None
    if h.income is not None:
        share = total / h.income
        left = round_fen_array(h.income - h.essentials - total)
    return Timeline(household=h, obligations=obs, month=np.arange(1, m + 1),
                    payments=payments, existing=existing, total=total, share=share,
                    left=left)


def cleared(tl: Timeline) -> int | None:
    """The month the obligations are all paid off: the last month any of
    them asks for a payment.

    Notes
    -----
    With ``P_jm`` obligation ``j``'s payment in month ``m``:
    ``cleared = max {m : Σ_j P_jm > 0}``.  The payments already owed
    (``X``) are the household's, not the obligations': they do not count.
    ``None`` when no obligation pays anything, or when one is ``cut_short``
    (its payments stop at the horizon, not because it is repaid).

    Examples
    --------
    ¥500 a month for 3 months and ¥200 a month for 5: clear after month 5.

    >>> cleared(timeline(Household(), [fixed_payment(500, 3, 1500), fixed_payment(200, 5, 1000)]))
    5
    >>> cleared(timeline(Household(existing_payments=300), [])) is None
    True
    """
    if any(o.cut_short for o in tl.obligations):
        return None
    paying = np.flatnonzero(tl.payments.sum(axis=0) > 0)
    return int(paying[-1]) + 1 if paying.size else None


def owed(tl: Timeline) -> Floats:
    """The principal each obligation owes in each month, ``[j, m - 1]``, to
    the fen (module conventions, **Owed**).

    Notes
    -----
    With obligation ``j``'s balance ``B_j``, payments ``P_jk`` and its first
    and last paying months ``f`` and ``l``: ``R_m = Σ_{k ≥ m} P_jk`` and
    ``owed_jm = B_j · R_m / R_f`` for ``f ≤ m ≤ l``, else 0.  An obligation
    with no payment in the timeline owes ``B_j`` in every month.

    Examples
    --------
    ¥15,000 repaid at ¥1,250 a month in months 1–12, and another ¥15,000
    the same way from month 13: each owes 15,000 in its first month and
    15,000 × 1/12 = ¥1,250 in its last, never both at once:

    >>> first = fixed_payment(1_250, 12, balance=15_000)
    >>> later = Obligation("fixed", (0.0,) * 12 + first.payments, balance=15_000)
    >>> o = owed(timeline(Household(), [first, later]))
    >>> o[0, [0, 11, 12]].tolist(), o[1, [11, 12, 23]].tolist()
    ([15000.0, 1250.0, 0.0], [0.0, 15000.0, 1250.0])
    >>> float(o.sum(axis=0).max())
    15000.0
    """
    out = np.zeros_like(tl.payments)
    for j, o in enumerate(tl.obligations):
        paying = np.flatnonzero(tl.payments[j] > 0.0)
        if paying.size == 0:
            out[j] = o.balance
            continue
        f, last = int(paying[0]), int(paying[-1])
        to_come = np.cumsum(tl.payments[j, ::-1])[::-1]  # R_m
        out[j, f:last + 1] = o.balance * to_come[f:last + 1] / to_come[f]
    return round_fen_array(out)


def unsecured_owed(tl: Timeline) -> Floats:
    """What the unsecured obligations (not ``secured``) owe at once, month by
    month: :func:`owed` summed over them, to the fen.

    >>> car = fixed_payment(2_000, 24, balance=45_000, secured=True)
    >>> card = fixed_payment(500, 10, balance=4_800)
    >>> unsecured_owed(timeline(Household(), [car, card]))[[0, 9, 10]].tolist()
    [4800.0, 480.0, 0.0]
    """
    mine = [not o.secured for o in tl.obligations]
    return round_fen_array(owed(tl)[mine].sum(axis=0))


@dataclass(frozen=True)
class Peak:
    """The heaviest month of a timeline: ``month`` (from 1) where the
    obligations ask for the most, their ``payments`` that month, the
    ``total`` with the payments already owed, and with an income the shares
    of it (``share_alone`` the obligations' payments alone, ``share`` the
    total) and the money ``left`` after essentials; ``None`` without one."""

    month: int
    payments: float
    total: float
    share_alone: float | None
    share: float | None
    left: float | None


def peak(tl: Timeline) -> Peak:
    """The month the obligations weigh most (the first, on a tie).

    Notes
    -----
    With ``P_m = Σ_j P_jm`` and the payments already owed ``X`` the same
    every month, the month of the largest ``P_m`` is also that of the largest
    total ``X + P_m`` and the least money left ``y - e - X - P_m``.

    Examples
    --------
    花呗 12 期 on ¥3,999 (11 × ¥362.57, then ¥362.64) with ¥500 a month
    already owed, on ¥6,000 with ¥3,500 of essentials: the last installment
    is the largest, 362.64 / 6,000 = 6.04% alone, 862.64 / 6,000 = 14.38%
    with the ¥500, and 6,000 − 3,500 − 862.64 = ¥1,637.36 left:

    >>> from calc.presets import INSTALLMENT_PRESETS
    >>> from calc.schedule import build_schedule
    >>> phone = from_schedule(build_schedule(3999, INSTALLMENT_PRESETS["huabei_12"].terms()))
    >>> p = peak(timeline(Household(6_000, 3_500, existing_payments=500), [phone]))
    >>> p.month, p.payments, p.total, f"{p.share_alone:.2%}", f"{p.share:.2%}", p.left
    (12, 362.64, 862.64, '6.04%', '14.38%', 1637.36)
    """
    own = round_fen_array(tl.payments.sum(axis=0))
    k = int(np.argmax(own))
    income = tl.household.income
    return Peak(
        month=k + 1, payments=float(own[k]), total=float(tl.total[k]),
        share_alone=None if income is None else float(own[k]) / income,
        share=None if tl.share is None else float(tl.share[k]),
        left=None if tl.left is None else float(tl.left[k]),
    )


@dataclass(frozen=True)
class Level:
    """A timeline whose obligations ask the same ``payment`` in every month
    from ``first`` to ``last_month - 1`` and, in ``last_month``, ``last``,
    which differs from it only by a rounding remainder; ``total`` and
    ``last_total`` add the payments already owed."""

    payment: float
    first: int
    last_month: int
    last: float
    total: float
    last_total: float


def level(tl: Timeline) -> Level | None:
    """The plan's payment, when the obligations pay one amount every month
    but the last and the last differs only by what rounding to the fen
    leaves over; ``None`` otherwise (a heavier month is then a real one:
    :func:`peak`).

    Notes
    -----
    With ``P_m = Σ_j P_jm`` and the months ``f..l`` (``l > f``) the only
    ones with ``P_m > 0``: level when ``P_f = ... = P_(l-1) = L`` and
    ``|P_l - L| <= 0.02 × (l - f)`` yuan.  Each earlier month cuts down to
    the fen (:func:`calc.money.split_evenly`) or rounds at most two amounts
    (the principal part and the fee or interest), each by less than a fen,
    and the last payment absorbs what they left: at most two fen for each
    earlier month.  A larger difference (a balloon, a by-the-day line's
    last statement) is a heavier month.

    Examples
    --------
    11 × ¥1,603.90 and then ¥1,603.98: 0.08 <= 0.02 × 11 = 0.22, a rounding
    remainder, not a heavier month; a ¥10,000 balloon after 11 × ¥150 is one:

    >>> plan = Obligation("fixed", (1_603.90,) * 11 + (1_603.98,))
    >>> lv = level(timeline(Household(existing_payments=100), [plan]))
    >>> lv.payment, lv.first, lv.last_month, lv.last, lv.total, lv.last_total
    (1603.9, 1, 12, 1603.98, 1703.9, 1703.98)
    >>> level(timeline(Household(), [Obligation("fixed", (150.0,) * 11 + (10_150.0,))]))
    """
    own = round_fen_array(tl.payments.sum(axis=0))
    paying = np.flatnonzero(own > 0.0)
    if paying.size < 2:
        return None
    f, last = int(paying[0]), int(paying[-1])
    run = own[f:last]
    if paying.size != last - f + 1 or not np.all(run == run[0]):
        return None
    # in fen, whole numbers: exact
    if abs(round(own[last] * 100) - round(run[0] * 100)) > 2 * (last - f):
        return None
    return Level(payment=float(run[0]), first=f + 1, last_month=last + 1,
                 last=float(own[last]), total=float(tl.total[f]),
                 last_total=float(tl.total[last]))


_AMOUNT_MAX = LIMITS["balance"][1]

#: The most months :func:`save_first` counts (ten years): saving longer is not
#: an alternative a page offers.
SAVE_MONTHS_MAX = 120


@dataclass(frozen=True)
class SaveFirst:
    """Saving first instead of borrowing: ``months`` of what is left each
    month to pay ``price`` outright, and the ``saves``, the plan's cost not
    paid."""

    months: int
    saves: float


def save_first(price: float, spare: float, cost: float) -> SaveFirst | None:
    """How many months of ``spare`` a month buy ``price`` outright, and what
    that saves: the plan's ``cost`` (what it pays above the price).

    .. math:: n = \\left\\lceil \\frac{\\text{price}}{\\text{spare}} \\right\\rceil

    counted in whole fen (no float rounding adds a month).  ``None`` when
    nothing is left each month (``spare <= 0``) or it takes more than
    :data:`SAVE_MONTHS_MAX` months; an amount not finite, a negative price or
    cost raises :class:`~calc.errors.InputError`.

    Examples
    --------
    A ¥8,999 laptop on the classroom plan (0.6% of the price a month for 12
    months): 8,999 × 0.6% = 53.994, ¥53.99 a month, 12 × 53.99 = ¥647.88.
    ¥2,500 left a month buys it in ⌈8,999 / 2,500⌉ = ⌈3.5996⌉ = 4 months:

    >>> save_first(8_999, 2_500, 647.88)
    SaveFirst(months=4, saves=647.88)
    >>> save_first(10_000, 2_500, 720).months, save_first(8_999, 0, 647.88)
    (4, None)
    """
    p = validate.number("price", price, 0, _AMOUNT_MAX)
    c = validate.number("cost", cost, 0, _AMOUNT_MAX)
    room = validate.number("spare", spare, -_AMOUNT_MAX, _AMOUNT_MAX)
    p_fen, room_fen = round(p * 100), round(room * 100)
    if room_fen <= 0:
        return None
    months = max(1, -(-p_fen // room_fen))
    if months > SAVE_MONTHS_MAX:
        return None
    return SaveFirst(months=months, saves=round_fen(c))
