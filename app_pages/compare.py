"""Comparison page: installment plans side by side against paying in full."""

from __future__ import annotations

import streamlit as st

from calc.compare import Comparison, PlanResult
from calc.errors import CalcError
from calc.presets import INSTALLMENT_PRESETS
from calc.schedule import EARLY_RULES, FEE_MODES, FEE_TIMINGS, KINDS, LOAN_KINDS
from calc.units import RATE_UNITS
from ui import charts, tables
from ui.fmt import md_escape, pct, yuan
from ui.i18n import error_text, show_notices, t
from ui.scenarios import compare as sc
from ui.scenarios import whole
from ui.state import PageState
from ui.widgets import CARD_WIDTH, FIELD_WIDTH, Bound, grid, labels, preset_labels

ps = PageState(sc.COMPARE, sc.VIEWS)
scn, view = ps.scn, ps.view
inp, ui_view = Bound(ps), Bound(ps, view=True)


def plan_name(i: int) -> str:
    """The user's name for plan i, else its preset's label, else "Plan i"."""
    if scn[f"nm{i}"]:
        return str(scn[f"nm{i}"])
    if scn[f"ps{i}"] != "custom":
        return t(f"preset.{scn[f'ps{i}']}")
    return t("cmp.plan_n", n=i)


# ------------------------------------------------------- callbacks (before a run)


def _apply_preset(i: int) -> None:
    pid = str(scn[f"ps{i}"])
    if pid != "custom":
        scn.update({f"{k}{i}": v for k, v in sc.preset_fields(pid).items()})


def _remove_plan(i: int) -> None:
    n = sc.plan_count(scn)
    for j in range(i, n):
        scn.update({f"{stem}{j}": scn[f"{stem}{j + 1}"] for stem in sc.PER_PLAN})
    for name in sc.PLANS.names(n):
        scn.pop(name, None)
    scn["np"] = n - 1
    view["edit"] = max(1, i - 1)


def _add_plan() -> None:
    n = sc.plan_count(scn) + 1
    pid = str(view["addps"])
    scn.update(sc.PLANS.blank(n))
    if pid != "custom":
        scn.update({f"{k}{n}": v for k, v in sc.preset_fields(pid).items()})
    scn["np"] = n
    view["edit"] = n


# --------------------------------------------------------------------- inputs


def plan_editor(i: int) -> None:
    """The inputs of plan i (one plan at a time: each widget costs every run).

    The name and the less common terms sit behind a switch, which stays out of
    the way only while all of them are at their defaults.
    """
    edited = scn[f"ps{i}"] != "custom" and not sc.matches_preset(scn, i)
    in_use = any(scn[f"{k}{i}"] != sc.PER_PLAN[k].default for k in sc.MORE_TERMS)
    with st.container(border=True):
        row = grid()
        inp.choice(row, f"ps{i}", "cmp.preset", preset_labels(INSTALLMENT_PRESETS),
                   on_change=_apply_preset, args=(i,), width=2 * FIELD_WIDTH)
        inp.choice(row, f"k{i}", "cmp.kind", labels("kind"), KINDS)
        inp.number(row, f"n{i}", "cmp.periods", step=1)
        kind = scn[f"k{i}"]
        if kind == "addon":
            inp.choice(row, f"fm{i}", "cmp.fee_mode", labels("fee_mode"), FEE_MODES)
            label = "cmp.fee_period" if scn[f"fm{i}"] == "period" else "cmp.fee_total"
            inp.number(row, f"f{i}", label, step=0.05)
            inp.choice(row, f"t{i}", "cmp.fee_timing", labels("timing"), FEE_TIMINGS)
        elif kind in LOAN_KINDS:
            inp.choice(row, f"u{i}", "cmp.rate_unit", labels("unit"), RATE_UNITS)
            inp.number(row, f"r{i}", f"cmp.rate_{scn[f'u{i}']}", step=0.01, fmt="%.4f")
        if scn[f"ps{i}"] != "custom":
            st.caption(t("cmp.preset_edited") if edited else t("cmp.preset_note"))
        if in_use or ui_view.toggle(st, "more", "cmp.more_terms", "cmp.more_terms_help"):
            row = grid()
            inp.text(row, f"nm{i}", "cmp.name", max_chars=40, placeholder=plan_name(i))
            inp.number(row, f"dp{i}", "cmp.down", step=100.0)
            inp.number(row, f"uf{i}", "cmp.upfront", step=10.0, help_key="cmp.upfront_help")
            inp.number(row, f"fd{i}", "cmp.first_days", step=1,
                       help_key="cmp.first_days_help")
            inp.choice(row, f"er{i}", "cmp.early_rule", labels("rule"), EARLY_RULES)
            if scn[f"er{i}"] == "penalty":
                inp.number(row, f"pp{i}", "cmp.penalty", step=0.5)
        if sc.plan_count(scn) > 1:
            st.button(t("cmp.remove"), key=ps.key("do", f"rm{i}"), on_click=_remove_plan,
                      args=(i,))


