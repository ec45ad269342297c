"""AppTest of the comparison page: renders, keeps inputs across languages,
restores links, and opens malformed links with a notice."""

from __future__ import annotations

import re

import numpy_financial as npf
import pytest
from pagetest import all_text, assert_clean, run, switch_language, table
from streamlit.testing.v1 import AppTest
from test_presets import DOMAIN_APR_PCT

from calc.presets import INSTALLMENT_PRESETS
from ui.codec import encode
from ui.fmt import md_escape
from ui.i18n import CATALOG
from ui.scenarios.compare import COMPARE, PER_PLAN, preset_fields

NUMERIC = ["first", "largest", "total_paid", "total_cost", "advertised", "apr", "effective",
           "avg_balance", "present_cost"]


def results(at: AppTest):
    return table(at, 0)  # the results table is the first on the page


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
    assert any("13.03%" in m.value for m in at.metric)


def verdict(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_a_shopper_types_the_checkout_numbers():
    # ¥3,999, 12 installments shown at the checkout as ¥353.25 each: ¥240 more than
    # paying now (12 × 353.25 − 3,999), 20 / 3,999 = 0.50% a period, 10.90% a year
    # (domain.md §4, 白条 12 期 at 0.5%)
    at = run({"lang": "en"})
    at.selectbox(key="cmp-fm1").set_value("payment").run()
    at.number_input(key="cmp-f1").set_value(353.25).run()
    assert_clean(at)
    assert results(at).loc[1, "total_cost"] == 240.0
    assert results(at).loc[1, "apr"] == 10.90
    words = verdict(at)
    assert "¥240.00 more than paying now, 10.90% a year" in words
    assert "0.5001% of the price an installment" in all_text(at)
    # the schedule follows the checkout exactly: 12 × ¥353.25
    assert set(table(at, 3)["payment"]) == {353.25}  # results, afford, the plan's rates, schedule


def test_changing_how_the_fee_is_entered_converts_it():
    # 花呗 12 期, 8.8% in total of ¥3,999, rounded once: 351.912 → ¥351.91, charged
    # 11 × 29.32 + 29.39 (351.91 / 12 = 29.3258 cut to 29.32; 351.91 − 322.52 = 29.39).
    # Each mode shows a figure that, typed back, charges ¥351.91 again (issue 19):
    #   period: 8.8 / 12 = 0.73333…; 0.7333% would charge 3,999 × 0.007333 × 12 =
    #     351.896 → 351.90, 0.73333% charges 351.9104 → 351.91, so 0.73333
    #   total_yuan: the plan's own whole fee, 351.91
    #   period_yuan: the plan's fees differ (29.32 and 29.39): 29.32 × 12 = 351.84 and
    #     29.33 × 12 = 351.96 miss, 29.326 × 12 = 351.912 → 351.91, so 29.326
    #   payment: 362.57 × 12 − 3,999 = 351.84 and 362.58 × 12 − 3,999 = 351.96 miss,
    #     362.576 × 12 − 3,999 = 351.912 → 351.91, so 362.576
    #   total: back to 8.8
    at = run({"lang": "en"})
    cost = results(at).loc[1, "total_cost"]
    assert cost == 351.91
    for mode, want in [("period", 0.73333), ("total_yuan", 351.91), ("period_yuan", 29.326),
                       ("payment", 362.576), ("total", 8.8)]:
        at.selectbox(key="cmp-fm1").set_value(mode).run()
        assert at.number_input(key="cmp-f1").value == want, mode
        assert results(at).loc[1, "total_cost"] == cost, mode
    assert_clean(at)


def test_a_fee_that_cannot_be_converted_keeps_its_mode():
    at = run({"lang": "en"})
    at.number_input(key="cmp-p").set_value(0.0).run()  # no valid price to convert with
    at.selectbox(key="cmp-fm1").set_value("total_yuan").run()
    assert inputs(at)["fm1"] == "total" and inputs(at)["f1"] == 8.8
    assert "could not be converted" in all_text(at)
    assert not at.exception


def test_the_verdict_names_the_cheapest_choice():
    # the default: 花呗 12 期 (¥351.91) and CCB 24 期 (24 × round(3,999 × 0.62%) = 24 ×
    # 24.79 = ¥594.96) against paying ¥3,999.00 now, the cheapest
    at = run({"lang": "en"})
    words = verdict(at)
    assert ("Cheapest: paying ¥3,999.00 in full now. The cheapest plan, "
            "“Huabei 12 installments”, costs ¥351.91 more.") in words
    assert "¥594.96 more than paying now" in words
    # with a 5% discount lost, 花呗免息 costs 3,999 − 3,799.05 = ¥199.95 (AppTest sends
    # a choice's label split at commas, so this part runs in Chinese, whose plan names
    # have none)
    switch_language(at, "zh")
    at.button_group(key="cmp-view-edit").set_value(2).run()
    at.selectbox(key="cmp-ps2").set_value("huabei_free").run()
    at.number_input(key="cmp-d").set_value(5.0).run()
    assert "多付 ¥199.95" in verdict(at)
    assert "最省：现在全款付 ¥3,799.05" in verdict(at)
    switch_language(at, "en")
    assert "¥199.95 more than paying now" in verdict(at)


def test_a_plan_that_cannot_be_computed_shows_a_dash_and_why():
    at = run({"lang": "en"})
    at.number_input(key="cmp-f1").set_value(5000.0).run()  # 5,000% in total: past 10%/period
    assert_clean(at)
    row = at.dataframe[0].value.loc[1]
    assert row["apr"] == "—" and "None" not in " ".join(map(str, row.values))
    assert "cannot be computed" in verdict(at)


def test_link_notices_name_missing_values_in_words():
    params = classroom("en")
    for name in ("p", "f1", "n1"):
        params.pop(name)
    at = run(params)
    text = all_text(at)
    assert "Price (¥)" in text and "Fee (Plan 1)" in text
    assert "Installments (months) (Plan 1)" in text


def test_a_link_from_before_checkout_entry_reopens_as_it_was():
    # links made before the fee rounding and first installment existed computed the
    # total fee rounded once: 0.5% × 12 on ¥3,999 = 239.94 (not 12 × 20.00 = 240.00)
    params = classroom("en")
    params.update(p="3999", f1="0.5", fm1="period")
    for name in ("fr1", "fi1"):
        params.pop(name)
    at = run(params)
    assert not at.warning  # nothing to report
    assert results(at).loc[1, "total_cost"] == 239.94


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
    numeric = [c for c in NUMERIC if c in results(at)]
    before_inputs, before = inputs(at), results(at)[numeric].copy()
    switch_language(at, target)
    assert_clean(at)
    assert inputs(at) == before_inputs
    assert results(at)[numeric].equals(before)
    assert at.title[0].value.startswith("Compare" if target == "en" else "分期对比")
    assert at.number_input(key="cmp-p").value == 4999.0
    assert at.text_input(key="cmp-nm1").value == "我的方案 my plan"
    assert at.selectbox(key="cmp-k1").value == "equal_payment"
    assert at.query_params["lang"] in (target, [target])
    switch_language(at, start)  # and back
    assert inputs(at) == before_inputs and results(at)[numeric].equals(before)


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
    # a down payment is set: its input stays on screen and the switch cannot close it,
    # so no term that changes the result can be hidden
    assert "cmp-dp1" in [w.key for w in at.number_input]
    assert at.toggle(key="cmp-view-more").disabled
    # back to its default: the section stays open under the user's cursor (the old
    # page folded it away the moment the last term went back to its default)
    at.number_input(key="cmp-dp1").set_value(0.0).run()
    assert "cmp-dp1" in [w.key for w in at.number_input]
    assert not at.toggle(key="cmp-view-more").disabled


def test_a_link_with_more_terms_opens_them():
    scn = COMPARE.defaults()
    scn["dp1"] = 500.0
    at = run(encode(COMPARE, scn, "en"))
    assert_clean(at)
    assert "cmp-dp1" in [w.key for w in at.number_input]


def test_a_preset_that_rounds_its_total_keeps_more_terms_folded():
    # 花呗 sets its own fee rounding ("total"): that is the preset's term, not the user's
    at = run()
    assert inputs(at)["ps1"] == "huabei_12" and inputs(at)["fr1"] == "total"
    assert "cmp-dp1" not in [w.key for w in at.number_input]


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
    at.selectbox(key="cmp-view-math").set_value(2).run()  # the second plan's math (by number)
    at.button_group(key="cmp-view-detail").set_value(2).run()
    at.button_group(key="cmp-view-edit").set_value(2).run()
    at.button(key="cmp-do-rm2").click().run()
    assert_clean(at)
    assert inputs(at)["np"] == 1
    assert at.selectbox(key="cmp-view-math").value == 1
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


def test_an_effective_rate_above_the_line_is_a_milder_note():
    # 花呗 12 期 with 13.2% in total on ¥3,999: 527.87 of fee, 12 payments of about
    # 377.24; numpy-financial's rate(12, -377.24, 3999, 0) is 1.961% a month: 23.53%
    # nominal (below the line) and (1.01961)^12 − 1 = 26.24% effective (above it), so a
    # note, not a warning (domain.md §3: the line is held against the nominal rate)
    at = run({"lang": "en"})
    at.number_input(key="cmp-f1").set_value(13.2).run()
    assert_clean(at)
    assert results(at).loc[1, "apr"] == 23.53 and results(at).loc[1, "effective"] == 26.24
    assert at.info and "not above the 24% line" in at.info[0].value
    assert not at.warning


def test_an_edited_preset_can_be_restored():
    # choosing the same preset again sends no change, so an edited plan offers a button
    at = run({"lang": "en"})
    assert "cmp-do-restore1" not in [b.key for b in at.button]
    at.number_input(key="cmp-f1").set_value(9.5).run()
    at.button(key="cmp-do-restore1").click().run()
    assert inputs(at)["f1"] == 8.8 and inputs(at)["ps1"] == "huabei_12"
    assert "cmp-do-restore1" not in [b.key for b in at.button]


def test_a_number_typed_over_a_pushed_one_is_pushed_back():
    # ui.widgets rule 4: a fee mode change pushes the converted fee into the fee
    # field; a number typed there as that push arrives must end up on screen,
    # not the push (the browser showed 362.58 while the plan used 353.25)
    at = run({"lang": "en"})
    at.selectbox(key="cmp-fm1").set_value("payment").run()
    assert at.number_input(key="cmp-f1").proto.set_value  # the converted fee, pushed
    at.number_input(key="cmp-f1").set_value(353.25).run()
    f1 = at.number_input(key="cmp-f1").proto
    assert f1.set_value and f1.value == 353.25  # pushed back as typed
    at.run()
    assert not at.number_input(key="cmp-f1").proto.set_value  # and left alone after
    assert_clean(at)


def test_two_plans_of_one_preset_can_each_be_edited():
    # the browser sends a choice's label (ui.widgets rule 3): two plans under one
    # name were one choice, and the second could never be opened for editing
    at = run({"lang": "en"})
    at.selectbox(key="cmp-view-addps").set_value("huabei_12")
    at.button(key="cmp-do-add").click().run()
    edit = at.button_group(key="cmp-view-edit")
    assert len(set(edit.options)) == 3  # "Huabei 12 installments (2)"
    for i in (1, 3):
        at.button_group(key="cmp-view-edit").set_value(i).run()
        assert_clean(at)
        assert at.selectbox(key=f"cmp-ps{i}")  # plan i's editor is open


# ------------------------------------------- issue 19: the checkout's figures, link versions

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as hst  # noqa: E402

from ui.codec import decode  # noqa: E402
from ui.scenarios import compare as sc  # noqa: E402


def _cost(scn: dict) -> float:
    return sc.results(scn).plans[0].schedule.total_cost


@settings(max_examples=150, deadline=None)
@given(price=hst.integers(100, 2_000_000).map(lambda f: f / 100), n=hst.integers(1, 60),
       rate=hst.integers(0, 2000).map(lambda b: b / 10_000),  # 0–2% a period, to 0.0001%
       rounding=hst.sampled_from(["period", "total"]), first=hst.booleans(),
       start=hst.sampled_from(sc.FEE_MODES), targets=hst.permutations(sc.FEE_MODES))
def test_every_conversion_typed_back_as_displayed_keeps_the_cost(price, n, rate, rounding,
                                                                 first, start, targets):
    """Convert a random plan's fee to each mode in turn; type back what the field
    shows (the widget's own format, sc.fee_format); the plan's cost never changes."""
    scn = COMPARE.defaults()
    scn.update(p=price, np=1, k1="addon", n1=n, fm1="period", f1=100 * rate, fr1=rounding)
    if first and n > 1:  # a fee-free first installment: its principal share, 1/n cut to fen
        scn["fi1"] = float(int(price * 100 / n)) / 100
    try:
        cost = _cost(scn)
    except (AttributeError, CalcError):
        return  # a plan calc refuses (a fee past 10% a period cannot be)
    if start != "period":
        got = sc.convert_fee(scn, 1, "period", start)
        if got is None:
            return
        scn.update(fm1=start, f1=got, fe1="fixed")
        assert _cost(scn) == cost
    for mode in targets:
        got = sc.convert_fee(scn, 1, str(scn["fm1"]), mode)
        if got is None:
            continue  # refused with a message: nothing changed
        shown = sc.fee_format(got, mode) % got  # what the field shows
        scn.update(fm1=mode, f1=float(shown), fe1="fixed")
        assert _cost(scn) == cost, (mode, shown)


def test_a_total_in_yuan_and_a_percent_always_convert():
    # the whole fee in yuan is always the plan's own figure (in fen), so converting to
    # it is never refused; 0.5% a period on ¥3,999 is ¥240.00 in all (12 × 20.00)
    scn = COMPARE.defaults()
    scn.update(np=1, k1="addon", fm1="period", f1=0.5, fr1="period")
    assert sc.convert_fee(scn, 1, "period", "total_yuan") == 240.0
    assert sc.convert_fee(scn, 1, "period", "period_yuan") == 20.0
    assert sc.convert_fee(scn, 1, "period", "payment") == 353.25


from calc.errors import CalcError  # noqa: E402


def test_the_typed_installment_is_what_the_plan_charges():
    # ¥8,999 × 12 typed as ¥800.00: 12 × 800 = 9,600 = 8,999 + 601.00 of fee, every
    # installment ¥800.00 (tests/test_schedule.py works the last one by hand)
    at = run({"lang": "en"})
    at.number_input(key="cmp-p").set_value(8999.0).run()
    at.selectbox(key="cmp-fm1").set_value("payment").run()
    at.number_input(key="cmp-f1").set_value(800.0).run()
    assert_clean(at)
    assert results(at).loc[1, "total_cost"] == 601.0
    assert set(table(at, 3)["payment"]) == {800.0}
    assert "¥601.00 in all" in all_text(at)


def test_a_link_without_a_version_takes_todays_defaults():
    # /?p=3999 is the default scenario: CCB 24 期 at round(3,999 × 0.62%) = 24.79 an
    # installment, 24 × 24.79 = ¥594.96, as on "/" (a missing fr2 was read as the
    # legacy rule: 3,999 × 0.0062 × 24 = 595.05)
    back, _, notices = decode(COMPARE, {"p": "3999"})
    assert back == COMPARE.defaults()
    assert ("no_version", "v", "p") in {(n.code, n.param, n.raw) for n in notices}
    at = run({"p": "3999", "lang": "en"})
    assert_clean(at)
    assert results(at).loc[2, "total_cost"] == 594.96
    assert results(at).equals(results(run({"lang": "en"})))
    notice = at.warning[0].value
    assert "no version" in notice and "it gives only Price (¥)" in notice
    assert "“”" not in notice  # not "link version “” is not the current version"


def test_an_empty_version_is_said_plainly():
    _, _, notices = decode(COMPARE, {"v": "", "p": "5000"})
    assert [n.code for n in notices if n.param == "v"] == ["no_version"]


def test_a_v1_link_keeps_its_old_rules():
    # a v=1 link lacks fe, du and kd (made before them): ¥29.99 in total over 3 on
    # ¥1,299.50 charged the old way, 3 × round(9.9966) = ¥30.00
    params = classroom("en")
    params.update(p="1299.5", n1="3", fm1="total_yuan", f1="29.99", fr1="period")
    for name in ("fe1", "du", "kd1"):
        params.pop(name)
    back, _, notices = decode(COMPARE, params)
    assert notices == [] and back["fe1"] == "rate"
    assert _cost(back) == 30.0
    back["fe1"] = "fixed"  # today's rule: charged as entered, 9.99 + 9.99 + 10.01
    assert _cost(back) == 29.99


def test_a_cash_discount_in_yuan_kept_or_lost_per_plan():
    # ¥200 off ¥3,999 for paying in full: cash price 3,799.00.  花呗免息 losing it costs
    # 3,999 − 3,799 = ¥200.00; keeping it (a card the shop still discounts) costs 0
    at = run({"lang": "en"})
    at.number_input(key="cmp-d").set_value(5.0).run()
    at.selectbox(key="cmp-du").set_value("yuan").run()
    assert at.number_input(key="cmp-d").value == 199.95  # 5% of 3,999 = 199.95
    at.number_input(key="cmp-d").set_value(200.0).run()
    scn = inputs(at)
    scn.update(ps1="huabei_free", k1="free", fm1="total", f1=0.0, fr1="total")
    lose = dict(scn)
    keep = dict(scn, kd1="yes")
    assert sc.results(lose).cash_price == 3799.0
    assert _cost(lose) == 200.0 and _cost(keep) == 0.0
    fresh = run(encode(COMPARE, keep, "en"))
    assert_clean(fresh)
    assert results(fresh).loc[1, "total_cost"] == 0.0
    assert "paying ¥3,799.00 in full" in verdict(fresh) or "¥3,799.00" in all_text(fresh)


# ------------------------------------------ issue 21: the monthly payment (h5)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_verdict_and_the_cards_give_the_monthly_payment(lang):
    # The default page: the ¥3,999 phone on 花呗 12 期 (8.8% in total) and a
    # bank card's 24 期.  花呗: 3,999 / 12 = 333.25 of principal a month; the fee
    # 3,999 × 8.8% = 351.912 → ¥351.91, split evenly to the fen with the
    # remainder last: 11 × 29.32 + 29.39 (351.91 − 322.52).  So 333.25 + 29.32 =
    # ¥362.57 a month and a last of 333.25 + 29.39 = ¥362.64.
    from ui.i18n import CATALOG

    cat = CATALOG[lang]
    at = run(encode(COMPARE, COMPARE.defaults(), lang))
    assert_clean(at)
    pay = cat["cmp.pay_with"].format(
        regular=cat["cmp.pay_regular"].format(pay="¥362.57"),
        more=cat["cmp.pay_last"].format(pay="¥362.64"))
    verdict = at.markdown[1].value  # the verdict's bullets, after its bold line
    assert pay in verdict.splitlines()[0]
    card = next(m for m in at.metric if m.value == "15.86%")
    assert str(card.proto.delta).startswith(pay)


def test_a_first_payment_carrying_the_fee_is_named():
    # domain.md §2's classroom plan, ¥10,000 in 12 at 0.6% a period, with the
    # whole fee in the first payment (fee timing "first"): the fee 12 × 0.6% ×
    # 10,000 = ¥720 comes with installment 1, so 10,000 / 12 = 833.33 a month
    # (the rounding, 10,000 − 12 × 833.33 = 0.04, in the last: ¥833.37) and a first
    # of 833.33 + 720 = ¥1,553.33
    from ui.i18n import CATALOG

    cat = CATALOG["zh"]
    params = classroom()
    params["t1"] = "first"
    at = run(params)
    assert_clean(at)
    more = cat["list.sep"].join((cat["cmp.pay_first"].format(pay="¥1,553.33"),
                                 cat["cmp.pay_last"].format(pay="¥833.37")))
    pay = cat["cmp.pay_with"].format(regular=cat["cmp.pay_regular"].format(pay="¥833.33"),
                                     more=more)
    assert pay in at.markdown[1].value


# ------------------------------- issue 21 (h9): an edited preset, the math's plan


def _answer(at: AppTest) -> str:
    """The verdict's sentences (its cheapest line and one line per plan)."""
    return "\n".join(m.value for m in at.markdown if "¥3,999.00" in m.value
                     or m.value.startswith("- "))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_edited_preset_plan_stops_carrying_the_presets_name(lang):
    # 花呗 12 期's fee is 8.8% of the price in all (preset_fields("huabei_12"));
    # at 7.5% it is no longer that preset, and no label may say it is
    cat = CATALOG[lang]
    at = run({"lang": lang})
    preset = cat["preset.huabei_12"]
    assert md_escape(preset) in _answer(at)  # as the preset: named by it
    at.number_input(key="cmp-f1").set_value(7.5).run()
    assert_clean(at)
    edited = cat["cmp.plan_edited"].format(n=1)
    assert md_escape(preset) not in _answer(at) and md_escape(edited) in _answer(at)
    assert md_escape(edited) in at.button_group(key="cmp-view-edit").options
    assert preset not in " ".join(m.label for m in at.metric)
    assert md_escape(edited) in " ".join(m.label for m in at.metric)
    assert preset not in " ".join(str(x) for x in table(at).iloc[:, 0])
    # the preset again: its name again
    at.number_input(key="cmp-f1").set_value(8.8).run()
    assert md_escape(preset) in _answer(at)


def _math_plan(at: AppTest) -> str:
    box = at.selectbox(key="cmp-view-math")
    return box.options[box.index]


def test_the_math_opens_on_the_plan_being_edited():
    cat = CATALOG["zh"]
    at = run()
    at.toggle(key="cmp-view-math_on").set_value(True).run()
    assert_clean(at)
    # plan 1 is edited by default: the math shows plan 1 (before: plan 2)
    assert _math_plan(at) == cat["preset.huabei_12"]
    at.button_group(key="cmp-view-edit").set_value(2).run()
    assert _math_plan(at) == cat["preset.ccb_24"]
    # the user may pick another; editing a plan then opens its math again
    at.selectbox(key="cmp-view-math").set_value(1).run()
    assert _math_plan(at) == cat["preset.huabei_12"]
    at.button_group(key="cmp-view-edit").set_value(1).run()
    at.button_group(key="cmp-view-edit").set_value(2).run()
    assert _math_plan(at) == cat["preset.ccb_24"]
