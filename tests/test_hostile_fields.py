"""Issue 20 part A: a value kept out of its bounds is checked before anything
is sized by it, and an error a page can meet is said in words, never shown as
a traceback; and a run cut short at calc's work bound says so.

**The schema-wide enumeration** (issue 20, first Deliver bullet).

Cases come from the schemas themselves (:data:`SCHEMAS`, walked by
:func:`_cases`): every int and float field of each page's link, its
groups' first item (``ek1``, ``rd1``, ``bs1``: the items share one Field),
the household part every page carries, and every field of the comparison
and cash-line scenarios nested in a budget item (``bq1``).  A new field is
covered without touching this file.

Each field is set to one step past each bound (``lo - 1`` or ``lo`` for an
open bound, ``hi + 1``), 1e9, 1e15, 1e19, 1e308, -1, NaN and text.  The
codec decides, from the Field alone, what the page must do with it
(:func:`_expect`): a value the link cannot hold (text, NaN, a whole number
past 2^53, a group count or a switch out of range) is dropped; a
well-formed value out of bounds is kept as the link has it.  Either way the
page names it in its language (the link's notice, which the default page
does not show), and shows no exception.

Run-time balance (about 400 AppTest runs, each 0.1-0.3 s): one run per
field for the two values most likely to size something, its largest
(1e308, or 1e15 for an int, the largest a link keeps) and one step past its
upper bound, so no other field's error can mask it; the other values are
set six fields at a time (a notice names six values of a kind, then counts
the rest), a group's count apart from its items (dropped, it would leave
them unread), which still shows every dropped value named and every page
without an exception.  Languages alternate between runs, so each value is
checked in both over the fields.  Times are recorded and the worst printed
at the end of the module (``-s``); there is no timing assertion: the bench
(``bench/bench_hostile.py``) measures.
"""

from __future__ import annotations

import math
import time
from urllib.parse import quote

import pytest

from calc.errors import InputError
from tests.pagetest import all_text, assert_clean, run
from ui.codec import MAX_INT, Field, Schema, decode, encode, pack
from ui.i18n import CATALOG, error_text, field_label
from ui.scenarios import budget as bs
from ui.scenarios import cashline as cs
from ui.scenarios import compare as cmp
from ui.scenarios import household as hs


@pytest.mark.parametrize("start", [0, -1, bs.START_MAX + 1, 10**8, 10**15, MAX_INT])
def test_a_start_month_out_of_bounds_is_an_error_not_an_allocation(start):
    # old code: 10**8 built a 100,000,000-element tuple (1.5 GB), 10**15 raised
    # MemoryError, 0 and -1 silently started the payments in month 1
    scn = bs.BUDGET.defaults()
    bs.add(scn)
    scn["bs1"] = start
    b = bs.budget(scn, hs.HOUSEHOLD.defaults(), hs.thresholds(hs.HOUSEHOLD.defaults()))
    assert b.errors[1] == InputError("out_of_range", field="start", got=start, min=1,
                                     max=bs.START_MAX)


def test_a_whole_number_past_2_53_is_not_kept_from_a_link():
    scn = bs.BUDGET.defaults()
    bs.add(scn)
    params = encode(bs.BUDGET, scn, "en")
    params["bs1"] = "1e19"  # int(1e19) was kept, then sized a tuple
    back, _, notices = decode(bs.BUDGET, params)
    assert back["bs1"] == 1 and [(n.code, n.param) for n in notices] == [("out_of_range", "bs1")]


def test_a_huge_value_is_named_by_its_bound():
    # 1e308 printed as 309 digits; the bound is the price's ¥100,000,000 (calc LIMITS)
    err = InputError("out_of_range", field="price", got=1e308, min=0.0, max=1e8, min_open=True)
    assert error_text(err, "en") == "The price is too large: it must be at most ¥100,000,000.00."
    assert error_text(err, "zh") == "商品价格太大了：不能超过 ¥100,000,000.00。"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_cash_line_at_its_own_limits_says_why_its_burden_is_missing(lang):
    """¥1e8 drawn on a ¥1e8 line, repaid on day 30: the repayment alone, 1e8 +
    30 days of interest, is past calc's ¥1e8 payment bound, so the line's burden
    cannot be worked out.  The old page let that CalcError escape (an exception
    box with a traceback); now the burden table shows "—" and the page says why,
    in the viewer's language."""
    at = run({"v": "1", "pg": "cash", "lang": lang, "L": "100000000", "a1": "100000000",
              "m": "flexible", "nr": "1", "rd1": "30"})
    assert_clean(at)
    said = CATALOG[lang]["afford.cannot"].split("{name}")[0]
    assert said in all_text(at)


