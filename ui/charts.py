"""Plotly figures for the pages: pure builders from calc results and labels.

Colours are the Okabe-Ito palette (safe for the common colour-vision
deficiencies), helped by dashes and fill patterns; every axis has a title and
every hover says what a point means.  Labels arrive translated; numbers are
formatted with explicit separators because Plotly's locale bundles are not
loaded.

Figures are built as plain dicts and wrapped without Plotly's validation: on
this machine validation and Plotly's magic-underscore updates were more than
half of a page's run time, and every key here is a fixed, known one (the
tests build each figure with validation on).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from calc.burden import Timeline
from calc.cashline import CashLineResult
from calc.compare import Comparison, npv_curve
from calc.schedule import Schedule
from calc.units import months_from_days
from calc.warnings import Thresholds
from ui.fmt import plot_escape, yuan

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
             "#000000")
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid")
PATTERNS = ("", "/", ".", "x", "-", "+")
MONEY_AXIS = {"tickprefix": "¥", "tickformat": ",.0f"}
#: What st.plotly_chart gets as ``config``: a short mode bar (PNG download and
#: zoom), so that, standing on the right edge, it never covers a title on a phone.
CONFIG = {"displaylogo": False,
          "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines",
                                     "hoverClosestCartesian", "hoverCompareCartesian"]}

#: Chart text on a projector (classroom mode), against the 14 px of a screen.
PROJECTOR_FONT = 22

T = Callable[..., str]


#: A reference line's grey, and a note's backing (white, faded) over the plot.
_HLINE, _NOTE_BG = "#555555", "rgba(255,255,255,0.8)"
#: Chart text and lines on the dark theme (the app's dark text colour, and its
#: grid faded), over a transparent background so the page's own shows through.
_DARK = {"text": "#FAFAFA", "grid": "rgba(250,250,250,0.16)", "line": "rgba(250,250,250,0.45)"}


def on_dark(fig: go.Figure) -> go.Figure:
    """``fig`` restyled for a dark page: transparent paper and plot, light text,
    faint grid lines; the palette's black (the eighth colour) drawn white.  The
    traces keep their Okabe-Ito colours, which read on both backgrounds.

    >>> f = on_dark(go.Figure({"data": [{"type": "bar", "x": [1], "y": [2],
    ...                                  "marker": {"color": "#000000"}}]}))
    >>> f.layout.font.color, f.data[0].marker.color
    ('#FAFAFA', '#FAFAFA')
    """
    axis = {"gridcolor": _DARK["grid"], "zerolinecolor": _DARK["line"],
            "linecolor": _DARK["line"]}
    fig.update_layout(paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)",
                      font_color=_DARK["text"])
    fig.update_xaxes(**axis)
    fig.update_yaxes(**axis)
    for shape in fig.layout.shapes or ():
        if shape.line.color in (OKABE_ITO[-1], _HLINE):
            shape.line.color = _DARK["text"] if shape.line.color == OKABE_ITO[-1] else _DARK["line"]
    for note in fig.layout.annotations or ():
        if note.bgcolor == _NOTE_BG:
            note.bgcolor = "rgba(14,17,23,0.8)"
    for trace in fig.data:
        marker = getattr(trace, "marker", None)
        if marker is not None and getattr(marker, "color", None) == OKABE_ITO[-1]:
            marker.color = _DARK["text"]
        line = getattr(trace, "line", None)
        if line is not None and getattr(line, "color", None) == OKABE_ITO[-1]:
            line.color = _DARK["text"]
    return fig


def show(where: Any, fig: go.Figure, key: str, *, large: bool = False) -> None:
    """Draw ``fig`` as every chart is drawn: the page's width, the figure's own
    colours (colour-blind-safe, printable), the short mode bar, restyled by
    :func:`on_dark` when the viewer's theme is dark (``st.context.theme``,
    which the browser reports with every run); ``large`` for a projector:
    larger text, a taller plot, the left margin grown with the tick labels."""
    if large:
        scale = PROJECTOR_FONT / 14
        margin = fig.layout.margin.l or 80
        fig.update_layout(font_size=PROJECTOR_FONT, height=int((fig.layout.height or 380) * 1.3),
                          margin_l=int(margin * scale))
    if st.context.theme.type == "dark":
        on_dark(fig)
    where.plotly_chart(fig, width="stretch", theme=None, key=key, config=CONFIG)
#: A Plotly figure, trace, shape or annotation as a plain dict.
Spec = dict[str, Any]


def money_ticks(values: Sequence[float] | np.ndarray, count: int = 5) -> Spec:
    """Tick values and labels for a money axis: ``¥2,000`` (no fen) and
    ``−¥500`` below zero, as :func:`ui.fmt.yuan` writes amounts (Plotly's own
    prefix would give ``¥−500``).

    >>> money_ticks([-480.0, 1020.0])["ticktext"]
    ['−¥500', '¥0', '¥500', '¥1,000', '¥1,500']
    """
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    lo, hi = (float(v.min()), float(v.max())) if v.size else (0.0, 1.0)
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    span = hi - lo or 1.0
    raw = span / count
    mag = 10.0 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    ticks = np.arange(math.floor(lo / step), math.ceil(hi / step) + 1) * step
    decimals = 0 if step >= 1 else 2
    return {"tickmode": "array", "tickvals": ticks.tolist(),
            "ticktext": [yuan(x, decimals) for x in ticks]}


def _left_margin(axis: Spec | None) -> int:
    """Room for the y axis's tick labels and its title beside them, so the two
    never overlap: about 9 px a character at the 14 px font, plus the title."""
    texts = (axis or {}).get("ticktext")
    chars = max((len(x) for x in texts), default=8) if texts else 9  # "¥100,000"
    return 40 + 9 * chars


def _bottom_margin(data: list[Spec]) -> int:
    """Room under the plot for the x axis's ticks and title (about 45 px)
    and the legend's rows (about 20 px each), one an entry, as on a phone
    where each wraps to its own row: Plotly keeps the axis title between the
    axis and the legend, so a margin too small moves it onto the ticks.

    >>> _bottom_margin([{}] * 3), _bottom_margin([{}] * 5)
    (130, 150)
    """
    entries = sum(1 for trace in data if trace.get("showlegend", True))
    return max(130, 50 + 20 * entries)


def _figure(data: list[Spec], title: str, x: str, y: str, *, xaxis: Spec | None = None,
            yaxis: Spec | None = None, **layout: object) -> go.Figure:
    fig: Spec = {
        "data": data,
        "layout": {
            "title": {"text": plot_escape(title), "x": 0, "xanchor": "left"},
            # fixed margins wide enough for the ticks: automargin makes Plotly lay a
            # chart out twice on every redraw
            "xaxis": {"title": {"text": plot_escape(x)}, **(xaxis or {})},
            "yaxis": {"title": {"text": plot_escape(y), "standoff": 10}, **(yaxis or {})},
            "separators": ".,",
            "hovermode": "closest",
            # the legend on the figure's bottom edge, its rows growing up into the
            # bottom margin, under the x axis's title: placed at a share of the
            # plot's height below it (y -0.3 of the paper) it sat on that title
            # whenever the plot was short (a handout's 125 px: 37 px down, the
            # title 40 px) or the legend wrapped (390 px: four rows)
            "legend": {"orientation": "h", "yref": "container", "yanchor": "bottom",
                       "y": 0, "x": 0, "valign": "top"},
            # the mode bar stands on the right edge, beside the plot, never on the title
            "modebar": {"orientation": "v"},
            "margin": {"l": _left_margin(yaxis), "r": 40, "t": 50, "b": _bottom_margin(data),
                       "pad": 4},
            "height": 380,
            # Plotly's own font stack: naming the app's web font or a CJK font here
            # made the first chart appear about 1.5 s later in Chromium
            "font": {"size": 14},
            **layout,
        },
    }
    return go.Figure(fig, _validate=False)


def _hover(template: str, name: str = "") -> str:
    return f"{template}<extra>{name}</extra>"


def _hline(y: float, text: str = "") -> tuple[Spec, list[Spec]]:
    shape = {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": y, "y1": y,
             "line": {"color": _HLINE, "width": 1, "dash": "dash" if text else "solid"}}
    notes = [{"xref": "paper", "x": 1, "yref": "y", "y": y, "text": plot_escape(text),
              "showarrow": False, "xanchor": "right", "yanchor": "bottom"}] if text else []
    return shape, notes


def _vline(x: float, text: str, top: bool) -> tuple[Spec, Spec]:
    shape = {"type": "line", "xref": "x", "x0": x, "x1": x, "yref": "paper", "y0": 0, "y1": 1,
             "line": {"color": "#000000", "dash": "dot"}}
    note = {"xref": "x", "x": x, "yref": "paper", "y": 1 if top else 0.92,
            "text": plot_escape(text), "showarrow": False, "xanchor": "left",
            "yanchor": "top", "bgcolor": _NOTE_BG}
    return shape, note


def _months(s: Schedule) -> np.ndarray:
    return s.due_period + s.due_fraction


def cumulative_paid(c: Comparison, names: Sequence[str], t: T) -> go.Figure:
    """Cumulative amount paid per plan (down payment and upfront fee at 0),
    with paying in full as a flat line at the cash price."""
    last = max([float(_months(r.schedule)[-1]) for r in c.plans if r.schedule] + [1.0])
    full = plot_escape(t("cmp.full"))
    data = [{
        "type": "scatter", "x": [0, last], "y": [c.cash_price, c.cash_price], "mode": "lines",
        "name": full, "line": {"color": "#000000", "dash": "dot", "width": 2},
        "hovertemplate": _hover(t("chart.hover_full"), full),
    }]
    for j, r in enumerate(c.plans):
        if r.schedule is None:
            continue
        s = r.schedule
        start = s.down_payment + s.upfront_fee
        name = plot_escape(names[j])
        data.append({
            "type": "scatter", "x": np.concatenate(([0.0], _months(s))),
            "y": np.concatenate(([start], start + np.cumsum(s.payment))),
            "mode": "lines+markers", "name": name,
            "line": {"color": OKABE_ITO[j % len(OKABE_ITO)], "dash": DASHES[j % len(DASHES)],
                     "width": 3, "shape": "hv"},
            "hovertemplate": _hover(t("chart.hover_cum"), name),
        })
    return _figure(data, t("chart.cum_title"), t("chart.month"), t("chart.cum_axis"),
                   yaxis={**MONEY_AXIS, "rangemode": "tozero"})


def monthly_payments(c: Comparison, names: Sequence[str], t: T) -> go.Figure:
    """Each plan's installment per month, grouped bars."""
    data = []
    for j, r in enumerate(c.plans):
        if r.schedule is None:
            continue
        s = r.schedule
        name = plot_escape(names[j])
        data.append({
            "type": "bar", "x": np.arange(1, s.n + 1), "y": s.payment, "name": name,
            "marker": {"color": OKABE_ITO[j % len(OKABE_ITO)],
                       "pattern": {"shape": PATTERNS[j % len(PATTERNS)]}},
            "customdata": np.stack([s.principal, s.charge], axis=-1),
            "hovertemplate": _hover(t("chart.hover_pay"), name),
        })
    return _figure(data, t("chart.pay_title"), t("chart.installment"), t("chart.pay_axis"),
                   yaxis=MONEY_AXIS, barmode="group")


