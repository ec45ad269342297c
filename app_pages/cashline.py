"""备用金 page: a cash line simulated day by day, with its faults and rollovers."""

from __future__ import annotations

import functools
import re
from typing import Any

import streamlit as st

from calc import cashline as cl
from calc.burden import Household, Obligation, timeline
from calc.errors import CalcError
from calc.presets import CASH_LINE_PRESETS, INSTALLMENT_PRESETS
from calc.units import MONTHS_PER_YEAR, RATE_UNITS
from calc.warnings import DebtWarning, evaluate, headline
from ui import afford, charts, classroom, live, tables
from ui.advice import warning_texts
from ui.codec import Group
from ui.fmt import pct, yuan
from ui.glossary import terms_line
from ui.i18n import error_text, show_notices, t
from ui.scenarios import budget as bs
from ui.scenarios import cashline as sc
from ui.scenarios import num, whole
from ui.state import PageState, lang
from ui.widgets import (
    CARD_WIDTH,
    FIELD_WIDTH,
    Bound,
    grid,
    labels,
    preset_details,
    preset_labels,
)

ps = PageState(sc.CASH, sc.VIEWS)
scn, view = ps.scn, ps.view
inp, ui_view = Bound(ps), Bound(ps, view=True)


def count(name: str) -> int:
    return whole(scn, name)


# ------------------------------------------------------- callbacks (before a run)


def _apply_preset() -> None:
    pid = str(scn["ps"])
    if pid != "custom":
        scn.update(sc.cash_preset_fields(pid))


def _restore_preset() -> None:
    """The restore button, in the line's note: the preset's terms are in
    every input, so the whole body reruns."""
    _apply_preset()
    ps.rerun_sections("body")


def _apply_min_rule() -> None:
    scn.update(sc.min_rule_fields(str(scn["mr"])))


def _resize(group: Group, delta: int) -> None:
    n = count(group.count) + delta
    if delta > 0:
        scn.update(group.blank(n))
    else:
        for name in group.names(n + 1):
            scn.pop(name, None)
    scn[group.count] = n


#: Inputs whose value changes only the results and the line's note (not which
#: inputs show, nor their labels): an edit reruns those two sections alone.
_RESULTS_ONLY = re.compile(r"(L|r|fp|fm|tm|mp|mf|fx|lm|ld|gd|om|lf|lfm|ro|rl|rr|rf|rfm"
                           r"|[at]\d+|r[da]\d+)")


def _results_changed(name: str) -> None:
    """on_change of those inputs: when the value was taken, the note and the
    results rerun, not the inputs around them (else the body, as for any)."""
    if st.session_state.get(inp.key(name)) == scn[name]:
        ps.rerun_sections("answer", "note", "results")


def number(where: Any, name: str, label: str, **kw: Any) -> Any:
    """A bound number input; one of :data:`_RESULTS_ONLY` reruns only what it changes."""
    if _RESULTS_ONLY.fullmatch(name):
        kw.update(on_change=_results_changed, args=(name,))
    return inp.number(where, name, label, **kw)


# --------------------------------------------------------------------- inputs


def line_inputs() -> None:
    row = grid()
    inp.choice(row, "ps", "cash.preset", preset_labels(CASH_LINE_PRESETS),
               on_change=_apply_preset, width=2 * FIELD_WIDTH)
    inp.text(row, "nm", "cash.name", max_chars=40, placeholder=afford.line_name(scn))
    number(row, "L", "cash.limit", step=1000.0)
    inp.choice(row, "u", "cmp.rate_unit", labels("unit"), RATE_UNITS)
    number(row, "r", f"cash.rate_{scn['u']}", step=0.01, fmt="%.4f")
    number(row, "fp", "cash.fee_pct", step=0.1, help_key="cash.fee_help")
    number(row, "fm", "cash.fee_min", step=1.0)
    line_note()


