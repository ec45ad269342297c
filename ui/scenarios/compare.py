"""The comparison page's scenario: link schema, view settings, calc adapter."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from calc.compare import Comparison, compare
from calc.errors import CalcError, InputError
from calc.money import round_fen
from calc.presets import INSTALLMENT_PRESETS
from calc.schedule import (
    EARLY_RULES,
    FEE_MODES,
    FEE_ROUNDINGS,
    FEE_TIMINGS,
    KINDS,
    LIMITS,
    PlanTerms,
    cash_price,
    discount_fraction,
    entered_fee,
    with_fee,
)
from calc.units import RATE_UNITS
from ui import memo
from ui.codec import Field, Group, Schema
from ui.scenarios import num, whole
from ui.scenarios.household import HOUSEHOLD

__all__ = ["MAX_PLANS", "PRESET_CHOICES", "SHARED", "PER_PLAN", "PLANS", "COMPARE", "VIEWS",
           "MORE_TERMS", "FEE_UNIT", "DISCOUNT_UNITS", "FEE_ENTRY", "KEEPS", "preset_fields",
           "more_terms_in_use", "financed", "convert_fee", "convert_discount", "places",
           "fee_format", "discount_format", "discount", "matches_preset", "plan_count",
           "plan_terms",
           "CompareInputs", "inputs", "results"]

MAX_PLANS = 6
PRESET_CHOICES = ("custom", *INSTALLMENT_PRESETS)

_p = LIMITS

#: How the discount for paying in full is entered: a percent of the price, or yuan.
DISCOUNT_UNITS = ("pct", "yuan")
#: How a fee entered in yuan is charged: ``fixed``, as entered (the figure
#: fixes the whole fee, calc.schedule's *Conventions*); ``rate``, turned into a
#: fee per period and rounded by the fee rounding, as links made before did.
FEE_ENTRY = ("fixed", "rate")
#: Whether a plan keeps the discount for paying in full (``yes``: a 免息 card
#: the shop still gives it on) or loses it (``no``).
KEEPS = ("no", "yes")

SHARED = {
    "p": Field("float", 3999.0, 0.0, _p["price"][1], lo_open=True,
              label="cmp.price"),
    # percent of the price, or yuan (du); calc bounds it to half the price
    "d": Field("float", 0.0, 0.0, 100 * _p["cash_discount"][1],
              label="cmp.discount"),
    # added with the discount in yuan (issue 19): a link from before meant a percent
    "du": Field("code", "pct", choices=DISCOUNT_UNITS, absent="pct",
               label="cmp.discount_unit"),
    "y": Field("float", 0.0, 0.0, 100.0,
              label="cmp.yield"),
    "np": Field("int", 2, 1, MAX_PLANS,
               label="cmp.plan_count"),
}

PER_PLAN = {
    "ps": Field("code", "custom", choices=PRESET_CHOICES,
               label="cmp.preset"),
    "nm": Field("text", "",
               label="cmp.name"),
    "k": Field("code", "addon", choices=KINDS,
              label="cmp.kind"),
    "n": Field("int", 12, *_p["periods"],
              label="cmp.periods"),
    "fm": Field("code", "period", choices=FEE_MODES,
               label="cmp.fee_mode"),
    # percent in the percent modes, yuan in the others (FEE_UNIT); calc bounds the
    # fee per period it comes to
    "f": Field("float", 0.6, 0.0, _p["price"][1],
              label="cmp.fee"),
    # added with checkout entry: a link from before meant the total rounded once and
    # no separate first installment
    "fr": Field("code", "period", choices=FEE_ROUNDINGS, absent="total",
               label="cmp.fee_rounding"),
    "fi": Field("float", 0.0, 0.0, _p["price"][1], absent=0.0,
               label="cmp.first_payment"),  # 0: like the others
    # added with fees charged as entered (issue 19): a link from before turned a
    # fee in yuan into a rate, rounded by fr, and every plan lost the discount
    "fe": Field("code", "fixed", choices=FEE_ENTRY, absent="rate",
               label="cmp.fee_entry"),
    "kd": Field("code", "no", choices=KEEPS, absent="no",
               label="cmp.keeps_discount"),
    "t": Field("code", "spread", choices=FEE_TIMINGS,
              label="cmp.fee_timing"),
    "r": Field("float", 0.0, 0.0, 100 * _p["rate_annual"][1],
              label="cmp.rate"),
    "u": Field("code", "annual", choices=RATE_UNITS,
              label="cmp.rate_unit"),
    "dp": Field("float", 0.0, 0.0, _p["price"][1],
               label="cmp.down"),
    "uf": Field("float", 0.0, 0.0, _p["price"][1],
               label="cmp.upfront"),
    "fd": Field("int", 30, *_p["first_days"],
               label="cmp.first_days"),
    "er": Field("code", "charge", choices=EARLY_RULES,
               label="cmp.early_rule"),
    "pp": Field("float", 0.0, 0.0, 100 * _p["penalty_rate"][1],
               label="cmp.penalty"),
    "ek": Field("int", 0, 0, _p["periods"][1],
               label="cmp.early"),
}

#: The name and the less common terms, behind a switch.
MORE_TERMS = ("nm", "dp", "uf", "fd", "fi", "fr", "fe", "kd", "er", "pp")

#: The unit of the fee field in each fee mode: percent of the price, or yuan.
FEE_UNIT = {"period": "pct", "total": "pct", "period_yuan": "yuan", "total_yuan": "yuan",
            "payment": "yuan"}


def preset_fields(preset_id: str) -> dict[str, object]:
    """Plan fields (without index) that a preset sets, as the user would type them."""
    p = INSTALLMENT_PRESETS[preset_id]
    return {"ps": p.id, "k": p.kind, "n": p.periods, "fm": p.fee_mode, "f": p.fee_pct,
            "t": p.fee_timing, "fr": p.fee_rounding}


def more_terms_in_use(scn: Mapping[str, object], i: int) -> tuple[str, ...]:
    """The more-terms fields of plan ``i`` that differ from what its preset (or a
    blank plan) sets: what a closed "more terms" section would hide."""
    base = {k: f.default for k, f in PER_PLAN.items()}
    if scn[f"ps{i}"] != "custom":
        base.update(preset_fields(str(scn[f"ps{i}"])))
    return tuple(k for k in MORE_TERMS if scn[f"{k}{i}"] != base[k])


PLANS = Group(
    count="np",
    most=MAX_PLANS,
    fields=PER_PLAN,
    item="cmp.plan_n",
    # "this phone costs ¥3,999: 花呗 12 期 or the bank card's 24 期?"
    defaults=(preset_fields("huabei_12"), preset_fields("ccb_24")),
)
COMPARE = Schema(page="cmp", shared=SHARED, groups=(PLANS,), parts=(HOUSEHOLD,))

#: What the page shows, not in the link: the plan being edited, the chart,
#: the more-terms switch, the plan whose schedule and math are open.
#: What the page shows; ``priced``: the sections the price row may rerun
#: alone, as the body's last run drew them (``None``: the body reruns).
VIEWS: dict[str, object] = {"edit": 1, "chart": "cum", "more": False, "detail": 1,
                            "math_on": False, "math": 1, "addps": "custom", "unconverted": 0,
                            "undiscounted": False,
                            "priced": None}


def matches_preset(scn: Mapping[str, object], i: int) -> bool:
    """Whether plan ``i`` still has its preset's terms (else it was edited)."""
    ps = scn[f"ps{i}"]
    if ps == "custom":
        return False
    return all(scn[f"{k}{i}"] == v for k, v in preset_fields(str(ps)).items())


