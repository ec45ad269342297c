"""The one rounding rule for money, to the fen, and for rates and shares, to
the basis point: half away from zero.

Amounts are float64 yuan.  A lender rounds each computed amount (a period's
fee, its interest) to the fen, half away from zero; an amount split into equal
parts (a principal over n installments) is cut down to the fen in each part.
The last installment of a schedule absorbs whatever is left over, so the
parts always add up to the totals exactly in fen and none is negative.

Binary floats cannot hold most decimal fractions (1.005 is stored as
1.00499999999999989...), so the rule works on the decimal value the user
typed: the amount in fen is nudged by 1e-6 fen before flooring.  That nudge
is far below a fen and far above float64's error for any amount under a
billion yuan.

Rates and shares are shown to 0.01% (one basis point) by the same rule
(:func:`basis_points`, which ``ui.fmt.pct`` formats), and every line a
warning holds them against is compared in whole basis points as shown
(:func:`shown_above`, :func:`shown_at_least`): a share of 55.005% is shown
as 55.01%, so it is above 55%.  Python's ``round`` and ``np.round`` round
half to even and are not used for either.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

__all__ = ["round_fen", "round_fen_array", "ceil_fen", "floor_fen", "split_evenly",
           "basis_points", "shown_above", "shown_at_least"]

_NUDGE = 1e-6


def round_fen(amount: float) -> float:
    """Round yuan to the fen, half away from zero.

    Examples
    --------
    >>> round_fen(833.3333333)
    833.33
    >>> round_fen(1.005), round_fen(-1.005), round_fen(2.675)
    (1.01, -1.01, 2.68)
    """
    fen = math.floor(abs(amount) * 100.0 + 0.5 + _NUDGE)
    return math.copysign(fen / 100.0, amount) if fen else 0.0


def round_fen_array(amounts: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """:func:`round_fen` applied elementwise to an array.

    >>> round_fen_array([1.005, -1.005, 2.675, -0.001]).tolist()
    [1.01, -1.01, 2.68, 0.0]
    """
    a = np.asarray(amounts, dtype=np.float64)
    return np.copysign(np.floor(np.abs(a) * 100.0 + 0.5 + _NUDGE) / 100.0, a) + 0.0


def ceil_fen(amount: float) -> float:
    """Round yuan up to the next whole fen (toward +infinity): the least
    amount in fen that is at least ``amount``, as for a payment that must
    cover a sum.  An amount already whole in fen, as typed, stays as it is.

    Examples
    --------
    >>> ceil_fen(833.3333333), ceil_fen(0.01), ceil_fen(1.10), ceil_fen(-1.234)
    (833.34, 0.01, 1.1, -1.23)
    """
    return math.ceil(amount * 100.0 - _NUDGE) / 100.0 + 0.0


def floor_fen(amount: float) -> float:
    """Cut yuan down to the whole fen below (toward -infinity), as for the
    most that may be paid without going over.  An amount already whole in
    fen, as typed, stays as it is.

    Examples
    --------
    >>> floor_fen(833.3399999), floor_fen(0.29), floor_fen(-1.231)
    (833.33, 0.29, -1.24)
    """
    return math.floor(amount * 100.0 + _NUDGE) / 100.0 + 0.0


def split_evenly(total: float, n: int) -> npt.NDArray[np.float64]:
    """Split ``total`` (>= 0) into ``n`` equal parts cut down to the fen, the
    last part absorbing the remainder, so the parts add up to ``total`` in fen
    and none is negative (rounding each part to the nearest fen could leave
    the last one below zero: ¥1 in 52 parts of ¥0.02).

    >>> split_evenly(10000, 12).tolist()[-2:]
    [833.33, 833.37]
    >>> split_evenly(1, 52).tolist()[-2:]
    [0.01, 0.49]
    >>> round(float(split_evenly(10000, 12).sum()), 2)
    10000.0
    """
    each = math.floor(round_fen(total) * 100.0 / n + _NUDGE) / 100.0
    parts = np.full(n, each)
    parts[-1] = round_fen(total - each * (n - 1))
    return parts


def basis_points(fraction: float) -> int:
    """A fraction in whole basis points (0.01%), half away from zero, as
    the app shows it; the same nudge as :func:`round_fen` reads the decimal
    value, so 0.55005 (stored as 0.55004999...) is 5,501 bp, 55.01%.

    Raises ``ValueError`` (NaN) or ``OverflowError`` (±infinity): a rate
    that is not finite has no basis points.

    Examples
    --------
    >>> basis_points(0.55005), basis_points(0.36005), basis_points(0.24005)
    (5501, 3601, 2401)
    >>> basis_points(0.12005), basis_points(-0.000049), basis_points(0.130342)
    (1201, 0, 1303)
    """
    bp = math.floor(abs(fraction) * 10_000.0 + 0.5 + _NUDGE)
    return -bp if fraction < 0 and bp else bp


def _shown(x: float, line: float) -> tuple[float, float]:
    if math.isfinite(x) and math.isfinite(line):
        return float(basis_points(x)), float(basis_points(line))
    return x, line  # an infinite rate is above every finite line


def shown_above(x: float, line: float) -> bool:
    """Whether ``x`` as shown to 0.01% is above ``line`` as shown: for the
    lines a debt may reach but not pass (the 24% line, 4 × LPR, 36%, 55%).

    >>> shown_above(0.55005, 0.55), shown_above(0.550049, 0.55), shown_above(0.240008, 0.24)
    (True, False, False)
    """
    a, b = _shown(x, line)
    return a > b


def shown_at_least(x: float, line: float) -> bool:
    """Whether ``x`` as shown to 0.01% is at or above ``line`` as shown: for
    a line that counts "or more" (25% of income on debt service).

    >>> shown_at_least(0.249951, 0.25), shown_at_least(0.24995, 0.25), shown_at_least(0.2499, 0.25)
    (True, True, False)
    """
    a, b = _shown(x, line)
    return a >= b