@ps.section(key="note")
def line_note() -> None:
    """Whether the line still has its preset's terms, and its price as a year:
    they move with the limit, the rate and the fee (a section those rerun)."""
    notes = []
    if scn["ps"] != "custom":
        notes.append((t("cmp.preset_note") if sc.matches_cash_preset(scn)
                      else t("cmp.preset_edited")) + " "
                     + preset_details(CASH_LINE_PRESETS, scn["ps"]))
    quoted = sc.quoted(scn)
    if quoted:
        notes.append(t("cash.quoted", simple=pct(quoted[0]), compound=pct(quoted[1])))
    if notes:
        st.caption(" ".join(notes))
    if scn["ps"] != "custom" and not sc.matches_cash_preset(scn):
        # choosing the same preset again changes nothing: say how to go back
        st.button(t("cmp.restore_preset"), key=ps.key("do", "restore"),
                  on_click=_restore_preset)


def draw_inputs() -> None:
    st.markdown(f"**{t('cash.draws')}**")
    row = grid()
    for i in range(1, count("nd") + 1):
        number(row, f"a{i}", "cash.draw_amount", step=1000.0)
        number(row, f"t{i}", "cash.draw_day", step=1, help_key="cash.day_help")
    row.button(t("cash.add_draw"), key=ps.key("do", "add_draw"), on_click=_resize,
               args=(sc.DRAWS, 1), disabled=count("nd") >= sc.DRAWS.most)
    row.button(t("cash.remove_draw"), key=ps.key("do", "rm_draw"), on_click=_resize,
               args=(sc.DRAWS, -1), disabled=count("nd") <= 1)


def repayment_inputs() -> None:
    row = grid()
    inp.choice(row, "m", "cash.method", labels("method"))
    method = scn["m"]
    if method in cl.TERM_METHODS:
        number(row, "tm", "cash.term", step=1)
    else:  # by the day: what interest left unpaid does is a term of the line
        inp.choice(row, "co", "cash.compounding", labels("compounding"),
                   help=t("cash.compounding_help"), width=2 * FIELD_WIDTH)
    if method == "revolving":
        inp.choice(row, "pr", "cash.pay_rule", labels("pay_rule"))
        inp.choice(row, "mr", "cash.min_rule", labels("min_rule"), on_change=_apply_min_rule,
                   help=t("cash.min_rule_help"), width=2 * FIELD_WIDTH)
        number(row, "mp", "cash.min_pct", step=1.0, help_key="cash.min_help")
        number(row, "mf", "cash.min_floor", step=10.0)
        number(row, "fx", "cash.fixed", step=100.0)
        inp.toggle(st, "ifr", "cash.interest_free", "cash.interest_free_help")
    if method in ("flexible", "revolving"):
        st.markdown(f"**{t('cash.repayments')}**")
        if method == "flexible" and count("nr") == 0:
            st.info(t("cash.no_repayments"))
        row = grid()
        for i in range(1, count("nr") + 1):
            number(row, f"rd{i}", "cash.repay_day", step=1, help_key="cash.day_help")
            number(row, f"ra{i}", "cash.repay_amount", step=100.0,
                       help_key="cash.repay_all_help")
        row.button(t("cash.add_repayment"), key=ps.key("do", "add_rep"), on_click=_resize,
                   args=(sc.REPAYMENTS, 1), disabled=count("nr") >= sc.REPAYMENTS.most)
        row.button(t("cash.remove_repayment"), key=ps.key("do", "rm_rep"), on_click=_resize,
                   args=(sc.REPAYMENTS, -1), disabled=count("nr") <= 0)


def fault_inputs() -> None:
    if scn["m"] == "flexible":
        st.caption(t("cash.faults_not_flexible"))
        return
    with st.expander(t("cash.late_title"), expanded=count("lm") > 0):
        st.caption(t("cash.credit_record"))
        row = grid()
        number(row, "lm", "cash.late_month", step=1, help_key="cash.late_month_help")
        number(row, "ld", "cash.late_days", step=1)
        number(row, "gd", "cash.grace", step=1)
        number(row, "om", "cash.overdue_multiple", step=0.1, help_key="cash.overdue_help")
        number(row, "lf", "cash.late_fee_pct", step=0.5)
        number(row, "lfm", "cash.late_fee_min", step=1.0)
    with st.expander(t("cash.rollover_title"), expanded=count("ro") > 0):
        st.caption(t("cash.rollover_intro"))
        row = grid()
        number(row, "ro", "cash.rollover_months", step=1, help_key="cash.rollover_help")
        number(row, "rl", "cash.rollover_limit", step=1000.0)
        inp.choice(row, "ru", "cmp.rate_unit", labels("unit"), RATE_UNITS)
        number(row, "rr", f"cash.rate_{scn['ru']}", step=0.01, fmt="%.4f")
        number(row, "rf", "cash.fee_pct", step=0.1)
        number(row, "rfm", "cash.fee_min", step=1.0)


