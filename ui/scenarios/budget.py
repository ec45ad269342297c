"""The budget page's scenario (issue 10): obligations kept as terms, their
timeline against the household, and the warnings it triggers.

An obligation is one of:

* ``plan``: a plan from the comparison page, kept as that page's one-plan
  scenario (a nested link, :func:`ui.codec.pack`): calc builds its schedule
  again on every run, so a link keeps the terms, never frozen numbers;
* ``cash``: the cash-line page's whole scenario, kept the same way;
* ``fixed``: a debt entered by hand: a monthly payment for a number of
  months, the balance still owed and its rate if known (0: not known).

Each starts in a month of the timeline (``bs``, 1 = this month), so a
purchase planned for later stacks where it will fall.

The work one budget run may do is bounded by documented limits, each
checked before anything is sized by it: at most :data:`MAX_OBLIGATIONS`
items (a link's ``nb`` out of range is dropped), each a plan of at most
calc's 360 periods or a cash line of at most
:data:`~calc.cashline.HORIZON_DAYS` simulated days (calc's work bound; a line
still owing there is ``cut_short``), starting by :data:`START_MAX`; the
timeline has at most :data:`~calc.cashline.HORIZON_MONTHS` rows, and an
obligation whose payments it cuts off is ``cut_short`` too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from calc import validate
from calc.burden import LIMITS as BURDEN_LIMITS
from calc.burden import Obligation, Timeline, fixed_payment, from_cash_line, from_schedule
from calc.burden import timeline as build_timeline
from calc.cashline import HORIZON_MONTHS, CashLineResult
from calc.compare import PlanResult
from calc.errors import CalcError
from calc.presets import CASH_LINE_PRESETS, INSTALLMENT_PRESETS, above_rate_line
from calc.warnings import DebtWarning, Thresholds, evaluate
from ui import memo
from ui.codec import Field, Group, Schema, decode, pack, unpack
from ui.scenarios import cashline as cash
from ui.scenarios import compare as cmp
from ui.scenarios import num, whole
from ui.scenarios.household import HOUSEHOLD, household

__all__ = ["MAX_OBLIGATIONS", "OBLIGATIONS", "BUDGET", "VIEWS", "START_MAX", "count", "add",
           "remove", "kind", "plan_link", "cash_link", "terms_of", "from_plan",
           "plan_obligation", "from_line", "cash_obligation", "obligation", "Budget", "budget"]

MAX_OBLIGATIONS = 8
#: The latest month an obligation may start in (ten years ahead).
START_MAX = 120
_b = BURDEN_LIMITS

OBLIGATIONS = Group(count="nb", most=MAX_OBLIGATIONS, item="bud.item_n", fields={
    "bn": Field("text", "", label="bud.name"),
    # "": a debt entered by hand (the fields below); else a page's scenario
    "bq": Field("link", "", nested=(cmp.COMPARE, cash.CASH), label="bud.terms"),
    "bs": Field("int", 1, 1, START_MAX, label="bud.start"),
    "ba": Field("float", 500.0, *_b["payment"], lo_open=True, label="bud.payment"),
    "bm": Field("int", 12, *_b["months"], label="bud.months"),
    "bb": Field("float", 0.0, *_b["balance"], label="bud.balance"),
    "br": Field("float", 0.0, 0.0, 100 * _b["rate"][1], label="bud.rate"),  # 0: not known
    # 1: secured (a mortgage, a car loan), out of the unsecured rule; links from before: 0
    "bc": Field("int", 0, 0, 1, absent=0, label="bud.secured", switch=True),
})
BUDGET = Schema(page="bud", shared={
    "nb": Field("int", 0, 0, MAX_OBLIGATIONS, label="bud.count"),
}, groups=(OBLIGATIONS,), parts=(HOUSEHOLD,))

#: What the page shows, not in the link: the obligation being edited, the
#: comparison plan offered for adding, and what was last added from which
#: page ((page, name), shown once there).
VIEWS: dict[str, object] = {"edit": 1, "addplan": 1, "added": None}


def count(scn: Mapping[str, object]) -> int:
    return whole(scn, "nb")


def add(scn: dict[str, object], link: str = "") -> bool:
    """A new obligation at the end: the scenario ``link`` holds, or a debt
    entered by hand (``""``); ``False`` when the budget is full."""
    n = count(scn)
    if n >= MAX_OBLIGATIONS:
        return False
    scn.update(OBLIGATIONS.blank(n + 1))
    scn[f"bq{n + 1}"] = link
    scn["nb"] = n + 1
    return True


def remove(scn: dict[str, object], i: int) -> None:
    """Obligation ``i`` out; the ones after it move up."""
    n = count(scn)
    for j in range(i, n):
        scn.update({f"{stem}{j}": scn[f"{stem}{j + 1}"] for stem in OBLIGATIONS.fields})
    for name in OBLIGATIONS.names(n):
        scn.pop(name, None)
    scn["nb"] = n - 1


def kind(scn: Mapping[str, object], i: int) -> str:
    """``plan``, ``cash`` or ``fixed``: what obligation ``i`` holds."""
    link = str(scn[f"bq{i}"])
    if not link:
        return "fixed"
    return "plan" if unpack(link).get("pg") == cmp.COMPARE.page else "cash"


def plan_link(cmp_scn: Mapping[str, object], i: int) -> str:
    """Plan ``i`` of a comparison scenario, with the price it is paid on, as
    a one-plan comparison scenario in one link value."""
    one: dict[str, object] = {k: cmp_scn[k] for k in cmp.SHARED}
    one["np"] = 1
    one.update({f"{stem}1": cmp_scn[f"{stem}{i}"] for stem in cmp.PER_PLAN})
    return pack(cmp.COMPARE, one)


def cash_link(cash_scn: Mapping[str, object]) -> str:
    """The cash-line page's scenario in one link value."""
    return pack(cash.CASH, cash_scn)


