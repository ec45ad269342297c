"""AppTest of the cash-line page: renders for every preset, keeps inputs across
languages, restores links, opens malformed links with a notice."""

from __future__ import annotations

import re

import pytest
from pagetest import all_text, assert_clean, run, switch_language, table
from streamlit.testing.v1 import AppTest

from calc.presets import CASH_LINE_PRESETS
from ui.codec import encode
from ui.i18n import CATALOG
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
        # every cell but the labels and notes reads the same in both languages
        same = [c for c in old.columns
                if c not in ("rule", "way", "note", "choice", "warnings", "late")]
        assert new.value[same].equals(old[same])
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


# ------------------------------------------------------------ issue 9's conventions


#: The page's tables in page order (AppTest does not give an element's key).
TABLES = ("statements", "afford", "rules", "versus")


def frame(at: AppTest, name: str):
    """The page's table ``name`` (:data:`TABLES`) as shown: text cells."""
    assert len(at.dataframe) == len(TABLES)
    return at.dataframe[TABLES.index(name)].value


def test_simple_daily_interest_on_a_flexible_line():
    # domain.md §1: ¥10,000 repaid after 45 days at 0.05%/day costs 10,000 ×
    # 0.0005 × 45 = ¥225.00 on a 备用金 line (the default, 微粒贷's simple
    # interest); compounded monthly, as a card, 150 + 10,150 × 0.0005 × 15 =
    # ¥226.13
    values = {"m": "flexible", "nr": 1, "rd1": 45, "ra1": 0.0}
    at = run(link(**values), page=PAGE)
    assert_clean(at)
    assert at.selectbox(key="cash-co").value == "none"
    assert "¥225.00" in metrics(at).values()
    card = run(link(**values, co="monthly"), page=PAGE)
    assert "¥226.13" in metrics(card).values()


def test_presets_set_the_compounding_and_the_page_shows_it():
    at = run(link(**cash_preset_fields("card_cash")), page=PAGE)
    assert at.selectbox(key="cash-co").value == "monthly"
    assert inputs(at)["co"] == "monthly" and inputs(at)["mr"] == "statement"
    # a term method charges by its schedule: no compounding to choose
    term = run(link(**cash_preset_fields("weilidai")), page=PAGE)
    assert not [s for s in term.selectbox if s.key == "cash-co"]


def test_a_link_from_before_the_new_fields_means_what_it_meant():
    # no "co" or "mr" in the link: the line compounded monthly and the minimum
    # was a percent of the statement, as the app computed then; no notice
    params = link(**cash_preset_fields("card_revolve"))
    del params["co"], params["mr"]
    at = run(params, page=PAGE)
    assert_clean(at)
    assert not at.warning or "co" not in at.warning[0].value
    assert (inputs(at)["co"], inputs(at)["mr"]) == ("monthly", "statement")


def test_choosing_a_minimum_rule_sets_its_rate():
    # domain.md §1: CMB 10%, the US rule 1% of the balance + interest
    at = run(link(**cash_preset_fields("card_revolve")), page=PAGE)
    at.selectbox(key="cash-mr").set_value("balance_plus_interest").run()
    assert inputs(at)["mp"] == 1.0
    at.selectbox(key="cash-mr").set_value("cmb").run()
    assert_clean(at)
    assert inputs(at)["mp"] == 10.0
    # ¥10,000 at 0.05%/day under CMB's rule at a ¥100 floor: 33 months (domain.md §2)
    assert table(at, 2)["months"].tolist()[1] == 33


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_24_percent_line(lang):
    # ¥5,000 card cash advance for 30 days: ¥125; one draw, one repayment, so
    # the unit period is the 30-day term (Reg Z App. J): 125 / 5,000 × 365 / 30
    # = 30.42%, above the line, with its source
    at = run(link(lang, **{**cash_preset_fields("card_cash"), "a1": 5000.0}), page=PAGE)
    assert_clean(at)
    text = " ".join(w.value for w in at.warning)
    assert "30.42%" in text and "2025-10-01" in text
    # 随星借 at 24% a year (as a daily rate): the contract's 365 d = 24.00% is on
    # the line; its effective rate, near (1.02)^12 − 1 ≈ 26.8%, is above it:
    # the milder note, not a warning
    top = run(link(lang, **cash_preset_fields("suixingjie_high")), page=PAGE)
    assert_clean(top)
    assert not [w for w in top.warning if "24%" in w.value]
    assert top.info and "24.00%" in top.info[0].value


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_never_paid_off_shows_a_dash_and_the_reason_in_every_table(lang):
    # the card's minimum with no floor stalls at a few fen (domain.md §2): the
    # pay-rule table shows "—" for its months and says why; paying ¥10 a month
    # against ~¥150 of interest passes ¥1 billion: the same-purchase table too
    cat = CATALOG[lang]
    at = run(link(lang, **{**cash_preset_fields("card_revolve"), "mf": 0.0}), page=PAGE)
    assert_clean(at)
    rules = frame(at, "rules")
    assert rules["months"].tolist()[1] == "—"
    assert cat["cash.unpaid.stalled"] in rules["note"].tolist()[1]
    assert "None" not in rules.to_string() and "nan" not in rules.to_string()
    fixed = {**cash_preset_fields("card_revolve"), "pr": "fixed", "fx": 10.0}
    at = run(link(lang, **fixed), page=PAGE)
    versus = frame(at, "versus")
    assert versus["months"].tolist()[0] == "—"
    assert cat["cash.unpaid.debt_cap"] in versus["note"].tolist()[0]
    for name in ("statements", "rules", "versus"):
        shown = frame(at, name).to_string()
        assert "None" not in shown and "nan" not in shown, name