def npv_chart(s: Schedule, root: float, t: T) -> go.Figure:
    """NPV of the plan's flows against the monthly rate; the root marked."""
    rates, values = npv_curve(s.flows, root)
    zero, _ = _hline(0.0)
    data = [
        {"type": "scatter", "x": rates * 100, "y": values, "mode": "lines",
         "name": plot_escape(t("math.npv")), "line": {"color": OKABE_ITO[0], "width": 3},
         "customdata": [yuan(v) for v in values],
         "hovertemplate": _hover(t("chart.hover_npv"))},
        {"type": "scatter", "x": [root * 100], "y": [0.0], "mode": "markers+text",
         "name": plot_escape(t("math.root")),
         "marker": {"color": OKABE_ITO[5], "size": 14, "symbol": "diamond"},
         "text": [f"i = {root * 100:.4f}%"], "textposition": "top right",
         "hovertemplate": _hover(t("chart.hover_root"))},
    ]
    return _figure(data, t("math.chart_title"), t("math.rate_axis"), t("math.npv_axis"),
                   xaxis={"ticksuffix": "%"}, yaxis=money_ticks(values), shapes=[zero])


def fee_vs_balance(s: Schedule, t: T) -> go.Figure:
    """What is still owed in each period (bars, left axis) against the fee or
    interest charged for it (line, right axis): an add-on fee stays flat while
    the balance falls, so its share of what is owed climbs.  The hover gives
    that share: ¥60 on the ¥833.37 still owed in month 12 is 7.20%."""
    k = np.arange(1, s.n + 1)
    owed = np.concatenate(([s.financed], s.balance[:-1]))
    share = np.divide(s.charge, owed, out=np.zeros(s.n), where=owed > 0)
    custom = [[yuan(o), yuan(c), f"{100 * x:.2f}%"] for o, c, x in zip(owed, s.charge, share,
                                                                        strict=True)]
    owed_name, fee_name = plot_escape(t("chart.still_owed")), plot_escape(t("chart.fee_charged"))
    data = [
        {"type": "bar", "x": k, "y": owed, "name": owed_name,
         "marker": {"color": OKABE_ITO[4], "pattern": {"shape": "/"}},
         "customdata": custom, "hovertemplate": _hover(t("chart.hover_fee_balance"))},
        {"type": "scatter", "x": k, "y": s.charge, "yaxis": "y2", "name": fee_name,
         "mode": "lines+markers", "line": {"color": OKABE_ITO[5], "width": 3},
         "customdata": custom, "hovertemplate": _hover(t("chart.hover_fee_balance"))},
    ]
    y2 = {"title": {"text": fee_name}, "overlaying": "y", "side": "right", "showgrid": False,
          **money_ticks(s.charge), "rangemode": "tozero"}
    left = {**money_ticks(owed), "rangemode": "tozero"}
    # room on the right for the second axis's ticks and title, as on the left
    margin = {"l": _left_margin(left), "r": _left_margin(y2), "t": 50, "b": 130, "pad": 4}
    return _figure(data, t("chart.fee_balance_title"), t("chart.installment"),
                   t("chart.still_owed"), yaxis=left, yaxis2=y2, margin=margin)