def plan_count(scn: Mapping[str, object]) -> int:
    return whole(scn, "np")



def financed(scn: Mapping[str, object], i: int) -> float:
    """What plan ``i``'s fee is charged on: the price less its down payment."""
    return num(scn, "p") - num(scn, f"dp{i}")


def _fee_to_calc(value: float, mode: str) -> float:
    return value / 100 if FEE_UNIT[mode] == "pct" else value


def _fee_from_calc(value: float, mode: str) -> float:
    return value * 100 if FEE_UNIT[mode] == "pct" else value


#: The fewest and the most decimals a field shows: a fee in percent shows at
#: least four (0.5000%), yuan two; a converted figure that needs more shows them.
_PLACES = {"pct": (4, 8), "yuan": (2, 6), "discount": (2, 8)}


def places(value: float, unit: str) -> int:
    """How many decimals a field of ``unit`` shows for ``value``: the fewest,
    from the unit's least, that show it exactly (so what a field shows, typed
    back, is what it holds); at most the unit's most."""
    lo, hi = _PLACES[unit]
    for d in range(lo, hi + 1):
        if abs(round(value, d) - value) <= 1e-9 * max(1.0, abs(value)):
            return d
    return hi


def fee_format(value: float, mode: str) -> str:
    """The fee field's format (``number_input``'s) for ``value`` in ``mode``."""
    return f"%.{places(value, FEE_UNIT.get(mode, 'pct'))}f"


def discount_format(value: float) -> str:
    """The discount field's format for ``value`` (percent or yuan)."""
    return f"%.{places(value, 'discount')}f"


def discount(scn: Mapping[str, object]) -> float:
    """The discount for paying in full as calc's fraction of the price; raises
    :class:`~calc.errors.InputError` for a yuan discount calc cannot take."""
    d = num(scn, "d")
    return discount_fraction(d, num(scn, "p")) if scn["du"] == "yuan" else d / 100


