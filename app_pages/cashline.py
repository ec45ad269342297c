"""备用金 page: a cash line simulated day by day, with its faults and rollovers."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from calc import cashline as cl
from calc.errors import CalcError
from calc.presets import CASH_LINE_PRESETS, INSTALLMENT_PRESETS
from ui import charts, state
from ui.fmt import pct, yuan
from ui.i18n import error_text, show_notices, t
from ui.scenarios import (
    CASH,
    CASH_PRESET_CHOICES,
    DRAWS,
    REPAYMENTS,
    cash_inputs,
    cash_preset_fields,
    matches_cash_preset,
    plan_terms_from_preset,
)
from ui.widgets import CARD_WIDTH, FIELD_WIDTH, Inputs, grid, labels, preset_labels

PAGE = "cash"
scn, notices = state.scenario(PAGE, CASH)
ui_in = Inputs(scn, CASH)
number, choice = ui_in.number, ui_in.choice


def _apply_preset() -> None:
    pid = st.session_state["w_ps"]
    scn["ps"] = pid
    if pid != "custom":
        values = cash_preset_fields(pid)
        scn.update(values)
        names = list(values)
        for i in range(1, REPAYMENTS.most + 1):
            names += REPAYMENTS.names(i)
        state.forget_widgets(names)


def _resize(group, delta: int) -> None:
    n = int(scn[group.count]) + delta
    if delta > 0:
        scn.update(group.blank(n))
    else:
        for name in group.names(n + 1):
            scn.pop(name, None)
    scn[group.count] = n
    state.forget_widgets(group.names(n if delta > 0 else n + 1))  # the item added or removed


# --------------------------------------------------------------------- inputs


def line_inputs() -> None:
    row = grid()
    choice(row, "ps", "cash.preset", CASH_PRESET_CHOICES, preset_labels(CASH_LINE_PRESETS),
           on_change=_apply_preset, width=2 * FIELD_WIDTH)
    number(row, "L", "cash.limit", step=1000.0)
    choice(row, "u", "cmp.rate_unit", cl.RATE_UNITS, labels("unit"))
    number(row, "r", f"cash.rate_{scn['u']}", step=0.01, fmt="%.4f")
    number(row, "fp", "cash.fee_pct", step=0.1, help_key="cash.fee_help")
    number(row, "fm", "cash.fee_min", step=1.0)
    notes = []
    if scn["ps"] != "custom":
        notes.append(t("cmp.preset_note") if matches_cash_preset(scn)
                     else t("cmp.preset_edited"))
    quoted = _quoted()
    if quoted:
        notes.append(t("cash.quoted", simple=pct(quoted[0]), compound=pct(quoted[1])))
    if notes:
        st.caption(" ".join(notes))


def _quoted() -> tuple[float, float] | None:
    try:
        return cl.quoted_rates(float(scn["r"]) / 100, str(scn["u"]))
    except CalcError:
        return None


def draw_inputs() -> None:
    st.markdown(f"**{t('cash.draws')}**")
    row = grid()
    for i in range(1, int(scn["nd"]) + 1):
        number(row, f"a{i}", "cash.draw_amount", step=1000.0)
        number(row, f"t{i}", "cash.draw_day", step=1, help_key="cash.day_help")
    row.button(t("cash.add_draw"), key="add_draw", on_click=_resize, args=(DRAWS, 1),
               disabled=int(scn["nd"]) >= DRAWS.most)
    row.button(t("cash.remove_draw"), key="rm_draw", on_click=_resize, args=(DRAWS, -1),
               disabled=int(scn["nd"]) <= 1)


def repayment_inputs() -> None:
    row = grid()
    choice(row, "m", "cash.method", cl.METHODS, labels("method"))
    method = scn["m"]
    if method in cl.TERM_METHODS:
        number(row, "tm", "cash.term", step=1)
    elif method == "revolving":
        choice(row, "pr", "cash.pay_rule", cl.PAY_RULES, labels("pay_rule"))
        number(row, "mp", "cash.min_pct", step=1.0, help_key="cash.min_help")
        number(row, "mf", "cash.min_floor", step=10.0)
        number(row, "fx", "cash.fixed", step=100.0)
        ui_in.toggle(st, "ifr", "cash.interest_free", "cash.interest_free_help")
    if method in ("flexible", "revolving"):
        st.markdown(f"**{t('cash.repayments')}**")
        if method == "flexible" and int(scn["nr"]) == 0:
            st.info(t("cash.no_repayments"))
        row = grid()
        for i in range(1, int(scn["nr"]) + 1):
            number(row, f"rd{i}", "cash.repay_day", step=1, help_key="cash.day_help")
            number(row, f"ra{i}", "cash.repay_amount", step=100.0,
                   help_key="cash.repay_all_help")
        row.button(t("cash.add_repayment"), key="add_rep", on_click=_resize,
                   args=(REPAYMENTS, 1), disabled=int(scn["nr"]) >= REPAYMENTS.most)
        row.button(t("cash.remove_repayment"), key="rm_rep", on_click=_resize,
                   args=(REPAYMENTS, -1), disabled=int(scn["nr"]) <= 0)


def fault_inputs() -> None:
    if scn["m"] == "flexible":
        st.caption(t("cash.faults_not_flexible"))
        return
    with st.expander(t("cash.late_title"), expanded=int(scn["lm"]) > 0):
        row = grid()
        number(row, "lm", "cash.late_month", step=1, help_key="cash.late_month_help")
        number(row, "ld", "cash.late_days", step=1)
        number(row, "gd", "cash.grace", step=1)
        number(row, "om", "cash.overdue_multiple", step=0.1, help_key="cash.overdue_help")
        number(row, "lf", "cash.late_fee_pct", step=0.5)
        number(row, "lfm", "cash.late_fee_min", step=1.0)
    with st.expander(t("cash.rollover_title"), expanded=int(scn["ro"]) > 0):
        st.caption(t("cash.rollover_intro"))
        row = grid()
        number(row, "ro", "cash.rollover_months", step=1, help_key="cash.rollover_help")
        number(row, "rl", "cash.rollover_limit", step=1000.0)
        choice(row, "ru", "cmp.rate_unit", cl.RATE_UNITS, labels("unit"))
        number(row, "rr", f"cash.rate_{scn['ru']}", step=0.01, fmt="%.4f")
        number(row, "rf", "cash.fee_pct", step=0.1)
        number(row, "rfm", "cash.fee_min", step=1.0)


# -------------------------------------------------------------------- results


def money_col(key: str, help_key: str | None = None):
    return st.column_config.NumberColumn(t(key), format="¥%,.2f",
                                         help=t(help_key) if help_key else None)


def summary(r: cl.CashLineResult) -> None:
    tot = r.totals
    row = grid("top")
    card = {"border": True, "width": CARD_WIDTH}
    row.metric(t("cash.total_paid"), yuan(tot.paid), **card)
    row.metric(t("cash.total_cost"), yuan(tot.cost), **card,
               help=t("cash.cost_help", i=yuan(tot.interest), f=yuan(tot.fees),
                      p=yuan(tot.penalties)))
    if r.rates is not None:
        row.metric(t("col.apr"), pct(r.rates.nominal), help=t("formula.apr"), **card,
                   delta=t("cash.effective_short", eff=pct(r.rates.effective)),
                   delta_color="off", delta_arrow="off")
    else:
        row.metric(t("col.apr"), "—", help=t("cash.flag.no_rate"), **card)
    if r.status == "paid_off":
        row.metric(t("cash.payoff"), t("cash.payoff_value", m=r.payoff_month),
                   delta=t("cash.payoff_day", d=r.payoff_day), delta_color="off",
                   delta_arrow="off", **card)
    else:
        row.metric(t("cash.payoff"), t("cash.never"), **card)
    if r.status != "paid_off":
        msg = t("cash.not_paid_off", years=cl.HORIZON_MONTHS // 12, owed=yuan(tot.owed_at_end))
        if r.clear_in_12 is not None:
            msg += " " + t("cash.clear_in", p12=yuan(r.clear_in_12),
                           p36=yuan(r.clear_in_36 or 0.0))
        st.error(msg, icon=":material/error:")
    for flag in r.flags:
        if flag == "no_rate" and r.rates is None:
            continue
        st.warning(t(f"cash.flag.{flag}", m=r.doubled_month or 0), icon=":material/warning:")


def statements_table(r: cl.CashLineResult) -> None:
    df = cl.to_frame(r.statements)
    cols = ["month", "day", "drawn", "interest", "fees", "penalties", "due", "paid", "owed"]
    if r.totals.rolled or r.totals.line2_interest:
        cols += ["rolled", "line2_interest", "line2_owed"]
    df = df[cols]
    config = {c: money_col(f"cash.col.{c}") for c in cols if c not in ("month", "day")}
    config["month"] = st.column_config.NumberColumn(t("cash.col.month"))
    config["day"] = st.column_config.NumberColumn(t("cash.col.day"))
    st.dataframe(df, hide_index=True, key="tbl_statements", column_config=config, height=320)
    headers = {c: t(f"cash.col.{c}") for c in cols}
    # files are made when the button is clicked, not on every run
    st.download_button(t("cash.download_statements"),
                       lambda: df.rename(columns=headers).to_csv(index=False),
                       file_name="statements.csv", mime="text/csv", key="dl_st",
                       on_click="ignore")
    st.download_button(t("cash.download_ledger"),
                       lambda: cl.to_frame(r.ledger).to_csv(index=False),
                       file_name="daily_ledger.csv", mime="text/csv", key="dl_ledger",
                       on_click="ignore", help=t("cash.ledger_help"))


def pay_rule_comparison(draws, line, plan, faults) -> None:
    """The same draws on a revolving line: in full, the minimum, a fixed amount."""
    st.subheader(t("cash.rules_title"))
    st.caption(t("cash.rules_intro", mp=f"{float(scn['mp']):g}%", mf=yuan(float(scn["mf"])),
                 fx=yuan(float(scn["fx"]))))
    rows, runs = [], []
    for rule in cl.PAY_RULES:
        rp = replace(plan, method="revolving", pay_rule=rule, repayments=())
        try:
            r = cl.simulate(draws, line, rp, faults if plan.method != "flexible" else None)
        except CalcError as err:
            rows.append({"rule": t(f"pay_rule.{rule}"), "note": error_text(err)})
            continue
        label = t(f"pay_rule.{rule}")
        runs.append((label, r))
        rows.append({
            "rule": label, "paid": r.totals.paid, "cost": r.totals.cost,
            "apr": None if r.rates is None else 100 * r.rates.nominal,
            "months": r.payoff_month,
            "note": t("cash.never") if r.status != "paid_off" else "",
        })
    st.dataframe(pd.DataFrame(rows), hide_index=True, key="tbl_rules", column_config={
        "rule": st.column_config.TextColumn(t("cash.pay_rule")),
        "paid": money_col("cash.total_paid"),
        "cost": money_col("cash.total_cost"),
        "apr": st.column_config.NumberColumn(t("col.apr"), format="%.2f%%",
                                             help=t("formula.apr")),
        "months": st.column_config.NumberColumn(t("cash.months_to_pay")),
        "note": st.column_config.TextColumn(t("col.note")),
    })
    if runs:
        st.plotly_chart(charts.pay_rules(runs, t), width="stretch", theme=None, key="ch_rules")


def versus_installment(line, plan, faults) -> None:
    st.subheader(t("cash.versus_title"))
    row = grid()
    choice(row, "cp", "cash.versus_plan", tuple(INSTALLMENT_PRESETS), labels("preset"))
    price = float(scn["a1"])
    row.metric(t("cash.versus_price"), yuan(price), width=FIELD_WIDTH)
    try:
        c = cl.compare_with_installment(price, line, plan, plan_terms_from_preset(scn["cp"]),
                                        faults=faults if plan.method != "flexible" else None)
    except CalcError as err:
        st.error(error_text(err))
        return
    rows = []
    for key, s in (("cash.this_line", c.cash_line), ("cash.installment", c.installment)):
        rows.append({
            "way": t(key), "first": s.first_payment, "largest": s.max_payment,
            "payments": s.payments, "paid": s.total_paid, "cost": s.cost,
            "apr": None if s.nominal is None else 100 * s.nominal,
            "effective": None if s.effective is None else 100 * s.effective,
            "months": s.payoff_month,
        })
    st.dataframe(pd.DataFrame(rows), hide_index=True, key="tbl_versus", column_config={
        "way": st.column_config.TextColumn(t("cash.way")),
        "first": money_col("col.first"),
        "largest": money_col("col.largest"),
        "payments": st.column_config.NumberColumn(t("cash.payments")),
        "paid": money_col("cash.total_paid"),
        "cost": money_col("cash.total_cost"),
        "apr": st.column_config.NumberColumn(t("col.apr"), format="%.2f%%",
                                             help=t("formula.apr")),
        "effective": st.column_config.NumberColumn(t("col.effective"), format="%.2f%%",
                                                   help=t("formula.effective")),
        "months": st.column_config.NumberColumn(t("cash.months_to_pay"), format="%.2f"),
    })


# ----------------------------------------------------------------------- page

st.title(t("cash.title"))
st.caption(t("cash.intro"))
show_notices(notices)

line_inputs()
draw_inputs()
st.subheader(t("cash.repay_title"))
repayment_inputs()
fault_inputs()

try:
    inputs = cash_inputs(scn)
    result = cl.simulate(*inputs)
except CalcError as err:
    st.error(error_text(err))
else:
    draws, line, plan, faults, rollover = inputs
    st.subheader(t("cmp.results"))
    summary(result)
    views = ("balance", "costs") + (("spiral",) if rollover else ())
    view = st.segmented_control(t("chart.show"), views, key="w_cash_chart", required=True,
                                default="spiral" if rollover else "balance",
                                format_func=labels("chart.tab"), label_visibility="collapsed")
    if view == "spiral" and rollover:
        st.caption(t("cash.spiral_intro"))
        fig = charts.rollover_spiral(result, rollover.limit, t)
    elif view == "costs":
        fig = charts.cumulative_costs(result, t)
    else:
        fig = charts.balance_over_time(result, t)
    st.plotly_chart(fig, width="stretch", theme=None, key="ch_cash")
    with st.expander(t("cash.statements_title")):
        statements_table(result)
    pay_rule_comparison(draws, line, plan, faults)
    versus_installment(line, plan, faults)
    st.caption(t("cash.sources"))

state.sync_url(CASH, scn)
