"""Comparison page: installment plans side by side against paying in full."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from calc.compare import Comparison, PlanResult, compare
from calc.errors import CalcError
from calc.presets import INSTALLMENT_PRESETS
from calc.schedule import EARLY_RULES, FEE_TIMINGS, KINDS, LOAN_KINDS, RATE_UNITS
from ui import charts, state
from ui.fmt import md_escape, pct, yuan
from ui.i18n import error_text, show_notices, t
from ui.scenarios import (
    COMPARE,
    FEE_MODES,
    MAX_PLANS,
    PER_PLAN,
    PLANS,
    PRESET_CHOICES,
    matches_preset,
    plan_count,
    plan_terms,
    preset_fields,
)
from ui.widgets import CARD_WIDTH, FIELD_WIDTH, Inputs, grid, labels, preset_labels

PAGE = "cmp"
scn, notices = state.scenario(PAGE, COMPARE)


def plan_name(i: int) -> str:
    """The user's name for plan i, else its preset's label, else "Plan i"."""
    if scn[f"nm{i}"]:
        return str(scn[f"nm{i}"])
    if scn[f"ps{i}"] != "custom":
        return t(f"preset.{scn[f'ps{i}']}")
    return t("cmp.plan_n", n=i)


# ----------------------------------------------------------------- callbacks


def _apply_preset(i: int) -> None:
    pid = st.session_state[f"w_ps{i}"]
    scn[f"ps{i}"] = pid
    if pid != "custom":
        scn.update({f"{k}{i}": v for k, v in preset_fields(pid).items()})
        state.forget_widgets([f"{k}{i}" for k in preset_fields(pid)])


def _remove_plan(i: int) -> None:
    st.session_state["w_edit"] = max(1, i - 1)
    n = plan_count(scn)
    for j in range(i, n):
        for stem in PER_PLAN:
            scn[f"{stem}{j}"] = scn[f"{stem}{j + 1}"]
    for stem in PER_PLAN:
        scn.pop(f"{stem}{n}", None)
    scn["np"] = n - 1
    state.forget_widgets([name for j in range(1, MAX_PLANS + 1) for name in PLANS.names(j)])


def _add_plan() -> None:
    n = plan_count(scn) + 1
    pid = st.session_state.get("w_addps", "custom")
    scn.update(PLANS.blank(n))
    if pid != "custom":
        scn.update({f"{k}{n}": v for k, v in preset_fields(pid).items()})
    scn["np"] = n
    state.forget_widgets(PLANS.names(n))
    st.session_state["w_edit"] = n


# --------------------------------------------------------------------- inputs


ui_in = Inputs(scn, COMPARE)
number, choice = ui_in.number, ui_in.choice


MORE_TERMS = ("nm", "dp", "uf", "fd", "er", "pp")


def plan_editor(i: int) -> None:
    """The inputs of plan i (one plan at a time: each widget costs every run).

    The name and the less common terms sit behind a switch, which stays out of
    the way only while all of them are at their defaults.
    """
    edited = scn[f"ps{i}"] != "custom" and not matches_preset(scn, i)
    in_use = any(scn[f"{k}{i}"] != PER_PLAN[k].default for k in MORE_TERMS)
    with st.container(border=True):
        row = grid()
        choice(row, f"ps{i}", "cmp.preset", PRESET_CHOICES, preset_labels(INSTALLMENT_PRESETS),
               on_change=_apply_preset, args=(i,), width=2 * FIELD_WIDTH)
        choice(row, f"k{i}", "cmp.kind", KINDS, labels("kind"))
        number(row, f"n{i}", "cmp.periods", step=1, fmt="%d")
        kind = scn[f"k{i}"]
        if kind == "addon":
            choice(row, f"fm{i}", "cmp.fee_mode", FEE_MODES, labels("fee_mode"))
            label = "cmp.fee_period" if scn[f"fm{i}"] == "period" else "cmp.fee_total"
            number(row, f"f{i}", label, step=0.05, fmt="%.2f")
            choice(row, f"t{i}", "cmp.fee_timing", FEE_TIMINGS, labels("timing"))
        elif kind in LOAN_KINDS:
            choice(row, f"u{i}", "cmp.rate_unit", RATE_UNITS, labels("unit"))
            number(row, f"r{i}", f"cmp.rate_{scn[f'u{i}']}", step=0.01, fmt="%.4f")
        if scn[f"ps{i}"] != "custom":
            st.caption(t("cmp.preset_edited") if edited else t("cmp.preset_note"))
        more = in_use or st.toggle(t("cmp.more_terms"), key="w_more",
                                   help=t("cmp.more_terms_help"))
        if more:
            row = grid()
            scn[f"nm{i}"] = row.text_input(t("cmp.name"), key=state.widget_key(scn, f"nm{i}"),
                                           max_chars=40, placeholder=plan_name(i),
                                           width=FIELD_WIDTH)
            number(row, f"dp{i}", "cmp.down", step=100.0, fmt="%.2f")
            number(row, f"uf{i}", "cmp.upfront", step=10.0, fmt="%.2f",
                   help_key="cmp.upfront_help")
            number(row, f"fd{i}", "cmp.first_days", step=1, fmt="%d",
                   help_key="cmp.first_days_help")
            choice(row, f"er{i}", "cmp.early_rule", EARLY_RULES, labels("rule"))
            if scn[f"er{i}"] == "penalty":
                number(row, f"pp{i}", "cmp.penalty", step=0.5, fmt="%.2f")
        if plan_count(scn) > 1:
            st.button(t("cmp.remove"), key=f"rm{i}", on_click=_remove_plan, args=(i,))


# -------------------------------------------------------------------- results


def results_table(c: Comparison, names: list[str]) -> pa.Table:
    rows = [{  # paying in full borrows nothing: every rate of it is zero
        "plan": t("cmp.full"), "first": c.cash_price, "largest": c.cash_price,
        "total_paid": c.cash_price, "total_cost": 0.0, "advertised": 0.0, "apr": 0.0,
        "effective": 0.0, "avg_balance": 0.0, "present_cost": 0.0,
        "note": t("cmp.cheapest") if c.cheapest == -1 else "",
    }]
    for j, r in enumerate(c.plans):
        if not r.ok:
            rows.append({"plan": names[j], "note": error_text(r.error)})
            continue
        s, rt = r.schedule, r.rates
        notes = []
        if c.cheapest == j:
            notes.append(t("cmp.cheapest"))
        if r.above_line:
            notes.append(t("cmp.above_line_short"))
        rows.append({
            "plan": names[j], "first": float(s.payment[0]), "largest": float(s.payment.max()),
            "total_paid": s.total_paid, "total_cost": s.total_cost,
            "advertised": 100 * rt.advertised, "apr": 100 * rt.nominal,
            "effective": 100 * rt.effective, "avg_balance": 100 * rt.average_balance,
            "present_cost": r.present_cost, "note": " · ".join(notes),
        })
    columns = ["plan", "apr", "total_cost", "first", "largest", "total_paid", "effective",
               "avg_balance", "advertised", "present_cost", "note"]
    # an Arrow table goes to the browser as it is; a DataFrame would be converted
    return pa.Table.from_pylist([{k: row.get(k) for k in columns} for row in rows])


def money_col(key: str, help_key: str | None = None):
    return st.column_config.NumberColumn(t(key), format="¥%,.2f",
                                         help=t(help_key) if help_key else None)


def rate_col(key: str, help_key: str):
    return st.column_config.NumberColumn(t(key), format="%.2f%%", help=t(help_key))


def headline(c: Comparison, names: list[str]) -> None:
    """One card per plan: the nominal APR, its cost and first payment."""
    row = grid("top")
    star = "★ " if c.cheapest == -1 else ""
    row.metric(star + t("cmp.full"), yuan(c.cash_price), help=t("cmp.full_help"), border=True,
               width=CARD_WIDTH)
    for j, r in enumerate(c.plans):
        if not r.ok:
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
        if r.above_line:
            st.warning(t("cmp.above_line", name=md_escape(names[j]), apr=pct(r.rates.nominal)),
                       icon=":material/warning:")
    # one chart at a time: every chart drawn costs the browser a Plotly render per edit
    chart = st.segmented_control(t("chart.show"), ("cum", "pay"), key="w_chart",
                                 format_func=labels("chart.tab"), required=True,
                                 default="cum", label_visibility="collapsed")
    if chart == "pay":
        st.plotly_chart(charts.monthly_payments(c, names, t), width="stretch", theme=None,
                        key="ch_pay")
    else:
        st.plotly_chart(charts.cumulative_paid(c, names, t), width="stretch", theme=None,
                        key="ch_cum")
    st.dataframe(
        results_table(c, names),
        hide_index=True,
        key="tbl_results",
        column_config={
            "plan": st.column_config.TextColumn(t("col.plan"), pinned=True),
            "first": money_col("col.first"),
            "largest": money_col("col.largest"),
            "total_paid": money_col("col.total_paid", "col.total_paid_help"),
            "total_cost": money_col("col.total_cost", "col.total_cost_help"),
            "advertised": rate_col("col.advertised", "formula.advertised"),
            "apr": rate_col("col.apr", "formula.apr"),
            "effective": rate_col("col.effective", "formula.effective"),
            "avg_balance": rate_col("col.avg_balance", "formula.avg_balance"),
            "present_cost": money_col("col.present_cost", "col.present_cost_help"),
            "note": st.column_config.TextColumn(t("col.note"), width="large"),
        },
    )
    st.caption(t("cmp.formulas"))


def amortization(r: PlanResult) -> pa.Table:
    s = r.schedule
    return pa.table({
        "k": np.arange(1, s.n + 1),
        "month": s.due_period + s.due_fraction,
        "payment": s.payment,
        "principal": s.principal,
        "charge": s.charge,
        "balance": s.balance,
    })


def plan_details(c: Comparison, names: list[str]) -> None:
    """One plan's schedule, CSV and early repayment (one plan at a time)."""
    ok = [j + 1 for j, r in enumerate(c.plans) if r.ok]
    if not ok:
        return
    st.subheader(t("cmp.details"))
    if st.session_state.get("w_detail") not in ok:
        st.session_state["w_detail"] = ok[0]
    i = st.segmented_control(t("cmp.detail_plan"), ok, key="w_detail", required=True,
                             format_func=lambda i: md_escape(names[i - 1]))
    r = c.plans[i - 1]
    table = amortization(r)
    months = r.schedule.due_period + r.schedule.due_fraction
    months_fmt = "%d" if np.all(months == np.round(months)) else "%.2f"
    st.dataframe(table, hide_index=True, key=f"amort{i}", height=min(35 * (len(table) + 1) + 3,
                                                                       458),
                 column_config={
                     "k": st.column_config.NumberColumn(t("col.k")),
                     "month": st.column_config.NumberColumn(t("col.month"), format=months_fmt,
                                                            help=t("col.month_help")),
                     "payment": money_col("col.payment"),
                     "principal": money_col("col.principal"),
                     "charge": money_col("col.charge"),
                     "balance": money_col("col.balance"),
                 })
    headers = {k: t(f"col.{k}") for k in table.column_names}
    st.download_button(
        t("cmp.download"),
        lambda: table.to_pandas().rename(columns=headers).to_csv(index=False),
        file_name=f"schedule_{i}.csv", mime="text/csv", key="dl_schedule", on_click="ignore",
    )
    early_section(r, i)


