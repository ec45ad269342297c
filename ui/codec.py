"""Scenario <-> URL query parameters.

A scenario is a flat dict from short ASCII names to values, the same names the
link uses.  Every value is written, defaults included, with the schema
version ``v`` and the language ``lang``, so a link keeps its meaning when a
default changes.  Decoding is tolerant: each value is checked on its own, bad
or unknown ones are reported as :class:`Notice` and the rest are used.

Nothing here imports Streamlit; :mod:`ui.state` moves scenarios in and out of
the session and the address bar.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlencode

__all__ = ["Field", "Group", "Schema", "Notice", "VERSION", "LANGS", "decode", "decode_part",
           "encode", "to_query", "first_value", "pack", "unpack"]

VERSION = "1"
LANGS = ("zh", "en")
MAX_TEXT = 40
#: Longest nested link (a whole cash-line scenario is about 400 characters).
MAX_LINK = 4000
#: What a nested link may hold, unescaped: URL-unreserved characters, so a link
#: carrying one needs no escaping (``~`` separates items, ``.`` name from value).
_LINK_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~-%")


@dataclass(frozen=True)
class Field:
    """One scenario value: ``kind`` is "float", "int", "code", "text" or
    "link".

    ``label`` is the catalogue key (``ui.i18n``) of the field's name, for
    notices about a link.  ``absent`` is for a field added after links were
    shared: the value that a link without it meant (the rule the app applied
    before the field existed).  Such a link reopens as it did, with no
    notice; a field without ``absent`` that a link lacks is named in a notice
    and takes its default.

    ``sparse`` fields are written only when they differ from their default,
    and a link without one means the default: for settings most links leave
    alone (the warning thresholds a teacher may move), where the default is
    meant to follow the app's sources.

    A "link" holds another page's whole scenario (:func:`pack`), one of the
    ``nested`` schemas, chosen by its ``pg``; ``""`` is none.  Decoding checks
    it as a link of its own, and names what it ignored inside it.
    """

    kind: str
    default: object
    lo: float | None = None
    hi: float | None = None
    lo_open: bool = False
    choices: tuple[str, ...] = ()
    absent: object = None
    label: str = ""
    sparse: bool = False
    nested: tuple[Schema, ...] = ()

    def if_missing(self) -> object:
        """What a link without this field means (``None``: nothing; name it
        in a notice and take the default)."""
        return self.default if self.sparse else self.absent

    def parse(self, raw: str) -> tuple[object, str | None]:
        """(value, None), or (None, notice code) for text that is not a value
        of this kind, or (value, "out_of_range") for a value outside the
        field's bounds (the caller decides whether to keep it)."""
        if self.kind == "code":
            return (raw, None) if raw in self.choices else (None, "bad_value")
        if self.kind == "link":
            return (raw, None) if self.accepts(raw) else (None, "bad_value")
        if self.kind == "text":
            if len(raw) > MAX_TEXT or any(ord(c) < 32 for c in raw):
                return None, "bad_value"
            return raw, None
        try:
            x = float(raw)
        except ValueError:
            return None, "bad_value"
        if not math.isfinite(x):
            return None, "bad_value"
        if self.kind == "int":
            if x != int(x):
                return None, "bad_value"
            x = int(x)
        if self.lo is not None and (x <= self.lo if self.lo_open else x < self.lo):
            return x, "out_of_range"
        if self.hi is not None and x > self.hi:
            return x, "out_of_range"
        return x, None

    def accepts(self, value: object) -> bool:
        """Whether ``value`` can stand in a scenario for this field: a finite
        number (an integral one for "int"), one of the codes, or a short text
        without control characters.  Bounds are not checked: a value out of
        range is kept as the user typed it and calc explains what is wrong.
        """
        if self.kind == "code":
            return isinstance(value, str) and value in self.choices
        if self.kind == "link":
            return (isinstance(value, str) and len(value) <= MAX_LINK
                    and _LINK_CHARS.issuperset(value))
        if self.kind == "text":
            return (isinstance(value, str) and len(value) <= MAX_TEXT
                    and not any(ord(c) < 32 for c in value))
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        if not math.isfinite(value):
            return False
        return isinstance(value, int) if self.kind == "int" else True

    def format(self, value: object) -> str:
        if self.kind == "float" and isinstance(value, (int, float)):
            text = repr(float(value))  # shortest text that reads back exactly
            return text[:-2] if text.endswith(".0") else text
        if self.kind == "int" and isinstance(value, (int, float)):
            return str(int(value))
        return str(value)