def terms_of(link: str) -> dict[str, object]:
    """The scenario a link value holds (already checked when the link was
    read; a value written by this app is always whole)."""
    inner = unpack(link)
    schema = cmp.COMPARE if inner.get("pg") == cmp.COMPARE.page else cash.CASH
    return decode(schema, inner)[0]


def price_and_cost(scn: Mapping[str, object], i: int) -> tuple[float, float] | None:
    """What item ``i`` buys, paid outright, and what borrowing adds to it: a
    plan's cash price and total cost, a cash line's draws and cost; ``None``
    for a debt entered by hand (or one that cannot be computed)."""
    what = kind(scn, i)
    if what == "fixed":
        return None
    terms = terms_of(str(scn[f"bq{i}"]))
    try:
        if what == "plan":
            s = cmp.results(terms).plans[0].schedule
            return None if s is None else (s.cash_price, s.total_cost)
        tot = cash.simulate(cash.inputs(terms)).totals
    except CalcError:
        return None
    return tot.drawn, tot.cost


def from_plan(r: PlanResult, preset: str) -> Obligation:
    """A comparison plan's installments as planned, its lender from its
    preset; flagged when the early repayment its scenario sets would raise
    its true rate.  The repayment itself is not added as a month's payment:
    it is paid with money at hand, by choice, and the plan's burden is what
    it asks for every month.  Raises the plan's error when it has none."""
    if r.schedule is None:
        assert r.error is not None
        raise r.error
    lender = INSTALLMENT_PRESETS[preset].lender if preset in INSTALLMENT_PRESETS else ""
    o = from_schedule(r.schedule, lender=lender, rates=r.rates)  # solved once, in compare
    if (r.early_rates is not None and r.rates is not None
            and above_rate_line(r.early_rates.nominal, r.rates.nominal)):
        o = replace(o, early_rate_raised=True)
    return o


@memo.cached
def plan_obligation(link: str) -> Obligation:
    """The one-plan comparison scenario a link value holds, as an obligation
    (:func:`from_plan`)."""
    one = terms_of(link)
    return from_plan(cmp.results(one).plans[0], str(one["ps1"]))