# ------------------------------------------------------------------ cash line

_MAX_POINTS = 1500


def _thin(n: int) -> np.ndarray:
    """Indices of at most _MAX_POINTS days, always with the first and last."""
    if n <= _MAX_POINTS:
        return np.arange(n)
    return np.unique(np.linspace(0, n - 1, _MAX_POINTS).round().astype(int))


def balance_over_time(r: CashLineResult, t: T) -> go.Figure:
    """What is owed day by day, stacked: the first line's principal, its
    interest, fees and penalties owed on top, and, when a rollover ran, what
    was moved to the second line (that line's balance with its own interest):
    the three add up to :attr:`calc.cashline.Ledger.balance`."""
    led = r.ledger
    k = _thin(len(led.day))
    months = months_from_days(led.day[k])
    layers = [("cash.principal", led.principal[k], "chart.hover_principal", 0, ""),
              ("cash.accrued_cost", led.charges[k], "chart.hover_cost_owed", 5, "/")]
    line2 = led.line2_balance[k]
    if np.any(line2 > 0):
        layers.append(("cash.moved_to_line2", line2, "chart.hover_line2", 3, "x"))
    data = [
        {"type": "scatter", "x": months, "y": y, "name": plot_escape(t(name)),
         "stackgroup": "owed", "line": {"color": OKABE_ITO[colour]},
         **({"fillpattern": {"shape": shape}} if shape else {}),
         "customdata": led.day[k], "hovertemplate": _hover(t(hover))}
        for name, y, hover, colour, shape in layers
    ]
    return _figure(data, t("chart.balance_title"), t("chart.month"), t("chart.owed_axis"),
                   yaxis={**MONEY_AXIS, "rangemode": "tozero"})