@pytest.mark.parametrize("k", ["-1", "9007199254740991"])
def test_an_early_repayment_no_slider_can_hold_is_named_and_can_be_reset(k):
    # the slider's range is 0..n-1 (12 installments: 0..11); -1 raised from
    # st.slider (value below its minimum), 2^53 - 1 drew a slider that long
    at = run({"v": "1", "lang": "en", "ek1": k})
    assert_clean(at)
    assert CATALOG["en"]["cmp.early_bad"].format(k=k, last=11) in all_text(at)
    at.button(key="cmp-do-early_reset1").click().run()
    assert_clean(at)
    assert at.query_params["ek1"] == ["0"] or at.query_params["ek1"] == "0"
    assert not any(w.value.startswith(CATALOG["en"]["cmp.early_bad"].split("{")[0])
                   for w in at.warning)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_link_of_990_unknown_parameters_gives_a_short_notice(lang):
    # the old notice had one line per unknown parameter: 990 lines
    from ui.i18n import notice_lines
    from ui.scenarios import compare as cmp

    params = encode(cmp.COMPARE, cmp.COMPARE.defaults(), lang)
    params.update({f"junk{i}": "x" for i in range(990)})
    _, _, notices = decode(cmp.COMPARE, params)
    lines = notice_lines(notices, lang, cmp.COMPARE)
    assert len(lines) <= 8
    # six named, then the count of the 984 others
    assert CATALOG[lang]["notice.more"].format(n=984) in lines


# ------------------------------------------------------------------ every field of every schema




SCHEMAS = (cmp.COMPARE, cs.CASH, bs.BUDGET)
LANGS = ("zh", "en")
_TIMES: list[tuple[float, str]] = []


def _numeric(schema: Schema, parts: bool = True) -> list[tuple[str, Field]]:
    out = [(n, f) for n, f in schema.shared.items()]
    out += [(f"{stem}1", f) for g in schema.groups for stem, f in g.fields.items()]
    if parts:
        out += [(n, f) for p in schema.parts for n, f in p.shared.items()]
    return [(n, f) for n, f in out if f.kind in ("int", "float")]


def _base(schema: Schema) -> dict[str, object]:
    """The default scenario with one item in every group (so ``x1`` exists)."""
    scn = schema.defaults()
    for g in schema.groups:
        if g.count_in(scn) < 1:
            scn[g.count] = 1
            scn.update(g.item_default(1))
    return scn


def _link(schema: Schema, lang: str, values: dict[str, str]) -> dict[str, str]:
    params = encode(schema, _base(schema), lang)
    params.update(values)
    return params


def _nested_link(inner: Schema, lang: str, values: dict[str, str]) -> dict[str, str]:
    """A budget of one item holding ``inner``'s scenario, ``values`` set in it."""
    text = pack(inner, _base(inner))
    items = dict(item.split(".", 1) for item in text.split("~"))
    items.update({k: quote(v, safe="") for k, v in values.items()})
    scn = _base(bs.BUDGET)
    scn["bq1"] = "~".join(f"{k}.{v}" for k, v in items.items())
    return encode(bs.BUDGET, scn, lang)


def _cases() -> list[tuple[str, str, Field, Schema | None]]:
    """(page, parameter, field, nested schema): every numeric field, nested ones
    as ``bq1.<name>`` of the budget."""
    out = [(s.page, n, f, None) for s in SCHEMAS for n, f in _numeric(s)]
    for inner in bs.OBLIGATIONS.fields["bq"].nested:
        out += [("bud", f"bq1.{n}", f, inner) for n, f in _numeric(inner, parts=False)]
    return out


CASES = _cases()


def _step(f: Field) -> float:
    return 1 if f.kind == "int" else 0.01


def _values(f: Field) -> dict[str, str]:
    """Name -> link text: one step past each bound, the huge ones, -1, NaN, text."""
    out: dict[str, str] = {}
    if f.lo is not None:
        out["below"] = f.format(f.lo if f.lo_open else f.lo - _step(f))
    if f.hi is not None:
        out["above"] = f.format(f.hi + _step(f))
    out.update({"1e9": "1e9", "1e15": "1e15", "1e19": "1e19", "1e308": "1e308", "-1": "-1",
                "nan": "nan", "text": "lots"})
    return out


