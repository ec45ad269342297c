"""Issue 20: a switch's link value other than 0 or 1 (``ifr=5``) is refused
with a notice, as a malformed value is; kept as "out of range" it read as on
(``bool(5)``) with nothing on the page to say so."""

from __future__ import annotations

import pytest
from pagetest import all_text, assert_clean, run

from ui.codec import Notice, decode, encode, pack
from ui.i18n import CATALOG
from ui.scenarios import budget as bs
from ui.scenarios import compare as cmp
from ui.scenarios import household as hh
from ui.scenarios.cashline import CASH

SCHEMAS = (cmp.COMPARE, CASH, bs.BUDGET, hh.HOUSEHOLD)


def every_field():
    for schema in SCHEMAS:
        yield from schema.shared.items()
        for g in schema.groups:
            yield from ((f"{stem}1", f) for stem, f in g.fields.items())


def test_every_on_off_field_is_a_switch():
    # a whole number from 0 to 1 is a toggle's value (ifr, bc): none left out
    on_off = sorted(name for name, f in every_field()
                    if f.kind == "int" and (f.lo, f.hi) == (0, 1))
    assert on_off == ["bc1", "ifr"]
    assert all(f.switch for name, f in every_field() if name in on_off)


@pytest.mark.parametrize("raw", ["5", "-1", "2", "1e9"])
def test_a_switch_out_of_its_two_positions_is_refused(raw):
    params = encode(CASH, CASH.defaults(), "en")
    params["ifr"] = raw
    scn, _, notices = decode(CASH, params)
    assert scn["ifr"] == 0  # the default: off
    assert notices == [Notice("bad_value", "ifr", raw)]  # old code: kept 5, no notice


def test_a_switch_inside_a_budgets_line_is_refused_and_named():
    line = CASH.defaults()
    scn = bs.BUDGET.defaults()
    bs.add(scn, bs.cash_link(line))
    scn["bc1"] = 1
    params = encode(bs.BUDGET, scn, "en")
    params["bq1"] = params["bq1"].replace("ifr.0", "ifr.7")
    params["bc1"] = "3"
    got, _, notices = decode(bs.BUDGET, params)
    assert Notice("bad_value", "bq1.ifr", "7") in notices
    assert Notice("bad_value", "bc1", "3") in notices
    assert got["bc1"] == 0 and got["bq1"] == pack(CASH, line)  # both off, as by default


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_names_the_refused_switch(lang):
    scn = CASH.defaults()
    scn["m"] = "revolving"  # the switch is drawn for a revolving line
    params = encode(CASH, scn, lang)
    params["ifr"] = "5"
    at = run(params, page="app_pages/cashline.py")
    assert_clean(at)
    assert at.toggle(key="cash-ifr").value is False
    label = CATALOG[lang]["cash.interest_free"]
    assert CATALOG[lang]["notice.bad_value"].format(param=label, raw="5") in all_text(at)
