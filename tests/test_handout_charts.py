"""The handouts' charts laid out (issue 21): the legend never on the x
axis's title, and handout 7's band labels apart.  Structural, from the
figures the handouts draw: Plotly places the x axis's title just under the
plot's tick labels (about 45 px at the 14-px font: a 20-px row of ticks and
a 20-px title, with a few pixels between), and a horizontal legend row is
about 20 px."""

from __future__ import annotations

import pytest

from ui import afford, charts, handout
from ui.i18n import t
from ui.lessons import LESSONS
from ui.scenarios import budget as bs
from ui.scenarios import cashline as cash
from ui.scenarios import compare as cmp
from ui.scenarios import household as hs

AXIS_TITLE_BAND = 45  # px under the plot: tick labels and the axis title
LEGEND_ROW = 20  # px a legend row takes at the 14-px font


def _household(scn):
    return {k: scn.get(k, f.if_missing()) for k, f in hs.HOUSEHOLD.shared.items()}


def handout_figure(lid: str):
    lesson = LESSONS[lid]
    scn = lesson.scenario()
    tr = lambda key, **kw: t(key, "en", **kw)  # noqa: E731
    if lesson.page == cmp.COMPARE.page:
        names = [afford.plan_name(scn, i) for i in range(1, cmp.plan_count(scn) + 1)]
        return handout.sized(charts.cumulative_paid(cmp.results(scn), names, tr))
    if lesson.page == cash.CASH.page:
        return handout.sized(charts.balance_over_time(cash.simulate(cash.inputs(scn)), tr))
    hh = _household(scn)
    b = bs.budget(scn, hh, hs.thresholds(hh))
    names = [afford.obligation_name(scn, i) for i in b.shown]
    return handout.sized(charts.budget_timeline(b.timeline, names, hs.thresholds(hh), tr),
                         "budget")


@pytest.mark.parametrize("lid", list(LESSONS))
def test_the_legend_stands_under_the_x_axis_title(lid):
    fig = handout_figure(lid)
    legend = fig.layout.legend
    # on the figure's bottom edge, growing up: old code put its top at 30% of
    # the plot's height under the axis (a 125-px plot: 37 px, on the title)
    assert (legend.yref, legend.yanchor, legend.y, legend.orientation) == (
        "container", "bottom", 0, "h")
    entries = sum(1 for tr in fig.data if tr.showlegend is not False)
    # at 390 px each entry may take a row of its own: they all fit in the
    # bottom margin below the axis title
    assert fig.layout.margin.b - AXIS_TITLE_BAND >= LEGEND_ROW * entries, (
        fig.layout.margin.b, entries)
    plot = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    assert plot >= 100  # and a plot left to read


def test_handout_7s_band_labels_stand_apart():
    fig = handout_figure("stacking")
    y2 = fig.layout.yaxis2
    plot = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    px_per_point = plot * (y2.domain[1] - y2.domain[0]) / (y2.range[1] - y2.range[0])
    labels = sorted(a.y for a in fig.layout.annotations if a.yref == "y2")
    assert labels == pytest.approx([25, 36, 55])  # domain.md's 25 / 36 / 55% bands
    font = max(a.font.size for a in fig.layout.annotations)
    gaps = [(hi - lo) * px_per_point for lo, hi in zip(labels, labels[1:], strict=False)]
    # each label stands on its line (yanchor bottom): the next line must be a
    # font's height higher.  Old: 300-px chart, 40-px panel over 63 points,
    # 25→36 %: 7 px at a 12-px font.  Now 520 px: (520-50-175)·0.32/63.25 ≈
    # 1.49 px a point, 11 points ≈ 16.4 px
    assert min(gaps) >= font + 2, gaps
