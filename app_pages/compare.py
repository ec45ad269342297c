"""Comparison page: installment plans side by side against paying in full.

The answer comes first: after the price, one sentence per plan and which
choice is cheapest, and a card per choice; then the plans' editor beside the
chart (stacked on a phone, editor first); then the table, the schedules and
the math.

An edit reruns only what it changes (``ui.state.PageState.section``): the
body under the title is a section, and so are the parts the price row, the
household and a plan's details change; each reads the scenario's cached
results itself.
"""

from __future__ import annotations

import functools

import streamlit as st

from calc.burden import Obligation
from calc.compare import Comparison, PlanResult
from calc.errors import CalcError
from calc.presets import INSTALLMENT_PRESETS
from calc.schedule import (
    EARLY_RULES,
    FEE_MODES,
    FEE_ROUNDINGS,
    FEE_TIMINGS,
    KINDS,
    LOAN_KINDS,
)
from calc.units import RATE_UNITS
from ui import afford, charts, classroom, live, tables, words
from ui.fmt import md_escape, pct, yuan
from ui.glossary import terms_line
from ui.i18n import error_text, show_notices, t
from ui.scenarios import budget as bs
from ui.scenarios import compare as sc
from ui.scenarios import num, whole
from ui.state import PageState, lang
from ui.widgets import FIELD_WIDTH, Bound, grid, labels, preset_details, preset_labels

ps = PageState(sc.COMPARE, sc.VIEWS)
scn, view = ps.scn, ps.view
inp, ui_view = Bound(ps), Bound(ps, view=True)

#: Result cards: three to a row on a laptop, one on a phone.
SMALL_CARD = 300


def plan_name(i: int) -> str:
    """The user's name for plan i, else its preset's label, else "Plan i"."""
    return afford.plan_name(scn, i)


# ------------------------------------------------------- callbacks (before a run)


def _apply_preset(i: int) -> None:
    pid = str(scn[f"ps{i}"])
    if pid != "custom":
        scn.update({f"{k}{i}": v for k, v in sc.preset_fields(pid).items()})


def _follow_edit() -> None:
    """The math opens on the plan being edited (the user may pick another)."""
    view["math"] = view["edit"]


def _convert_fee(i: int, old: str) -> None:
    """A new way of entering plan i's fee: the same fee, converted (never the
    number reinterpreted); refused, with a message, when it cannot be converted."""
    new = str(scn[f"fm{i}"])
    if new == old:
        return
    value = sc.convert_fee(scn, i, old, new)
    if value is None:
        scn[f"fm{i}"] = old
        view["unconverted"] = i
    else:
        scn[f"f{i}"] = value
        scn[f"fe{i}"] = "fixed"  # the converted figure is charged as entered


def _convert_discount(old: str) -> None:
    """A new unit for the discount: the same discount, converted."""
    new = str(scn["du"])
    if new == old:
        return
    value = sc.convert_discount(scn, old, new)
    if value is None:
        scn["du"] = old
        view["undiscounted"] = True
    else:
        scn["d"] = value


def _remove_plan(i: int) -> None:
    n = sc.plan_count(scn)
    for j in range(i, n):
        scn.update({f"{stem}{j}": scn[f"{stem}{j + 1}"] for stem in sc.PER_PLAN})
    for name in sc.PLANS.names(n):
        scn.pop(name, None)
    scn["np"] = n - 1
    view["edit"] = view["math"] = max(1, i - 1)


def _add_plan() -> None:
    n = sc.plan_count(scn) + 1
    pid = str(view["addps"])
    scn.update(sc.PLANS.blank(n))
    if pid != "custom":
        scn.update({f"{k}{n}": v for k, v in sc.preset_fields(pid).items()})
    scn["np"] = n
    view["edit"] = view["math"] = n


# --------------------------------------------------------------------- inputs

_FEE_STEP = {"pct": 0.05, "yuan": 1.0}


