"""What a simulation returns, assembled from the engine's log, and the
payment that would clear a plan that never pays off."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from calc.errors import RateError
from calc.money import ceil_fen, floor_fen, round_fen, round_fen_array
from calc.presets import above_rate_line
from calc.rates import CashFlow, effective_annual, nominal_apr, periodic_rate
from calc.units import DAYS_PER_YEAR, MONTHS_PER_YEAR, annuity_payment, yearly_rate

from . import engine as ev
from .days import HORIZON_MONTHS, STATEMENT_DAYS, accrual_month, flow_on_day, statement_month
from .terms import (
    LIMITS,
    Draw,
    Faults,
    Inputs,
    LineTerms,
    RepaymentPlan,
    Rollover,
    charge_with_minimum,
    check,
)

__all__ = ["STATUSES", "UNIT_PERIODS", "NO_RATE_REASONS", "Ledger", "Statements", "Totals",
           "LineRates", "CashLineResult", "simulate", "clear_payment", "realised_rates"]

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

#: ``paid_off``, or ``not_paid_off`` within the horizon (flags say why it stopped).
STATUSES = ("paid_off", "not_paid_off")


@dataclass(frozen=True)
class Ledger:
    """One entry per day ``0 .. last day`` (numpy arrays).

    ``interest`` / ``line2_interest`` are the exact daily accruals before
    rounding (and before an interest-free waiver); what was charged is in
    :class:`Statements`.  ``owed`` is line 1's charged, unpaid debt at the end
    of the day (principal included), ``accrued`` its interest accrued but not
    yet charged; ``line2_owed`` / ``line2_accrued`` the same on line 2;
    ``balance`` = ``owed + accrued + line2_owed + line2_accrued``.  ``paid``
    is out of pocket; ``rolled`` was paid to line 1 from line 2.
    """

    day: Ints
    drawn: Floats
    fees: Floats
    interest: Floats
    line2_interest: Floats
    penalties: Floats
    paid: Floats
    rolled: Floats
    principal: Floats
    owed: Floats
    accrued: Floats
    line2_owed: Floats
    line2_accrued: Floats
    balance: Floats

    @property
    def charges(self) -> Floats:
        """Line 1's interest, fees and penalties owed or accrued on top of its
        principal: ``owed + accrued - principal``."""
        return np.maximum(self.owed + self.accrued - self.principal, 0.0)

    @property
    def line2_balance(self) -> Floats:
        """Owed on line 2, accrued interest included: the debt moved there by
        a rollover, with its cost.  ``principal + charges + line2_balance ==
        balance``."""
        return self.line2_owed + self.line2_accrued


@dataclass(frozen=True)
class Statements:
    """One entry per month ``1 .. M`` (numpy arrays), for activity on days
    ``E(m-1) < t <= E(m)`` (day 0 in month 1).  ``day`` is the statement day
    (the payoff day for a last, partial month).  ``interest`` and
    ``line2_interest`` are charged, rounded amounts; ``due`` what the
    statement asked for; ``owed``, ``principal`` and ``line2_owed`` are at the
    end of ``day``."""

    month: Ints
    day: Ints
    drawn: Floats
    interest: Floats
    line2_interest: Floats
    fees: Floats
    penalties: Floats
    due: Floats
    paid: Floats
    rolled: Floats
    principal: Floats
    owed: Floats
    line2_owed: Floats

    def heaviest(self) -> tuple[int, float]:
        """The month that takes the most out of pocket, and what it takes:
        :math:`m^* = \\arg\\max_m \\text{paid}_m` (the first of equal months),
        with :math:`\\text{paid}_{m^*}`; ``(0, 0.0)`` when there are no
        statements.  A rollover's month is the one it ends in: every payment
        borrowed from the second line comes due at once.

        ¥10,000 over 3 equal months at 0.05% a day, the first instalment
        (¥3,435.23, what statement 1 asks) borrowed from a card at 0.05% a day
        and 1% a draw: statement 2, day 60, pays its own instalment and the
        card's 3,435.23 + 34.35 fee + 30 days × 0.05% × 3,469.58 = 52.04,
        3,435.23 × 2 + 34.35 + 52.04 = ¥6,956.85 at once:

        >>> from calc.cashline import Draw, LineTerms, RepaymentPlan, Rollover, simulate
        >>> line = LineTerms(limit=200_000, rate=0.0005)
        >>> card = Rollover(months=1, limit=50_000, rate=0.0005, fee_rate=0.01, fee_min=10)
        >>> r = simulate([Draw(10_000)], line, RepaymentPlan("equal_payment", term_months=3),
        ...              rollover=card)
        >>> f"{float(r.statements.due[0]):,.2f}", r.statements.heaviest()
        ('3,435.23', (2, 6956.85))
        """
        if not len(self.paid):
            return 0, 0.0
        at = int(np.argmax(self.paid))
        return int(self.month[at]), float(self.paid[at])


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


#: The unit period of the realised rates (Reg Z App. J (b)(4)): ``term_days``
#: / ``term_months``, a single advance repaid by a single payment within a
#: year (the unit period is the term, counted in days on a line charging
#: interest by the day, in months on one charging by the month); ``year``, the
#: same over more than a year; ``month``, any other run (the most common
#: period: the monthly statement).
UNIT_PERIODS = ("term_days", "term_months", "year", "month")
#: Why a run has no realised rate: ``not_repaid`` (not paid off within the
#: horizon: a rate from a truncated run would be no rate at all), ``no_solution``
#: (the flows have none, e.g. drawn and repaid the same day).
NO_RATE_REASONS = ("not_repaid", "no_solution")


@dataclass(frozen=True)
class LineRates:
    """Rates of the realised flows, and the contract's simple rate beside them.

    ``periodic`` is the rate per unit period (``unit`` from
    :data:`UNIT_PERIODS`, ``periods_per_year`` of them a year: ``365 / D`` for
    a term of ``D`` days, ``12 / m`` for ``m`` months, 1 for a year, 12 for a
    month); ``nominal`` = i × periods a year (APR, 单利), ``effective`` = (1 +
    i)^(periods a year) − 1 (复利); ``term_days`` the single payment's term
    (``None`` for ``month``).  ``contract`` is the contract's simple rate
    (365 × the daily rate, or the annual rate) when the line charged interest
    at it, else ``None`` (a card purchase paid in full, a 0% line).
    """

    periodic: float
    nominal: float
    effective: float
    unit: str = "month"
    periods_per_year: float = MONTHS_PER_YEAR
    term_days: int | None = None
    contract: float | None = None

    @property
    def held(self) -> float:
        """The rate a line (24%, 4 × LPR) is held against: the higher of the
        realised APR and the contract's simple rate (domain.md §3)."""
        return self.nominal if self.contract is None else max(self.nominal, self.contract)

    @property
    def held_is_contract(self) -> bool:
        """The contract's simple rate is above the realised APR as shown (to
        0.01%): the line was held against it."""
        return self.contract is not None and above_rate_line(self.contract, self.nominal)

    @property
    def above_line(self) -> bool:
        """The held rate is above the 24% line (domain.md §3)."""
        return above_rate_line(self.held)

    @property
    def effective_above_line(self) -> bool:
        """Only the effective rate is above the 24% line (a milder note,
        domain.md §3)."""
        return not self.above_line and above_rate_line(self.effective)