def _expect(name: str, f: Field, schema: Schema, raw: str) -> str:
    """What the page must do with ``raw`` in field ``f``: "ok" (in bounds),
    "notice" (dropped, named in the link's notice) or "explain" (kept out
    of bounds: the page says what is wrong)."""
    value, problem = f.parse(raw)
    if problem is None:
        return "ok"
    counts = {g.count for g in schema.groups}
    return "notice" if value is None or name.split(".")[-1] in counts else "explain"


def _messages(at) -> set[str]:
    return {el.value for kind in ("error", "warning", "info", "caption", "markdown")
            for el in getattr(at, kind) if isinstance(el.value, str)}


_BASELINE: dict[tuple[str, str], set[str]] = {}


def _baseline(page: str, lang: str, nested: Schema | None) -> set[str]:
    key = (page + (nested.page if nested else ""), lang)
    if key not in _BASELINE:
        params = (_nested_link(nested, lang, {}) if nested
                  else _link(_schema(page), lang, {}))
        at = run(params)
        assert_clean(at)
        _BASELINE[key] = _messages(at)
    return _BASELINE[key]


def _schema(page: str) -> Schema:
    return next(s for s in SCHEMAS if s.page == page)


def _check(page: str, lang: str, nested: Schema | None,
           cases: list[tuple[str, Field, str]]) -> None:
    """Open the link with every (param, field, raw) of ``cases`` set; check no
    exception, and each value out of bounds, dropped or kept, named in a
    message the default page does not show (the link's notice)."""
    schema = _schema(page)
    values = {(n.split(".", 1)[1] if nested else n): raw for n, _, raw in cases}
    params = _nested_link(nested, lang, values) if nested else _link(schema, lang, values)
    before = _baseline(page, lang, nested)
    start = time.perf_counter()
    at = run(params)
    _TIMES.append((time.perf_counter() - start, f"{page} {lang} {values}"))
    assert_clean(at)
    shown = _messages(at)
    new = "\n".join(shown - before)
    for name, f, raw in cases:
        if _expect(name, f, nested or schema, raw) != "ok":
            # dropped or kept, the link's notice names it in the page's language
            said = field_label(schema, name, lang)
            assert said in new, (name, raw, lang, said, new)


@pytest.fixture(scope="module", autouse=True)
def _report_times():
    yield
    if _TIMES:
        worst = sorted(_TIMES, reverse=True)[:5]
        print(f"\nhostile fields: {len(_TIMES)} runs, worst:")
        for secs, what in worst:
            print(f"  {secs:6.2f} s  {what[:150]}")


def _largest(f: Field) -> str:
    return "1e308" if f.kind == "float" else "1e15"


@pytest.mark.parametrize(("page", "name", "f", "nested"), CASES,
                         ids=[f"{p}-{n}" for p, n, _, _ in CASES])
def test_every_field_at_its_largest_and_just_past_its_bound(page, name, f, nested):
    i = CASES.index((page, name, f, nested))
    for k, raw in enumerate((_largest(f), _values(f).get("above", "1e9"))):
        _check(page, LANGS[(i + k) % 2], nested, [(name, f, raw)])


def _chunks() -> list[tuple[str, Schema | None, str, int, list[tuple[str, Field, str]]]]:
    out = []
    groups: dict[tuple[str, str], list[tuple[str, Field, Schema | None]]] = {}
    for page, name, f, nested in CASES:
        groups.setdefault((page, nested.page if nested else ""), []).append((name, f, nested))
    k = 0
    for (page, _), both in groups.items():
        counts = {g.count for s in (*SCHEMAS, *bs.OBLIGATIONS.fields["bq"].nested)
                  for g in s.groups}
        # a group's count apart from its items: dropped, it would drop them unread
        for fields in ([x for x in both if x[0].split(".")[-1] in counts],
                       [x for x in both if x[0].split(".")[-1] not in counts]):
            k = _chunk(out, page, fields, k)
    return out


def _chunk(out: list, page: str, fields: list, k: int) -> int:
    if fields:
        for value in ("below", "1e9", "1e15", "1e19", "-1", "nan", "text"):
            for at in range(0, len(fields), 6):
                chunk = [(n, f, _values(f)[value]) for n, f, _ in fields[at:at + 6]
                         if value in _values(f)]
                if chunk:
                    out.append((page, fields[0][2], value, k, chunk))
                    k += 1
    return k


CHUNKS = _chunks()


@pytest.mark.parametrize(("page", "nested", "value", "k", "cases"), CHUNKS,
                         ids=[f"{p}{'-' + n.page if n else ''}-{v}-{k}"
                              for p, n, v, k, _ in CHUNKS])