def fee_inputs(i: int) -> None:
    """An add-on plan's fee, entered as the checkout shows it, and what it comes to."""
    row = grid()
    mode = str(scn[f"fm{i}"])
    inp.choice(row, f"fm{i}", "cmp.fee_mode", labels("fee_mode"), FEE_MODES,
               on_change=_convert_fee, args=(i, mode))
    # as many decimals as the figure has (a converted one may need more): what the
    # field shows, typed back, is what it holds
    inp.number(row, f"f{i}", f"cmp.fee_{mode}", step=_FEE_STEP[sc.FEE_UNIT.get(mode, "pct")],
               fmt=sc.fee_format(num(scn, f"f{i}"), mode))
    if mode == "payment":
        inp.number(row, f"fi{i}", "cmp.first_payment", step=1.0,
                   help_key="cmp.first_payment_help")
    inp.choice(row, f"t{i}", "cmp.fee_timing", labels("timing"), FEE_TIMINGS)
    if view.get("unconverted") == i:
        got = computed()
        plan = got[0].plans[i - 1] if got is not None and i <= len(got[0].plans) else None
        st.warning(t("cmp.fee_unconverted_exact" if plan is not None and plan.ok
                     else "cmp.fee_unconverted"))
        view["unconverted"] = 0
    fee_note(i)


@ps.section(key="fee")
def fee_note(i: int) -> None:
    """What plan i's fee comes to in yuan and in percent: it moves with the
    price, so the price reruns it (a section) and not the editor around it."""
    got = computed()
    r = got[0].plans[i - 1] if got is not None and i <= len(got[0].plans) else None
    s = r.schedule if r is not None else None
    if s is not None and s.n:
        st.caption(t("cmp.fee_is", each=yuan(s.fee_total / s.n), total=yuan(s.fee_total),
                     rate=f"{100 * s.fee_rate:.4g}%", rate_total=pct(s.fee_rate * s.n)))


def plan_editor(i: int) -> None:
    """The inputs of plan i (one plan at a time: each widget costs every run).

    The name and the less common terms sit behind a switch.  The switch opens
    by itself when any of them is in use and only the user closes it, so an
    edit never folds the section away under the cursor.
    """
    edited = scn[f"ps{i}"] != "custom" and not sc.matches_preset(scn, i)
    payment_mode = scn[f"k{i}"] == "addon" and scn[f"fm{i}"] == "payment"
    in_use = [k for k in sc.more_terms_in_use(scn, i) if not (k == "fi" and payment_mode)]
    if in_use:
        view["more"] = True
    with st.container(border=True):
        row = grid()
        inp.choice(row, f"ps{i}", "cmp.preset", preset_labels(INSTALLMENT_PRESETS),
                   on_change=_apply_preset, args=(i,), width=2 * FIELD_WIDTH)
        inp.choice(row, f"k{i}", "cmp.kind", labels("kind"), KINDS)
        inp.number(row, f"n{i}", "cmp.periods", step=1)
        kind = scn[f"k{i}"]
        if kind == "addon":
            fee_inputs(i)
        elif kind in LOAN_KINDS:
            row = grid()
            inp.choice(row, f"u{i}", "cmp.rate_unit", labels("unit"), RATE_UNITS)
            inp.number(row, f"r{i}", f"cmp.rate_{scn[f'u{i}']}", step=0.01, fmt="%.4f")
        if scn[f"ps{i}"] != "custom":
            st.caption((t("cmp.preset_edited") if edited else t("cmp.preset_note")) + " "
                       + preset_details(INSTALLMENT_PRESETS, scn[f"ps{i}"]))
        if edited:  # choosing the same preset again changes nothing: say how to go back
            st.button(t("cmp.restore_preset"), key=ps.key("do", f"restore{i}"),
                      on_click=_apply_preset, args=(i,))
        more = ui_view.toggle(st, "more", "cmp.more_terms", "cmp.more_terms_help",
                              disabled=bool(in_use))
        if more:
            row = grid()
            inp.text(row, f"nm{i}", "cmp.name", max_chars=40, placeholder=plan_name(i))
            inp.number(row, f"dp{i}", "cmp.down", step=100.0)
            inp.number(row, f"uf{i}", "cmp.upfront", step=10.0, help_key="cmp.upfront_help")
            inp.number(row, f"fd{i}", "cmp.first_days", step=1,
                       help_key="cmp.first_days_help")
            if kind in ("addon", "free") and not payment_mode:
                inp.number(row, f"fi{i}", "cmp.first_payment", step=1.0,
                           help_key="cmp.first_payment_help")
            if kind == "addon":
                inp.choice(row, f"fr{i}", "cmp.fee_rounding", labels("rounding"),
                           FEE_ROUNDINGS, help=t("cmp.fee_rounding_help"))
                if sc.FEE_UNIT.get(str(scn[f"fm{i}"])) == "yuan" or scn[f"fe{i}"] != "fixed":
                    inp.choice(row, f"fe{i}", "cmp.fee_entry", labels("fee_entry"),
                               sc.FEE_ENTRY, help=t("cmp.fee_entry_help"))
            inp.choice(row, f"kd{i}", "cmp.keeps_discount", labels("keeps"), sc.KEEPS,
                       help=t("cmp.keeps_discount_help"))
            inp.choice(row, f"er{i}", "cmp.early_rule", labels("rule"), EARLY_RULES)
            if scn[f"er{i}"] == "penalty":
                inp.number(row, f"pp{i}", "cmp.penalty", step=0.5)
        if sc.plan_count(scn) > 1:
            st.button(t("cmp.remove"), key=ps.key("do", f"rm{i}"), on_click=_remove_plan,
                      args=(i,))


