"""A change reruns only the part of the page it changes (issue 12): each page's
body, its household section, its details and its charts' tabs are sections
(``ui.state.PageState.section``, an ``st.fragment``), and a widget inside one
reruns that one, as the browser asks.  Measured over the app's own websocket
protocol (bench/wsclient.py), by what is sent, not by time; and each rerun still
writes the link, so what is shared is what is shown."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetStates

from bench.wsclient import PRICE_KEY, QUERY, Session
from ui.codec import unpack
from ui.i18n import EN

pytestmark = pytest.mark.browser


def switch(s: Session, key: str, label: str) -> None:
    states = WidgetStates()
    w = states.widgets.add()
    w.id = s.widget_ids[key]
    w.string_array_value.data.append(label)
    s.run(states, fragment_id=s.fragments.get(key, ""))


@pytest.mark.parametrize("query, key, labels", [
    (QUERY.replace("lang=zh", "lang=en"), "cmp-view-chart",
     (EN["chart.tab.pay"], EN["chart.tab.cum"])),
    ("v=1&lang=en&pg=cash", "cash-view-chart",
     (EN["chart.tab.costs"], EN["chart.tab.balance"])),
])
def test_switching_a_chart_reruns_only_the_chart(app_url, query, key, labels):
    s = Session(app_url, query=query)
    try:
        s.run()
        full = s.messages
        assert key in s.fragments, "the chart's switch is not inside a fragment"
        for label in labels:
            switch(s, key, label)
            # the fragment's few elements, not the page's (a full run sends ~90)
            assert s.messages < full / 4, (s.messages, full)
    finally:
        s.close()


def change(s: Session, key: str, value: float, slider: bool = False) -> None:
    """A number (or a slider) changed as the browser sends it: with the id of
    the fragment the widget is in."""
    states = WidgetStates()
    w = states.widgets.add()
    w.id = s.widget_ids[key]
    if slider:
        w.double_array_value.data.append(value)
    else:
        w.double_value = value
    s.run(states, fragment_id=s.fragments.get(key, ""))


def click(s: Session, key: str) -> None:
    states = WidgetStates()
    w = states.widgets.add()
    w.id = s.widget_ids[key]
    w.trigger_value = True
    s.run(states, fragment_id=s.fragments.get(key, ""))


def address(s: Session) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(s.address).items()}


EN_QUERY = QUERY.replace("lang=zh", "lang=en")


def test_an_edit_reruns_the_page_body_not_the_shell_and_writes_the_link(app_url):
    """The price is in the comparison page's body: its change reruns the body
    (the new price in the card), not the sidebar's switches and menu, and the
    address bar gets the new price."""
    s = Session(app_url, query=EN_QUERY)
    try:
        s.run()
        full = s.messages
        assert s.fragments.get(PRICE_KEY), "the price is not inside a section"
        change(s, PRICE_KEY, 12_345)
        assert "¥12,345.00" in s.metrics
        assert s.messages < full, (s.messages, full)
        assert "app-lang" in s.widget_ids and "navigation" not in s.elements
        assert address(s)["p"] == "12345"
    finally:
        s.close()


@pytest.mark.parametrize("query, key", [(EN_QUERY, "hh-cmp-hi"),
                                        ("v=1&lang=en&pg=cash", "hh-cash-hi")])
def test_the_household_reruns_only_its_section_and_goes_into_the_link(app_url, query, key):
    """¥8,000 a month: the "Can I afford it?" section reruns with the shares
    (the page's other results are untouched), and the link carries hi=8000."""
    s = Session(app_url, query=query)
    try:
        s.run()
        full = s.messages
        change(s, key, 8_000)
        assert s.messages < full / 3, (s.messages, full)
        assert "dataframe" in s.elements  # the burden table, drawn again
        assert address(s)["hi"] == "8000"
    finally:
        s.close()


def test_early_repayment_reruns_the_details_and_the_budget_gets_it(app_url):
    """The early-repayment slider reruns the plan's details only; "Add to my
    budget", in another section drawn before the change, adds the plan as it
    is at the click: repaid after 4 installments (ek1=4), not as it was drawn."""
    s = Session(app_url, query=EN_QUERY)
    try:
        s.run()
        full = s.messages
        change(s, "cmp-ek1", 4, slider=True)
        assert s.messages < full / 2, (s.messages, full)
        assert address(s)["ek1"] == "4"
        click(s, "cmp-do-budget1")
        s.run(page_name="budget")
        item = unpack(address(s)["bq1"])
        assert item["ek1"] == "4" and item["p"] == "10000", item
    finally:
        s.close()