@dataclass(frozen=True)
class CashLineResult:
    """What :func:`simulate` returns.

    ``status`` from :data:`STATUSES`; ``payoff_day`` / ``payoff_month`` are
    ``None`` when not paid off; ``flags`` a tuple of
    :data:`~calc.cashline.FLAGS` codes; ``rates`` the realised rates, ``None``
    with flag ``no_rate`` and ``no_rate_reason`` (:data:`NO_RATE_REASONS`);
    ``contract_rate`` the contract's simple rate a year (365 × the daily rate,
    or the annual rate) whatever happened, ``held_rate`` the rate the lines
    are held against (:attr:`LineRates.held`; with no realised rate, the
    contract rate if interest was charged at it, else ``None``);
    ``clear_in_12`` / ``clear_in_36``: for a by-the-day plan not
    paid off, the fixed monthly payment that would clear the same draws
    within 12 / 36 statements, else ``None``.  ``rollover_stop_month`` /
    ``rollover_stop_reason`` (:data:`~calc.cashline.ROLLOVER_STOPS`) when a
    rollover ran; ``doubled_month``: first statement whose total owed reached
    twice what was drawn.
    """

    ledger: Ledger
    statements: Statements
    totals: Totals
    status: str
    payoff_day: int | None
    payoff_month: int | None
    flags: tuple[str, ...]
    rates: LineRates | None
    no_rate_reason: str | None
    contract_rate: float
    held_rate: float | None
    flows: tuple[CashFlow, ...]
    clear_in_12: float | None
    clear_in_36: float | None
    rollover_stop_month: int | None
    rollover_stop_reason: str | None
    doubled_month: int | None

    @property
    def above_line(self) -> bool:
        """The held rate is above the 24% line (domain.md §3)."""
        return self.held_rate is not None and above_rate_line(self.held_rate)

    @property
    def effective_above_line(self) -> bool:
        """Only the realised effective rate is above the 24% line."""
        return self.rates is not None and self.rates.effective_above_line


