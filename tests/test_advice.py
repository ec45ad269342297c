"""Debt warnings in words (ui.advice; the catalogues' warn.*, source.* and grade.*
entries): every rule, both languages.

Each case runs calc.warnings.evaluate on a calc.burden timeline that fires the
rule; the numbers it must show are worked out by hand beside it.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from calc.burden import Household, Obligation, fixed_payment, from_schedule, timeline
from calc.schedule import PlanTerms, build_schedule, early_repayment
from calc.warnings import RULES, SOURCES, DebtWarning, Thresholds, evaluate
from ui.advice import WarningText, warning_texts
from ui.catalogs import problems
from ui.i18n import CATALOG, t

LANGS = ("zh", "en")


def debt_entries(lang: str) -> dict[str, str]:
    """The warnings' entries of a catalogue (once ui/catalog_debt.py)."""
    return {k: v for k, v in CATALOG[lang].items()
            if k.split(".", 1)[0] in ("warn", "source", "grade")}


def fixed(payments: tuple[float, ...], balance: float = 0.0, **flags: object) -> Obligation:
    return Obligation(kind="fixed", payments=payments, balance=balance, **flags)


def flag(name: str) -> Obligation:
    """A card debt of ¥100 in month 1 with one flag set."""
    return Obligation(kind="cash_line", payments=(100.0,), **{name: True})


# code: (household, obligations, names, thresholds, what the text must show in both
# languages).  A name listed is shown between “” quotes in both languages.
CASES: dict[str, tuple[Household, list[Obligation], list[str], Thresholds | None, list[str]]] = {
    # ¥600 a month on ¥1,000: 600 / 1,000 = 60.00%, above the 55.00% CBRC line, month 1
    "debt_share_limit": (Household(income=1_000), [fixed_payment(600, 3, 1_800)], ["Loan"],
                         None, ["60.00%", "55.00%", "¥600.00", "¥1,000.00", " 1 "]),
    # ¥400 on ¥1,000: 40.00%, above 36.00% (not above 55%)
    "debt_share_high": (Household(income=1_000), [fixed_payment(400, 3, 1_200)], ["Loan"],
                        None, ["40.00%", "36.00%", "¥400.00", "¥1,000.00"]),
    # ¥260 on ¥1,000: 26.00%, at least 25.00% (IFS)
    "debt_share_pressure": (Household(income=1_000), [fixed_payment(260, 3, 780)], ["Loan"],
                            None, ["26.00%", "25.00%", "¥260.00", "¥1,000.00"]),
    # ¥1,000 − ¥900 essentials leaves ¥100: paying 50, 200, 200, 50, 200, 50, 50 leaves
    # 50, −100, −100, 50, −100, 50, 50: short in months 2, 3, 5, i.e. 3 of the 6 months
    # from month 1; the line is 3 of 6
    "money_short_repeated": (Household(income=1_000, essentials=900),
                             [fixed((50, 200, 200, 50, 200, 50, 50))], ["Loan"], None,
                             ["3", "6", "1"]),
    # paying 50, 200, 50, 300 leaves 50, −100, 50, −200: 2 months short from month 2,
    # the worst month 4, ¥200.00 short (only 2 of 6: not the repeated rule)
    "money_short": (Household(income=1_000, essentials=900), [fixed((50, 200, 50, 300))],
                    ["Loan"], None, ["2", "4", "¥200.00"]),
    # ¥1,000 a month = ¥12,000 a year; 1/3 of it (33.33%) is ¥4,000.00; unsecured ¥5,000.00
    # (the ¥90,000 mortgage is secured and left out)
    "unsecured_over_income": (Household(income=1_000),
                              [fixed_payment(100, 12, 5_000),
                               fixed_payment(100, 12, 90_000, secured=True)],
                              ["Loan", "Mortgage"], None,
                              ["¥5,000.00", "33.33%", "¥4,000.00", "¥12,000.00"]),
    # 30% simple, above the 24.00% line
    "rate_above_line": (Household(), [fixed_payment(100, 12, 1_000, nominal_rate=0.30)],
                        ["Card loan"], None, ["“Card loan”", "30.00%", "24.00%"]),
    # 22% simple is not above 24%, but (1 + 0.22/12)^12 − 1 = e^(12 ln 1.0183333) − 1
    # = e^0.218008 − 1 = 24.36% is
    "effective_above_line": (Household(), [fixed_payment(100, 12, 1_000, nominal_rate=0.22)],
                             ["Huabei"], None, ["“Huabei”", "22.00%", "24.36%", "24.00%"]),
    # LPR 3.50% as of 2026-03-20: the cap is 4 × 3.50% = 14.00%, and 15% is above it
    "rate_above_court_cap": (Household(), [fixed_payment(100, 12, 1_000, nominal_rate=0.15)],
                             ["Loan"], Thresholds(lpr=0.035, lpr_date="2026-03-20"),
                             ["“Loan”", "15.00%", "3.50%", "14.00%", "2026-03-20"]),
    # 4 debts paid in month 1, the line is 3 at once
    "stacked_loans": (Household(), [fixed_payment(100, 2, 200)] * 4, ["a", "b", "c", "d"],
                      None, ["4", "3", " 1 "]),
    "minimum_only": (Household(), [flag("minimum_only")], ["Card"], None, ["“Card”"]),
    # huabei and jd paid in month 1: 2 lenders, the line is 2
    "several_lenders": (Household(), [fixed_payment(100, 2, 200, lender="huabei"),
                                      fixed_payment(100, 1, 100, lender="jd")],
                        ["Huabei", "Baitiao"], None, ["2", " 1 "]),
    "cash_advance": (Household(), [flag("cash_advance")], ["Card"], None, ["“Card”"]),
    # the plan's simple rate as repaid early: 20.00%
    "early_rate_raised": (Household(), [fixed((100.0,), nominal_rate=0.20,
                                              early_rate_raised=True)],
                          ["Phone"], None, ["“Phone”", "20.00%"]),
    "rollover": (Household(), [flag("rollover")], ["Cash line"], None, ["“Cash line”"]),
}


