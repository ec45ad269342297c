"""Classroom lessons (issue 11): seven scenarios, each a question whose
answer calc computes from the scenario, for a class to predict before it is
revealed.

A :class:`Lesson` names the page its scenario opens (``cmp``, ``cash`` or
``bud``, the pages' :attr:`ui.codec.Schema.page`) and what the class guesses
(:data:`GUESS_KINDS`).  Its scenario is built from the page schema's defaults
and the presets of ``domain.md`` §4 (:func:`ui.scenarios.compare.preset_fields`,
:func:`ui.scenarios.cashline.cash_preset_fields`), with the few values the
lesson sets on top, never from link text; its answer goes through the page's
own adapter to calc, so the card and the page always agree.

Units: the answer, the guess and :meth:`Lesson.off_by` are in calc's units:
a ``rate`` (a year) and a ``share`` (of monthly income) as fractions, a
``cost`` in yuan, ``months`` as a count.  A page that takes a guess in
percent divides it by 100 first.

Lessons, in teaching order (expected figures in ``tests/test_lessons.py``):

=================  =====  ======  ==============================================
id                 page   guess   scenario → answer
=================  =====  ======  ==============================================
monthly_fee        cmp    rate    ¥10,000, teach_06x12 → APR 13.03% (§2)
huabei_periods     cmp    rate    ¥3,999 on huabei_3/6/12 → 12 期's APR 15.86% (§4)
free_vs_discount   cmp    rate    ¥3,999, 5% off in full, huabei_free → 9.58%
early_repayment    cmp    rate    teach_06x12 paid off with installment 4,
                                  every fee charged → 24.14% (§1: ≈24%)
minimum_payment    cash   months  card_revolve, ¥10,000, 10% / ¥100 floor → 37 (§2)
rollover           cash   cost    weilidai ¥10,000 over 12, 6 payments drawn as
                                  card cash advances (card_cash) → ¥1,375.82
stacking           bud    share   ¥2,000 income, ¥1,500 essentials; 花呗 12 期
                                  on ¥3,999, 花呗 6 期 on ¥1,200, ¥300 × 6 by
                                  hand → 43.58% in month 1
=================  =====  ======  ==============================================

Why lesson 2 asks for the rate, not the cost: the cost of a 花呗 plan is its
total fee times the price (8.8% × ¥3,999), a multiplication the question
already gives away; the rate is what students get wrong (they read 8.8% as the
price of a year), and the three rates side by side (14.94 / 15.27 / 15.86%)
make the lesson's point: a longer plan costs more in total because the money
is borrowed for longer, not because a year of it is much dearer.

The texts are the ``lesson.*`` and ``gloss.*`` entries of the catalogues,
``locale/<lang>/LC_MESSAGES/messages.po`` (the comment above the first of
them lists the keys);
the glossary's term ids are :data:`ui.glossary.GLOSSARY`.

Example
-------
Lesson 1: a class that trusts the ad's 0.6% × 12 = 7.2% is 5.83 points low:

>>> lesson = LESSONS["monthly_fee"]
>>> f"{lesson.answer():.2%}", f"{lesson.off_by(0.072):+.2%}"
('13.03%', '-5.83%')
>>> {k: lesson.params("en")[k] for k in ("pg", "p", "np", "ps1", "n1", "f1")}
{'pg': 'cmp', 'p': '10000', 'np': '1', 'ps1': 'teach_06x12', 'n1': '12', 'f1': '0.6'}
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from calc.burden import peak
from calc.compare import PlanResult
from calc.presets import CASH_LINE_PRESETS
from ui.codec import Schema, encode
from ui.scenarios import budget as bud
from ui.scenarios import cashline as cash
from ui.scenarios import compare as cmp
from ui.scenarios import num, whole
from ui.scenarios.household import HOUSEHOLD, thresholds

__all__ = ["GUESS_KINDS", "PAGES", "Lesson", "LESSONS"]

#: What a class may be asked to guess: a rate a year, a cost in yuan, a number
#: of months, a share of monthly income.
GUESS_KINDS = ("rate", "cost", "months", "share")

#: The schema of each page a lesson opens, by its page code.
PAGES: dict[str, Schema] = {s.page: s for s in (cmp.COMPARE, cash.CASH, bud.BUDGET)}

Scenario = dict[str, object]

#: The comparison page's own price: a ¥3,999 phone.
_PHONE = num({k: f.default for k, f in cmp.SHARED.items()}, "p")


@dataclass(frozen=True)
class Lesson:
    """One lesson: ``id`` (a stable ASCII code, the catalogue's
    ``lesson.<id>.*``), the ``page`` code its scenario opens and the ``guess``
    kind (:data:`GUESS_KINDS`).  ``build`` makes the scenario, ``solve``
    computes the answer from a scenario through the page's adapter."""

    id: str
    page: str
    guess: str
    build: Callable[[], Scenario] = field(repr=False, compare=False)
    solve: Callable[[Mapping[str, object]], float] = field(repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.page not in PAGES or self.guess not in GUESS_KINDS:
            raise ValueError(f"lesson {self.id!r}: page {self.page!r}, guess {self.guess!r}")

    def scenario(self) -> Scenario:
        """The page's scenario, with the household's fields when the lesson
        uses them, each value of the type its link reopens as (a new dict
        every call: the caller may change it)."""
        return _as_in_link(PAGES[self.page], self.build())

    def params(self, lang: str) -> dict[str, str]:
        """The lesson's link parameters (:func:`ui.codec.encode`), the
        household's included."""
        return encode(PAGES[self.page], self.scenario(), lang)

    def answer(self) -> float:
        """The true value for the scenario, computed by calc, in the unit of
        :attr:`guess` (rates and shares as fractions, yuan, months)."""
        return self.solve(self.scenario())

    def off_by(self, guess: float) -> float:
        """How far ``guess`` is from the answer: ``guess - answer``, in the
        answer's unit (positive: guessed too high)."""
        return guess - self.answer()


# ----------------------------------------------------------------------------- scenarios


def _as_in_link(schema: Schema, scn: Scenario) -> Scenario:
    """``scn`` with every number of a "float" field a float (a preset may
    give a limit as ``50_000``), as decoding its link gives it back."""
    out: Scenario = {}
    for name, value in scn.items():
        found = schema.locate(name)
        if found is None:
            raise ValueError(f"{name!r} is not a field of {schema.page!r}")
        if found[0].kind == "float" and isinstance(value, int):
            value = float(value)
        out[name] = value
    return out


def _comparison(price: float, presets: Sequence[str], discount_pct: float = 0.0) -> Scenario:
    """The comparison page's defaults with ``presets`` as its plans, on
    ``price``, with a discount for paying in full (percent)."""
    scn: Scenario = {k: f.default for k, f in cmp.SHARED.items()}
    scn.update(p=price, d=discount_pct, np=len(presets))
    for i, preset in enumerate(presets, start=1):
        scn.update(cmp.PLANS.blank(i))
        scn.update({f"{k}{i}": v for k, v in cmp.preset_fields(preset).items()})
    return scn


def _cash_line(preset: str, amount: float) -> Scenario:
    """The cash-line page's defaults with ``preset``'s terms and one draw of
    ``amount`` on day 0."""
    scn: Scenario = {k: f.default for k, f in cash.CASH_SHARED.items()}
    scn.update(cash.cash_preset_fields(preset))
    scn.update(cash.DRAWS.blank(1))
    scn.update(nd=1, a1=amount, t1=0)
    for i in range(1, whole(scn, "nr") + 1):
        scn.update({k: v for k, v in cash.REPAYMENTS.blank(i).items() if k not in scn})
    return scn


def _monthly_fee() -> Scenario:
    # domain.md §2's anchor: ¥10,000 in 12 installments at 0.6% a period
    return _comparison(10_000.0, ["teach_06x12"])


def _huabei_periods() -> Scenario:
    # the comparison page's own price (a ¥3,999 phone), 花呗 3 / 6 / 12 期
    return _comparison(_PHONE, ["huabei_3", "huabei_6", "huabei_12"])


def _free_vs_discount() -> Scenario:
    # 花呗免息 12 期 on the ¥3,999 phone, or 5% off for paying in full
    return _comparison(_PHONE, ["huabei_free"], discount_pct=5.0)


def _early_repayment() -> Scenario:
    # domain.md §1: the 12 × 0.6% plan paid off in month 4, every fee charged
    scn = _comparison(10_000.0, ["teach_06x12"])
    scn.update(er1="charge", ek1=4)
    return scn


def _minimum_payment() -> Scenario:
    # domain.md §2's trap: ¥10,000 on a card at 0.05% a day, 10% of the
    # statement with a ¥100 floor, no new spending
    scn = _cash_line("card_revolve", 10_000.0)
    scn.update(cash.min_rule_fields("statement"))
    scn.update(mf=100.0)
    return scn


def _rollover() -> Scenario:
    # a 备用金 loan (微粒贷's terms: 0.05% a day, 12 equal payments) whose first
    # 6 payments are drawn as credit-card cash advances (the card_cash preset's
    # price and fee) and paid to it
    scn = _cash_line("weilidai", 10_000.0)
    card = CASH_LINE_PRESETS["card_cash"]
    scn.update(ro=6, rl=card.limit, rr=round(100 * card.rate, 6), ru=card.rate_unit,
               rf=round(100 * card.fee_rate, 6), rfm=card.fee_min)
    return scn


def _stacking() -> Scenario:
    # a student: ¥2,000 a month, ¥1,500 of essentials; a ¥3,999 phone on 花呗
    # 12 期, ¥1,200 earbuds on 花呗 6 期, ¥300 a month for 6 months owed by hand
    scn: Scenario = {k: f.default for k, f in bud.BUDGET.shared.items()}
    for price, preset in ((_PHONE, "huabei_12"), (1200.0, "huabei_6")):
        bud.add(scn, bud.plan_link(_comparison(price, [preset]), 1))
    bud.add(scn, "")
    scn.update(ba3=300.0, bm3=6, bb3=1800.0)
    scn.update(hi=2000.0, he=1500.0, hx=0.0)
    return scn


# ----------------------------------------------------------------------------- answers


def _plan(scn: Mapping[str, object], j: int) -> PlanResult:
    """Plan ``j`` (from 0) of a comparison scenario; a lesson's own plan
    that fails is a bug, raised as its error."""
    r = cmp.results(scn).plans[j]
    if r.error is not None:
        raise r.error
    return r


def _nominal(j: int) -> Callable[[Mapping[str, object]], float]:
    def solve(scn: Mapping[str, object]) -> float:
        rates = _plan(scn, j).rates
        assert rates is not None
        return rates.nominal
    return solve


def _early_nominal(scn: Mapping[str, object]) -> float:
    rates = _plan(scn, 0).early_rates
    assert rates is not None, "the lesson's plan is paid off early"
    return rates.nominal


def _payoff_months(scn: Mapping[str, object]) -> float:
    r = cash.simulate(cash.inputs(scn))
    assert r.payoff_month is not None, "the lesson's line is paid off"
    return float(r.payoff_month)


def _total_cost(scn: Mapping[str, object]) -> float:
    return cash.simulate(cash.inputs(scn)).totals.cost


def _heaviest_share(scn: Mapping[str, object]) -> float:
    hh = {k: scn.get(k, f.default) for k, f in HOUSEHOLD.shared.items()}
    b = bud.budget(scn, hh, thresholds(hh))
    if b.household_error is not None:
        raise b.household_error
    if b.errors:
        raise next(iter(b.errors.values()))
    assert b.timeline is not None
    share = peak(b.timeline).share
    assert share is not None, "the lesson's household has an income"
    return share


LESSONS: dict[str, Lesson] = {
    lesson.id: lesson
    for lesson in (
        Lesson("monthly_fee", "cmp", "rate", _monthly_fee, _nominal(0)),
        Lesson("huabei_periods", "cmp", "rate", _huabei_periods, _nominal(2)),
        Lesson("free_vs_discount", "cmp", "rate", _free_vs_discount, _nominal(0)),
        Lesson("early_repayment", "cmp", "rate", _early_repayment, _early_nominal),
        Lesson("minimum_payment", "cash", "months", _minimum_payment, _payoff_months),
        Lesson("rollover", "cash", "cost", _rollover, _total_cost),
        Lesson("stacking", "bud", "share", _stacking, _heaviest_share),
    )
}
