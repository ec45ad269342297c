"""calc.schedule: schedules from closed forms, domain.md anchors and properties."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import plans

from calc.errors import CalcError, InputError
from calc.presets import INSTALLMENT_PRESETS
from calc.rates import CashFlow, nominal_apr, periodic_rate
from calc.schedule import (
    FEE_MODES,
    FEE_ROUNDINGS,
    PlanTerms,
    build_schedule,
    discount_fraction,
    early_repayment,
    entered_fee,
    fee_in_mode,
    fee_per_period,
    with_fee,
)

ADDON_06x12 = PlanTerms(kind="addon", periods=12, fee_rate=0.006)


class TestAddon:
    def test_classroom_figures(self):
        # domain.md §2: payment 893.33, fee 720, advertised 7.2%, APR 13.03%,
        # effective 13.84%, average-balance 13.29%
        s = build_schedule(10_000, ADDON_06x12)
        assert s.payment[0] == 893.33
        assert s.total_cost == 720.0
        r = s.rates()
        assert round(100 * r.advertised, 2) == 7.20
        assert round(100 * r.nominal, 2) == 13.03
        assert round(100 * r.effective, 2) == 13.84
        assert round(100 * r.average_balance, 2) == 13.29

    def test_rounding_rule_last_absorbs(self):
        # 10000 / 12 = 833.333…: eleven × 833.33 and a last 833.37
        s = build_schedule(10_000, ADDON_06x12)
        assert list(s.principal[:11]) == [833.33] * 11
        assert s.principal[-1] == 833.37
        assert list(s.charge) == [60.0] * 12
        assert s.balance[-1] == 0.0
        assert s.balance[0] == 9166.67

    def test_fee_with_first_installment(self):
        # domain.md §2: same 7.2% fee charged up front: 13.86%
        s = build_schedule(10_000, PlanTerms(kind="addon", periods=12, fee_rate=0.006,
                                             fee_timing="first"))
        assert s.charge[0] == 720.0 and s.charge[1:].sum() == 0.0
        assert round(100 * s.rates().nominal, 2) == 13.86

    def test_huabei_presets(self):
        # domain.md §4: total 2.5 / 4.5 / 8.8% over 3 / 6 / 12 → 14.94 / 15.27 / 15.86%
        for n, total, apr in ((3, 0.025, 14.94), (6, 0.045, 15.27), (12, 0.088, 15.86)):
            s = build_schedule(10_000, PlanTerms(kind="addon", periods=n, fee_rate=total / n))
            assert round(100 * s.rates().nominal, 2) == apr

    def test_baitiao_above_24(self):
        # domain.md §4: 1.2%/period × 12 → 25.60%
        s = build_schedule(10_000, PlanTerms(kind="addon", periods=12, fee_rate=0.012))
        assert round(100 * s.rates().nominal, 2) == 25.60


class TestFree:
    def test_free_is_zero(self):
        s = build_schedule(3999, PlanTerms(kind="free", periods=24))
        assert s.total_cost == 0.0
        assert s.rates().nominal == 0.0

    def test_forgone_discount_has_a_rate(self):
        # 5% off 3,999 for cash: the buyer effectively borrows 3,799.05 and repays
        # 3,999 in 12 equal parts.  One-period check of the same idea by hand:
        # 1 installment of 100 instead of 95 now is 100/95 − 1 = 5.263% a month.
        s = build_schedule(100, PlanTerms(kind="free", periods=1), cash_discount=0.05)
        assert s.rates().periodic == pytest.approx(100 / 95 - 1, abs=1e-12)
        s = build_schedule(3999, PlanTerms(kind="free", periods=12), cash_discount=0.05)
        assert s.total_cost == 199.95
        assert s.rates().nominal > 0.0


class TestLoans:
    # ¥10,000 at 18% a year over 12 months (monthly rate 1.5%), issue 4's figures:
    def test_equal_payment(self):
        # level payment 10000 × 0.015 / (1 − 1.015^−12) = 916.7999… → 916.80;
        # interest = 12 × 916.80 − 10000 = 1001.60
        s = build_schedule(10_000, PlanTerms(kind="equal_payment", periods=12, rate=0.18))
        assert set(s.payment) == {916.80}
        assert round(float(s.charge.sum()), 2) == 1001.60
        assert s.rates().nominal == pytest.approx(0.18, abs=1e-5)

    def test_equal_principal(self):
        # interest = 150 × (12 + 11 + … + 1) / 12 = 150 × 78 / 12 = 975.00
        s = build_schedule(10_000, PlanTerms(kind="equal_principal", periods=12, rate=0.18))
        assert round(float(s.charge.sum()), 2) == 975.00
        assert s.payment[0] == 833.33 + 150.0

    def test_interest_only(self):
        # 12 × 150 interest, principal with the last installment
        s = build_schedule(10_000, PlanTerms(kind="interest_only", periods=12, rate=0.18))
        assert round(float(s.charge.sum()), 2) == 1800.0
        assert s.payment[-1] == 10_150.0
        assert s.rates().nominal == pytest.approx(0.18, abs=1e-12)

    def test_tiny_loan_paid_off_early_by_rounding_charges_no_more(self):
        # ¥1.06 over 26 months at 0.0928585%/day (≈33.9% a year): the level payment
        # rounds to ¥0.05, which clears the principal before the last month; that
        # month must not book a payment as interest on a zero balance
        s = build_schedule(1.06, PlanTerms(kind="equal_payment", periods=26,
                                           rate=0.000928585, rate_unit="daily"))
        before = np.concatenate(([s.financed], s.balance[:-1]))
        assert np.all(s.charge[before == 0.0] == 0.0)
        assert round(float(s.principal.sum()), 2) == 1.06

    def test_daily_rate(self):
        # 0.05%/day = 18.25% a year → monthly 1.520833…%; interest-only pays exactly that
        s = build_schedule(10_000, PlanTerms(kind="interest_only", periods=6, rate=0.0005,
                                             rate_unit="daily"))
        assert s.charge[0] == round(10_000 * 0.0005 * 365 / 12, 2)
        assert s.advertised == pytest.approx(0.1825)

    def test_pboc_upfront_fee(self):
        # PBoC example: 100,000 with 1,000 fee deducted, 12 × 8,833.3 → 12.80% / 13.58%.
        # A 0%-rate equal-principal loan pays 8,333.33; the example's 8,833.3 is
        # 100,000 × (1/12 + 0.5%) — an add-on of 0.5% a month.
        s = build_schedule(100_000, PlanTerms(kind="addon", periods=12, fee_rate=0.005,
                                              upfront_fee=1000))
        assert s.flows[0] == CashFlow(99_000.0, 0)
        r = s.rates()
        assert round(100 * r.nominal, 2) == 12.80
        assert round(100 * r.effective, 2) == 13.58

    def test_odd_first_period_matches_reg_z_c1ii(self):
        # Reg Z App. J (c)(1)(ii): 6,000 advanced, 36 × 200, the first payment 1 month
        # + 19 days later → 11.82% (apr_reference_cases.json, US-REGZ-J-c1ii).  The
        # same flows as a schedule: a 0%-fee plan on 7,200 = 36 × 200 whose cash
        # price is 6,000 (a discount of 1 − 6,000/7,200), first installment after
        # 49 days = 1 whole period + 19/30:
        s = build_schedule(7200, PlanTerms(kind="free", periods=36, first_days=49),
                           cash_discount=1 - 6000 / 7200)
        assert s.due_period[0] == 1 and s.due_fraction[0] == pytest.approx(19 / 30)
        assert s.payment[0] == 200.0
        assert round(100 * s.rates().nominal, 2) == 11.82


class TestFeePerPeriod:
    def test_total_fee_is_spread_evenly(self):
        # 花呗 12 期 at 8.8% in total: 0.088 / 12 = 0.007333… a period
        assert fee_per_period(0.088, "total", 12) == pytest.approx(0.088 / 12, rel=1e-15)
        # 2.5% over 3: 0.025 / 3 = 0.008333…
        assert fee_per_period(0.025, "total", 3) == pytest.approx(0.025 / 3, rel=1e-15)

    def test_fee_per_period_stays(self):
        assert fee_per_period(0.006, "period", 12) == 0.006

    def test_total_fee_costs_the_same_as_its_periods(self):
        # 7.2% in total over 12 = 0.6% a period: the classroom plan, ¥720 on ¥10,000
        a = build_schedule(10_000, PlanTerms(kind="addon", periods=12,
                                             fee_rate=fee_per_period(0.072, "total", 12)))
        assert a.total_cost == 720.0
        assert round(100 * a.rates().nominal, 2) == 13.03

    @pytest.mark.parametrize(
        "fee, mode, periods, code, field",
        [
            (0.01, "monthly", 12, "unknown_code", "fee_mode"),
            (0.01, None, 12, "unknown_code", "fee_mode"),
            (0.01, "total", 0, "out_of_range", "periods"),
            (0.01, "total", 361, "out_of_range", "periods"),
            (0.01, "total", 2.5, "not_integer", "periods"),
            (0.01, "period", float("nan"), "not_a_number", "periods"),
            ("abc", "total", 12, "not_a_number", "fee_rate"),
            (float("inf"), "period", 12, "not_a_number", "fee_rate"),
        ],
    )
    def test_bad_input(self, fee, mode, periods, code, field):
        with pytest.raises(InputError) as e:
            fee_per_period(fee, mode, periods)
        assert (e.value.code, e.value.params["field"]) == (code, field)

    def test_modes(self):
        assert FEE_MODES == ("period", "total", "period_yuan", "total_yuan", "payment")
        assert FEE_ROUNDINGS == ("period", "total")

    def test_yuan_modes_need_a_price(self):
        with pytest.raises(InputError) as e:
            fee_per_period(20.0, "period_yuan", 12, 0.0)
        assert (e.value.code, e.value.params["field"]) == ("out_of_range", "price")


class TestCheckoutEntry:
    """A plan entered as the checkout shows it (issue 8's acceptance figures)."""

    def test_installment_amount_of_a_3999_phone(self):
        # ¥3,999 × 12 shown as ¥353.25 a period: principal 3,999 / 12 = 333.25 exactly,
        # fee 353.25 − 333.25 = ¥20.00 a period = 20 / 3,999 = 0.50013% ≈ 0.5% a period.
        r = fee_per_period(353.25, "payment", 12, 3999)
        assert r == pytest.approx(20 / 3999, rel=1e-12)
        s = build_schedule(3999, PlanTerms(kind="addon", periods=12, fee_rate=r))
        assert s.payment.tolist() == [353.25] * 12
        assert s.charge.tolist() == [20.0] * 12
        assert s.fee_total == 240.0 and s.total_cost == 240.0
        assert round(100 * s.fee_rate, 2) == 0.50
        # the flows +3,999 at 0 and −353.25 at months 1..12 give APR 10.90% (domain.md
        # §4: 白条 12 期 at 0.5% a period, 10.90%)
        assert round(100 * s.rates().nominal, 2) == 10.90

    def test_total_fee_in_yuan_gives_the_same_plan(self):
        # a ¥240 total fee over 12 on ¥3,999: 240 / (3,999 × 12) a period, ¥20.00 each
        r = fee_per_period(240.0, "total_yuan", 12, 3999)
        s = build_schedule(3999, PlanTerms(kind="addon", periods=12, fee_rate=r))
        assert s.payment.tolist() == [353.25] * 12
        assert round(100 * s.rates().nominal, 2) == 10.90

    def test_fee_per_period_in_yuan(self):
        # ¥20 a period on ¥3,999: the same ¥353.25 × 12
        r = fee_per_period(20.0, "period_yuan", 12, 3999)
        s = build_schedule(3999, PlanTerms(kind="addon", periods=12, fee_rate=r))
        assert s.payment.tolist() == [353.25] * 12

    def test_checkout_rounding_each_period(self):
        # 0.5% a period on ¥3,999: 19.995 → ¥20.00 each period (fee_rounding="period",
        # the default), so 12 × ¥353.25 and ¥240.00 of fees
        s = build_schedule(3999, PlanTerms(kind="addon", periods=12, fee_rate=0.005))
        assert s.payment.tolist() == [353.25] * 12 and s.fee_total == 240.0

    def test_total_rounding_is_kept_for_lenders_that_use_it(self):
        # fee_rounding="total": 3,999 × 0.005 × 12 = 239.94, split to the fen: 11 × 19.99
        # and 239.94 − 219.89 = 20.05 last, so 333.25 + 19.99 = 353.24 and 353.30
        s = build_schedule(3999, PlanTerms(kind="addon", periods=12, fee_rate=0.005,
                                           fee_rounding="total"))
        assert s.payment.tolist() == [353.24] * 11 + [353.30]
        assert s.fee_total == 239.94

    def test_huabei_total_fee_rounded_once(self):
        # 花呗 12 期, 8.8% of ¥3,999 in total = 351.912 → ¥351.91 (rounded once)
        s = build_schedule(3999, INSTALLMENT_PRESETS["huabei_12"].terms())
        assert s.fee_total == 351.91 and s.total_cost == 351.91

    def test_first_installment_that_differs(self):
        # the whole ¥720 fee with the first of 12 installments on ¥10,000, entered as the
        # checkout shows it: first ¥833.33 + 720 = ¥1,553.33, then ¥833.33 (the last
        # 833.37): the same flows as fee_timing="first", whose APR domain.md §2 gives as
        # 13.86%
        s = build_schedule(10_000, PlanTerms(kind="addon", periods=12, fee_rate=0.0,
                                             first_payment=1553.33))
        assert float(s.payment[0]) == 1553.33 and s.fee_total == 720.0
        assert s.payment[1:].tolist() == [833.33] * 10 + [833.37]
        assert round(100 * s.rates().nominal, 2) == 13.86

    def test_first_installment_below_its_principal(self):
        with pytest.raises(InputError) as e:
            build_schedule(10_000, PlanTerms(kind="addon", periods=12, first_payment=800.0))
        assert e.value.params["field"] == "first_payment"
        assert e.value.params["min"] == 833.33


_MODES_AND_UNITS = [("period", 0.006), ("total", 0.072), ("period_yuan", 60.0),
                    ("total_yuan", 720.0), ("payment", 893.3333333333334)]


class TestFeeModeConversion:
    """Changing how a fee is entered converts it: every pair round-trips and keeps
    the plan's cost."""

    @pytest.mark.parametrize("a, va", _MODES_AND_UNITS)
    @pytest.mark.parametrize("b, vb", _MODES_AND_UNITS)
    def test_each_pair(self, a, va, b, vb):
        # ¥10,000 at 0.6% a period over 12: 7.2% in total, ¥60 a period, ¥720 in all,
        # 10,000 / 12 + 60 = 893.33… an installment
        r = fee_per_period(va, a, 12, 10_000)
        assert r == pytest.approx(0.006, rel=1e-12)
        assert fee_in_mode(r, b, 12, 10_000) == pytest.approx(vb, rel=1e-12)
        back = fee_per_period(fee_in_mode(r, b, 12, 10_000), b, 12, 10_000)
        assert fee_in_mode(back, a, 12, 10_000) == pytest.approx(va, rel=1e-12)

    def test_total_to_period_does_not_reinterpret(self):
        # 8.80% in total over 12 becomes 0.7333% a period, not 8.80% a period
        r = fee_per_period(0.088, "total", 12)
        assert round(100 * fee_in_mode(r, "period", 12), 4) == 0.7333

    @given(price=st.floats(1.0, 1e6), n=st.integers(1, 60), r=st.floats(0.0, 0.1),
           rounding=st.sampled_from(FEE_ROUNDINGS),
           a=st.sampled_from(FEE_MODES), b=st.sampled_from(FEE_MODES))
    @settings(max_examples=300, deadline=None)
    def test_conversion_keeps_the_cost(self, price, n, r, rounding, a, b):
        value_a = fee_in_mode(r, a, n, price)
        value_b = fee_in_mode(fee_per_period(value_a, a, n, price), b, n, price)
        ra, rb = fee_per_period(value_a, a, n, price), fee_per_period(value_b, b, n, price)
        if rb > 0.1:  # float noise just past the bound: the same plan either way
            rb = min(rb, 0.1)
        sa = build_schedule(price, PlanTerms(kind="addon", periods=n, fee_rate=min(ra, 0.1),
                                             fee_rounding=rounding))
        sb = build_schedule(price, PlanTerms(kind="addon", periods=n, fee_rate=rb,
                                             fee_rounding=rounding))
        assert sb.total_cost == sa.total_cost


class TestEarlyRepayment:
    def test_domain_anchors_all_fees_charged(self):
        # domain.md §1: 12 × 0.6% paid off in month 4 with all fees charged ≈ 24%,
        # in month 2 ≈ 44%
        s = build_schedule(10_000, ADDON_06x12)
        assert round(100 * early_repayment(s, 4, "charge").rates().nominal) == 24
        assert round(100 * early_repayment(s, 2, "charge").rates().nominal) == 44

    def test_waived_fees_keep_the_rate(self):
        # with remaining fees waived the borrower pays 60 per month of use: paid off
        # with installment 1 the cost is 60 on 10,000 for one month: 0.6% a month
        s = build_schedule(10_000, ADDON_06x12)
        e = early_repayment(s, 1, "waive")
        assert e.total_cost == 60.0
        assert e.rates().periodic == pytest.approx(0.006, abs=1e-12)

    def test_penalty(self):
        # repaid with installment 6: 10,000 − 6 × 833.33 = 5,000.02 principal left;
        # 3% penalty = 150.0006 → 150.00, on top of that month's fee of 60
        s = build_schedule(10_000, ADDON_06x12)
        e = early_repayment(s, 6, "penalty", 0.03)
        assert e.n == 6 and e.balance[-1] == 0.0
        assert e.charge[-1] == 60.0 + round(5000.02 * 0.03, 2)

    def test_loan_interest_stops(self):
        # 先息后本 repaid with installment 3: 3 × 150 interest, then nothing more
        s = build_schedule(10_000, PlanTerms(kind="interest_only", periods=12, rate=0.18))
        e = early_repayment(s, 3, "waive")
        assert e.total_cost == 450.0
        assert e.rates().nominal == pytest.approx(0.18, abs=1e-12)

    def test_bad_k(self):
        s = build_schedule(10_000, ADDON_06x12)
        for k in (0, 12, 2.5, float("nan")):
            with pytest.raises(InputError) as e:
                early_repayment(s, k)
            assert e.value.params["field"] == "early_after"


@pytest.mark.parametrize(
    "price, terms, discount, field, code",
    [
        (0, ADDON_06x12, 0, "price", "out_of_range"),
        (-5, ADDON_06x12, 0, "price", "out_of_range"),
        (float("nan"), ADDON_06x12, 0, "price", "not_a_number"),
        ("abc", ADDON_06x12, 0, "price", "not_a_number"),
        (1e12, ADDON_06x12, 0, "price", "out_of_range"),
        (100, PlanTerms(kind="addon", periods=0), 0, "periods", "out_of_range"),
        (100, PlanTerms(kind="addon", periods=361), 0, "periods", "out_of_range"),
        (100, PlanTerms(kind="addon", periods=2.5), 0, "periods", "not_integer"),
        (100, PlanTerms(kind="addon", periods=12, fee_rate=-0.01), 0, "fee_rate", "out_of_range"),
        (100, PlanTerms(kind="addon", periods=12, fee_rate=0.5), 0, "fee_rate", "out_of_range"),
        (100, PlanTerms(kind="equal_payment", periods=12, rate=50), 0, "rate", "out_of_range"),
        (100, PlanTerms(kind="addon", periods=12, down_payment=150), 0, "down_payment",
         "out_of_range"),
        (100, PlanTerms(kind="addon", periods=12, down_payment=100), 0, "down_payment",
         "out_of_range"),
        (100, PlanTerms(kind="addon", periods=12, upfront_fee=100), 0, "upfront_fee",
         "out_of_range"),
        (100, PlanTerms(kind="addon", periods=12, first_days=0), 0, "first_days", "out_of_range"),
        (100, PlanTerms(kind="magic", periods=12), 0, "kind", "unknown_code"),
        (100, PlanTerms(kind="addon", periods=12, fee_timing="later"), 0, "fee_timing",
         "unknown_code"),
        (100, ADDON_06x12, 0.9, "cash_discount", "out_of_range"),
    ],
)
def test_inputs_a_lender_could_not_offer(price, terms, discount, field, code):
    with pytest.raises(InputError) as e:
        build_schedule(price, terms, discount)
    assert e.value.code == code
    assert e.value.params["field"] == field
    assert "got" in e.value.params


# ------------------------------------------------------------------ properties


@settings(max_examples=300, deadline=None)
@given(plans())
def test_no_valid_input_gives_nan_or_a_bare_exception(plan):
    price, terms, discount = plan
    s = build_schedule(price, terms, discount)
    arrays = (s.payment, s.principal, s.charge, s.balance)
    assert all(np.all(np.isfinite(a)) for a in arrays)
    try:
        r = s.rates()
    except CalcError:
        return  # e.g. an upfront fee that leaves nothing received: a coded error
    assert all(math.isfinite(x) for x in (r.periodic, r.nominal, r.effective,
                                          r.average_balance, r.advertised))
    assert math.isfinite(s.present_cost(0.02))
    if s.n > 1:
        e = early_repayment(s, max(1, s.n // 2))
        assert math.isfinite(e.total_cost)


@settings(max_examples=300, deadline=None)
@given(plans())
def test_principal_parts_sum_to_the_financed_amount(plan):
    price, terms, discount = plan
    s = build_schedule(price, terms, discount)
    assert round(float(s.principal.sum()), 2) == s.financed
    assert s.balance[-1] == 0.0
    assert np.all(s.balance >= 0.0)
    assert np.allclose(s.payment, s.principal + s.charge, atol=0.005)


@settings(max_examples=200, deadline=None)
@given(price=st.floats(1.0, 1e7), n=st.integers(1, 360))
def test_fee_zero_gives_rate_zero(price, n):
    s = build_schedule(price, PlanTerms(kind="addon", periods=n, fee_rate=0.0))
    assert s.rates().periodic == 0.0


@settings(max_examples=200, deadline=None)
@given(
    price=st.floats(100.0, 1e6),
    n=st.integers(1, 60),
    fee=st.floats(0.0, 0.09),
    more=st.floats(0.0005, 0.01),
    timing=st.sampled_from(["spread", "first"]),
)
def test_rate_rises_with_the_fee(price, n, fee, more, timing):
    low = build_schedule(price, PlanTerms(kind="addon", periods=n, fee_rate=fee,
                                          fee_timing=timing))
    high = build_schedule(price, PlanTerms(kind="addon", periods=n, fee_rate=fee + more,
                                           fee_timing=timing))
    assert high.rates().periodic > low.rates().periodic


@settings(max_examples=100, deadline=None)
@given(i=st.floats(0.001, 0.3), n=st.integers(2, 120), price=st.floats(1000.0, 1e6))
def test_loan_schedule_solves_back_to_its_rate(i, n, price):
    # an interest-only loan has no rounding drift in its rate: 1 + i exactly per period
    s = build_schedule(price, PlanTerms(kind="interest_only", periods=n, rate=i))
    flows = [CashFlow(price, 0)] + [CashFlow(-price * i / 12, k) for k in range(1, n)]
    flows.append(CashFlow(-price * (1 + i / 12), n))
    assert periodic_rate(flows) == pytest.approx(i / 12, abs=1e-10)
    # and the rounded schedule stays within rounding of it (fen on ≥ ¥1,000)
    assert nominal_apr(s.rates().periodic, 12) == pytest.approx(i, abs=1e-4)


class TestChargedAsEntered:
    """Issue 19: what the checkout showed is what the plan charges."""

    def test_a_typed_installment_is_reproduced(self):
        # ¥8,999 × 12 typed as ¥800.00 an installment: the fee is 800 × 12 − 8,999 =
        # 601.00.  The principal is 8,999 / 12 = 749.9166… cut to 749.91 eleven times,
        # the last 8,999 − 11 × 749.91 = 8,999 − 8,249.01 = 749.99; each fee is
        # 800.00 − 749.91 = 50.09, the last 601.00 − 11 × 50.09 = 601.00 − 550.99 = 50.01,
        # so the last installment is 749.99 + 50.01 = 800.00 too.  (The old rule:
        # 799.99 × 11 + 800.07, fee 600.96.)
        t = with_fee(PlanTerms(kind="addon", periods=12), 800.0, "payment", 8999)
        s = build_schedule(8999, t)
        assert s.payment.tolist() == [800.0] * 12
        assert s.fee_total == 601.0 and s.total_cost == 601.0
        assert s.principal.tolist() == [749.91] * 11 + [749.99]
        assert s.charge.tolist() == [50.09] * 11 + [50.01]

    @pytest.mark.parametrize("rounding", FEE_ROUNDINGS)
    def test_a_total_fee_in_yuan_is_charged_as_entered(self, rounding):
        # ¥1,299.50 over 3 with ¥29.99 in total: 29.99 / 3 = 9.9966… cut to 9.99 twice,
        # the last 29.99 − 19.98 = 10.01; the old per-installment rule charged
        # 3 × round(9.9966) = 3 × 10.00 = ¥30.00
        t = with_fee(PlanTerms(kind="addon", periods=3, fee_rounding=rounding), 29.99,
                     "total_yuan", 1299.5)
        s = build_schedule(1299.5, t)
        assert s.charge.tolist() == [9.99, 9.99, 10.01]
        assert s.fee_total == 29.99

    def test_links_from_before_turn_a_yuan_fee_into_a_rate(self):
        # as_entered=False is how v=1 links computed: 29.99 / (1,299.50 × 3) a period,
        # each fee round(9.9966) = 10.00, ¥30.00 in all
        t = with_fee(PlanTerms(kind="addon", periods=3), 29.99, "total_yuan", 1299.5,
                     as_entered=False)
        assert build_schedule(1299.5, t).fee_total == 30.0

    def test_a_fee_free_first_installment_with_a_total_in_yuan(self):
        # ¥3,999 over 12, first installment ¥333.25 (its principal share 3,999 / 12, so
        # no fee), ¥220.00 in all: the other eleven share 220 / 11 = 20.00 each
        t = with_fee(PlanTerms(kind="addon", periods=12, first_payment=333.25), 220.0,
                     "total_yuan", 3999)
        s = build_schedule(3999, t)
        assert s.payment.tolist() == [333.25] + [353.25] * 11 and s.fee_total == 220.0

    def test_an_installment_below_its_principal_share_is_refused(self):
        # 8,999 / 12 = 749.92 of principal an installment: ¥700 cannot repay it
        t = with_fee(PlanTerms(kind="addon", periods=12), 700.0, "payment", 8999)
        with pytest.raises(InputError) as e:
            build_schedule(8999, t)
        assert e.value.params["field"] == "fee_rate"


class TestConversionsGiveThePlansFigures:
    def test_whole_fen_figures(self):
        # 0.5% a period on ¥3,999 is charged 12 × round(19.995) = 12 × ¥20.00: ¥20.00 a
        # period, ¥240.00 in all, 333.25 + 20.00 = ¥353.25 an installment (the old
        # conversions showed ¥19.995 and ¥239.94)
        t = PlanTerms(kind="addon", periods=12, fee_rate=0.005)
        assert [entered_fee(3999, t, m) for m in ("period_yuan", "total_yuan", "payment")] \
            == [20.0, 240.0, 353.25]

    def test_a_fee_free_first_installment_shows_what_the_plan_charges(self):
        # first installment 333.25 (no fee), the other eleven 20.00: ¥220.00 in all
        # (the old conversion showed 0.5% × 12 × 3,999 = ¥239.94 → 239.95 in total)
        t = PlanTerms(kind="addon", periods=12, fee_rate=0.005, first_payment=333.25)
        assert entered_fee(3999, t, "total_yuan") == 220.0

    def test_a_percent_shows_the_decimals_its_cost_needs(self):
        # 花呗 8.8% of ¥3,999 rounded once: 351.91.  0.7333% a period charges
        # 3,999 × 0.007333 × 12 = 351.896 → 351.90; 0.73333% charges 351.910 → 351.91
        t = PlanTerms(kind="addon", periods=12, fee_rate=0.088 / 12, fee_rounding="total")
        assert round(100 * entered_fee(3999, t, "period", most=10), 8) == 0.73333
        assert round(100 * entered_fee(3999, t, "total", most=10), 8) == 8.8


class TestCashDiscount:
    def test_a_discount_in_yuan(self):
        # "paying in full gets ¥200 off" ¥3,999: cash price 3,799.00; a free plan that
        # loses it costs 3,999 − 3,799 = 200.00 (12 × 333.25)
        d = discount_fraction(200, 3999)
        s = build_schedule(3999, PlanTerms(kind="free", periods=12), d)
        assert s.cash_price == 3799.0 and s.total_cost == 200.0
        assert s.payment.tolist() == [333.25] * 12

    def test_a_plan_that_keeps_the_discount(self):
        # the same free plan on a card the shop still gives ¥200 off on: 3,799 / 12 =
        # 316.5833… cut to 316.58 eleven times, the last 3,799 − 3,482.38 = 316.62; cost 0
        d = discount_fraction(200, 3999)
        s = build_schedule(3999, PlanTerms(kind="free", periods=12, keeps_discount=True), d)
        assert s.payment.tolist() == [316.58] * 11 + [316.62] and s.total_cost == 0.0

    def test_more_than_half_the_price_is_refused(self):
        # at most half of ¥3,999 = 1,999.50
        with pytest.raises(InputError) as e:
            discount_fraction(2000, 3999)
        assert e.value.params["field"] == "cash_discount_yuan"
