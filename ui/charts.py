"""Plotly figures for the pages: pure builders from calc results and labels.

Colours are the Okabe-Ito palette (safe for the common colour-vision
deficiencies); every axis has a title and every hover says what a point means.
Labels arrive translated; numbers are formatted with explicit separators
because Plotly's locale bundles are not loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import plotly.graph_objects as go

from calc.compare import Comparison, npv_curve
from calc.schedule import Schedule
from ui.fmt import plot_escape

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
             "#000000")
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid")

T = Callable[..., str]


def _layout(fig: go.Figure, title: str, x: str, y: str) -> go.Figure:
    fig.update_layout(
        title={"text": plot_escape(title)},
        xaxis_title=plot_escape(x),
        yaxis_title=plot_escape(y),
        separators=".,",
        hovermode="closest",
        legend={"orientation": "h", "yanchor": "top", "y": -0.3, "x": 0},
        margin={"l": 10, "r": 10, "t": 50, "b": 10, "pad": 4},
        height=380,
        font={"size": 14},
    )
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    return fig


def _months(s: Schedule) -> np.ndarray:
    return s.due_period + s.due_fraction


def cumulative_paid(c: Comparison, names: Sequence[str], t: T) -> go.Figure:
    """Cumulative amount paid per plan (down payment and upfront fee at 0),
    with paying in full as a flat line at the cash price."""
    fig = go.Figure()
    last = max([float(_months(r.schedule)[-1]) for r in c.plans if r.schedule] + [1.0])
    full = plot_escape(t("cmp.full"))
    fig.add_trace(go.Scatter(
        x=[0, last], y=[c.cash_price, c.cash_price], mode="lines", name=full,
        line={"color": "#000000", "dash": "dot", "width": 2},
        hovertemplate=t("chart.hover_full") + "<extra>" + full + "</extra>",
    ))
    for j, r in enumerate(c.plans):
        if r.schedule is None:
            continue
        s = r.schedule
        x = np.concatenate(([0.0], _months(s)))
        y = np.concatenate(([s.down_payment + s.upfront_fee],
                            s.down_payment + s.upfront_fee + np.cumsum(s.payment)))
        name = plot_escape(names[j])
        fig.add_trace(go.Scatter(
            x=x, y=y, mode="lines+markers", name=name, line_shape="hv",
            line={"color": OKABE_ITO[j % len(OKABE_ITO)], "dash": DASHES[j % len(DASHES)],
                  "width": 3},
            hovertemplate=t("chart.hover_cum") + "<extra>" + name + "</extra>",
        ))
    fig.update_yaxes(tickprefix="¥", tickformat=",.0f", rangemode="tozero")
    return _layout(fig, t("chart.cum_title"), t("chart.month"), t("chart.cum_axis"))


def monthly_payments(c: Comparison, names: Sequence[str], t: T) -> go.Figure:
    """Each plan's installment per month, grouped bars."""
    fig = go.Figure()
    for j, r in enumerate(c.plans):
        if r.schedule is None:
            continue
        s = r.schedule
        name = plot_escape(names[j])
        fig.add_trace(go.Bar(
            x=np.arange(1, s.n + 1), y=s.payment, name=name,
            marker={"color": OKABE_ITO[j % len(OKABE_ITO)],
                    "pattern": {"shape": ("", "/", ".", "x", "-", "+")[j % 6]}},
            customdata=np.stack([s.principal, s.charge], axis=-1),
            hovertemplate=t("chart.hover_pay") + "<extra>" + name + "</extra>",
        ))
    fig.update_layout(barmode="group")
    fig.update_yaxes(tickprefix="¥", tickformat=",.0f")
    return _layout(fig, t("chart.pay_title"), t("chart.installment"), t("chart.pay_axis"))


def npv_chart(s: Schedule, root: float, t: T) -> go.Figure:
    """NPV of the plan's flows against the monthly rate; the root marked."""
    rates, values = npv_curve(s.flows, root)
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=rates * 100, y=values, mode="lines", name=plot_escape(t("math.npv")),
        line={"color": OKABE_ITO[0], "width": 3},
        hovertemplate=t("chart.hover_npv") + "<extra></extra>",
    ))
    fig.add_hline(y=0, line={"color": "#555555", "width": 1})
    fig.add_trace(go.Scatter(
        x=[root * 100], y=[0.0], mode="markers+text", name=plot_escape(t("math.root")),
        marker={"color": OKABE_ITO[5], "size": 14, "symbol": "diamond"},
        text=[f"i = {root * 100:.4f}%"], textposition="top right",
        hovertemplate=t("chart.hover_root") + "<extra></extra>",
    ))
    fig.update_xaxes(ticksuffix="%")
    fig.update_yaxes(tickprefix="¥", tickformat=",.0f")
    return _layout(fig, t("math.chart_title"), t("math.rate_axis"), t("math.npv_axis"))


# ------------------------------------------------------------------ cash line

_MAX_POINTS = 1500


