"""calc.cash_vs_installment: the same purchase on a cash line and on an
installment plan.  Expected values derived by hand in the comments."""

from __future__ import annotations

import pytest

from calc.cash_vs_installment import CashVsInstallment, WayToPay, compare_with_installment
from calc.cashline import (
    Draw,
    Faults,
    LatePayment,
    LineTerms,
    Repayment,
    RepaymentPlan,
    Rollover,
    simulate,
)
from calc.errors import InputError
from calc.schedule import PlanTerms

ANNUAL_18 = LineTerms(limit=200_000, rate=0.18, rate_unit="annual")
DAY_5 = LineTerms(limit=50_000, rate=0.0005)
ADDON = PlanTerms(kind="addon", periods=12, fee_rate=0.006)


class TestSamePurchase:
    def test_same_loan_two_ways(self):
        # ¥10,000 at 18% a year, 等额本息 over 12 months either way: 12 × 916.80,
        # interest 1,001.60, i = 1.5% a month
        c = compare_with_installment(10_000, ANNUAL_18, RepaymentPlan("equal_payment"),
                                     PlanTerms(kind="equal_payment", periods=12, rate=0.18))
        assert isinstance(c, CashVsInstallment) and isinstance(c.cash_line, WayToPay)
        assert c.cash_line.cost == c.installment.cost == 1001.6
        assert c.cash_line.nominal == pytest.approx(c.installment.nominal, abs=1e-9)
        assert (c.cash_line.payments, c.cash_line.payoff_month) == (12, 12.0)

    def test_cash_line_earns_the_cash_discount(self):
        # a "0%" plan forgoing 5% of 3,999 costs 199.95 (calc.schedule); the cash
        # line draws the cash price 3,799.05 and repays it on day 30 at 0.05%/day:
        # 3,799.05 × 0.0005 × 30 = 56.98575 -> 56.99
        c = compare_with_installment(
            3999, DAY_5, RepaymentPlan("flexible", repayments=(Repayment(30),)),
            PlanTerms(kind="free", periods=12), cash_discount=0.05)
        assert c.installment.cost == 199.95
        assert c.cash_line.cost == 56.99

    def test_the_rollover_counts(self):
        # 先息后本 ¥10,000 at 18% over 3 months, the first 2 payments of 150
        # borrowed from a second line at 0.05%/day: line 2 charges 150 × 0.0005 ×
        # 30 = 2.25 and 302.25 × 0.0005 × 31 = 4.68 (test_cashline.TestRollover).
        # The purchase costs 3 × 150 + 2.25 + 4.68 = 456.93, all paid on day 91
        # with the principal: 10,456.93 in one payment, as the page's headline
        # says; without the rollover it would be 450.00
        plan = RepaymentPlan("interest_only", term_months=3)
        roll = Rollover(months=2, limit=10_000, rate=0.0005)
        c = compare_with_installment(10_000, ANNUAL_18, plan, ADDON, rollover=roll)
        headline = simulate([Draw(10_000)], ANNUAL_18, plan, rollover=roll).totals
        assert c.cash_line.cost == headline.cost == 456.93
        assert c.cash_line.interest == 456.93 and c.cash_line.total_paid == 10_456.93
        assert (c.cash_line.payments, c.cash_line.first_payment) == (1, 10_456.93)
        plain = compare_with_installment(10_000, ANNUAL_18, plan, ADDON)
        assert plain.cash_line.cost == 450.0

    def test_faults_count(self):
        # statement 3's 150 paid 10 days late (grace 3): 150 × 1.5 × 0.18/365 ×
        # 10 = 1.1096 -> 1.11, plus 违约金 max(7.50, 10) = 10: cost 450 + 11.11
        plan = RepaymentPlan("interest_only", term_months=3)
        c = compare_with_installment(10_000, ANNUAL_18, plan, ADDON,
                                     faults=Faults(late=(LatePayment(2, 10),)))
        assert (c.cash_line.penalties, c.cash_line.cost) == (11.11, 461.11)

    def test_never_paid_off_has_no_month(self):
        # 随借随还 with no repayment at all: never paid off, no payoff month
        c = compare_with_installment(1_000, DAY_5, RepaymentPlan("flexible"), ADDON)
        assert c.cash_line.status == "not_paid_off" and c.cash_line.payoff_month is None

    def test_the_24_percent_line(self):
        # 京东白条 at 1.2% a period (domain.md §4): 25.60% nominal, above the line;
        # a ¥3,000 cash advance for 30 days at 0.05%/day with a ¥30 fee: (30 +
        # 45)/3,000 = 2.5% a month, 30% nominal, above too; 18% is below
        card = LineTerms(limit=50_000, rate=0.0005, fee_rate=0.01, fee_min=10)
        c = compare_with_installment(3_000, card,
                                     RepaymentPlan("flexible", repayments=(Repayment(30),)),
                                     PlanTerms(kind="addon", periods=12, fee_rate=0.012))
        assert c.installment.above_line and c.cash_line.above_line
        low = compare_with_installment(10_000, ANNUAL_18, RepaymentPlan("equal_payment"), ADDON)
        assert not low.cash_line.above_line and not low.cash_line.effective_above_line

    def test_down_payment_leaving_nothing_to_draw(self):
        with pytest.raises(InputError) as e:
            compare_with_installment(1_000, DAY_5, RepaymentPlan("flexible"),
                                     PlanTerms(kind="free", periods=3, down_payment=1_000))
        assert (e.value.code, e.value.params["field"]) == ("out_of_range", "down_payment")