@dataclass(frozen=True)
class Group:
    """Indexed fields (``stem`` + 1..``most``) for the first ``count`` items,
    ``count`` being a shared int field: a comparison's plans, a line's draws."""

    count: str
    most: int
    fields: Mapping[str, Field]
    defaults: tuple[Mapping[str, object], ...] = ()  # item i of the default scenario
    item: str = ""  # catalogue key naming item {n} ("Plan {n}"), for notices

    def item_default(self, i: int) -> dict[str, object]:
        """Item ``i`` of the default scenario (blank past the given defaults)."""
        base = {k: f.default for k, f in self.fields.items()}
        if i <= len(self.defaults):
            base.update(self.defaults[i - 1])
        return {f"{k}{i}": v for k, v in base.items()}

    def count_in(self, scn: Mapping[str, object]) -> int:
        """How many items scenario ``scn`` has (its count field, an int)."""
        n = scn[self.count]
        assert isinstance(n, int), (self.count, n)
        return n

    def blank(self, i: int) -> dict[str, object]:
        return {f"{k}{i}": f.default for k, f in self.fields.items()}

    def names(self, i: int) -> list[str]:
        return [f"{k}{i}" for k in self.fields]


@dataclass(frozen=True)
class Schema:
    """Fields of one page: ``shared`` once, then each group's indexed items.

    ``page`` is the page's identity: written to links as ``pg`` (so a link
    opens the page it was made for) and the root of every session-state key
    the page owns (:class:`ui.state.PageState`).  Names are ASCII letters and
    digits, so ``<page>-<name>`` keys never meet the ``-view-``, ``-do-`` and
    ``-el-`` keys.

    ``parts`` are schemas of values every page's link carries beside the
    page's own (the household): shared fields only, each ``sparse`` or with
    an ``absent`` value, names apart from the page's.  :func:`decode` leaves
    their parameters to :func:`decode_part`; :func:`encode` writes them from
    the same mapping as the page's values.
    """

    page: str
    shared: Mapping[str, Field]
    groups: tuple[Group, ...] = ()
    parts: tuple[Schema, ...] = ()

    def __post_init__(self) -> None:
        names = [*self.shared] + [stem for g in self.groups for stem in g.fields]
        for name in [self.page, *names]:
            if not (name.isascii() and name.isalnum()):
                raise ValueError(f"schema name {name!r} must be ASCII letters and digits")
        for part in self.parts:
            if part.groups or part.parts:
                raise ValueError(f"part {part.page!r} may only have shared fields")
            for name, f in part.shared.items():
                if f.if_missing() is None:
                    raise ValueError(f"part field {name!r} must be sparse or have `absent`")
                if name in names:
                    raise ValueError(f"part field {name!r} is also a field of {self.page!r}")

    def part_names(self) -> set[str]:
        """The parameters this page's link carries for its parts."""
        return {name for part in self.parts for name in part.shared}

    def names(self, scn: Mapping[str, object]) -> list[str]:
        """Every field name of scenario ``scn`` (its groups' counts as they stand)."""
        out = list(self.shared)
        for g in self.groups:
            for i in range(1, g.count_in(scn) + 1):
                out += g.names(i)
        return out

    def defaults(self) -> dict[str, object]:
        scn = {k: f.default for k, f in self.shared.items()}
        for g in self.groups:
            for i in range(1, g.count_in(scn) + 1):
                scn.update(g.item_default(i))
        return scn

    def field(self, name: str) -> Field | None:
        found = self.locate(name)
        return found[0] if found else None

    def locate(self, name: str) -> tuple[Field, Group | None, int] | None:
        """The field ``name`` is, with its group and item number (``None``, 0
        for a shared field or a part's); ``None`` for a name the schema does
        not have."""
        if name in self.shared:
            return self.shared[name], None, 0
        for part in self.parts:
            if name in part.shared:
                return part.shared[name], None, 0
        stem = name.rstrip("0123456789")
        index = name[len(stem):]
        for g in self.groups:
            if stem in g.fields and index.isdigit() and 1 <= int(index) <= g.most:
                return g.fields[stem], g, int(index)
        return None


