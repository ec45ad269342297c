"""Budget page: every obligation month by month against the household.

The household first (shared with the other pages), then the obligations (a
comparison plan or the cash line added with one click and kept as terms, or
a debt entered by hand), the warnings with their sources, the timeline chart
and its table, and the thresholds a teacher may move.
"""

from __future__ import annotations

import functools
from typing import Any

import streamlit as st

from calc.burden import Household, Timeline, level, save_first
from calc.cashline import HORIZON_MONTHS
from calc.warnings import RULES, SOURCES, Thresholds, fit, headline
from ui import afford, charts, classroom, live, tables
from ui.advice import show_warnings
from ui.fmt import md_escape, pct, yuan
from ui.glossary import terms_line
from ui.i18n import error_text, show_notices, t
from ui.scenarios import budget as bs
from ui.scenarios import cashline as cash
from ui.scenarios import compare as cmp
from ui.scenarios import household as hs
from ui.scenarios import num, whole
from ui.state import PageState, lang
from ui.widgets import FIELD_WIDTH, Bound, grid

ps = PageState(bs.BUDGET, bs.VIEWS)
hh = ps.parts[0]
scn, view = ps.scn, ps.view
inp, ui_view = Bound(ps), Bound(ps, view=True)
hh_inp = Bound(hh)
# the other pages' scenarios, for adding their plans and line with one click
cmp_scn = PageState(cmp.COMPARE, cmp.VIEWS).scn
cash_scn = PageState(cash.CASH, cash.VIEWS).scn
# names are formatted in this run's language, also when a widget's label is
# formatted outside the run (AppTest does)
LANG = lang()


def plan_name(scenario: dict[str, object], i: int) -> str:
    return afford.plan_name(scenario, i, LANG)


def line_name(scenario: dict[str, object]) -> str:
    return afford.line_name(scenario, LANG)


def name(i: int) -> str:
    """Obligation i's name: the one given here, else its plan's or line's."""
    return afford.obligation_name(scn, i, LANG)


def describe(i: int) -> str:
    """What obligation i's terms are, in a line."""
    kind = bs.kind(scn, i)
    if kind == "plan":
        terms = bs.terms_of(str(scn[f"bq{i}"]))
        return t("bud.desc_plan", price=yuan(num(terms, "p")), n=whole(terms, "n1"),
                 kind=t(f"kind.{terms['k1']}"))
    if kind == "cash":
        terms = bs.terms_of(str(scn[f"bq{i}"]))
        return t("bud.desc_cash", amount=yuan(num(terms, "a1")),
                 method=t(f"method.{terms['m']}"))
    return t("bud.desc_fixed")


# ------------------------------------------------------- callbacks (before a run)


def _added(i: int) -> None:
    view["edit"] = i


def _add_fixed() -> None:
    if bs.add(scn):
        _added(bs.count(scn))


def _add_plan() -> None:
    i = int(str(view["addplan"]))
    if i <= cmp.plan_count(cmp_scn) and bs.add(scn, bs.plan_link(cmp_scn, i)):
        _added(bs.count(scn))


def _add_cash() -> None:
    if bs.add(scn, bs.cash_link(cash_scn)):
        _added(bs.count(scn))


def _remove(i: int) -> None:
    bs.remove(scn, i)
    view["edit"] = max(1, i - 1)


def _restore_thresholds() -> None:
    hh.scn.update(hs.threshold_defaults())


# --------------------------------------------------------------------- inputs


def obligation_editor(i: int) -> None:
    with st.container(border=True):
        kind = bs.kind(scn, i)
        st.caption(describe(i))
        row = grid()
        inp.text(row, f"bn{i}", "bud.name", max_chars=40, placeholder=name(i))
        inp.number(row, f"bs{i}", "bud.start", step=1, help_key="bud.start_help")
        if kind == "fixed":
            inp.number(row, f"ba{i}", "bud.payment", step=100.0)
            inp.number(row, f"bm{i}", "bud.months", step=1)
            inp.number(row, f"bb{i}", "bud.balance", step=1000.0, help_key="bud.balance_help")
            inp.number(row, f"br{i}", "bud.rate", step=0.5, help_key="bud.rate_help")
            inp.toggle(st, f"bc{i}", "bud.secured", "bud.secured_help")
        else:
            st.caption(t("bud.terms_note"))
        st.button(t("bud.remove"), key=ps.key("do", f"rm{i}"), on_click=_remove, args=(i,))


