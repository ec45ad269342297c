"""The same draws on a revolving line, paid by each rule in :data:`PAY_RULES`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from calc.errors import CalcError, InputError

from .result import CashLineResult, simulate
from .terms import PAY_RULES, Draw, Faults, LineTerms, RepaymentPlan

__all__ = ["PayRuleOutcome", "compare_pay_rules"]


@dataclass(frozen=True)
class PayRuleOutcome:
    """One row of :func:`compare_pay_rules`: the ``rule`` (from
    :data:`~calc.cashline.PAY_RULES`) and its ``result``, or the coded
    ``error`` that stopped it (then ``result`` is ``None``)."""

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
    rule and no extra repayments: in ``full``, the ``minimum`` (by
    ``plan.min_rule`` with ``plan.min_rate`` / ``plan.min_floor``), a
    ``fixed`` amount (``plan.fixed_payment``).  The line is used as it is,
    its compounding included.

    Parameters
    ----------
    draws, line : as :func:`~calc.cashline.simulate`
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
    ¥10,000 on a card at 0.05% a day, compounded monthly.  In full: 10,000 ×
    0.0005 × 30 = ¥150 on day 30.  The minimum (10% of the statement, at
    least ¥100): 37 months, ¥1,675.89 (domain.md §2).  ¥5,100 a month:
    10,150 − 5,100 = 5,050 left, + 5,050 × 0.0005 × 30 = 75.75; 5,125.75 −
    5,100 = 25.75 left, + 25.75 × 0.0005 × 31 = 0.40: paid off in month 3 for
    150 + 75.75 + 0.40 = ¥226.15:

    >>> card = LineTerms(limit=50_000, rate=0.0005, compounding="monthly")
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
