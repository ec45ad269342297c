"""The same purchase paid two ways: cash drawn on a cash line, or an
installment plan (the cash-line page's "same purchase" table).

Both ways come from calc's own engines, :func:`calc.cashline.simulate` and
:func:`calc.schedule.build_schedule`, and are summed up the same way in a
:class:`WayToPay`, so every figure of the table is computed once, here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from calc.cashline import (
    TERM_METHODS,
    CashLineResult,
    Draw,
    Faults,
    LineTerms,
    RepaymentPlan,
    Rollover,
    simulate,
)
from calc.errors import InputError
from calc.money import round_fen
from calc.presets import above_rate_line
from calc.schedule import PlanTerms, Schedule, build_schedule

__all__ = ["WayToPay", "CashVsInstallment", "compare_with_installment"]


@dataclass(frozen=True)
class WayToPay:
    """One way of paying for the purchase and what it costs.

    ``cost`` is interest + fees + penalties over the cash price, a rollover's
    second line included (for the installment plan:
    :attr:`calc.schedule.Schedule.total_cost`, so a lost cash discount
    counts); ``total_paid`` is out of pocket, the down payment included;
    ``payments`` counts the days money left the pocket; ``payoff_month`` in
    months from the purchase (fractional for an odd first period), ``None``
    when never paid off; ``nominal`` (APR, i × periods a year) and
    ``effective`` ((1 + i)^(periods a year) − 1) rates of the realised flows,
    ``None`` when they have none (a cash line never repaid); ``held`` the rate
    the lines are held against: on the cash line the higher of its realised
    APR and its contract's simple rate
    (:attr:`calc.cashline.CashLineResult.held_rate`), on the plan its APR.
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
    held: float | None

    @property
    def above_line(self) -> bool:
        """The held rate is above the 24% line (domain.md §3)."""
        return self.held is not None and above_rate_line(self.held)

    @property
    def effective_above_line(self) -> bool:
        """Only the effective rate is above the 24% line (a milder note)."""
        return (not self.above_line and self.effective is not None
                and above_rate_line(self.effective))


@dataclass(frozen=True)
class CashVsInstallment:
    """The same purchase on the cash line (``cash_line``, from ``result``)
    and on an installment plan (``installment``, from ``schedule``)."""

    price: float
    cash_price: float
    cash_line: WayToPay
    installment: WayToPay
    result: CashLineResult
    schedule: Schedule


def _cash_line(result: CashLineResult, method: str, down_payment: float) -> WayToPay:
    t = result.totals
    pays = result.statements.paid[result.statements.paid > 0]
    return WayToPay(
        method=method, status=result.status,
        total_paid=round_fen(down_payment + t.paid), cost=t.cost,
        interest=t.interest, fees=t.fees, penalties=t.penalties,
        payments=int(np.count_nonzero(result.ledger.paid)),
        first_payment=float(pays[0]) if pays.size else 0.0,
        max_payment=float(pays.max()) if pays.size else 0.0,
        payoff_month=None if result.payoff_month is None else float(result.payoff_month),
        nominal=None if result.rates is None else result.rates.nominal,
        effective=None if result.rates is None else result.rates.effective,
        held=result.held_rate,
    )


def _installment(schedule: Schedule) -> WayToPay:
    r = schedule.rates()
    loan = schedule.terms.kind in TERM_METHODS
    charges = round_fen(float(schedule.charge.sum()))
    return WayToPay(
        method=schedule.terms.kind, status="paid_off", total_paid=schedule.total_paid,
        cost=schedule.total_cost, interest=charges if loan else 0.0,
        fees=round_fen(schedule.upfront_fee + (0.0 if loan else charges)), penalties=0.0,
        payments=schedule.n, first_payment=float(schedule.payment[0]),
        max_payment=float(schedule.payment.max()),
        payoff_month=float(schedule.due_period[-1] + schedule.due_fraction[-1]),
        nominal=r.nominal, effective=r.effective, held=r.nominal,
    )


def compare_with_installment(
    price: float,
    line: LineTerms,
    plan: RepaymentPlan,
    installment: PlanTerms,
    *,
    cash_discount: float = 0.0,
    faults: Faults | None = None,
    rollover: Rollover | None = None,
) -> CashVsInstallment:
    """Buy at ``price`` with cash drawn on day 0 from ``line``, or on ``installment``.

    The cash line draws the cash price (the price less ``cash_discount``, as
    paying cash earns it) less the plan's down payment, which both ways pay
    from pocket, and is repaid by ``plan`` with ``faults`` and ``rollover``
    as in :func:`calc.cashline.simulate`: a rollover's second line is part of
    what the purchase costs.  The plan is :func:`calc.schedule.build_schedule`.
    The plan's rates are per month; the cash line's follow Reg Z App. J's
    unit period (:func:`calc.cashline.result.realised_rates`: a single
    payment's term, else a month), so a loan at 18% a year shows 18.00%
    either way.

    Raises
    ------
    InputError
        As :func:`calc.schedule.build_schedule` and
        :func:`calc.cashline.simulate`; ``out_of_range`` (field
        ``down_payment``) when the down payment leaves nothing to draw.

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
    result = simulate([Draw(amount, 0)], line, plan, faults, rollover)
    return CashVsInstallment(
        price=schedule.price, cash_price=schedule.cash_price,
        cash_line=_cash_line(result, plan.method, schedule.down_payment),
        installment=_installment(schedule), result=result, schedule=schedule)