# -------------------------------------------------------------------- results


def headline(c: Comparison, names: list[str]) -> None:
    """One card per plan: the nominal APR, its cost and first payment."""
    row = grid("top")
    star = "★ " if c.cheapest == -1 else ""
    row.metric(star + t("cmp.full"), yuan(c.cash_price), help=t("cmp.full_help"), border=True,
               width=CARD_WIDTH)
    for j, r in enumerate(c.plans):
        if r.schedule is None or r.rates is None:
            if r.error is not None:
                row.error(t("err.plan", name=md_escape(names[j]), message=error_text(r.error)))
            continue
        star = "★ " if c.cheapest == j else ""
        row.metric(
            star + md_escape(names[j]), pct(r.rates.nominal),
            delta=t("cmp.card_cost", cost=yuan(r.schedule.total_cost),
                    first=yuan(float(r.schedule.payment[0]))),
            delta_color="off", delta_arrow="off", help=t("formula.apr"), border=True,
            width=CARD_WIDTH,
        )


def show_results(c: Comparison, names: list[str]) -> None:
    st.subheader(t("cmp.results"))
    headline(c, names)
    for j, r in enumerate(c.plans):
        if r.above_line and r.rates is not None:
            st.warning(t("cmp.above_line", name=md_escape(names[j]), apr=pct(r.rates.nominal)),
                       icon=":material/warning:")
    # one chart at a time: every chart drawn costs the browser a Plotly render per edit
    chart = ui_view.segmented(st, "chart", "chart.show", labels("chart.tab"), ("cum", "pay"),
                              label_visibility="collapsed")
    if chart == "pay":
        fig = charts.monthly_payments(c, names, t)
    else:
        fig = charts.cumulative_paid(c, names, t)
    st.plotly_chart(fig, width="stretch", theme=None, key=ps.key("el", "chart"))
    tables.show(st, tables.comparison(c, names), ps.key("el", "results"))
    st.caption(t("cmp.formulas"))


def plan_details(c: Comparison, names: list[str]) -> None:
    """One plan's schedule, CSV and early repayment (one plan at a time)."""
    ok = [j + 1 for j, r in enumerate(c.plans) if r.ok]
    if not ok:
        return
    st.subheader(t("cmp.details"))
    i = ui_view.segmented(st, "detail", "cmp.detail_plan",
                          lambda i: md_escape(names[i - 1]), ok)
    r = c.plans[i - 1]
    table = tables.amortization(r)
    tables.show(st, table, ps.key("el", "amort"),
                height=min(35 * (table.data.num_rows + 1) + 3, 458))
    st.download_button(t("cmp.download"), tables.csv_on_demand(table),
                       file_name=f"schedule_{i}.csv", mime="text/csv",
                       key=ps.key("do", "csv"), on_click="ignore")
    early_section(r, i)


