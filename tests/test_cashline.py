"""Tests for calc.cashline.

Expected values are derived by hand in the comments (closed forms and
domain.md figures), never pasted from the code under test.  Calendar used by
the module: statements on days E(m) = floor(365 m / 12) = 30, 60, 91, 121, ...
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from calc.cashline import (
    DEBT_CAP,
    FLAGS,
    HORIZON_DAYS,
    LIMITS,
    METHODS,
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
    compare_with_installment,
    quoted_rates,
    simulate,
    statement_days,
    to_frame,
)
from calc.errors import InputError
from calc.money import round_fen
from calc.schedule import PlanTerms
from calc.units import daily_rate

FAST = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

ANNUAL_18 = LineTerms(limit=200_000, rate=0.18, rate_unit="annual")
DAY_5 = LineTerms(limit=50_000, rate=0.0005, rate_unit="daily")  # 日息万5
CARD_CASH = LineTerms(limit=50_000, rate=0.0005, fee_pct=0.01, fee_min=10)


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


class TestCardCashAdvance:
    def test_5000_for_30_days_costs_125(self):
        # fee max(1% × 5,000, 10) = 50; interest 5,000 × 0.0005 × 30 = 75; 125 in all
        plan = RepaymentPlan("flexible", repayments=(Repayment(30),))
        r = simulate([Draw(5_000)], CARD_CASH, plan)
        assert (r.totals.fees, r.totals.interest, r.totals.cost) == (50.0, 75.0, 125.0)
        assert r.totals.paid == 5125.0
        # flows +5,000 at month 0, −5,125 at month 1: i = 2.5%, APR 30%
        # (domain.md: "≈30% annualised for 30 days"), effective 1.025^12 − 1 = 34.49%
        assert round(r.rates.nominal, 4) == 0.30
        assert round(r.rates.effective, 4) == 0.3449

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


class TestRevolving:
    def test_minimum_payment_trap_37_months(self):
        # domain.md §2: ¥10,000 at 0.05%/day paying 10% of the balance monthly
        # takes 37 months.  10% alone never ends (the balance only shrinks by
        # 0.9 × 1.015 = 0.9135 a month), so the figure needs a floor: with a
        # ¥100 floor the balance falls geometrically to ~¥1,000 after
        # ln(0.1)/ln(0.9135) ≈ 25.5 months, then ¥100 a month at ~1.5% clears
        # ¥1,000 in −ln(1 − 0.015 × 10)/ln(1.015) ≈ 10.9 months: 25.5 + 10.9 ≈ 37.
        # (With a ¥10 floor it is about 62 months.)
        r = simulate([Draw(10_000)], DAY_5,
                     RepaymentPlan("revolving", pay_rule="minimum", min_pct=0.10,
                                   min_floor=100))
        assert r.payoff_month == 37
        # the first statement: interest 10,000 × 0.0005 × 30 = 150, statement
        # 10,150, minimum 1,015
        assert r.statements.interest[0] == 150.0
        assert r.statements.paid[0] == 1015.0

    def test_purchase_paid_in_full_is_free(self):
        # a purchase on day 5 is on the first statement, day E(1) = 30, paid in
        # full there: no interest on an interest-free line, no fee, nothing more owed
        card = LineTerms(limit=10_000, rate=0.0005, interest_free=True)
        r = simulate([Draw(3_000, day=5)], card, RepaymentPlan("revolving"))
        assert r.totals.cost == 0.0 and r.payoff_day == 30

    def test_minimum_loses_the_free_period_on_the_whole_statement(self):
        # 3,000 from day 0 to the statement on day 30: 3,000 × 0.0005 × 30 = 45.00
        card = LineTerms(limit=10_000, rate=0.0005, interest_free=True)
        r = simulate([Draw(3_000)], card, RepaymentPlan("revolving", pay_rule="minimum"))
        assert r.statements.interest[0] == 45.0

    def test_never_pays_off(self):
        # ¥100 a month against ~¥150 a month of interest: the debt grows
        r = simulate([Draw(10_000)], DAY_5,
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
        assert simulate([Draw(10_000)], DAY_5, fixed).payoff_month <= 12
        less = RepaymentPlan("revolving", pay_rule="fixed", fixed_payment=r.clear_in_12 - 0.01)
        assert simulate([Draw(10_000)], DAY_5, less).payoff_month > 12


    def test_horizon_is_bounded(self):
        # nothing is ever repaid at 0%: owed stays 10,000 for the whole 100 years
        line = LineTerms(limit=50_000, rate=0.0)
        r = simulate([Draw(10_000)], line, RepaymentPlan("flexible"))
        assert r.status == "not_paid_off"
        assert len(r.ledger.day) == HORIZON_DAYS + 1 and r.ledger.balance[-1] == 10_000.0
        assert r.rates.nominal == 0.0
        # at 0% the payment that clears it in 12 months is 10,000 / 12 = 833.34 rounded up
        assert r.clear_in_12 == 833.34


class TestLatePayment:
    def test_late_beyond_grace(self):
        # installment 916.80 due day 91 paid 10 days late (grace 3):
        # penalty interest 916.80 × 1.5 × 0.18/365 × 10 = 6.7817 -> 6.78;
        # 违约金 max(5% × 916.80, 10) = 45.84; 52.62 in all
        faults = Faults(late=(LatePayment(3, 10),), grace_days=3, overdue_multiple=1.5,
                        late_fee_pct=0.05, late_fee_min=10)
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


class TestComparison:
    def test_same_loan_two_ways(self):
        c = compare_with_installment(10_000, ANNUAL_18, RepaymentPlan("equal_payment"),
                                     PlanTerms(kind="equal_payment", periods=12, rate=0.18))
        assert c.cash_line.cost == c.installment.cost == 1001.6
        assert c.cash_line.nominal == pytest.approx(c.installment.nominal, abs=1e-9)
        frame = to_frame(c)
        assert list(frame.index) == ["cash_line", "installment"]
        assert {"cost", "nominal", "effective", "payoff_month"} <= set(frame.columns)

    def test_cash_line_earns_the_cash_discount(self):
        # a "0%" plan forgoing 5% of 3,999 costs 199.95 (calc.schedule); the cash
        # line draws the cash price 3,799.05 and repays it on day 30 at 0.05%/day:
        # 3,799.05 × 0.0005 × 30 = 56.98575 -> 56.99
        c = compare_with_installment(
            3999, DAY_5, RepaymentPlan("flexible", repayments=(Repayment(30),)),
            PlanTerms(kind="free", periods=12), cash_discount=0.05)
        assert c.installment.cost == 199.95
        assert c.cash_line.cost == 56.99


class TestFrames:
    def test_ledger_and_statements(self):
        # 12 installments, the last on statement day E(12) = 365: days 0..365 are
        # 366 ledger rows, and 12 statements
        r = simulate([Draw(10_000)], ANNUAL_18, RepaymentPlan("equal_payment"))
        ledger, statements = to_frame(r.ledger), to_frame(r.statements)
        assert len(ledger) == 366 and len(statements) == 12
        assert all(c.isascii() for c in [*ledger.columns, *statements.columns])


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
            ({"plan": RepaymentPlan("balloon")}, "unknown_code", "method"),
            ({"plan": RepaymentPlan("equal_payment", term_months=0)}, "out_of_range",
             "term_months"),
            ({"plan": RepaymentPlan("revolving", pay_rule="some")}, "unknown_code",
             "pay_rule"),
            ({"plan": RepaymentPlan("revolving", min_pct=0)}, "out_of_range", "min_pct"),
            ({"plan": RepaymentPlan("equal_payment", repayments=(Repayment(3),))},
             "not_applicable", "repayments"),
            ({"faults": Faults(late=(LatePayment(0, 5),))}, "out_of_range", "late_month"),
            ({"faults": Faults(overdue_multiple=0.5)}, "out_of_range", "overdue_multiple"),
            ({"rollover": Rollover(3, 1e4, 0.5, "daily")}, "out_of_range", "rollover_rate"),
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
            # no number or short text is one of METHODS
            (lambda: simulate([Draw(100)], DAY_5, RepaymentPlan(junk)),
             "unknown_code", "method"),
        )
        for build, want, field in cases:
            if want is None:  # a valid value: a run, not an error
                assert build().status in STATUSES
                continue
            with pytest.raises(InputError) as e:
                build()
            assert (e.value.code, e.value.params["field"]) == (want, field), junk


class TestPayRules:
    # ¥10,000 at 0.05% a day, the same draw paid three ways:
    #   full:    day 30 statement 10,000 + 10,000 × 0.0005 × 30 = 10,150, paid: cost 150
    #   minimum: 10% of the statement, at least ¥100: 37 months, ¥1,675.89 of
    #            interest (domain.md §2's table)
    #   fixed 5,100: 10,150 − 5,100 = 5,050; day 60 + 5,050 × 0.0005 × 30 = 75.75,
    #            5,125.75 − 5,100 = 25.75; day 91 + 25.75 × 0.0005 × 31 = 0.399 → 0.40,
    #            26.15 paid: month 3, cost 150 + 75.75 + 0.40 = 226.15
    PLAN = RepaymentPlan("flexible", repayments=(Repayment(400),), fixed_payment=5_100)

    def test_each_rule_on_a_revolving_line(self):
        rows = compare_pay_rules([Draw(10_000)], DAY_5, self.PLAN)
        assert tuple(r.rule for r in rows) == PAY_RULES
        assert all(r.error is None for r in rows)
        got = [(r.result.payoff_month, r.result.totals.cost) for r in rows]
        assert got == [(1, 150.0), (37, 1675.89), (3, 226.15)]

    def test_faults_apply_only_when_the_plan_is_not_flexible(self):
        # the first statement's payment 10 days late, grace 3 (CMB defaults): on a
        # revolving line the unpaid 10,150 (full rule) costs 10,150 × (1.5 − 1) ×
        # 0.0005 × 10 = 25.375 → 25.38 of penalty interest plus a 违约金 of
        # max(5% × 10,150, 10) = 507.50: 532.88.  A flexible plan has no due
        # dates, so its scenario's late payments are not carried over.
        faults = Faults(late=(LatePayment(1, 10),))
        flexible = compare_pay_rules([Draw(10_000)], DAY_5, self.PLAN, faults)
        assert [r.result.totals.penalties for r in flexible] == [0.0, 0.0, 0.0]
        revolving = replace(self.PLAN, method="revolving", repayments=())
        full = compare_pay_rules([Draw(10_000)], DAY_5, revolving, faults)[0]
        assert full.rule == "full" and full.result.totals.penalties == 532.88

    def test_an_error_is_carried_per_rule(self):
        # a draw above the ¥50,000 limit stops every run with the same coded error
        rows = compare_pay_rules([Draw(60_000)], DAY_5, self.PLAN)
        for r in rows:
            assert r.result is None
            assert (r.error.code, r.error.params["field"]) == ("out_of_range", "draw_amount")

    def test_not_a_plan(self):
        with pytest.raises(InputError) as e:
            compare_pay_rules([Draw(100)], DAY_5, "revolving")
        assert (e.value.code, e.value.params["field"]) == ("not_a_number", "plan")


# ----------------------------------------------------------------------------- properties

amounts = st.floats(1.0, 50_000.0).map(lambda x: round(x, 2))
daily_rates = st.floats(0.0, 0.001)
lines = st.builds(LineTerms, limit=st.just(200_000.0), rate=daily_rates,
                  rate_unit=st.just("daily"), fee_pct=st.floats(0.0, 0.03),
                  fee_min=st.sampled_from([0.0, 10.0]), interest_free=st.booleans())


@st.composite
def scenarios(draw):
    method = draw(st.sampled_from(METHODS))
    line = draw(lines)
    draws = draw(st.lists(st.builds(Draw, amounts, st.integers(0, 200)), min_size=1,
                          max_size=3))
    plan = RepaymentPlan(
        method,
        term_months=draw(st.integers(1, 36)),
        repayments=() if method not in ("flexible", "revolving") else tuple(
            draw(st.lists(st.builds(Repayment, st.integers(0, 400),
                                    st.one_of(st.none(), amounts)), max_size=4))),
        pay_rule=draw(st.sampled_from(["full", "minimum", "fixed"])),
        min_pct=draw(st.floats(0.01, 1.0)),
        min_floor=draw(st.sampled_from([0.0, 10.0, 100.0])),
        fixed_payment=draw(st.floats(0.0, 20_000.0)),
    )
    faults = None
    if method != "flexible" and draw(st.booleans()):
        faults = Faults(late=tuple(draw(st.lists(st.builds(LatePayment, st.integers(1, 40),
                                                           st.integers(1, 60)), max_size=2))),
                        grace_days=draw(st.integers(0, 5)),
                        overdue_multiple=draw(st.floats(1.0, 3.0)))
    rollover = None
    if method != "flexible" and draw(st.booleans()):
        rollover = Rollover(months=draw(st.integers(1, 24)), limit=draw(st.floats(100, 1e5)),
                            rate=draw(daily_rates), fee_pct=draw(st.floats(0.0, 0.02)))
    return draws, line, plan, faults, rollover


class TestProperties:
    @FAST
    @given(scenarios())
    def test_never_nan_never_negative_and_it_adds_up(self, case):
        draws, line, plan, faults, rollover = case
        r = simulate(draws, line, plan, faults, rollover)
        led, sta, tot = r.ledger, r.statements, r.totals
        for arr in (led.drawn, led.fees, led.interest, led.penalties, led.paid, led.principal,
                    led.owed, led.accrued, led.line2_owed, led.balance, sta.paid, sta.owed):
            assert np.all(np.isfinite(arr))
            assert np.all(arr >= 0)
        # paid + still owed = drawn + interest + fees + penalties, to the fen
        assert round(tot.paid + tot.owed_at_end, 2) == round(
            tot.drawn + tot.interest + tot.fees + tot.penalties, 2)
        assert tot.cost == round(tot.interest + tot.fees + tot.penalties, 2)
        if r.status == "paid_off":
            assert tot.owed_at_end == 0.0 and led.balance[-1] == 0.0
            assert round(tot.paid, 2) == round(tot.drawn + tot.cost, 2)
        assert set(r.flags) <= set(FLAGS)
        if r.rates is not None:
            assert math.isfinite(r.rates.nominal) and math.isfinite(r.rates.effective)

    @staticmethod
    def _no_dearer(more, less):
        """``more`` (the plan paying more) costs no more than ``less``: month by
        month while both run (plans that never pay off stop at different months
        when their debt passes DEBT_CAP, so only the common months compare), and
        in total when ``less`` pays off (then ``more`` pays off no later)."""
        def cum(r):
            s = r.statements
            return np.round(np.cumsum(s.interest + s.line2_interest + s.fees + s.penalties), 2)

        k = min(len(more.statements.month), len(less.statements.month))
        assert np.all(cum(more)[:k] <= cum(less)[:k])
        if less.status == "paid_off":
            assert more.status == "paid_off" and more.payoff_day <= less.payoff_day
            assert more.totals.cost <= less.totals.cost

    @FAST
    @given(lines, amounts, st.floats(1.0, 20_000.0), st.floats(0.0, 5_000.0))
    def test_paying_more_each_month_never_costs_more(self, line, amount, x, extra):
        def run(pay):
            plan = RepaymentPlan("revolving", pay_rule="fixed", fixed_payment=pay)
            return simulate([Draw(amount)], line, plan)

        self._no_dearer(run(round(x + extra, 2)), run(round(x, 2)))

    @FAST
    @given(lines, amounts, st.floats(0.01, 0.5), st.floats(0.0, 0.5))
    def test_higher_minimum_never_costs_more(self, line, amount, pct, more):
        def run(p):
            plan = RepaymentPlan("revolving", pay_rule="minimum", min_pct=p, min_floor=10)
            return simulate([Draw(amount)], line, plan)

        self._no_dearer(run(min(pct + more, 1.0)), run(pct))

    @FAST
    @given(lines, amounts, st.integers(0, 100), st.integers(0, 800), st.integers(0, 800))
    def test_a_later_payoff_never_costs_less(self, line, amount, start, a, b):
        early, late = sorted((start + a, start + b))

        def cost(day):
            plan = RepaymentPlan("flexible", repayments=(Repayment(day),))
            return simulate([Draw(amount, start)], line, plan).totals.cost

        assert cost(late) >= cost(early)

    @FAST
    @given(st.sampled_from(["equal_payment", "equal_principal", "interest_only"]),
           st.floats(0.001, 0.36), amounts, st.integers(1, 60), st.integers(0, 60))
    def test_a_longer_term_never_costs_less(self, method, rate, amount, n, more):
        # Term methods round each month's interest to the fen (calc.schedule), so
        # on a tiny loan a longer term can come out a fen or two cheaper (¥1 at
        # 6.25% over 3 vs 4 months: 0.02 vs 0.01).  Beyond half a fen per
        # installment of rounding, a longer term never costs less.
        def cost(months):
            line = LineTerms(200_000, rate, "annual")
            return simulate([Draw(amount)], line, RepaymentPlan(method, months)).totals.cost

        assume(more > 0)
        assert cost(n + more) >= cost(n) - 0.005 * (n + more)
