"""The comparison page's scenario: its link schema and its mapping to calc/.

Values are kept in the units the user types (yuan, percent, days), so a link
shows what was entered; :func:`plan_terms` converts to calc's fractions.
"""

from __future__ import annotations

from collections.abc import Mapping

from calc import cashline as cl
from calc.presets import CASH_LINE_PRESETS, INSTALLMENT_PRESETS, InstallmentPreset
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
COMPARE = Schema(page="cmp", shared=SHARED, groups=(PLANS,))


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


def plan_terms_from_preset(preset_id: str) -> PlanTerms:
    """An installment preset's terms, as calc takes them."""
    scn = PLANS.blank(1)
    scn.update({f"{k}1": v for k, v in preset_fields(preset_id).items()})
    return plan_terms(scn, 1)


def plan_count(scn: Mapping[str, object]) -> int:
    return int(scn["np"])  # type: ignore[call-overload]


# ------------------------------------------------------------------ cash line

CASH_PRESET_CHOICES = ("custom", *CASH_LINE_PRESETS)
_c = cl.LIMITS
_DAY_MAX = _c["day"][1]

CASH_SHARED = {
    "ps": Field("code", "weilidai", choices=CASH_PRESET_CHOICES),
    "L": Field("float", 200_000.0, 0.0, _c["limit"][1], lo_open=True),
    "r": Field("float", 0.05, 0.0, 100 * _c["rate_annual"][1]),
    "u": Field("code", "daily", choices=cl.RATE_UNITS),
    "fp": Field("float", 0.0, 0.0, 100 * _c["fee_pct"][1]),
    "fm": Field("float", 0.0, *_c["fee_min"]),
    "ifr": Field("int", 0, 0, 1),
    "nd": Field("int", 1, 1, 5),
    "m": Field("code", "equal_payment", choices=cl.METHODS),
    "tm": Field("int", 12, *_c["term_months"]),
    "nr": Field("int", 0, 0, 5),
    "pr": Field("code", "full", choices=cl.PAY_RULES),
    "mp": Field("float", 10.0, 0.0, 100.0, lo_open=True),
    "mf": Field("float", 100.0, *_c["min_floor"]),
    "fx": Field("float", 1000.0, *_c["fixed_payment"]),
    "lm": Field("int", 0, 0, _c["late_month"][1]),
    "ld": Field("int", 30, *_c["late_days"]),
    "gd": Field("int", 3, *_c["grace_days"]),
    "om": Field("float", 1.5, *_c["overdue_multiple"]),
    "lf": Field("float", 5.0, 0.0, 100 * _c["late_fee_pct"][1]),
    "lfm": Field("float", 10.0, *_c["late_fee_min"]),
    "ro": Field("int", 0, 0, _c["rollover_months"][1]),
    "rl": Field("float", 50_000.0, 0.0, _c["limit"][1], lo_open=True),
    "rr": Field("float", 0.05, 0.0, 100 * _c["rate_annual"][1]),
    "ru": Field("code", "daily", choices=cl.RATE_UNITS),
    "rf": Field("float", 0.0, 0.0, 100 * _c["fee_pct"][1]),
    "rfm": Field("float", 0.0, *_c["fee_min"]),
    "cp": Field("code", "huabei_12", choices=tuple(INSTALLMENT_PRESETS)),
}
DRAWS = Group(count="nd", most=5, fields={
    "a": Field("float", 10_000.0, 0.0, _c["amount"][1], lo_open=True),
    "t": Field("int", 0, 0, _DAY_MAX),
})
REPAYMENTS = Group(count="nr", most=5, fields={
    "rd": Field("int", 30, 0, _DAY_MAX),
    "ra": Field("float", 0.0, 0.0, _c["amount"][1]),  # 0: everything owed that day
})
CASH = Schema(page="cash", shared=CASH_SHARED, groups=(DRAWS, REPAYMENTS))


def cash_preset_fields(preset_id: str) -> dict[str, object]:
    """Scenario values a cash-line preset sets (rates in percent as typed)."""
    p = CASH_LINE_PRESETS[preset_id]
    out: dict[str, object] = {
        "ps": p.id, "L": p.limit, "r": round(100 * p.rate, 6), "u": p.rate_unit,
        "fp": 100 * p.fee_pct, "fm": p.fee_min, "ifr": int(p.interest_free), "m": p.method,
        "tm": p.term_months, "pr": p.pay_rule,
    }
    if p.method == "flexible":
        out.update(nr=1, rd1=p.repay_day, ra1=0.0)
    return out


def matches_cash_preset(scn: Mapping[str, object]) -> bool:
    if scn["ps"] == "custom":
        return False
    return all(scn.get(k) == v for k, v in cash_preset_fields(str(scn["ps"])).items())


def cash_inputs(scn: Mapping[str, object]):
    """(draws, line, plan, faults, rollover) for :func:`calc.cashline.simulate`."""
    method = str(scn["m"])
    draws = [cl.Draw(float(scn[f"a{i}"]), scn[f"t{i}"]) for i in range(1, int(scn["nd"]) + 1)]
    line = cl.LineTerms(
        limit=float(scn["L"]), rate=float(scn["r"]) / 100, rate_unit=str(scn["u"]),
        fee_pct=float(scn["fp"]) / 100, fee_min=float(scn["fm"]),
        interest_free=bool(scn["ifr"]) and method == "revolving",
    )
    repayments = ()
    if method in ("flexible", "revolving"):
        repayments = tuple(
            cl.Repayment(scn[f"rd{i}"], float(scn[f"ra{i}"]) or None)
            for i in range(1, int(scn["nr"]) + 1)
        )
    plan = cl.RepaymentPlan(
        method=method, term_months=scn["tm"], repayments=repayments, pay_rule=str(scn["pr"]),
        min_pct=float(scn["mp"]) / 100, min_floor=float(scn["mf"]),
        fixed_payment=float(scn["fx"]),
    )
    late = ()
    if int(scn["lm"]) > 0 and method != "flexible":
        late = (cl.LatePayment(scn["lm"], scn["ld"]),)
    faults = cl.Faults(late=late, grace_days=scn["gd"], overdue_multiple=float(scn["om"]),
                       late_fee_pct=float(scn["lf"]) / 100, late_fee_min=float(scn["lfm"]))
    rollover = None
    if int(scn["ro"]) > 0 and method != "flexible":
        rollover = cl.Rollover(months=scn["ro"], limit=float(scn["rl"]),
                               rate=float(scn["rr"]) / 100, rate_unit=str(scn["ru"]),
                               fee_pct=float(scn["rf"]) / 100, fee_min=float(scn["rfm"]))
    return draws, line, plan, faults, rollover
