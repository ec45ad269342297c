"""Issue 20: what must hold for the whole process survives any client's
"Clear cache" (Streamlit empties every st.cache_resource on BackMsg.clear_cache,
``runtime/app_session.py::_handle_clear_cache_request``)."""

from __future__ import annotations

import streamlit as st

from ui import memo, state


def test_the_turns_are_the_same_after_a_clear_cache():
    # (the page gate they replaced was an st.cache_resource: a new lock, while
    # runs held the old)
    turns = memo.TURNS
    st.cache_resource.clear()  # what the server does for any client's request
    assert memo.TURNS is turns


def test_the_startup_freeze_runs_once_whatever_a_client_clears(monkeypatch):
    calls: list[int] = []
    monkeypatch.setattr(state.gc, "freeze", lambda: calls.append(1))
    monkeypatch.setattr(state, "_frozen", False)
    assert state.freeze_startup_objects() is True
    st.cache_resource.clear()
    assert state.freeze_startup_objects() is False
    assert calls == [1]