# ----------------------------------------------------------------------------- assembly


def _ledger(inp: Inputs, run: ev.Run) -> Ledger:
    """The daily arrays from the log's sums (cumulative sums, rounded to the
    fen where the amounts are charged amounts)."""
    n = run.last_day + 1
    rfa = round_fen_array
    log = run.log
    daily = log.daily
    drawn, fee1, fee2 = daily(ev.DRAW, n), daily(ev.DRAW_FEE, n), daily(ev.LINE2_FEE, n)
    pen, int1, int2 = daily(ev.PENALTY, n), daily(ev.INTEREST, n), daily(ev.LINE2_INTEREST, n)
    paid, rolled = daily(ev.PAID, n), daily(ev.ROLLED, n)

    owed = rfa(np.cumsum(drawn + fee1 + pen + int1 - daily(ev.PAID_TO_LINE1, n)))
    principal = rfa(np.cumsum(drawn - daily(ev.PRINCIPAL_REPAID, n)))
    if run.schedule is not None:
        # each installment's interest spread over its days; a paid-off run shows
        # no accrual for installments it never reached
        s = run.schedule
        keep = (s.starts < n) & ((s.ends <= run.last_day) if run.payoff_day is not None
                                 else True)
        diff = (np.bincount(s.starts[keep], s.per_day[keep], minlength=n + 1)
                - np.bincount(np.minimum(s.ends[keep], n), s.per_day[keep], minlength=n + 1))
        acc = np.cumsum(diff[:n])
    else:
        acc = np.cumsum(daily(ev.BASE_CHANGE, n)) * ev.day_rates(inp, n)
    acc = np.maximum(acc, 0.0)
    accrued = np.cumsum(acc) - np.cumsum(daily(ev.ACCRUAL_CHARGED, n))
    accrued = np.where(accrued < 1e-6, 0.0, accrued)  # float noise of the running sums
    owed2 = rfa(np.cumsum(rolled + fee2 + int2 - daily(ev.LINE2_CLEARED, n)))
    acc2 = owed2 * inp.line2_daily
    accrued2 = np.cumsum(acc2) - np.cumsum(daily(ev.LINE2_ACCRUAL_CHARGED, n))
    accrued2 = np.where(accrued2 < 1e-6, 0.0, accrued2)
    return Ledger(
        day=np.arange(n), drawn=drawn, fees=rfa(fee1 + fee2), interest=acc,
        line2_interest=acc2, penalties=pen, paid=paid, rolled=rolled, principal=principal,
        owed=owed, accrued=accrued, line2_owed=owed2, line2_accrued=accrued2,
        balance=owed + accrued + owed2 + accrued2,
    )