# -------------------------------------------------------------------- results


def rate_rule(r: cl.CashLineResult) -> str:
    """How the rates above were worked out: the realised APR's unit period
    (Reg Z App. J) or why there is none, and the rate the lines are held
    against (domain.md §2, §3)."""
    if r.rates is None:
        parts = [t(f"cash.no_rate.{r.no_rate_reason}")]
        if r.held_rate is not None:
            parts.append(t("cash.held_rule_contract", held=pct(r.held_rate)))
        return " ".join(parts)
    rt = r.rates
    months = f"{MONTHS_PER_YEAR / rt.periods_per_year:.4g}"
    return " ".join((t(f"cash.rate_rule.{rt.unit}", days=rt.term_days or 0, months=months),
                     t("cash.held_rule", held=pct(rt.held))))


#: The line's own danger warnings (they need no income: 以贷养贷), shown with
#: the answer at the top and not repeated by the household section.
TOP_SEVERITY = "danger"


def line_obligation(r: cl.CashLineResult, run: sc.CashInputs) -> Obligation | CalcError:
    """The line as an obligation (the household section's and the answer's);
    a line at its own limits: the error saying why its burden cannot be worked out."""
    try:
        return bs.from_line(r, run, str(scn["ps"]))
    except CalcError as err:
        return err


def top_warnings(o: Obligation | CalcError) -> tuple[DebtWarning, ...]:
    """The line's own strongest warnings (:data:`TOP_SEVERITY`), which no
    household input changes: the answer shows them, the household section not."""
    if isinstance(o, CalcError):
        return ()
    return tuple(w for w in headline(evaluate(timeline(Household(), [o])))
                 if w.severity == TOP_SEVERITY)


