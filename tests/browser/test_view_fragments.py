"""A change that only switches a view reruns only what it shows (issue 12):
the charts' tabs and the math are ``st.fragment``s.  Measured over the app's
own websocket protocol (bench/wsclient.py), by what is sent, not by time."""

from __future__ import annotations

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetStates

from bench.wsclient import QUERY, Session
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