def convert_discount(scn: Mapping[str, object], old: str, new: str) -> float | None:
    """The discount entered in unit ``old`` as the same discount in ``new``:
    in yuan, what it takes off the price (to the fen); in percent, the
    shortest that gives the same cash price.  ``None`` without a valid price
    and discount to convert."""
    try:
        p = num(scn, "p")
        was = dict(scn)
        was["du"] = old
        paid = cash_price(p, discount(was))
    except (CalcError, KeyError):
        return None
    if new == old:
        return num(scn, "d")
    if new == "yuan":
        return round_fen(p - paid)
    exact = 100 * (p - paid) / p
    for d in range(_PLACES["discount"][0], _PLACES["discount"][1] + 1):
        if cash_price(p, round(exact, d) / 100) == paid:
            return round(exact, d)
    return None


def convert_fee(scn: Mapping[str, object], i: int, old: str, new: str) -> float | None:
    """Plan ``i``'s fee, entered in mode ``old``, as the same fee in mode ``new``:
    the plan's own figure (calc's :func:`~calc.schedule.entered_fee`), which
    typed back gives the same cost; ``None`` when it cannot be converted (no
    valid price, periods or fee to convert with, or no figure in ``new`` that
    keeps the cost)."""
    was = dict(scn)
    was[f"fm{i}"] = old
    unit = FEE_UNIT[new]
    hi = _PLACES[unit][1]
    shift = 2 if unit == "pct" else 0  # percent shown, fraction in calc
    try:
        got = entered_fee(num(scn, "p"), plan_terms(was, i), new, discount(scn),
                          most=hi + shift)
    except (CalcError, KeyError):
        return None
    if got is None:
        return None
    return round(_fee_from_calc(got, new), hi)


def plan_terms(scn: Mapping[str, object], i: int) -> PlanTerms:
    """Plan ``i`` of the scenario as calc's terms: percent → fraction, and the
    fee as entered turned into calc's terms by calc's own rule
    (:func:`~calc.schedule.with_fee`)."""
    n = whole(scn, f"n{i}")
    mode = str(scn[f"fm{i}"])
    terms = PlanTerms(
        kind=str(scn[f"k{i}"]),
        periods=n,
        fee_rate=0.0,
        fee_timing=str(scn[f"t{i}"]),
        rate=num(scn, f"r{i}") / 100,
        rate_unit=str(scn[f"u{i}"]),
        down_payment=num(scn, f"dp{i}"),
        upfront_fee=num(scn, f"uf{i}"),
        first_days=whole(scn, f"fd{i}"),
        early_rule=str(scn[f"er{i}"]),
        penalty_rate=num(scn, f"pp{i}") / 100,
        fee_rounding=str(scn[f"fr{i}"]),
        first_payment=num(scn, f"fi{i}"),
        keeps_discount=scn[f"kd{i}"] == "yes",
    )
    fee = _fee_to_calc(num(scn, f"f{i}"), mode)
    try:
        return with_fee(terms, fee, mode, _fee_base(scn, i),
                        as_entered=scn[f"fe{i}"] == "fixed")
    except InputError:
        # periods or price out of range: calc reports those, which are the real fault
        return replace(terms, fee_rate=0.0 if FEE_UNIT[mode] == "yuan" else fee)


def _fee_base(scn: Mapping[str, object], i: int) -> float:
    """What plan ``i``'s fee is charged on: :func:`financed`, or the cash
    price less the down payment when the plan keeps the discount."""
    if scn[f"kd{i}"] != "yes":
        return financed(scn, i)
    try:
        return cash_price(num(scn, "p"), discount(scn)) - num(scn, f"dp{i}")
    except CalcError:
        return financed(scn, i)


@dataclass(frozen=True)
class CompareInputs:
    """Everything :func:`calc.compare.compare` takes, hashable for the cache."""

    price: float
    cash_discount: float
    savings_yield: float
    plans: tuple[PlanTerms, ...]
    early_after: tuple[int, ...]


def inputs(scn: Mapping[str, object]) -> CompareInputs:
    plans = range(1, plan_count(scn) + 1)
    return CompareInputs(
        price=num(scn, "p"),
        cash_discount=discount(scn),
        savings_yield=num(scn, "y") / 100,
        plans=tuple(plan_terms(scn, i) for i in plans),
        early_after=tuple(whole(scn, f"ek{i}") for i in plans),
    )


@memo.cached
def _compare(inp: CompareInputs) -> Comparison:
    return compare(inp.price, inp.cash_discount, inp.savings_yield, list(inp.plans),
                   list(inp.early_after))


def results(scn: Mapping[str, object]) -> Comparison:
    """calc's comparison of the scenario (cached by its inputs); raises
    :class:`~calc.errors.CalcError` when a shared input is invalid."""
    return _compare(inputs(scn))
