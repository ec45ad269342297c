"""Session state: the language, each page's scenario, the link in the address bar.

Scenario values live in plain session-state dicts (``scn_<page>``), not only in
widget keys, because Streamlit drops the value of a widget that a run does not
draw.  Each widget's key is ``w_<name>``; :func:`widget_key` seeds it from the
scenario whenever Streamlit has dropped it, and the page writes the widget's
value back.
"""

from __future__ import annotations

import threading
from collections.abc import MutableMapping

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui.codec import LANGS, Notice, Schema, decode, encode, to_query

__all__ = ["init_lang", "lang", "set_lang", "scenario", "widget_key", "forget_widgets", "sync_url",
           "share_url"]


def _browser_lang() -> str | None:
    try:
        locale = st.context.locale or ""
    except Exception:  # no browser (AppTest, bare mode)
        return None
    return "en" if locale.lower().startswith("en") else ("zh" if locale else None)


# The language of the run in progress, per script thread and session, so the
# hundreds of lookups a page makes skip session state (about 15 µs each).
# Every write of the language goes through set_lang, which keeps it current.
_RUN = threading.local()


def set_lang(code: str) -> None:
    st.session_state["lang"] = code
    _RUN.cached = (get_script_run_ctx(), code)


def init_lang() -> str:
    """Once per session: the link's ``lang``, else the browser's, else Chinese."""
    if "lang" not in st.session_state:
        q = st.query_params.get("lang")
        set_lang(q if q in LANGS else (_browser_lang() or "zh"))
    return lang()


def lang() -> str:
    cached = getattr(_RUN, "cached", None)
    ctx = get_script_run_ctx()
    if cached is not None and cached[0] is ctx and ctx is not None:
        return cached[1]
    code = st.session_state.get("lang", "zh")
    _RUN.cached = (ctx, code)
    return code


def scenario(page: str, schema: Schema) -> tuple[MutableMapping[str, object], list[Notice]]:
    """This page's scenario; read from the link the first time the page runs
    in the session (the notices are kept for that page to show)."""
    key = f"scn_{page}"
    if key not in st.session_state:
        scn, link_lang, notices = decode(schema, st.query_params.to_dict())
        if link_lang:
            set_lang(link_lang)
        st.session_state[key] = scn
        st.session_state[f"notices_{page}"] = notices
    scn = st.session_state[key]
    # a widget changed by the user holds its new value before this run draws it:
    # take it now, so results computed above a widget never lag it by a run
    for name in scn:
        if f"w_{name}" in st.session_state:
            scn[name] = st.session_state[f"w_{name}"]
    return scn, st.session_state.get(f"notices_{page}", [])


def widget_key(scn: MutableMapping[str, object], name: str) -> str:
    """The widget key for scenario value ``name``, seeded from the scenario."""
    key = f"w_{name}"
    if key not in st.session_state:
        st.session_state[key] = scn[name]
    return key


def forget_widgets(names: list[str]) -> None:
    """Drop widget state so the next run seeds it from the scenario again."""
    for name in names:
        st.session_state.pop(f"w_{name}", None)


def sync_url(schema: Schema, scn: MutableMapping[str, object]) -> dict[str, str]:
    """Write the whole scenario to the address bar (at the end of a run)."""
    params = encode(schema, scn, lang())
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)
    st.session_state["_share_params"] = params
    return params


def share_url(params: dict[str, str]) -> str:
    """The full link to this page with ``params`` (relative in AppTest)."""
    try:
        base = (st.context.url or "").split("?", 1)[0]
    except Exception:
        base = ""
    return f"{base}?{to_query(params)}"
