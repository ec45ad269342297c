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

import base64
import math
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote, urlencode

from ui.catalogs import LANGS

__all__ = ["Field", "Group", "Schema", "Notice", "VERSION", "VERSIONS", "LANGS", "decode",
           "decode_part", "encode", "to_query", "first_value", "pack", "unpack", "shorten",
           "expand", "READABLE", "MAX_EXPANDED", "ZDICT", "MAX_INT", "KEPT"]

VERSION = "1"
#: Link versions the app has written.  A field's ``absent`` value stands for
#: what a link of one of these versions meant by leaving it out (it was made
#: before the field existed).  A link without a version (typed by hand: the
#: app always writes one) or of an unknown one takes today's defaults for
#: what it leaves out, each named in a notice.
VERSIONS = ("1",)
# LANGS (a link's ``lang``): the languages whose catalogue ui.catalogs finds, Chinese
# first, then English (the two every link written so far carries), then the others.
#: Link parameters the app's shell reads (``ui.state``: the classroom mode and
#: lesson), not a page's scenario: a page's decoding leaves them alone.
SHELL_PARAMS = ("mode", "lesson")
MAX_TEXT = 40
#: The largest whole number a link's int field holds: 2**53 - 1, the last one
#: a float (and the browser's number input, a JavaScript number) holds exactly.
MAX_INT = 2**53 - 1
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
    before the field existed).  Such a link, of a version the app wrote
    (:data:`VERSIONS`), reopens as it did, with no notice; a field without
    ``absent`` that a link lacks, or any field a link without a version
    lacks (typed by hand), is named in a notice and takes today's default.

    ``sparse`` fields are written only when they differ from their default,
    and a link without one means the default: for settings most links leave
    alone (the warning thresholds a teacher may move), where the default is
    meant to follow the app's sources.

    A "link" holds another page's whole scenario (:func:`pack`), one of the
    ``nested`` schemas, chosen by its ``pg``; ``""`` is none.  Decoding checks
    it as a link of its own, and names what it ignored inside it.

    A ``switch`` (an "int" field of 0 and 1, drawn as a toggle) takes no
    other value: ``ifr=5`` is no position of a switch, and kept as out of
    range it read as on (``bool(5)``), with nothing on the page to say so; it
    is refused with a notice, as a malformed value is.
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
    switch: bool = False

    def if_missing(self, versioned: bool = True) -> object:
        """What a link without this field means (``None``: nothing; name it
        in a notice and take the default).  ``versioned``: the link is of a
        version the app wrote; one without (typed by hand) means today's
        default by leaving a field out, so only a sparse field is silent."""
        if self.sparse:
            return self.default
        return self.absent if versioned else None

    def parse(self, raw: str) -> tuple[object, str | None]:
        """(value, None), or (None, notice code) for text that is not a value
        of this kind, or (value, "out_of_range") for a value outside the
        field's bounds (the caller decides whether to keep it).  A whole
        number beyond :data:`MAX_INT` is (None, "out_of_range"): read
        through a float it is no longer the number written (``1e308`` came
        back as 309 digits, most of them not in the link), and a browser's
        number input cannot hold it, so it is never kept.

        A switch's value other than 0 or 1 is (None, "bad_value").

        >>> Field("int", 0, 0, 10).parse("11"), Field("int", 0, 0, 10).parse("1e19")
        ((11, 'out_of_range'), (None, 'out_of_range'))
        >>> Field("int", 0, 0, 1, switch=True).parse("5")
        (None, 'bad_value')
        """
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
            if abs(x) > MAX_INT:
                return None, "out_of_range"  # not held exactly: never kept
            x = int(x)
            if self.switch and x not in (0, 1):
                return None, "bad_value"
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
        if self.switch:
            return isinstance(value, int) and value in (0, 1)
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

    def trim(self, scn: dict[str, object]) -> list[str]:
        """Drop from ``scn`` each group item past its group's count, as a
        callback that lowered the count (a preset setting one repayment
        where three were) leaves them; the names dropped, in order.

        >>> s = Schema("x", {"n": Field("int", 0, lo=0)},
        ...            (Group("n", 3, {"d": Field("int", 30, lo=1)}),))
        >>> scn = {"n": 1, "d1": 30, "d2": 45, "d3": 60}
        >>> s.trim(scn), scn
        (['d2', 'd3'], {'n': 1, 'd1': 30})
        """
        gone = [name for g in self.groups
                for i in range(g.count_in(scn) + 1, g.most + 1)
                for name in g.names(i) if name in scn]
        for name in gone:
            del scn[name]
        return gone

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
    ``bad_value``, ``out_of_range`` (dropped), :data:`KEPT` (kept out of
    range), ``missing``, ``bad_version`` (a version
    the app never wrote), ``no_version`` (a link without one: read as
    today's), or ``unknown_page`` (the link's ``pg`` names no page);
    ``param`` and ``raw`` are link text (display them only as plain text)."""

    code: str
    param: str
    raw: str = ""


#: The notice of a value kept out of its field's bounds (:func:`decode`):
#: the link reopens as it was, and says so, since a value the page does not
#: use under the scenario's other terms (a late payment's days when there is
#: none) is checked by nothing else.
KEPT = "kept_out_of_range"


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
    items there are, must be within its bounds, and a whole number must be
    one a float holds exactly (:data:`MAX_INT`).  A value kept out of its
    bounds is checked by whatever is sized by it before it is sized (calc's
    checks, ``ui.scenarios.budget``'s start month), and
    ``tests/test_hostile_fields.py`` holds every field to that.

    The parameters of the schema's parts are left for :func:`decode_part`;
    a "link" field's nested scenario is decoded as a link of its own, its
    notices named ``<field>.<param>``.
    """
    scn = schema.defaults()
    notices: list[Notice] = []
    raw = {str(k): first_value(v) for k, v in params.items()}
    for reserved in ("embed", "embed_options", *SHELL_PARAMS, *schema.part_names()):
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
    versioned = version in VERSIONS
    if not version:  # typed by hand, or cut short: today's version and defaults
        # named by the values it gives (what it leaves out takes today's defaults)
        notices.append(Notice("no_version", "v",
                              ",".join(k for k in raw if schema.locate(k) is not None)))
    elif not versioned:
        notices.append(Notice("bad_version", "v", version))

    counts = {g.count for g in schema.groups}

    def take(name: str, f: Field) -> None:
        if name not in raw:
            if f.if_missing(versioned) is not None:
                # a link of a version from before the field, or a sparse field
                scn[name] = f.if_missing(versioned)
            else:
                notices.append(Notice("missing", name))
            return
        value, problem = f.parse(raw.pop(name))
        if (problem == "out_of_range" and name not in counts and not f.switch
                and value is not None):
            notices.append(Notice(KEPT, name, first_value(params[name])))
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
            if problem == "out_of_range" and value is not None and not f.switch:
                notices.append(Notice(KEPT, name, raw))  # kept, and named
                problem = None
            if problem is None:
                scn[name] = value
            else:
                notices.append(Notice(problem, name, raw))
    return scn, notices