def obligations() -> None:
    st.subheader(t("bud.obligations"))
    n = bs.count(scn)
    if n == 0:
        st.info(t("bud.empty"), icon=":material/info:")
    else:
        editing = ui_view.segmented(st, "edit", "bud.editing", name,
                                    tuple(range(1, n + 1)), wrap=True)
        obligation_editor(editing)
    full = n >= bs.MAX_OBLIGATIONS
    help_full = t("bud.full", n=bs.MAX_OBLIGATIONS) if full else None
    row = grid()
    plans = tuple(range(1, cmp.plan_count(cmp_scn) + 1))
    ui_view.choice(row, "addplan", "bud.add_plan_from", lambda i: plan_name(cmp_scn, i),
                   plans, width=2 * FIELD_WIDTH)
    row.button(t("bud.add_plan"), key=ps.key("do", "addplan"), on_click=_add_plan,
               disabled=full, help=help_full, icon=":material/add:")
    row = grid()
    row.button(t("bud.add_cash", name=md_escape(line_name(cash_scn))), key=ps.key("do", "addcash"),
               on_click=_add_cash, disabled=full, help=help_full, icon=":material/add:")
    row.button(t("bud.add_fixed"), key=ps.key("do", "addfixed"), on_click=_add_fixed,
               disabled=full, help=help_full, icon=":material/add:")


def _sources(field: str) -> str:
    """The sources of the rules held against threshold ``field``."""
    ids: list[str] = []
    for rule in RULES.values():
        if rule.threshold == field:
            ids += [s for s in rule.sources if s not in ids]
    items = [t("th.source_item", title=t(f"source.{s}"), grade=SOURCES[s].grade,
               date=SOURCES[s].date or t("cmp.undated")) for s in ids]
    return t("th.sources", sources=t("list.sep").join(items)) if items else ""


def thresholds_editor() -> None:
    changed = any(hh.scn[k] != v for k, v in hs.threshold_defaults().items())
    with st.expander(t("th.title"), expanded=changed, icon=":material/tune:"):
        st.caption(t("th.intro"))
        row = grid()
        for name_, field in hs.THRESHOLD_FIELDS.items():
            # the window's and the date's sources are those of the line they go with
            of = {"short_window": "short_months", "lpr_date": "lpr"}.get(field, field)
            help_text = _sources(of)
            if name_ == "wld":
                hh_inp.text(row, name_, f"th.{field}", max_chars=10, placeholder="YYYY-MM-DD",
                            help=help_text)
            elif name_ in hs.PCT_THRESHOLDS:
                hh_inp.number(row, name_, f"th.{field}", step=1.0, help=help_text)
            else:
                hh_inp.number(row, name_, f"th.{field}", step=1, help=help_text)
        st.button(t("th.restore"), key=ps.key("do", "th_restore"), on_click=_restore_thresholds,
                  disabled=not changed)


# -------------------------------------------------------------------- results

_FIT_BOX = {"fits": (st.success, ":material/check_circle:"),
            "tight": (st.warning, ":material/warning:"),
            "short": (st.error, ":material/error:")}


def verdict(tl: Timeline, household: Household, th: Thresholds, items: tuple[int, ...]) -> None:
    """In a word: fits, tight or does not fit, against the rules' own lines
    (their sources said), then saving first: what is left each month buys
    each purchase outright in so many months, and saves its cost."""
    f = fit(tl, th)
    if f is None:
        return
    line = getattr(th, f.line) if f.line else 0.0
    text = t(f"bud.fit.{f.verdict}" if f.line else "bud.fit.short_money", month=f.month,
             share=pct(f.share), line=pct(line), short=yuan(-f.left))
    box, icon = _FIT_BOX[f.verdict]
    sources = _sources(f.line) if f.line else ""
    spare = household.spare
    saving = []
    for i in items:
        got = bs.price_and_cost(scn, i)
        if got is None or got[1] <= 0:
            continue
        plan = save_first(got[0], spare, got[1])
        if plan is not None:
            saving.append(t("bud.save_first", spare=yuan(spare), months=plan.months,
                            name=md_escape(name(i)), price=yuan(got[0]),
                            saves=yuan(plan.saves)))
    body = f"**{text}**" + (f"  \n:small[{sources}]" if sources else "")
    if saving:
        body += "\n\n" + "\n".join(f"- {x}" for x in saving)
    box(body, icon=icon)