def danger(r: cl.CashLineResult, run: sc.CashInputs) -> None:
    """The strongest warning, first: never paid off; else 以贷养贷, with the
    month the borrowed payments all come due."""
    tot = r.totals
    if r.status != "paid_off":
        msg = t("cash.not_paid_off", years=cl.HORIZON_MONTHS // 12, owed=yuan(tot.owed_at_end))
        if r.clear_in_12 is not None:
            msg += " " + t("cash.clear_in", p12=yuan(r.clear_in_12),
                           p36=yuan(r.clear_in_36 or 0.0))
        st.error(msg, icon=":material/error:")
    month, paid = r.statements.heaviest()
    worst = (t("cash.rollover_month", m=month, paid=yuan(paid),
               usual=yuan(float(r.statements.due[month - 1])))
             if tot.rolled > 0 and month else "")
    # one box, compact (on a phone the cards follow it above the fold): the
    # warning, the month it hurts most, what to do and the source
    for w in warning_texts(top_warnings(line_obligation(r, run)), [afford.line_name(scn)]):
        lines = [f"**{w.text}**", worst, f":small[{w.action}]", f":small[{w.source}]"]
        st.error("  \n".join(x for x in lines if x), icon=":material/error:")
        worst = ""
    if worst:
        st.markdown(worst)


def summary(r: cl.CashLineResult, run: sc.CashInputs) -> None:
    """The result cards: what it costs, what a late payment added, its rates,
    when it is paid off and the month that takes most out of pocket."""
    tot = r.totals
    row = grid("top")
    card: dict[str, Any] = {"border": True, "width": CARD_WIDTH}
    row.metric(t("cash.total_paid"), yuan(tot.paid), **card)
    row.metric(t("cash.total_cost"), yuan(tot.cost), **card,
               help=t("cash.cost_help", i=yuan(tot.interest), f=yuan(tot.fees),
                      p=yuan(tot.penalties)))
    late = sc.late_cost(run, r)
    if late is not None and run.faults is not None:
        p = run.faults.late[0]
        row.metric(t("cash.late_cost"), yuan(late), border=True, width=CARD_WIDTH,
                   delta=t("cash.late_cost_delta", m=p.month, d=p.days), delta_color="off",
                   delta_arrow="off", help=t("cash.credit_record"))
    month, paid = r.statements.heaviest()
    if month:
        row.metric(t("cash.heaviest"), yuan(paid), delta=t("cash.payoff_value", m=month),
                   delta_color="off", delta_arrow="off", help=t("cash.heaviest_help"), **card)
    if r.rates is not None:
        row.metric(t("cash.apr"), pct(r.rates.nominal), help=t("cash.apr_help"), **card,
                   delta=t("cash.effective_short", eff=pct(r.rates.effective)),
                   delta_color="off", delta_arrow="off")
    else:
        row.metric(t("cash.apr"), "—", help=t(f"cash.no_rate.{r.no_rate_reason}"), **card)
    row.metric(t("cash.contract"), pct(r.contract_rate), **card,
               help=t(f"cash.contract_help.{scn['u']}", d=f"{num(scn, 'r'):g}%"))
    if r.status == "paid_off":
        row.metric(t("cash.payoff"), t("cash.payoff_value", m=r.payoff_month),
                   delta=t("cash.payoff_day", d=r.payoff_day), delta_color="off",
                   delta_arrow="off", **card)
    else:
        row.metric(t("cash.payoff"), t("cash.never"), **card)


@ps.section(key="answer")
def answer() -> None:
    """The answer first, where the comparison page has its verdict: the
    strongest warning and the result cards, above the inputs.  A section the
    inputs of :data:`_RESULTS_ONLY` rerun with the results."""
    run = sc.inputs(scn)
    try:
        result = sc.simulate(run)
    except CalcError:
        return  # the results below say why
    with st.container(key=ps.key("el", "answer")):  # no heading: as the comparison's verdict
        danger(result, run)
        summary(result, run)
        if run.faults is not None and run.faults.late:
            st.caption(t("cash.credit_record"))


def notes(r: cl.CashLineResult) -> None:
    """Under the inputs: how the rates were worked out, the 24% line, the
    run's flags and the terms."""
    st.caption(rate_rule(r))
    if r.above_line and r.held_rate is not None:
        by_contract = r.rates is None or r.rates.held_is_contract
        st.warning(t("cash.above_line_contract" if by_contract else "cash.above_line",
                     apr=pct(r.held_rate)), icon=":material/warning:")
    elif r.rates is not None and r.effective_above_line:
        st.info(t("cash.effective_above_line", apr=pct(r.rates.held),
                  eff=pct(r.rates.effective)), icon=":material/info:")
    for flag in r.flags:
        if flag == "no_rate" and r.rates is None:
            continue
        st.warning(t(f"cash.flag.{flag}", m=r.doubled_month or 0,
                     years=cl.HORIZON_MONTHS // 12), icon=":material/warning:")
    st.markdown(terms_line(("cash_line", "apr", "contract_rate", "effective", "equal_payment",
                            "equal_principal",
                            "interest_only", "flexible", "cash_advance", "minimum_payment",
                            "penalty_interest", "late_fee", "rollover"), lang()))


@ps.section
def chart(r: cl.CashLineResult, rollover: cl.Rollover | None) -> None:
    """The chart, one at a time.  A fragment: switching it reruns only this,
    with the results of the page's last run (a view changes nothing in them)."""
    views = ("balance", "costs") + (("spiral",) if rollover else ())
    if view["chart"] not in views:  # "auto", or the spiral after the rollover went away
        view["chart"] = "spiral" if rollover else "balance"
    shown = ui_view.segmented(st, "chart", "chart.show", labels("chart.tab"), views,
                              label_visibility="collapsed")
    if shown == "spiral" and rollover:
        st.caption(t("cash.spiral_intro"))
        fig = charts.rollover_spiral(r, rollover.limit, t)
    elif shown == "costs":
        fig = charts.cumulative_costs(r, t)
    else:
        fig = charts.balance_over_time(r, t)
    charts.show(st, fig, ps.key("el", "chart"),
                large=classroom.projector())


def statements(r: cl.CashLineResult, run: sc.CashInputs) -> None:
    late = run.faults.late if run.faults is not None else ()
    table = tables.statements(r, late)
    tables.show(st, table, ps.key("el", "statements"), height=320)
    # files are made when the button is clicked, not on every run, from the
    # inputs: a button keeps what it was given while the session lives, and a
    # century's daily ledger is 4 MB (ui.tables.csv_on_demand)
    again = functools.partial(sc.simulate, run)
    st.download_button(t("cash.download_statements"),
                       tables.csv_on_demand(
                           table, functools.partial(tables.statements_of, again, late)),
                       file_name="statements.csv", mime="text/csv",
                       key=ps.key("do", "csv_statements"), on_click="ignore")
    st.download_button(t("cash.download_ledger"),
                       tables.csv_on_demand(tables.Table(None, tables.ledger_columns()),
                                            functools.partial(tables.ledger_of, again)),
                       file_name="daily_ledger.csv", mime="text/csv",
                       key=ps.key("do", "csv_ledger"), on_click="ignore",
                       help=t("cash.ledger_help"))


@ps.section
def affordability(r: cl.CashLineResult, run: sc.CashInputs) -> None:
    """The line's heaviest month against the household, its warnings, and a
    button adding the line to the budget.  A section: the household's inputs
    change nothing above it."""
    name = afford.line_name(scn)
    o = line_obligation(r, run)
    shown = afford.SHOWN_BY_RESULTS + tuple(w.code for w in top_warnings(o))
    afford.burden_section(ps.parts[0], [(name, o)], ps.key("el", "afford"), shown)
    afford.add_buttons(ps.page, [(name, functools.partial(bs.cash_link, scn))])


def pay_rule_comparison(run: sc.CashInputs) -> None:
    """The same draws on a revolving line: in full, the minimum, a fixed amount."""
    st.subheader(t("cash.rules_title"))
    st.caption(t("cash.rules_intro", rule=t(f"min_rule.{scn['mr']}"), mp=f"{num(scn, 'mp'):g}%",
                 mf=yuan(num(scn, "mf")), fx=yuan(num(scn, "fx"))))
    outcomes = sc.pay_rules(run)
    tables.show(st, tables.pay_rules(outcomes), ps.key("el", "rules"))
    runs = [(t(f"pay_rule.{o.rule}"), o.result) for o in outcomes if o.result is not None]
    if runs:
        charts.show(st, charts.pay_rules(runs, t), ps.key("el", "rules_chart"),
                large=classroom.projector())


@ps.section
def versus_installment(run: sc.CashInputs) -> None:
    """The first draw against an installment plan; a section: the plan chosen
    here changes nothing above it."""
    st.subheader(t("cash.versus_title"))
    row = grid()
    inp.choice(row, "cp", "cash.versus_plan", labels("preset"), tuple(INSTALLMENT_PRESETS))
    row.metric(t("cash.versus_price"), yuan(run.draws[0].amount), width=FIELD_WIDTH)
    try:
        c = sc.versus(run, scn)
    except CalcError as err:
        st.error(error_text(err))
        return
    tables.show(st, tables.versus(c), ps.key("el", "versus"))
    if run.rollover is not None:
        st.caption(t("cash.versus_rollover"))


@ps.section(key="results")
def results() -> None:
    """The line simulated, and all that follows from it.  A section: the
    inputs that change only the results rerun it alone (:data:`_RESULTS_ONLY`)."""
    run = sc.inputs(scn)
    try:
        result = sc.simulate(run)
    except CalcError as err:
        st.error(error_text(err))
        return
    notes(result)
    chart(result, run.rollover)
    with st.expander(t("cash.statements_title")):
        statements(result, run)
    affordability(result, run)
    pay_rule_comparison(run)
    versus_installment(run)
    st.caption(t("cash.sources"))


@ps.section(key="body")
def body() -> None:
    """Everything under the title: an edit reruns this, not the shell around it."""
    answer()
    with classroom.inputs(t("lesson.inputs")):
        line_inputs()
        draw_inputs()
        st.subheader(t("cash.repay_title"))
        repayment_inputs()
        fault_inputs()
    results()


# ----------------------------------------------------------------------- page

st.title(t("cash.title"))
st.caption(t("cash.intro"))
show_notices(ps.notices, ps.schema)
live.start_from_scenario(ps)  # issue 23: a live class on this scenario's question
if not classroom.lesson_card(ps):  # the class guesses first: no results yet
    ps.sync_url()
    st.stop()

body()
ps.sync_url()