def cumulative_costs(r: CashLineResult, t: T) -> go.Figure:
    """Interest, fees and penalties charged so far, statement by statement."""
    s = r.statements
    series = (
        ("cash.interest", s.interest + s.line2_interest, OKABE_ITO[0], "solid"),
        ("cash.fees", s.fees, OKABE_ITO[1], "dash"),
        ("cash.penalties", s.penalties, OKABE_ITO[5], "dot"),
    )
    data = [
        {"type": "scatter", "x": s.month, "y": np.cumsum(values), "mode": "lines",
         "name": plot_escape(t(key)), "line": {"color": colour, "dash": dash, "width": 3},
         "hovertemplate": _hover(t("chart.hover_cum_cost"), plot_escape(t(key)))}
        for key, values, colour, dash in series
        if np.any(values)
    ]
    return _figure(data, t("chart.costs_title"), t("chart.statement"), t("chart.costs_axis"),
                   yaxis={"tickprefix": "¥", "tickformat": ",.2f", "rangemode": "tozero"})


def pay_rules(results: Sequence[tuple[str, CashLineResult]], t: T) -> go.Figure:
    """Owed at each statement when paying in full, the minimum, or a fixed amount."""
    # each line starts from what is owed on day 0, so paying in full (gone by the
    # first statement) still shows as a line and not a lone point at zero
    data = [
        {"type": "scatter", "x": np.concatenate((np.zeros(1), r.statements.month)),
         "y": np.concatenate(([r.ledger.balance[0]],
                              r.statements.owed + r.statements.line2_owed)),
         "name": plot_escape(label), "mode": "lines",
         "line": {"color": OKABE_ITO[j], "dash": DASHES[j], "width": 3},
         "hovertemplate": _hover(t("chart.hover_owed"), plot_escape(label))}
        for j, (label, r) in enumerate(results)
    ]
    return _figure(data, t("chart.rules_title"), t("chart.statement"), t("chart.owed_axis"),
                   yaxis={**MONEY_AXIS, "rangemode": "tozero"})