def answer() -> tuple[Household, Thresholds, bs.Budget] | None:
    """The verdict (and what stops or bends it) right under the household, on
    the first screen (issue 21: at y = 934 on a 900-pixel laptop, below the
    items' editor); the budget, for :func:`results` under the editor."""
    household, th = afford.settings(hh)
    if household is None:
        return None
    b = bs.budget(scn, hh.scn, th)
    for i, err in b.errors.items():
        st.error(t("bud.item_error", name=md_escape(name(i)), reason=error_text(err)),
                 icon=":material/error:")
    if b.timeline is None:
        return None
    tl = b.timeline
    for i, o in zip(b.shown, tl.obligations, strict=True):
        if o.cut_short:  # calc's flag, worded here
            st.warning(t("bud.cut_short", name=md_escape(name(i)), years=HORIZON_MONTHS // 12),
                       icon=":material/warning:")
    if household.income is None:
        st.info(t("afford.no_income"), icon=":material/info:")
    verdict(tl, household, th, b.shown)
    return household, th, b


def results(household: Household, th: Thresholds, b: bs.Budget) -> None:
    """The warnings, the timeline, its chart, table and file."""
    tl = b.timeline
    assert tl is not None
    names = [name(i) for i in b.shown]
    st.subheader(t("bud.warnings"))
    show_warnings(headline(b.warnings), names, empty=True)
    st.caption(t("bud.warnings_note"))
    st.markdown(terms_line(("debt_share", "rate_line_24", "lpr", "apr", "rollover",
                            "minimum_payment", "cash_advance"), LANG))
    st.subheader(t("bud.timeline"))
    lv = level(tl)
    if tl.share is not None and tl.left is not None and lv is not None:
        # one payment every month, the last differing by a rounding remainder only
        left = float(tl.left[lv.first - 1])
        common: dict[str, Any] = {"first": lv.first, "last_month": lv.last_month,
                                  "total": yuan(lv.total),
                  "last": yuan(lv.last_total), "share": pct(float(tl.share[lv.first - 1]))}
        st.markdown(t("bud.level", left=yuan(left), **common) if left >= 0
                    else t("bud.level_short", short=yuan(-left), **common))
    elif tl.share is not None and tl.left is not None:
        worst = int(tl.share.argmax())
        left = float(tl.left[worst])
        month, total = worst + 1, yuan(float(tl.total[worst]))
        share = pct(float(tl.share[worst]))
        st.markdown(t("bud.peak", month=month, total=total, share=share, left=yuan(left))
                    if left >= 0 else
                    t("bud.peak_short", month=month, total=total, share=share, short=yuan(-left)))
    charts.show(st, charts.budget_timeline(tl, names, th, t), ps.key("el", "chart"),
                large=classroom.projector())
    table = tables.budget(tl, names)
    tables.show(st, table, ps.key("el", "table"), height=min(35 * (table.rows() + 1) + 3, 458))
    # the file is built again from copies of the inputs when asked for, not
    # kept with the button for the session's life (ui.tables.csv_on_demand)
    again = functools.partial(bs.timeline, dict(scn), dict(hh.scn), th)
    st.download_button(t("bud.download"),
                       tables.csv_on_demand(table, functools.partial(tables.budget_of, again,
                                                                     tuple(names))),
                       file_name="budget.csv", mime="text/csv", key=ps.key("do", "csv"),
                       on_click="ignore")


@ps.section
def body() -> None:
    """Everything under the title: an edit reruns this, not the shell around it."""
    st.subheader(t("hh.title"))
    afford.household_inputs(hh)
    # the scenario already holds every widget's value (ui.widgets, rule 2): the
    # verdict can come before the items' editor
    got = answer()
    with classroom.inputs(t("lesson.inputs")):
        obligations()
    if got is not None:
        results(*got)
    thresholds_editor()


# ----------------------------------------------------------------------- page

st.title(t("bud.title"))
st.caption(t("bud.intro"))
show_notices(ps.notices, ps.schema)
live.start_from_scenario(ps)  # issue 23: a live class on this scenario's question
if not classroom.lesson_card(ps):  # the class guesses first: no results yet
    ps.sync_url()
    st.stop()

body()

ps.sync_url()
