"""Units of time and rate: the one place a year, a month and a day are related.

A lender quotes a nominal rate per year (``annual``, "年利率 18%") or per day
(``daily``, "日息万5" = 0.05% a day).  Everything else in ``calc`` works per
month (an installment's unit period) or per day (a cash line's accrual), so
every conversion between them goes through this module:

=========================  ==============  ==================
function                   annual ``r``     daily ``d``
=========================  ==============  ==================
:func:`daily_rate`         ``r / 365``      ``d``
:func:`monthly_rate`       ``r / 12``       ``d * 365 / 12``
:func:`yearly_rate`        ``r``            ``d * 365``
=========================  ==============  ==================

Conversions are simple (单利): a nominal rate is divided or multiplied, never
compounded.  So one average month, 365 / 12 days, of daily interest is
exactly one month's interest.  The compound forms (``(1 + i)^n - 1``) are
annualisations of a solved rate and live in :mod:`calc.rates`.

Examples
--------
"日息万5" is 18.25% a year simple, 1.5208% a month:

>>> f"{yearly_rate(0.0005, 'daily'):.2%} a year, {monthly_rate(0.0005, 'daily'):.4%} a month"
'18.25% a year, 1.5208% a month'
"""

from __future__ import annotations

import math
import sys
from typing import Any, overload

import numpy as np
import numpy.typing as npt

from calc import validate

__all__ = [
    "MONTHS_PER_YEAR",
    "DAYS_PER_YEAR",
    "RATE_UNITS",
    "daily_rate",
    "monthly_rate",
    "yearly_rate",
    "months_from_days",
    "annuity_payment",
]

#: Unit periods of an installment plan in a year.
MONTHS_PER_YEAR = 12
#: Days in a year for a daily rate (lenders in China quote 日利率 × 365).
DAYS_PER_YEAR = 365
#: How a nominal rate is quoted: per year or per day.
RATE_UNITS = ("annual", "daily")


def _unit(rate_unit: str) -> str:
    return validate.code("rate_unit", rate_unit, RATE_UNITS)


def daily_rate(rate: float, rate_unit: str) -> float:
    """The daily rate of a nominal rate.

    Parameters
    ----------
    rate : float
        Nominal rate as a fraction, per year or per day.
    rate_unit : {"annual", "daily"}
        What ``rate`` is quoted per.

    Returns
    -------
    float
        ``r / 365`` for an annual ``r``, ``d`` for a daily ``d``.

    Raises
    ------
    InputError
        ``unknown_code`` (field ``rate_unit``) for another unit.  The rate
        itself is not range-checked here: callers hold it against their limits.

    Examples
    --------
    18.25% a year is 0.05% a day ("日息万5"):

    >>> daily_rate(0.1825, "annual"), daily_rate(0.0005, "daily")
    (0.0005, 0.0005)
    """
    return rate / DAYS_PER_YEAR if _unit(rate_unit) == "annual" else rate


def monthly_rate(rate: float, rate_unit: str) -> float:
    """The monthly rate of a nominal rate: one installment period's.

    Returns
    -------
    float
        ``r / 12`` for an annual ``r``; ``d * 365 / 12`` for a daily ``d``
        (the average month of daily interest).

    Raises
    ------
    InputError
        ``unknown_code`` (field ``rate_unit``) for another unit.

    Examples
    --------
    18% a year is 1.5% a month; 0.05% a day is 1.5208% a month:

    >>> monthly_rate(0.18, "annual"), round(monthly_rate(0.0005, "daily"), 8)
    (0.015, 0.01520833)
    """
    if _unit(rate_unit) == "annual":
        return rate / MONTHS_PER_YEAR
    return rate * DAYS_PER_YEAR / MONTHS_PER_YEAR


def yearly_rate(rate: float, rate_unit: str) -> float:
    """The nominal rate a year (simple, 单利): what the offer says as a year.

    Returns
    -------
    float
        ``r`` for an annual ``r``; ``d * 365`` for a daily ``d``.

    Raises
    ------
    InputError
        ``unknown_code`` (field ``rate_unit``) for another unit.

    Examples
    --------
    0.05% a day is 18.25% a year simple (compounded daily it would be 20.02%,
    :func:`calc.rates.effective_annual`):

    >>> f"{yearly_rate(0.0005, 'daily'):.2%}", yearly_rate(0.18, "annual")
    ('18.25%', 0.18)
    """
    return rate if _unit(rate_unit) == "annual" else rate * DAYS_PER_YEAR


@overload
def months_from_days(days: float) -> float: ...


@overload
def months_from_days(days: npt.NDArray[Any]) -> npt.NDArray[np.float64]: ...


def months_from_days(
    days: float | npt.NDArray[Any],
) -> float | npt.NDArray[np.float64]:
    """Days as months of the 365-day year: ``days * 12 / 365``.

    Parameters
    ----------
    days : float or ndarray
        A number of days, or an array of them.

    Returns
    -------
    float or ndarray
        The same kind as ``days``: a float for a number, a float64 array for
        an array.

    Examples
    --------
    A year is 12 months, 365 / 12 days one month, and 45 days about 1.48:

    >>> months_from_days(365), months_from_days(365 / 12), round(months_from_days(45), 4)
    (12.0, 1.0, 1.4795)
    >>> months_from_days(np.array([0, 73, 365])).tolist()
    [0.0, 2.4, 12.0]
    """
    if isinstance(days, np.ndarray):
        return np.asarray(days, dtype=np.float64) * MONTHS_PER_YEAR / DAYS_PER_YEAR
    return days * MONTHS_PER_YEAR / DAYS_PER_YEAR


def annuity_payment(principal: float, i: float, n: int) -> float:
    """The level payment of 等额本息 (equal installments), unrounded.

    Parameters
    ----------
    principal : float
        Amount borrowed.
    i : float
        Rate per period as a fraction (> -1).
    n : int
        Number of periods (>= 1).

    Returns
    -------
    float
        The payment ``A`` that repays ``principal`` in ``n`` equal payments at
        the end of each period.  Round it with :func:`calc.money.round_fen`
        where a lender would.

    Notes
    -----
    ``A = P i / (1 - (1 + i)^-n)``, computed as ``P i / -expm1(-n log1p(i))``
    so a tiny ``i`` loses no digits; for ``i == 0``, ``A = P / n``.  When
    ``P i`` would underflow below the smallest normal float (a rate of
    1e-320) it divides first, ``P (i / -expm1(...))``, which keeps the digits.

    Examples
    --------
    ¥10,000 at 18% a year over 12 months, 1.5% a month: 1.015^12 = 1.195618,
    so ``A = 150 / (1 - 1 / 1.195618) = 150 / 0.163613 = 916.80``:

    >>> round(annuity_payment(10_000, 0.015, 12), 2)
    916.8
    >>> annuity_payment(1200, 0.0, 12)
    100.0
    """
    if i == 0.0:
        return principal / n
    denominator = -math.expm1(-n * math.log1p(i))
    numerator = principal * i
    if abs(numerator) < sys.float_info.min:
        return principal * (i / denominator)
    return numerator / denominator
