"""ui.charts: every figure is valid Plotly (built here with validation on),
labelled, and carries the data it claims to."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import pytest

from calc import cashline as cl
from calc.compare import compare
from calc.schedule import PlanTerms
from ui import charts
from ui.i18n import t as translate

PLANS = [PlanTerms(kind="addon", periods=12, fee_rate=0.006),
         PlanTerms(kind="free", periods=24, down_payment=500.0)]


def t(key, **values):
    return translate(key, "en", **values)


def validated(fig: go.Figure) -> go.Figure:
    # the builders skip Plotly's validation for speed; here it runs in full (and
    # raises on any unknown key or bad value); the figure itself is returned so
    # its arrays read back as the builder put them
    go.Figure(fig.to_dict())
    return fig


def assert_labelled(fig: go.Figure) -> None:
    lay = fig.layout
    assert lay.title.text and lay.xaxis.title.text and lay.yaxis.title.text
    assert "⟦" not in str(fig.to_dict())
    for trace in fig.data:
        assert trace.hovertemplate


def test_comparison_charts():
    c = compare(10_000, 0, 0, PLANS)
    cum = validated(charts.cumulative_paid(c, ["a <b>", "b"], t))
    assert_labelled(cum)
    # pay in full, then one line per plan; the last point of each is its total paid
    assert [tr.name for tr in cum.data] == ["Pay in full", "a &lt;b&gt;", "b"]
    assert cum.data[1].y[-1] == pytest.approx(c.plans[0].schedule.total_paid)
    assert cum.data[2].y[0] == 500.0  # the down payment, at month 0
    pay = validated(charts.monthly_payments(c, ["a", "b"], t))
    assert_labelled(pay)
    assert list(pay.data[0].y) == list(c.plans[0].schedule.payment)


def test_npv_chart_crosses_zero_at_the_root():
    c = compare(10_000, 0, 0, PLANS[:1])
    s, i = c.plans[0].schedule, c.plans[0].rates.periodic
    fig = validated(charts.npv_chart(s, i, t))
    assert_labelled(fig)
    x, y = np.array(fig.data[0].x), np.array(fig.data[0].y)
    crossing = np.nonzero(np.diff(np.sign(y)))[0]
    assert len(crossing) == 1 and x[crossing[0]] <= 100 * i <= x[crossing[0] + 1]


def test_cash_line_charts():
    line = cl.LineTerms(limit=50_000, rate=0.0005)
    plan = cl.RepaymentPlan("interest_only", term_months=6)
    r = cl.simulate([cl.Draw(10_000)], line, plan,
                    rollover=cl.Rollover(months=6, limit=500, rate=0.0006))
    for fig in (charts.balance_over_time(r, t), charts.cumulative_costs(r, t),
                charts.pay_rules([("x", r)], t), charts.rollover_spiral(r, 500, t)):
        assert_labelled(validated(fig))
    spiral = charts.rollover_spiral(r, 500, t)
    assert len(spiral.layout.shapes) >= 2  # the limit and the month the rollover stopped


def test_long_ledgers_are_thinned():
    line = cl.LineTerms(limit=50_000, rate=0.0005)
    plan = cl.RepaymentPlan("equal_payment", term_months=360)
    r = cl.simulate([cl.Draw(10_000)], line, plan)
    fig = charts.balance_over_time(r, t)
    assert len(fig.data[0].x) <= 1500 and fig.data[0].customdata[-1] == r.ledger.day[-1]
