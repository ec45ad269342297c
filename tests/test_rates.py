"""calc.rates: published APR cases, closed forms and properties."""

from __future__ import annotations

import json
import math
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc.errors import InputError, RateError
from calc.rates import (
    CashFlow,
    advertised_rate,
    average_balance,
    effective_annual,
    nominal_apr,
    npv,
    periodic_rate,
    periodic_rate_batch,
)

#: The published cases, carried in the repository (tests/data/README.md says
#: where each comes from), so a fresh clone checks every one.
CASES_FILE = Path(__file__).resolve().parent / "data" / "apr_reference_cases.json"


def _load_cases() -> list[dict]:
    return json.loads(CASES_FILE.read_text(encoding="utf-8"))


CASES = _load_cases()


def half_up(x: float, decimals: int) -> float:
    """Published rounding (EU Annex I remark (d): half up)."""
    q = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(x)).quantize(q, rounding=ROUND_HALF_UP))


def _run_flows(runs: list[dict], sign: float) -> list[CashFlow]:
    out = []
    for run in runs:
        for k in range(run["count"]):
            out.append(CashFlow(sign * run["amount"], run["t"] + k, run["f"]))
    return out


def solve_case(case: dict) -> list[tuple[float, dict]]:
    """(our figure, expectation) pairs for one case of the reference file."""
    cf = case["cashflows"]
    conv = case["convention"]
    if conv == "us_actuarial":
        flows = _run_flows(cf["advances"], +1) + _run_flows(cf["payments"], -1)
        i = periodic_rate(flows, odd_days="simple")
        return [(100 * nominal_apr(i, cf["unit_periods_per_year"]), case["expected"])]
    if conv == "eu_compound":
        flows = [CashFlow(a, int(t), t - int(t)) for a, t in cf["drawdowns"]]
        flows += [CashFlow(-a, int(t), t - int(t)) for a, t in cf["repayments"]]
        x = periodic_rate(flows, odd_days="compound")  # unit period: one year
        return [(100 * x, case["expected"])]
    if conv == "periodic":
        flows = []
        for run in cf["flows"]:
            flows += [CashFlow(run["amount"], run["start"] + k) for k in range(run["count"])]
        r = periodic_rate(flows)
        n = cf["periods_per_year"]
        expected = case["expected"]
        out = []
        for exp in expected if isinstance(expected, list) else [expected]:
            kind = exp["annualization"]
            if kind == "periodic":
                value = r * (100 if exp.get("unit") == "percent" else 1)
            elif kind == "nominal":
                value = 100 * nominal_apr(r, n)
            elif kind == "effective":
                value = 100 * effective_annual(r, n)
            else:
                raise AssertionError(f"unknown annualization {kind}")
            out.append((value, exp))
        return out
    raise AssertionError(f"unknown convention {conv}")