@dataclass(frozen=True)
class Notice:
    """What decoding ignored or filled in: ``code`` is one of ``unknown_param``,
    ``bad_value``, ``out_of_range``, ``missing``, ``bad_version``, or
    ``unknown_page`` (the link's ``pg`` names no page); ``param`` and
    ``raw`` are link text (display them only as plain text)."""

    code: str
    param: str
    raw: str = ""


def _write(out: dict[str, str], name: str, f: Field, value: object) -> None:
    if not (f.sparse and value == f.default):
        out[name] = f.format(value)


def encode(schema: Schema, scn: Mapping[str, object], lang: str) -> dict[str, str]:
    """Every value of the scenario, defaults included (``sparse`` fields only
    when changed), plus ``v``, ``lang`` and ``pg``; then the values of the
    schema's parts that ``scn`` holds."""
    out = {"v": VERSION, "lang": lang, "pg": schema.page}
    for name, f in schema.shared.items():
        _write(out, name, f, scn[name])
    for g in schema.groups:
        for i in range(1, g.count_in(scn) + 1):
            for stem, f in g.fields.items():
                _write(out, f"{stem}{i}", f, scn[f"{stem}{i}"])
    for part in schema.parts:
        for name, f in part.shared.items():
            if name in scn:
                _write(out, name, f, scn[name])
    return out


def pack(schema: Schema, scn: Mapping[str, object]) -> str:
    """A scenario of ``schema`` as one link value: ``name.value`` items joined
    by ``~``, values percent-escaped (a plan's name may be any text), without
    the language.

    >>> s = Schema("x", {"a": Field("float", 1.5), "b": Field("text", "")})
    >>> pack(s, {"a": 2.0, "b": "花 ~"})
    'v.1~pg.x~a.2~b.%E8%8A%B1%20%7E'
    >>> unpack(pack(s, {"a": 2.0, "b": "花 ~"}))
    {'v': '1', 'pg': 'x', 'a': '2', 'b': '花 ~'}
    """
    params = encode(schema, scn, "")
    params.pop("lang")
    return "~".join(f"{k}.{quote(v, safe='').replace('~', '%7E')}" for k, v in params.items())


def unpack(text: str) -> dict[str, str]:
    """The parameters of a nested link (:func:`pack`); an item without a
    ``.`` is a name with an empty value."""
    out: dict[str, str] = {}
    for item in text.split("~") if text else ():
        name, _, value = item.partition(".")
        out[name] = unquote(value)
    return out


def to_query(params: Mapping[str, str]) -> str:
    return urlencode(params)


def first_value(raw: object) -> str:
    """One query value: the last of a repeated parameter, as text."""
    if isinstance(raw, (list, tuple)):
        return str(raw[-1]) if raw else ""
    return str(raw)


