"""AppTest driven as the browser drives the app.

Streamlit's frontend keeps, for each selection widget (selectbox, segmented
control), the *label* it shows, and sends that label back with every rerun
until the server pushes a new value.  AppTest instead re-formats every
widget's value with the latest labels before each run, so it never sees what
a user sees after a language switch or a renamed plan: a label the server no
longer knows.  :class:`Session` keeps the labels the way the frontend does.

Keys follow :class:`ui.state.PageState`: ``<page>-<name>`` for scenario
values, ``<page>-view-<name>`` for view settings, ``<page>-do-<name>`` for
buttons; ``hh-<page>-<name>`` for the household drawn on a page
(:class:`ui.state.PartState`); ``app-lang`` is the language switch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import ButtonGroup, InitialValue, Selectbox

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
SCRIPTS = {"cmp": "app_pages/compare.py", "cash": "app_pages/cashline.py",
           "bud": "app_pages/budget.py"}
LANG_KEY = "app-lang"


def key(page: str, name: str) -> str:
    return f"{page}-{name}"


def view_key(page: str, name: str) -> str:
    return f"{page}-view-{name}"


def do_key(page: str, name: str) -> str:
    return f"{page}-do-{name}"


def scenario_slot(page: str) -> str:
    return f"{page}:scenario"


def field_name(page: str, widget_key: str | None) -> str | None:
    """The scenario field a widget key is bound to, or None."""
    prefix = f"{page}-"
    if widget_key and widget_key.startswith(prefix):
        rest = widget_key[len(prefix):]
        if rest.isalnum():
            return rest
    return None


_SELECTION = (Selectbox, ButtonGroup)


class Session:
    """One browser tab: an AppTest whose selection widgets send back the
    label they last showed, as Streamlit's frontend does."""

    def __init__(self, params: dict[str, str] | None = None, page: str | None = None) -> None:
        self.at = AppTest.from_file(APP, default_timeout=60)
        if page:
            self.at.switch_page(SCRIPTS.get(page, page))
        for k, v in (params or {}).items():
            self.at.query_params[k] = v
        self.held: dict[str, WidgetState] = {}
        self.at.run()
        self._remember()

    # ------------------------------------------------------------ the browser

    def run(self) -> Session:
        """Send every widget's state, selection widgets with the label they show."""
        states = self.at._tree.get_widget_states()
        touched = {w.id for w in self._selection_widgets() if _touched(w)}
        for w in states.widgets:
            if w.id in self.held and w.id not in touched:
                w.CopyFrom(self.held[w.id])
        self.at._run(states)
        self._remember()
        return self

    def _selection_widgets(self) -> list[Any]:
        return [w for w in self.at._tree if isinstance(w, _SELECTION)]

    def _remember(self) -> None:
        """After a run: a new widget shows the server's value; a kept one keeps
        its label unless the server pushed a value (``set_value``)."""
        held: dict[str, WidgetState] = {}
        for w in self._selection_widgets():
            if w.id in self.held and not w.proto.set_value:
                held[w.id] = self.held[w.id]
            else:
                state = WidgetState()
                state.CopyFrom(w._widget_state)
                held[w.id] = state
        self.held = held

    # ------------------------------------------------------------- the user

    def switch_page(self, page: str) -> Session:
        """Open another page from the sidebar (the address bar loses the query)."""
        self.at.switch_page(SCRIPTS[page])
        self.at.query_params.clear()
        return self.run()

    def switch_language(self, lang: str) -> Session:
        self.at.button_group(key=LANG_KEY).set_value(lang)
        return self.run()

    def link(self) -> dict[str, str]:
        """The address bar's query as it stands."""
        return {k: v[-1] if isinstance(v, list) else v for k, v in self.at.query_params.items()}

    def scenario(self, page: str) -> dict[str, object] | None:
        slot = scenario_slot(page)
        return dict(self.at.session_state[slot]) if slot in self.at.session_state else None

    def exceptions(self) -> list[str]:
        return [e.value for e in self.at.exception]


def _touched(widget: Any) -> bool:
    """Whether the test set this widget's value since the last run."""
    return not isinstance(widget._value, InitialValue)
