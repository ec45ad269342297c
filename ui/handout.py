"""A lesson's printable handout (issue 11): one A4 page with the question, a
blank box for the student's prediction, the lesson's inputs, its results and
its chart, and the two discussion prompts, in the page's language.

The blank sheet (issue 21), to hand out before the reveal: the question, the
box, the inputs alone (no result, no chart, no prompt: each gives the answer
or a figure of it away) and a box for the working.

Printing hides the app around it (the sidebar, the header, the buttons) with
print CSS; Chromium's print to PDF gives one page.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from calc.errors import CalcError
from ui import afford, charts, tables
from ui.fmt import md_escape, pct, yuan
from ui.i18n import error_text, t
from ui.lessons import Lesson
from ui.scenarios import budget as bs
from ui.scenarios import cashline as cash
from ui.scenarios import compare as cmp
from ui.scenarios import household as hs
from ui.scenarios import num

__all__ = ["sheet", "sized", "SIZES", "PRINT_CSS"]

#: Only the sheet on paper: the app's chrome hidden, an A4 page with margins,
#: the chart kept whole.
PRINT_CSS = """<style>
@media print {
  @page { size: A4 portrait; margin: 10mm; }
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
  [data-testid="stBaseButton-secondary"], [data-testid="stBaseButton-primary"],
  .st-key-handout-noprint { display: none !important; }
  [data-testid="stMain"] { padding: 0 !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; }
  html { font-size: 13px; }
  [data-testid="stVerticalBlock"] { gap: 0.5rem !important; }
  .js-plotly-plot, [data-testid="stDataFrame"] { break-inside: avoid; }
}
</style>"""

#: The sheet's width on screen and on paper: an A4 page less its margins, in
#: CSS pixels (210 mm - 2 × 10 mm at 96 px an inch), so a chart drawn for the
#: screen is the chart printed (Plotly does not redraw for print).
SHEET_PX = 700
#: The chart's height on the sheet: the page holds the question, the box, the
#: table and the prompts beside it.
CHART_PX = 300
#: The budget's chart on its sheet (no table there): two panels over one
#: month axis, the lower one the share of income over its three bands, whose
#: labels stand on the band lines (25, 36, 55%).  At 300 px that panel was
#: 40 px for about 63 points: the labels 7 px apart at a 12-px font, printed
#: over each other.  At 520 px it is about 110 px, 19 px between 25% and 36%.
BUDGET_CHART_PX = 520
#: The bottom margin: the x axis's ticks and title (about 45 px), then the
#: legend's rows from the bottom edge up, about 20 px each: four at a phone's
#: width (a comparison's cash price and three plans); the budget's five
#: entries take five rows there.  Plotly keeps the axis title between the
#: axis and the legend, so a margin too small for both moves the title onto
#: the tick labels.
CHART_MARGIN_B = 150
BUDGET_MARGIN_B = 175


def _compare(scn: dict[str, object], answer: bool) -> None:
    names = [afford.plan_name(scn, i) for i in range(1, cmp.plan_count(scn) + 1)]
    st.markdown(t("handout.price", price=yuan(num(scn, "p"))) + "  \n"
                + "  \n".join(md_escape(n) for n in names))
    if not answer:
        return
    c = cmp.results(scn)
    tables.show(st, tables.comparison(c, names), "handout-el-table")
    _chart(charts.cumulative_paid(c, names, t))


def _cash(scn: dict[str, object], answer: bool) -> None:
    run = cash.inputs(scn)
    st.markdown(t("handout.line", name=md_escape(afford.line_name(scn)),
                  amount=yuan(run.draws[0].amount), method=t(f"method.{scn['m']}")))
    if not answer:
        return
    r = cash.simulate(run)
    rate = t("handout.apr", apr=pct(r.rates.nominal)) if r.rates is not None else ""
    st.markdown(t("handout.cash_result", paid=yuan(r.totals.paid), cost=yuan(r.totals.cost))
                + " " + rate)
    _chart(charts.balance_over_time(r, t))


def _budget(scn: dict[str, object], household: dict[str, object], answer: bool) -> None:
    b = bs.budget(scn, household, hs.thresholds(household))
    if b.timeline is None:
        return
    names = [afford.obligation_name(scn, i) for i in b.shown]
    st.markdown(t("handout.household", income=yuan(num(household, "hi")),
                  essentials=yuan(num(household, "he"))) + "  \n"
                + "  \n".join(md_escape(n) for n in names))
    if not answer:
        return
    _chart(charts.budget_timeline(b.timeline, names, hs.thresholds(household), t), "budget")


#: Each sheet's chart: its height and bottom margin, in pixels.
SIZES = {"chart": (CHART_PX, CHART_MARGIN_B), "budget": (BUDGET_CHART_PX, BUDGET_MARGIN_B)}


def sized(fig: go.Figure, kind: str = "chart") -> go.Figure:
    """``fig`` laid out for a sheet (:data:`SIZES`)."""
    height, margin_b = SIZES[kind]
    return fig.update_layout(height=height, margin_b=margin_b)


def _chart(fig: go.Figure, kind: str = "chart") -> None:
    charts.show(st, sized(fig, kind), "handout-el-chart")


def sheet(lesson: Lesson, answer: bool = True) -> None:
    """The handout of ``lesson``, drawn on the page, a sheet wide; the blank
    sheet (``answer=False``) for before the reveal."""
    st.html(PRINT_CSS)
    with st.container(width=SHEET_PX, key="handout-sheet"):
        _sheet(lesson, answer)


def _sheet(lesson: Lesson, answer: bool) -> None:
    scn = lesson.scenario()
    household = {k: scn.get(k, f.if_missing()) for k, f in hs.HOUSEHOLD.shared.items()}
    st.title(t(f"lesson.{lesson.id}.title"))
    st.markdown(t(f"lesson.{lesson.id}.question"))
    with st.container(border=True, height=90):
        st.markdown(t("handout.prediction"))
    st.subheader(t("handout.inputs_results" if answer else "handout.inputs"))
    try:
        if lesson.page == cmp.COMPARE.page:
            _compare(scn, answer)
        elif lesson.page == cash.CASH.page:
            _cash(scn, answer)
        else:
            _budget(scn, household, answer)
    except CalcError as err:  # a lesson's scenario always computes; said if not
        st.error(error_text(err))
    if not answer:  # room to work it out; the answer and the prompts come in class
        with st.container(border=True, height=260):
            st.markdown(t("handout.working"))
        st.caption(t("handout.blank_note"))
        return
    st.markdown(f"- {t(f'lesson.{lesson.id}.prompt1')}\n- {t(f'lesson.{lesson.id}.prompt2')}")
