"""Issue 20: a link of more than 1,000 parameters, which Streamlit does not
read at all (``runtime/state/query_params.py::sanitize_query_string`` blanks
it in ``AppSession.request_rerun``), is named by the page it opens instead of
opening the defaults with no word said (``ui.query_limit``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from appserver import free_port, start_server, stop_server
from streamlit.runtime.state.query_params import sanitize_query_string

from bench.wsclient import Session
from ui import query_limit
from ui.codec import encode, to_query
from ui.i18n import CATALOG
from ui.scenarios.compare import COMPARE


def long_link(lang: str, extra: int) -> str:
    """The comparison's link and ``extra`` unknown parameters ``x<i>=1``."""
    return to_query(encode(COMPARE, COMPARE.defaults(), lang)) + "".join(
        f"&x{i}=1" for i in range(extra))


def test_the_warning_streamlit_logs_names_its_session():
    query_limit.install()
    query_limit.install()  # once per process, however often the script runs

    class AppSession:  # the caller Streamlit's warning comes from
        id = "session-1"

        def request_rerun(self, query: str) -> str:
            return sanitize_query_string(query)

    # 1,001 fields: 1,000 "&" (Streamlit counts "&" + 1)
    assert AppSession().request_rerun("&".join(["a=1"] * 1001)) == ""
    assert query_limit.take("session-1") == 1001
    assert query_limit.take("session-1") is None  # once
    assert AppSession().request_rerun("&".join(["a=1"] * 1000)) != ""  # at the limit: read
    assert query_limit.take("session-1") is None


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = free_port()
    proc = start_server(port)
    url = f"http://127.0.0.1:{port}"
    try:
        # the process's first run installs the watch (ui.query_limit): the
        # first session's own request comes before it
        warm = Session(url, "", timeout=60)
        warm.run()
        warm.close()
        yield url
    finally:
        stop_server(proc)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_link_past_the_limit_is_named_by_the_page(server, lang):
    query = long_link(lang, 1000)
    fields = query.count("&") + 1
    assert fields > 1000
    s = Session(server, query, timeout=60)
    try:
        s.run()
        first = "\n".join(s.texts)
    finally:
        s.close()
    # the link's own language is not read either: the notice in the session's
    # (zh, without a browser locale); both catalogues say it with the same figures
    said = CATALOG["zh"]["notice.too_many_params"].format(n=f"{fields:,}", max="1,000")
    assert said in first  # old code: the defaults, and no notice


def test_a_link_at_the_limit_is_read(server):
    base = to_query(encode(COMPARE, COMPARE.defaults(), "en")).count("&") + 1
    query = long_link("en", 1000 - base)
    assert query.count("&") + 1 == 1000
    s = Session(server, query, timeout=60)
    try:
        s.run()
        text = "\n".join(s.texts)
    finally:
        s.close()
    # read, in English: its unknown parameters named (six, and the rest counted)
    assert "unknown parameter x0" in text
    assert CATALOG["en"]["notice.more"].format(n=1000 - base - 6) in text
    assert CATALOG["en"]["notice.too_many_params"].split("{")[0] not in text