def test_every_rule_has_a_case():
    assert set(CASES) == set(RULES)


def fired(code: str) -> tuple[DebtWarning, list[str]]:
    household, obligations, names, thresholds, _ = CASES[code]
    found = [w for w in evaluate(timeline(household, obligations), thresholds) if w.code == code]
    assert len(found) == 1, (code, found)
    return found[0], names


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("code", sorted(CASES))
def test_warning_text(code, lang):
    w, names = fired(code)
    (text,) = warning_texts([w], names, lang)
    assert isinstance(text, WarningText) and text.severity == RULES[code].severity
    for part in CASES[code][4]:
        assert part in text.text, (part, text.text)
    assert text.action == t("warn.do_prefix", lang) + t(f"warn.{code}.do", lang)
    for s in w.sources:
        title = t(f"source.{s.id}", lang)
        grade = f"grade {s.grade}" if lang == "en" else f"证据等级 {s.grade}"
        assert title in text.source and grade in text.source and s.date in text.source
        assert t(f"grade.{s.grade}", lang) in text.source
    if not w.sources:
        assert text.source == t("warn.source_none", lang)
    for part in (text.text, text.source, text.action):
        assert "⟦" not in part and "{" not in part, part


def test_the_worked_example_in_words():
    w, names = fired("debt_share_limit")
    (en,) = warning_texts([w], names, "en")
    assert en.text == ("Debt payments take 60.00% of your income in month 1 (¥600.00 of "
                       "¥1,000.00), above the 55.00% limit for all monthly debt payments.")
    assert en.source == "Source: CBRC mortgage guideline (grade B, press or research, 2004)"
    (zh,) = warning_texts([w], names, "zh")
    assert zh.text.startswith("第 1 个月的还款 ¥600.00 占月收入 ¥1,000.00 的 60.00%")
    assert zh.source == "来源：原银监会房贷指引（证据等级 B，媒体报道或研究，2004）"


def test_lines_are_worded_as_their_sources_word_them():
    """25% counts at "or more"; 36% is worded more strongly, and stays a caution."""
    for lang, at_least, heavy in (("en", "or more", "heavy"), ("zh", "或以上", "很重")):
        assert at_least in t("warn.debt_share_pressure", lang)
        assert heavy in t("warn.debt_share_high", lang)
        assert heavy not in t("warn.debt_share_pressure", lang)
    assert RULES["debt_share_high"].severity == "caution"