def plans_editor() -> str | None:
    """The plans' editor; the key of the section in it the price changes
    (:func:`fee_note`), if it drew one."""
    st.subheader(t("cmp.plans"))
    # the plans by name only: longer labels ran past the column's edge
    editing = ui_view.segmented(st, "edit", "cmp.editing", plan_name,
                                tuple(range(1, sc.plan_count(scn) + 1)), wrap=True,
                                on_change=_follow_edit)
    plan_editor(editing)
    row = grid()
    ui_view.choice(row, "addps", "cmp.add_from", preset_labels(INSTALLMENT_PRESETS),
                   sc.PRESET_CHOICES, width=2 * FIELD_WIDTH)
    full = sc.plan_count(scn) >= sc.MAX_PLANS
    row.button(t("cmp.add"), key=ps.key("do", "add"), on_click=_add_plan, disabled=full,
               help=t("cmp.max_plans", n=sc.MAX_PLANS) if full else None)
    return "fee" if scn[f"k{editing}"] == "addon" else None


# -------------------------------------------------------------------- results


def computed() -> tuple[Comparison, list[str]] | None:
    """The scenario's comparison (cached by its inputs) and the plans' names;
    ``None`` when a shared input is invalid (the page's body says why).  Each
    section reads them itself: a section rerun alone (the price changed, or
    the household) must show the scenario as it is now."""
    try:
        c = sc.results(scn)
    except CalcError:
        return None
    return c, [plan_name(i) for i in range(1, sc.plan_count(scn) + 1)]


def verdict(c: Comparison, names: list[str]) -> None:
    """The answer in words (:func:`ui.words.verdict`), in a box above the cards."""
    best_line, lines = words.verdict(c, names)
    with st.container(border=True, key=ps.key("el", "verdict")):
        st.markdown(f"**{best_line}**")
        st.markdown("\n".join(f"- {line}" for line in lines))


def headline(c: Comparison, names: list[str]) -> None:
    """One card per choice: the nominal APR, named, with the total paid and cost."""
    row = grid("top")
    star = "★ " if c.cheapest == -1 else ""
    row.metric(star + t("cmp.full"), yuan(c.cash_price),
               delta=t("cmp.card_full"), delta_color="off", delta_arrow="off",
               help=t("cmp.full_help"), border=True, width=SMALL_CARD)
    for j, r in enumerate(c.plans):
        if r.schedule is None or r.rates is None:
            if r.error is not None:
                row.error(t("err.plan", name=md_escape(names[j]), message=error_text(r.error)))
            continue
        star = "★ " if c.cheapest == j else ""
        row.metric(
            star + md_escape(names[j]), pct(r.rates.nominal),
            delta=words.monthly(r.schedule.payment) + " · " + t("cmp.card_cost",
                                                  paid=yuan(r.schedule.total_paid),
                                                  cost=yuan(r.schedule.total_cost)),
            delta_color="off", delta_arrow="off", help=t("formula.apr"), border=True,
            width=SMALL_CARD,
        )
    st.caption(t("cmp.star_note"))


@ps.section(key="answer")
def answer() -> None:
    """The verdict and the cards."""
    got = computed()
    if got is not None:
        verdict(*got)
        cards(*got)


def cards(c: Comparison, names: list[str]) -> None:
    """The cards and the 24% line's warnings, under the verdict."""
    headline(c, names)
    for j, r in enumerate(c.plans):
        if r.above_line and r.rates is not None:
            st.warning(t("cmp.above_line", name=md_escape(names[j]), apr=pct(r.rates.nominal)),
                       icon=":material/warning:")
        elif r.effective_above_line and r.rates is not None:
            st.info(t("cmp.effective_above_line", name=md_escape(names[j]),
                      apr=pct(r.rates.nominal), eff=pct(r.rates.effective)))


