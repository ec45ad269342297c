"""AppTest of the comparison page: renders, keeps inputs across languages,
restores links, and opens malformed links with a notice."""

from __future__ import annotations

import re

import numpy_financial as npf
import pytest
from pagetest import all_text, assert_clean, run, switch_language
from streamlit.testing.v1 import AppTest
from test_presets import DOMAIN_APR_PCT

from calc.presets import INSTALLMENT_PRESETS
from ui.codec import encode
from ui.scenarios.compare import COMPARE, PER_PLAN, preset_fields

NUMERIC = ["first", "largest", "total_paid", "total_cost", "advertised", "apr", "effective",
           "avg_balance", "present_cost"]


def results(at: AppTest):
    return at.dataframe[0].value  # the results table is the first on the page


def inputs(at: AppTest) -> dict:
    return dict(at.session_state["cmp:scenario"])


def classroom(lang: str = "zh") -> dict[str, str]:
    scn = COMPARE.defaults()
    for stem in PER_PLAN:
        scn.pop(f"{stem}2", None)
    scn.update(p=10_000.0, np=1, **{f"{k}1": v for k, v in preset_fields("teach_06x12").items()})
    return encode(COMPARE, scn, lang)


def test_default_renders():
    at = run()
    assert_clean(at)
    table = results(at)
    assert len(table) == 3  # pay in full + the two default plans
    assert not at.warning  # a plain visit carries no link notice


def test_show_the_math():
    at = run(classroom("en"))
    assert not at.latex  # nothing computed while hidden
    at.toggle(key="cmp-view-math_on").set_value(True).run()
    assert_clean(at)
    assert at.latex and "(1 + f_k" in at.latex[0].value
    # The monthly rate, solved by an independent solver (numpy-financial) from the
    # flows worked out by hand: ¥10,000 received, then ¥10,000 / 12 cut down to the
    # fen (¥833.33) + the ¥60 fee eleven times, and the last ¥833.37 + ¥60.
    i = npf.irr([10_000.0] + [-893.33] * 11 + [-893.37])
    text = all_text(at)
    assert f"i = **{100 * i:.4f}%** a month" in text
    assert "**13.03%**" in text and "**13.84%**" in text  # domain.md §2's anchors


def test_classroom_link_shows_13_03():
    at = run(classroom())
    assert_clean(at)
    table = results(at)
    assert round(table.loc[1, "apr"], 2) == 13.03
    assert round(table.loc[1, "effective"], 2) == 13.84
    assert any(m.value == "13.03%" for m in at.metric)


@pytest.mark.parametrize("pid", sorted(INSTALLMENT_PRESETS))
def test_every_preset_renders(pid):
    params = classroom()
    params.update({f"{k}1": str(v) for k, v in preset_fields(pid).items()})
    at = run(params)
    assert_clean(at)
    want = DOMAIN_APR_PCT[pid]  # domain.md §4's computed APR
    assert round(results(at).loc[1, "apr"], 2) == want


@pytest.mark.parametrize("start, target", [("zh", "en"), ("en", "zh")])
def test_language_switch_keeps_inputs_and_outputs(start, target):
    at = run(classroom(start))
    at.number_input(key="cmp-p").set_value(4999.0).run()
    at.toggle(key="cmp-view-more").set_value(True).run()
    at.text_input(key="cmp-nm1").input("我的方案 my plan").run()
    at.selectbox(key="cmp-k1").set_value("equal_payment").run()
    at.number_input(key="cmp-r1").set_value(18.0).run()
    before_inputs, before = inputs(at), results(at)[NUMERIC].copy()
    switch_language(at, target)
    assert_clean(at)
    assert inputs(at) == before_inputs
    assert results(at)[NUMERIC].equals(before)
    assert at.title[0].value.startswith("Compare" if target == "en" else "分期对比")
    assert at.number_input(key="cmp-p").value == 4999.0
    assert at.text_input(key="cmp-nm1").value == "我的方案 my plan"
    assert at.selectbox(key="cmp-k1").value == "equal_payment"
    assert at.query_params["lang"] in (target, [target])
    switch_language(at, start)  # and back
    assert inputs(at) == before_inputs and results(at)[NUMERIC].equals(before)


def test_link_round_trip_in_a_fresh_session():
    at = run()
    at.number_input(key="cmp-p").set_value(6543.21).run()
    at.button_group(key="cmp-view-edit").set_value(2).run()
    at.selectbox(key="cmp-ps2").set_value("icbc_12_upfront").run()
    at.button_group(key="cmp-view-edit").set_value(1).run()
    at.toggle(key="cmp-view-more").set_value(True).run()
    at.number_input(key="cmp-dp1").set_value(500.0).run()
    at.selectbox(key="cmp-view-addps").set_value("baitiao_12_high")
    at.button(key="cmp-do-add").click().run()
    at.slider(key="cmp-ek1").set_value(4).run()
    assert_clean(at)
    link = {k: at.query_params[k][0] if isinstance(at.query_params[k], list)
            else at.query_params[k] for k in at.query_params}
    assert link["p"] == "6543.21" and link["np"] == "3" and link["ek1"] == "4"
    fresh = run(link)
    assert_clean(fresh)
    assert not fresh.warning or all("24%" in w.value for w in fresh.warning)
    assert inputs(fresh) == inputs(at)
    assert results(fresh).equals(results(at))