def test_court_cap_shows_the_lpr_and_its_default_date():
    # default LPR 3.00% since 2025-05-20: 4 × 3.00% = 12.00%
    w = next(w for w in evaluate(timeline(Household(), [fixed_payment(100, 12, 1_000,
                                                                      nominal_rate=0.15)]))
             if w.code == "rate_above_court_cap")
    (en,) = warning_texts([w], ["Loan"], "en")
    assert "4 × LPR 3.00% = 12.00% (LPR as of 2025-05-20)" in en.text
    assert "PBoC/NIFC one-year LPR (grade A, legal or regulatory text, 2025-05-20)" in en.source
    (zh,) = warning_texts([w], ["Loan"], "zh")
    assert "4 × 3.00% = 12.00%（LPR 截至 2025-05-20）" in zh.text


def test_a_rate_rule_without_a_simple_rate_uses_its_own_wording():
    # only the compounded rate is known: 25.00%, above 24.00%
    ws = evaluate(timeline(Household(), [fixed((100.0,), effective_rate=0.25)]))
    assert [w.code for w in ws] == ["effective_above_line"]
    for lang in LANGS:
        (text,) = warning_texts(ws, ["Loan"], lang)
        assert text.text == t("warn.effective_above_line.no_apr", lang, name="Loan",
                              eff="25.00%", line="24.00%")
    ws = evaluate(timeline(Household(), [fixed((100.0,), early_rate_raised=True)]))
    (text,) = warning_texts(ws, ["Phone"], "en")
    assert text.text == t("warn.early_rate_raised.no_apr", "en", name="Phone")


def test_early_repayment_of_a_real_plan():
    # 12 × 0.6% on ¥10,000 paid off in month 4 with every fee still charged: about 24%
    # (domain.md §1), up from 13.03%
    s = build_schedule(10_000, PlanTerms(kind="addon", periods=12, fee_rate=0.006))
    o = from_schedule(early_repayment(s, 4, "charge"), planned=s)
    w = next(w for w in evaluate(timeline(Household(), [o])) if w.code == "early_rate_raised")
    (text,) = warning_texts([w], ["Phone"], "en")
    apr = float(re.search(r"to (\d+\.\d\d)%", text.text).group(1))
    assert 23.0 < apr < 25.0


def test_names_are_escaped_and_an_empty_name_is_numbered():
    w, _ = fired("rate_above_line")
    (text,) = warning_texts([w], ["<b>x</b>*"], "en")
    assert "<b>" not in text.text and "\\<b\\>x\\</b\\>\\*" in text.text
    (text,) = warning_texts([w], ["  "], "en")
    assert text.text.startswith("“Debt 1” costs")
    (text,) = warning_texts([w], [""], "zh")
    assert text.text.startswith("“第 1 笔借款”")


def test_sources_are_joined_with_the_list_separator():
    w, names = fired("rollover")
    (zh,) = warning_texts([w], names, "zh")
    assert zh.source == ("来源：原银保监会风险提示（证据等级 B，媒体报道或研究，2020-12-29）、"
                         "原银保监会风险提示（证据等级 B，媒体报道或研究，2022-03-14）")
    w, names = fired("early_rate_raised")
    (en,) = warning_texts([w], names, "en")
    assert en.source == ("Sources: ICBC installment agreement (grade A, legal or regulatory "
                         "text), Shenzhen Consumer Council survey (grade B, press or "
                         "research, 2021-08)")


# ----------------------------------------------------------------------------- catalogue


@pytest.mark.parametrize("lang", LANGS)
def test_every_rule_and_source_has_its_entries(lang):
    cat = CATALOG[lang]
    for code in RULES:
        assert f"warn.{code}" in cat and f"warn.{code}.do" in cat, code
    for sid in [*SOURCES, "lpr"]:
        assert f"source.{sid}" in cat, sid
    for grade in {s.grade for s in SOURCES.values()} | {"A", "B", "C"}:
        assert f"grade.{grade}" in cat
    for severity in ("notice", "caution", "danger"):
        assert f"warn.severity.{severity}" in cat
    for key in ("warn.source_line", "warn.source_line_many", "warn.source_item",
                "warn.source_item_undated", "warn.source_none", "warn.do_prefix", "warn.none",
                "warn.household", "warn.unnamed"):
        assert key in cat


def test_the_debt_entries_are_alike_in_every_language():
    assert len(debt_entries("en")) >= len(RULES)
    assert problems({lang: debt_entries(lang) for lang in CATALOG}) == []