@ps.section(key="chart")
def chart() -> None:
    """The chart, one at a time (every chart drawn costs the browser a Plotly
    render per edit).  A section: switching the chart reruns only this."""
    got = computed()
    if got is None:
        return
    c, names = got
    chart = ui_view.segmented(st, "chart", "chart.show", labels("chart.tab"), ("cum", "pay"),
                              label_visibility="collapsed")
    if chart == "pay":
        fig = charts.monthly_payments(c, names, t)
    else:
        fig = charts.cumulative_paid(c, names, t)
    charts.show(st, fig, ps.key("el", "chart"),
                large=classroom.projector())


@ps.section(key="table")
def results_table() -> None:
    """Every choice's figures side by side, with the formulas and the terms."""
    got = computed()
    if got is None:
        return
    c, names = got
    st.subheader(t("cmp.results"))
    tables.show(st, tables.comparison(c, names), ps.key("el", "results"))
    st.caption(t("cmp.formulas"))
    st.markdown(terms_line(("fee_rate", "apr", "effective", "irr", "average_balance",
                            "interest_free"), lang()))


@ps.section(key="afford")
def affordability() -> None:
    """Each plan's heaviest month against the household, its warnings, and a
    button per plan adding it to the budget.  A section: the household's
    inputs change nothing above it."""
    got = computed()
    if got is None:
        return
    c, names = got
    choices: list[tuple[str, Obligation | CalcError | None]] = []
    for j, r in enumerate(c.plans):
        try:
            choices.append((names[j], bs.from_plan(r, str(scn[f"ps{j + 1}"]))))
        except CalcError as err:
            # a plan that failed says why in the verdict; a plan computed whose
            # burden cannot be says why here
            choices.append((names[j], None if not r.ok else err))
    afford.burden_section(ps.parts[0], choices, ps.key("el", "afford"),
                          afford.SHOWN_BY_RESULTS)
    afford.add_buttons(ps.page, [(names[j], functools.partial(bs.plan_link, scn, j + 1))
                                 for j, r in enumerate(c.plans) if r.ok])


@ps.section(key="details")
def plan_details() -> None:
    """One plan's schedule, CSV and early repayment (one plan at a time).  A
    section: the early repayment changes nothing above it."""
    got = computed()
    if got is None:
        return
    c, names = got
    ok = [j + 1 for j, r in enumerate(c.plans) if r.ok]
    if not ok:
        return
    st.subheader(t("cmp.details"))
    i = ui_view.segmented(st, "detail", "cmp.detail_plan",
                          lambda i: names[i - 1], ok, wrap=True)
    r = c.plans[i - 1]
    tables.show(st, tables.plan_rates(r), ps.key("el", "rates"))  # left out of the results
    table = tables.amortization(r)
    tables.show(st, table, ps.key("el", "amort"), height=min(35 * (table.rows() + 1) + 3, 458))
    st.download_button(t("cmp.download"), tables.csv_on_demand(table),
                       file_name=f"schedule_{i}.csv", mime="text/csv",
                       key=ps.key("do", "csv"), on_click="ignore")
    early_section(r, i)


def _reset_early(i: int) -> None:
    """The reset button's on_click: no early repayment for plan ``i``."""
    ps.scn[f"ek{i}"] = 0


def early_section(r: PlanResult, i: int) -> None:
    s = r.schedule
    if s is None or s.n < 2:
        return
    k = whole(scn, f"ek{i}")
    field = ps.schema.field(f"ek{i}")
    top = int(field.hi) if field is not None and field.hi is not None else s.n - 1
    if not 0 <= k <= top:
        # a hand-edited link (-1, 2^53): no slider can hold it; say so, offer the
        # reset, and leave the value as the link gave it until then
        st.warning(t("cmp.early_bad", k=k, last=s.n - 1))
        st.button(t("cmp.early_reset"), key=ps.key("do", f"early_reset{i}"),
                  on_click=_reset_early, args=(i,))
        return
    if k > s.n - 1:  # the plan was shortened after the slider was set
        st.warning(t("cmp.early_out_of_range", k=k, n=s.n))
    inp.slider(st, f"ek{i}", "cmp.early", 0, max(s.n - 1, k), help_key="cmp.early_help")
    if r.early is None or r.early_rates is None or r.rates is None:
        return
    e, er = r.early, r.early_rates
    st.markdown(t("cmp.early_result", k=e.paid_off_after, rule=t(f"rule.{s.terms.early_rule}"),
                  paid=yuan(e.total_paid), cost=yuan(e.total_cost), apr=pct(er.nominal),
                  eff=pct(er.effective), apr0=pct(r.rates.nominal)))