def _statements(run: ev.Run, ledger: Ledger) -> Statements:
    rfa = round_fen_array
    months = int(statement_month(np.array([run.last_day]))[0])
    days = np.minimum(np.asarray(STATEMENT_DAYS[1:months + 1], dtype=np.int64), run.last_day)
    mon = run.log.monthly
    return Statements(
        month=np.arange(1, months + 1), day=days, drawn=mon(ev.DRAW, months),
        interest=rfa(mon(ev.INTEREST, months)),
        line2_interest=rfa(mon(ev.LINE2_INTEREST, months)),
        fees=rfa(mon(ev.DRAW_FEE, months) + mon(ev.LINE2_FEE, months)),
        penalties=rfa(mon(ev.PENALTY, months)), due=rfa(mon(ev.DUE, months)),
        paid=rfa(mon(ev.PAID, months)), rolled=rfa(mon(ev.ROLLED, months)),
        principal=ledger.principal[days], owed=ledger.owed[days],
        line2_owed=ledger.line2_owed[days],
    )


def _totals(log: ev.EventLog, ledger: Ledger) -> Totals:
    interest = round_fen(log.total(ev.INTEREST) + log.total(ev.LINE2_INTEREST))
    fees = round_fen(log.total(ev.DRAW_FEE) + log.total(ev.LINE2_FEE))
    penalties = log.total(ev.PENALTY)
    return Totals(
        drawn=log.total(ev.DRAW), interest=interest, fees=fees, penalties=penalties,
        paid=log.total(ev.PAID), cost=round_fen(interest + fees + penalties),
        owed_at_end=round_fen(float(ledger.owed[-1] + ledger.line2_owed[-1])),
        accrued_at_end=float(ledger.accrued[-1] + ledger.line2_accrued[-1]),
        line2_interest=log.total(ev.LINE2_INTEREST), line2_fees=log.total(ev.LINE2_FEE),
        rolled=log.total(ev.ROLLED),
    )


def _flows(ledger: Ledger, paid_off: bool) -> tuple[CashFlow, ...]:
    """Draws +, out-of-pocket payments −; a plan not paid off counts what it
    still owes as paid on its last day."""
    net = ledger.drawn - ledger.paid
    if not paid_off:
        net[-1] -= ledger.balance[-1]
    days = np.nonzero(np.abs(net) >= 0.005)[0]
    return tuple(flow_on_day(int(t), float(net[t])) for t in days)


def realised_rates(net: Floats, by_day: bool, contract: float | None = None) -> LineRates:
    """The realised rates of a paid-off run whose money moved ``net[t]`` on
    day ``t`` (+ to the borrower, − from), following Reg Z App. J.

    Parameters
    ----------
    net : ndarray
        Draws less out-of-pocket payments, by day.
    by_day : bool
        The line charges interest by the day (so a single payment's term is
        counted in days), else by the month (:func:`engine.charges_by_day`).
    contract : float, optional
        The contract's simple rate a year, when interest was charged at it.

    Returns
    -------
    LineRates
        *A single advance repaid by a single payment* (one flow in, one out)
        has the term as its unit period, at most a year (App. J (b)(4)(ii),
        (b)(5)(vi)–(vii)).  Over ``D <= 365`` days, ``i = paid / drawn − 1``
        and APR ``= i × 365 / D``; simple daily interest ``d`` gives ``i = D
        d``, so APR ``= 365 d`` whatever ``D`` (``term_days``).  On a line
        charging by the month, a term of ``m <= 12`` months (statement to
        statement, or ``days / E``-month fractions as the ledger counts them)
        gives APR ``= i × 12 / m`` (``term_months``).  Over more than a year
        the unit period is a year: ``t`` whole years and a fraction ``f``
        (odd days simple, App. J (b)(5)(iii)), ``drawn (1 + f i)(1 + i)^t =
        paid``, so 730 days give ``i = (1 + 730 d)^½ − 1`` (``year``).
        *Anything else* has the month as its unit period (the statements' most
        common period): flows at whole statements plus the fraction of the
        month in progress, odd days simple (``month``); APR ``= 12 i``.

    Raises
    ------
    RateError
        When the flows have no rate (``not_a_loan``, ``no_rate``).

    Examples
    --------
    ¥10,000 at 0.07% a day repaid on day 365: ¥2,555.00 interest, ``i =
    0.2555`` over one 365-day unit period, APR 25.55% (not the 22.97% that
    ``12 × ((1.2555)^(1/12) − 1)`` gives):

    >>> net = np.zeros(366); net[0], net[365] = 10_000, -12_555
    >>> r = realised_rates(net, by_day=True)
    >>> r.unit, f"{r.nominal:.2%}", f"{r.effective:.2%}"
    ('term_days', '25.55%', '25.55%')
    """
    days = np.nonzero(np.abs(net) >= 0.005)[0]
    amounts = [round_fen(float(net[t])) for t in days]
    if len(days) == 2 and amounts[0] > 0 > amounts[1]:
        first, last = int(days[0]), int(days[1])
        term = last - first
        ratio = -amounts[1] / amounts[0]
        f0, f1 = flow_on_day(first, 0.0), flow_on_day(last, 0.0)
        months = (f1.period + f1.fraction) - (f0.period + f0.fraction)
        if by_day and term <= DAYS_PER_YEAR:
            ppy = DAYS_PER_YEAR / term
            i = ratio - 1.0
            return LineRates(i, nominal_apr(i, ppy), effective_annual(i, ppy), "term_days",
                             ppy, term, contract)
        if not by_day and months <= MONTHS_PER_YEAR + 1e-9:
            ppy = MONTHS_PER_YEAR / months
            i = ratio - 1.0
            return LineRates(i, nominal_apr(i, ppy), effective_annual(i, ppy), "term_months",
                             ppy, term, contract)
        years, odd = divmod(term, DAYS_PER_YEAR)
        i = periodic_rate([CashFlow(amounts[0], 0), CashFlow(amounts[1], years,
                                                              odd / DAYS_PER_YEAR)],
                          odd_days="simple")
        return LineRates(i, i, i, "year", 1.0, term, contract)
    flows = [flow_on_day(int(t), a) for t, a in zip(days, amounts, strict=True)]
    i = periodic_rate(flows, odd_days="simple")
    return LineRates(i, nominal_apr(i, MONTHS_PER_YEAR), effective_annual(i, MONTHS_PER_YEAR),
                     "month", MONTHS_PER_YEAR, None, contract)