def test_the_same_purchase_counts_the_rollover():
    # 先息后本 ¥10,000 at 18% a year over 3 months, the first 2 payments of 150
    # borrowed from a second line at 0.05%/day (test_cashline.TestRollover):
    # 450 of interest + 2.25 + 4.68 on the second line = ¥456.93, all paid on
    # day 91: ¥10,456.93.  The headline and the same-purchase row agree.
    at = run(link(m="interest_only", tm=3, r=18.0, u="annual", ro=2, rl=10_000.0, rr=0.05,
                  ru="daily"), page=PAGE)
    assert_clean(at)
    assert {"¥456.93", "¥10,456.93"} <= set(metrics(at).values())
    row = frame(at, "versus").iloc[0]
    assert (row["cost"], row["paid"]) == ("¥456.93", "¥10,456.93")
    assert CATALOG["zh"]["cash.versus_rollover"] in all_text(at)


def test_an_edited_preset_can_be_restored():
    at = run(link("en"), page=PAGE)
    assert "cash-do-restore" not in [b.key for b in at.button]
    at.number_input(key="cash-r").set_value(0.04).run()
    at.button(key="cash-do-restore").click().run()
    scn = at.session_state["cash:scenario"]
    assert scn["r"] == 0.05 and "cash-do-restore" not in [b.key for b in at.button]
    assert_clean(at)


# ------------------------------------------------------------ issue 19 A: the rates


def flexible(lang: str = "zh", rate: float = 0.07, repay: int | None = 365, **values):
    """¥10,000 drawn on day 0 at ``rate`` % a day, 随借随还, repaid in full on
    day ``repay`` (``None``: never)."""
    reps = {"nr": 1, "rd1": repay, "ra1": 0.0} if repay is not None else {"nr": 0}
    return link(lang, ps="custom", m="flexible", r=rate, u="daily", a1=10_000.0, **reps,
                **values)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_loan_above_the_line_is_called_above(lang):
    # ¥10,000 at 0.07%/day repaid on day 365: 10,000 × 0.0007 × 365 = ¥2,555.00;
    # one advance, one payment, the unit period is its 365-day term (Reg Z App.
    # J): 2,555 / 10,000 × 365 / 365 = 25.55%; the contract's 365 × 0.07% =
    # 25.55%.  Above 24%: the warning with its source, and no "not above" note;
    # the old 12 × (1.2555^(1/12) − 1) = 22.97% is nowhere
    cat = CATALOG[lang]
    at = run(flexible(lang), page=PAGE)
    assert_clean(at)
    shown = metrics(at)
    assert shown[cat["cash.total_cost"]] == "¥2,555.00"
    assert shown[cat["cash.apr"]] == "25.55%" and shown[cat["cash.contract"]] == "25.55%"
    warning = " ".join(w.value for w in at.warning)
    assert "25.55%" in warning and "2025-10-01" in warning
    assert not at.info or "24%" not in " ".join(i.value for i in at.info)
    assert "22.97%" not in all_text(at)
    # the page names the convention it used: the term as the unit period
    assert cat["cash.rate_rule.term_days"].format(days=365) in all_text(at)


@pytest.mark.parametrize(("days", "rule"), [(10, "term_days"), (45, "term_days"),
                                            (730, "year")])