def _thin(n: int) -> np.ndarray:
    """Indices of at most _MAX_POINTS days, always with the first and last."""
    if n <= _MAX_POINTS:
        return np.arange(n)
    return np.unique(np.linspace(0, n - 1, _MAX_POINTS).round().astype(int))


def balance_over_time(r, t: T) -> go.Figure:
    """What is owed day by day: principal, and the interest, fees and
    penalties owed on top of it, stacked."""
    led = r.ledger
    k = _thin(len(led.day))
    principal = led.principal[k]
    cost = np.maximum(led.balance[k] - principal, 0.0)
    months = led.day[k] * 12 / 365
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=months, y=principal, name=plot_escape(t("cash.principal")), stackgroup="owed",
        line={"color": OKABE_ITO[0]}, customdata=led.day[k],
        hovertemplate=t("chart.hover_principal") + "<extra></extra>",
    ))
    fig.add_trace(go.Scatter(
        x=months, y=cost, name=plot_escape(t("cash.accrued_cost")), stackgroup="owed",
        line={"color": OKABE_ITO[5]}, fillpattern={"shape": "/"}, customdata=led.day[k],
        hovertemplate=t("chart.hover_cost_owed") + "<extra></extra>",
    ))
    fig.update_yaxes(tickprefix="¥", tickformat=",.0f", rangemode="tozero")
    return _layout(fig, t("chart.balance_title"), t("chart.month"), t("chart.owed_axis"))


def cumulative_costs(r, t: T) -> go.Figure:
    """Interest, fees and penalties charged so far, statement by statement."""
    s = r.statements
    fig = go.Figure()
    series = (
        ("cash.interest", s.interest + s.line2_interest, OKABE_ITO[0], "solid"),
        ("cash.fees", s.fees, OKABE_ITO[1], "dash"),
        ("cash.penalties", s.penalties, OKABE_ITO[5], "dot"),
    )
    for key, values, colour, dash in series:
        if not np.any(values):
            continue
        fig.add_trace(go.Scatter(
            x=s.month, y=np.cumsum(values), name=plot_escape(t(key)), mode="lines",
            line={"color": colour, "dash": dash, "width": 3},
            hovertemplate=t("chart.hover_cum_cost") + "<extra>" + plot_escape(t(key))
            + "</extra>",
        ))
    fig.update_yaxes(tickprefix="¥", tickformat=",.2f", rangemode="tozero")
    return _layout(fig, t("chart.costs_title"), t("chart.statement"), t("chart.costs_axis"))


def pay_rules(results: Sequence[tuple[str, object]], t: T) -> go.Figure:
    """Owed at each statement when paying in full, the minimum, or a fixed amount."""
    fig = go.Figure()
    for j, (label, r) in enumerate(results):
        s = r.statements
        fig.add_trace(go.Scatter(
            x=s.month, y=s.owed + s.line2_owed, name=plot_escape(label), mode="lines",
            line={"color": OKABE_ITO[j], "dash": DASHES[j], "width": 3},
            hovertemplate=t("chart.hover_owed") + "<extra>" + plot_escape(label) + "</extra>",
        ))
    fig.update_yaxes(tickprefix="¥", tickformat=",.0f", rangemode="tozero")
    return _layout(fig, t("chart.rules_title"), t("chart.statement"), t("chart.owed_axis"))


def rollover_spiral(r, line2_limit: float, t: T) -> go.Figure:
    """Debt on both lines while each payment is borrowed from the second,
    with the second line's limit, the month the debt doubles and the month
    the rollover stops marked."""
    s = r.statements
    fig = go.Figure()
    fig.add_trace(go.Bar(
        x=s.month, y=s.owed, name=plot_escape(t("cash.line1")),
        marker={"color": OKABE_ITO[0]},
        hovertemplate=t("chart.hover_owed") + "<extra>" + plot_escape(t("cash.line1"))
        + "</extra>",
    ))
    fig.add_trace(go.Bar(
        x=s.month, y=s.line2_owed, name=plot_escape(t("cash.line2")),
        marker={"color": OKABE_ITO[5], "pattern": {"shape": "/"}},
        hovertemplate=t("chart.hover_owed") + "<extra>" + plot_escape(t("cash.line2"))
        + "</extra>",
    ))
    fig.update_layout(barmode="stack")
    fig.add_hline(y=line2_limit, line={"color": "#555555", "dash": "dash"},
                  annotation_text=plot_escape(t("cash.line2_limit")),
                  annotation_position="top left")
    marks = [(r.doubled_month, "cash.doubled_at", "top right")]
    if r.rollover_stop_reason:
        marks.append((r.rollover_stop_month, f"cash.stop_{r.rollover_stop_reason}",
                      "bottom right"))
    for month, key, where in marks:
        if month:
            fig.add_vline(x=month, line={"color": "#000000", "dash": "dot"},
                          annotation_text=plot_escape(t(key, m=month)),
                          annotation_position=where)
    fig.update_yaxes(tickprefix="¥", tickformat=",.0f", rangemode="tozero")
    return _layout(fig, t("chart.spiral_title"), t("chart.statement"), t("chart.owed_axis"))
