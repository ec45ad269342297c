"""The day-by-day engine: one pass per statement, the days in between in
closed form.

Between two events (a draw, a repayment, a late payment, a statement) the
balances do not change, so the engine jumps from event to event: interest
accrued over ``n`` days on a constant balance ``B`` is ``B × d × n``.  What
happened is written to an :class:`EventLog` (amounts by day and kind); the
daily ledger, statements and totals are assembled from it afterwards with
cumulative sums (:mod:`calc.cashline.result`).

:class:`LineState` holds the balances with named fields; :class:`Engine`
holds the checked inputs, the state and the log, and has one method per
kind of event.  The order of events within a day, how a payment is split,
and each convention are in the package docstring (:mod:`calc.cashline`).
"""

from __future__ import annotations

import heapq
import math
from collections import deque
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from calc.errors import InputError
from calc.money import round_fen, round_fen_array, split_evenly
from calc.schedule import DAYS_PER_PERIOD, PlanTerms, build_schedule
from calc.units import DAYS_PER_YEAR, MONTHS_PER_YEAR, annuity_payment

from .days import (
    HORIZON_MONTHS,
    STATEMENT_DAYS,
    accrual_month,
    month_length,
    statement_month,
)
from .terms import DEBT_CAP, TERM_METHODS, Inputs, charge_with_minimum

__all__ = ["FLAGS", "ROLLOVER_STOPS", "KINDS", "EventLog", "LineState", "TermSchedule",
           "Run", "Engine", "run", "day_rates", "charges_by_day", "by_day_installments"]

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

#: ``payment_below_interest``: some statement's payment (paid or rolled) was less
#: than that month's interest, so the debt grew; ``rollover_limit_hit``: the
#: second line refused a rollover; ``debt_doubled``: total owed reached twice
#: what was drawn; ``no_rate``: no realised rate (not paid off within the
#: horizon, or the flows have none: ``CashLineResult.no_rate_reason``);
#: ``debt_cap``: the debt passed :data:`~calc.cashline.DEBT_CAP` and the run
#: stopped there (it was never going to be paid off); ``stalled``:
#: a revolving balance stopped changing (a percentage minimum with no floor
#: rounds to nothing on a few fen), so the run stopped: it never clears;
#: ``cut_short``: the run reached its horizon (the work bound: at most
#: :data:`~calc.cashline.days.HORIZON_MONTHS` statements, 36,500 days) with
#: the debt still owed, so it stopped there, unrepaid.
FLAGS = ("payment_below_interest", "rollover_limit_hit", "debt_doubled", "no_rate",
         "debt_cap", "stalled", "cut_short")
#: Why a rollover ended: ``months`` done, second line's ``limit``, ``nothing_due``.
ROLLOVER_STOPS = ("months", "limit", "nothing_due")

# ----------------------------------------------------------------------------- the log
# Kinds of event, each a list of (day, amount) in the log.  "Line 1" is the
# line the draws are on; "line 2" the line a rollover borrows from.

#: Principal drawn on line 1.
DRAW = "draw"
#: A draw's fee, charged on line 1.
DRAW_FEE = "draw_fee"
#: Line 1's interest charged, rounded to the fen (0 when an interest-free
#: statement waives it).
INTEREST = "interest"
#: The exact interest taken out of line 1's accrual when it was charged
#: (the ledger's accrued-not-charged interest falls by it).
ACCRUAL_CHARGED = "accrual_charged"
#: Overdue interest and 违约金 charged on line 1 for a late payment.
PENALTY = "penalty"
#: A payment to line 1, out of pocket or rolled from line 2.
PAID_TO_LINE1 = "paid_to_line1"
#: Money paid out of pocket, to either line.
PAID = "paid"
#: The part of a payment to line 1 that repaid principal.
PRINCIPAL_REPAID = "principal_repaid"
#: A change of line 1's interest-bearing balance (by-the-day methods): a draw
#: (+), capitalised charges (+), the part of a payment that repaid either (−).
BASE_CHANGE = "base_change"
#: What a statement asked to be paid.
DUE = "due"
#: A payment to line 1 made with money drawn on line 2.
ROLLED = "rolled"
#: Line 2's fee on a rolled payment.
LINE2_FEE = "line2_fee"
#: Line 2's interest charged, rounded.
LINE2_INTEREST = "line2_interest"
#: The exact interest taken out of line 2's accrual when it was charged.
LINE2_ACCRUAL_CHARGED = "line2_accrual_charged"
#: Line 2 paid off out of pocket when the rollover ended.
LINE2_CLEARED = "line2_cleared"