def early_section(r: PlanResult, i: int) -> None:
    s = r.schedule
    if s.n < 2:
        return
    if scn[f"ek{i}"] > s.n - 1:  # the plan was shortened after the slider was set
        st.warning(t("cmp.early_out_of_range", k=scn[f"ek{i}"], n=s.n))
    top = max(s.n - 1, int(scn[f"ek{i}"]))
    scn[f"ek{i}"] = st.slider(t("cmp.early"), 0, top, key=state.widget_key(scn, f"ek{i}"),
                              help=t("cmp.early_help"))
    if r.early is None:
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
    if not st.toggle(t("math.title"), key="w_math_on"):
        return
    with st.container(border=True):
        if st.session_state.get("w_math") not in ok:  # its plan was removed or broke
            st.session_state["w_math"] = ok[0]
        j = st.selectbox(t("math.plan"), ok, format_func=lambda j: names[j], key="w_math")
        r = c.plans[j]
        s, rt = r.schedule, r.rates
        st.markdown(t("math.explain"))
        st.latex(r"\sum_{k} \frac{CF_k}{(1 + f_k\, i)\,(1+i)^{t_k}} = 0")
        st.markdown(t("math.result", i=f"{rt.periodic * 100:.4f}%", apr=pct(rt.nominal),
                      eff=pct(rt.effective)))
        flows = pd.DataFrame({
            "t": [f.period + f.fraction for f in s.flows],
            "amount": [f.amount for f in s.flows],
        })
        st.dataframe(flows, hide_index=True, key="tbl_flows", column_config={
            "t": st.column_config.NumberColumn(t("col.month"), format="%.2f"),
            "amount": money_col("col.flow", "col.flow_help"),
        })
        st.plotly_chart(charts.npv_chart(s, rt.periodic, t), width="stretch", theme=None,
                        key="ch_npv")


