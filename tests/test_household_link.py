"""The household in every page's link, the budget's obligations kept as terms
(issue 10): ui.codec's parts, sparse fields and nested links, and the budget
adapter (ui.scenarios.budget).

Expected payments come from the plans' own figures: 花呗 12 期 on ¥3,999 at
8.8% in total is a fee of ¥351.91 rounded once, 11 × ¥362.57 + ¥362.64
(domain.md §4); CCB 24 期 at 0.62% a period is ¥24.79 of fee each month on
top of ¥166.62 of principal, ¥191.41 (the last absorbs the rest)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc.errors import CalcError
from calc.warnings import Thresholds
from tests.test_codec import field_names, link_values
from ui.codec import Field, Notice, Schema, decode, decode_part, encode, pack, unpack
from ui.i18n import CATALOG, field_label, notice_lines
from ui.scenarios import budget as bs
from ui.scenarios import cashline as cash
from ui.scenarios import compare as cmp
from ui.scenarios.household import HOUSEHOLD, THRESHOLD_FIELDS, household, thresholds


def hh(**values: object) -> dict[str, object]:
    """The household part's values: the defaults, with ``values``."""
    out = {k: f.default for k, f in HOUSEHOLD.shared.items()}
    out.update(values)
    return out


# --------------------------------------------------------------------- parts


def test_every_page_carries_the_household_only_once_entered():
    for schema in (cmp.COMPARE, cash.CASH, bs.BUDGET):
        assert HOUSEHOLD in schema.parts
        plain = encode(schema, {**schema.defaults(), **hh()}, "zh")
        assert not set(plain) & set(HOUSEHOLD.shared)  # nothing entered: nothing written
        params = encode(schema, {**schema.defaults(), **hh(hi=6000.0, he=3500.0)}, "zh")
        assert (params["hi"], params["he"]) == ("6000", "3500")
        assert "hx" not in params  # still the default
        back, _, notices = decode(schema, params)
        assert (back, notices) == (schema.defaults(), [])  # the page's own values only
        assert decode_part(HOUSEHOLD, params) == (hh(hi=6000.0, he=3500.0), [])


def test_a_link_from_before_the_household_opens_without_notices():
    old = encode(cmp.COMPARE, cmp.COMPARE.defaults(), "zh")  # no h*, no w* parameters
    assert decode_part(HOUSEHOLD, old) == (hh(), [])
    assert decode(cmp.COMPARE, old)[2] == []


def test_thresholds_go_into_the_link_only_when_changed():
    params = encode(bs.BUDGET, {**bs.BUDGET.defaults(), **hh(wl=50.0, wld="2026-01-20")}, "en")
    assert params["wl"] == "50" and params["wld"] == "2026-01-20"
    assert not {"wp", "wh", "wm", "ww", "wr", "wlp", "wc", "wn", "wu"} & set(params)
    values, notices = decode_part(HOUSEHOLD, params)
    assert notices == [] and values == hh(wl=50.0, wld="2026-01-20")
    th = thresholds(values)
    assert th.changed() == {"share_limit": 0.5, "lpr_date": "2026-01-20"}


def test_default_thresholds_are_domain_md_figures_exactly():
    # 25%, 36%, 55%, 3 of 6 months, 24%, LPR 3.00% since 2025-05-20, 3 debts,
    # 2 lenders, 1/3 of a year's income (domain.md §3): 100 × 1/3 / 100 is not
    # 1/3 in floating point, so the default must be taken as it is
    assert thresholds(hh()) == Thresholds()
    assert set(THRESHOLD_FIELDS.values()) == {f for f in Thresholds.__dataclass_fields__}


def test_bad_household_values_are_named_and_out_of_range_ones_kept():
    values, notices = decode_part(HOUSEHOLD, {"hi": "lots", "he": "-5", "wm": "2.5", "p": "x"})
    assert notices == [Notice("bad_value", "hi", "lots"),
                       Notice("kept_out_of_range", "he", "-5"),  # kept, and named
                       Notice("bad_value", "wm", "2.5")]
    assert values["hi"] == 0.0 and values["he"] == -5.0  # kept: the page explains it
    with pytest.raises(CalcError) as err:
        from calc.burden import check_household
        check_household(household(values))
    assert err.value.params["field"] == "essentials"
    lines = notice_lines(notices, "en", cmp.COMPARE)
    assert any("Monthly take-home income" in line for line in lines)
    assert any("Months short of money" in line for line in lines)