def rollover_spiral(r: CashLineResult, line2_limit: float, t: T) -> go.Figure:
    """Debt on both lines while each payment is borrowed from the second,
    with the second line's limit, the month the debt doubles and the month
    the rollover stops marked."""
    s = r.statements
    line1, line2 = plot_escape(t("cash.line1")), plot_escape(t("cash.line2"))
    data = [
        {"type": "bar", "x": s.month, "y": s.owed, "name": line1,
         "marker": {"color": OKABE_ITO[0]}, "hovertemplate": _hover(t("chart.hover_owed"), line1)},
        {"type": "bar", "x": s.month, "y": s.line2_owed, "name": line2,
         "marker": {"color": OKABE_ITO[5], "pattern": {"shape": "/"}},
         "hovertemplate": _hover(t("chart.hover_owed"), line2)},
    ]
    # scaled to the debt, not to the second line's limit: a ¥50,000 limit over
    # a ¥10,000 snowball left it flat in the bottom of the chart (issue 21)
    ceiling = 1.15 * max(float((s.owed + s.line2_owed).max(initial=0.0)), 1.0)
    shapes: list[Spec] = []
    notes: list[Spec] = []
    if line2_limit <= ceiling:
        limit, notes = _hline(line2_limit, t("cash.line2_limit"))
        shapes.append(limit)
    else:  # the limit is named, above the bars, and the axis stays the debt's
        notes.append({"xref": "paper", "x": 1, "yref": "paper", "y": 1,
                      "text": plot_escape(t("cash.line2_limit_above", limit=yuan(line2_limit, 0))),
                      "showarrow": False, "xanchor": "right", "yanchor": "bottom"})
    marks = [(r.doubled_month, "cash.doubled_at", True)]
    if r.rollover_stop_reason:
        marks.append((r.rollover_stop_month, f"cash.stop_{r.rollover_stop_reason}", False))
    for month, key, top in marks:
        if month:
            shape, note = _vline(month, t(key, m=month), top)
            shapes.append(shape)
            notes.append(note)
    return _figure(data, t("chart.spiral_title"), t("chart.statement"), t("chart.owed_axis"),
                   yaxis={**MONEY_AXIS, "range": [0, ceiling]}, barmode="stack",
                   shapes=shapes, annotations=notes)