def test_wan5_repaid_once_shows_its_app_j_rate(days, rule):
    # 0.05%/day repaid once after D days: 365 × 0.05% = 18.25% for D ≤ 365 (the
    # issue: 18.00 / 17.91% before); after 730 days the unit period is a year:
    # (1 + 730 × 0.0005)^½ − 1 = √1.365 − 1 = 16.83% (1.1683² = 1.3649), held
    # against the contract's 18.25%
    at = run(flexible("en", rate=0.05, repay=days), page=PAGE)
    assert_clean(at)
    want = "16.83%" if days == 730 else "18.25%"
    assert metrics(at)[CATALOG["en"]["cash.apr"]] == want
    assert metrics(at)[CATALOG["en"]["cash.contract"]] == "18.25%"
    assert CATALOG["en"]["cash.rate_rule." + rule].format(days=days) in all_text(at)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_draw_never_repaid_shows_a_dash_the_reason_and_the_contract(lang):
    # 0.05%/day, nothing repaid: not paid off within 100 years; no realised rate
    # (the old page showed 2.96%), the reason, and 365 × 0.05% = 18.25%
    cat = CATALOG[lang]
    at = run(flexible(lang, rate=0.05, repay=None), page=PAGE)
    assert_clean(at)
    shown = metrics(at)
    assert shown[cat["cash.apr"]] == "—" and shown[cat["cash.contract"]] == "18.25%"
    text = all_text(at)
    assert cat["cash.no_rate.not_repaid"] in text
    assert cat["cash.held_rule_contract"].format(held="18.25%") in text
    assert "2.96%" not in text
    # at 0.07%/day the contract's 25.55% is above the line: the warning says so
    above = run(flexible(lang, repay=None), page=PAGE)
    warning = " ".join(w.value for w in above.warning)
    assert cat["cash.above_line_contract"].split("{")[0] in warning and "25.55%" in warning


def test_equal_payments_on_a_by_the_day_line_charge_the_daily_rate():
    # ¥5,000 at 0.035%/day, 等额本息 over 12 months: statement 1 (30 days) charges
    # 5,000 × 0.00035 × 30 = ¥52.50 (the old page: a month's 5,000 × 0.035% ×
    # 365 / 12 = ¥53.23); the level payment, the annuity at 1.0645833% a month, is
    # 5,000 × 0.0106458 / (1 − 1.0106458^−12) = 53.229 / 0.119331 = ¥446.06
    at = run(link("en", ps="custom", m="equal_payment", tm=12, r=0.035, a1=5_000.0), page=PAGE)
    assert_clean(at)
    rows = table(at, TABLES.index("statements"))
    assert rows["interest"].tolist()[0] == 52.5
    assert rows["paid"].tolist()[:11] == [446.06] * 11
    # the contract's 365 × 0.035% = 12.78% (12.775) beside the realised APR
    assert metrics(at)[CATALOG["en"]["cash.contract"]] == "12.78%"


# ------------------------------------------------ issue 21: the answer first (h5)


def _in_order(at: AppTest) -> list:
    """The page's elements in the order they are drawn."""
    out: list = []

    def walk(node) -> None:
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for k in sorted(children):
                walk(children[k])
        else:
            out.append(node)

    walk(at.main)
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_answer_and_the_rollover_danger_come_before_the_inputs(lang):
    # The rollover lesson (ui/lessons.py): ¥10,000 on 微粒贷 terms, its first 6
    # instalments of ¥917.99 borrowed as card cash advances.  tests/test_lessons.py
    # derives by hand that line 2 owes 5,870.62 on statement 7 and is cleared with
    # month 7's own 917.99: ¥6,788.61 out of pocket at once, against ¥917.99 a month.
    from ui.lessons import LESSONS

    cat = CATALOG[lang]
    at = run(encode(CASH, LESSONS["rollover"].scenario(), lang), page=PAGE)
    assert_clean(at)
    order = _in_order(at)
    first_input = next(i for i, e in enumerate(order) if type(e).__name__ == "NumberInput")
    rollover = cat["warn.rollover"].split("{name}")[1][:8]  # the text after the name
    danger = [i for i, e in enumerate(order)
              if type(e).__name__ == "Error" and rollover in e.value]
    assert danger and danger[0] < first_input
    month = cat["cash.rollover_month"].format(m=7, paid="¥6,788.61", usual="¥917.99")
    said = [i for i, e in enumerate(order) if type(e).__name__ == "Error" and month in e.value]
    assert said and said[0] < first_input
    cards = {m.label: (m.value, i) for i, m in enumerate(order) if type(m).__name__ == "Metric"}
    value, at_index = cards[cat["cash.heaviest"]]
    assert value == "¥6,788.61" and at_index < first_input
    assert cards[cat["cash.total_paid"]][1] < first_input
    # the household section below does not say the rollover danger a second time
    texts = [e.value for e in at.error]
    assert sum(rollover in x for x in texts) == 1