@pytest.mark.parametrize("lang", LANGS)
def test_small_text_holds_no_brackets_or_markup(lang):
    """Action and source lines are drawn inside :small[...]."""
    for key, text in debt_entries(lang).items():
        prose = re.sub(r"\{[a-z_]+\}", "", text)
        assert not re.search(r"[\[\]*_`$<>~]", prose), key


# ----------------------------------------------------------------------------- on a page


def _danger_and_notice():
    from calc.burden import Household, fixed_payment, timeline
    from calc.warnings import evaluate
    from ui.advice import show_warnings

    # ¥600 on ¥1,000 (60.00%: danger, and two cautions) at 15% simple (court cap: notice)
    ws = evaluate(timeline(Household(income=1_000),
                           [fixed_payment(600, 3, 1_800, nominal_rate=0.15)]))
    show_warnings(ws, ["Loan"])


def _none():
    from ui.advice import show_warnings

    show_warnings([], [], empty=True)
    show_warnings([], [])


def test_show_warnings_draws_one_alert_per_severity_most_severe_first():
    at = AppTest.from_function(_danger_and_notice, default_timeout=30).run()
    assert not at.exception
    assert len(at.error) == len(at.warning) == len(at.info) == 1
    kinds = [(el.type, el.icon) for el in at.main.children.values()]  # in the order drawn
    assert kinds == [("error", ":material/error:"), ("warning", ":material/warning:"),
                     ("info", ":material/info:")]
    bodies = [el.value for el in at.main.children.values()]
    assert bodies == [at.error[0].value, at.warning[0].value, at.info[0].value]
    danger, caution, notice = bodies  # the session's language: zh
    assert danger.startswith("**危险**") and "60.00%" in danger and "55.00%" in danger
    assert danger.count("\n- **") == 1 and ":small[可以怎么做：" in danger
    assert ":small[来源：原银监会房贷指引" in danger
    assert caution.count("\n- **") == 2
    assert notice.startswith("**提示**") and "15.00%" in notice and "12.00%" in notice
    assert "⟦" not in "".join(bodies)


def test_show_warnings_says_so_when_there_is_none_and_asked():
    at = AppTest.from_function(_none, default_timeout=30).run()
    assert not at.exception
    assert len(at.success) == 1 and at.success[0].value == CATALOG["zh"]["warn.none"]
    assert not at.error and not at.warning and not at.info


# ------------------------------- issue 21: the minimum on a cash loan (h5)


@pytest.mark.parametrize("lang", LANGS)
def test_the_minimum_on_a_cash_loan_speaks_of_a_cash_loan(lang):
    # The same ¥5,000 on a revolving line paid by its minimum: a card purchase
    # (interest_free=True) loses its interest-free period; a cash loan never had
    # one, so its warning says the cash bears interest from the day it is drawn.
    from calc.burden import from_cash_line
    from calc.cashline import Draw, LineTerms, RepaymentPlan, simulate

    plan = RepaymentPlan("revolving", pay_rule="minimum")
    texts = {}
    for free in (True, False):
        line = LineTerms(limit=50_000, rate=0.0005, interest_free=free, compounding="monthly")
        o = from_cash_line(simulate([Draw(5_000)], line, plan), line=line, plan=plan)
        ws = [w for w in evaluate(timeline(Household(), [o])) if w.code == "minimum_only"]
        texts[free] = warning_texts(ws, ["L"], lang)[0].text
    assert texts[True] == CATALOG[lang]["warn.minimum_only"].format(name="L")
    assert texts[False] == CATALOG[lang]["warn.minimum_only.cash"].format(name="L")
    assert "免息期" not in texts[False] and "interest-free" not in texts[False]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("code", sorted(c for c in CASES if RULES[c].threshold))
def test_a_counted_line_reads_as_a_count(code, lang):
    """A rule whose line is a count (an ``int`` field of Thresholds: months,
    debts, lenders) names it as a whole number, every other line as a
    percentage: the kind comes from the field's type, so a count added to
    Thresholds needs no list kept beside it."""
    w, names = fired(code)
    (text,) = warning_texts([w], names, lang)
    if isinstance(getattr(Thresholds(), RULES[code].threshold), int):
        # e.g. stack_count 3: "3", never "300.00%"
        assert f"{round(w.threshold)}" in text.text and f"{w.threshold * 100:.2f}%" not in text.text
    else:
        assert f"{w.threshold * 100:.2f}%" in text.text, text.text
