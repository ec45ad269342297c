"""Hypothesis strategies shared by the tests: inputs inside the validated domain."""

from hypothesis import strategies as st

from calc.burden import OBLIGATION_KINDS, Household, Obligation
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


# Issue 10 (calc.burden, calc.warnings): households and obligations as plain data.

#: Monthly net incomes a household could enter, to the fen.
incomes = st.floats(100.0, 100_000.0).map(lambda x: round(x, 2))
#: Lender codes, "" for a lender not known.
lender_codes = st.sampled_from(["", "huabei", "baitiao", "cmb", "weilidai"])


@st.composite
def households(draw, income=incomes):
    """A Household; ``income=st.none()`` for one that entered no income."""
    return Household(
        income=draw(income),
        essentials=draw(st.floats(0.0, 50_000.0).map(lambda x: round(x, 2))),
        existing_payments=draw(st.floats(0.0, 5_000.0).map(lambda x: round(x, 2))),
    )


@st.composite
def obligations(draw, max_months=36):
    """An Obligation: payments for up to ``max_months`` months (some months
    nothing), a balance, rates when known, and the warning flags."""
    payment = st.one_of(st.just(0.0), st.floats(0.01, 20_000.0).map(lambda x: round(x, 2)))
    rate = st.one_of(st.none(), st.floats(0.0, 1.0))
    return Obligation(
        kind=draw(st.sampled_from(OBLIGATION_KINDS)),
        payments=tuple(draw(st.lists(payment, min_size=1, max_size=max_months))),
        balance=draw(st.floats(0.0, 200_000.0).map(lambda x: round(x, 2))),
        lender=draw(lender_codes),
        nominal_rate=draw(rate),
        effective_rate=draw(rate),
        cash_advance=draw(st.booleans()),
        minimum_only=draw(st.booleans()),
        rollover=draw(st.booleans()),
        early_rate_raised=draw(st.booleans()),
        secured=draw(st.booleans()),
    )
