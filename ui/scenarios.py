"""The comparison page's scenario: its link schema and its mapping to calc/.

Values are kept in the units the user types (yuan, percent, days), so a link
shows what was entered; :func:`plan_terms` converts to calc's fractions.
"""

from __future__ import annotations

from collections.abc import Mapping

from calc.presets import INSTALLMENT_PRESETS, InstallmentPreset
from calc.schedule import EARLY_RULES, FEE_TIMINGS, KINDS, LIMITS, RATE_UNITS, PlanTerms
from ui.codec import Field, Group, Schema

MAX_PLANS = 6
FEE_MODES = ("period", "total")
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


def preset_fields(preset_id: str) -> dict[str, object]:
    """Plan fields (without index) that a preset sets."""
    p: InstallmentPreset = INSTALLMENT_PRESETS[preset_id]
    return {"ps": p.id, "k": p.kind, "n": p.periods, "fm": p.fee_mode, "f": p.fee_pct,
            "t": p.fee_timing}


def matches_preset(scn: Mapping[str, object], i: int) -> bool:
    """Whether plan ``i`` still has its preset's terms (else it was edited)."""
    ps = scn[f"ps{i}"]
    if ps == "custom":
        return False
    return all(scn[f"{k}{i}"] == v for k, v in preset_fields(str(ps)).items())


PLANS = Group(
    count="np",
    most=MAX_PLANS,
    fields=PER_PLAN,
    # "this phone costs ¥3,999: 花呗 12 期 or the bank card's 24 期?"
    defaults=(preset_fields("huabei_12"), preset_fields("ccb_24")),
)
COMPARE = Schema(shared=SHARED, groups=(PLANS,))


def plan_terms(scn: Mapping[str, object], i: int) -> PlanTerms:
    """Plan ``i`` of the scenario as calc's terms (percent → fraction)."""
    n = scn[f"n{i}"]
    fee = float(scn[f"f{i}"]) / 100
    if scn[f"fm{i}"] == "total":
        fee = fee / n if isinstance(n, int) and n > 0 else fee
    return PlanTerms(
        kind=str(scn[f"k{i}"]),
        periods=n,  # type: ignore[arg-type]
        fee_rate=fee,
        fee_timing=str(scn[f"t{i}"]),
        rate=float(scn[f"r{i}"]) / 100,
        rate_unit=str(scn[f"u{i}"]),
        down_payment=float(scn[f"dp{i}"]),
        upfront_fee=float(scn[f"uf{i}"]),
        first_days=scn[f"fd{i}"],  # type: ignore[arg-type]
        early_rule=str(scn[f"er{i}"]),
        penalty_pct=float(scn[f"pp{i}"]) / 100,
    )


def plan_count(scn: Mapping[str, object]) -> int:
    return int(scn["np"])  # type: ignore[call-overload]