def test_reference_file_is_present_and_nonempty():
    assert len(CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_published_case(case):
    for value, exp in solve_case(case):
        decimals = exp["published_decimals"]
        assert half_up(value, decimals) == pytest.approx(exp["value"], abs=1e-12), (
            case["id"],
            value,
        )
        tol = exp.get("tolerance_pp")  # Reg Z § 1026.22(a); EU cases have none
        if tol:
            assert abs(value - exp["value"]) <= tol


# ---------------------------------------------------------------- closed forms


def test_classroom_example():
    # ¥10,000, 12 × (833.33… + 60): domain.md §2 anchors 13.03% / 13.84%
    flows = [CashFlow(10_000, 0)] + [CashFlow(-10_720 / 12, k) for k in range(1, 13)]
    i = periodic_rate(flows)
    assert round(100 * nominal_apr(i, 12), 2) == 13.03
    assert round(100 * effective_annual(i, 12), 2) == 13.84
    assert advertised_rate(0.006) == pytest.approx(0.072)


def test_single_period_closed_form():
    # 100 now, 110 in one period: i = 10% exactly; with odd days, 1 + f*i = 1.1
    assert periodic_rate([CashFlow(100, 0), CashFlow(-110, 1)]) == pytest.approx(0.1, abs=1e-15)
    assert periodic_rate([CashFlow(100, 0), CashFlow(-110, 0, 0.5)]) == pytest.approx(0.2)
    # compound: (1 + i)^0.5 = 1.1 -> i = 0.21
    assert periodic_rate(
        [CashFlow(100, 0), CashFlow(-110, 0, 0.5)], odd_days="compound"
    ) == pytest.approx(0.21)


def test_payday_single_payment():
    # domain.md §2: $15 per $100 for 14 days = 15% × 365/14 = 391%
    i = periodic_rate([CashFlow(100, 0), CashFlow(-115, 1)])
    assert round(100 * nominal_apr(i, 365 / 14)) == 391


def test_daily_rate_annualisations():
    # 日息万5: 0.05% × 365 = 18.25% simple; 1.0005^365 − 1 = 20.02%
    assert nominal_apr(0.0005, 365) == pytest.approx(0.1825)
    assert round(100 * effective_annual(0.0005, 365), 2) == 20.02


def test_average_balance_addon_formula():
    # 24 r n / (n + 1) for an add-on fee r over n months (domain.md §2)
    r, n, p = 0.006, 12, 10_000
    balance_years = sum(p * (n - k) / n for k in range(n)) / 12
    assert average_balance(p * r * n, balance_years) == pytest.approx(24 * r * n / (n + 1))


def test_several_roots_returns_closest_to_zero():
    # −100 + 230 v − 132 v² = 0 ⇔ 100x² − 230x + 132 = 0, x = 1 + i ∈ {1.1, 1.2}
    flows = [CashFlow(-100, 0), CashFlow(230, 1), CashFlow(-132, 2)]
    assert periodic_rate(flows) == pytest.approx(0.10, abs=1e-13)
    # 100x² − 210x + 108 = 0: x ∈ {0.9, 1.2}; −10% is closer to zero than +20%
    flows = [CashFlow(-100, 0), CashFlow(210, 1), CashFlow(-108, 2)]
    assert periodic_rate(flows) == pytest.approx(-0.10, abs=1e-13)


def test_no_rate_and_not_a_loan_raise_codes():
    # 100x² − 300x + 300 has no real root
    with pytest.raises(RateError) as e:
        periodic_rate([CashFlow(100, 0), CashFlow(-300, 1), CashFlow(300, 2)])
    assert e.value.code == "no_rate"
    for flows in ([], [CashFlow(100, 0)], [CashFlow(-1, 0), CashFlow(-1, 1)]):
        with pytest.raises(RateError) as e:
            periodic_rate(flows)
        assert e.value.code == "not_a_loan"


@pytest.mark.parametrize(
    "bad, code",
    [
        (CashFlow(float("nan"), 1), "not_a_number"),
        (CashFlow(float("inf"), 1), "not_a_number"),
        (CashFlow(-1, -1), "out_of_range"),
        (CashFlow(-1, 1, 1.0), "out_of_range"),
        (CashFlow(-1, 1.5), "out_of_range"),
    ],
)
def test_malformed_flows_raise_input_error(bad, code):
    with pytest.raises(InputError) as e:
        periodic_rate([CashFlow(100, 0), bad])
    assert e.value.code == code
    assert "got" in e.value.params


def test_unknown_odd_days_code():
    with pytest.raises(InputError) as e:
        periodic_rate([CashFlow(1, 0), CashFlow(-2, 1)], odd_days="banker")
    assert e.value.params == {"field": "odd_days", "got": "banker"}


def test_extreme_rates_are_found_not_nan():
    # a day's loan doubling the money: i = 100% per period; one losing 99.9%
    assert periodic_rate([CashFlow(1, 0), CashFlow(-2, 1)]) == pytest.approx(1.0)
    assert periodic_rate([CashFlow(1000, 0), CashFlow(-1, 1)]) == pytest.approx(-0.999)
    # 360 periods at a huge rate: no overflow
    flows = [CashFlow(1, 0)] + [CashFlow(-5, k) for k in range(1, 361)]
    i = periodic_rate(flows)
    assert math.isfinite(i) and i == pytest.approx(5.0, rel=1e-12)  # perpetuity: 1 = 5/i


def test_npv_matches_definition():
    flows = [CashFlow(1000, 0), CashFlow(-600, 1, 0.5), CashFlow(-600, 2, 0.5)]
    i = 0.01
    simple = 1000 - 600 / ((1 + 0.5 * i) * (1 + i)) - 600 / ((1 + 0.5 * i) * (1 + i) ** 2)
    compound = 1000 - 600 * (1 + i) ** -1.5 - 600 * (1 + i) ** -2.5
    assert npv(flows, i) == pytest.approx(simple, rel=1e-14)
    assert npv(flows, i, odd_days="compound") == pytest.approx(compound, rel=1e-14)


# ------------------------------------------------------------------ properties


@settings(max_examples=200, deadline=None)
@given(
    i=st.floats(0.0, 0.2),
    n=st.integers(1, 360),
    principal=st.floats(1.0, 1e7),
    f=st.floats(0.0, 0.99),
    odd_days=st.sampled_from(["simple", "compound"]),
)
def test_schedule_at_known_rate_solves_back(i, n, principal, f, odd_days):
    # level payments at rate i with every payment shifted by f of a period:
    # principal = pay × Σ D(k, f), so the solve must return i
    ks = np.arange(1, n + 1)
    if odd_days == "simple":
        d = 1 / ((1 + f * i) * (1 + i) ** ks)
    else:
        d = (1 + i) ** -(ks + f)
    pay = principal / d.sum()
    flows = [CashFlow(principal, 0)] + [CashFlow(-pay, int(k), f) for k in ks]
    assert abs(periodic_rate(flows, odd_days=odd_days) - i) < 1e-10


@settings(max_examples=100, deadline=None)
@given(
    rows=st.lists(
        st.tuples(st.floats(0.0, 0.1), st.integers(1, 36), st.floats(10.0, 1e6)),
        min_size=1,
        max_size=30,
    )
)
def test_batch_solves_back_known_rates(rows):
    principal = np.array([p for _, _, p in rows])
    payments = np.zeros((len(rows), 36))
    for j, (i, n, p) in enumerate(rows):
        ks = np.arange(1, n + 1)
        payments[j, :n] = p / ((1 + i) ** -ks.astype(float)).sum()
    got = periodic_rate_batch(principal, payments)
    want = np.array([i for i, _, _ in rows])
    assert np.all(np.isfinite(got))
    assert np.max(np.abs(got - want)) < 1e-10


@settings(max_examples=100, deadline=None)
@given(
    p=st.floats(1.0, 1e6),
    n=st.integers(1, 36),
    fee=st.floats(0.0, 0.05),
    pays_less=st.booleans(),
)
def test_batch_agrees_with_scalar(p, n, fee, pays_less):
    each = p / n * (0.9 if pays_less else 1.0) + p * fee
    got = periodic_rate_batch(np.array([p]), np.full((1, n), each))[0]
    want = periodic_rate([CashFlow(p, 0)] + [CashFlow(-each, k) for k in range(1, n + 1)])
    assert got == pytest.approx(want, abs=1e-12)


@pytest.mark.parametrize(
    "principal, payments, field",
    [
        ([0.0], [[1.0]], "principal"),
        ([1.0], [[-1.0]], "payment"),
        ([1.0], [[0.0, 0.0]], "payments_total"),
        ([float("nan")], [[1.0]], "batch"),
    ],
)
def test_batch_rejects_bad_rows(principal, payments, field):
    with pytest.raises(InputError) as e:
        periodic_rate_batch(np.array(principal), np.array(payments))
    assert e.value.params["field"] == field