def early_section(r: PlanResult, i: int) -> None:
    s = r.schedule
    if s is None or s.n < 2:
        return
    k = whole(scn, f"ek{i}")
    if k > s.n - 1:  # the plan was shortened after the slider was set
        st.warning(t("cmp.early_out_of_range", k=k, n=s.n))
    inp.slider(st, f"ek{i}", "cmp.early", 0, max(s.n - 1, k), help_key="cmp.early_help")
    if r.early is None or r.early_rates is None or r.rates is None:
        return
    e, er = r.early, r.early_rates
    st.markdown(t("cmp.early_result", k=e.paid_off_after, rule=t(f"rule.{s.terms.early_rule}"),
                  paid=yuan(e.total_paid), cost=yuan(e.total_cost), apr=pct(er.nominal),
                  eff=pct(er.effective), apr0=pct(r.rates.nominal)))


def show_math(c: Comparison, names: list[str]) -> None:
    ok = [j for j, r in enumerate(c.plans) if r.ok]
    if not ok:
        return
    # a toggle, not an expander: the NPV curve is only computed when it is shown
    if not ui_view.toggle(st, "math_on", "math.title"):
        return
    with st.container(border=True):
        j = ui_view.choice(st, "math", "math.plan", lambda j: names[j], ok)
        r = c.plans[j]
        assert r.schedule is not None and r.rates is not None
        rt = r.rates
        st.markdown(t("math.explain"))
        st.latex(r"\sum_{k} \frac{CF_k}{(1 + f_k\, i)\,(1+i)^{t_k}} = 0")
        st.markdown(t("math.result", i=f"{rt.periodic * 100:.4f}%", apr=pct(rt.nominal),
                      eff=pct(rt.effective)))
        tables.show(st, tables.flows(r), ps.key("el", "flows"))
        st.plotly_chart(charts.npv_chart(r.schedule, rt.periodic, t), width="stretch",
                        theme=None, key=ps.key("el", "npv"))


# ----------------------------------------------------------------------- page

st.title(t("cmp.title"))
st.caption(t("cmp.intro"))
show_notices(ps.notices)

row = grid()
inp.number(row, "p", "cmp.price", step=100.0)
inp.number(row, "d", "cmp.discount", step=0.5, help_key="cmp.discount_help")
inp.number(row, "y", "cmp.yield", step=0.1, help_key="cmp.yield_help")

# The plans' editor sits above the results but is filled in after them: the
# scenario already holds every widget's new value (ui.widgets, rule 2), and the
# browser redraws the results, the chart first, as soon as they arrive.
plans_box = st.container()

names = [plan_name(i) for i in range(1, sc.plan_count(scn) + 1)]
try:
    result = sc.results(scn)
except CalcError as err:
    st.error(error_text(err))
else:
    show_results(result, names)
    plan_details(result, names)
    show_math(result, names)

with plans_box:
    st.subheader(t("cmp.plans"))
    editing = ui_view.segmented(
        st, "edit", "cmp.editing",
        lambda i: f"{md_escape(plan_name(i))} · " + t(
            "cmp.plan_summary", kind=t(f"kind.{scn[f'k{i}']}"), n=scn[f"n{i}"]),
        tuple(range(1, sc.plan_count(scn) + 1)),
    )
    plan_editor(editing)
    row = grid()
    ui_view.choice(row, "addps", "cmp.add_from", preset_labels(INSTALLMENT_PRESETS),
                   sc.PRESET_CHOICES, width=2 * FIELD_WIDTH)
    full = sc.plan_count(scn) >= sc.MAX_PLANS
    row.button(t("cmp.add"), key=ps.key("do", "add"), on_click=_add_plan, disabled=full,
               help=t("cmp.max_plans", n=sc.MAX_PLANS) if full else None)

ps.sync_url()