def test_more_terms_stay_open_while_in_use():
    at = run()
    assert "cmp-dp1" not in [w.key for w in at.number_input]  # tucked away by default
    at.toggle(key="cmp-view-more").set_value(True).run()
    at.number_input(key="cmp-dp1").set_value(800.0).run()
    # a down payment is set: its input stays on screen and the switch is gone, so
    # no term that changes the result can be hidden
    assert "cmp-dp1" in [w.key for w in at.number_input]
    assert "cmp-view-more" not in [w.key for w in at.toggle]


def test_remove_plan_shifts_the_rest():
    at = run()
    at.button(key="cmp-do-rm1").click().run()
    assert_clean(at)
    assert inputs(at)["np"] == 1 and inputs(at)["ps1"] == "ccb_24"
    assert "k2" not in inputs(at)


def test_invalid_input_shows_a_message_and_keeps_the_value():
    at = run()
    at.number_input(key="cmp-p").set_value(-5.0).run()
    assert_clean(at)
    assert at.error and "−¥5.00" in at.error[0].value
    assert inputs(at)["p"] == -5.0  # nothing the user typed is changed
    at.number_input(key="cmp-n1").set_value(500).run()
    at.number_input(key="cmp-p").set_value(100.0).run()
    assert_clean(at)
    assert any("360" in e.value for e in at.error)


MALFORMED = {
    "invalid numbers": {"v": "1", "p": "12abc", "n1": "twelve", "f1": "1e999"},
    "negative periods": {"v": "1", "np": "1", "n1": "-12", "k1": "addon"},
    "huge values": {"v": "1", "p": "1e300", "np": "999", "fd1": "99999999999"},
    "unknown codes": {"v": "1", "np": "2", "k1": "loan_shark", "ps2": "nope", "u1": "hour"},
    "wrong version": {"v": "7", "p": "5000"},
    "injected html": {"v": "1", "np": "1", "nm1": "<img src=x onerror=alert(1)>",
                      "<script>alert(1)</script>": "<b>bold</b>", "lang": "<i>en</i>"},
    "empty values": {"v": "", "p": "", "np": "", "nm1": ""},
}


@pytest.mark.parametrize("params", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_links_open_with_a_notice(params):
    at = run(params)
    assert_clean(at)
    assert at.warning, "no notice"
    notice = at.warning[0].value
    assert not re.search(r"(?<!\\)[<>]", notice)  # every < and > from the link is escaped
    # the page still computes, on the defaults where a value was unusable; a
    # well-formed value out of range is kept as the link has it and explained
    assert (at.dataframe and len(results(at)) >= 2) or at.error


def test_injected_name_is_shown_as_text():
    at = run({"v": "1", "np": "1", "nm1": "<img src=x onerror=alert(1)>", "k1": "free"})
    assert_clean(at)
    labels = at.button_group(key="cmp-view-edit").options
    assert any("\\<img" in label for label in labels)
    assert not any("<img" in label.replace("\\<img", "") for label in labels)


def test_early_repayment_slider_updates_the_same_run():
    # domain.md §1: the 12 × 0.6% plan paid off in month 4 with all fees still
    # charged is a true rate of about 24%; in month 2 about 44%
    at = run(classroom("en"))
    at.slider(key="cmp-ek1").set_value(4).run()
    assert_clean(at)
    text = all_text(at)
    assert "Repaid with installment 4" in text and "**24." in text
    at.slider(key="cmp-ek1").set_value(2).run()
    assert "**44." in all_text(at)
    assert at.query_params["ek1"] in ("2", ["2"])


def test_removing_the_plan_on_show_sets_the_views_back():
    at = run()
    at.toggle(key="cmp-view-math_on").set_value(True).run()
    at.selectbox(key="cmp-view-math").set_value(1).run()  # the second plan's math
    at.button_group(key="cmp-view-detail").set_value(2).run()
    at.button_group(key="cmp-view-edit").set_value(2).run()
    at.button(key="cmp-do-rm2").click().run()
    assert_clean(at)
    assert inputs(at)["np"] == 1
    assert at.selectbox(key="cmp-view-math").value == 0
    assert at.button_group(key="cmp-view-detail").value == 1


def test_a_run_leaves_alone_the_inputs_it_did_not_change():
    # the browser resets a widget whose value the server pushes (set_value): an
    # edit must not push the other inputs, or a field being typed in would reset
    at = run()
    at.number_input(key="cmp-p").set_value(4999.0).run()
    assert_clean(at)
    assert not at.number_input(key="cmp-d").proto.set_value
    assert not at.selectbox(key="cmp-k1").proto.set_value
    # a language switch relabels the choices: those are pushed, with the new label
    switch_language(at, "en")
    assert at.selectbox(key="cmp-k1").proto.set_value
    assert not at.number_input(key="cmp-d").proto.set_value
    # a preset applied changes the plan's terms: those are pushed
    at.selectbox(key="cmp-ps1").set_value("baitiao_12_low").run()
    assert at.number_input(key="cmp-f1").proto.set_value
    assert at.number_input(key="cmp-f1").value == 0.5