def test_every_field_at_every_hostile_value_six_at_a_time(page, nested, value, k, cases):
    _check(page, LANGS[k % 2], nested, cases)


def test_the_cases_cover_nested_and_indexed_fields():
    names = {n for _, n, _, _ in CASES}
    # the fields issue 20 met: a budget's start month, the early-repayment
    # number, a repayment's day, a nested plan's periods and a nested line's limit
    assert {"bs1", "ek1", "rd1", "bq1.n1", "bq1.L", "hi"} <= names
    assert all(math.isfinite(float(v)) or v in ("nan", "1e308", "lots")
               for _, _, f, _ in CASES for v in _values(f).values() if v != "lots")


def test_a_value_kept_out_of_bounds_is_named_even_where_nothing_uses_it():
    # 30 days late on no late payment (lm=0): calc never sees ld, and the old
    # decoding kept 1e15 without a word
    params = encode(cs.CASH, cs.CASH.defaults(), "en")
    params["ld"] = "1e15"
    scn, _, notices = decode(cs.CASH, params)
    assert scn["ld"] == 10**15  # reopened as the link has it
    assert [(n.code, n.param, n.raw) for n in notices] == [("kept_out_of_range", "ld", "1e15")]


@pytest.mark.parametrize("raw", ["2", "1e15", "-1"])
def test_a_switch_out_of_its_bounds_is_dropped_not_read_as_on(raw):
    # the old decoding kept bc1=1e15, and bool(1e15) made the debt secured;
    # a switch has two positions, so any other value is no value of it (bad_value)
    scn = bs.BUDGET.defaults()
    bs.add(scn)
    params = encode(bs.BUDGET, scn, "en")
    params["bc1"] = raw
    back, _, notices = decode(bs.BUDGET, params)
    assert back["bc1"] == 0 and [(n.code, n.param) for n in notices] == [("bad_value", "bc1")]


# ------------------------------------------------------------------ a run cut short

#: A card's cash paid by its minimum only, 1% of the statement, at 0.05% a day
#: compounded monthly.  Hand-derived: a month's interest is 0.05% x ~30.4 days
#: = 1.52% of the balance and the minimum repays 1% of it, so the debt grows
#: by about 0.5% a month, never the same twice (not "stalled"); after the
#: 1,200 statements of calc's bound it is about 1.005^1200 = 400 times the
#: ¥10,000 drawn, some ¥4 million, far below the ¥1 billion debt cap, so the
#: run stops at its 100-year work bound still owing: cut short.
NEVER_ENDS = {"m": "revolving", "pr": "minimum", "mr": "statement", "mp": "1", "a1": "10000",
              "L": "100000000", "r": "0.05", "u": "daily", "co": "monthly"}


def _never_ends() -> dict[str, object]:
    params = encode(cs.CASH, cs.CASH.defaults(), "en")
    params.update(NEVER_ENDS)
    return decode(cs.CASH, params)[0]


def test_a_minimum_payment_that_never_ends_is_flagged_cut_short():
    from calc.cashline import HORIZON_MONTHS

    r = cs.simulate(cs.inputs(_never_ends()))
    assert r.status == "not_paid_off" and "cut_short" in r.flags
    assert "debt_cap" not in r.flags and "stalled" not in r.flags
    assert len(r.statements.paid) == HORIZON_MONTHS  # every statement of the bound
    # the default scenario, 12 equal payments, is repaid: nothing cut short
    assert "cut_short" not in cs.simulate(cs.inputs(cs.CASH.defaults())).flags


@pytest.mark.parametrize("lang", LANGS)
def test_the_cash_page_says_a_run_was_cut_short(lang):
    params = encode(cs.CASH, _never_ends(), lang)
    at = run(params)
    assert_clean(at)
    # 1,200 statements = 100 years
    assert CATALOG[lang]["cash.flag.cut_short"].format(years=100) in all_text(at)


@pytest.mark.parametrize("lang", LANGS)
def test_the_budget_says_a_line_was_cut_short(lang):
    scn = bs.BUDGET.defaults()
    bs.add(scn, bs.cash_link(_never_ends()))
    scn["bn1"] = "card"
    at = run(encode(bs.BUDGET, scn, lang))
    assert_clean(at)
    assert CATALOG[lang]["bud.cut_short"].format(name="card", years=100) in all_text(at)
    # and a debt entered by hand, repaid in 12 months, is not
    scn = bs.BUDGET.defaults()
    bs.add(scn)
    at = run(encode(bs.BUDGET, scn, lang))
    assert CATALOG[lang]["bud.cut_short"].split("{years}")[1] not in all_text(at)
