"""Tests for calc.cashline: the engine's conventions, one class each.

Expected values are derived by hand in the comments (closed forms and
domain.md figures), never pasted from the code under test.  Calendar used by
the package: statements on days E(m) = floor(365 m / 12) = 30, 60, 91, 121, ...

The minimum-payment rules are in test_cashline_minimum.py, the Hypothesis
properties in test_cashline_properties.py, the comparison with an
installment plan in test_cash_vs_installment.py.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from calc import cashline as cl
from calc.cashline import (
    COMPOUNDING,
    DEBT_CAP,
    HORIZON_DAYS,
    LIMITS,
    PAY_RULES,
    STATUSES,
    Draw,
    Faults,
    LatePayment,
    LineTerms,
    Repayment,
    RepaymentPlan,
    Rollover,
    compare_pay_rules,
    quoted_rates,
    simulate,
    statement_days,
)
from calc.errors import InputError
from calc.money import round_fen
from calc.presets import CASH_LINE_PRESETS
from calc.units import daily_rate

FAST = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

ANNUAL_18 = LineTerms(limit=200_000, rate=0.18, rate_unit="annual")
#: 日息万5 on a 备用金 line: simple daily interest (the default compounding)
DAY_5 = LineTerms(limit=50_000, rate=0.0005, rate_unit="daily")
#: 日息万5 on a card: unpaid charges compound monthly (domain.md §1)
CARD = replace(DAY_5, compounding="monthly")
CARD_CASH = replace(CARD, fee_rate=0.01, fee_min=10)


class TestCalendarAndQuotes:
    def test_statement_days(self):
        # floor(365 m / 12): 30.42 -> 30, 60.83 -> 60, 91.25 -> 91, ..., 365
        assert statement_days(12).tolist() == [0, 30, 60, 91, 121, 152, 182, 212, 243,
                                               273, 304, 334, 365]

    def test_annual_is_daily_over_365(self):
        # 0.1825 / 365 = 0.0005
        assert daily_rate(0.1825, "annual") == pytest.approx(0.0005, abs=1e-15)

    def test_wan5_is_18_25_simple_20_02_compound(self):
        # 0.0005 × 365 = 0.1825; 1.0005^365 − 1 = exp(365 ln 1.0005) − 1
        # = exp(0.182454) − 1 = 0.20016 -> 20.02%
        simple, compound = quoted_rates(0.0005, "daily")
        assert round(simple, 6) == 0.1825
        assert round(compound, 4) == 0.2002

    def test_annual_and_daily_price_accrue_the_same(self):
        # 18.25% a year is 0.05% a day: ¥10,000 for 30 days = 10,000 × 0.0005 × 30 = ¥150
        plan = RepaymentPlan("flexible", repayments=(Repayment(30),))
        a = simulate([Draw(10_000)], LineTerms(50_000, 0.1825, "annual"), plan)
        d = simulate([Draw(10_000)], DAY_5, plan)
        assert a.totals.interest == d.totals.interest == 150.0


class TestPackage:
    def test_public_names(self):
        # the package re-exports what calc.cashline offered before it was split,
        # less to_frame (ui.frames) and the installment comparison
        # (calc.cash_vs_installment)
        for name in ("METHODS", "TERM_METHODS", "PAY_RULES", "MIN_RULES", "COMPOUNDING",
                     "RATE_UNITS", "STATUSES", "FLAGS", "ROLLOVER_STOPS", "HORIZON_MONTHS",
                     "DEBT_CAP", "LIMITS", "Draw", "Repayment", "LineTerms", "RepaymentPlan",
                     "LatePayment", "Faults", "Rollover", "Ledger", "Statements", "Totals",
                     "LineRates", "CashLineResult", "PayRuleOutcome", "simulate",
                     "compare_pay_rules", "statement_days", "quoted_rates"):
            assert name in cl.__all__ and hasattr(cl, name), name
        assert not hasattr(cl, "to_frame") and not hasattr(cl, "Comparison")

    def test_rates_are_fractions_and_named_so(self):
        # style.md: in calc, ``_pct`` means percent; the cash line's fractions are ``_rate``
        assert not [k for k in LIMITS if k.endswith("_pct")]
        for cls in (LineTerms, RepaymentPlan, Faults, Rollover):
            assert not [f for f in cls.__dataclass_fields__ if f.endswith("_pct")], cls


class TestTermMethods:
    """¥10,000 at 18% a year over 12 months: i = 0.18 / 12 = 1.5% a month."""

    def test_equal_payment(self):
        # A = 10,000 × 0.015 / (1 − 1.015^−12); 1.015^12 = 1.195618, so
        # 1 − 1/1.195618 = 0.163613 and A = 150 / 0.163613 = 916.80.
        # Twelve payments of 916.80 = 11,001.60: interest 1,001.60.
        r = simulate([Draw(10_000)], ANNUAL_18, RepaymentPlan("equal_payment", term_months=12))
        assert r.statements.paid.tolist() == [916.8] * 12
        assert r.totals.interest == 1001.6
        assert r.totals.paid == 11001.6
        assert (r.status, r.payoff_day, r.payoff_month) == ("paid_off", 365, 12)

    def test_equal_principal(self):
        # principal 10,000/12 a month; interest 150 × (12 + 11 + ... + 1) / 12
        # = 150 × 78 / 12 = 975.00; first payment 833.33 + 150 = 983.33
        r = simulate([Draw(10_000)], ANNUAL_18, RepaymentPlan("equal_principal", term_months=12))
        assert r.totals.interest == 975.0
        assert r.statements.paid[0] == 983.33

    def test_interest_only(self):
        # 150 a month for 12 months = 1,800; the principal with the last
        r = simulate([Draw(10_000)], ANNUAL_18, RepaymentPlan("interest_only", term_months=12))
        assert r.totals.interest == 1800.0
        assert r.statements.paid.tolist() == [150.0] * 11 + [10_150.0]

    def test_rates_are_the_contract_rate(self):
        # a loan that pays 1.5% a month on its balance has i = 1.5%:
        # APR 12 × 1.5% = 18%, effective 1.015^12 − 1 = 19.56%
        for method in ("equal_payment", "equal_principal", "interest_only"):
            r = simulate([Draw(10_000)], ANNUAL_18, RepaymentPlan(method))
            assert round(r.rates.nominal, 4) == 0.18
            assert round(r.rates.effective, 4) == 0.1956

    def test_daily_accrual_adds_up_to_the_month(self):
        # the ledger spreads the month's 150.00 over its 30 days: 5.00 a day
        r = simulate([Draw(10_000)], ANNUAL_18, RepaymentPlan("interest_only"))
        assert r.ledger.interest[0] == pytest.approx(5.0)
        assert r.ledger.interest[:30].sum() == pytest.approx(150.0)

    @pytest.mark.parametrize("method", cl.TERM_METHODS)
    def test_compounding_is_not_a_term_method_term(self, method):
        # term methods charge the schedule's interest by the month whatever the
        # line's compounding: the same ¥1,001.60 / ¥975.00 / ¥1,800.00 either way
        runs = [simulate([Draw(10_000)], replace(ANNUAL_18, compounding=c), RepaymentPlan(method))
                for c in COMPOUNDING]
        assert runs[0].totals == runs[1].totals


class TestCompounding:
    """Simple daily interest on a 备用金 line, monthly compounding on a card
    (domain.md §1)."""

    def test_simple_daily_interest_on_the_principal(self):
        # domain.md §1: ¥10,000 repaid after 45 days at 0.05%/day costs
        # 10,000 × 0.0005 × 45 = ¥225.00.  The day-30 statement charges
        # 10,000 × 0.0005 × 30 = 150.00, owed but earning nothing; days 30..44
        # accrue on the principal only: 10,000 × 0.0005 × 15 = 75.00.
        plan = RepaymentPlan("flexible", repayments=(Repayment(45),))
        r = simulate([Draw(10_000)], DAY_5, plan)
        assert r.statements.interest.tolist() == [150.0, 75.0]
        assert r.totals.interest == 225.0 and r.totals.paid == 10_225.0
        # the ledger: 5.00 a day on 10,000 before and after the statement; on
        # day 44, 150.00 charged and 14 × 5 + 5 = 75.00 accrued
        assert r.ledger.interest[29] == pytest.approx(5.0)
        assert r.ledger.interest[30] == pytest.approx(5.0)
        assert r.ledger.owed[44] == 10_150.0
        assert r.ledger.accrued[44] == pytest.approx(75.0)

    def test_a_card_compounds_monthly(self):
        # the same loan on a card: the day-30 charge joins the balance, so days
        # 30..44 accrue on 10,150: 10,150 × 0.0005 × 15 = 76.125 -> 76.13;
        # 150 + 76.13 = ¥226.13
        plan = RepaymentPlan("flexible", repayments=(Repayment(45),))
        r = simulate([Draw(10_000)], CARD, plan)
        assert r.statements.interest.tolist() == [150.0, 76.13]
        assert r.totals.interest == 226.13
        assert r.ledger.interest[30] == pytest.approx(10_150 * 0.0005)

    def test_three_months_unpaid(self):
        # nothing repaid until day 91 (statement 3: its interest is charged,
        # then the repayment pays everything).  Simple: 10,000 × 0.0005 × 30,
        # × 30, × 31 = 150, 150, 155 = 455.  Monthly: 150; 10,150 × 0.015 =
        # 152.25; 10,302.25 × 0.0005 × 31 = 159.684875 -> 159.68; 461.93.
        plan = RepaymentPlan("flexible", repayments=(Repayment(91),))
        simple = simulate([Draw(10_000)], DAY_5, plan)
        card = simulate([Draw(10_000)], CARD, plan)
        assert simple.statements.interest.tolist() == [150.0, 150.0, 155.0]
        assert card.statements.interest.tolist() == [150.0, 152.25, 159.68]
        assert (simple.totals.interest, card.totals.interest) == (455.0, 461.93)

    def test_unpaid_interest_on_a_revolving_line_grows_linearly(self):
        # ¥100 a month against ¥150 (30 days) / ¥155 (31 days) of simple interest:
        # each payment goes to the interest, the principal stays 10,000 and the
        # unpaid interest piles up without earning any: owed 10,050 after month
        # 1, 10,100 after month 2, 10,100 + 155 − 100 = 10,155 after month 3
        plan = RepaymentPlan("revolving", pay_rule="fixed", fixed_payment=100)
        r = simulate([Draw(10_000)], DAY_5, plan)
        assert r.statements.owed[:3].tolist() == [10_050.0, 10_100.0, 10_155.0]
        assert r.statements.principal[:3].tolist() == [10_000.0] * 3
        assert r.statements.interest[:3].tolist() == [150.0, 150.0, 155.0]

    @pytest.mark.parametrize(("pid", "compounding"), [
        ("suixingjie_low", "none"), ("suixingjie_high", "none"), ("weilidai", "none"),
        ("card_cash", "monthly"), ("card_revolve", "monthly"),
    ])
    def test_each_preset_says_how_it_compounds(self, pid, compounding):
        # domain.md §1: 备用金 lines (随星借, 微粒贷) simple; card products monthly
        assert CASH_LINE_PRESETS[pid].compounding == compounding

    def test_the_default_is_simple(self):
        assert LineTerms(1, 0).compounding == "none" and COMPOUNDING == ("none", "monthly")


class TestCardCashAdvance:
    def test_5000_for_30_days_costs_125(self):
        # fee max(1% × 5,000, 10) = 50; interest 5,000 × 0.0005 × 30 = 75; 125 in all
        plan = RepaymentPlan("flexible", repayments=(Repayment(30),))
        r = simulate([Draw(5_000)], CARD_CASH, plan)
        assert (r.totals.fees, r.totals.interest, r.totals.cost) == (50.0, 75.0, 125.0)
        assert r.totals.paid == 5125.0
        # one advance, one payment (Reg Z App. J (b)(4)(ii)): the unit period is
        # the 30-day term, i = 125 / 5,000 = 2.5%, 365 / 30 of them a year: APR
        # 0.025 × 12.1667 = 30.42% (domain.md: "≈30% annualised for 30 days");
        # effective 1.025^12.1667 − 1 = e^(12.1667 × 0.0246926) − 1 =
        # e^0.300427 − 1 = 35.04%
        assert r.rates.unit == "term_days" and r.rates.term_days == 30
        assert round(r.rates.nominal, 4) == 0.3042
        assert round(r.rates.effective, 4) == 0.3504

    def test_fee_minimum(self):
        # 1% of 500 is 5, below the ¥10 minimum
        r = simulate([Draw(500)], CARD_CASH, RepaymentPlan("flexible", repayments=(Repayment(0),)))
        assert r.totals.fees == 10.0

    def test_interest_runs_to_the_day_before_repayment(self):
        # drawn day 10, repaid day 17: 7 days × 10,000 × 0.0005 = 35.00, settled on day 17
        plan = RepaymentPlan("flexible", repayments=(Repayment(17),))
        r = simulate([Draw(10_000, day=10)], DAY_5, plan)
        assert r.totals.interest == 35.0
        assert r.payoff_day == 17


class TestTheLine24:
    """domain.md §3: the 24% line is held against the higher of the realised
    APR and the contract's simple rate; an effective rate above it while
    neither is is a milder note."""

    def test_a_30_percent_cash_advance_is_above(self):
        # ¥5,000 for 30 days, ¥125: i = 2.5% over 30 days, APR 30.42% > 24%
        plan = RepaymentPlan("flexible", repayments=(Repayment(30),))
        rates = simulate([Draw(5_000)], CARD_CASH, plan).rates
        assert rates.above_line and not rates.effective_above_line

    def test_24_percent_is_on_the_line_and_only_its_effective_rate_above(self):
        # 随星借's top rate, 24% a year as d = 24%/365 a day, 等额本息 over 12
        # months on a line priced per day: each statement charges B × d × its
        # days, the first 10,000 × 0.24 / 365 × 30 = 197.26; the level payment is
        # the annuity at the monthly equivalent d × 365 / 12 = 2%: 10,000 × 0.02
        # / (1 − 1.02^−12) = 945.596 -> 945.60.  The contract's simple rate is
        # 365 d = 24.00%, on the line, not above; the two 30-day months come
        # first, when the balance is largest, so the realised APR is a little
        # under 24%, and the line is held against the higher, 24.00%.  The
        # effective rate, (1 + i)^12 − 1 with i near 2%, is near 1.02^12 − 1 =
        # 26.8% (above: the milder note)
        p = CASH_LINE_PRESETS["suixingjie_high"]
        line = LineTerms(limit=p.limit, rate=p.rate, rate_unit=p.rate_unit)
        r = simulate([Draw(10_000)], line, RepaymentPlan(p.method))
        assert r.statements.paid[0] == 945.6 and r.statements.interest[0] == 197.26
        assert r.rates.nominal < 0.24 and round(r.rates.held, 4) == 0.24
        assert r.rates.contract == pytest.approx(0.24)
        assert 0.26 < r.rates.effective < 0.27
        assert not r.rates.above_line and r.rates.effective_above_line

    def test_18_percent_is_below_both_ways(self):
        # 1.5% a month: nominal 18%, effective 19.56%, both under 24%
        rates = simulate([Draw(10_000)], ANNUAL_18, RepaymentPlan("equal_payment")).rates
        assert not rates.above_line and not rates.effective_above_line


class TestRevolving:
    def test_minimum_payment_trap_37_months(self):
        # domain.md §2: ¥10,000 at 0.05%/day paying 10% of the balance monthly,
        # at least ¥100, takes 37 months (test_cashline_minimum.py has the rest
        # of the table).  The first statement: interest 10,000 × 0.0005 × 30 =
        # 150, statement 10,150, minimum 1,015
        r = simulate([Draw(10_000)], CARD,
                     RepaymentPlan("revolving", pay_rule="minimum", min_rate=0.10,
                                   min_floor=100))
        assert r.payoff_month == 37
        assert r.statements.interest[0] == 150.0
        assert r.statements.paid[0] == 1015.0

    def test_purchase_paid_in_full_is_free(self):
        # a purchase on day 5 is on the first statement, day E(1) = 30, paid in
        # full there: no interest on an interest-free line, no fee, nothing more owed
        card = LineTerms(limit=10_000, rate=0.0005, interest_free=True, compounding="monthly")
        r = simulate([Draw(3_000, day=5)], card, RepaymentPlan("revolving"))
        assert r.totals.cost == 0.0 and r.payoff_day == 30

    def test_minimum_loses_the_free_period_on_the_whole_statement(self):
        # 3,000 from day 0 to the statement on day 30: 3,000 × 0.0005 × 30 = 45.00
        card = LineTerms(limit=10_000, rate=0.0005, interest_free=True, compounding="monthly")
        r = simulate([Draw(3_000)], card, RepaymentPlan("revolving", pay_rule="minimum"))
        assert r.statements.interest[0] == 45.0

    def test_never_pays_off(self):
        # ¥100 a month against ~¥150 a month of interest on a card: the debt grows
        r = simulate([Draw(10_000)], CARD,
                     RepaymentPlan("revolving", pay_rule="fixed", fixed_payment=100))
        assert r.status == "not_paid_off" and r.payoff_day is None
        assert "payment_below_interest" in r.flags
        # owed grows by ~1.5% a month: past ¥1e9 after about ln(1e5)/ln(1.015) ≈ 773
        # months, so the run stops there, well inside the 100-year horizon
        assert "debt_cap" in r.flags and r.ledger.balance[-1] > DEBT_CAP
        assert len(r.ledger.day) < HORIZON_DAYS
        assert np.all(np.isfinite(r.ledger.balance))
        # annuity at the average month's rate i = 0.0005 × 365/12 = 1.520833%:
        # 1.0152083^12 = 1.19856, 10,000 × i / (1 − 1/1.19856) = 918.00.  The
        # first months have 30 days (less than average), so a little less will
        # do; at most 918.
        assert 917.0 < r.clear_in_12 <= 918.0
        # 36 months: 1.0152083^36 = 1.7218, 10,000 × i / (1 − 1/1.7218) = 362.8
        assert 362.0 < r.clear_in_36 <= 363.0
        fixed = RepaymentPlan("revolving", pay_rule="fixed", fixed_payment=r.clear_in_12)
        assert simulate([Draw(10_000)], CARD, fixed).payoff_month <= 12
        less = RepaymentPlan("revolving", pay_rule="fixed", fixed_payment=r.clear_in_12 - 0.01)
        assert simulate([Draw(10_000)], CARD, less).payoff_month > 12

    def test_horizon_is_bounded(self):
        # nothing is ever repaid at 0%: owed stays 10,000 for the whole 100 years
        line = LineTerms(limit=50_000, rate=0.0)
        r = simulate([Draw(10_000)], line, RepaymentPlan("flexible"))
        assert r.status == "not_paid_off"
        assert len(r.ledger.day) == HORIZON_DAYS + 1 and r.ledger.balance[-1] == 10_000.0
        # never repaid: no realised rate, and the reason (domain.md §2)
        assert r.rates is None and r.no_rate_reason == "not_repaid"
        assert "no_rate" in r.flags
        # no interest was charged at the contract's 0%: nothing to hold a line against
        assert r.contract_rate == 0.0 and r.held_rate is None
        # at 0% the payment that clears it in 12 months is 10,000 / 12 = 833.34 rounded up
        assert r.clear_in_12 == 833.34


class TestLatePayment:
    def test_late_beyond_grace(self):
        # installment 916.80 due day 91 paid 10 days late (grace 3):
        # penalty interest 916.80 × 1.5 × 0.18/365 × 10 = 6.7817 -> 6.78;
        # 违约金 max(5% × 916.80, 10) = 45.84; 52.62 in all
        faults = Faults(late=(LatePayment(3, 10),), grace_days=3, overdue_multiple=1.5,
                        late_fee_rate=0.05, late_fee_min=10)
        r = simulate([Draw(10_000)], ANNUAL_18, RepaymentPlan("equal_payment"), faults)
        assert r.totals.penalties == 52.62
        assert r.totals.interest == 1001.6
        assert r.ledger.paid[101] == 916.8 + 52.62

    def test_no_interest_after_the_principal_is_repaid(self):
        # ¥1.06 over 26 months at ~0.093%/day: fen rounding clears the principal
        # with installment 25, so a 26th month must charge no interest, even when
        # a late payment keeps the run going past it
        line = LineTerms(limit=1_000, rate=0.0009285586519285351)
        plan = RepaymentPlan("equal_payment", term_months=26)
        on_time = simulate([Draw(1.06)], line, plan)
        late = simulate([Draw(1.06)], line, plan, Faults(late=(LatePayment(25, 40),)))
        assert late.totals.interest == on_time.totals.interest
        assert on_time.ledger.balance[-1] == 0.0

    def test_within_grace_is_free(self):
        faults = Faults(late=(LatePayment(3, 3),), grace_days=3)
        r = simulate([Draw(10_000)], ANNUAL_18, RepaymentPlan("equal_payment"), faults)
        assert r.totals.penalties == 0.0

    def test_a_late_payment_settles_new_charges_first(self):
        # 先息后本 ¥10,000 at 18%/yr with a 1% draw fee (min ¥10): statement 1
        # asks for 150 + the ¥100 fee = 250.  Statement 2 (day 60) asks for 150 and
        # is paid 10 days late, on day 70, after a second draw of ¥1,000 on day 65
        # (fee ¥10).  Penalty: 150 × 1.5 × 0.18/365 × 10 = 1.1096 -> 1.11, plus
        # 违约金 max(5% × 150, 10) = 10: 11.11.  The payment, 161.11, settles
        # charges first, new ones (the penalty and the ¥10 fee) first, so 10.00
        # of the month's interest is left owed.  Statement 3 (day 91) asks for its
        # interest, 150 on the first draw and 1,000 × 0.015 × (91 − 65)/30 =
        # 13.00 on the second (an odd first period of 26 days), and the 10.00
        # left: 173.00; nothing is lost or asked for twice, and the second draw's
        # 12 installments end on statement 3 + 11 = 14.
        line = replace(ANNUAL_18, fee_rate=0.01, fee_min=10)
        plan = RepaymentPlan("interest_only", term_months=12)
        r = simulate([Draw(10_000), Draw(1_000, day=65)], line, plan,
                     Faults(late=(LatePayment(2, 10),)))
        assert r.statements.due[:3].tolist() == [250.0, 150.0, 173.0]
        assert r.statements.penalties[2] == 11.11
        assert (r.status, r.payoff_month) == ("paid_off", 14)


class TestRollover:
    # 先息后本 ¥10,000 at 18%/yr for 3 months: 150 interest due each month.
    # Line 2 at 0.05%/day, no fee, rolls the first 2 payments.
    #   day 30: roll 150                              -> line 2 owes 150.00
    #   day 60: interest 150 × 0.0005 × 30 = 2.25; roll 150 -> 302.25
    #   day 91: interest 302.25 × 0.0005 × 31 = 4.684875 -> 4.68 -> 306.93;
    #           month 3 is not rolled: pay 10,150 and clear 306.93 = 10,456.93
    PLAN = RepaymentPlan("interest_only", term_months=3)

    def test_months(self):
        r = simulate([Draw(10_000)], ANNUAL_18, self.PLAN,
                     rollover=Rollover(months=2, limit=10_000, rate=0.0005))
        assert r.statements.line2_owed.tolist() == [150.0, 302.25, 0.0]
        assert r.totals.line2_interest == round(2.25 + 4.68, 2)
        assert r.totals.paid == 10_456.93
        assert r.statements.paid.tolist() == [0.0, 0.0, 10_456.93]
        assert (r.rollover_stop_month, r.rollover_stop_reason) == (3, "months")

    def test_limit(self):
        # limit 200: day 60 needs 152.25 + 150 = 302.25 > 200 -> stop; pay 150 + 152.25
        r = simulate([Draw(10_000)], ANNUAL_18, self.PLAN,
                     rollover=Rollover(months=2, limit=200, rate=0.0005))
        assert (r.rollover_stop_month, r.rollover_stop_reason) == (2, "limit")
        assert "rollover_limit_hit" in r.flags
        assert r.statements.paid[1] == 302.25

    def test_second_line_balance_each_day(self):
        # what the "moved to the second line" layer draws: line 2's balance with
        # its accrued interest, day by day.  Days 0..29 nothing; day 30 it owes
        # 150.00 and accrues 150 × 0.0005 = 0.075 a day, counted from day 30,
        # so on day t in 30..59 it is 150 + 0.075 (t − 29).  Day 60 charges the
        # 30 days' 2.25 and rolls 150: 302.25, accruing 0.151125 a day, so
        # 302.25 + 0.151125 (t − 59) on days 60..90.  Day 91 clears it.
        r = simulate([Draw(10_000)], ANNUAL_18, self.PLAN,
                     rollover=Rollover(months=2, limit=10_000, rate=0.0005))
        t = np.arange(92)
        want = np.where(t < 30, 0.0,
                        np.where(t < 60, 150 + 0.075 * (t - 29),
                                 np.where(t < 91, 302.25 + 0.151125 * (t - 59), 0.0)))
        assert r.ledger.line2_balance == pytest.approx(want, abs=1e-9)
        # and the three layers add up to what is owed each day
        led = r.ledger
        assert led.principal + led.charges + led.line2_balance == pytest.approx(led.balance)


class TestBadInput:
    @pytest.mark.parametrize(
        ("kwargs", "code", "field"),
        [
            ({"draws": [Draw(-1)]}, "out_of_range", "draw_amount"),
            ({"draws": [Draw(float("nan"))]}, "not_a_number", "draw_amount"),
            ({"draws": [Draw(300_000)]}, "out_of_range", "draw_amount"),
            ({"draws": [Draw(100, day=-1)]}, "out_of_range", "draw_day"),
            ({"draws": [Draw(100, day=1.5)]}, "not_integer", "draw_day"),
            ({"draws": []}, "out_of_range", "draws_count"),
            ({"line": LineTerms(0, 0.18, "annual")}, "out_of_range", "limit"),
            ({"line": LineTerms(1e9, 0.18, "annual")}, "out_of_range", "limit"),
            ({"line": LineTerms(1e4, 0.02, "daily")}, "out_of_range", "rate"),
            ({"line": LineTerms(1e4, 0.18, "monthly")}, "unknown_code", "rate_unit"),
            ({"line": LineTerms(1e4, float("inf"), "annual")}, "not_a_number", "rate"),
            ({"line": LineTerms(1e4, 0.18, "annual", fee_rate=0.2)}, "out_of_range",
             "draw_fee_rate"),
            ({"line": LineTerms(1e4, 0.18, "annual", compounding="daily")}, "unknown_code",
             "compounding"),
            ({"line": LineTerms(1e4, 0.18, "annual", accrual="weekly")}, "unknown_code",
             "accrual"),
            ({"plan": RepaymentPlan("balloon")}, "unknown_code", "method"),
            ({"plan": RepaymentPlan("equal_payment", term_months=0)}, "out_of_range",
             "term_months"),
            ({"plan": RepaymentPlan("revolving", pay_rule="some")}, "unknown_code",
             "pay_rule"),
            ({"plan": RepaymentPlan("revolving", min_rule="some")}, "unknown_code",
             "min_rule"),
            ({"plan": RepaymentPlan("revolving", min_rate=0)}, "out_of_range", "min_rate"),
            ({"plan": RepaymentPlan("equal_payment", repayments=(Repayment(3),))},
             "not_applicable", "repayments"),
            ({"faults": Faults(late=(LatePayment(0, 5),))}, "out_of_range", "late_month"),
            ({"faults": Faults(overdue_multiple=0.5)}, "out_of_range", "overdue_multiple"),
            ({"faults": Faults(late_fee_rate=0.5)}, "out_of_range", "late_fee_rate"),
            ({"rollover": Rollover(3, 1e4, 0.5, "daily")}, "out_of_range", "rollover_rate"),
            ({"rollover": Rollover(3, 1e4, 0.0005, fee_rate=0.5)}, "out_of_range",
             "rollover_fee_rate"),
        ],
    )
    def test_codes(self, kwargs, code, field):
        args = {"draws": [Draw(10_000)], "line": ANNUAL_18,
                "plan": RepaymentPlan("equal_payment"), "faults": None, "rollover": None}
        args.update(kwargs)
        with pytest.raises(InputError) as e:
            simulate(**args)
        assert (e.value.code, e.value.params["field"]) == (code, field)

    def test_draw_beyond_unused_limit(self):
        # 8,000 + 5,000 > 10,000 while the first draw is still out
        line = LineTerms(limit=10_000, rate=0.0005)
        with pytest.raises(InputError) as e:
            simulate([Draw(8_000), Draw(5_000, day=40)], line, RepaymentPlan("flexible"))
        assert e.value.code == "out_of_range" and e.value.params["max"] == 2000.0

    @staticmethod
    def _code(junk, lo, hi, *, lo_open=False, integer=False):
        """The code calc.errors.InputError's contract gives ``junk`` as a number
        in [lo, hi]: ``not_a_number`` for what float() refuses, NaN or inf,
        ``out_of_range`` outside the bounds (``lo`` excluded when ``lo_open``),
        ``not_integer`` for a fraction where a whole number is due; ``None``
        when it is a valid value (text such as "12" is a number)."""
        try:
            x = float(junk)
        except (TypeError, ValueError):
            return "not_a_number"
        if not math.isfinite(x):
            return "not_a_number"
        if x < lo or x > hi or (lo_open and x == lo):
            return "out_of_range"
        if integer and x != int(x):
            return "not_integer"
        return None

    @FAST
    @given(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=3),
                     st.none(), st.integers(-10**12, 10**12)))
    # each path at least once: text that is a number, under half a fen, a limit
    # below the draw, a fraction of a day, a negative, NaN, None, words
    @example("1e3")
    @example(0.004)
    @example(50)
    @example(1.5)
    @example(-1)
    @example(float("nan"))
    @example(None)
    @example("abc")
    def test_garbage_is_an_input_error(self, junk):
        code = self._code
        # the amount: (0, limit]; one under half a fen rounds to no money at all
        amount = code(junk, 0.0, DAY_5.limit, lo_open=True)
        if amount is None and round_fen(float(junk)) == 0.0:
            amount = "out_of_range"
        # a limit below the ¥100 draw is valid, but the draw then does not fit
        limit, limit_field = code(junk, *LIMITS["limit"], lo_open=True), "limit"
        if limit is None and float(junk) < 100:
            limit, limit_field = "out_of_range", "draw_amount"
        cases = (
            (lambda: simulate([Draw(junk)], DAY_5, RepaymentPlan("flexible")),
             amount, "draw_amount"),
            (lambda: simulate([Draw(100, junk)], DAY_5, RepaymentPlan("flexible")),
             code(junk, *LIMITS["day"], integer=True), "draw_day"),
            (lambda: simulate([Draw(100)], LineTerms(junk, 0.0005), RepaymentPlan("flexible")),
             limit, limit_field),
            (lambda: simulate([Draw(100)], LineTerms(1e4, junk), RepaymentPlan("revolving")),
             code(junk, *LIMITS["rate_daily"]), "rate"),
            (lambda: simulate([Draw(100)], DAY_5, RepaymentPlan("revolving", pay_rule="fixed",
                                                               fixed_payment=junk)),
             code(junk, *LIMITS["fixed_payment"]), "fixed_payment"),
            (lambda: simulate([Draw(100)], DAY_5, RepaymentPlan("revolving", pay_rule="minimum",
                                                               min_floor=junk)),
             code(junk, *LIMITS["min_floor"]), "min_floor"),
            # no number or short text is one of METHODS or COMPOUNDING; one of MIN_RULES
            # is three letters ("cmb"), a valid rule
            (lambda: simulate([Draw(100)], DAY_5, RepaymentPlan(junk)),
             "unknown_code", "method"),
            (lambda: simulate([Draw(100)], LineTerms(1e4, 0.0005, compounding=junk),
                              RepaymentPlan("flexible")),
             "unknown_code", "compounding"),
            (lambda: simulate([Draw(100)], DAY_5, RepaymentPlan("revolving", min_rule=junk)),
             None if junk in cl.MIN_RULES else "unknown_code", "min_rule"),
        )
        for build, want, field in cases:
            if want is None:  # a valid value: a run, not an error
                assert build().status in STATUSES
                continue
            with pytest.raises(InputError) as e:
                build()
            assert (e.value.code, e.value.params["field"]) == (want, field), junk


class TestPayRules:
    # ¥10,000 on a card at 0.05% a day, the same draw paid three ways:
    #   full:    day 30 statement 10,000 + 10,000 × 0.0005 × 30 = 10,150, paid: cost 150
    #   minimum: 10% of the statement, at least ¥100: 37 months, ¥1,675.89 of
    #            interest (domain.md §2's table)
    #   fixed 5,100: 10,150 − 5,100 = 5,050; day 60 + 5,050 × 0.0005 × 30 = 75.75,
    #            5,125.75 − 5,100 = 25.75; day 91 + 25.75 × 0.0005 × 31 = 0.399 → 0.40,
    #            26.15 paid: month 3, cost 150 + 75.75 + 0.40 = 226.15
    PLAN = RepaymentPlan("flexible", repayments=(Repayment(400),), fixed_payment=5_100)

    def test_each_rule_on_a_revolving_line(self):
        rows = compare_pay_rules([Draw(10_000)], CARD, self.PLAN)
        assert tuple(r.rule for r in rows) == PAY_RULES
        assert all(r.error is None for r in rows)
        got = [(r.result.payoff_month, r.result.totals.cost) for r in rows]
        assert got == [(1, 150.0), (37, 1675.89), (3, 226.15)]

    def test_the_minimum_follows_the_plan_s_rule(self):
        # CMB's rule at ¥100: 33 months (domain.md §2)
        plan = replace(self.PLAN, min_rule="cmb")
        minimum = compare_pay_rules([Draw(10_000)], CARD, plan)[1]
        assert minimum.result.payoff_month == 33

    def test_faults_apply_only_when_the_plan_is_not_flexible(self):
        # the first statement's payment 10 days late, grace 3 (CMB defaults): on a
        # revolving line the unpaid 10,150 (full rule) costs 10,150 × (1.5 − 1) ×
        # 0.0005 × 10 = 25.375 → 25.38 of penalty interest plus a 违约金 of
        # max(5% × 10,150, 10) = 507.50: 532.88.  A flexible plan has no due
        # dates, so its scenario's late payments are not carried over.
        faults = Faults(late=(LatePayment(1, 10),))
        flexible = compare_pay_rules([Draw(10_000)], CARD, self.PLAN, faults)
        assert [r.result.totals.penalties for r in flexible] == [0.0, 0.0, 0.0]
        revolving = replace(self.PLAN, method="revolving", repayments=())
        full = compare_pay_rules([Draw(10_000)], CARD, revolving, faults)[0]
        assert full.rule == "full" and full.result.totals.penalties == 532.88

    def test_an_error_is_carried_per_rule(self):
        # a draw above the ¥50,000 limit stops every run with the same coded error
        rows = compare_pay_rules([Draw(60_000)], CARD, self.PLAN)
        for r in rows:
            assert r.result is None
            assert (r.error.code, r.error.params["field"]) == ("out_of_range", "draw_amount")

    def test_not_a_plan(self):
        with pytest.raises(InputError) as e:
            compare_pay_rules([Draw(100)], CARD, "revolving")
        assert (e.value.code, e.value.params["field"]) == ("not_a_number", "plan")