def decode(
    schema: Schema, params: Mapping[str, object]
) -> tuple[dict[str, object], str | None, list[Notice]]:
    """(scenario, lang or None, notices) from query parameters.

    A query with no scenario in it (empty, or only ``lang``) gives the defaults
    and no notices.  Otherwise every value that is missing, unknown or
    malformed is listed once and replaced by its default.  A well-formed value
    outside its field's bounds is kept as it is, so a link reopens exactly
    what was entered and the page explains what is wrong with it, as it did
    for whoever made the link; only a group's count, which decides how many
    items there are, must be within its bounds.

    The parameters of the schema's parts are left for :func:`decode_part`;
    a "link" field's nested scenario is decoded as a link of its own, its
    notices named ``<field>.<param>``.
    """
    scn = schema.defaults()
    notices: list[Notice] = []
    raw = {str(k): first_value(v) for k, v in params.items()}
    for reserved in ("embed", "embed_options", *schema.part_names()):
        raw.pop(reserved, None)
    lang = raw.pop("lang", None)
    if lang is not None and lang not in LANGS:
        notices.append(Notice("bad_value", "lang", lang))
        lang = None
    page = raw.pop("pg", None)
    if not raw or (page is not None and page != schema.page):
        # no scenario in the link (at most a language), or another page's: the defaults
        return scn, lang, notices
    version = raw.pop("v", None)
    if version != VERSION:
        notices.append(Notice("bad_version", "v", version or ""))

    counts = {g.count for g in schema.groups}

    def take(name: str, f: Field) -> None:
        if name not in raw:
            if f.if_missing() is not None:
                scn[name] = f.if_missing()  # a link from before the field, or a sparse one
            else:
                notices.append(Notice("missing", name))
            return
        value, problem = f.parse(raw.pop(name))
        if problem == "out_of_range" and name not in counts:
            problem = None
        if not problem and f.nested and value:
            value, problem = _nested(f, name, str(value), notices)
        if problem:
            notices.append(Notice(problem, name, first_value(params[name])))
        else:
            scn[name] = value

    for name, f in schema.shared.items():
        take(name, f)
    for g in schema.groups:
        count = g.count_in(scn)
        for i in range(1, g.most + 1):
            for name in g.names(i):
                scn.pop(name, None)
        for i in range(1, count + 1):
            scn.update(g.item_default(i))  # what the link leaves out: the default
            for stem, f in g.fields.items():
                take(f"{stem}{i}", f)
    for name in raw:
        notices.append(Notice("unknown_param", name, raw[name]))
    return scn, lang, notices


def _nested(f: Field, name: str, text: str,
            notices: list[Notice]) -> tuple[object, str | None]:
    """A link field's nested scenario, decoded and packed again (its notices
    added as ``<name>.<param>``); ``bad_value`` when it names no schema."""
    inner = unpack(text)
    schema = next((s for s in f.nested if s.page == inner.get("pg")), None)
    if schema is None:
        return None, "bad_value"
    scn, _, found = decode(schema, inner)
    notices += [Notice(n.code, f"{name}.{n.param}", n.raw) for n in found]
    return pack(schema, scn), None


def decode_part(
    part: Schema, params: Mapping[str, object]
) -> tuple[dict[str, object], list[Notice]]:
    """(values, notices) of a part (:attr:`Schema.parts`) from a link to any
    page: a value the link lacks takes :meth:`Field.if_missing`; only the
    part's own values are checked, the rest is the page's business.

    >>> part = Schema("hh", {"hi": Field("float", 0.0, 0.0, sparse=True)})
    >>> decode_part(part, {"pg": "cmp", "p": "3999", "hi": "6000"})
    ({'hi': 6000.0}, [])
    >>> decode_part(part, {"hi": "lots"})
    ({'hi': 0.0}, [Notice(code='bad_value', param='hi', raw='lots')])
    """
    scn: dict[str, object] = {}
    notices: list[Notice] = []
    for name, f in part.shared.items():
        scn[name] = f.if_missing()
        if name in params:
            raw = first_value(params[name])
            value, problem = f.parse(raw)
            if problem in (None, "out_of_range"):
                scn[name] = value  # out of range: kept, and the page explains it
            else:
                notices.append(Notice(problem, name, raw))
    return scn, notices