#: Shading of the share-of-income bands, from the first line up: pressure,
#: high, above the limit.
_BANDS = ("rgba(240,228,66,0.30)", "rgba(230,159,0,0.25)", "rgba(213,94,0,0.25)")


def budget_timeline(tl: Timeline, names: Sequence[str], th: Thresholds, t: T) -> go.Figure:
    """Month by month, in two panels over one month axis.  Above: each
    obligation's payment stacked (and the payments already owed) and, with
    an income, the money left after essentials and payments.  Below, with an
    income: the share of income the payments take, over bands from each
    threshold to the next (25%, 36%, 55% by default)."""
    x = tl.month
    data: list[Spec] = []
    layers = [(names[j], tl.payments[j]) for j in range(len(names))]
    if tl.household.existing_payments:
        layers.append((t("bud.col.existing"), tl.existing))
    for j, (name, y) in enumerate(layers):
        label = plot_escape(name)
        data.append({
            "type": "bar", "x": x, "y": y, "name": label,
            "marker": {"color": OKABE_ITO[j % len(OKABE_ITO)],
                       "pattern": {"shape": PATTERNS[j % len(PATTERNS)]}},
            "hovertemplate": _hover(t("chart.hover_budget_pay"), label),
        })
    money = [0.0, float(tl.total.max(initial=0.0))]
    layout: Spec = {"barmode": "stack", "height": 380}
    if tl.share is not None and tl.left is not None:
        left = plot_escape(t("bud.col.left"))
        data.append({
            "type": "scatter", "x": x, "y": tl.left, "name": left, "mode": "lines",
            "line": {"color": "#000000", "dash": "dash", "width": 2, "shape": "hv"},
            "hovertemplate": _hover(t("chart.hover_budget_left"), left),
        })
        money += [float(tl.left.min()), float(tl.left.max())]
        share = plot_escape(t("bud.col.share"))
        data.append({
            "type": "scatter", "x": x, "y": 100 * tl.share, "name": share, "yaxis": "y2",
            "mode": "lines", "line": {"color": OKABE_ITO[5], "width": 3, "shape": "hv"},
            "hovertemplate": _hover(t("chart.hover_budget_share"), share),
        })
        lines = [100 * v for v in (th.share_pressure, th.share_high, th.share_limit)]
        top = max(100 * float(tl.share.max()), lines[-1]) * 1.15
        edges = [*lines, top]
        layout["shapes"] = [
            {"type": "rect", "xref": "paper", "x0": 0, "x1": 1, "yref": "y2",
             "y0": edges[k], "y1": max(edges[k + 1], edges[k]), "fillcolor": _BANDS[k],
             "line": {"width": 0}, "layer": "below"}
            for k in range(3)
        ]
        layout["annotations"] = [
            {"xref": "paper", "x": 1, "yref": "y2", "y": v, "showarrow": False,
             "xanchor": "right", "yanchor": "bottom", "font": {"size": 12},
             "text": plot_escape(t(f"chart.band_{code}", line=f"{v:.0f}%"))}
            for code, v in zip(("pressure", "high", "limit"), lines, strict=True)
        ]
        # the payments above, the share below, one month axis at the bottom
        layout["yaxis2"] = {"title": {"text": share, "standoff": 10}, "domain": [0, 0.32],
                            "anchor": "x", "ticksuffix": "%", "range": [0, top],
                            "rangemode": "tozero"}
        layout["height"] = 560
    yaxis = {**money_ticks(money)}
    if "yaxis2" in layout:
        yaxis["domain"] = [0.44, 1]
        layout["xaxis"] = {"title": {"text": plot_escape(t("chart.month"))}, "anchor": "y2"}
    fig = _figure(data, t("chart.budget_title"), t("chart.month"), t("chart.budget_axis"),
                  yaxis=yaxis, **layout)
    return fig
