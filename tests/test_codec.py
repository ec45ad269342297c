"""ui.codec with both pages' schemas: round trips and tolerant decoding."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc.errors import CalcError
from ui.codec import VERSION, Schema, decode, encode
from ui.scenarios import cashline as cash
from ui.scenarios.cashline import CASH
from ui.scenarios.compare import COMPARE, MAX_PLANS, PER_PLAN, SHARED, results


def test_defaults_round_trip_and_write_every_value():
    scn = COMPARE.defaults()
    params = encode(COMPARE, scn, "en")
    assert params["v"] == VERSION and params["lang"] == "en"
    n = int(scn["np"])
    assert params["pg"] == "cmp"
    assert set(params) == {"v", "lang", "pg", *SHARED} | {f"{k}{i}" for k in PER_PLAN
                                                    for i in range(1, n + 1)}
    back, lang, notices = decode(COMPARE, params)
    assert (back, lang, notices) == (scn, "en", [])


def test_empty_query_is_the_default_without_notices():
    assert decode(COMPARE, {}) == (COMPARE.defaults(), None, [])
    assert decode(COMPARE, {"lang": "en"}) == (COMPARE.defaults(), "en", [])


def test_another_pages_link_is_not_read():
    params = encode(COMPARE, COMPARE.defaults(), "en")
    params.update(pg="cash", p="1")
    assert decode(COMPARE, params) == (COMPARE.defaults(), "en", [])


def test_floats_read_back_exactly():
    scn = COMPARE.defaults()
    scn.update(p=1234.5678901234567, f1=0.1 + 0.2)
    back, _, _ = decode(COMPARE, encode(COMPARE, scn, "zh"))
    assert back["p"] == 1234.5678901234567 and back["f1"] == 0.1 + 0.2


def test_malformed_values_are_reported_and_the_rest_used():
    params = encode(COMPARE, COMPARE.defaults(), "zh")
    params.update(p="abc", n1="-3", f2="nan", k2="magic", zz="1", v="9", lang="fr",
                  nm1="x" * 500)
    back, lang, notices = decode(COMPARE, params)
    got = {(n.code, n.param) for n in notices}
    assert got == {("bad_value", "p"), ("bad_value", "f2"),
                   ("bad_value", "k2"), ("unknown_param", "zz"), ("bad_version", "v"),
                   ("bad_value", "lang"), ("bad_value", "nm1"),
                   ("kept_out_of_range", "n1")}  # kept, and named (issue 20)
    defaults = COMPARE.defaults()
    assert back["p"] == defaults["p"]  # the default, since the link's was unusable
    assert back["k1"] == defaults["k1"] and back["n2"] == defaults["n2"]  # good ones kept
    assert back["n1"] == -3  # well formed but out of range: kept, and calc explains it
    assert lang is None


def test_out_of_range_values_reopen_as_entered_but_counts_are_bounded():
    scn = COMPARE.defaults()
    scn.update(p=-5.0, n1=500, d=80.0)
    back, _, notices = decode(COMPARE, encode(COMPARE, scn, "zh"))
    assert back == scn
    # kept, and named: a value the page does not use would be checked by nothing else
    assert [(n.code, n.param) for n in notices] == [
        ("kept_out_of_range", "p"), ("kept_out_of_range", "d"), ("kept_out_of_range", "n1")]
    with pytest.raises(CalcError):  # and calc says what is wrong with them
        results(back)
    params = encode(COMPARE, COMPARE.defaults(), "zh")
    params["np"] = "7"  # one more plan than the page holds
    back, _, notices = decode(COMPARE, params)
    assert [(n.code, n.param) for n in notices] == [("out_of_range", "np")]
    assert back["np"] == 2


def test_plans_beyond_the_count_are_unknown():
    params = encode(COMPARE, COMPARE.defaults(), "zh")
    params["k3"] = "free"
    _, _, notices = decode(COMPARE, params)
    assert [(n.code, n.param) for n in notices] == [("unknown_param", "k3")]


def test_missing_values_are_defaults_and_named():
    back, _, notices = decode(COMPARE, {"v": "1", "p": "10000", "np": "3", "k1": "free"})
    missing = {n.param for n in notices if n.code == "missing"}
    assert "n1" in missing and "d" in missing and "k1" not in missing
    defaults = COMPARE.defaults()
    assert back["k1"] == "free" and back["n1"] == defaults["n1"]
    assert back["ps2"] == defaults["ps2"]  # the default scenario's second plan
    assert back["k3"] == PER_PLAN["k"].default  # a third plan starts blank
    assert "k4" not in back


def field_names(schema: Schema) -> list[str]:
    names = list(schema.shared)
    for g in schema.groups:
        names += [f"{stem}{i}" for i in range(0, g.most + 2) for stem in g.fields]
    return names


def link_values(schema: Schema) -> st.SearchStrategy[str]:
    """Text a hand-edited link might hold: numbers of every size and sign,
    the schema's codes, and garbage."""
    codes = sorted({c for f in schema.shared.values() for c in f.choices}
                   | {c for g in schema.groups for f in g.fields.values() for c in f.choices})
    return st.one_of(
        st.integers(-10**12, 10**12).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.sampled_from(codes or ["addon"]),
        st.sampled_from(["", "1e999", "-0", "0x10", "１２", "NaN", "3,999", " 12 "]),
        st.text(max_size=30),
    )


@pytest.mark.parametrize("schema", [COMPARE, CASH], ids=["cmp", "cash"])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_any_hand_edited_link_reaches_calc_or_a_coded_error(schema, data):
    """Real field names with any text, for either page: decoding never raises,
    every value it keeps is one its field accepts, and calc either computes
    the scenario or says, with a coded error, what is wrong."""
    names = st.one_of(st.sampled_from(field_names(schema) + ["v", "lang", "pg"]),
                      st.text(max_size=8))
    params = data.draw(st.dictionaries(names, link_values(schema), max_size=40))
    scn, _, _ = decode(schema, params)
    assert set(scn) == set(schema.names(scn))
    for name, value in scn.items():
        assert schema.field(name).accepts(value), (name, value)
    try:
        if schema is COMPARE:
            assert 1 <= int(scn["np"]) <= MAX_PLANS
            results(scn)
        else:
            run = cash.inputs(scn)
            cash.simulate(run)
            cash.pay_rules(run)
            cash.versus(run, scn)
    except CalcError:
        pass


@settings(max_examples=200, deadline=None)
@given(
    p=st.floats(0.01, 1e8),
    n=st.integers(1, 360),
    f=st.floats(0.0, 10.0),
    name=st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x9FFF), max_size=40),
)
def test_user_values_round_trip(p, n, f, name):
    scn = COMPARE.defaults()
    scn.update(p=p, n1=n, f1=f, nm1=name)
    back, _, notices = decode(COMPARE, encode(COMPARE, scn, "zh"))
    assert notices == [] and back == scn
