"""The blocks floor: the comparison page's price edit, its read-only results drawn as HTML.

Issue 12 asks a price edit to cost at most twice a one-input, one-chart page.
The app's edit reruns the sections the price changes (``ui.state.PageState``)
and sends 28 elements.  This page asks what the edit would cost if every
read-only result were one block of HTML instead of Streamlit's elements (the
verdict and cards, the table of every choice, the household's burden, a plan's
schedule), the one design change left that keeps them all in view:

* the price row (three number inputs), and the price's callback naming the
  sections to rerun (``st.rerun`` with their keys), as the app does;
* the scenario's real comparison (``ui.scenarios.compare.results``, cached by
  its inputs) for the bench's link (``bench/wsclient.py``);
* the real chart (``ui.charts.cumulative_paid``) with its switch;
* each other section one Markdown block of HTML built from the app's own
  tables (``ui.tables``; the household's block a table of the comparison's
  size, without the burden's calc), plus the widgets an HTML design would
  still need: the plan's early repayment slider, its CSV download, the
  add-to-budget button and the link to the budget page.

Left out, so that it is a lower bound for that design: the plans' editor and
the fee it comes to, the household's inputs, the math's switch, the shell,
and all state and link code.  ``bench/bench_app.py --blocks`` measures it
beside the app.  Started from the repository's root, it reads the app's
``.streamlit/config.toml``.
"""

from __future__ import annotations

import gc
import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from ui import charts, tables  # noqa: E402
from ui.codec import decode  # noqa: E402
from ui.fmt import pct, yuan  # noqa: E402
from ui.i18n import t  # noqa: E402
from ui.scenarios import compare as sc  # noqa: E402

SECTIONS = ("blk-answer", "blk-chart", "blk-table", "blk-afford", "blk-details")


def html_table(table: tables.Table) -> str:
    """``table`` as the app formats its cells, in one HTML table."""
    cols = table.columns
    values = table.values()
    head = "".join(f"<th>{html.escape(c.label)}</th>" for c in cols.values())
    rows = zip(*(([cols[k].cell(v) for v in vals]) for k, vals in values.items()), strict=True)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(x)}</td>" for x in row) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def block(text: str) -> None:
    """HTML built here, every text in it escaped; the link's names never reach it."""
    st.markdown(text, unsafe_allow_html=True)


def current():
    """The comparison at the price now in the price input."""
    scn = dict(base)
    scn["p"] = st.session_state.get("cmp-p", scn["p"])
    c = sc.results(scn)
    return c, [f"Plan {j + 1}" for j in range(len(c.plans))]


def _priced() -> None:
    st.rerun(list(SECTIONS))


@st.fragment(key="blk-answer")
def answer() -> None:
    c, names = current()
    lines = [f"<li>{html.escape(n)}: {yuan(r.schedule.total_cost)}, {pct(r.rates.nominal)}</li>"
             for n, r in zip(names, c.plans, strict=True) if r.ok]
    cards = "".join(f"<div><b>{html.escape(n)}</b> {pct(r.rates.nominal)} "
                    f"{yuan(r.schedule.total_paid)}</div>"
                    for n, r in zip(names, c.plans, strict=True) if r.ok)
    block(f"<p><b>{yuan(c.cash_price)}</b></p><ul>{''.join(lines)}</ul><div>"
          f"<div><b>{html.escape(t('cmp.full'))}</b> {yuan(c.cash_price)}</div>{cards}</div>")


@st.fragment(key="blk-chart")
def chart() -> None:
    c, names = current()
    st.segmented_control("chart", ("cum", "pay"), default="cum", key="chart")
    charts.show(st, charts.cumulative_paid(c, names, t), "cmp-el-chart")


@st.fragment(key="blk-table")
def table() -> None:
    c, names = current()
    block(html_table(tables.comparison(c, names)))


@st.fragment(key="blk-afford")
def afford() -> None:
    c, names = current()
    block(html_table(tables.comparison(c, names)))  # a table of the same size
    st.button(t("afford.add", name=names[0]), key="add")
    st.page_link("https://example.org", label=t("afford.to_budget"))


@st.fragment(key="blk-details")
def details() -> None:
    c, names = current()
    r = c.plans[0]
    table = tables.amortization(r)
    block(html_table(table))
    st.download_button(t("cmp.download"), tables.csv_on_demand(table), file_name="s.csv",
                       mime="text/csv", key="csv", on_click="ignore")
    st.slider(t("cmp.early"), 0, r.schedule.n - 1, key="ek")


base, _, _ = decode(sc.COMPARE, {k: st.query_params[k] for k in st.query_params})


@st.fragment
def body() -> None:
    row = st.container(horizontal=True)
    row.number_input("price", value=float(base["p"]), key="cmp-p", on_change=_priced, width=250)
    row.number_input("discount", value=0.0, key="d", on_change=_priced, width=250)
    row.number_input("yield", value=0.0, key="y", on_change=_priced, width=250)
    answer()
    chart()
    table()
    afford()
    details()


body()


@st.cache_resource
def _freeze_startup_objects() -> bool:
    gc.freeze()
    return True


_freeze_startup_objects()
