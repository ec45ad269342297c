"""The cash-line page's scenario: link schema, view settings, calc adapter."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from calc import cashline as cl
from calc.cash_vs_installment import CashVsInstallment, compare_with_installment
from calc.errors import CalcError
from calc.presets import CASH_LINE_PRESETS, INSTALLMENT_PRESETS
from calc.units import RATE_UNITS
from ui import memo
from ui.codec import Field, Group, Schema
from ui.scenarios import num, whole
from ui.scenarios.household import HOUSEHOLD

__all__ = ["CASH_PRESET_CHOICES", "CASH_SHARED", "DRAWS", "REPAYMENTS", "CASH", "VIEWS",
           "MAX_DRAWS", "MAX_REPAYMENTS", "cash_preset_fields", "matches_cash_preset",
           "min_rule_fields",
           "CashInputs", "inputs", "simulate", "pay_rules", "versus", "quoted"]

CASH_PRESET_CHOICES = ("custom", *CASH_LINE_PRESETS)
MAX_DRAWS = 5
MAX_REPAYMENTS = 5
_c = cl.LIMITS
_DAY_MAX = _c["day"][1]

CASH_SHARED = {
    "ps": Field("code", "weilidai", choices=CASH_PRESET_CHOICES, label="cash.preset"),
    # the user's name for the line (issue 21); a link without it has none
    "nm": Field("text", "", label="cash.name"),
    "L": Field("float", 200_000.0, 0.0, _c["limit"][1], lo_open=True, label="cash.limit"),
    "r": Field("float", 0.05, 0.0, 100 * _c["rate_annual"][1], label="cash.rate"),
    "u": Field("code", "daily", choices=RATE_UNITS, label="cmp.rate_unit"),
    "fp": Field("float", 0.0, 0.0, 100 * _c["fee_rate"][1], label="cash.fee_pct"),
    "fm": Field("float", 0.0, *_c["fee_min"], label="cash.fee_min"),
    "ifr": Field("int", 0, 0, 1, label="cash.interest_free", switch=True),
    # new scenarios: a 备用金 line's simple daily interest, as the default preset
    # (微粒贷); a link from before the choice meant what the app did then, monthly
    "co": Field("code", "none", choices=cl.COMPOUNDING, absent="monthly",
                label="cash.compounding"),
    "nd": Field("int", 1, 1, MAX_DRAWS, label="field.draws_count"),
    "m": Field("code", "equal_payment", choices=cl.METHODS, label="cash.method"),
    "tm": Field("int", 12, *_c["term_months"], label="cash.term"),
    "nr": Field("int", 0, 0, MAX_REPAYMENTS, label="cash.repayment_count"),
    "pr": Field("code", "full", choices=cl.PAY_RULES, label="cash.pay_rule"),
    # a percent of the statement: the rule a link from before the choice meant
    "mr": Field("code", "statement", choices=cl.MIN_RULES, absent="statement",
                label="cash.min_rule"),
    "mp": Field("float", 10.0, 0.0, 100.0, lo_open=True, label="cash.min_pct"),
    "mf": Field("float", 100.0, *_c["min_floor"], label="cash.min_floor"),
    "fx": Field("float", 1000.0, *_c["fixed_payment"], label="cash.fixed"),
    "lm": Field("int", 0, 0, _c["late_month"][1], label="cash.late_month"),
    "ld": Field("int", 30, *_c["late_days"], label="cash.late_days"),
    "gd": Field("int", 3, *_c["grace_days"], label="cash.grace"),
    "om": Field("float", 1.5, *_c["overdue_multiple"], label="cash.overdue_multiple"),
    "lf": Field("float", 5.0, 0.0, 100 * _c["late_fee_rate"][1], label="cash.late_fee_pct"),
    "lfm": Field("float", 10.0, *_c["late_fee_min"], label="cash.late_fee_min"),
    "ro": Field("int", 0, 0, _c["rollover_months"][1], label="cash.rollover_months"),
    "rl": Field("float", 50_000.0, 0.0, _c["limit"][1], lo_open=True,
                label="cash.rollover_limit"),
    "rr": Field("float", 0.05, 0.0, 100 * _c["rate_annual"][1], label="cash.rollover_rate"),
    "ru": Field("code", "daily", choices=RATE_UNITS, label="cash.rollover_rate_unit"),
    "rf": Field("float", 0.0, 0.0, 100 * _c["fee_rate"][1], label="cash.rollover_fee_pct"),
    "rfm": Field("float", 0.0, *_c["fee_min"], label="cash.rollover_fee_min"),
    "cp": Field("code", "huabei_12", choices=tuple(INSTALLMENT_PRESETS),
                label="cash.versus_plan"),
}
DRAWS = Group(count="nd", most=MAX_DRAWS, item="cash.draw_n", fields={
    "a": Field("float", 10_000.0, 0.0, _c["amount"][1], lo_open=True,
               label="cash.draw_amount"),
    "t": Field("int", 0, 0, _DAY_MAX, label="cash.draw_day"),
})
REPAYMENTS = Group(count="nr", most=MAX_REPAYMENTS, item="cash.repayment_n", fields={
    "rd": Field("int", 30, 0, _DAY_MAX, label="cash.repay_day"),
    # 0: everything owed that day
    "ra": Field("float", 0.0, 0.0, _c["amount"][1], label="cash.repay_amount"),
})
CASH = Schema(page="cash", shared=CASH_SHARED, groups=(DRAWS, REPAYMENTS),
              parts=(HOUSEHOLD,))

#: What the page shows, not in the link: the chart (the rollover's spiral
#: when there is one, else the balance).
VIEWS: dict[str, object] = {"chart": "auto"}


def cash_preset_fields(preset_id: str) -> dict[str, object]:
    """Scenario values a cash-line preset sets, as the user would type them
    (rates and fees in percent)."""
    p = CASH_LINE_PRESETS[preset_id]
    out: dict[str, object] = {
        "ps": p.id, "L": p.limit, "r": round(100 * p.rate, 6), "u": p.rate_unit,
        "fp": 100 * p.fee_rate, "fm": p.fee_min, "ifr": int(p.interest_free),
        "co": p.compounding, "m": p.method, "tm": p.term_months, "pr": p.pay_rule,
        "mr": p.min_rule,
    }
    if p.method == "flexible":
        out.update(nr=1, rd1=p.repay_day, ra1=0.0)
    return out


def matches_cash_preset(scn: Mapping[str, object]) -> bool:
    """Whether the scenario still has its preset's terms (else it was edited);
    the compounding counts only for a by-the-day method, the minimum rule
    only on a revolving line (elsewhere they change nothing)."""
    if scn["ps"] == "custom":
        return False
    method = scn.get("m")
    unused = {"co"} if method in cl.TERM_METHODS else set()
    if method != "revolving":
        unused.add("mr")
    return all(scn.get(k) == v for k, v in cash_preset_fields(str(scn["ps"])).items()
               if k not in unused)


def min_rule_fields(rule: str) -> dict[str, object]:
    """What choosing minimum rule ``rule`` sets: its usual rate, in percent
    (:data:`calc.cashline.MIN_RULE_RATES`)."""
    return {"mp": round(100 * cl.MIN_RULE_RATES[rule], 6)}



@dataclass(frozen=True)
class CashInputs:
    """Everything :func:`calc.cashline.simulate` takes, hashable for the cache."""

    draws: tuple[cl.Draw, ...]
    line: cl.LineTerms
    plan: cl.RepaymentPlan
    faults: cl.Faults | None
    rollover: cl.Rollover | None


def inputs(scn: Mapping[str, object]) -> CashInputs:
    """The scenario as calc's terms: percent → fraction; repayments, late
    payments and the rollover only where the method uses them."""
    method = str(scn["m"])
    draws = tuple(cl.Draw(num(scn, f"a{i}"), whole(scn, f"t{i}"))
                  for i in range(1, whole(scn, "nd") + 1))
    line = cl.LineTerms(
        limit=num(scn, "L"), rate=num(scn, "r") / 100, rate_unit=str(scn["u"]),
        fee_rate=num(scn, "fp") / 100, fee_min=num(scn, "fm"),
        interest_free=bool(scn["ifr"]) and method == "revolving",
        compounding=str(scn["co"]),
    )
    repayments: tuple[cl.Repayment, ...] = ()
    if method in ("flexible", "revolving"):
        repayments = tuple(
            cl.Repayment(whole(scn, f"rd{i}"), num(scn, f"ra{i}") or None)
            for i in range(1, whole(scn, "nr") + 1)
        )
    plan = cl.RepaymentPlan(
        method=method, term_months=whole(scn, "tm"), repayments=repayments,
        pay_rule=str(scn["pr"]), min_rule=str(scn["mr"]), min_rate=num(scn, "mp") / 100,
        min_floor=num(scn, "mf"), fixed_payment=num(scn, "fx"),
    )
    faults = None
    if method != "flexible":  # repaid any day: nothing falls due, nothing is late
        late: tuple[cl.LatePayment, ...] = ()
        if whole(scn, "lm") > 0:
            late = (cl.LatePayment(whole(scn, "lm"), whole(scn, "ld")),)
        faults = cl.Faults(late=late, grace_days=whole(scn, "gd"),
                           overdue_multiple=num(scn, "om"),
                           late_fee_rate=num(scn, "lf") / 100, late_fee_min=num(scn, "lfm"))
    rollover = None
    if whole(scn, "ro") > 0 and method != "flexible":
        rollover = cl.Rollover(months=whole(scn, "ro"), limit=num(scn, "rl"),
                               rate=num(scn, "rr") / 100, rate_unit=str(scn["ru"]),
                               fee_rate=num(scn, "rf") / 100, fee_min=num(scn, "rfm"))
    return CashInputs(draws, line, plan, faults, rollover)


@memo.cached_in_turn
def simulate(inp: CashInputs) -> cl.CashLineResult:
    """The line simulated day by day (cached within a byte budget,
    :mod:`ui.memo`, its arrays read-only); raises CalcError on bad terms."""
    return cl.simulate(list(inp.draws), inp.line, inp.plan, inp.faults, inp.rollover)


def late_cost(inp: CashInputs, result: cl.CashLineResult) -> float | None:
    """What the late payments cost: ``result``'s total cost against the same
    line paid on time (simulated, cached), ``None`` when no payment is late
    or the on-time run fails."""
    if inp.faults is None or not inp.faults.late:
        return None
    try:
        on_time = simulate(replace(inp, faults=replace(inp.faults, late=())))
    except CalcError:
        return None
    return round(result.totals.cost - on_time.totals.cost, 2)


@memo.cached_in_turn
def pay_rules(inp: CashInputs) -> tuple[cl.PayRuleOutcome, ...]:
    """The same draws on a revolving line paid in full, by the minimum, by a
    fixed amount (cached within the byte budget)."""
    return cl.compare_pay_rules(list(inp.draws), inp.line, inp.plan, inp.faults)


@memo.cached_in_turn
def _versus(inp: CashInputs, preset_id: str) -> CashVsInstallment:
    return compare_with_installment(inp.draws[0].amount, inp.line, inp.plan,
                                    INSTALLMENT_PRESETS[preset_id].terms(),
                                    faults=inp.faults, rollover=inp.rollover)


def versus(inp: CashInputs, scn: Mapping[str, object]) -> CashVsInstallment:
    """The first draw's amount on this line, repaid as the scenario repays it
    (late payments and rollover included), beside the chosen installment
    preset (cached); raises CalcError on bad terms."""
    return _versus(inp, str(scn["cp"]))


def quoted(scn: Mapping[str, object]) -> tuple[float, float] | None:
    """The line's price as a year, simple and compounded; None while invalid."""
    try:
        return cl.quoted_rates(num(scn, "r") / 100, str(scn["u"]))
    except CalcError:
        return None