@ps.section(key="math")
def show_math() -> None:
    """The math behind a plan's rate, on request; a section, as :func:`chart`."""
    got = computed()
    if got is None:
        return
    c, names = got
    ok = [j + 1 for j, r in enumerate(c.plans) if r.ok]  # plans by number, as "edit"
    if not ok:
        return
    # a toggle, not an expander: the charts are only computed when they are shown
    if not ui_view.toggle(st, "math_on", "math.title"):
        return
    with st.container(border=True):
        i = ui_view.choice(st, "math", "math.plan", lambda i: names[i - 1], ok)
        r = c.plans[i - 1]
        assert r.schedule is not None and r.rates is not None
        rt = r.rates
        st.markdown(words.plain_words(r))
        charts.show(st, charts.fee_vs_balance(r.schedule, t), ps.key("el", "feebal"),
                large=classroom.projector())
        st.markdown(t("math.explain"))
        st.latex(r"\sum_{k} \frac{CF_k}{(1 + f_k\, i)\,(1+i)^{t_k}} = 0")
        st.markdown(t("math.result", i=f"{rt.periodic * 100:.4f}%", apr=pct(rt.nominal),
                      eff=pct(rt.effective)))
        tables.show(st, tables.flows(r), ps.key("el", "flows"))
        charts.show(st, charts.npv_chart(r.schedule, rt.periodic, t), ps.key("el", "npv"),
                large=classroom.projector())


#: The sections the price, the discount and the yield change, in page order.
PRICED = ("answer", "chart", "table", "afford", "details", "math")


def _priced(name: str) -> None:
    """on_change of the price row: rerun only the sections its values change
    (the row, the plans' editor and the shell stay as they are), when the
    value was taken and the page keeps its shape (results before and after:
    the sections the body's last run drew are there to rerun).  Otherwise the
    body reruns, as for any of its widgets."""
    drawn = view.get("priced")
    if (isinstance(drawn, tuple) and st.session_state.get(inp.key(name)) == scn[name]
            and computed() is not None):
        ps.rerun_sections(*drawn)


@ps.section
def body() -> None:
    """Everything under the title: an edit reruns this, not the shell around it."""
    row = grid()
    inp.number(row, "p", "cmp.price", step=100.0, on_change=_priced, args=("p",))
    unit = str(scn["du"])
    inp.number(row, "d", "cmp.discount" if unit == "pct" else "cmp.discount_yuan",
               step=0.5 if unit == "pct" else 10.0, help_key="cmp.discount_help",
               fmt=sc.discount_format(num(scn, "d")),
               on_change=_priced, args=("d",))
    inp.choice(row, "du", "cmp.discount_unit", labels("discount_unit"), sc.DISCOUNT_UNITS,
               on_change=_convert_discount, args=(unit,))
    inp.number(row, "y", "cmp.yield", step=0.1, help_key="cmp.yield_help",
               on_change=_priced, args=("y",))
    if view.get("undiscounted"):
        st.warning(t("cmp.discount_unconverted"))
        view["undiscounted"] = False

    # The answer first, then the editor beside the chart (stacked on a phone).
    # Results are computed before the editor is drawn: the scenario already holds
    # every widget's new value (ui.widgets, rule 2).
    view["priced"] = None  # until drawn: a run stopped on the way leaves nothing to name
    try:
        sc.results(scn)
    except CalcError as err:
        ok = False
        st.error(error_text(err))
    else:
        ok = True
        answer()

    left, right = st.columns([2, 3], gap="medium")
    with left, classroom.inputs(t("lesson.inputs")):
        fee = plans_editor()
    if ok:
        with right:
            chart()
        results_table()
        affordability()
        plan_details()
        show_math()
        view["priced"] = PRICED + ((fee,) if fee else ())


# ----------------------------------------------------------------------- page

st.title(t("cmp.title"))
st.caption(t("cmp.intro"))
show_notices(ps.notices, ps.schema)
live.start_from_scenario(ps)  # issue 23: a live class on this scenario's question
if not classroom.lesson_card(ps):  # the class guesses first: no results yet
    ps.sync_url()
    st.stop()

body()
ps.sync_url()