KINDS = (DRAW, DRAW_FEE, INTEREST, ACCRUAL_CHARGED, PENALTY, PAID_TO_LINE1, PAID,
         PRINCIPAL_REPAID, BASE_CHANGE, DUE, ROLLED, LINE2_FEE, LINE2_INTEREST,
         LINE2_ACCRUAL_CHARGED, LINE2_CLEARED)


class EventLog:
    """Amounts by (day, kind) from :data:`KINDS`, turned into arrays at the end."""

    def __init__(self) -> None:
        self.days: dict[str, list[int]] = {k: [] for k in KINDS}
        self.amounts: dict[str, list[float]] = {k: [] for k in KINDS}

    def add(self, kind: str, day: int, amount: float) -> None:
        if amount:
            self.days[kind].append(day)
            self.amounts[kind].append(amount)

    # np.bincount with weights sums float64 (NumPy's stubs type it as integer):
    # astype(copy=False) states the dtype without copying.

    def daily(self, kind: str, n: int) -> Floats:
        """Sum per day ``0 .. n-1``."""
        days = self.days[kind]
        if not days:
            return np.zeros(n)
        return np.bincount(np.asarray(days), weights=np.asarray(self.amounts[kind]),
                           minlength=n)[:n].astype(np.float64, copy=False)

    def monthly(self, kind: str, months: int) -> Floats:
        """Sum per statement ``1 .. months`` (:func:`~calc.cashline.days.statement_month`)."""
        days = self.days[kind]
        if not days:
            return np.zeros(months)
        idx = statement_month(np.asarray(days)) - 1
        return np.bincount(idx, weights=np.asarray(self.amounts[kind]),
                           minlength=months)[:months].astype(np.float64, copy=False)

    def total(self, kind: str) -> float:
        """Sum over the run, to the fen."""
        return round_fen(math.fsum(self.amounts[kind]))


# ----------------------------------------------------------------------------- state


@dataclass(slots=True)
class LineState:
    """The balances between events, in yuan; whole fen except ``accrued``.

    Line 1 owes ``principal + capitalised + charges_due``.  Interest accrues
    on ``principal + capitalised`` only: ``charges_due`` (interest, fees and
    penalties charged and unpaid) earns nothing until a monthly-compounding
    line capitalises it on a statement day.
    """

    #: Drawn and not yet repaid.
    principal: float = 0.0
    #: Charges that joined the interest-bearing balance (monthly compounding).
    capitalised: float = 0.0
    #: Interest, fees and penalties charged and not yet paid.
    charges_due: float = 0.0
    #: The fees and penalties in ``charges_due`` charged since the last
    #: statement: the part of a statement a minimum payment takes in full.
    new_charges: float = 0.0
    #: Interest accrued exactly (float) since it was last charged.
    accrued: float = 0.0
    #: The day ``accrued`` has run up to (not including).
    accrued_to: int = 0
    #: Owed on line 2 (charged, whole fen).
    line2_balance: float = 0.0
    #: The last statement left nothing owed on line 1 (a card purchase keeps
    #: its interest-free period only then).
    cleared: bool = True

    def owed(self) -> float:
        """Line 1's charged, unpaid debt."""
        return round_fen(self.principal + self.capitalised + self.charges_due)

    def charge(self, amount: float, *, new: bool) -> None:
        """Add a charge; ``new`` for a fee or penalty (not interest)."""
        self.charges_due = round_fen(self.charges_due + amount)
        if new:
            self.new_charges = round_fen(self.new_charges + amount)

    def take_payment(self, x: float) -> tuple[float, float]:
        """Apply a payment of ``x`` (at most :meth:`owed`): charges first, new
        fees and penalties first among them, then capitalised charges, then
        principal.  Returns the parts that repaid ``(capitalised, principal)``."""
        rf = round_fen
        to_charges = min(x, self.charges_due)
        self.charges_due = rf(self.charges_due - to_charges)
        self.new_charges = rf(max(self.new_charges - to_charges, 0.0))
        rest = rf(x - to_charges)
        to_capitalised = min(rest, self.capitalised)
        self.capitalised = rf(self.capitalised - to_capitalised)
        to_principal = min(rf(rest - to_capitalised), self.principal)
        self.principal = rf(self.principal - to_principal)
        return to_capitalised, to_principal

    def capitalise(self) -> float:
        """Move the unpaid charges into the interest-bearing balance."""
        amount = self.charges_due
        self.capitalised = round_fen(self.capitalised + amount)
        self.charges_due = self.new_charges = 0.0
        return amount

    def snapshot(self) -> tuple[float, ...]:
        """The balances after a statement, to tell when they stop changing."""
        return (self.principal, self.capitalised, self.charges_due, self.new_charges,
                self.line2_balance, float(self.cleared))