# ------------------------------------------------------------------ short links

#: Parameters a short link keeps readable beside its ``z``: the language, which
#: the shell reads from the address bar before any page runs
#: (``ui.state.init_lang``) and which a teacher may change by hand (``lang=en``
#: on a link made in Chinese), and Streamlit's ``embed`` options, which the
#: browser reads, not the script.  Eight characters for ``lang=zh&``.
READABLE = ("lang", "embed", "embed_options")
#: The longest query text a ``z`` may expand to.  The longest link the app
#: writes (a budget of eight obligations, four of them whole cash lines, every
#: name forty Chinese characters) is about 8.3 KB; a hand-made ``z`` that
#: inflates past this is refused before more is inflated, so a zip bomb
#: costs the server at most this much memory.
MAX_EXPANDED = 16 * 1024
#: Longest ``z`` text read: base64 of a compressed query no longer than
#: :data:`MAX_EXPANDED` is shorter; a longer one is refused before decoding.
_MAX_Z = 2 * MAX_EXPANDED
#: As many parameters as Streamlit's server takes in one query.
_MAX_FIELDS = 1000
_Z_TEXT = re.compile(r"[A-Za-z0-9_-]*")

#: The preset dictionary of short links (zlib's ``zdict``): text the links
#: repeat (the codes, the default scenario of each page, a budget's nested
#: terms), so a link near the defaults compresses to a few bytes: the default
#: comparison link to 23 characters of ``z`` instead of 240 without it.
#: It is part of the link format: a ``z`` names its dictionary by its Adler-32
#: (zlib's DICTID), so **never edit this one**: add a new one to ``_ZDICTS``
#: and compress with that; old links keep reading with theirs.  It need not
#: follow the schemas: a changed default only compresses a little less.
ZDICT = (
    b"custom teach_06x12 huabei_3 huabei_6 huabei_free baitiao_12_low baitiao_12_high ccb_3 "
    b"ccb_12 icbc_12_upfront xiaomi_12_legacy xiaomi_24_free suixingjie_low suixingjie_high "
    b"card_cash card_revolve equal_principal interest_only flexible revolving free "
    b"period_yuan total_yuan payment waive penalty first minimum fixed cmb "
    b"balance_plus_interest balance_before_interest monthly annual &mode=class&mode=student&"
    b"lesson=&hi=6000&he=2500&hx=300&wp=25&wh=36&wl=55&wm=3&ww=6&wr=24&wlp=3&wld=2025-05-20&"
    b"wc=3&wn=2&wu=33&a2=5000&t2=30&rd1=30&ra1=1000&v=1&pg=bud&nb=3&bn1=&bq1=v.1~pg.cmp~"
    b"p.3999~d.0~y.0~np.1~ps1.huabei_12~nm1.~k1.addon~n1.12~fm1.total~f1.8.8~fr1.total~fi1.0~"
    b"t1.spread~r1.0~u1.annual~dp1.0~uf1.0~fd1.30~er1.charge~pp1.0~ek1.0&bs1=1&ba1=500&bm1=12&"
    b"bb1=0&br1=0&bn2=&bq2=v.1~pg.cash~ps.weilidai~L.200000~r.0.05~u.daily~fp.0~fm.0~ifr.0~"
    b"co.none~nd.1~m.equal_payment~tm.12~nr.0~pr.full~mr.statement~mp.10~mf.100~fx.1000~lm.0~"
    b"ld.30~gd.3~om.1.5~lf.5~lfm.10~ro.0~rl.50000~rr.0.05~ru.daily~rf.0~rfm.0~cp.huabei_12~"
    b"a1.10000~t1.0&bs2=1&ba2=500&bm2=12&bb2=0&br2=0&bn3=&bq3=&bs3=1&ba3=500&bm3=12&bb3=0&"
    b"br3=0&v=1&pg=cash&ps=weilidai&L=200000&r=0.05&u=daily&fp=0&fm=0&ifr=0&co=none&nd=1&"
    b"m=equal_payment&tm=12&nr=0&pr=full&mr=statement&mp=10&mf=100&fx=1000&lm=0&ld=30&gd=3&"
    b"om=1.5&lf=5&lfm=10&ro=0&rl=50000&rr=0.05&ru=daily&rf=0&rfm=0&cp=huabei_12&a1=10000&t1=0&"
    b"v=1&pg=cmp&p=3999&d=0&y=0&np=2&ps1=huabei_12&nm1=&k1=addon&n1=12&fm1=total&f1=8.8&"
    b"fr1=total&fi1=0&t1=spread&r1=0&u1=annual&dp1=0&uf1=0&fd1=30&er1=charge&pp1=0&ek1=0&"
    b"ps2=ccb_24&nm2=&k2=addon&n2=24&fm2=period&f2=0.62&fr2=period&fi2=0&t2=spread&r2=0&"
    b"u2=annual&dp2=0&uf2=0&fd2=30&er2=charge&pp2=0&ek2=0"
)
#: The dictionary short links are made with since issue 19 added a comparison's
#: discount unit (``du``), fee entry (``fe``) and discount kept (``kd``):
#: :data:`ZDICT` with the comparison's link and nested plan as they are written
#: now.  Frozen like it (never edit this expression): links name it by its Adler-32.
ZDICT_2 = ZDICT.replace(
    b"fr1=total&fi1=0&t1=spread", b"fr1=total&fi1=0&fe1=fixed&kd1=no&t1=spread").replace(
    b"fr2=period&fi2=0&t2=spread", b"fr2=period&fi2=0&fe2=fixed&kd2=no&t2=spread").replace(
    b"p=3999&d=0&y=0", b"p=3999&d=0&du=pct&y=0").replace(
    b"p.3999~d.0~y.0", b"p.3999~d.0~du.pct~y.0").replace(
    b"fr1.total~fi1.0~t1.spread", b"fr1.total~fi1.0~fe1.fixed~kd1.no~t1.spread")
