"""The comparison page's scenario: link schema, view settings, calc adapter."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from calc.compare import Comparison, compare
from calc.errors import InputError
from calc.presets import INSTALLMENT_PRESETS
from calc.schedule import (
    EARLY_RULES,
    FEE_MODES,
    FEE_ROUNDINGS,
    FEE_TIMINGS,
    KINDS,
    LIMITS,
    PlanTerms,
    fee_in_mode,
    fee_per_period,
)
from calc.units import RATE_UNITS
from ui import memo
from ui.codec import Field, Group, Schema
from ui.scenarios import num, whole
from ui.scenarios.household import HOUSEHOLD

__all__ = ["MAX_PLANS", "PRESET_CHOICES", "SHARED", "PER_PLAN", "PLANS", "COMPARE", "VIEWS",
           "MORE_TERMS", "FEE_UNIT", "preset_fields", "more_terms_in_use", "financed",
           "convert_fee", "matches_preset", "plan_count", "plan_terms",
           "CompareInputs", "inputs", "results"]

MAX_PLANS = 6
PRESET_CHOICES = ("custom", *INSTALLMENT_PRESETS)

_p = LIMITS

SHARED = {
    "p": Field("float", 3999.0, 0.0, _p["price"][1], lo_open=True,
              label="cmp.price"),
    "d": Field("float", 0.0, 0.0, 100 * _p["cash_discount"][1],
              label="cmp.discount"),
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
MORE_TERMS = ("nm", "dp", "uf", "fd", "fi", "fr", "er", "pp")

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


def convert_fee(scn: Mapping[str, object], i: int, old: str, new: str) -> float | None:
    """Plan ``i``'s fee, entered in mode ``old``, as the same fee in mode ``new``
    (calc's exact conversion); ``None`` when it cannot be converted (no valid
    price or periods to convert with)."""
    n, f = whole(scn, f"n{i}"), financed(scn, i)
    try:
        r = fee_per_period(_fee_to_calc(num(scn, f"f{i}"), old), old, n, f)
        return _fee_from_calc(fee_in_mode(r, new, n, f), new)
    except (InputError, KeyError):
        return None


def plan_terms(scn: Mapping[str, object], i: int) -> PlanTerms:
    """Plan ``i`` of the scenario as calc's terms: percent → fraction, and the
    fee as entered turned into the fee per period by calc's own rule."""
    n = whole(scn, f"n{i}")
    mode = str(scn[f"fm{i}"])
    fee = num(scn, f"f{i}")
    if mode in FEE_UNIT:
        fee = _fee_to_calc(fee, mode)
        try:
            fee = fee_per_period(fee, mode, n, financed(scn, i))
        except InputError:
            # periods or price out of range: calc reports those, which are the real fault
            fee = 0.0 if FEE_UNIT[mode] == "yuan" else fee
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
        penalty_rate=num(scn, f"pp{i}") / 100,
        fee_rounding=str(scn[f"fr{i}"]),
        first_payment=num(scn, f"fi{i}"),
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


@memo.cached
def _compare(inp: CompareInputs) -> Comparison:
    return compare(inp.price, inp.cash_discount, inp.savings_yield, list(inp.plans),
                   list(inp.early_after))


def results(scn: Mapping[str, object]) -> Comparison:
    """calc's comparison of the scenario (cached by its inputs); raises
    :class:`~calc.errors.CalcError` when a shared input is invalid."""
    return _compare(inputs(scn))