def from_line(result: CashLineResult, run: cash.CashInputs, preset: str) -> Obligation:
    """A cash line's out-of-pocket payments by statement month, its lender
    and whether it is a card's cash advance from its preset (a custom line
    is neither), flagged by its plan (minimum only)."""
    p = CASH_LINE_PRESETS.get(preset)
    return from_cash_line(result, lender="" if p is None else p.lender, line=run.line,
                          plan=run.plan, cash_advance=p is not None and p.cash_advance)


@memo.cached_in_turn
def cash_obligation(link: str) -> Obligation:
    """The cash-line scenario a link value holds, as an obligation
    (:func:`from_line`)."""
    scn = terms_of(link)
    run = cash.inputs(scn)
    return from_line(cash.simulate(run), run, str(scn["ps"]))


def _starting(o: Obligation, start: int) -> Obligation:
    """``o`` with its first payment in month ``start``; a payment past the
    timeline's horizon (100 years) is not shown, and ``o`` is then
    ``cut_short``.  ``start`` is checked first
    (1 to :data:`START_MAX`, else :class:`~calc.errors.InputError` naming
    ``start``): the months before it are built as a tuple of its length, and a
    link's or an input's ``start`` of 100,000,000 took 1.5 GB and seconds
    before anything looked at it.

    >>> o = fixed_payment(500, 2, 0)
    >>> _starting(o, 3).payments
    (0.0, 0.0, 500.0, 500.0)
    >>> _starting(o, 10**8)
    Traceback (most recent call last):
    ...
    calc.errors.InputError: out_of_range(field='start', got=100000000, min=1, max=120)
    """
    first = validate.integer("start", start, 1, START_MAX)
    shifted = (0.0,) * (first - 1) + o.payments
    payments = shifted[:HORIZON_MONTHS]
    return replace(o, payments=payments, cut_short=o.cut_short or len(shifted) > len(payments))


def obligation(scn: Mapping[str, object], i: int) -> Obligation:
    """Obligation ``i`` as calc's data; raises :class:`~calc.errors.CalcError`
    when its terms are invalid."""
    k = kind(scn, i)
    if k == "plan":
        o = plan_obligation(str(scn[f"bq{i}"]))
    elif k == "cash":
        o = cash_obligation(str(scn[f"bq{i}"]))
    else:
        rate = num(scn, f"br{i}")
        o = fixed_payment(num(scn, f"ba{i}"), whole(scn, f"bm{i}"), num(scn, f"bb{i}"),
                          nominal_rate=rate / 100 if rate else None,
                          secured=bool(whole(scn, f"bc{i}")))
    return _starting(o, whole(scn, f"bs{i}"))


@dataclass(frozen=True)
class Budget:
    """The budget computed: ``timeline`` of the obligations that are valid
    (``shown[k]`` is the obligation number, from 1, of its row ``k``),
    ``errors`` by obligation number, and the warnings (``None`` when the
    household itself is invalid: ``household_error``)."""

    timeline: Timeline | None
    shown: tuple[int, ...]
    errors: dict[int, CalcError]
    warnings: tuple[DebtWarning, ...]
    household_error: CalcError | None


def budget(scn: Mapping[str, object], hh: Mapping[str, object],
           thresholds: Thresholds) -> Budget:
    """Every obligation's payments against the household, and the warnings."""
    found: list[Obligation] = []
    shown: list[int] = []
    errors: dict[int, CalcError] = {}
    for i in range(1, whole(scn, "nb") + 1):
        try:
            found.append(obligation(scn, i))
        except CalcError as err:
            errors[i] = err
        else:
            shown.append(i)
    try:
        tl = build_timeline(household(hh), found)
    except CalcError as err:
        return Budget(None, tuple(shown), errors, (), err)
    return Budget(tl, tuple(shown), errors, evaluate(tl, thresholds), None)


def timeline(scn: Mapping[str, object], hh: Mapping[str, object],
             thresholds: Thresholds) -> Timeline | None:
    """:func:`budget`'s timeline: what a download builds again from the
    scenario when the file is asked for (``ui.tables.csv_on_demand``)."""
    return budget(scn, hh, thresholds).timeline