_ZDICTS = {zlib.adler32(ZDICT): ZDICT, zlib.adler32(ZDICT_2): ZDICT_2}


def shorten(params: Mapping[str, str]) -> dict[str, str]:
    """The short form of a link: its parameters as one ``z``, the query text
    (:func:`to_query`) compressed by zlib with the preset dictionary
    :data:`ZDICT`, in base64url without padding; the :data:`READABLE` ones
    stay beside it.  Stateless: any server replica reads it back
    (:func:`expand`).  A query longer than :data:`MAX_EXPANDED` is returned
    as it is, since :func:`expand` would refuse it.  ``params`` may not hold
    a ``z`` of its own (ValueError).

    >>> link = {"v": "1", "lang": "en", "pg": "cmp", "p": "3999", "np": "2"}
    >>> short = shorten(link)
    >>> list(short), len(short["z"]) < len(to_query(link))
    (['lang', 'z'], True)
    >>> expand(short)
    ({'lang': 'en', 'v': '1', 'pg': 'cmp', 'p': '3999', 'np': '2'}, [])
    >>> expand(short)[0] == link
    True
    """
    if "z" in params:
        raise ValueError("a link to shorten may not hold a z parameter")
    kept = {k: v for k, v in params.items() if k in READABLE}
    query = to_query({k: v for k, v in params.items() if k not in READABLE}).encode("ascii")
    if len(query) > MAX_EXPANDED:
        return dict(params)
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS, 9, zlib.Z_DEFAULT_STRATEGY,
                              ZDICT_2)
    data = packer.compress(query) + packer.flush()
    return {**kept, "z": base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")}


def expand(params: Mapping[str, str]) -> tuple[dict[str, str], list[Notice]]:
    """(parameters, notices): a link's ``z`` (:func:`shorten`) replaced, in
    its place, by the parameters it holds.  A parameter beside ``z`` wins
    over the same one inside it: it is what a reader added or changed by
    hand (``lang=en`` on a short link made in Chinese).  A link without
    ``z`` is returned as it is.

    A ``z`` that cannot be read (not base64url, not a zlib stream with a
    known dictionary, more than :data:`MAX_EXPANDED` once inflated, or not
    a query) is left out, the other parameters kept, with a notice
    ``bad_value`` naming its first 100 characters; this never raises.  A
    ``z`` inside a ``z`` is dropped: a link expands once.

    >>> expand({"lang": "en", "z": shorten({"pg": "cash", "lang": "zh"})["z"]})
    ({'lang': 'en', 'pg': 'cash'}, [])
    >>> expand({"lang": "zh", "z": "not-a-link"})
    ({'lang': 'zh'}, [Notice(code='bad_value', param='z', raw='not-a-link')])
    >>> bomb = base64.urlsafe_b64encode(zlib.compress(b"a" * 10**6, 9)).decode()
    >>> expand({"z": bomb})[1][0].code
    'bad_value'
    """
    raw = params.get("z")
    if raw is None:
        return dict(params), []
    inner = _inflate(raw)
    if inner is None:
        return ({k: v for k, v in params.items() if k != "z"},
                [Notice("bad_value", "z", raw[:100])])
    out: dict[str, str] = {}
    for name, value in params.items():
        if name == "z":
            out.update((k, v) for k, v in inner.items() if k not in params)
        else:
            out[name] = value
    return out, []


def _inflate(text: str) -> dict[str, str] | None:
    """The parameters a ``z`` holds, or ``None`` when it holds none."""
    text = text.rstrip("=")
    if len(text) > _MAX_Z or len(text) % 4 == 1 or not _Z_TEXT.fullmatch(text):
        return None
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        zdict = b""
        if len(data) >= 6 and data[1] & 0x20:  # FDICT: the stream names its dictionary
            zdict = _ZDICTS.get(int.from_bytes(data[2:6], "big"), b"")
            if not zdict:
                return None
        unpacker = zlib.decompressobj(zdict=zdict) if zdict else zlib.decompressobj()
        query = unpacker.decompress(data, MAX_EXPANDED + 1)
        if len(query) > MAX_EXPANDED or not unpacker.eof or unpacker.unused_data:
            return None
        pairs = parse_qsl(query.decode("ascii"), keep_blank_values=True, errors="strict",
                          max_num_fields=_MAX_FIELDS)
    except (ValueError, zlib.error):  # binascii.Error and UnicodeDecodeError are ValueErrors
        return None
    inner = dict(pairs)
    inner.pop("z", None)
    return inner
