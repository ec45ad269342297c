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


def test_npv_hover_and_axis_write_negative_money_as_minus_yuan():
    c = compare(10_000, 0, 0, PLANS[:1])
    s, i = c.plans[0].schedule, c.plans[0].rates.periodic
    fig = charts.npv_chart(s, i, t)
    ticks = fig.layout.yaxis.ticktext
    assert any(x.startswith("−¥") for x in ticks) and not any("¥−" in x for x in ticks)
    assert not any(x.endswith(".00") for x in ticks)  # ¥2,000, not ¥2,000.00
    assert all(("−¥" in d) == (y < -0.005) for d, y in zip(fig.data[0].customdata,
                                                           fig.data[0].y, strict=True))


def test_fee_against_the_balance():
    # 0.6% × 12 on ¥10,000: ¥60 every installment, on 10,000 owed in the first and
    # 10,000 − 11 × 833.33 = 833.37 in the last: 60 / 833.37 = 7.20% of what is owed
    c = compare(10_000, 0, 0, PLANS[:1])
    fig = validated(charts.fee_vs_balance(c.plans[0].schedule, t))
    assert_labelled(fig)
    bars, fee = fig.data
    assert bars.y[0] == 10_000.0 and bars.y[-1] == pytest.approx(833.37)
    assert list(fee.y) == [60.0] * 12
    assert bars.customdata[-1][2] == "7.20%"


def test_money_ticks():
    assert charts.money_ticks([0, 10_000])["ticktext"][-1] == "¥10,000"
    assert charts.money_ticks([0, 0.5])["ticktext"][1] == "¥0.10"  # small: with fen


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


def test_what_is_owed_draws_the_rollover_as_its_own_layer():
    # 先息后本 ¥10,000 at 18% a year over 3 months, the first 2 payments of 150
    # borrowed from a second line at 0.05%/day (test_cashline.TestRollover).
    # The second line owes 150 + 0.075 (t − 29) on days 30..59 and 302.25 +
    # 0.151125 (t − 59) on days 60..90; the first line's interest is 5.00 a
    # day accrued, charged and rolled away each statement day.  The layer
    # "moved to the second line" is that balance, every day; the layer
    # "interest, fees and penalties" is only the first line's: on day 59, the
    # 30 days 30..59 × 5.00 = 150.00 accrued, beside line 2's 150 + 0.075 × 30
    # = 152.25 (drawn as cost, the two came to about 302 before).
    line = cl.LineTerms(limit=200_000, rate=0.18, rate_unit="annual")
    r = cl.simulate([cl.Draw(10_000)], line, cl.RepaymentPlan("interest_only", term_months=3),
                    rollover=cl.Rollover(months=2, limit=10_000, rate=0.0005))
    fig = validated(charts.balance_over_time(r, t))
    assert_labelled(fig)
    names = [tr.name for tr in fig.data]
    assert names == ["Principal", "Interest, fees and penalties", "Moved to the second line"]
    principal, cost, moved = (np.asarray(tr.y) for tr in fig.data)
    days = np.asarray(fig.data[2].customdata)
    assert days.tolist() == list(range(92))  # every day drawn (no thinning)
    want = np.where(days < 30, 0.0,
                    np.where(days < 60, 150 + 0.075 * (days - 29),
                             np.where(days < 91, 302.25 + 0.151125 * (days - 59), 0.0)))
    np.testing.assert_allclose(moved, want, atol=1e-9)
    np.testing.assert_allclose(moved, r.ledger.line2_owed + r.ledger.line2_accrued, atol=0)
    assert cost[59] == pytest.approx(150.0) and moved[59] == pytest.approx(152.25)
    np.testing.assert_allclose(principal + cost + moved, r.ledger.balance, atol=1e-9)


def test_what_is_owed_without_a_rollover_has_two_layers():
    line = cl.LineTerms(limit=50_000, rate=0.0005)
    r = cl.simulate([cl.Draw(10_000)], line, cl.RepaymentPlan("equal_payment"))
    assert len(charts.balance_over_time(r, t).data) == 2


def test_long_ledgers_are_thinned():
    line = cl.LineTerms(limit=50_000, rate=0.0005)
    plan = cl.RepaymentPlan("equal_payment", term_months=360)
    r = cl.simulate([cl.Draw(10_000)], line, plan)
    fig = charts.balance_over_time(r, t)
    assert len(fig.data[0].x) <= 1500 and fig.data[0].customdata[-1] == r.ledger.day[-1]


def test_the_rollover_spiral_is_scaled_to_the_debt_not_the_second_limit():
    # issue 21: the rollover lesson's ¥10,000 loan, 6 payments of ¥917.99
    # borrowed from a card with a ¥50,000 limit.  What is owed on both lines
    # stays near what was drawn: line 1's principal falls by what line 2 lends
    # to pay it, so the two together are the ¥10,000 plus the interest and fees
    # charged so far, well under the ¥1,375.82 + ¥10,000 the whole loan costs
    # (tests/test_lessons.py); a ¥50,000 axis put the bars in its bottom fifth.
    # The axis now ends 15% above the largest stack, below 50,000,
    # and the limit is named in a note instead of a line off the top.
    from ui.lessons import LESSONS
    from ui.scenarios import cashline as sc

    r = sc.simulate(sc.inputs(LESSONS["rollover"].scenario()))
    fig = charts.rollover_spiral(r, 50_000, t)
    highest = float((r.statements.owed + r.statements.line2_owed).max())
    assert 10_000 <= highest < 11_375.82
    low, high = fig.layout.yaxis.range
    assert low == 0 and high == pytest.approx(1.15 * highest)
    assert not [s for s in fig.layout.shapes if s.yref == "y" and s.y0 == 50_000]
    assert any("¥50,000" in a.text for a in fig.layout.annotations)
    # a limit within the debt's range is still drawn as a line
    small = charts.rollover_spiral(r, 5_000, t)
    assert [s for s in small.layout.shapes if s.yref == "y" and s.y0 == 5_000]
