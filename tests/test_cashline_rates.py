"""A cash line's realised rates the way lenders and regulators compute them
(issue 19 A; domain.md §2 "A cash line's realised rates", §3 "which rate a
line is held against").

Expected values are worked by hand in the comments, from Reg Z App. J's
unit-period rules and the closed forms of simple daily interest; none is
pasted from the code under test.  Calendar: statements on days E(m) =
floor(365 m / 12) = 30, 60, 91, 121, ..., 334, 365, so statements 1, 2 run
30 days and statement 3 runs 31 (91 − 60).
"""

from __future__ import annotations

import math

import pytest

from calc.burden import Household, from_cash_line, timeline
from calc.cash_vs_installment import compare_with_installment
from calc.cashline import Draw, LineTerms, Repayment, RepaymentPlan, simulate
from calc.schedule import PlanTerms
from calc.warnings import evaluate

#: 0.07% a day on a 备用金 line: simple daily interest; contract 365 × 0.07% = 25.55%
DAY_7 = LineTerms(limit=50_000, rate=0.0007)
#: 日息万5: contract 365 × 0.05% = 18.25%
DAY_5 = LineTerms(limit=50_000, rate=0.0005)
#: 0.035% a day, the issue's 等额本息 line
DAY_35 = LineTerms(limit=50_000, rate=0.00035)
ANNUAL_18 = LineTerms(limit=200_000, rate=0.18, rate_unit="annual")


def repaid_on(day: int, line: LineTerms = DAY_7, amount: float = 10_000):
    """``amount`` drawn on day 0, repaid in full on ``day`` (随借随还)."""
    return simulate([Draw(amount)], line, RepaymentPlan("flexible", repayments=(Repayment(day),)))


