"""A link past Streamlit's parameter limit, noticed (issue 20).

Streamlit reads no query string of more than 1,000 parameters (or 512 KiB):
``runtime/app_session.py::AppSession.request_rerun`` passes the browser's
``client_state.query_string`` through
``runtime/state/query_params.py::sanitize_query_string``, which returns ``""``
and logs a warning ("Ignoring query string with %d parameters because it
exceeds the %d parameter limit.").  The script then sees no query at all:
``st.query_params`` is empty, ``ctx.query_string`` is ``""``, and
``st.context.url`` is the address without its query (the 1.67 frontend sends
``location.href`` with ``search`` and ``hash`` cleared).  Such a link opened the
defaults with no word said.

What is left is that warning, logged on the server's event loop by the very
call that blanked the query, inside the session's ``request_rerun``, before
the run it asks for starts.  :func:`install` adds a logging handler to that
logger (no Streamlit code is changed) which notes the session's id and the
number of parameters; the session's first run takes it (:func:`take`) and the
page names it (``notice.too_many_params``).  The handler finds the session as
the ``self`` of the calling frame that is an ``AppSession``; with another
Streamlit whose call or message differ, nothing is noted and the link opens
the defaults as before.  A ``logger.level`` above ``warning`` drops the record
before any handler: then too.

Process-wide module state (``ui.state``): ids of sessions, never their data.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import FrameType

__all__ = ["LOGGER", "MAX_FIELDS", "install", "take"]

#: The logger of ``sanitize_query_string``.
LOGGER = "streamlit.runtime.state.query_params"
#: Streamlit's limit (``CLIENT_STATE_QUERY_STRING_MAX_FIELDS``).
MAX_FIELDS = 1000
#: At most this many sessions noted and not yet taken (a client that never
#: runs a script after its blanked request leaves its id here).
_KEPT = 1000

_lock = threading.Lock()
_blanked: dict[str, int] = {}
_installed = False


def _calling_session() -> str | None:
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        me: object = frame.f_locals.get("self")
        session_id = getattr(me, "id", None)
        if type(me).__name__ == "AppSession" and isinstance(session_id, str):
            return session_id
        frame = frame.f_back
    return None


class _Watch(logging.Handler):
    """Notes the session whose query string Streamlit ignored for its count."""

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args
        if (not isinstance(record.msg, str) or "parameter limit" not in record.msg
                or not isinstance(args, tuple) or not args or not isinstance(args[0], int)):
            return
        session = _calling_session()
        if session is None:
            return
        with _lock:
            if len(_blanked) >= _KEPT:
                _blanked.pop(next(iter(_blanked)))
            _blanked[session] = args[0]


def install() -> None:
    """Once per process: watch Streamlit's warning (module docstring)."""
    global _installed
    with _lock:
        if _installed:
            return
        logging.getLogger(LOGGER).addHandler(_Watch(logging.WARNING))
        _installed = True


def take(session_id: str) -> int | None:
    """How many parameters the link that opened this session had, when
    Streamlit ignored it for their count; once."""
    with _lock:
        return _blanked.pop(session_id, None)