# ----------------------------------------------------------------------- page

st.title(t("cmp.title"))
st.caption(t("cmp.intro"))
show_notices(notices)

row = grid()
number(row, "p", "cmp.price", step=100.0, fmt="%.2f")
number(row, "d", "cmp.discount", step=0.5, fmt="%.2f", help_key="cmp.discount_help")
number(row, "y", "cmp.yield", step=0.1, fmt="%.2f", help_key="cmp.yield_help")

# The plans' editor sits above the results but is filled in after them: the
# scenario already holds every widget's new value (ui.state.scenario), and the
# browser redraws the results, the chart first, as soon as they arrive.
plans_box = st.container()

names = [plan_name(i) for i in range(1, plan_count(scn) + 1)]
try:
    result = compare(
        scn["p"], scn["d"] / 100, scn["y"] / 100,
        [plan_terms(scn, i) for i in range(1, plan_count(scn) + 1)],
        [int(scn[f"ek{i}"]) for i in range(1, plan_count(scn) + 1)],
    )
except CalcError as err:
    st.error(error_text(err))
else:
    show_results(result, names)
    plan_details(result, names)
    show_math(result, names)

with plans_box:
    st.subheader(t("cmp.plans"))
    if st.session_state.get("w_edit", 1) > plan_count(scn):
        st.session_state["w_edit"] = 1
    editing = st.segmented_control(
        t("cmp.editing"), range(1, plan_count(scn) + 1), key="w_edit", required=True,
        default=1, format_func=lambda i: f"{md_escape(plan_name(i))} · " + t(
            "cmp.plan_summary", kind=t(f"kind.{scn[f'k{i}']}"), n=scn[f"n{i}"]),
    )
    plan_editor(editing)
    row = grid()
    row.selectbox(t("cmp.add_from"), PRESET_CHOICES,
                  format_func=preset_labels(INSTALLMENT_PRESETS), key="w_addps",
                  width=2 * FIELD_WIDTH)
    row.button(t("cmp.add"), key="add", on_click=_add_plan,
               disabled=plan_count(scn) >= MAX_PLANS,
               help=t("cmp.max_plans", n=MAX_PLANS) if plan_count(scn) >= MAX_PLANS else None)

state.sync_url(COMPARE, scn)
