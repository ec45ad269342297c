"""AppTest of the cash-line page: renders for every preset, keeps inputs across
languages, restores links, opens malformed links with a notice."""

from __future__ import annotations

import re

import pytest
from pagetest import all_text, assert_clean, run, switch_language
from streamlit.testing.v1 import AppTest

from calc.presets import CASH_LINE_PRESETS
from ui.codec import encode
from ui.scenarios.cashline import CASH, cash_preset_fields

PAGE = "app_pages/cashline.py"


def link(lang: str = "zh", **values) -> dict[str, str]:
    scn = CASH.defaults()
    scn.update(values)
    for group in CASH.groups:  # items beyond a count the values set start blank
        for i in range(1, int(scn[group.count]) + 1):
            for name, value in group.blank(i).items():
                scn.setdefault(name, value)
    return encode(CASH, scn, lang)


def inputs(at: AppTest) -> dict:
    return dict(at.session_state["cash:scenario"])


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def numbers(at: AppTest) -> list[str]:
    """The metric values that are amounts or rates (the same in both languages)."""
    return sorted(m.value for m in at.metric if m.value[:1] in "¥−" or m.value.endswith("%"))


def test_default_renders():
    at = run(page=PAGE)
    assert_clean(at)
    assert not at.warning
    # 0.05%/day 等额本息 over 12 months: monthly rate 0.05% × 365 / 12 = 1.5208%;
    # its APR is that × 12 = 18.25%
    assert "18.25%" in metrics(at).values()


@pytest.mark.parametrize("pid", sorted(CASH_LINE_PRESETS))
def test_every_preset_renders(pid):
    at = run(link(**cash_preset_fields(pid)), page=PAGE)
    assert_clean(at)
    assert at.metric


def test_card_cash_advance_costs_125():
    # domain.md / issue 4: ¥5,000 for 30 days at 1% fee + 0.05%/day = 50 + 75 = ¥125
    at = run(link(**{**cash_preset_fields("card_cash"), "a1": 5000.0}), page=PAGE)
    assert_clean(at)
    assert "¥125.00" in metrics(at).values()
    assert "¥5,125.00" in metrics(at).values()


def test_minimum_payment_trap_never_loops_and_says_so():
    # paying a fixed ¥10 a month on ¥10,000 at 0.05%/day (≈¥152 interest a month):
    # never paid off; the page says so and gives the payments that would clear it
    values = {**cash_preset_fields("card_revolve"), "pr": "fixed", "fx": 10.0, "mf": 0.0}
    at = run(link(**values), page=PAGE)
    assert_clean(at)
    assert at.error and "12" in at.error[0].value and "36" in at.error[0].value


def test_rollover_spiral_shows_its_chart():
    at = run(link(ro=12, rl=20_000.0), page=PAGE)
    assert_clean(at)
    views = at.button_group(key="cash-view-chart")
    assert views.value == "spiral"  # a rollover opens on its spiral
    assert len(views.options) == 3


@pytest.mark.parametrize("start, target", [("zh", "en"), ("en", "zh")])
def test_language_switch_keeps_inputs_and_outputs(start, target):
    at = run(link(start, ro=6, lm=2), page=PAGE)
    at.number_input(key="cash-a1").set_value(8000.0).run()
    at.selectbox(key="cash-m").set_value("equal_principal").run()
    before_inputs = inputs(at)
    before = [d.value.copy() for d in at.dataframe]
    before_values = numbers(at)
    switch_language(at, target)
    assert_clean(at)
    assert inputs(at) == before_inputs
    assert numbers(at) == before_values
    for old, new in zip(before, at.dataframe, strict=True):
        numeric = old.select_dtypes("number").columns
        assert new.value[numeric].equals(old[numeric])
    switch_language(at, start)
    assert inputs(at) == before_inputs


def test_link_round_trip_in_a_fresh_session():
    at = run(page=PAGE)
    at.selectbox(key="cash-ps").set_value("card_revolve").run()
    at.button(key="cash-do-add_draw").click().run()
    at.number_input(key="cash-a2").set_value(3000.0).run()
    at.number_input(key="cash-t2").set_value(45).run()
    at.number_input(key="cash-lm").set_value(3).run()
    assert_clean(at)
    params = {k: at.query_params[k] for k in at.query_params}
    params = {k: v[0] if isinstance(v, list) else v for k, v in params.items()}
    assert params["pg"] == "cash" and params["nd"] == "2" and params["a2"] == "3000"
    fresh = run(params, page=PAGE)
    assert_clean(fresh)
    assert not fresh.warning or "⟦" not in fresh.warning[0].value
    assert inputs(fresh) == inputs(at)
    assert metrics(fresh) == metrics(at)


MALFORMED = {
    "invalid numbers": {"pg": "cash", "v": "1", "L": "lots", "r": "0.05%", "a1": "1e999"},
    "negative values": {"pg": "cash", "v": "1", "a1": "-5000", "tm": "-12", "nd": "-1"},
    "huge values": {"pg": "cash", "v": "1", "a1": "1e300", "ro": "99999", "t1": "10000000"},
    "unknown codes": {"pg": "cash", "v": "1", "m": "payday", "u": "hourly", "cp": "x"},
    "wrong version": {"pg": "cash", "v": "0", "a1": "5000"},
    "injected html": {"pg": "cash", "v": "1", "<svg onload=alert(1)>": "<b>x</b>",
                      "m": "<script>alert(1)</script>"},
}


@pytest.mark.parametrize("params", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_links_open_with_a_notice(params):
    at = run(params, page=PAGE)
    assert_clean(at)
    assert at.warning
    assert not re.search(r"(?<!\\)[<>]", at.warning[0].value)
    # the page still simulates, on the defaults where a value was unusable; a
    # well-formed value out of range is kept as the link has it and explained
    assert at.metric or at.error


def test_draw_above_the_limit_is_explained():
    at = run(link(L=1000.0, a1=5000.0), page=PAGE)
    assert_clean(at)
    assert at.error and "¥1,000.00" in at.error[0].value
    assert inputs(at)["a1"] == 5000.0


def test_page_text_is_in_the_scan():
    # the raw-key check in assert_clean only means something if it sees the page
    assert "备用金" in all_text(run(page=PAGE))


def test_switching_the_rollover_off_leaves_a_valid_chart():
    at = run(link(ro=6, rl=5000.0), page=PAGE)
    assert at.button_group(key="cash-view-chart").value == "spiral"
    at.number_input(key="cash-ro").set_value(0).run()
    assert_clean(at)
    assert at.button_group(key="cash-view-chart").value == "balance"
