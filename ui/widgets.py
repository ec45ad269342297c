"""Input widgets bound to a page's scenario dict (see :mod:`ui.state`).

Each widget's key is ``w_<name>``; its value is written back to the scenario.
Labels are looked up in the run's language; option labels are bound to it,
so a language switch relabels options without touching their values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping, Sequence

import streamlit as st

from ui import state
from ui.codec import Schema
from ui.i18n import t

__all__ = ["Inputs", "labels", "preset_labels", "grid", "FIELD_WIDTH", "CARD_WIDTH"]

#: Width of one input in a :func:`grid`: three to a row on a laptop, one on a phone.
FIELD_WIDTH = 250
#: Width of a result card: wide enough for its note on a phone.
CARD_WIDTH = 320


def grid(align: str = "bottom"):
    """A row of inputs (or cards) that wraps to the screen's width.

    One layout block instead of a block per column (each block is a message to
    the browser on every run); inputs line up at the bottom when labels wrap.
    """
    return st.container(horizontal=True, vertical_alignment=align, gap="small")


def labels(prefix: str) -> Callable[[str], str]:
    """format_func for codes: their label in the language of this run."""
    lang = state.lang()
    return lambda code: t(f"{prefix}.{code}", lang)


def preset_labels(presets: Mapping[str, object]) -> Callable[[str], str]:
    """format_func for presets: label, evidence grade and date, in this run's language."""
    lang = state.lang()

    def label(pid: str) -> str:
        if pid == "custom":
            return t("cmp.custom", lang)
        p = presets[pid]
        return t("cmp.preset_option", lang, label=t(f"preset.{pid}", lang),
                 grade=p.grade, date=p.as_of or t("cmp.undated", lang))  # type: ignore[attr-defined]

    return label


class Inputs:
    """Widgets for one scenario: ``Inputs(scn, schema).number(col, "p", "cmp.price", ...)``."""

    def __init__(self, scn: MutableMapping[str, object], schema: Schema) -> None:
        self.scn = scn
        self.schema = schema

    def number(self, col, name: str, label: str, *, step: float, fmt: str = "%.2f",
               help_key: str | None = None, **kw) -> None:
        integer = self.schema.field(name).kind == "int"  # type: ignore[union-attr]
        kw.setdefault("width", FIELD_WIDTH)
        self.scn[name] = col.number_input(
            t(label), key=state.widget_key(self.scn, name), step=int(step) if integer else step,
            format=None if integer else fmt, help=t(help_key) if help_key else None, **kw,
        )

    def choice(self, col, name: str, label: str, options: Sequence[str],
               fmt: Callable[[str], str], **kw) -> None:
        kw.setdefault("width", FIELD_WIDTH)
        self.scn[name] = col.selectbox(t(label), options, key=state.widget_key(self.scn, name),
                                       format_func=fmt, **kw)

    def toggle(self, col, name: str, label: str, help_key: str | None = None) -> None:
        key = f"w_{name}"
        if key not in st.session_state:
            st.session_state[key] = bool(self.scn[name])
        self.scn[name] = int(col.toggle(t(label), key=key,
                                        help=t(help_key) if help_key else None))
