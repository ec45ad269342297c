"""Rates solved from cash-flow schedules, and their annualisations.

Every product in the app becomes a list of :class:`CashFlow` (money to the
borrower positive, money from the borrower negative).  :func:`periodic_rate`
solves the rate per unit period that makes the flows balance; the
annualisations below turn it into the figures a lender or a regulator quotes,
each under its own name (see ``domain.md`` §2):

========================  =========================  ==========================
function                  formula                    who quotes it
========================  =========================  ==========================
:func:`nominal_apr`       i × n                      PBoC "单利" form, US APR
:func:`effective_annual`  (1 + i)^n − 1              PBoC "IRR/复利", EU APRC
:func:`average_balance`   cost ÷ Σ balance × years   some calculators
:func:`advertised_rate`   fee per period × n         marketing
========================  =========================  ==========================

Examples
--------
The classroom example: ¥10,000 repaid in 12 monthly installments with a fee of
0.6% of the original principal each month (¥833.33 + ¥60 a month):

>>> flows = [CashFlow(10_000, 0)] + [CashFlow(-10_000 / 12 - 60, k) for k in range(1, 13)]
>>> i = periodic_rate(flows)
>>> f"{advertised_rate(0.006, 12):.2%} advertised"
'7.20% advertised'
>>> f"APR {nominal_apr(i, 12):.2%}, effective {effective_annual(i, 12):.2%}"
'APR 13.03%, effective 13.84%'
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import overload

import numpy as np
import numpy.typing as npt

from calc.errors import InputError, RateError
from calc.units import MONTHS_PER_YEAR

__all__ = [
    "CashFlow",
    "npv",
    "periodic_rate",
    "periodic_rate_batch",
    "nominal_apr",
    "effective_annual",
    "average_balance",
    "advertised_rate",
    "ODD_DAYS",
]

ODD_DAYS = ("simple", "compound")

# Search grid in x = ln(1 + i): from |x| = 1e-10 outwards by a factor 1.25 up
# to |x| = 30, that is i from about -1 + 1e-13 up to about 1e13 per period.
_GRID_STEPS = np.concatenate(([0.0], 1e-10 * 1.25 ** np.arange(0, 120)))
_GRID_STEPS = _GRID_STEPS[_GRID_STEPS <= 30.0]


@dataclass(frozen=True, slots=True)
class CashFlow:
    """One payment: ``amount`` yuan (+ to the borrower), due ``period`` whole
    unit periods plus ``fraction`` of one after the start (0 <= fraction < 1)."""

    amount: float
    period: int
    fraction: float = 0.0


_Floats = npt.NDArray[np.float64]


def _arrays(flows: Iterable[CashFlow]) -> tuple[_Floats, _Floats, _Floats]:
    items = list(flows)
    if not items:
        raise RateError("not_a_loan", reason="no_flows")
    a = np.empty(len(items))
    t = np.empty(len(items))
    f = np.empty(len(items))
    for k, cf in enumerate(items):
        amount, period, fraction = cf.amount, cf.period, cf.fraction
        try:
            amount, fraction = float(amount), float(fraction)
        except (TypeError, ValueError):
            raise InputError("not_a_number", field="flow", got=cf) from None
        if not (math.isfinite(amount) and math.isfinite(fraction)):
            raise InputError("not_a_number", field="flow", got=cf)
        if isinstance(period, bool) or not isinstance(period, (int, np.integer)) or period < 0:
            raise InputError("out_of_range", field="flow_period", min=0, got=period)
        if not 0.0 <= fraction < 1.0:
            raise InputError(
                "out_of_range", field="flow_fraction", min=0, max=1, max_open=True, got=fraction
            )
        a[k], t[k], f[k] = amount, period, fraction
    return a, t, f


def _log_discount(x: _Floats, t: _Floats, f: _Floats, odd_days: str) -> _Floats:
    """ln D for each (x, flow): shape (len(x), len(t)); x = ln(1 + i)."""
    col = x[:, None]
    if odd_days == "compound":
        return -(t + f) * col
    return -t * col - np.log1p(f * np.expm1(col))


def _check_odd_days(odd_days: str) -> None:
    if odd_days not in ODD_DAYS:
        raise InputError("unknown_code", field="odd_days", got=odd_days)


@overload
def npv(flows: Iterable[CashFlow], rate: float, *, odd_days: str = ...) -> float: ...


@overload
def npv(flows: Iterable[CashFlow], rate: _Floats, *, odd_days: str = ...) -> _Floats: ...


def npv(
    flows: Iterable[CashFlow], rate: float | _Floats, *, odd_days: str = "simple"
) -> float | _Floats:
    """Net present value of ``flows`` at ``rate`` per unit period (a float), or
    at each of an array of rates (an array).

    ``D = 1 / ((1 + f*i) * (1 + i)**t)`` for ``odd_days="simple"`` (US Reg Z
    App. J), ``D = (1 + i) ** -(t + f)`` for ``"compound"`` (EU APRC).

    >>> npv([CashFlow(100, 0), CashFlow(-110, 1)], 0.10)
    0.0
    >>> npv([CashFlow(100, 0), CashFlow(-110, 1)], np.array([0.0, 0.1])).tolist()
    [-10.0, 0.0]
    """
    _check_odd_days(odd_days)
    rates = np.atleast_1d(np.asarray(rate, dtype=float))
    bad = ~(np.isfinite(rates) & (rates > -1.0))
    if np.any(bad):
        raise InputError("out_of_range", field="rate", min=-1, min_open=True,
                         got=float(rates[bad][0]))
    a, t, f = _arrays(flows)
    values: _Floats = (a * np.exp(_log_discount(np.log1p(rates), t, f, odd_days))).sum(axis=1)
    return float(values[0]) if np.ndim(rate) == 0 else values


def _signs(a: _Floats, logd: _Floats) -> _Floats:
    """Sign of sum(a * exp(logd)) per row, safe from overflow."""
    m: _Floats = logd.max(axis=1, keepdims=True)
    rows: _Floats = (a * np.exp(logd - m)).sum(axis=1)  # NumPy types a reduction as Any
    return np.sign(rows)


def _refine(
    a: _Floats, t: _Floats, f: _Floats, odd_days: str, lo: float, hi: float, s_lo: float
) -> float:
    """Root of the NPV in x between lo and hi (signs differ), by Newton's
    method kept inside the shrinking bracket, bisecting when a step leaves it."""
    c = float(_log_discount(np.array([0.5 * (lo + hi)]), t, f, odd_days).max())
    x = 0.5 * (lo + hi)
    for _ in range(200):
        logd = _log_discount(np.array([x]), t, f, odd_days)[0] - c
        w = a * np.exp(logd)
        h = float(w.sum())
        if h == 0.0:
            return x
        if odd_days == "compound":
            dl = -(t + f)
        else:
            ex = math.exp(x)
            dl = -t - f * ex / (1.0 + f * (ex - 1.0))
        dh = float((w * dl).sum())
        if np.sign(h) == s_lo:
            lo = x
        else:
            hi = x
        step = h / dh if dh != 0.0 else math.inf
        nx = x - step
        if not (min(lo, hi) < nx < max(lo, hi)):
            nx = 0.5 * (lo + hi)
        if abs(nx - x) <= 1e-17 + 2e-16 * abs(x) or abs(hi - lo) <= 2e-16 * max(abs(lo), abs(hi)):
            return nx
        x = nx
    return x


def periodic_rate(flows: Sequence[CashFlow], *, odd_days: str = "simple") -> float:
    """The rate ``i`` per unit period with ``sum(amount * D) == 0``.

    Parameters
    ----------
    flows : sequence of CashFlow
        Money to the borrower positive, from the borrower negative.
    odd_days : {"simple", "compound"}
        How a fraction ``f`` of a unit period is discounted:
        ``D = 1 / ((1 + f*i) * (1 + i)**t)`` ("simple", US Reg Z App. J (b)(6))
        or ``D = (1 + i) ** -(t + f)`` ("compound", EU APRC, XIRR-style).

    Returns
    -------
    float
        The root above -1 closest to zero, found by scanning outward from
        zero in ln(1 + i) and refining with bracketed Newton steps.

    Raises
    ------
    RateError
        ``not_a_loan`` when the flows do not both receive and pay money;
        ``no_rate`` when no rate above -100% balances them.

    Notes
    -----
    Solves ``sum_k CF_k * D(t_k, f_k; i) = 0``.  When every flow falls on
    whole periods this is the ordinary internal rate of return.

    Examples
    --------
    Reg Z App. J (b)(9): $1,000 repaid by 36 monthly payments of $33.61.

    >>> flows = [CashFlow(1000, 0)] + [CashFlow(-33.61, k) for k in range(1, 37)]
    >>> f"{nominal_apr(periodic_rate(flows), 12):.2%}"
    '12.83%'
    """
    _check_odd_days(odd_days)
    a, t, f = _arrays(flows)
    keep = a != 0.0
    a, t, f = a[keep], t[keep], f[keep]
    if not (np.any(a > 0) and np.any(a < 0)):
        raise RateError("not_a_loan", reason="one_sign")
    scale = np.abs(a).sum()
    total = a.sum()
    if abs(total) <= 1e-15 * scale:
        return 0.0
    s0 = math.copysign(1.0, total)
    roots: list[float] = []
    for direction in (1.0, -1.0):
        xs = direction * _GRID_STEPS
        signs = _signs(a, _log_discount(xs, t, f, odd_days))
        change = np.nonzero(signs != s0)[0]
        if change.size:
            k = int(change[0])
            if signs[k] == 0.0:
                roots.append(float(xs[k]))
            else:
                roots.append(_refine(a, t, f, odd_days, float(xs[k - 1]), float(xs[k]), s0))
    if not roots:
        raise RateError("no_rate")
    x = min(roots, key=abs)
    return float(math.expm1(x))


def periodic_rate_batch(principal: npt.ArrayLike, payments: npt.ArrayLike) -> _Floats:
    """Rates of many regular schedules at once.

    Schedule ``j`` receives ``principal[j]`` at time 0 and pays
    ``payments[j, k]`` at the end of period ``k + 1``; shorter schedules pad
    ``payments`` with zeros.  Such a schedule changes sign once, so exactly
    one rate above -100% balances it.

    Notes
    -----
    With ``v = 1 / (1 + i)``, ``g(v) = sum_k payments[k] v**(k+1) - principal``
    is increasing and convex for ``v > 0``, so Newton's method converges to the
    root from any start (after at most one step it approaches from above, never
    overshooting).  The start is the root of the second-order expansion of
    ``g`` around ``i = 0``; all rows iterate together, evaluated by Horner's
    rule column by column, grouped by schedule length.

    Raises
    ------
    InputError
        ``out_of_range`` for a principal that is not positive, a negative
        payment, or a row that pays nothing; ``not_a_number`` for NaN or inf.

    Examples
    --------
    >>> rates = periodic_rate_batch(np.array([10_000.0, 1000.0]),
    ...                             np.array([[10_720 / 12] * 12, [1100.0] + [0.0] * 11]))
    >>> [f"{r:.4%}" for r in rates]
    ['1.0862%', '10.0000%']
    """
    p = np.asarray(principal, dtype=float)
    pay = np.asarray(payments, dtype=float)
    if p.ndim != 1 or pay.ndim != 2 or pay.shape[0] != p.shape[0]:
        raise InputError("out_of_range", field="batch_shape", got=(p.shape, pay.shape))
    if not (np.all(np.isfinite(p)) and np.all(np.isfinite(pay))):
        raise InputError("not_a_number", field="batch", got="nan_or_inf")
    if np.any(p <= 0):
        raise InputError(
            "out_of_range", field="principal", min=0, min_open=True, got=float(p.min())
        )
    if pay.size and np.any(pay < 0):
        raise InputError("out_of_range", field="payment", min=0, got=float(pay.min()))
    if p.size == 0:
        return np.empty(0)
    nonzero = pay != 0
    if not np.all(nonzero.any(axis=1)):
        raise InputError("out_of_range", field="payments_total", min=0, min_open=True, got=0.0)
    k_max = pay.shape[1]
    lengths = k_max - np.argmax(nonzero[:, ::-1], axis=1)

    # start: root of S - P - D i + E i^2 = 0 (second-order expansion of the NPV)
    k = np.arange(1, k_max + 1, dtype=float)
    s = pay.sum(axis=1)
    d = pay @ k
    e = pay @ (k * (k + 1) / 2)
    gain = s - p
    disc = np.maximum(d * d - 4 * e * gain, 0.0)
    i0 = 2 * gain / (d + np.sqrt(disc))
    i0 = np.clip(i0, -0.9, 10.0)

    out = np.empty_like(p)
    payt = pay.T
    for n in np.unique(lengths):
        rows = np.nonzero(lengths == n)[0]
        cols = np.ascontiguousarray(payt[:n, rows])
        out[rows] = _newton_v(p[rows], cols, 1.0 / (1.0 + i0[rows]))
    return out


def _newton_v(p: _Floats, cols: _Floats, v: _Floats) -> _Floats:
    """Newton on g(v) = sum_k cols[k-1] v^k - p for all rows; returns i."""
    n = cols.shape[0]
    b = np.empty_like(v)
    db = np.empty_like(v)
    tmp = np.empty_like(v)
    for _ in range(100):
        b[:] = cols[n - 1]
        db[:] = 0.0
        for k in range(n - 2, -1, -1):
            np.multiply(db, v, out=db)
            np.add(db, b, out=db)
            np.multiply(b, v, out=b)
            np.add(b, cols[k], out=b)
        # g = v*b - p ; g' = b + v*db ; step = g / g'
        np.multiply(v, db, out=db)
        np.add(db, b, out=db)
        np.multiply(v, b, out=tmp)
        np.subtract(tmp, p, out=tmp)
        np.divide(tmp, db, out=tmp)
        np.subtract(v, tmp, out=v)
        if np.max(np.abs(tmp) / v) <= 4e-16:
            break
    return 1.0 / v - 1.0


def nominal_apr(rate: float, periods_per_year: float) -> float:
    """Nominal annual rate ``i * n``: the PBoC's simple (单利) form and the US APR.

    >>> round(nominal_apr(0.01, 12), 10)
    0.12
    """
    return rate * periods_per_year


def effective_annual(rate: float, periods_per_year: float) -> float:
    """Effective annual rate ``(1 + i)**n - 1``: the PBoC's compound (IRR)
    form and the EU APRC.

    A rate too large for a float is ``inf``: ¥1 borrowed and ¥11 repaid the
    next day is ``i = 10`` a day, and ``11**365 ≈ 10^380`` has no float (the
    nominal APR, ``365 × 10 = 3,650``, still does).

    >>> f"{effective_annual(0.0005, 365):.2%}"
    '20.02%'
    >>> effective_annual(10.0, 365)
    inf
    """
    try:
        return math.expm1(periods_per_year * math.log1p(rate))
    except OverflowError:
        return math.inf


def average_balance(total_cost: float, balance_years: float) -> float:
    """Average-balance rate: total cost ÷ Σ(balance outstanding × years).

    For an add-on fee r over n months this is ``24 r n / (n + 1)``:

    >>> balance_years = sum(10_000 * (12 - k) / 12 for k in range(12)) / 12
    >>> f"{average_balance(720, balance_years):.2%}"
    '13.29%'
    """
    if balance_years <= 0:
        raise InputError(
            "out_of_range", field="balance_years", min=0, min_open=True, got=balance_years
        )
    return total_cost / balance_years


def advertised_rate(fee_per_period: float, periods_per_year: float = MONTHS_PER_YEAR) -> float:
    """The marketing figure: fee per period × periods per year (月费率×12).

    >>> f"{advertised_rate(0.006):.2%}"
    '7.20%'
    """
    return fee_per_period * periods_per_year
