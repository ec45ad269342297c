"""The comparison page's scenario: link schema, view settings, calc adapter."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from calc.compare import Comparison, compare
from calc.errors import InputError
from calc.presets import INSTALLMENT_PRESETS
from calc.schedule import (
    EARLY_RULES,
    FEE_MODES,
    FEE_TIMINGS,
    KINDS,
    LIMITS,
    PlanTerms,
    fee_per_period,
)
from calc.units import RATE_UNITS
from ui.codec import Field, Group, Schema
from ui.scenarios import num, whole

__all__ = ["MAX_PLANS", "PRESET_CHOICES", "SHARED", "PER_PLAN", "PLANS", "COMPARE", "VIEWS",
           "MORE_TERMS", "preset_fields", "matches_preset", "plan_count", "plan_terms",
           "CompareInputs", "inputs", "results"]

MAX_PLANS = 6
PRESET_CHOICES = ("custom", *INSTALLMENT_PRESETS)

_p = LIMITS

SHARED = {
    "p": Field("float", 3999.0, 0.0, _p["price"][1], lo_open=True),
    "d": Field("float", 0.0, 0.0, 100 * _p["cash_discount"][1]),
    "y": Field("float", 0.0, 0.0, 100.0),
    "np": Field("int", 2, 1, MAX_PLANS),
}

PER_PLAN = {
    "ps": Field("code", "custom", choices=PRESET_CHOICES),
    "nm": Field("text", ""),
    "k": Field("code", "addon", choices=KINDS),
    "n": Field("int", 12, *_p["periods"]),
    "fm": Field("code", "period", choices=FEE_MODES),
    "f": Field("float", 0.6, 0.0, 100 * _p["fee_rate"][1] * _p["periods"][1]),
    "t": Field("code", "spread", choices=FEE_TIMINGS),
    "r": Field("float", 0.0, 0.0, 100 * _p["rate_annual"][1]),
    "u": Field("code", "annual", choices=RATE_UNITS),
    "dp": Field("float", 0.0, 0.0, _p["price"][1]),
    "uf": Field("float", 0.0, 0.0, _p["price"][1]),
    "fd": Field("int", 30, *_p["first_days"]),
    "er": Field("code", "charge", choices=EARLY_RULES),
    "pp": Field("float", 0.0, 0.0, 100 * _p["penalty_pct"][1]),
    "ek": Field("int", 0, 0, _p["periods"][1]),
}

#: The name and the less common terms: behind a switch while all are at their defaults.
MORE_TERMS = ("nm", "dp", "uf", "fd", "er", "pp")


def preset_fields(preset_id: str) -> dict[str, object]:
    """Plan fields (without index) that a preset sets, as the user would type them."""
    p = INSTALLMENT_PRESETS[preset_id]
    return {"ps": p.id, "k": p.kind, "n": p.periods, "fm": p.fee_mode, "f": p.fee_pct,
            "t": p.fee_timing}


PLANS = Group(
    count="np",
    most=MAX_PLANS,
    fields=PER_PLAN,
    # "this phone costs ¥3,999: 花呗 12 期 or the bank card's 24 期?"
    defaults=(preset_fields("huabei_12"), preset_fields("ccb_24")),
)
COMPARE = Schema(page="cmp", shared=SHARED, groups=(PLANS,))

#: What the page shows, not in the link: the plan being edited, the chart,
#: the more-terms switch, the plan whose schedule and math are open.
VIEWS: dict[str, object] = {"edit": 1, "chart": "cum", "more": False, "detail": 1,
                            "math_on": False, "math": 1, "addps": "custom"}


def matches_preset(scn: Mapping[str, object], i: int) -> bool:
    """Whether plan ``i`` still has its preset's terms (else it was edited)."""
    ps = scn[f"ps{i}"]
    if ps == "custom":
        return False
    return all(scn[f"{k}{i}"] == v for k, v in preset_fields(str(ps)).items())


def plan_count(scn: Mapping[str, object]) -> int:
    return whole(scn, "np")



def plan_terms(scn: Mapping[str, object], i: int) -> PlanTerms:
    """Plan ``i`` of the scenario as calc's terms: percent → fraction, and a
    total fee spread over the periods by calc's own rule."""
    n = whole(scn, f"n{i}")
    fee = num(scn, f"f{i}") / 100
    try:
        fee = fee_per_period(fee, str(scn[f"fm{i}"]), n)
    except InputError:
        pass  # periods out of range: calc reports the periods, which is the real fault
    return PlanTerms(
        kind=str(scn[f"k{i}"]),
        periods=n,
        fee_rate=fee,
        fee_timing=str(scn[f"t{i}"]),
        rate=num(scn, f"r{i}") / 100,
        rate_unit=str(scn[f"u{i}"]),
        down_payment=num(scn, f"dp{i}"),
        upfront_fee=num(scn, f"uf{i}"),
        first_days=whole(scn, f"fd{i}"),
        early_rule=str(scn[f"er{i}"]),
        penalty_pct=num(scn, f"pp{i}") / 100,
    )


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
        cash_discount=num(scn, "d") / 100,
        savings_yield=num(scn, "y") / 100,
        plans=tuple(plan_terms(scn, i) for i in plans),
        early_after=tuple(whole(scn, f"ek{i}") for i in plans),
    )


@lru_cache(maxsize=256)
def _compare(inp: CompareInputs) -> Comparison:
    return compare(inp.price, inp.cash_discount, inp.savings_yield, list(inp.plans),
                   list(inp.early_after))


def results(scn: Mapping[str, object]) -> Comparison:
    """calc's comparison of the scenario (cached by its inputs); raises
    :class:`~calc.errors.CalcError` when a shared input is invalid."""
    return _compare(inputs(scn))