class TestSingleAdvanceSinglePayment:
    """Reg Z App. J (b)(4)(ii): one advance repaid by one payment has its term as
    its unit period, at most a year; (b)(5)(vi)–(vii): 365 / D of them a year."""

    @pytest.mark.parametrize("days", [10, 30, 45, 180, 365])
    def test_simple_daily_interest_is_365_d_for_any_term_up_to_a_year(self, days):
        # interest 10,000 × 0.0007 × D = 7 D; i = 7 D / 10,000 over one D-day unit
        # period; APR = i × 365 / D = 0.0007 × 365 = 0.2555 whatever D
        r = repaid_on(days)
        assert r.totals.interest == round(7.0 * days, 2)
        assert r.rates.unit == "term_days" and r.rates.term_days == days
        assert r.rates.nominal == pytest.approx(0.2555, abs=1e-12)
        # effective: (1 + 0.0007 D)^(365 / D) − 1; at D = 365 it is the APR itself
        assert r.rates.effective == pytest.approx((1 + 0.0007 * days) ** (365 / days) - 1)
        assert r.above_line and r.rates.above_line

    @pytest.mark.parametrize("days", [10, 45, 365])
    def test_wan5_shows_18_25_not_18_00_17_91_16_88(self, days):
        # the issue: 0.05%/day repaid after 10 / 45 / 365 days showed 18.00 / 17.91 /
        # 16.88% (monthly-compounded i × 12); App. J gives 0.0005 × 365 = 18.25%
        r = repaid_on(days, DAY_5)
        assert f"{r.rates.nominal:.2%}" == "18.25%"

    def test_the_issue_s_loan_above_the_line(self):
        # ¥10,000 at 0.07%/day repaid once on day 365: 10,000 × 0.0007 × 365 =
        # ¥2,555.00; i = 0.2555 over one 365-day unit period: APR 25.55%, above
        # 24%.  Not the old 12 × (1.2555^(1/12) − 1): ln 1.2555 = 0.22753, / 12 =
        # 0.018961, e^0.018961 − 1 = 0.019142, × 12 = 22.97%
        r = repaid_on(365)
        assert r.totals.interest == 2555.0
        assert f"{r.rates.nominal:.2%}" == "25.55%"
        assert f"{r.contract_rate:.2%}" == "25.55%" and f"{r.held_rate:.2%}" == "25.55%"
        assert r.above_line and not r.effective_above_line

    def test_two_years_has_a_year_as_its_unit_period(self):
        # 730 days: interest 10,000 × 0.0007 × 730 = 5,110; the unit period is a
        # year, two of them: (1 + i)^2 = 1.511, i = √1.511 − 1 = 1.229228 − 1 =
        # 22.92% (1.229228² = 1.511002).  The contract's 25.55% is higher: the
        # line is held against it
        r = repaid_on(730)
        assert r.totals.interest == 5110.0
        assert r.rates.unit == "year"
        assert r.rates.nominal == pytest.approx(math.sqrt(1 + 730 * 0.0007) - 1, abs=1e-12)
        assert f"{r.rates.nominal:.2%}" == "22.92%"
        assert r.rates.held == pytest.approx(0.2555) and r.rates.held_is_contract
        assert r.above_line

    def test_a_fee_counts_and_the_term_can_start_late(self):
        # drawn on day 10, repaid on day 40, a 1% fee: 50 + 5,000 × 0.0005 × 30 = 125;
        # i = 125 / 5,000 = 2.5% over the 30-day term: 0.025 × 365 / 30 = 30.42%
        card = LineTerms(limit=50_000, rate=0.0005, fee_rate=0.01, fee_min=10)
        r = simulate([Draw(5_000, day=10)], card,
                     RepaymentPlan("flexible", repayments=(Repayment(40),)))
        assert r.totals.cost == 125.0 and r.rates.term_days == 30
        assert f"{r.rates.nominal:.2%}" == "30.42%"

    def test_a_month_priced_by_the_year_counts_months(self):
        # 先息后本 for one month at 18% a year: the month charges 10,000 × 0.18 / 12 =
        # 150; a line charging by the month counts its term in months: 12 ÷ 1 unit
        # periods a year, APR 0.015 × 12 = 18.00% (App. J (b)(5)(vii))
        r = simulate([Draw(10_000)], ANNUAL_18, RepaymentPlan("interest_only", term_months=1))
        assert r.totals.interest == 150.0
        assert r.rates.unit == "term_months"
        assert f"{r.rates.nominal:.2%}" == "18.00%"


class TestSeveralPayments:
    def test_a_month_is_the_unit_period(self):
        # ¥10,000 at 18% a year, 等额本息 over 12: 1.5% a month on the schedule, APR
        # 12 × 1.5% = 18.00%; the contract rate is 18% too
        r = simulate([Draw(10_000)], ANNUAL_18, RepaymentPlan("equal_payment", term_months=12))
        assert r.rates.unit == "month"
        assert f"{r.rates.nominal:.2%} {r.contract_rate:.2%}" == "18.00% 18.00%"

    def test_two_repayments(self):
        # 5,000 repaid on day 30 and the rest on day 60 is two payments: a month
        # as the unit period.  Day 30: 150 interest + 5,000; days 30..59 on 5,000:
        # 75.  i solves 10,000 = 5,150 / (1 + i) + 5,075 / (1 + i)^2, and days 30
        # and 60 are months 1 and 2: at i = 1.5%, 5,075 / 1.015² = 5,000 / 1.015,
        # and (5,150 + 5,000) / 1.015 = 10,000, so i = 1.5% exactly, APR 18.00%,
        # below the contract's 18.25%, which the line is held against
        r = simulate([Draw(10_000)], DAY_5, RepaymentPlan(
            "flexible", repayments=(Repayment(30, 5_150.0), Repayment(60))))
        assert r.totals.interest == 225.0
        assert r.rates.unit == "month" and r.rates.periodic == pytest.approx(0.015, abs=1e-9)
        assert f"{r.rates.nominal:.2%}" == "18.00%"
        assert r.rates.held == pytest.approx(0.1825) and r.rates.held_is_contract