def test_income_zero_is_not_entered():
    assert household(hh()).income is None
    assert household(hh(hi=3000.0)).income == 3000.0


def test_a_part_must_be_sparse_and_apart_from_the_page():
    part = Schema("pt", {"a": Field("float", 0.0)})
    with pytest.raises(ValueError, match="sparse"):
        Schema("pg", {"b": Field("float", 0.0)}, parts=(part,))
    clash = Schema("pt", {"b": Field("float", 0.0, sparse=True)})
    with pytest.raises(ValueError, match="also a field"):
        Schema("pg", {"b": Field("float", 0.0)}, parts=(clash,))


# ------------------------------------------------------------- nested links


def test_a_plan_is_kept_as_its_terms_and_reads_back():
    scn = cmp.COMPARE.defaults()
    scn["nm2"] = "妈妈的卡 ~ 24期"  # any text survives, the separator included
    link = bs.plan_link(scn, 2)
    assert Field("link", "").accepts(link)
    one = bs.terms_of(link)
    assert one["np"] == 1 and one["ps1"] == "ccb_24" and one["nm1"] == "妈妈的卡 ~ 24期"
    assert one["p"] == scn["p"]
    assert unpack(link)["pg"] == "cmp"


def test_a_budget_link_round_trips_with_its_nested_terms():
    scn = bs.BUDGET.defaults()
    bs.add(scn, bs.plan_link(cmp.COMPARE.defaults(), 1))
    bs.add(scn, bs.cash_link(cash.CASH.defaults()))
    bs.add(scn)
    scn.update(bn3="房租贷", ba3=1200.0, bm3=6, bb3=7000.0, br3=18.0, bs2=3)
    params = encode(bs.BUDGET, scn, "zh")
    assert decode(bs.BUDGET, params) == (scn, "zh", [])


def test_what_a_nested_link_lacks_is_named_with_its_item():
    scn = bs.BUDGET.defaults()
    bs.add(scn)
    bs.add(scn, bs.plan_link(cmp.COMPARE.defaults(), 1))
    params = encode(bs.BUDGET, scn, "en")
    params["bq2"] = params["bq2"].replace("n1.12", "n1.x").replace("~ek1.0", "~zz.3")
    back, _, notices = decode(bs.BUDGET, params)
    assert {(n.code, n.param) for n in notices} == {
        ("bad_value", "bq2.n1"), ("missing", "bq2.ek1"), ("unknown_param", "bq2.zz")}
    # the nested scenario with its defaults filled in, kept as terms
    assert bs.terms_of(str(back["bq2"]))["n1"] == 12
    # the plan's own label, then the budget's item
    assert field_label(bs.BUDGET, "bq2.n1", "en") == f"{CATALOG['en']['cmp.periods']} (Item 2)"
    assert field_label(bs.BUDGET, "bq2.n1", "zh") == f"{CATALOG['zh']['cmp.periods']}（第 2 项）"


@pytest.mark.parametrize("raw", ["v.1~pg.nope~p.1", "no spaces allowed", "x" * 5000])
def test_a_nested_link_that_is_not_one_is_refused(raw):
    scn = bs.BUDGET.defaults()
    bs.add(scn)
    params = encode(bs.BUDGET, scn, "en")
    params["bq1"] = raw
    back, _, notices = decode(bs.BUDGET, params)
    assert Notice("bad_value", "bq1", raw) in notices
    assert back["bq1"] == ""  # the default: a debt entered by hand


@pytest.mark.parametrize("schema", [cmp.COMPARE, cash.CASH])
def test_pack_round_trips_any_page(schema):
    scn = schema.defaults()
    assert decode(schema, unpack(pack(schema, scn))) == (scn, None, [])


# ---------------------------------------------------------------- the budget


def test_obligations_computed_from_their_terms():
    scn = bs.BUDGET.defaults()
    bs.add(scn, bs.plan_link(cmp.COMPARE.defaults(), 1))  # 花呗 12 期
    bs.add(scn, bs.plan_link(cmp.COMPARE.defaults(), 2))  # CCB 24 期
    bs.add(scn)
    scn.update(ba3=500.0, bm3=10, bb3=4800.0, bs2=3)
    b = bs.budget(scn, hh(hi=6000.0, he=3500.0), Thresholds())
    assert b.errors == {} and b.shown == (1, 2, 3)
    tl = b.timeline
    assert tl is not None
    assert tl.payments[0][:12].tolist() == [362.57] * 11 + [362.64]
    # CCB starts in month 3: nothing in months 1-2, ¥191.41 from month 3 to 25
    assert tl.payments[1][:3].tolist() == [0.0, 0.0, 191.41] and len(tl.month) == 26
    # month 3: 362.57 + 191.41 + 500 = 1,053.98; 1,053.98 / 6,000 = 17.57%;
    # 6,000 - 3,500 - 1,053.98 = 1,446.02 left
    assert tl.total[2] == 1053.98 and round(tl.share[2], 4) == 0.1757
    assert tl.left[2] == 1446.02
    assert [o.lender for o in tl.obligations] == ["huabei", "ccb", ""]


