"""Hypothesis strategies shared by the tests: inputs inside the validated domain."""

from hypothesis import strategies as st

from calc.schedule import EARLY_RULES, FEE_TIMINGS, KINDS, LIMITS, PlanTerms
from calc.units import RATE_UNITS

prices = st.floats(min_value=1.0, max_value=LIMITS["price"][1], allow_nan=False)
periods = st.integers(*LIMITS["periods"])
fee_rates = st.floats(*LIMITS["fee_rate"], allow_nan=False)
annual_rates = st.floats(*LIMITS["rate_annual"], allow_nan=False)
discounts = st.floats(*LIMITS["cash_discount"], allow_nan=False)
daily_rates = st.floats(*LIMITS["rate_daily"], allow_nan=False)
#: (rate, rate_unit) a lender could quote: an annual or a daily rate within LIMITS.
quoted_rates = st.sampled_from(RATE_UNITS).flatmap(
    lambda unit: st.tuples(annual_rates if unit == "annual" else daily_rates, st.just(unit))
)


@st.composite
def plans(draw, kinds=KINDS):
    """(price, terms, cash_discount) a lender could offer."""
    price = draw(prices)
    kind = draw(st.sampled_from(kinds))
    down = draw(st.floats(0.0, 0.9)) * price
    upfront = draw(st.floats(0.0, 0.05)) * (price - down)
    terms = PlanTerms(
        kind=kind,
        periods=draw(periods),
        fee_rate=draw(fee_rates),
        fee_timing=draw(st.sampled_from(FEE_TIMINGS)),
        rate=draw(annual_rates),
        down_payment=down,
        upfront_fee=upfront,
        first_days=draw(st.integers(*LIMITS["first_days"])),
        early_rule=draw(st.sampled_from(EARLY_RULES)),
        penalty_rate=draw(st.floats(*LIMITS["penalty_rate"])),
    )
    return price, terms, draw(discounts)
