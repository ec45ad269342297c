"""calc.units: rate and time conversions from closed forms and published figures."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import quoted_rates

from calc import cashline, schedule
from calc.errors import InputError
from calc.money import round_fen
from calc.schedule import PlanTerms, build_schedule
from calc.units import (
    DAYS_PER_YEAR,
    MONTHS_PER_YEAR,
    RATE_UNITS,
    annuity_payment,
    daily_rate,
    monthly_rate,
    months_from_days,
    yearly_rate,
)


class TestConstants:
    def test_values(self):
        assert (MONTHS_PER_YEAR, DAYS_PER_YEAR, RATE_UNITS) == (12, 365, ("annual", "daily"))

    def test_one_object_for_the_rate_units(self):
        # calc.schedule and calc.cashline list the units beside their other codes:
        # the same tuple, not a copy that could drift
        assert schedule.RATE_UNITS is RATE_UNITS
        assert cashline.RATE_UNITS is RATE_UNITS


class TestRates:
    def test_wan5_is_18_25_a_year_simple(self):
        # domain.md §1: "日息万5" = 0.05%/day = 0.0005 × 365 = 18.25% simple a year
        assert yearly_rate(0.0005, "daily") == pytest.approx(0.1825, rel=1e-15)
        assert daily_rate(0.0005, "daily") == 0.0005
        # and back: 18.25% a year is 0.1825 / 365 = 0.0005 a day
        assert daily_rate(0.1825, "annual") == pytest.approx(0.0005, rel=1e-15)

    def test_18_a_year_is_1_5_a_month(self):
        # 0.18 / 12 = 0.015: the 等额本息 example's monthly rate
        assert monthly_rate(0.18, "annual") == pytest.approx(0.015, rel=1e-15)
        assert yearly_rate(0.18, "annual") == 0.18
        # 0.18 / 365 = 0.000493150… a day
        assert daily_rate(0.18, "annual") == pytest.approx(0.18 / 365, rel=1e-15)

    def test_daily_rate_as_a_month(self):
        # 0.0005 × 365 / 12 = 0.1825 / 12 = 0.015208333…: one average month of days
        assert monthly_rate(0.0005, "daily") == pytest.approx(0.1825 / 12, rel=1e-15)

    def test_unknown_unit_is_an_input_error(self):
        for fn in (daily_rate, monthly_rate, yearly_rate):
            with pytest.raises(InputError) as e:
                fn(0.18, "monthly")
            assert e.value == InputError("unknown_code", field="rate_unit", got="monthly")

    @settings(max_examples=200, deadline=None)
    @given(quoted_rates)
    def test_a_year_is_twelve_months_and_365_days(self, quote):
        # simple conversions: yearly = 12 × monthly = 365 × daily, whatever the unit
        rate, unit = quote
        year = yearly_rate(rate, unit)
        assert monthly_rate(rate, unit) * 12 == pytest.approx(year, rel=1e-14, abs=1e-300)
        assert daily_rate(rate, unit) * 365 == pytest.approx(year, rel=1e-14, abs=1e-300)


class TestMonthsFromDays:
    def test_closed_forms(self):
        # 365 days = 12 months; 73 days = 73 × 12 / 365 = 2.4; 0 days = 0
        assert months_from_days(365) == 12.0
        assert months_from_days(73) == pytest.approx(2.4, rel=1e-15)
        assert months_from_days(0) == 0.0

    def test_keeps_the_kind(self):
        assert isinstance(months_from_days(30), float)
        out = months_from_days(np.array([0, 73, 365]))
        assert isinstance(out, np.ndarray) and out.dtype == np.float64
        assert out.tolist() == pytest.approx([0.0, 2.4, 12.0], rel=1e-15)

    def test_statement_days_fall_on_whole_months(self):
        # calc.cashline's statements fall at E(m) = floor(365 m / 12): day E(m) is
        # at most m months in, and the day after it is past m
        m = np.arange(0, 121)
        e = cashline.statement_days(120)
        assert np.all(months_from_days(e) <= m)
        assert np.all(months_from_days(e + 1) > m)


class TestAnnuity:
    def test_equal_payment_example(self):
        # ¥10,000 at 1.5% a month over 12: 1.015^12 = 1.195618…, so
        # A = 150 / (1 − 1/1.195618) = 150 / 0.163613 = 916.80 to the fen
        # (domain.md's 等额本息 example; calc.schedule's doctest says the same)
        assert round_fen(annuity_payment(10_000, 0.015, 12)) == 916.80
        s = build_schedule(10_000, PlanTerms(kind="equal_payment", periods=12, rate=0.18))
        assert float(s.payment[0]) == round_fen(annuity_payment(10_000, 0.015, 12))

    def test_numpy_financial_pmt_example(self):
        # numpy-financial's pmt docstring: $200,000 over 15 years at 7.5% a year
        # pays 1854.0247200054619 a month (also in apr_reference_cases.json)
        assert annuity_payment(200_000, 0.075 / 12, 15 * 12) == pytest.approx(
            1854.0247200054619, rel=1e-13)

    def test_zero_rate_and_one_period(self):
        # i = 0: P / n; n = 1: the whole principal with one period's interest, P (1 + i)
        assert annuity_payment(1200, 0.0, 12) == 100.0
        assert annuity_payment(1000, 0.1, 1) == pytest.approx(1100.0, rel=1e-15)

    def test_subnormal_rate_keeps_its_digits(self):
        # i = 5e-324 (the smallest float): A = P (1 + i) = P for n = 1 and P / n in
        # general, to double precision; P·i alone would underflow to one or two ulps
        assert annuity_payment(1.5, 5e-324, 1) == 1.5
        assert annuity_payment(1200.0, 5e-324, 12) == 100.0

    def test_tiny_rate_is_continuous(self):
        # A = P/n + P i (n + 1) / (2n) + O(i²): at i = 1e-12 the first-order term
        # is what separates it from P / n, and expm1/log1p keep it
        p, n, i = 10_000.0, 12, 1e-12
        assert annuity_payment(p, i, n) == pytest.approx(p / n + p * i * (n + 1) / (2 * n),
                                                         rel=1e-15)

    @settings(max_examples=200, deadline=None)
    @given(p=st.floats(1.0, 1e8), i=st.floats(0.0, 0.5), n=st.integers(1, 360))
    def test_payments_repay_the_principal(self, p, i, n):
        # the definition: Σ_{k=1..n} A (1 + i)^−k = P
        a = annuity_payment(p, i, n)
        pv = math.fsum(a * (1.0 + i) ** -k for k in range(1, n + 1))
        assert pv == pytest.approx(p, rel=1e-10)