# ----------------------------------------------------------------------------- term methods


def charges_by_day(inp: Inputs) -> bool:
    """Whether interest is charged by the actual day: a by-the-day method
    accrued daily, or a term method on a line priced per day and accrued
    daily (按日计息).  Otherwise it is charged by the month: a term method
    on a line priced per year (``r / 12`` a month whatever the month's
    length), or ``accrual="monthly"``."""
    if inp.line.accrual != "daily":
        return False
    return inp.plan.method not in TERM_METHODS or inp.line.rate_unit == "daily"



@dataclass(frozen=True)
class TermSchedule:
    """Every term draw's schedule added up, by statement ``m`` (index ``m``):
    ``interest`` and ``principal`` due, rounded.  For the ledger, each
    installment's interest spread evenly over the days it covers: installment
    ``k`` covers days ``starts[k] .. ends[k] - 1`` at ``per_day[k]`` a day."""

    interest: Floats
    principal: Floats
    starts: Ints
    ends: Ints
    per_day: Floats


def by_day_installments(amount: float, d: float, method: str,
                        days: Ints) -> tuple[Floats, Floats]:
    """A term method on a line priced **per day** (按日计息): the interest
    and principal of each installment, rounded.

    Parameters
    ----------
    amount : float
        The draw, in yuan (whole fen).
    d : float
        The daily rate.
    method : str
        ``equal_payment``, ``equal_principal`` or ``interest_only``.
    days : ndarray of int
        The actual days each installment covers (its statement's days; the
        first from the draw's day).

    Returns
    -------
    interest, principal : ndarray
        ``interest[k] = round_fen(B_k * d * days[k])`` on the principal
        ``B_k`` still owed.  ``equal_payment``: the level payment is the
        annuity at the monthly equivalent ``i = d * 365 / 12``, ``A =
        round_fen(B i / (1 - (1 + i)^-n))``; each installment but the last
        repays ``A - interest[k]`` of principal (never less than 0), and the
        last repays what is left with its interest, so it absorbs the
        difference the months' lengths make.  ``equal_principal``:
        :func:`calc.money.split_evenly`'s parts.  ``interest_only``: the whole
        principal with the last.

    Examples
    --------
    ¥5,000 at 0.035% a day, 等额本息 over 12 statements of 30, 30, 31, ...
    days: the first charges 5,000 × 0.00035 × 30 = ¥52.50 (not a month's
    5,000 × 1.0645833% = ¥53.23); the level payment is the annuity at the
    monthly equivalent 0.035% × 365 / 12 = 1.0645833%: 1.0106458^12 = 1.135500,
    5,000 × 0.0106458 / (1 − 1 / 1.1355) = 53.229 / 0.119331 = ¥446.06:

    >>> days = np.diff(np.asarray(STATEMENT_DAYS[:13]))
    >>> interest, principal = by_day_installments(5_000, 0.00035, "equal_payment", days)
    >>> float(interest[0]), float(interest[0] + principal[0])
    (52.5, 446.06)
    """
    n = len(days)
    interest = np.zeros(n)
    principal = np.zeros(n)
    level = 0.0
    if method == "equal_principal":
        principal[:] = split_evenly(amount, n)
    elif method == "interest_only":
        principal[-1] = amount
    else:
        level = round_fen(annuity_payment(amount, d * DAYS_PER_YEAR / MONTHS_PER_YEAR, n))
    bal = amount
    for k in range(n):
        interest[k] = round_fen(bal * d * float(days[k]))
        if method == "equal_payment":
            principal[k] = bal if k == n - 1 else min(bal, max(round_fen(level - interest[k]),
                                                                0.0))
        bal = round_fen(bal - principal[k])
    return interest, principal


