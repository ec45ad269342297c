"""Solve 100,000 random regular schedules with ``periodic_rate_batch`` and, in
the same run, a sample with ``numpy_financial.irr`` and ``pyxirr.irr``.

Prints per-schedule microseconds, the speed ratios, and the largest error of
each solver against a tight reference solve (SciPy's ``brentq`` at machine
tolerance on a pure-Python ``math.fsum`` NPV) on a sample of the schedules.

Targets (issue 2): at least 100x faster than numpy-financial and 3x faster
than pyxirr per schedule; largest error below 1e-12.

Run: ``python bench/bench_rates.py [--n 100000] [--sample 2000] [--seed 1]``
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from calc.rates import periodic_rate_batch  # noqa: E402
from calc.units import annuity_payment, monthly_rate  # noqa: E402


def random_schedules(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Add-on installments and amortizing loans of 3 to 36 months, with
    realistic fees: 0-1.5% a month add-on, or 0-36% a year amortizing."""
    rng = np.random.default_rng(seed)
    periods = rng.integers(3, 37, n)
    principal = np.round(rng.uniform(300, 50_000, n), 2)
    payments = np.zeros((n, 36))
    addon = rng.random(n) < 0.5
    fee = rng.uniform(0.0, 0.015, n)
    annual = rng.uniform(0.0, 0.36, n)
    cols = np.arange(36)
    live = cols[None, :] < periods[:, None]
    # add-on: principal / n + principal * fee, every period
    addon_pay = principal / periods + principal * fee
    # amortizing: 等额本息's level payment at the monthly rate annual / 12
    level = np.array([annuity_payment(float(p), monthly_rate(float(r), "annual"), int(k))
                      for p, r, k in zip(principal, annual, periods, strict=True)])
    each = np.where(addon, addon_pay, level)
    payments[live] = np.broadcast_to(np.round(each, 2)[:, None], payments.shape)[live]
    return principal, payments


def reference_rate(p: float, row: np.ndarray) -> float:
    from scipy.optimize import brentq

    last = max(k for k, x in enumerate(row) if x != 0.0) + 1
    pays = [float(row[k]) for k in range(last)]

    def f(r: float) -> float:
        v = 1.0 / (1.0 + r)
        return math.fsum([-p] + [a * v ** (k + 1) for k, a in enumerate(pays)])

    return brentq(f, -0.99, 10.0, xtol=1e-18, rtol=8.9e-16, maxiter=500)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--sample", type=int, default=2_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    import numpy_financial as npf
    import pyxirr

    principal, payments = random_schedules(args.n, args.seed)
    periodic_rate_batch(principal[:1000], payments[:1000])  # warm up

    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        rates = periodic_rate_batch(principal, payments)
        times.append(time.perf_counter() - t0)
    batch_us = statistics.median(times) / args.n * 1e6

    rng = np.random.default_rng(args.seed + 1)
    sample = rng.choice(args.n, size=min(args.sample, args.n), replace=False)
    series = []
    for j in sample:
        last = int(np.nonzero(payments[j])[0].max()) + 1
        series.append([principal[j]] + [-x for x in payments[j, :last]])
    series_np = [np.array(s) for s in series]

    t0 = time.perf_counter()
    npf_rates = np.array([npf.irr(s) for s in series_np])
    npf_us = (time.perf_counter() - t0) / len(series) * 1e6

    pyxirr.irr(series[0])
    t0 = time.perf_counter()
    pyx_rates = np.array([pyxirr.irr(s) for s in series])
    pyx_us = (time.perf_counter() - t0) / len(series) * 1e6

    ref = np.array([reference_rate(principal[j], payments[j]) for j in sample])

    def worst(x: np.ndarray) -> float:
        x = np.asarray(x, dtype=float)
        return float(np.nanmax(np.abs(x - ref))) if np.all(np.isfinite(x)) else math.inf

    print(f"schedules: {args.n:,} regular, 3-36 periods; sample for the others: {len(sample):,}")
    print(f"periodic_rate_batch : {batch_us:8.3f} us/schedule (median of 5 runs)")
    print(f"numpy_financial.irr : {npf_us:8.3f} us/schedule  ratio {npf_us / batch_us:8.1f}x "
          "(target >= 100x)")
    print(f"pyxirr.irr          : {pyx_us:8.3f} us/schedule  ratio {pyx_us / batch_us:8.1f}x "
          "(target >= 3x)")
    print(f"largest |error| vs reference (per period), batch : {worst(rates[sample]):.2e} "
          "(target < 1e-12)")
    print(f"largest |error| vs reference (per period), npf   : {worst(npf_rates):.2e}")
    print(f"largest |error| vs reference (per period), pyxirr: {worst(pyx_rates):.2e}")


if __name__ == "__main__":
    main()