def assemble(inp: Inputs, run: ev.Run) -> CashLineResult:
    """The result of a run: ledger, statements, totals, flags, rates, and for
    a by-the-day plan never paid off the payments that would clear it."""
    ledger = _ledger(inp, run)
    statements = _statements(run, ledger)
    totals = _totals(run.log, ledger)
    flags = set(run.flags)

    cum_drawn = np.cumsum(statements.drawn)
    doubled = np.nonzero((cum_drawn > 0)
                         & (statements.owed + statements.line2_owed >= 2 * cum_drawn))[0]
    doubled_month = int(doubled[0]) + 1 if doubled.size else None
    if doubled_month is not None:
        flags.add("debt_doubled")

    paid_off = run.payoff_day is not None
    flows = _flows(ledger, paid_off)
    contract_rate = yearly_rate(inp.line.rate, inp.line.rate_unit)
    charged = run.log.total(ev.INTEREST) > 0.0
    contract = contract_rate if charged else None
    rates: LineRates | None = None
    reason: str | None = None
    if not paid_off:
        reason = "not_repaid"
    else:
        try:
            rates = realised_rates(ledger.drawn - ledger.paid, ev.charges_by_day(inp), contract)
        except RateError:
            reason = "no_solution"
    if rates is None:
        flags.add("no_rate")
    held = rates.held if rates is not None else contract

    clear12 = clear36 = None
    if not paid_off and inp.plan.method in ("flexible", "revolving"):
        clear12, clear36 = clear_payment(inp, 12), clear_payment(inp, 36)
    payoff_month = (None if run.payoff_day is None
                    else int(statement_month(np.array([run.payoff_day]))[0]))
    return CashLineResult(
        ledger=ledger, statements=statements, totals=totals,
        status="paid_off" if paid_off else "not_paid_off",
        payoff_day=run.payoff_day, payoff_month=payoff_month,
        flags=tuple(f for f in ev.FLAGS if f in flags), rates=rates, no_rate_reason=reason,
        contract_rate=contract_rate, held_rate=held, flows=flows,
        clear_in_12=clear12, clear_in_36=clear36,
        rollover_stop_month=run.rollover.stop_month,
        rollover_stop_reason=run.rollover.reason, doubled_month=doubled_month,
    )