def test_the_heaviest_month_of_a_plain_loan_is_its_instalment():
    # the default: ¥10,000 over 12 equal payments at 0.05% a day, nothing rolled;
    # i = 0.0005 × 365 / 12, the level payment 10,000 i / (1 − (1 + i)^−12)
    # = 917.9901… → ¥917.99 (tests/test_lessons.py), the same each month but the
    # last (¥915.25, smaller): the heaviest month is month 1's ¥917.99
    at = run(link(), page=PAGE)
    heaviest = next(m for m in at.metric if m.label == CATALOG["zh"]["cash.heaviest"])
    assert heaviest.value == "¥917.99"
    assert CATALOG["zh"]["cash.payoff_value"].format(m=1) in str(heaviest.proto.body) + \
        str(heaviest.proto.delta)
    assert not any("第" in md.value and "借来的钱一起到期" in md.value for md in at.markdown)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_late_payment_says_what_it_cost_and_is_marked(lang):
    # The default line (¥10,000, 12 × ¥917.99 at 0.05% a day), statement 3 paid
    # 10 days late, past the 3-day grace: a 违约金 of max(5% × 917.99 = 45.8995,
    # ¥10) = ¥45.90 and overdue interest at 1.5 × 0.05% a day on the 917.99
    # for the 10 days, 917.99 × 0.00075 × 10 = 6.8849… → ¥6.88: ¥52.78 more
    cat = CATALOG[lang]
    at = run(link(lang, lm=3, ld=10), page=PAGE)
    assert_clean(at)
    card = next(m for m in at.metric if m.label == cat["cash.late_cost"])
    assert card.value == "¥52.78"
    assert cat["cash.late_cost_delta"].format(m=3, d=10) in str(card.proto.delta)
    statements = at.dataframe[0].value  # the statements (labels go on in the browser)
    marked = statements[statements["late"].astype(str) != ""]
    assert [int(m) for m in marked["month"]] == [3]
    assert list(marked["late"]) == [cat["cash.late_mark"].format(d=10)]
    # the page says a late payment may reach the credit record, in both languages
    assert cat["cash.credit_record"] in all_text(at) and "征信" in cat["cash.credit_record"]


def test_a_cash_line_can_be_renamed_and_an_edited_preset_drops_its_name():
    # 小米随星借 at 日息万2, then the rate moved to 万3.5: its label, which names
    # 日息万2, no longer names the line; a name the user gives is used everywhere
    from ui import afford

    cat = CATALOG["zh"]
    terms = cash_preset_fields("suixingjie_low")
    rolled = dict(ro=3, **terms)  # a rollover, so the line is named in a warning
    at = run(link(**rolled), page=PAGE)
    assert any(cat["preset.suixingjie_low"] in e.value for e in at.error)
    at = run(link(**{**rolled, "r": 0.035}), page=PAGE)
    assert_clean(at)
    assert not any(cat["preset.suixingjie_low"] in e.value for e in at.error)
    assert any(cat["cash.edited_line"] in e.value for e in at.error)
    at.text_input(key="cash-nm").set_value("我的备用金").run()
    assert_clean(at)
    assert any("我的备用金" in e.value for e in at.error)
    assert afford.line_name(inputs(at)) == "我的备用金"
    assert at.query_params["nm"] in ("我的备用金", ["我的备用金"])


def test_an_old_link_without_a_name_reopens_with_the_same_numbers():
    # a v=1 link written before the name existed has no nm: the same figures
    # as the page's own default link (the contract's 0.05% × 365 = 18.25%, and
    # ¥11,013.14 paid: 10,000 + the ¥1,013.14 of interest tests/test_lessons.py
    # derives)
    old = link()
    old.pop("nm", None)
    at = run(old, page=PAGE)
    assert_clean(at)
    assert inputs(at)["nm"] == ""
    values = metrics(at)
    assert values[CATALOG["zh"]["cash.contract"]] == "18.25%"
    assert values[CATALOG["zh"]["cash.total_paid"]] == "¥11,013.14"


def test_a_preset_with_one_repayment_leaves_no_second_behind():
    """Three repayments typed on a flexible line, then the card cash advance
    preset (which repays everything on one day): the scenario, and so the
    share link, holds one repayment, not one plus the two it replaced (found
    by tests/test_journeys.py; the link carried rd2, ra2 with nr=1)."""
    at = run(link("en", ps="custom", m="flexible", nr=3, a1=5_000.0,
                  rd1=10, ra1=1_000.0, rd2=20, ra2=1_000.0, rd3=30, ra3=0.0), page=PAGE)
    assert inputs(at)["nr"] == 3
    at.selectbox(key="cash-ps").set_value("card_cash").run()
    scn = inputs(at)
    assert scn["nr"] == 1
    assert set(scn) == set(CASH.names(scn))  # no rd2, ra2, rd3, ra3
    assert not {"rd2", "ra2", "rd3", "ra3"} & set(at.query_params)
    assert_clean(at)