def term_schedule(inp: Inputs, horizon: int) -> TermSchedule:
    """Each draw's schedule from the first statement after it, cut at the
    horizon: on a line priced per day (accrued by the day), interest by the
    statement's actual days (:func:`by_day_installments`); otherwise
    :func:`calc.schedule.build_schedule`'s, by the month (an odd first period
    of ``days / 30`` months)."""
    size = horizon + 2
    interest = np.zeros(size)
    principal = np.zeros(size)
    starts: list[Ints] = []
    ends: list[Ints] = []
    per_day: list[Floats] = []
    n = inp.plan.term_months
    by_day = charges_by_day(inp)
    for day, amount in inp.draws:
        m0 = int(accrual_month(np.array([day]))[0])  # first statement after the draw
        if m0 > horizon:
            continue
        if by_day:
            ends_n = np.array(STATEMENT_DAYS[m0:m0 + n], dtype=np.int64)
            lengths = np.diff(np.concatenate(([day], ends_n)))
            charge, repaid = by_day_installments(amount, inp.daily, inp.plan.method, lengths)
        else:
            first_days = (DAYS_PER_PERIOD if STATEMENT_DAYS[m0 - 1] == day
                          else STATEMENT_DAYS[m0] - day)
            s = build_schedule(amount, PlanTerms(kind=inp.plan.method, periods=n,
                                                 rate=inp.line.rate,
                                                 rate_unit=inp.line.rate_unit,
                                                 first_days=first_days))
            charge, repaid = s.charge, s.principal
        k = min(n, horizon - m0 + 1)
        interest[m0:m0 + k] += charge[:k]
        principal[m0:m0 + k] += repaid[:k]
        start = np.array(STATEMENT_DAYS[m0 - 1:m0 - 1 + k], dtype=np.int64)
        start[0] = day
        end = np.array(STATEMENT_DAYS[m0:m0 + k], dtype=np.int64)
        starts.append(start)
        ends.append(end)
        per_day.append(charge[:k] / (end - start))
    if not starts:
        empty = np.zeros(0, np.int64)
        return TermSchedule(round_fen_array(interest), round_fen_array(principal), empty,
                            empty, np.zeros(0))
    return TermSchedule(round_fen_array(interest), round_fen_array(principal),
                        np.concatenate(starts), np.concatenate(ends), np.concatenate(per_day))


# ----------------------------------------------------------------------------- the run


@dataclass
class RolloverOutcome:
    """How a rollover went: ``done`` once it stopped (or there is none), with
    the statement it stopped on and why (:data:`ROLLOVER_STOPS`)."""

    done: bool
    stop_month: int | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Run:
    """What :meth:`Engine.run` leaves: the log, the payoff day (``None`` if
    never), the last day simulated, the flags raised, how the rollover went
    and, for term methods, the schedule."""

    log: EventLog
    payoff_day: int | None
    last_day: int
    flags: frozenset[str]
    rollover: RolloverOutcome
    schedule: TermSchedule | None


