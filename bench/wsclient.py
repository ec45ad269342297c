"""A light client of Streamlit's own websocket protocol, shared by the benchmarks.

A browser tab holds one websocket to ``/_stcore/stream`` and asks for script
runs with ``BackMsg.rerun_script`` (the page's query string, the widgets'
states); the server streams ``ForwardMsg`` deltas and ends each run with
``script_finished``.  :class:`Session` does the same without a browser, so a
benchmark can time a run from the request to ``script_finished`` and open many
sessions at once (``bench_class.py``), or many reruns of one (``bench_app.py``).
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

# The classroom scenario: ¥10,000 in 12 installments at 0.6% a month (13.03% nominal APR).
QUERY = (
    "v=1&lang=zh&p=10000&d=0&y=0&np=1&ps1=teach_06x12&nm1=&k1=addon&n1=12&fm1=period"
    "&f1=0.6&t1=spread&r1=0&u1=annual&dp1=0&uf1=0&fd1=30&er1=charge&pp1=0&ek1=0"
)
PRICE_KEY = "cmp-p"  # ui.state.PageState.key


class Session:
    """One Streamlit session over the websocket, as the browser's frontend holds it.

    ``base_url`` is the app's address (a server or a proxy in front of it);
    ``query`` the link's query string, sent with every run; ``cookie`` a
    ``Cookie`` header for the handshake (a proxy's affinity cookie).
    """

    def __init__(self, base_url: str, query: str = QUERY, timeout: float = 60,
                 cookie: str | None = None) -> None:
        import websocket  # websocket-client
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self.BackMsg, self.ForwardMsg = BackMsg, ForwardMsg
        self.query = query
        parts = urlsplit(base_url)
        path = parts.path.rstrip("/")
        self.ws = websocket.create_connection(
            f"ws://{parts.netloc}{path}/_stcore/stream", subprotocols=["streamlit"],
            timeout=timeout, cookie=cookie)
        self.widget_ids: dict[str, str] = {}  # user key -> widget id
        self.fragments: dict[str, str] = {}  # user key -> id of the fragment it is in
        self.metrics: list[str] = []
        self.messages = 0  # ForwardMsgs received in the last run
        self.elements: list[str] = []  # kinds of the elements the last run sent
        self.keys: list[str] = []  # user keys of the widgets the last run sent
        self.texts: list[str] = []  # markdown, captions and alerts the last run sent
        self.address = ""  # the query string the app last wrote to the address bar

    def run(self, widget_states=None, fragment_id: str = "", page_name: str = "") -> float:
        """Ask for a run; return seconds until ``script_finished`` arrives.

        A run that ends early for a rerun (``st.switch_page`` to the page a link
        names, ``st.rerun``) is followed by the run it asked for: the time is to
        the end of that one.  With ``fragment_id`` only that fragment reruns, as
        the browser asks when a widget inside an ``st.fragment`` changes.
        """
        msg = self.BackMsg()
        msg.rerun_script.query_string = self.query
        if widget_states is not None:
            msg.rerun_script.widget_states.CopyFrom(widget_states)
        if fragment_id:
            msg.rerun_script.fragment_id = fragment_id
        if page_name:  # a page of st.navigation, by its URL path (a click in the menu)
            msg.rerun_script.page_name = page_name
        data = msg.SerializeToString()
        self.metrics = []
        self.elements = []
        self.keys = []
        self.texts = []
        self.messages = 0
        fwd_cls = self.ForwardMsg
        done = (fwd_cls.FINISHED_SUCCESSFULLY, fwd_cls.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
        t0 = time.perf_counter()
        self.ws.send_binary(data)
        while True:
            fwd = fwd_cls()
            fwd.ParseFromString(self.ws.recv())
            self.messages += 1
            kind = fwd.WhichOneof("type")
            if kind == "script_finished":
                if fwd.script_finished == fwd_cls.FINISHED_EARLY_FOR_RERUN:
                    continue  # the rerun it asked for comes next
                elapsed = time.perf_counter() - t0
                if fwd.script_finished not in done:
                    raise RuntimeError(f"script run ended with status {fwd.script_finished}")
                return elapsed
            if kind == "page_info_changed":
                self.address = fwd.page_info_changed.query_string
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                self._note(fwd.delta.new_element, fwd.delta.fragment_id)

    def _note(self, element, fragment_id: str = "") -> None:
        kind = element.WhichOneof("type")
        self.elements.append(kind)
        if kind == "exception":
            raise RuntimeError(f"the app raised: {element.exception.message}")
        body = getattr(element, kind)
        if kind == "metric":
            self.metrics.append(body.body)
        if kind in ("markdown", "alert"):
            self.texts.append(body.body)
        wid = getattr(body, "id", "")
        if isinstance(wid, str) and "-" in wid:  # "$$ID-<hash>-<user key>"
            key = wid.split("-", 2)[2]
            self.widget_ids[key] = wid
            self.keys.append(key)
            if fragment_id:
                self.fragments[key] = fragment_id
            else:
                self.fragments.pop(key, None)

    def price_state(self, price: float, key: str = PRICE_KEY):
        """Widget states with the number input ``key`` set to ``price``."""
        from streamlit.proto.WidgetStates_pb2 import WidgetStates

        states = WidgetStates()
        w = states.widgets.add()
        w.id = self.widget_ids[key]
        w.double_value = price
        return states

    def close(self) -> None:
        self.ws.close()
