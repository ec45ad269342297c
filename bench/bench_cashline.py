"""Time ten years of daily accrual on one cash line against the 20 ms target.

Run as ``python bench/bench_cashline.py``.  Each case is a full
:func:`calc.cashline.simulate` call (month loop, daily ledger, statements,
totals and the rate solve); the figure is the median of several runs after one
warm-up.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from calc.cashline import (  # noqa: E402
    Draw,
    LineTerms,
    Repayment,
    RepaymentPlan,
    simulate,
)

TARGET_MS = 20.0
RUNS = 25
DAY_5 = LineTerms(limit=200_000, rate=0.0005, rate_unit="daily", fee_rate=0.01, fee_min=10)
#: the same price on a card: unpaid charges compound monthly
CARD = LineTerms(limit=200_000, rate=0.0005, rate_unit="daily", fee_rate=0.01, fee_min=10,
                 compounding="monthly")

CASES = {
    # 随借随还: ¥10,000 out for 3,650 days, a few repayments on the way
    "flexible, 3,650 days": lambda: simulate(
        [Draw(10_000, 0), Draw(5_000, 400)], DAY_5,
        RepaymentPlan("flexible", repayments=(Repayment(900, 3_000), Repayment(2_000, 4_000),
                                              Repayment(3_650))),
    ),
    # 等额本息 over 120 months
    "equal_payment, 120 months": lambda: simulate(
        [Draw(100_000)], LineTerms(200_000, 0.18, "annual"),
        RepaymentPlan("equal_payment", term_months=120),
    ),
    # a card balance paid ¥183 a month: about 122 statements
    "revolving fixed, ~10 years": lambda: simulate(
        [Draw(10_000)], CARD, RepaymentPlan("revolving", pay_rule="fixed", fixed_payment=183),
    ),
    # the minimum with no floor: ~150 statements, then the stall is found
    "revolving minimum, no floor": lambda: simulate(
        [Draw(10_000)], CARD, RepaymentPlan("revolving", pay_rule="minimum", min_floor=0.0),
    ),
}


def median_ms(fn) -> float:
    fn()
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000.0


def main() -> int:
    worst = 0.0
    for name, fn in CASES.items():
        days = len(fn().ledger.day)
        ms = median_ms(fn)
        worst = max(worst, ms)
        verdict = "ok" if ms < TARGET_MS else "SLOW"
        print(f"{name:28s} {days:6d} days  median {ms:6.2f} ms"
              f"  (target {TARGET_MS:.0f} ms) {verdict}")
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
