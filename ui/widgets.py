"""Widgets bound to a page's state: one mechanism for every input.

A bound widget shows a value held in a plain dict of the page's state (the
scenario or the view, :class:`ui.state.PageState`) and writes the user's
change back to it.  Four rules make that dict the only truth:

1. **Seeded from the dict.**  Before a widget is drawn, its session-state key
   is set from the dict whenever the two differ, or the widget is new (a
   widget the last run did not draw comes back with its value), or the
   browser has just opened its page (``ui.state.fresh_page``: Streamlit may
   still keep a value the browser no longer shows).  Whatever
   changed the dict (a preset applied, a plan removed, a link read) shows in
   every widget on the next run, with no list of widgets to forget.  A widget
   whose value already agrees is left alone, so a run never resets a field
   the user is typing in or a list the user has open.
2. **Taken in a callback.**  Each widget's ``on_change`` copies its new value
   into the dict before the script runs, so results computed above a widget
   never lag it, and other callbacks (apply a preset, add a plan) see it.  A
   value the field does not accept is not taken.
3. **Codes, not labels.**  A selection widget's options are stable codes and
   its labels come from ``format_func``.  Streamlit sends the *label* over the
   wire (``../shared/streamlit.md``), so once the label of the chosen option
   changes (a language switch, a renamed plan) the browser's label maps to no
   option.  The label each widget showed is kept (``<page>:labels``), and a
   widget whose label changed is seeded again (rule 1), so the browser gets
   the new label; a value that is still not one of the options, from any
   source, falls back to the dict's code.
4. **A push answered is pushed back.**  When a run pushes a value into a
   widget (a fee converted into a new form) while the user is typing in it,
   the push can reach the browser after the typing: the page then shows the
   run's number while the dict holds the one typed, and the next run would
   take the shown one back.  So when the value that comes back differs from
   the one the last run pushed, the dict's (the user's) is pushed once more,
   and what the page shows is again what the dict holds.

Keys are ``<page>-<name>`` for scenario values and ``<page>-view-<name>`` for
view settings (``PageState.key``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal, Protocol

import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.runtime.scriptrunner import RerunException

from ui import state
from ui.codec import Field
from ui.fmt import md_escape
from ui.i18n import t

__all__ = ["Bound", "labels", "preset_labels", "preset_details", "grid", "FIELD_WIDTH",
           "CARD_WIDTH"]

#: Width of one input in a :func:`grid`: three to a row on a laptop, one on a phone.
FIELD_WIDTH = 250
#: Width of a result card: wide enough for its note on a phone.
CARD_WIDTH = 320

Callback = Callable[..., None]


def grid(align: Literal["top", "center", "bottom"] = "bottom") -> DeltaGenerator:
    """A row of inputs (or cards) that wraps to the screen's width.

    One layout block instead of a block per column (each block is a message to
    the browser on every run); inputs line up at the bottom when labels wrap.
    """
    return st.container(horizontal=True, vertical_alignment=align, gap="small")


def labels(prefix: str) -> Callable[[Any], str]:
    """format_func for codes: their label in the language of this run."""
    lang = state.lang()
    return lambda code: t(f"{prefix}.{code}", lang)


class _Preset(Protocol):  # what preset_labels reads of a preset
    @property
    def grade(self) -> str: ...
    @property
    def as_of(self) -> str: ...


def preset_labels(presets: Mapping[str, _Preset]) -> Callable[[Any], str]:
    """format_func for presets: the preset's name alone, in this run's
    language (its evidence grade and date are in the note under the picker,
    :func:`preset_details`: "（证据等级 C，未注明日期）" after every name was
    more than a student parses in a list)."""
    lang = state.lang()

    def label(pid: str) -> str:
        if pid == "custom":
            return t("cmp.custom", lang)
        return t(f"preset.{pid}", lang)

    return label


def preset_details(presets: Mapping[str, _Preset], pid: object) -> str:
    """Where a preset's figures come from: its evidence grade, in words, and
    its date (``""`` for a custom plan or an unknown code)."""
    p = presets.get(str(pid))
    if p is None:
        return ""
    return t("cmp.preset_grade", grade=p.grade, grade_text=t(f"grade.{p.grade}"),
             date=p.as_of or t("cmp.undated"))


def _take(slot: str, name: str, key: str, accepts: Callable[[object], bool],
          from_widget: Callable[[Any], object], then: Callback | None,
          args: tuple[object, ...], drawn_on: str = "") -> None:
    """on_change of every bound widget: the new value into the page's dict;
    the page the browser is on runs when the change comes from a page it has
    left (``ui.state.left_page``).

    From a page left, Streamlit calls the on_change of every widget the
    browser sent, changed or not (it forgot their values when it opened the
    new page), so ``then`` runs only for the value that changed: the preset's
    callback, called for nothing, had put the preset's fee back over a fee
    just typed."""
    value = from_widget(st.session_state.get(key))
    scn = st.session_state[slot]
    changed = name not in scn or scn[name] != value
    if accepts(value):
        scn[name] = value
    left = state.left_page(drawn_on)  # committed by the click on another page's link
    if then is not None:
        if left:  # its page's state is kept whole, but no section of it is to rerun
            if changed:
                with contextlib.suppress(RerunException):
                    then(*args)
        else:
            then(*args)
    if left:
        state.stay_on_page()


def _same(v: Any) -> object:
    return v


_NOTHING = object()  # no value pushed to a widget by the last run that drew it


def _distinct(fmt: Callable[[Any], str], options: Sequence[object]) -> Callable[[Any], str]:
    """``fmt`` with a label that repeats numbered ("Huabei 12 (2)"): the browser
    sends the label (rule 3), so two options under one label would be one
    choice, and the second could never be picked (two plans from one preset).

    >>> f = _distinct(str.upper, ["a", "b", "a2"])
    >>> [f(o) for o in ["a", "b", "a2"]]
    ['A', 'B', 'A2']
    >>> g = _distinct(lambda o: "Plan", [1, 2, 3])
    >>> [g(o) for o in [1, 2, 3]]
    ['Plan', 'Plan (2)', 'Plan (3)']
    """
    seen: dict[str, int] = {}
    labels: dict[object, str] = {}
    for option in options:
        label = fmt(option)
        seen[label] = seen.get(label, 0) + 1
        labels[option] = label if seen[label] == 1 else f"{label} ({seen[label]})"
    if len(set(labels.values())) == len(labels):
        return lambda option: labels[option] if option in labels else fmt(option)
    return fmt  # still not distinct (a label already ending "(2)"): as it was


class Bound:
    """Widgets bound to one dict of a page's state.

    ``Bound(ps)`` binds to the scenario (fields checked against the schema);
    ``Bound(ps, view=True)`` to the view settings.  Every method draws into
    ``where`` (a container, or ``st``) and returns the value now in the dict.
    """

    def __init__(self, ps: state.PageState, *, view: bool = False) -> None:
        self.ps = ps
        self.slot = ps.slot("view" if view else "scenario")
        self._prefix = ("view",) if view else ()
        self.view = view

    @property
    def values(self) -> dict[str, object]:
        return self.ps.view if self.view else self.ps.scn

    def key(self, name: str) -> str:
        return self.ps.key(*self._prefix, name)

    def _accepts(self, name: str, options: Sequence[object] | None) -> Callable[[object], bool]:
        if options is not None:
            allowed = tuple(options)
            return lambda v: v in allowed
        field: Field | None = None if self.view else self.ps.schema.field(name)
        if field is not None:
            return field.accepts
        return lambda v: v is not None

    def _draw(self, make: Callable[..., Any], name: str, *,
              options: Sequence[object] | None = None,
              fmt: Callable[[Any], str] | None = None,
              to_widget: Callable[[Any], Any] = _same,
              from_widget: Callable[[Any], object] = _same,
              on_change: Callback | None = None, args: tuple[object, ...] = (),
              **kw: Any) -> Any:
        values = self.values
        accepts = self._accepts(name, options)
        if options is not None and values.get(name) not in options:
            # a view whose choice went away (a plan removed): the first option
            values[name] = options[0]
        if options is not None:
            kw["options"] = options
            if fmt is not None:
                fmt = _distinct(fmt, options)
        if fmt is not None:
            kw["format_func"] = fmt
        key = self.key(name)
        state.note_widget(key)  # on the page: its section knows (ui.state.PageState.section)
        want = to_widget(values[name])
        ss = st.session_state
        shown: dict[str, str] = ss.setdefault(self.ps.slot("labels"), {})
        pushed: dict[str, object] = ss.setdefault(self.ps.slot("pushed"), {})
        label = fmt(values[name]) if fmt is not None else None
        # rule 4: a value the user changed right after a run pushed one is pushed
        # back as taken, so the browser cannot keep showing the run's
        last = pushed.pop(key, _NOTHING)
        answered = last is not _NOTHING and ss.get(key) != last
        if (key not in ss or ss[key] != want or shown.get(key) != label or answered
                or state.fresh_page()):
            ss[key] = want  # rule 1 (and rule 3: a relabelled choice is seeded again)
            pushed[key] = want
        if label is not None:
            shown[key] = label
        got = from_widget(make(
            key=key, on_change=_take,
            args=(self.slot, name, key, accepts, from_widget, on_change, args,
                  state.shown_page()), **kw))
        if not accepts(got):  # rule 3: never a stray label or a stray value
            return values[name]
        return got

    # ------------------------------------------------------------ the widgets

    def number(self, where: Any, name: str, label: str, *, step: float,
               fmt: str = "%.2f", help_key: str | None = None, **kw: Any) -> Any:
        field = self.ps.schema.field(name)
        integer = field is not None and field.kind == "int"
        kw.setdefault("width", FIELD_WIDTH)
        kw.setdefault("help", t(help_key) if help_key else None)
        return self._draw(where.number_input, name, to_widget=int if integer else float,
                          label=t(label),
                          step=int(step) if integer else step,
                          format=None if integer else fmt, **kw)

    def choice(self, where: Any, name: str, label: str, fmt: Callable[[Any], str],
               options: Sequence[object] | None = None, **kw: Any) -> Any:
        """A selectbox of codes (the field's choices unless ``options`` are given).
        A selectbox shows its labels as plain text: ``fmt`` gives them as they
        read, never markdown-escaped (a ``0\\.6%`` showed its backslash)."""
        opts = self._options(name, options)
        kw.setdefault("width", FIELD_WIDTH)
        return self._draw(where.selectbox, name, options=opts, fmt=fmt, label=t(label), **kw)

    def segmented(self, where: Any, name: str, label: str, fmt: Callable[[Any], str],
                  options: Sequence[object] | None = None, **kw: Any) -> Any:
        """A segmented control of codes, one always chosen.  Its labels are
        markdown: each is escaped here (``fmt`` gives them as they read, a
        name a user typed included), as :meth:`choice` takes them."""
        opts = self._options(name, options)
        return self._draw(where.segmented_control, name, options=opts,
                          fmt=lambda v: md_escape(fmt(v)),
                          label=t(label), required=True, **kw)

    def toggle(self, where: Any, name: str, label: str, help_key: str | None = None,
               **kw: Any) -> bool:
        """A switch; a scenario's 0/1 field is kept as an int."""
        field = None if self.view else self.ps.schema.field(name)
        from_widget: Callable[[Any], object] = (
            (lambda v: int(bool(v))) if field is not None and field.kind == "int" else bool)
        return bool(self._draw(where.toggle, name, to_widget=bool, from_widget=from_widget,
                               label=t(label), help=t(help_key) if help_key else None, **kw))

    def slider(self, where: Any, name: str, label: str, lo: int, hi: int,
               help_key: str | None = None, **kw: Any) -> Any:
        return self._draw(where.slider, name, label=t(label), min_value=lo, max_value=hi,
                          help=t(help_key) if help_key else None, **kw)

    def text(self, where: Any, name: str, label: str, **kw: Any) -> Any:
        kw.setdefault("width", FIELD_WIDTH)
        return self._draw(where.text_input, name, label=t(label), **kw)

    def _options(self, name: str, options: Sequence[object] | None) -> Sequence[object]:
        if options is not None:
            return tuple(options)
        field = None if self.view else self.ps.schema.field(name)
        if field is None or field.kind != "code":
            raise ValueError(f"{name!r} needs options: it is not a code field")
        return field.choices