class Engine:
    """One simulation: the checked inputs, the state, the log.

    Build it and call :meth:`run` once.  ``horizon`` is the last statement
    simulated (:data:`~calc.cashline.days.HORIZON_MONTHS` unless a search
    needs fewer).
    """

    def __init__(self, inp: Inputs, horizon: int = HORIZON_MONTHS) -> None:
        self.inp = inp
        self.horizon = horizon
        self.state = LineState()
        self.log = EventLog()
        self.flags: set[str] = set()
        plan = inp.plan
        self.term = plan.method in TERM_METHODS
        self.revolving = plan.method == "revolving"
        self.compounds = not self.term and inp.line.compounding == "monthly"
        self.by_month = inp.line.accrual == "monthly"
        self.schedule = term_schedule(inp, self.horizon) if self.term else None
        self.rollover = RolloverOutcome(done=inp.rollover is None)
        self.draws_by_day: dict[int, list[float]] = {}
        for day, amount in inp.draws:
            self.draws_by_day.setdefault(day, []).append(amount)
        self.repayments_by_day: dict[int, list[float | None]] = {}
        for rp in plan.repayments:
            self.repayments_by_day.setdefault(rp.day, []).append(rp.amount)
        self.late_days_by_month = {lp.month: lp.days for lp in inp.faults.late}
        self.last_draw = inp.draws[-1][0]
        #: days with events still to come (a heap)
        self.calendar = sorted(set(self.draws_by_day) | set(self.repayments_by_day))
        #: late payments by the day they are paid: (amount, days late)
        self.late_payments: dict[int, list[tuple[float, int]]] = {}
        self.recent: deque[tuple[float, ...]] = deque(maxlen=12)

    # ------------------------------------------------------------------ interest

    def accrue(self, t: int, m: int) -> None:
        """Accrue line 1's interest up to day ``t`` (in month ``m``'s accrual
        days) on the interest-bearing balance; term methods accrue nothing
        here (their interest is the schedule's)."""
        st = self.state
        if not self.term and t > st.accrued_to:
            rate = (self.inp.monthly / month_length(m)) if self.by_month else self.inp.daily
            st.accrued += (st.principal + st.capitalised) * rate * (t - st.accrued_to)
        st.accrued_to = t

    def settle(self, t: int) -> None:
        """Charge the interest accrued so far (before a payment or a penalty)."""
        st = self.state
        if not self.term and st.accrued:
            charged = round_fen(st.accrued)
            self.log.add(ACCRUAL_CHARGED, t, st.accrued)
            self.log.add(INTEREST, t, charged)
            st.charge(charged, new=False)
            st.accrued = 0.0

    # ------------------------------------------------------------------ money in and out

    def draw(self, t: int, amount: float) -> None:
        st, line = self.state, self.inp.line
        unused = round_fen(line.limit - st.principal)
        if amount > unused:
            raise InputError("out_of_range", field="draw_amount", min=0.0, max=unused,
                             got=amount, day=t)
        fee = charge_with_minimum(line.fee_rate, line.fee_min, amount)
        st.principal = round_fen(st.principal + amount)
        st.charge(fee, new=True)
        self.log.add(DRAW, t, amount)
        self.log.add(DRAW_FEE, t, fee)
        if not self.term:
            self.log.add(BASE_CHANGE, t, amount)

    def pay(self, amount: float, t: int, *, pocket: bool) -> float:
        """Pay ``amount`` (at most what is owed) to line 1; ``pocket`` when it
        is the borrower's own money, not line 2's.  Returns what was paid."""
        st = self.state
        x = min(round_fen(amount), st.owed())
        if x <= 0:
            return 0.0
        to_capitalised, to_principal = st.take_payment(x)
        self.log.add(PAID_TO_LINE1, t, x)
        if pocket:
            self.log.add(PAID, t, x)
        self.log.add(PRINCIPAL_REPAID, t, to_principal)
        if not self.term:
            self.log.add(BASE_CHANGE, t, -(to_capitalised + to_principal))
        return x

    def repay(self, t: int, amount: float | None) -> None:
        """A chosen repayment (``None``: everything owed)."""
        self.settle(t)
        self.pay(self.state.owed() if amount is None else amount, t, pocket=True)

    def late_payment(self, t: int, unpaid: float, days: int) -> None:
        """A statement's payment made ``days`` late, with its penalty past the
        grace period: overdue interest ``unpaid × multiple × d × days`` on a
        term method (the installment has left the schedule's balance), or
        ``unpaid × (multiple − 1) × d × days`` on a by-the-day line (the unpaid
        amount still bears the contract rate), plus the 违约金."""
        f = self.inp.faults
        self.settle(t)
        unpaid = min(unpaid, self.state.owed())
        if unpaid <= 0:
            return
        if days > f.grace_days:
            multiple = f.overdue_multiple if self.term else f.overdue_multiple - 1.0
            penalty = round_fen(
                round_fen(unpaid * multiple * self.inp.daily * days)
                + charge_with_minimum(f.late_fee_rate, f.late_fee_min, unpaid))
            self.state.charge(penalty, new=True)
            self.log.add(PENALTY, t, penalty)
            unpaid = round_fen(unpaid + penalty)
        self.pay(unpaid, t, pocket=True)

    # ------------------------------------------------------------------ statements

    def due_by_rule(self, s: float, interest: float) -> float:
        """What a revolving statement of ``s`` (``interest`` charged on it)
        asks for under the plan's ``pay_rule``."""
        plan = self.inp.plan
        if plan.pay_rule == "full":
            return s
        if plan.pay_rule == "minimum":
            return self.minimum(s, interest)
        return min(s, plan.fixed_payment)

    def minimum(self, s: float, interest: float) -> float:
        """The minimum payment of a statement of ``s`` with ``interest``
        charged on it, by the plan's ``min_rule`` (:data:`~calc.cashline.MIN_RULES`)."""
        rf = round_fen
        plan, st = self.inp.plan, self.state
        x = plan.min_rate
        new = min(st.new_charges, s)  # fees and penalties on the statement, due in full
        if plan.min_rule == "statement":
            part = rf(x * (s - new))
        elif plan.min_rule == "cmb":
            part = rf(rf(x * st.principal) + (s - st.principal - new))
        elif plan.min_rule == "balance_plus_interest":
            part = rf(rf(x * (s - interest - new)) + interest)
        else:  # balance_before_interest
            part = rf(x * (s - interest - new))
        return min(s, rf(max(part, plan.min_floor) + new))

    def line2_statement(self, m: int, t: int) -> None:
        """Line 2's month of interest on its balance, constant since the last
        statement (it changes only on statement days), charged and compounded."""
        st = self.state
        if st.line2_balance > 0:
            exact = st.line2_balance * self.inp.line2_daily * month_length(m)
            charged = round_fen(exact)
            self.log.add(LINE2_ACCRUAL_CHARGED, t, exact)
            self.log.add(LINE2_INTEREST, t, charged)
            st.line2_balance = round_fen(st.line2_balance + charged)

    def installment(self, m: int, t: int) -> tuple[float, float]:
        """A term method's statement ``m``: charge the schedule's interest; due
        is the installment's principal and every charge still owed (the
        month's interest, new fees, and whatever a late payment that settled
        new charges first left).  Returns ``(interest, due)``."""
        assert self.schedule is not None
        st = self.state
        interest = float(self.schedule.interest[m])
        st.charge(interest, new=False)
        self.log.add(INTEREST, t, interest)
        self.log.add(ACCRUAL_CHARGED, t, interest)
        due = min(round_fen(st.charges_due + self.schedule.principal[m]), st.owed())
        return interest, due

    def month_of_interest(self, t: int, waivable: bool) -> tuple[float, float]:
        """A by-the-day statement: charge the interest accrued since the last
        one, unless an interest-free line's statement is ``waivable`` (on time,
        the last one cleared) and will be paid in full; a revolving line's due
        by its pay rule.  Returns ``(interest, due)``."""
        st = self.state
        exact, st.accrued = st.accrued, 0.0
        interest = round_fen(exact)
        if self.revolving and self.inp.line.interest_free and st.cleared and waivable:
            before = st.owed()
            if self.due_by_rule(before, 0.0) >= before:
                interest = 0.0  # statement paid in full: no interest on purchases
        self.log.add(ACCRUAL_CHARGED, t, exact)
        self.log.add(INTEREST, t, interest)
        st.charge(interest, new=False)
        due = self.due_by_rule(st.owed(), interest) if self.revolving else 0.0
        return interest, due

    def statement(self, m: int, t: int) -> None:
        """Statement ``m`` on day ``t``: line 2's interest; line 1's interest
        and what is due; then pay it, roll it onto line 2 or leave it late; end
        the rollover on the first statement nothing is rolled; compound; note
        whether it cleared."""
        st = self.state
        self.line2_statement(m, t)
        late_days = self.late_days_by_month.get(m)
        if self.schedule is not None:
            interest, due = self.installment(m, t)
        else:
            interest, due = self.month_of_interest(t, waivable=late_days is None)
        st.new_charges = 0.0  # the next statement's new charges start now
        self.log.add(DUE, t, due)

        rolled = late = False
        if due > 0 and late_days is not None:
            late = True
            self.late_payments.setdefault(t + late_days, []).append((due, late_days))
            heapq.heappush(self.calendar, t + late_days)
        elif due > 0:
            rolled = self.roll(due, m, t)
            if not rolled:
                self.pay(due, t, pocket=True)
            if due < interest:
                self.flags.add("payment_below_interest")
        if not self.rollover.done and not rolled and not late:
            self.end_rollover(m, t)
        if self.compounds and st.charges_due > 0:  # unpaid charges compound monthly
            self.log.add(BASE_CHANGE, t, st.capitalise())
        st.cleared = st.owed() == 0.0

    def roll(self, due: float, m: int, t: int) -> bool:
        """Pay ``due`` with money drawn on line 2, if the rollover still runs
        and line 2's limit allows it (its fee included)."""
        ro, st = self.inp.rollover, self.state
        if ro is None or self.rollover.done or m > ro.months:
            return False
        fee = charge_with_minimum(ro.fee_rate, ro.fee_min, due)
        if round_fen(st.line2_balance + due + fee) > ro.limit:
            self.rollover.stop_month, self.rollover.reason = m, "limit"
            self.flags.add("rollover_limit_hit")
            return False
        st.line2_balance = round_fen(st.line2_balance + due + fee)
        self.log.add(ROLLED, t, due)
        self.log.add(LINE2_FEE, t, fee)
        self.pay(due, t, pocket=False)
        return True

    def end_rollover(self, m: int, t: int) -> None:
        """The first statement nothing is rolled on: the borrower clears line
        2 out of pocket."""
        ro, out, st = self.inp.rollover, self.rollover, self.state
        assert ro is not None
        if out.stop_month is None:
            out.stop_month = m
            out.reason = "months" if m > ro.months else "nothing_due"
        out.done = True
        if st.line2_balance > 0:
            self.log.add(LINE2_CLEARED, t, st.line2_balance)
            self.log.add(PAID, t, st.line2_balance)
            st.line2_balance = 0.0

    # ------------------------------------------------------------------ the loop

    def day(self, t: int, m: int, is_statement: bool) -> None:
        """Day ``t`` in month ``m``: accrue; the statement; late payments
        falling due; draws; chosen repayments."""
        self.accrue(t, m)
        if is_statement:
            self.statement(m, t)
        for unpaid, days in self.late_payments.pop(t, ()):
            self.late_payment(t, unpaid, days)
        for amount in self.draws_by_day.get(t, ()):
            self.draw(t, amount)
        for repayment in self.repayments_by_day.get(t, ()):
            self.repay(t, repayment)

    def done(self, t: int) -> bool:
        st = self.state
        return (t >= self.last_draw and not self.late_payments and st.line2_balance == 0.0
                and st.owed() == 0.0 and abs(st.accrued) < 1e-9)

    def repeats(self) -> bool:
        """A revolving balance with nothing left to happen that is the same as
        twelve statements ago: the calendar repeats yearly, so it will repeat
        for ever."""
        if not self.revolving:
            return False
        if self.calendar or self.late_payments:
            self.recent.clear()
            return False
        now = (*self.state.snapshot(), float(self.rollover.done))
        if len(self.recent) == self.recent.maxlen and self.recent[0] == now:
            return True
        self.recent.append(now)
        return False

    def next_event_before(self, day: int) -> int | None:
        """Pop the next event day before ``day`` (each day once)."""
        cal = self.calendar
        if not cal or cal[0] >= day:
            return None
        t = heapq.heappop(cal)
        while cal and cal[0] == t:
            heapq.heappop(cal)
        return t

    def run(self) -> Run:
        """Statement by statement up to the horizon, until paid off, past
        :data:`~calc.cashline.DEBT_CAP`, or stalled; a run still owing at
        the horizon is flagged ``cut_short``."""
        st = self.state
        payoff = None
        last_day = STATEMENT_DAYS[self.horizon]
        m = 1
        while m <= self.horizon and payoff is None:
            stmt = STATEMENT_DAYS[m]
            while (t := self.next_event_before(stmt)) is not None:
                self.day(t, m, False)
                if self.done(t):
                    payoff = t
                    break
            if payoff is not None:
                break
            while self.calendar and self.calendar[0] == stmt:
                heapq.heappop(self.calendar)
            self.day(stmt, m, True)
            if self.done(stmt):
                payoff = stmt
            elif st.owed() + st.line2_balance > DEBT_CAP:
                self.flags.add("debt_cap")
                last_day = stmt
                break
            elif self.repeats():
                self.flags.add("stalled")
                last_day = stmt
                break
            m += 1
        else:  # every statement up to the horizon, and still owing
            if payoff is None:
                self.flags.add("cut_short")
        if payoff is not None:
            last_day = payoff
        return Run(self.log, payoff, last_day, frozenset(self.flags), self.rollover,
                   self.schedule)


def run(inp: Inputs, horizon: int = HORIZON_MONTHS) -> Run:
    """Simulate ``inp`` up to statement ``horizon``."""
    return Engine(inp, horizon).run()


def day_rates(inp: Inputs, n: int) -> float | Floats:
    """Line 1's interest rate on each day ``0 .. n-1`` of a by-the-day line:
    the daily rate, or with ``accrual="monthly"`` the month's rate over its days."""
    if inp.line.accrual == "daily":
        return inp.daily
    months = accrual_month(np.arange(n))
    lengths: Floats = np.diff(np.asarray(STATEMENT_DAYS, dtype=np.float64))
    rates: Floats = inp.monthly / lengths[months - 1]
    return rates
