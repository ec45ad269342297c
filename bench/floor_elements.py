"""The elements floor: what sending the comparison page's elements costs, with none of its work.

The comparison page's run (the classroom link of ``bench/wsclient.py``) sends,
counted from its messages on 2026-11-25: 17 layout blocks, 12 number inputs,
11 markdown texts, 7 select boxes, 5 segmented controls, 5 headings, 3
buttons, 3 tables, 2 metrics, 2 switches, 2 alerts, a text input, a Plotly
chart of two lines, a page link, a download button and a slider, besides the
shell's.  This page sends the same kinds in the same numbers, with fixed
content and no calc, translation, state or link code: a rerun here is the
least any page showing those elements can cost on this server.  Its price
input has the app's key (``cmp-p``) so ``bench/bench_app.py --elements``
edits it as it edits the app's.

Started from the repository's root, it reads the app's ``.streamlit/config.toml``.
"""

from __future__ import annotations

import gc

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

OPTIONS = tuple(f"option {k}" for k in range(8))


def table(rows: int, cols: int) -> pd.DataFrame:
    return pd.DataFrame({f"column {c}": [f"¥{1000 + 7 * r + c:,.2f}" for r in range(rows)]
                         for c in range(cols)})


with st.sidebar:  # the shell: language, mode
    st.segmented_control("language", ("中文", "English"), default="中文", key="lang")
    st.segmented_control("mode", ("off", "class", "student"), default="off", key="mode")

st.title("Installments")
st.caption("What paying in installments costs.")
row = st.container(horizontal=True)
p = row.number_input("price", value=10000.0, key="cmp-p", width=250)
row.number_input("discount", value=0.0, key="d", width=250)
row.number_input("yield", value=0.0, key="y", width=250)
with st.container(border=True):
    st.markdown(f"**Paying ¥{p:,.2f} in full is the cheapest.**")
    st.markdown("- Plan 1 costs ¥700.00 more, 13.03% a year.")
cards = st.container(horizontal=True)
cards.metric("Pay in full", f"¥{p:,.2f}", border=True, width=300)
cards.metric("Plan 1", "13.03%", delta="¥10,700.00 paid", delta_color="off", border=True,
             width=300)
st.caption("★ the cheapest")
left, right = st.columns([2, 3])
with left:
    st.subheader("Plans")
    st.segmented_control("editing", ("Plan 1",), default="Plan 1", key="edit")
    with st.container(border=True):
        r1 = st.container(horizontal=True)
        r1.selectbox("preset", OPTIONS, key="ps1", width=500)
        r1.selectbox("kind", OPTIONS, key="k1", width=250)
        r1.number_input("periods", value=12, key="n1", width=250)
        r2 = st.container(horizontal=True)
        r2.selectbox("fee mode", OPTIONS, key="fm1", width=250)
        r2.number_input("fee", value=0.6, key="f1", width=250)
        r2.selectbox("timing", OPTIONS, key="t1", width=250)
        st.caption("¥60.00 a month, ¥720.00 in all")
        st.caption("a preset")
        st.toggle("more terms", value=True, key="more")
        r3 = st.container(horizontal=True)
        r3.text_input("name", key="nm1", width=250)
        r3.number_input("down payment", value=0.0, key="dp1", width=250)
        r3.number_input("upfront", value=0.0, key="uf1", width=250)
        r3.number_input("first days", value=30, key="fd1", width=250)
        r3.number_input("first payment", value=0.0, key="fi1", width=250)
        r3.selectbox("rounding", OPTIONS, key="fr1", width=250)
        r3.selectbox("early rule", OPTIONS, key="er1", width=250)
        st.button("remove", key="rm1")
    r4 = st.container(horizontal=True)
    r4.selectbox("add from", OPTIONS, key="addps", width=500)
    r4.button("add", key="add")
with right:
    with st.container():
        st.segmented_control("chart", ("cumulative", "monthly"), default="cumulative",
                             key="chart", label_visibility="collapsed")
        months = list(range(13))
        fig = go.Figure([go.Scatter(x=months, y=[p * m / 12 for m in months], name="full"),
                         go.Scatter(x=months, y=[p * 1.07 * m / 12 for m in months],
                                    name="Plan 1")])
        fig.update_layout(title="Paid so far", height=360, xaxis_title="month",
                          yaxis_title="¥")
        st.plotly_chart(fig, key="cmp-el-chart")
st.subheader("Results")
st.dataframe(table(2, 10), key="results", hide_index=True)
st.caption("formulas")
st.markdown("terms: [fee rate](/glossary) · [APR](/glossary)")
with st.container():
    st.subheader("Can I afford it?")
    st.caption("The household")
    r5 = st.container(horizontal=True)
    r5.number_input("income", value=0.0, key="hi", width=250)
    r5.number_input("essentials", value=0.0, key="he", width=250)
    r5.number_input("existing", value=0.0, key="hx", width=250)
    st.info("Enter an income to see shares.")
    st.dataframe(table(1, 6), key="afford", hide_index=True)
    r6 = st.container(horizontal=True)
    r6.button("Add Plan 1 to my budget", key="budget1")
    st.page_link("https://example.com", label="my budget")
with st.container():
    st.subheader("Schedule")
    st.segmented_control("plan", ("Plan 1",), default="Plan 1", key="detail")
    st.dataframe(table(13, 7), key="amort", hide_index=True, height=458)
    st.download_button("CSV", b"a,b\n1,2\n", file_name="schedule.csv", key="csv",
                       on_click="ignore")
    st.slider("repay early after", 0, 11, 0, key="ek1")
    st.warning("Repaid after 0 installments.")
with st.container():
    st.toggle("the math", key="math_on")
    st.markdown("…")
    st.markdown("…")


@st.cache_resource
def _freeze_startup_objects() -> bool:
    gc.freeze()
    return True


_freeze_startup_objects()
