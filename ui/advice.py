"""Over-indebtedness warnings in words, and drawn on a page (issue 10).

:func:`warning_texts` turns each :class:`calc.warnings.DebtWarning` into
markdown-safe text in the user's language (pure: no Streamlit needed when the
language is given); :func:`show_warnings` draws them as one alert per
severity, most severe first.

Numbers are shown as the rest of the app shows them (:mod:`ui.fmt`): shares,
rates and the unsecured fraction as percentages to 0.01%, money in yuan to
the fen, months (numbered from 1) and counts as integers.

Example
-------
¥600 a month on ¥1,000 of income: 600 / 1,000 = 60.00%, above the CBRC's
55.00% (and the 36% and 25% lines):

>>> from calc.burden import Household, fixed_payment, timeline
>>> from calc.warnings import evaluate
>>> ws = evaluate(timeline(Household(income=1_000), [fixed_payment(600, 3, 1_800)]))
>>> w = warning_texts(ws, ["Loan"], "en")[0]
>>> w.severity, "60.00%" in w.text, "55.00%" in w.text
('danger', True, True)
>>> w.source
'Source: CBRC mortgage guideline (grade B, press or research, 2004)'
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Sequence
from dataclasses import dataclass

from calc.warnings import RULES, SEVERITIES, DebtWarning, Thresholds
from ui.fmt import md_escape, pct, yuan
from ui.i18n import CATALOG, t

__all__ = ["WarningText", "warning_texts", "show_warnings"]


@dataclass(frozen=True)
class WarningText:
    """One warning in words: its ``severity`` code (``notice``, ``caution``,
    ``danger``), what fired (``text``), the ``source`` line and the
    ``action`` line ("What you can do: ..."); all markdown-safe, and the
    source and action lines hold no square bracket."""

    severity: str
    text: str
    source: str
    action: str


# How each number in DebtWarning.values is shown, and the placeholder it fills.
_PCT_VALUES = {"share": "share", "nominal_rate": "apr", "effective_rate": "eff", "lpr": "lpr"}
_YUAN_VALUES = {"payments": "payments", "income": "income", "shortfall": "shortfall",
                "balance": "balance", "annual_income": "annual_income", "line": "limit"}
#: Thresholds that are counts (of months or obligations), read from the field
#: types of :class:`calc.warnings.Thresholds` (an ``int`` field is a count);
#: every other one is a fraction.  A list kept by hand here, once a new count
#: was forgotten in it, would show that count as "300.00%".
_COUNT_THRESHOLDS = frozenset(
    f.name for f in dataclasses.fields(Thresholds)
    if typing.get_type_hints(Thresholds)[f.name] is int)

_ICONS = {"danger": ":material/error:", "caution": ":material/warning:",
          "notice": ":material/info:"}


def _date(text: str) -> str:
    """A source's date as given (``2025-05-20``); anything else escaped."""
    return text if re.fullmatch(r"[0-9-]*", text) else md_escape(text)


def _fields(w: DebtWarning, names: Sequence[str], lang: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in w.values.items():
        if key in _PCT_VALUES:
            out[_PCT_VALUES[key]] = pct(value)
        elif key in _YUAN_VALUES:
            out[_YUAN_VALUES[key]] = yuan(value)
        else:
            out[key] = str(round(value))
    if w.threshold is not None:
        counted = RULES[w.code].threshold in _COUNT_THRESHOLDS
        out["line"] = str(round(w.threshold)) if counted else pct(w.threshold)
    if w.obligation is not None:
        name = names[w.obligation]
        out["name"] = (md_escape(name) if name.strip()
                       else t("warn.unnamed", lang, n=w.obligation + 1))
    for s in w.sources:
        if s.id == "lpr":
            out["date"] = _date(s.date)
    return out


def _source_line(w: DebtWarning, lang: str | None) -> str:
    if not w.sources:
        return t("warn.source_none", lang)
    items = [
        t("warn.source_item" if s.date else "warn.source_item_undated", lang,
          title=t(f"source.{s.id}", lang), grade=s.grade,
          grade_text=t(f"grade.{s.grade}", lang), date=_date(s.date))
        for s in w.sources
    ]
    key = "warn.source_line" if len(items) == 1 else "warn.source_line_many"
    return t(key, lang, sources=t("list.sep", lang).join(items))


def warning_texts(warnings: Sequence[DebtWarning], names: Sequence[str],
                  lang: str | None = None) -> list[WarningText]:
    """Each warning in words, in the given order.

    Parameters
    ----------
    warnings : sequence of DebtWarning
        From :func:`calc.warnings.evaluate` (or :func:`~calc.warnings.headline`).
    names : sequence of str
        The obligations' names as the user gave them, by index
        (``DebtWarning.obligation``); escaped here. An empty name reads
        "Debt 2" (its position).
    lang : str, optional
        ``"zh"`` or ``"en"``; the session's language when omitted (which
        needs a Streamlit script run).

    Returns
    -------
    list of WarningText
        The threshold fills ``{line}``; a rule that may fire without a known
        simple rate uses its ``.no_apr`` wording then.
    """
    out = []
    for w in warnings:
        fields = _fields(w, names, lang)
        key = f"warn.{w.code}"
        if "apr" not in fields and f"{key}.no_apr" in CATALOG["en"]:
            key += ".no_apr"
        if w.values.get("interest_free") == 0.0 and f"{key}.cash" in CATALOG["en"]:
            key += ".cash"  # a cash loan paid by its minimum: no interest-free period to lose
        out.append(WarningText(
            severity=w.severity,
            text=t(key, lang, **fields),
            source=_source_line(w, lang),
            action=t("warn.do_prefix", lang) + t(f"warn.{w.code}.do", lang),
        ))
    return out


def _item(w: WarningText) -> str:
    """A markdown bullet: the bold text, then the action and source lines in
    small text (markdown line breaks: two spaces before the newline)."""
    return f"- **{w.text}**  \n  :small[{w.action}]  \n  :small[{w.source}]"


def show_warnings(warnings: Sequence[DebtWarning], names: Sequence[str], *,
                  empty: bool = False) -> None:
    """Draw ``warnings`` compactly: one alert per severity present, most
    severe first (``st.error`` for danger, ``st.warning`` for caution,
    ``st.info`` for notice), each a bullet list; with ``empty`` and no
    warning, a short success line."""
    import streamlit as st

    texts = warning_texts(warnings, names)
    if not texts:
        if empty:
            st.success(t("warn.none"), icon=":material/check_circle:")
        return
    for severity in reversed(SEVERITIES):
        group = [w for w in texts if w.severity == severity]
        if not group:
            continue
        body = (f"**{t(f'warn.severity.{severity}')}**\n\n"
                + "\n".join(_item(w) for w in group))
        if severity == "danger":
            st.error(body, icon=_ICONS[severity])
        elif severity == "caution":
            st.warning(body, icon=_ICONS[severity])
        else:
            st.info(body, icon=_ICONS[severity])