class TestNeverRepaid:
    def test_a_draw_never_repaid_has_no_rate_and_shows_the_contract(self):
        # 0.05%/day, no repayment: not paid off within 100 years.  The old code
        # counted what was owed at the end as paid and showed 2.96%; now there is
        # no realised rate, the reason, and the contract's 365 × 0.05% = 18.25%
        r = simulate([Draw(10_000)], DAY_5, RepaymentPlan("flexible"))
        assert r.status == "not_paid_off"
        assert r.rates is None and r.no_rate_reason == "not_repaid" and "no_rate" in r.flags
        assert r.contract_rate == pytest.approx(0.1825) and r.held_rate == pytest.approx(0.1825)
        assert not r.above_line

    def test_never_repaid_above_the_line_is_held_against_the_contract(self):
        # 0.07%/day never repaid: no realised rate, contract 25.55% > 24%
        r = simulate([Draw(10_000)], DAY_7, RepaymentPlan("flexible"))
        assert r.rates is None and r.above_line

    def test_a_purchase_paid_in_full_costs_nothing(self):
        # an interest-free card purchase paid in full: no interest was charged at the
        # contract's 18.25%, so it is not held against it: 0%, below every line
        card = LineTerms(limit=10_000, rate=0.0005, interest_free=True, compounding="monthly")
        r = simulate([Draw(3_000, day=5)], card, RepaymentPlan("revolving"))
        assert r.rates.nominal == 0.0 and r.rates.contract is None and r.held_rate == 0.0
        assert r.contract_rate == pytest.approx(0.1825)


class TestByTheDayInstallments:
    """Term methods on a line priced per day charge B × d × the statement's actual
    days (domain.md §2); ¥5,000 at 0.035%/day over 12 months."""

    def test_equal_payment(self):
        # the level payment is the annuity at the monthly equivalent
        # i = 0.00035 × 365 / 12 = 1.0645833%: 1.0106458^12 = 1.135500, 5,000 ×
        # 0.0106458 / (1 − 1/1.1355) = 53.229 / 0.119331 = 446.06.
        # statement 1 (30 days): 5,000 × 0.00035 × 30 = 52.50 (the old code: a
        #   month's 5,000 × 1.0645833% = 53.23); principal 446.06 − 52.50 = 393.56
        # statement 2 (30 days): 4,606.44 × 0.00035 × 30 = 48.3676 -> 48.37;
        #   principal 397.69, balance 4,208.75
        # statement 3 (31 days): 4,208.75 × 0.00035 × 31 = 45.6649 -> 45.66
        r = simulate([Draw(5_000)], DAY_35, RepaymentPlan("equal_payment", term_months=12))
        assert r.statements.interest[:3].tolist() == [52.5, 48.37, 45.66]
        assert r.statements.paid[:11].tolist() == [446.06] * 11
        # the last payment absorbs the difference: what is left, with its own
        # 31 days (365 − 334) of interest
        left = float(r.statements.principal[10])
        assert r.statements.paid[11] == round(left + round(left * 0.00035 * 31, 2), 2)
        assert r.statements.paid[11] != 446.06
        assert r.payoff_day == 365
        # the daily ledger accrues 5,000 × 0.00035 = 1.75 a day (the old code:
        # 53.23 / 30 = 1.7743), and statement 3's 45.66 over its 31 days
        assert r.ledger.interest[0] == pytest.approx(1.75)
        assert r.ledger.interest[60] == pytest.approx(45.66 / 31)

    def test_equal_principal(self):
        # principal 5,000 / 12 cut to the fen: 416.66 × 11 and 416.74 last.
        # statement 1: 52.50 + 416.66 = 469.16; statement 2: 4,583.34 × 0.00035 ×
        # 30 = 48.125 -> 48.13; statement 3: 4,166.68 × 0.00035 × 31 = 45.2085 -> 45.21
        r = simulate([Draw(5_000)], DAY_35, RepaymentPlan("equal_principal", term_months=12))
        assert r.statements.interest[:3].tolist() == [52.5, 48.13, 45.21]
        assert r.statements.paid[0] == 469.16

    def test_interest_only(self):
        # 30-day statements charge 5,000 × 0.00035 × 30 = 52.50, 31-day ones
        # 54.25; a year of them is 5,000 × 0.00035 × 365 = 638.75; the last
        # (31 days) repays the principal with it: 5,054.25
        r = simulate([Draw(5_000)], DAY_35, RepaymentPlan("interest_only", term_months=12))
        assert r.statements.interest[:3].tolist() == [52.5, 52.5, 54.25]
        assert r.totals.interest == 638.75
        assert r.statements.paid[11] == 5054.25

    def test_the_contract_rate_is_held_beside(self):
        # the contract's 365 × 0.035% = 12.775% shows beside the realised APR
        r = simulate([Draw(5_000)], DAY_35, RepaymentPlan("interest_only", term_months=12))
        assert r.contract_rate == pytest.approx(0.12775)
        assert r.rates.held == pytest.approx(max(r.rates.nominal, 0.12775))

    @pytest.mark.parametrize("method", ["equal_payment", "interest_only"])
    def test_a_loan_priced_per_year_keeps_r_over_12(self, method):
        # a bank's 18% a year repaid monthly charges 10,000 × 0.015 = 150 in its
        # 31-day third month as in its 30-day first: ¥916.80 a month, ¥1,001.60 of
        # interest for 等额本息, 12 × 150 = ¥1,800 for 先息后本
        r = simulate([Draw(10_000)], ANNUAL_18, RepaymentPlan(method, term_months=12))
        if method == "equal_payment":
            assert r.statements.paid[0] == 916.8 and r.totals.interest == 1001.6
        else:
            assert r.statements.interest.tolist() == [150.0] * 12


