"""User-facing text in every language found, and its lookup.

Every string the app shows comes from :data:`CATALOG`, read once per process
from the gettext catalogues ``locale/<lang>/LC_MESSAGES/messages.po``
(:mod:`ui.catalogs`: key-based, read with Babel at import, no compile step);
code, links and tests use stable ASCII keys and codes.  ``tests/test_i18n.py``
fails if a language lacks a key another has, or a placeholder differs.

A key the language lacks (or left untranslated) is shown as gettext would
show it through a fallback chain (``add_fallback``) and then the bare msgid:
in English, else Chinese, else as the key itself, and logged once per key,
so a user still reads the page.
With the environment variable ``I18N_STRICT`` set (``conftest.py`` sets it
for every test, the browser tests' app servers included) it renders as
``⟦key⟧`` instead, with no fallback, so a page test that looks for ``⟦``
names it.  A marker rather than an exception: a raise inside a page script
would show as an exception box far from the text, where the marker stands
where the text should be and says which key.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable

from calc.errors import CalcError
from ui.catalogs import load, placeholders
from ui.codec import LANGS, Notice, Schema
from ui.fmt import md_escape, pct, yuan
from ui.query_limit import MAX_FIELDS

__all__ = ["CATALOG", "t", "error_text", "notice_lines", "show_notices", "field_label",
           "placeholders", "language_name", "MISSING", "STRICT_ENV"]

MISSING = "⟦{}⟧"
#: Set (to anything but "" or "0") in tests: a missing key renders as ``⟦key⟧``.
STRICT_ENV = "I18N_STRICT"

#: Language -> key -> text, every language of :data:`ui.codec.LANGS`; loaded
#: once, at import (module state: the lookups are plain dict reads).
CATALOG: dict[str, dict[str, str]] = load()
assert tuple(CATALOG) == LANGS, (tuple(CATALOG), LANGS)

#: Where a missing key's text is looked for next: English, Chinese, the rest.
_FALLBACK = tuple(dict.fromkeys(c for c in ("en", "zh", *LANGS) if c in LANGS))
_log = logging.getLogger(__name__)
_LOGGED: set[str] = set()

# How each calc field's numbers are shown in messages (calc units: fractions, yuan).
_FIELD_UNITS = {
    "price": "yuan", "down_payment": "yuan", "upfront_fee": "yuan",
    "cash_discount": "pct", "savings_yield": "pct", "fee_rate": "pct", "rate": "pct",
    "penalty_rate": "pct", "first_payment": "yuan", "fee_yuan": "yuan",
    "cash_discount_yuan": "yuan",
    "limit": "yuan", "draw_amount": "yuan", "fee_min": "yuan", "min_floor": "yuan",
    "fixed_payment": "yuan", "late_fee_min": "yuan", "rollover_limit": "yuan",
    "rollover_fee_min": "yuan", "repayment_amount": "yuan",
    "draw_fee_rate": "pct", "min_rate": "pct", "late_fee_rate": "pct", "rollover_fee_rate": "pct",
    "rollover_rate": "pct",
    "income": "yuan", "essentials": "yuan", "existing_payments": "yuan", "payment": "yuan",
    "balance": "yuan", "share_pressure": "pct", "share_high": "pct", "share_limit": "pct",
    "rate_line": "pct", "lpr": "pct", "unsecured_fraction": "pct",
}


def _lang() -> str:
    from ui.state import lang

    return lang()


def t(key: str, lang: str | None = None, **values: object) -> str:
    """The text for ``key`` in the current (or given) language, formatted
    (``str.format`` with ``values``; with none, the text as it stands).

    >>> t("cmp.plan_n", "en", n=2)
    'Plan 2'
    """
    text = CATALOG[lang or _lang()].get(key)
    if text is None:
        text = _missing(key, lang or _lang())
        if text is None:
            return MISSING.format(key) if _strict() else key
    return text.format(**values) if values else text


def _strict() -> bool:
    return os.environ.get(STRICT_ENV, "").strip() not in ("", "0")


def _missing(key: str, lang: str) -> str | None:
    """A key ``lang`` lacks: the first language of :data:`_FALLBACK` that has
    it, logged once per key; None in strict mode (tests), or if none has it."""
    if _strict():
        return None
    text = next((CATALOG[c][key] for c in _FALLBACK if key in CATALOG[c]), None)
    if key not in _LOGGED:
        _LOGGED.add(key)
        _log.warning("catalogue %r lacks %r; shown %s", lang, key,
                     "in another language" if text is not None else "as the key")
    return text


def language_name(code: str) -> str:
    """A language's own name (its catalogue's ``lang.name``), for the switch.

    >>> [language_name(c) for c in ("zh", "en")]
    ['中文', 'English']
    """
    return CATALOG[code].get("lang.name") or code


def _show(field: str, value: object) -> str:
    unit = _FIELD_UNITS.get(field)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if unit == "yuan":
            return yuan(float(value))
        if unit == "pct":
            return pct(float(value))
        return f"{value:g}" if isinstance(value, float) else str(value)
    return md_escape(value)


#: A value this far from zero is named by the bound it breaks ("too large: at
#: most ¥100,000,000.00"), not digit by digit: no bound of the app is near it,
#: and ``?p=1e308`` printed a 309-digit amount.
HUGE = 1e12


def error_text(err: CalcError, lang: str | None = None) -> str:
    """A calc error in the user's language, bounds in the field's own units;
    a value out of range by :data:`HUGE` or more is "too large" (or "too
    small") with the bound, without its digits.

    >>> from calc.errors import InputError
    >>> error_text(InputError("out_of_range", field="price", got=1e308, min=0.0,
    ...                       max=1e8, min_open=True), "en")
    'The price is too large: it must be at most ¥100,000,000.00.'
    >>> error_text(InputError("out_of_range", field="start", got=0, min=1, max=120), "en")
    'The start month must be between 1 and 120 (it is 0).'
    """
    p = err.params
    field = str(p.get("field", ""))
    name = t(f"field.{field}", lang) if f"field.{field}" in CATALOG["en"] else md_escape(field)
    if err.code == "out_of_range":
        got = p.get("got")
        if isinstance(got, (int, float)) and not isinstance(got, bool) and abs(got) >= HUGE:
            # far out (a link's 1e308): the bound, not a 309-digit amount
            high = got > 0
            key = "err.too_large" if high else "err.too_small"
            if p.get("max_open" if high else "min_open"):
                key += "_open"
            return t(key, lang, field=name, min=_show(field, p.get("min")),
                     max=_show(field, p.get("max")))
        key = "err.range_min_open" if p.get("min_open") else (
            "err.range_max_open" if p.get("max_open") else "err.range")
        return t(key, lang, field=name, min=_show(field, p.get("min")),
                 max=_show(field, p.get("max")), got=_show(field, got))
    if err.code in ("not_a_number", "not_integer", "unknown_code"):
        return t(f"err.{err.code}", lang, field=name, got=_show(field, p.get("got")))
    return t(f"err.{err.code}", lang, field=name)


#: At most this many missing values are named; the rest are counted.
_MAX_NAMED = 6


def field_label(schema: Schema | None, name: str, lang: str | None = None) -> str:
    """What a link parameter is, in words: its field's label, with the item it
    belongs to ("Fee (Plan 2)"); the code itself when the schema has no label."""
    outer, _, inner = name.partition(".")
    found = schema.locate(outer) if schema is not None else None
    if found is None or not found[0].label:
        return md_escape(name)
    f, group, i = found
    label = t(f.label, lang)
    if inner:  # a value inside a nested scenario ("bq2.n1"): its own label, then the item
        inner_label = md_escape(inner)
        for nested in f.nested:
            got = nested.locate(inner)
            if got is not None and got[0].label:
                inner_label = t(got[0].label, lang)
                break
        label = inner_label
    if group is not None and group.item:
        return t("notice.of_item", lang, label=label, item=t(group.item, lang, n=i))
    return label


def notice_lines(notices: Iterable[Notice], lang: str | None = None,
                 schema: Schema | None = None) -> list[str]:
    """One markdown-safe line per ignored value; the missing ones named in
    words (``schema``'s labels) in one line, the first few by name."""
    lines, missing = [], []
    unversioned: Notice | None = None
    per_code: dict[str, int] = {}
    for n in notices:
        if n.code == "missing":
            missing.append(field_label(schema, n.param, lang))
        elif n.code == "no_version":
            unversioned = n
        else:
            # a few lines per kind, then a count: a link of 990 unknown
            # parameters once made a 992-line notice
            per_code[n.code] = per_code.get(n.code, 0) + 1
            if n.code == "too_many_params":  # the whole link unread (ui.query_limit)
                lines.append(t("notice.too_many_params", lang, n=f"{int(n.raw):,}",
                               max=f"{MAX_FIELDS:,}"))
            elif per_code[n.code] <= _MAX_NAMED:
                lines.append(t(f"notice.{n.code}", lang,
                               param=field_label(schema, n.param, lang),
                               raw=md_escape(n.raw[:60])))
    lines += [t("notice.more", lang, n=count - _MAX_NAMED)
              for count in per_code.values() if count > _MAX_NAMED]
    if unversioned is not None:
        # a link typed by hand: say what it gave when that is shorter than what it left out
        given = [field_label(schema, name, lang) for name in unversioned.raw.split(",") if name]
        if given and len(given) <= _MAX_NAMED < len(missing):
            lines.insert(0, t("notice.no_version_given", lang, given=t("list.sep", lang).join(
                given), n=len(missing)))
            missing = []
        else:
            lines.insert(0, t("notice.no_version", lang))
    if missing:
        named = t("list.sep", lang).join(missing[:_MAX_NAMED])
        if len(missing) > _MAX_NAMED:
            named += t("notice.and_more", lang, n=len(missing) - _MAX_NAMED)
        lines.append(t("notice.missing", lang, params=named))
    return lines


def show_notices(notices: list[Notice], schema: Schema | None = None) -> None:
    """A short notice naming, in words, what a link's decoding ignored."""
    import streamlit as st

    lines = notice_lines(notices, schema=schema)
    if lines:
        st.warning(t("notice.title") + "\n\n" + "\n".join(f"- {line}" for line in lines),
                   icon=":material/link:")

