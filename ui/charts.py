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
