"""The cash line's calendar: statement days, months and the horizon.

Day 0 is the first day.  Statement days, which are also the due days, fall
at ``E(m) = floor(365 m / 12)``: days 30, 60, 91, 121, 152, 182, 212, 243,
273, 304, 334, 365, ... so months run 30 or 31 days, twelve make a 365-day
year, and the calendar repeats every twelve months.  Two readings of "the
month of a day" are used, and named apart here:

* :func:`statement_month`: the statement a day's *activity* appears on,
  ``E(m-1) < t <= E(m)`` (day 0 on the first);
* :func:`accrual_month`: the month whose interest a day's *accrual* counts
  towards, ``E(m-1) <= t < E(m)`` (interest runs up to, not including, the
  statement day).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from calc import validate
from calc.money import round_fen
from calc.rates import CashFlow
from calc.units import DAYS_PER_YEAR, MONTHS_PER_YEAR

__all__ = ["HORIZON_MONTHS", "HORIZON_DAYS", "STATEMENT_DAYS", "statement_days",
           "statement_month", "accrual_month", "month_length", "flow_on_day"]

Ints = npt.NDArray[np.int64]

#: At most 100 years of statements: enough for domain.md's 80-year card example.
HORIZON_MONTHS = 1200
_E = (np.arange(HORIZON_MONTHS + 2, dtype=np.int64) * DAYS_PER_YEAR) // MONTHS_PER_YEAR
#: ``E(m)`` for ``m = 0 .. HORIZON_MONTHS + 1`` as a list of ints (fast to index).
STATEMENT_DAYS: list[int] = [int(x) for x in _E]
#: The last statement day of the horizon.
HORIZON_DAYS = STATEMENT_DAYS[HORIZON_MONTHS]


def statement_days(months: int) -> Ints:
    """Statement (due) days ``E(0..months)`` with ``E(m) = floor(365 m / 12)``.

    >>> statement_days(12).tolist()
    [0, 30, 60, 91, 121, 152, 182, 212, 243, 273, 304, 334, 365]
    """
    n = validate.integer("months", months, 0, HORIZON_MONTHS)
    return _E[: n + 1].copy()


def statement_month(days: npt.NDArray[np.integer]) -> npt.NDArray[np.intp]:
    """The statement each day's activity appears on: ``E(m-1) < t <= E(m)``,
    day 0 on the first.

    >>> statement_month(np.array([0, 30, 31, 60, 61])).tolist()
    [1, 1, 2, 2, 3]
    """
    return np.maximum(np.searchsorted(_E, days, side="left"), 1)


def accrual_month(days: npt.NDArray[np.integer]) -> npt.NDArray[np.intp]:
    """The month whose interest each day accrues towards: ``E(m-1) <= t < E(m)``.

    >>> accrual_month(np.array([0, 29, 30, 60])).tolist()
    [1, 1, 2, 3]
    """
    return np.searchsorted(_E, days, side="right")


def month_length(m: int) -> int:
    """Days in month ``m``: ``E(m) - E(m-1)``, 30 or 31.

    >>> [month_length(m) for m in (1, 2, 3, 12)]
    [30, 30, 31, 31]
    """
    return STATEMENT_DAYS[m] - STATEMENT_DAYS[m - 1]


def flow_on_day(t: int, amount: float) -> CashFlow:
    """A flow on day ``t`` in month units: whole statements before it plus the
    fraction of the month in progress (odd days simple, as calc.schedule).

    >>> f = flow_on_day(45, -100)
    >>> f.period, round(f.fraction, 4)
    (1, 0.5)
    """
    p = int(np.searchsorted(_E, t, side="right")) - 1
    frac = (t - STATEMENT_DAYS[p]) / (STATEMENT_DAYS[p + 1] - STATEMENT_DAYS[p])
    return CashFlow(round_fen(amount), p, frac)
