"""The comparison's results in words: what a plan asks a month, the verdict
(one sentence per plan, then the cheapest choice) and why a rate is what it
is.  Plain functions of calc's results and the plans' names, in a language
given or the run's; no Streamlit, so the page, the live class's questions
and the tests word a result the same way.

Example
-------
¥1,200 in 12 installments with a 0.5% monthly fee on the principal: ¥100 of
principal and ¥6 of fee a month, so ¥106 a month and ¥72 of cost; paid in
full it costs nothing, so paying in full is cheapest by ¥72:

>>> from calc.compare import compare
>>> from calc.schedule import PlanTerms
>>> c = compare(1_200, 0.0, 0.0, [PlanTerms(kind="addon", periods=12, fee_rate=0.005)])
>>> monthly([float(x) for x in c.plans[0].schedule.payment], "en")
'¥106.00 a month'
>>> best, lines = verdict(c, ["Huabei 12"], "en")
>>> "¥1,200.00" in best and "¥72.00 more" in best, "¥72.00" in lines[0]
(True, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from calc.compare import Comparison, PlanResult
from calc.schedule import LOAN_KINDS, payment_pattern
from ui.fmt import md_escape, pct, yuan
from ui.i18n import error_text, t

__all__ = ["monthly", "verdict", "plain_words"]


def monthly(payments: Iterable[float], lang: str | None = None) -> str:
    """What a plan asks a month, in words: the regular installment, and a
    first or last that differs (:func:`calc.schedule.payment_pattern`)."""
    p = payment_pattern([float(x) for x in payments])
    if p.regular is None:
        return t("cmp.pay_varies", lang, first=yuan(p.first or 0.0), last=yuan(p.last or 0.0))
    regular = t("cmp.pay_regular", lang, pay=yuan(p.regular))
    more = ([t("cmp.pay_first", lang, pay=yuan(p.first))] if p.first is not None else []) + \
        ([t("cmp.pay_last", lang, pay=yuan(p.last))] if p.last is not None else [])
    return (t("cmp.pay_with", lang, regular=regular, more=t("list.sep", lang).join(more))
            if more else regular)


def _choice(j: int, names: Sequence[str], lang: str | None) -> str:
    return t("verdict.full_name", lang) if j == -1 else md_escape(names[j])


def verdict(c: Comparison, names: Sequence[str],
            lang: str | None = None) -> tuple[str, list[str]]:
    """The answer in words, markdown-safe: the cheapest choice (a tie named
    as one), then one sentence per plan (what it asks a month, its cost and
    its true rate, or why it cannot be computed)."""
    lines = []
    for j, r in enumerate(c.plans):
        name = md_escape(names[j])
        if r.schedule is None or r.rates is None:
            reason = error_text(r.error, lang) if r.error is not None else ""
            lines.append(t("verdict.error", lang, name=name, reason=reason))
            continue
        cost = r.schedule.total_cost
        key = "verdict.plan" if cost > 0 else "verdict.plan_same"
        line = t(key, lang, name=name, pay=monthly(r.schedule.payment, lang), cost=yuan(cost),
                 apr=pct(r.rates.nominal))
        if c.savings_yield > 0:
            line += t("verdict.today", lang, pv=yuan(r.present_cost))
        if r.above_line:
            line += t("verdict.above_line", lang)
        lines.append(line)
    rank = c.ranking()
    best = [j for j, cost in rank if cost == rank[0][1]]
    if len(best) > 1:
        names_line = t("list.sep", lang).join(_choice(j, names, lang) for j in best)
        best_line = t("verdict.tie", lang, names=names_line)
    elif best[0] == -1:
        if len(rank) > 1:
            j, cost = rank[1]
            best_line = t("verdict.best_full", lang, price=yuan(c.cash_price),
                          name=_choice(j, names, lang), diff=yuan(cost))
        else:
            best_line = t("verdict.only_full", lang, price=yuan(c.cash_price))
    else:
        j, cost = rank[0]
        k, next_cost = rank[1]
        best_line = t("verdict.best_plan", lang, name=_choice(j, names, lang),
                      next=_choice(k, names, lang), diff=yuan(next_cost - cost))
    if c.savings_yield > 0:
        best_line += t("verdict.in_today_money", lang, y=pct(c.savings_yield))
    return best_line, lines


def plain_words(r: PlanResult, lang: str | None = None) -> str:
    """Why the true rate is what it is, in words, for the plan's kind."""
    s, rt = r.schedule, r.rates
    assert s is not None and rt is not None
    kind = s.terms.kind
    if kind == "addon" and s.fee_total > 0:
        key = "math.plain_first" if s.terms.fee_timing == "first" else "math.plain_addon"
        return t(key, lang, price=yuan(s.financed), fee=yuan(s.fee_total / s.n),
                 total=yuan(s.fee_total), last=yuan(float(s.principal[-1])),
                 adv=pct(rt.advertised), apr=pct(rt.nominal))
    if kind in LOAN_KINDS:
        return t("math.plain_loan", lang, adv=pct(rt.advertised), apr=pct(rt.nominal))
    if s.total_cost > 0:
        return t("math.plain_discount", lang, cash=yuan(s.cash_price), price=yuan(s.price),
                 cost=yuan(s.total_cost), apr=pct(rt.nominal))
    return t("math.plain_free", lang)