def clear_payment(inp: Inputs, n: int) -> float | None:
    """The smallest fixed monthly payment, to the fen, that clears the same
    draws within ``n`` statements after the last draw, with no faults and no
    rollover; ``None`` if even the largest fixed payment allowed does not.

    Notes
    -----
    Start from the annuity ``B i / (1 - (1 + i)^-n)`` at the line's monthly
    rate, bracket it by steps that double, then bisect: a larger payment
    never clears later, so the search is monotone.
    """
    last = inp.draws[-1][0]
    horizon = min(HORIZON_MONTHS, int(accrual_month(np.array([last]))[0]) + n - 1)
    top = LIMITS["fixed_payment"][1]
    plan = replace(inp.plan, method="revolving", pay_rule="fixed", repayments=())

    def clears(x: float) -> bool:
        trial = replace(inp, plan=replace(plan, fixed_payment=x), faults=Faults(), rollover=None)
        return ev.run(trial, horizon).payoff_day is not None

    line = inp.line
    owed = math.fsum(a + charge_with_minimum(line.fee_rate, line.fee_min, a)
                     for _, a in inp.draws)
    x = min(max(ceil_fen(annuity_payment(owed, inp.monthly, n)), 0.01), top)
    lo, hi, step = 0.0, None, 0.002
    if clears(x):
        hi = x
        while True:  # look below the guess for a payment that fails
            y = floor_fen(x * (1.0 - step))
            if y <= 0.0:
                break
            if not clears(y):
                lo = y
                break
            hi, step = y, step * 2.0
    else:
        lo = x
        while hi is None:
            y = min(ceil_fen(lo * (1.0 + step) + 0.01), top)
            if clears(y):
                hi = y
            elif y >= top:
                return None
            else:
                lo, step = y, step * 2.0
    while hi - lo > 0.015:  # bisect to the fen
        mid = ceil_fen((lo + hi) / 2.0)
        if mid >= hi:
            break
        if clears(mid):
            hi = mid
        else:
            lo = mid
    return hi


def simulate(
    draws: Sequence[Draw] | Draw,
    line: LineTerms,
    plan: RepaymentPlan,
    faults: Faults | None = None,
    rollover: Rollover | None = None,
) -> CashLineResult:
    """Simulate a cash line day by day until it is paid off (or it stops).

    Parameters
    ----------
    draws : sequence of Draw
        Cash taken from the line, each from its day; principal outstanding
        may not exceed ``line.limit``.
    line : LineTerms
        Limit, price (daily or annual rate; annual ``r`` is ``r / 365`` a day
        and ``r / 12`` a month), fee per draw, ``interest_free`` for a card
        purchase, ``compounding`` and ``accrual`` for by-the-day methods.
    plan : RepaymentPlan
        ``method`` from :data:`~calc.cashline.METHODS` with its parameters.
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
    Interest by the day: ``I = sum over days of B * d``, charged monthly,
    rounded with :func:`calc.money.round_fen`; by the month (term methods):
    ``I_m = round_fen(B * r / 12)``.  The month loop does closed-form work per
    month (the balance is constant between events); the daily arrays are
    assembled once at the end with cumulative sums.

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

    随借随还 (simple daily interest): ¥10,000 at 0.05% a day repaid on day 45
    costs 10,000 × 0.0005 × 45 = ¥225.00; the day-30 statement's ¥150 is
    owed but earns nothing:

    >>> from calc.cashline import Repayment
    >>> r = simulate([Draw(10_000)], LineTerms(limit=50_000, rate=0.0005),
    ...              RepaymentPlan("flexible", repayments=(Repayment(day=45),)))
    >>> r.totals.interest
    225.0

    The minimum-payment trap (domain.md §2): ¥10,000 on a card at 0.05% a day
    (compounded monthly), paying 10% of each statement, at least ¥100, takes
    37 months:

    >>> card = LineTerms(limit=50_000, rate=0.0005, compounding="monthly")
    >>> r = simulate([Draw(10_000)], card, RepaymentPlan("revolving", pay_rule="minimum"))
    >>> r.payoff_month, r.totals.interest
    (37, 1675.89)
    """
    inp = check(draws, line, plan, faults, rollover)
    return assemble(inp, ev.run(inp))

