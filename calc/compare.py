"""Side-by-side comparison of installment plans against paying in full.

Everything the comparison page shows comes from here, computed once per
scenario from the schedules: no page re-derives a rate or a total.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from calc import validate
from calc.errors import CalcError
from calc.money import round_fen
from calc.presets import above_rate_line
from calc.rates import CashFlow, npv
from calc.schedule import (
    LIMITS,
    PlanTerms,
    Rates,
    Schedule,
    build_schedule,
    cash_price,
    early_repayment,
)

__all__ = ["PlanResult", "Comparison", "compare", "npv_curve"]


@dataclass(frozen=True)
class PlanResult:
    """One plan's outcome, or the coded error that stopped it."""

    schedule: Schedule | None = None
    rates: Rates | None = None
    present_cost: float = 0.0
    early: Schedule | None = None  # paid off early, when asked
    early_rates: Rates | None = None
    error: CalcError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def above_line(self) -> bool:
        """Nominal APR above the 24% line as the page shows rates, to 0.01%
        (``domain.md`` §3 holds the line against the nominal rate)."""
        return self.rates is not None and above_rate_line(self.rates.nominal)

    @property
    def effective_above_line(self) -> bool:
        """Only the effective annual rate is above the line: a milder note
        (``domain.md`` §3)."""
        return (self.rates is not None and not self.above_line
                and above_rate_line(self.rates.effective))


@dataclass(frozen=True)
class Comparison:
    price: float
    cash_price: float  # paying in full today
    savings_yield: float
    plans: tuple[PlanResult, ...]
    cheapest: int  # index into plans, or -1 for paying in full

    def ranking(self) -> tuple[tuple[int, float], ...]:
        """Paying in full ``(-1, 0.0)`` and every computed plan ``(index, cost in
        today's money, to the fen)``, cheapest first; equal costs keep paying in
        full first, then the plans' order.  ``ranking()[0][0] == cheapest``.

        >>> c = compare(10_000, 0, 0, [PlanTerms(kind="addon", periods=12, fee_rate=0.006),
        ...                          PlanTerms(kind="free", periods=12)])
        >>> c.ranking()
        ((-1, 0.0), (1, 0.0), (0, 720.0))
        """
        costs = [(-1, 0.0)] + [(j, round_fen(r.present_cost))
                               for j, r in enumerate(self.plans) if r.ok and r.rates is not None]
        return tuple(sorted(costs, key=lambda c: (c[1], c[0])))


def compare(
    price: float,
    cash_discount: float,
    savings_yield: float,
    plans: list[PlanTerms],
    early_after: list[int] | None = None,
) -> Comparison:
    """Build every plan's schedule and rates; mark the cheapest in today's money.

    ``early_after[j]`` > 0 also repays plan ``j`` with that installment under
    the plan's own early-repayment rule.  A plan whose terms are invalid
    carries its :class:`~calc.errors.CalcError` instead of results; invalid
    shared inputs (price, discount, yield) raise.

    >>> c = compare(10_000, 0, 0.02, [PlanTerms(kind="addon", periods=12, fee_rate=0.006),
    ...                            PlanTerms(kind="free", periods=12)])
    >>> [round(100 * p.rates.nominal, 2) for p in c.plans], c.cheapest
    ([13.03, 0.0], 1)
    """
    validate.number("price", price, *LIMITS["price"], lo_open=True)
    validate.number("cash_discount", cash_discount, *LIMITS["cash_discount"])
    y = validate.number("savings_yield", savings_yield, 0.0, 1.0)
    results = []
    for j, terms in enumerate(plans):
        k = early_after[j] if early_after and j < len(early_after) else 0
        results.append(_one(price, cash_discount, y, terms, k))
    c = Comparison(float(price), cash_price(price, cash_discount), y, tuple(results), -1)
    return replace(c, cheapest=c.ranking()[0][0])


def _one(price: float, discount: float, y: float, terms: PlanTerms, k: int) -> PlanResult:
    try:
        s = build_schedule(price, terms, discount)
        rates = s.rates()
        early = early_rates = None
        if 0 < k < s.n:  # a k past the plan's end is left for the UI to point out
            early = early_repayment(s, k)
            early_rates = early.rates()
        return PlanResult(s, rates, s.present_cost(y), early, early_rates)
    except CalcError as e:
        return PlanResult(error=e)


def npv_curve(
    flows: tuple[CashFlow, ...], root: float, points: int = 81
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """NPV against the monthly rate around ``root``, for "show the math".

    The range runs from below zero to 2.5 × the root (at least 2% a month),
    so the crossing sits well inside the chart.
    """
    hi = max(2.5 * root, 0.02) if root >= 0 else 0.02
    lo = min(-0.5 * abs(root), -0.005)
    rates = np.linspace(max(lo, -0.9), hi, points)
    return rates, npv(flows, rates)
