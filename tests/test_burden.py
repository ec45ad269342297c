"""calc.burden: obligations from schedules, cash lines and by hand, and the
monthly timeline against a household's income.

Every expected value is worked out by hand in the comments (from domain.md's
figures, calc.money's rounding rule or plain arithmetic)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc.burden import (
    Household,
    Obligation,
    check_household,
    check_obligation,
    fixed_payment,
    from_cash_line,
    from_schedule,
    timeline,
)
from calc.cashline import Draw, LineTerms, RepaymentPlan, Rollover, simulate
from calc.errors import InputError
from calc.presets import INSTALLMENT_PRESETS
from calc.schedule import PlanTerms, build_schedule, early_repayment
from tests.strategies import households, obligations

FAST = settings(max_examples=150, deadline=None)


def _code(exc: pytest.ExceptionInfo[InputError]) -> tuple[str, object]:
    return exc.value.code, exc.value.params.get("field")


# ----------------------------------------------------------------------------- checks


class TestCheckHousehold:
    def test_no_income_is_allowed(self):
        assert check_household(Household()).income is None

    @pytest.mark.parametrize(
        ("household", "code", "field"),
        [
            (Household(income=0), "out_of_range", "income"),  # open below: 0 is not an income
            (Household(income=-1), "out_of_range", "income"),
            (Household(income=math.nan), "not_a_number", "income"),
            (Household(income=5_000, essentials=-0.01), "out_of_range", "essentials"),
            (Household(income=5_000, existing_payments=math.inf), "not_a_number",
             "existing_payments"),
            (Household(income="lots"), "not_a_number", "income"),
        ],
    )
    def test_bad_input(self, household, code, field):
        with pytest.raises(InputError) as exc:
            check_household(household)
        assert _code(exc) == (code, field)

    def test_not_a_household(self):
        with pytest.raises(InputError) as exc:
            check_household(5_000)
        assert _code(exc) == ("not_a_number", "household")


class TestCheckObligation:
    @pytest.mark.parametrize(
        ("obligation", "code", "field"),
        [
            (Obligation("mortgage", (1.0,)), "unknown_code", "kind"),
            (Obligation("fixed", (1.0,), lender="花呗"), "unknown_code", "lender"),
            (Obligation("fixed", (-1.0,)), "out_of_range", "payment"),
            (Obligation("fixed", "100"), "not_a_number", "payments"),
            (Obligation("fixed", (0.0,) * 1201), "out_of_range", "payments_count"),
            (Obligation("fixed", (1.0,), balance=-5), "out_of_range", "balance"),
            (Obligation("fixed", (1.0,), nominal_rate=-1.0), "out_of_range", "nominal_rate"),
            (Obligation("fixed", (1.0,), rollover=1), "not_a_number", "rollover"),
        ],
    )
    def test_bad_input(self, obligation, code, field):
        with pytest.raises(InputError) as exc:
            check_obligation(obligation)
        assert _code(exc) == (code, field)

    def test_payments_rounded_to_the_fen(self):
        # 1.005 typed is 1.01 by calc.money's rule (half away from zero)
        assert check_obligation(Obligation("fixed", [1.005, 2])).payments == (1.01, 2.0)


# ----------------------------------------------------------------------------- builders


class TestFromSchedule:
    def test_huabei_12_on_a_phone(self):
        # 花呗 12 期, 8.8% in total on ¥3,999 (domain.md §4): the fee is
        # round_fen(3,999 × 0.088) = round_fen(351.912) = ¥351.91, split evenly:
        # floor(35,191 fen / 12) = 2,932 fen = ¥29.32 × 11, the last 351.91 − 322.52 =
        # ¥29.39.  Principal: floor(399,900 / 12) = 33,325 fen = ¥333.25 × 12 exactly.
        # Installments: 333.25 + 29.32 = ¥362.57 × 11, then 333.25 + 29.39 = ¥362.64;
        # all 12 sum to 3,999 + 351.91 = ¥4,350.91 = the total paid (no down payment).
        s = build_schedule(3999, INSTALLMENT_PRESETS["huabei_12"].terms())
        o = from_schedule(s, lender="huabei")
        assert o.kind == "plan" and o.lender == "huabei"
        assert o.payments == (362.57,) * 11 + (362.64,)
        assert round(sum(o.payments), 2) == 4350.91 == s.total_paid - s.down_payment
        assert o.balance == 3999.0
        assert round(100 * o.nominal_rate, 2) == 15.86  # domain.md §4
        assert o.effective_rate > o.nominal_rate
        assert not (o.cash_advance or o.minimum_only or o.rollover or o.early_rate_raised)

    def test_down_payment_left_out_upfront_fee_in_month_one(self):
        # ¥10,000, ¥1,000 down, ¥100 upfront fee, 12 × 0.6% on the ¥9,000 financed:
        # 9,000 / 12 = ¥750 principal + 9,000 × 0.006 = ¥54 fee = ¥804 a month; the
        # upfront fee joins month 1: ¥904.  Sum 12 × 804 + 100 = ¥9,748 = total paid
        # (1,000 + 100 + 9,648 = 10,748) less the down payment.
        terms = PlanTerms(kind="addon", periods=12, fee_rate=0.006, down_payment=1_000,
                          upfront_fee=100)
        s = build_schedule(10_000, terms)
        o = from_schedule(s)
        assert o.payments == (904.0,) + (804.0,) * 11
        assert round(sum(o.payments), 2) == 9748.0 == round(s.total_paid - 1_000, 2)
        assert o.balance == 9000.0

    def test_odd_first_period_shifts_the_months(self):
        # first installment 45 days out: t = 1.5, 2.5, ..., 3.5 months fall in months
        # ceil(t) = 2, 3, 4; month 1 has nothing.  ¥3,000 free over 3: ¥1,000 each.
        s = build_schedule(3_000, PlanTerms(kind="free", periods=3, first_days=45))
        assert from_schedule(s).payments == (0.0, 1000.0, 1000.0, 1000.0)

    def test_early_repayment_with_fees_charged_raises_the_rate(self):
        # domain.md §1: 12 × 0.6% on ¥10,000 paid off in month 4 with every fee still
        # charged: 3 × (833.33 + 60) = ¥893.33, then principal 833.33 + the 6,666.68
        # left after it and fees 60 + 8 × 60 = 540: ¥8,040.01.  About 24% against 13.03%.
        s = build_schedule(10_000, PlanTerms(kind="addon", periods=12, fee_rate=0.006))
        o = from_schedule(early_repayment(s, 4, "charge"), planned=s)
        assert o.payments == (893.33, 893.33, 893.33, 8040.01)
        assert o.early_rate_raised
        assert 0.23 < o.nominal_rate < 0.25

    def test_early_repayment_with_fees_waived_does_not(self):
        # waived: ¥60 × 4 = ¥240 of fee on balances 10,000 + 9,166.67 + 8,333.34 +
        # 7,500.01 ≈ 35,000 yuan-months, ≈ 0.69% a month ≈ 8.2% a year < 13.03%.
        s = build_schedule(10_000, PlanTerms(kind="addon", periods=12, fee_rate=0.006))
        o = from_schedule(early_repayment(s, 4, "waive"), planned=s)
        assert not o.early_rate_raised
        assert o.nominal_rate < 0.1303

    def test_same_schedule_as_planned_is_not_raised(self):
        s = build_schedule(10_000, PlanTerms(kind="addon", periods=12, fee_rate=0.006))
        assert not from_schedule(s, planned=s).early_rate_raised

    def test_not_a_schedule(self):
        with pytest.raises(InputError) as exc:
            from_schedule("plan")
        assert _code(exc) == ("not_a_number", "schedule")


class TestFromCashLine:
    def test_equal_payment_loan(self):
        # 等额本息 ¥10,000 at 18% a year over 12 months: 1.5% a month, payment
        # 10,000 × 0.015 / (1 − 1.015^−12) = ¥916.80; interest ¥1,001.60 in all, so
        # the 12 payments sum to 11,001.60 = 12 × 916.80: every one ¥916.80.  APR 18%.
        line = LineTerms(limit=200_000, rate=0.18, rate_unit="annual")
        plan = RepaymentPlan("equal_payment", term_months=12)
        r = simulate([Draw(10_000)], line, plan)
        o = from_cash_line(r, lender="weilidai", line=line, plan=plan)
        assert o.kind == "cash_line" and o.lender == "weilidai"
        assert o.payments == (916.8,) * 12
        assert o.balance == 10_000.0
        assert round(o.nominal_rate, 4) == 0.18
        # a term loan at interest from day one is not a card cash advance: not guessed
        assert not o.cash_advance
        assert not (o.minimum_only or o.rollover)

    def test_payments_are_the_statements_out_of_pocket(self):
        line = LineTerms(limit=200_000, rate=0.18, rate_unit="annual")
        r = simulate([Draw(10_000), Draw(2_000, day=95)], line,
                     RepaymentPlan("equal_principal", term_months=6))
        o = from_cash_line(r)
        assert o.payments == tuple(r.statements.paid.tolist())
        # two draws both outstanding from day 95: principal 10,000 − 3 × 10,000/6 +
        # 2,000 = ¥7,000 at most then, less than the ¥10,000 of day 0
        assert o.balance == 10_000.0
        assert not o.cash_advance  # without the line, the flag is not guessed

    def test_minimum_payment_trap(self):
        # domain.md §2: ¥10,000 at 0.05% a day compounded monthly, paying 10% of each
        # statement with a ¥100 floor: 37 months and ¥1,675.89 of interest, so 37
        # months of payments summing to 10,000 + 1,675.89 = ¥11,675.89.  A card
        # purchase (interest-free when paid in full) is not a cash advance.
        card = LineTerms(limit=50_000, rate=0.0005, interest_free=True,
                         compounding="monthly")
        plan = RepaymentPlan("revolving", pay_rule="minimum")
        o = from_cash_line(simulate([Draw(10_000)], card, plan), line=card, plan=plan)
        assert len(o.payments) == 37
        assert round(sum(o.payments), 2) == 11675.89
        assert o.minimum_only and not o.cash_advance

    def test_rollover(self):
        # 以贷养贷 for 3 months: statements 1–3 are paid from the second line, so
        # nothing comes out of pocket then; the rolled debt costs extra later.
        line = LineTerms(limit=200_000, rate=0.18, rate_unit="annual")
        plan = RepaymentPlan("equal_payment", term_months=12)
        r = simulate([Draw(10_000)], line, plan,
                     rollover=Rollover(months=3, limit=50_000, rate=0.0005))
        o = from_cash_line(r, line=line, plan=plan)
        assert o.rollover
        assert o.payments[:3] == (0.0, 0.0, 0.0)
        assert sum(o.payments) > 11_001.60  # the plain loan's total, above

    def test_not_a_result(self):
        with pytest.raises(InputError) as exc:
            from_cash_line(None)
        assert _code(exc) == ("not_a_number", "result")


class TestFixedPayment:
    def test_500_for_10_months(self):
        o = fixed_payment(500, 10, balance=4_800, lender="cmb")
        assert o.kind == "fixed" and o.lender == "cmb"
        assert o.payments == (500.0,) * 10
        assert sum(o.payments) == 5000.0
        assert o.balance == 4800.0
        assert o.nominal_rate is None and o.effective_rate is None
        assert not o.secured

    def test_rate_if_known(self):
        # 12% a year nominal is 1% a month: effective 1.01^12 − 1 = 12.6825%
        o = fixed_payment(500, 10, 4_800, nominal_rate=0.12)
        assert o.nominal_rate == 0.12
        assert round(o.effective_rate, 6) == 0.126825

    @pytest.mark.parametrize(
        ("args", "code", "field"),
        [
            ((0, 10, 100), "out_of_range", "payment"),  # a payment must be above 0
            ((500, 0, 100), "out_of_range", "months"),
            ((500, 2.5, 100), "not_integer", "months"),
            ((500, 1201, 100), "out_of_range", "months"),
            ((500, 10, -1), "out_of_range", "balance"),
        ],
    )
    def test_bad_input(self, args, code, field):
        with pytest.raises(InputError) as exc:
            fixed_payment(*args)
        assert _code(exc) == (code, field)

    def test_bad_rate(self):
        with pytest.raises(InputError) as exc:
            fixed_payment(500, 10, 4_800, nominal_rate=4.0)  # above 365% a year
        assert _code(exc) == ("out_of_range", "rate")


# ----------------------------------------------------------------------------- timeline


def _phone_and_loan() -> list[Obligation]:
    # the 花呗 phone above (11 × 362.57, then 362.64) and ¥500 × 10
    s = build_schedule(3999, INSTALLMENT_PRESETS["huabei_12"].terms())
    return [from_schedule(s, lender="huabei"), fixed_payment(500, 10, balance=4_800)]


class TestTimeline:
    def test_phone_and_loan(self):
        # income ¥6,000, essentials ¥3,500, ¥200 already owed each month.
        # months 1–10: 362.57 + 500 + 200 = 1,062.57; month 11: 562.57; month 12: 562.64.
        # shares: 1,062.57 / 6,000 = 0.177095; left: 6,000 − 3,500 − 1,062.57 = 1,437.43.
        tl = timeline(Household(income=6_000, essentials=3_500, existing_payments=200),
                      _phone_and_loan())
        assert tl.month.tolist() == list(range(1, 13))
        assert tl.payments.shape == (2, 12)
        assert tl.payments[1].tolist() == [500.0] * 10 + [0.0, 0.0]
        assert tl.existing.tolist() == [200.0] * 12
        assert tl.total.tolist() == [1062.57] * 10 + [562.57, 562.64]
        assert tl.share[0] == pytest.approx(0.177095)
        assert tl.left.tolist() == [1437.43] * 10 + [1937.43, 1937.36]
        assert tl.has_income

    def test_no_income_no_burden_figures(self):
        tl = timeline(Household(essentials=3_500), _phone_and_loan())
        assert tl.share is None and tl.left is None and not tl.has_income
        assert tl.total[0] == 862.57  # the payments are still there

    def test_no_obligations(self):
        # payments already owed show for one month: 300 / 1,000 = 30%
        tl = timeline(Household(income=1_000, existing_payments=300), [])
        assert tl.total.tolist() == [300.0]
        assert tl.share.tolist() == [0.3]
        assert tl.payments.shape == (0, 1)

    def test_shorter_obligation_is_zero_after_its_end(self):
        tl = timeline(Household(), [fixed_payment(100, 2, 200), fixed_payment(50, 4, 200)])
        assert tl.total.tolist() == [150.0, 150.0, 50.0, 50.0]

    def test_checks_its_inputs(self):
        with pytest.raises(InputError) as exc:
            timeline(Household(income=0), [])
        assert _code(exc) == ("out_of_range", "income")

    @FAST
    @given(households(), st.lists(obligations(), max_size=4))
    def test_share_is_payments_over_income_every_month(self, household, obs):
        tl = timeline(household, obs)
        expected_total = np.round(household.existing_payments + tl.payments.sum(axis=0), 2)
        np.testing.assert_allclose(tl.total, expected_total, atol=0.005)
        np.testing.assert_array_equal(tl.share, tl.total / household.income)
        np.testing.assert_allclose(
            tl.left, household.income - household.essentials - tl.total, atol=0.005)
        assert len(tl.month) == max([1] + [len(o.payments) for o in obs])

    @FAST
    @given(households(income=st.none()), st.lists(obligations(), max_size=3))
    def test_no_income_never_divides(self, household, obs):
        tl = timeline(household, obs)
        assert tl.share is None and tl.left is None