class TestTheWarningsReadTheHeldRate:
    """calc.warnings' 24% and 4 × LPR rules read an obligation's nominal_rate;
    a cash line's is the held rate (calc.burden.from_cash_line)."""

    def test_the_issue_s_loan_warns_on_the_budget(self):
        # 25.55% > 24% and > 4 × 3.00% = 12%
        o = from_cash_line(repaid_on(365))
        assert o.nominal_rate == pytest.approx(0.2555)
        codes = [w.code for w in evaluate(timeline(Household(), [o]))]
        assert "rate_above_line" in codes and "rate_above_court_cap" in codes
        assert "effective_above_line" not in codes

    def test_a_draw_never_repaid_is_held_against_its_contract(self):
        o = from_cash_line(simulate([Draw(10_000)], DAY_7, RepaymentPlan("flexible")))
        assert o.nominal_rate == pytest.approx(0.2555) and o.effective_rate is None
        assert "rate_above_line" in [w.code for w in evaluate(timeline(Household(), [o]))]

    def test_two_years_is_held_against_the_contract(self):
        # realised 22.92% (below 24%) but the contract says 25.55%: the line fires
        o = from_cash_line(repaid_on(730))
        assert o.nominal_rate == pytest.approx(0.2555)
        assert "rate_above_line" in [w.code for w in evaluate(timeline(Household(), [o]))]

    def test_the_same_purchase_table_holds_the_same_rate(self):
        # the cash-line row of "the same purchase" flags the 25.55% loan too
        c = compare_with_installment(
            10_000, DAY_7, RepaymentPlan("flexible", repayments=(Repayment(365),)),
            PlanTerms(kind="addon", periods=12, fee_rate=0.006))
        assert c.cash_line.held == pytest.approx(0.2555) and c.cash_line.above_line
        assert f"{c.cash_line.nominal:.2%}" == "25.55%"