def test_a_cash_line_in_the_budget_is_its_statements():
    # the card cash advance: ¥10,000 repaid on day 30 with a 1% fee and
    # 0.05%/day: 10,000 + 100 + 150 = ¥10,250 in month 1 (domain.md §1)
    scn = bs.BUDGET.defaults()
    line = {**cash.CASH.defaults(), **cash.cash_preset_fields("card_cash")}
    bs.add(scn, bs.cash_link(line))
    b = bs.budget(scn, hh(hi=5000.0), Thresholds())
    assert b.timeline is not None and b.timeline.payments[0].tolist() == [10250.0]
    codes = {w.code for w in b.warnings}
    # 10,250 / 5,000 = 205%: above 55%; cash drawn at interest from day one
    assert {"debt_share_limit", "cash_advance"} <= codes


def test_an_invalid_obligation_is_reported_and_the_rest_computed():
    scn = bs.BUDGET.defaults()
    bs.add(scn)
    bs.add(scn)
    scn["bm1"] = 0  # kept from a hand-edited link: calc says what is wrong
    b = bs.budget(scn, hh(), Thresholds())
    assert set(b.errors) == {1} and b.shown == (2,)
    assert b.errors[1].params["field"] == "months"


def test_remove_moves_the_later_items_up():
    scn = bs.BUDGET.defaults()
    for pay in (100.0, 200.0, 300.0):
        bs.add(scn)
        scn[f"ba{bs.count(scn)}"] = pay
    bs.remove(scn, 2)
    assert bs.count(scn) == 2 and (scn["ba1"], scn["ba2"]) == (100.0, 300.0)
    assert "ba3" not in scn
    for _ in range(bs.MAX_OBLIGATIONS - 2):
        assert bs.add(scn)
    assert not bs.add(scn)  # full


def test_an_early_repayment_that_raises_the_rate_is_flagged_not_added():
    # 12 × 0.6% on ¥10,000 paid off after 4 installments with every fee
    # charged: 13.03% becomes about 24% (domain.md §1); the plan's burden
    # stays its installments, 10,000 / 12 = 833.33 + 60 of fee = ¥893.33 a
    # month, the last 833.37 + 60 = ¥893.37 (it absorbs the fen): the
    # repayment is a choice made with cash, not a month's payment
    one = cmp.COMPARE.defaults()
    one.update(p=10_000.0, np=1, **{f"{k}1": v for k, v in
                                    cmp.preset_fields("teach_06x12").items()})
    one["ek1"] = 4
    o = bs.plan_obligation(bs.plan_link(one, 1))
    assert o.early_rate_raised and o.payments == (893.33,) * 11 + (893.37,)


@pytest.mark.parametrize("lang", ["zh", "en"])
@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_any_hand_edited_budget_link_reaches_calc_or_a_coded_error(lang, data):
    nested = [bs.plan_link(cmp.COMPARE.defaults(), 1), bs.cash_link(cash.CASH.defaults())]
    values = st.one_of(link_values(bs.BUDGET), st.sampled_from(nested),
                       st.sampled_from(nested).map(lambda s: s.replace("12", "-1")))
    names = st.one_of(st.sampled_from(field_names(bs.BUDGET) + list(HOUSEHOLD.shared)
                                      + ["v", "lang", "pg"]), st.text(max_size=8))
    params = data.draw(st.dictionaries(names, values, max_size=30))
    scn, _, notices = decode(bs.BUDGET, params)
    part, part_notices = decode_part(HOUSEHOLD, params)
    for name, value in scn.items():
        assert bs.BUDGET.field(name).accepts(value), (name, value)
    for line in notice_lines(notices + part_notices, lang, bs.BUDGET):
        assert "⟦" not in line
    try:
        th = thresholds(part)
    except CalcError:
        th = Thresholds()
    b = bs.budget(scn, part, th)
    assert set(b.errors) | set(b.shown) == set(range(1, bs.count(scn) + 1))
