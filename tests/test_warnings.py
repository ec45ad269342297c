"""calc.warnings: every rule at and around its threshold, the thresholds'
checks, and properties that hold for every household (Hypothesis).

Expected warnings are derived by hand in the comments.  Shares and rates
are compared as the app shows them, to 0.01% (calc.presets.above_rate_line);
yuan to the fen."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc.burden import Household, Obligation, fixed_payment, timeline
from calc.errors import InputError
from calc.warnings import (
    RULES,
    SEVERITIES,
    SOURCES,
    DebtWarning,
    Source,
    Thresholds,
    evaluate,
    headline,
    severity_rank,
)
from tests.strategies import households, incomes, obligations

FAST = settings(max_examples=150, deadline=None)

#: Rules that need an income (domain: burden figures exist only with one).
INCOME_RULES = {"debt_share_limit", "debt_share_high", "debt_share_pressure",
                "money_short_repeated", "money_short", "unsecured_over_income"}


def _warnings(household: Household, obs: list[Obligation],
              thresholds: Thresholds | None = None) -> tuple[DebtWarning, ...]:
    return evaluate(timeline(household, obs), thresholds)


def _codes(household: Household, obs: list[Obligation],
           thresholds: Thresholds | None = None) -> list[str]:
    return [w.code for w in _warnings(household, obs, thresholds)]


def _pay(*payments: float, **kw: Any) -> Obligation:
    """A plain obligation paying ``payments`` in months 1, 2, ..."""
    return Obligation("fixed", tuple(payments), **kw)


# ----------------------------------------------------------------------------- thresholds


class TestThresholds:
    def test_defaults_are_domain_md(self):
        # domain.md §3: IFS 25% of net income, 28/36 rule's 36%, CBRC 55%; 3 of 6
        # months (MAS); the 24% line; LPR 3.00% since 2025-05-20; CFPB stacking;
        # the draft's 1/3 of annual income
        t = Thresholds()
        assert (t.share_pressure, t.share_high, t.share_limit) == (0.25, 0.36, 0.55)
        assert (t.short_months, t.short_window) == (3, 6)
        assert (t.rate_line, t.lpr, t.lpr_date) == (0.24, 0.03, "2025-05-20")
        assert t.court_cap == pytest.approx(0.12)  # 4 × 3.00%
        assert (t.stack_count, t.stack_lenders) == (3, 2)
        assert t.unsecured_fraction == pytest.approx(1 / 3)
        assert t.changed() == {}

    def test_changed_for_a_link(self):
        t = Thresholds(share_pressure=0.3, lpr=0.0345, lpr_date="2024-10-21")
        assert t.changed() == {"share_pressure": 0.3, "lpr": 0.0345, "lpr_date": "2024-10-21"}
        assert Thresholds(**t.changed()) == t

    def test_integers_given_as_floats(self):
        assert Thresholds(stack_count=4.0).stack_count == 4

    @pytest.mark.parametrize(
        ("kwargs", "code", "field"),
        [
            ({"share_pressure": 0.0}, "out_of_range", "share_pressure"),  # open below
            ({"share_high": 2.01}, "out_of_range", "share_high"),
            ({"share_limit": math.nan}, "not_a_number", "share_limit"),
            ({"short_months": 0}, "out_of_range", "short_months"),
            ({"short_months": 7}, "out_of_range", "short_months"),  # more than the window of 6
            ({"short_window": 2.5}, "not_integer", "short_window"),
            ({"rate_line": -0.1}, "out_of_range", "rate_line"),
            ({"lpr": 0.25}, "out_of_range", "lpr"),
            ({"lpr_date": "2025-13-01"}, "not_a_date", "lpr_date"),
            ({"lpr_date": 20250520}, "not_a_date", "lpr_date"),
            ({"stack_count": 1}, "out_of_range", "stack_count"),
            ({"stack_lenders": "two"}, "not_a_number", "stack_lenders"),
            ({"unsecured_fraction": 0}, "out_of_range", "unsecured_fraction"),
        ],
    )
    def test_bad_values(self, kwargs, code, field):
        with pytest.raises(InputError) as exc:
            Thresholds(**kwargs)
        assert (exc.value.code, exc.value.params["field"]) == (code, field)

    def test_short_months_bound_names_the_window(self):
        with pytest.raises(InputError) as exc:
            Thresholds(short_months=5, short_window=4)
        assert exc.value.params["max"] == 4


class TestRulesTable:
    def test_every_rule_has_a_known_severity_and_sources(self):
        for rule in RULES.values():
            assert rule.severity in SEVERITIES
            assert all(s in SOURCES for s in rule.sources)
            assert rule.code.isascii() and rule.code == rule.code.lower()
            assert rule.threshold in ("", *Thresholds.__dataclass_fields__)

    def test_most_severe_first(self):
        ranks = [severity_rank(r.severity) for r in RULES.values()]
        assert ranks == sorted(ranks, reverse=True)

    def test_sources_are_graded_and_dated_as_in_domain_md(self):
        assert SOURCES["uk_ifs_2018"] == Source("uk_ifs_2018", "B", "2018-01")
        assert SOURCES["cbrc_2004"] == Source("cbrc_2004", "B", "2004")
        assert SOURCES["cfpb_2025_01"] == Source("cfpb_2025_01", "B", "2025-01")
        assert SOURCES["cbirc_2020_12_29"].date == "2020-12-29"
        assert SOURCES["cbirc_2022_03_14"].date == "2022-03-14"
        assert SOURCES["draft_2020_11"] == Source("draft_2020_11", "B", "2020-11")
        assert SOURCES["spc_2020"].grade == "A"
        for s in SOURCES.values():
            assert s.grade in ("A", "B", "C")

    def test_unknown_severity(self):
        with pytest.raises(InputError):
            severity_rank("high")


# ----------------------------------------------------------------------------- the share of income


class TestDebtShare:
    # Income ¥10,000 and one payment P in month 1: share P / 10,000, shown to 0.01%.
    # Nothing else fires: left = 10,000 − P > 0, no balance, no rate, no lender.
    # 25% (IFS, "25% or more") fires at the line; 36% and 55% (limits) only above it.
    @pytest.mark.parametrize(
        ("payment", "expected"),
        [
            (2_499, []),  # 24.99%
            (2_500, ["debt_share_pressure"]),  # 25.00%: at the IFS line counts
            (2_501, ["debt_share_pressure"]),  # 25.01%
            (3_599, ["debt_share_pressure"]),  # 35.99%
            (3_600, ["debt_share_pressure"]),  # 36.00%: at the 36% limit is within it
            (3_601, ["debt_share_high", "debt_share_pressure"]),  # 36.01%: caution, caution
            (5_499, ["debt_share_high", "debt_share_pressure"]),  # 54.99%
            (5_500, ["debt_share_high", "debt_share_pressure"]),  # 55.00%
            (5_501, ["debt_share_limit", "debt_share_high", "debt_share_pressure"]),  # danger
        ],
    )
    def test_at_and_around_each_line(self, payment, expected):
        assert _codes(Household(income=10_000), [_pay(payment)]) == expected

    def test_severities(self):
        ws = _warnings(Household(income=10_000), [_pay(5_501)])
        assert [w.severity for w in ws] == ["danger", "caution", "caution"]
        assert [w.threshold for w in ws] == [0.55, 0.36, 0.25]
        assert [w.sources[0].id for w in ws] == ["cbrc_2004", "dti_28_36", "uk_ifs_2018"]

    def test_shown_precision(self):
        # 2,499.99 / 10,000 = 24.9999%, shown as 25.00%: on the IFS line
        assert _codes(Household(income=10_000), [_pay(2_499.99)]) == ["debt_share_pressure"]

    def test_values_name_the_worst_month(self):
        # months: 1,000, 3,000, 2,600 on ¥10,000: worst is month 2 at 30%; 2 months
        # at 25% or more (3,000 and 2,600)
        (w,) = _warnings(Household(income=10_000), [_pay(1_000, 3_000, 2_600)])
        assert w.code == "debt_share_pressure"
        assert w.values == {"share": 0.3, "month": 2, "payments": 3000.0, "income": 10000.0,
                            "months_over": 2}
        assert w.obligation is None

    def test_existing_payments_count(self):
        # 1,500 already owed + 1,000 = 2,500 on ¥10,000: 25%
        assert _codes(Household(income=10_000, existing_payments=1_500), [_pay(1_000)]) == [
            "debt_share_pressure"]

    def test_adjusted_threshold(self):
        # a teacher moves the pressure line to 20%: 2,000 / 10,000 is at it
        t = Thresholds(share_pressure=0.20)
        assert _codes(Household(income=10_000), [_pay(1_999)], t) == []
        assert _codes(Household(income=10_000), [_pay(2_000)], t) == ["debt_share_pressure"]


# ----------------------------------------------------------------------------- money left


class TestMoneyShort:
    # Income ¥5,000, essentials ¥4,000: ¥1,000 is left for debt before going short.
    # Payments up to 1,000.01 stay under 25% of income (20.0002%).
    @pytest.mark.parametrize(
        ("payment", "expected"),
        [(999.99, []), (1_000, []), (1_000.01, ["money_short"])],  # left 0.01, 0, −0.01
    )
    def test_below_zero(self, payment, expected):
        assert _codes(Household(income=5_000, essentials=4_000), [_pay(payment)]) == expected

    def test_values(self):
        # income ¥10,000, essentials ¥9,000: short ¥500 in month 2 and ¥200 in month 3:
        # 2 months, first month 2, worst shortfall ¥500 in month 2; only 2 short months,
        # not 3; at most 1,500 / 10,000 = 15% of income
        (w,) = _warnings(Household(income=10_000, essentials=9_000), [_pay(900, 1_500, 1_200)])
        assert (w.code, w.severity, w.threshold) == ("money_short", "caution", 0.0)
        assert w.values == {"months_short": 2, "first_month": 2, "shortfall": 500.0,
                            "worst_month": 2}
        assert w.sources == ()

    # S = short (1,500: ¥500 short), o = fine (500).  3 short months within some 6
    # consecutive months is danger (MAS, "3 of the last 6 months").
    @pytest.mark.parametrize(
        ("pattern", "repeated"),
        [
            ("SoSooo", False),  # 2 of 6
            ("SoSooS", True),  # 3 of 6 (months 1, 3, 6)
            ("SoSoooS", False),  # 3 short, but months 1, 3, 7: no 6 months hold all 3
            ("SSSS", True),  # 4 in a 4-month timeline
            ("SS", False),  # a timeline shorter than 3 months cannot hold 3
        ],
    )
    def test_repeated(self, pattern, repeated):
        obs = [_pay(*[1_500 if c == "S" else 500 for c in pattern])]
        codes = _codes(Household(income=5_000, essentials=4_000), obs)
        # 1,500 / 5,000 = 30%: the IFS line too
        expected = (["money_short_repeated"] if repeated else []) + ["debt_share_pressure",
                                                                      "money_short"]
        assert codes == expected

    def test_repeated_values_and_severity(self):
        ws = _warnings(Household(income=5_000, essentials=4_000),
                       [_pay(500, 1_500, 1_500, 500, 1_500)])
        (w,) = [w for w in ws if w.code == "money_short_repeated"]
        # windows of 6 months are cut to the 5-month timeline: 3 short from month 1
        assert w.severity == "danger" and w.threshold == 3
        assert w.values == {"months_short": 3, "first_month": 1, "window": 6}
        assert w.sources[0].id == "uk_mas"

    def test_adjusted(self):
        t = Thresholds(short_months=2, short_window=3)
        obs = [_pay(1_500, 500, 1_500)]  # short in months 1 and 3: 2 of 3
        assert "money_short_repeated" in _codes(Household(income=5_000, essentials=4_000),
                                                obs, t)


# ----------------------------------------------------------------------------- unsecured balance


class TestUnsecured:
    # income ¥3,000 a month: ¥36,000 a year, 1/3 of it is ¥12,000
    @pytest.mark.parametrize(
        ("balance", "fires"), [(11_999.99, False), (12_000, False), (12_000.01, True)])
    def test_one_third_of_annual_income(self, balance, fires):
        codes = _codes(Household(income=3_000), [_pay(100, balance=balance)])
        assert codes == (["unsecured_over_income"] if fires else [])

    def test_values(self):
        # two debts of ¥7,000: ¥14,000 against the ¥12,000 line
        (w,) = _warnings(Household(income=3_000), [_pay(100, balance=7_000),
                                                    _pay(100, balance=7_000)])
        assert (w.severity, w.sources[0].id) == ("caution", "draft_2020_11")
        assert w.threshold == pytest.approx(1 / 3)
        # both owed in month 1: 7,000 + 7,000 = ¥14,000 at once
        assert w.values == {"balance": 14_000.0, "month": 1, "annual_income": 36_000.0,
                            "line": 12_000.0}

    def test_secured_debt_left_out(self):
        assert _codes(Household(income=3_000), [_pay(100, balance=50_000, secured=True)]) == []


# ----------------------------------------------------------------------------- rates


class TestRates:
    # One obligation, no income (so only the rate rules can fire).  The 24% line and
    # 4 × LPR (12% at 3.00%) are limits: at the line, as shown to 0.01%, is within it.
    @pytest.mark.parametrize(
        ("nominal", "expected"),
        [
            (0.1199, []),
            (0.12, []),
            (0.1201, ["rate_above_court_cap"]),
            (0.2399, ["rate_above_court_cap"]),
            (0.24, ["rate_above_court_cap"]),
            (0.240008, ["rate_above_court_cap"]),  # 24.0008% shows as 24.00%: on the line
            (0.2401, ["rate_above_line", "rate_above_court_cap"]),
        ],
    )
    def test_nominal_rate(self, nominal, expected):
        assert _codes(Household(), [_pay(100, nominal_rate=nominal)]) == expected

    def test_severities_and_sources(self):
        # 白条 at 1.2% a period: 25.60% (domain.md §4)
        ws = _warnings(Household(), [_pay(100, nominal_rate=0.2560)])
        assert [(w.code, w.severity) for w in ws] == [("rate_above_line", "caution"),
                                                      ("rate_above_court_cap", "notice")]
        assert [s.id for s in ws[0].sources] == ["nfra_2025_04", "pboc_nfra_2025_12"]
        assert ws[1].sources[-1] == Source("lpr", "A", "2025-05-20")
        assert ws[1].threshold == pytest.approx(0.12)
        assert ws[1].values == {"nominal_rate": 0.2560, "lpr": 0.03}
        assert [w.obligation for w in ws] == [0, 0]

    @pytest.mark.parametrize(
        ("nominal", "effective", "expected"),
        [
            # a milder note when only the effective rate crosses (domain.md §3)
            (0.22, 0.2399, ["rate_above_court_cap"]),
            (0.22, 0.24, ["rate_above_court_cap"]),
            (0.22, 0.2401, ["effective_above_line", "rate_above_court_cap"]),
            (None, 0.25, ["effective_above_line"]),  # nominal not known
            (0.25, 0.2807, ["rate_above_line", "rate_above_court_cap"]),  # no double note
        ],
    )
    def test_effective_rate(self, nominal, effective, expected):
        o = _pay(100, nominal_rate=nominal, effective_rate=effective)
        assert _codes(Household(), [o]) == expected

    def test_lpr_is_editable_with_its_date(self):
        # LPR 3.85% (dated 2022-08-22): cap 4 × 3.85% = 15.40%; 花呗's 15.86% is above it,
        # 15.40% is not
        t = Thresholds(lpr=0.0385, lpr_date="2022-08-22")
        assert _codes(Household(), [_pay(100, nominal_rate=0.154)], t) == []
        (w,) = _warnings(Household(), [_pay(100, nominal_rate=0.1586)], t)
        assert w.code == "rate_above_court_cap"
        assert w.threshold == pytest.approx(0.154)
        assert w.sources[-1] == Source("lpr", "A", "2022-08-22")

    def test_rate_line_adjusted(self):
        t = Thresholds(rate_line=0.36)  # the old 36% line
        assert _codes(Household(), [_pay(100, nominal_rate=0.30)], t) == [
            "rate_above_court_cap"]


# ----------------------------------------------------------------------------- stacking


class TestStacking:
    @pytest.mark.parametrize(("count", "fires"), [(2, False), (3, True), (4, True)])
    def test_obligations_at_once(self, count, fires):
        codes = _codes(Household(), [_pay(100) for _ in range(count)])
        assert codes == (["stacked_loans"] if fires else [])

    def test_not_at_once(self):
        # three debts in months 1, 2 and 3: never more than one at a time
        obs = [_pay(100), _pay(0, 100), _pay(0, 0, 100)]
        assert _codes(Household(), obs) == []

    def test_values(self):
        # at most 3 at once, first in month 2
        obs = [_pay(100, 100), _pay(100, 100), _pay(0, 100, 100), _pay(0, 0, 100)]
        (w,) = _warnings(Household(), obs)
        assert (w.code, w.severity, w.threshold) == ("stacked_loans", "caution", 3)
        assert w.values == {"at_once": 3, "month": 2}
        assert w.sources[0].id == "cfpb_2025_01"

    @pytest.mark.parametrize(
        ("lenders", "fires"),
        [
            (("huabei", "huabei"), False),  # one lender
            (("huabei", ""), False),  # an unknown lender is not counted
            (("", ""), False),
            (("huabei", "baitiao"), True),  # two lenders at once
        ],
    )
    def test_several_lenders(self, lenders, fires):
        codes = _codes(Household(), [_pay(100, lender=x) for x in lenders])
        assert codes == (["several_lenders"] if fires else [])

    def test_lenders_not_at_once(self):
        obs = [_pay(100, lender="huabei"), _pay(0, 100, lender="baitiao")]
        assert _codes(Household(), obs) == []

    def test_several_lenders_is_a_notice(self):
        obs = [_pay(100, lender="huabei"), _pay(100, lender="baitiao")]
        (w,) = _warnings(Household(), obs)
        assert (w.severity, w.threshold, w.values) == ("notice", 2, {"lenders": 2, "month": 1})


# ----------------------------------------------------------------------------- flags


class TestFlags:
    @pytest.mark.parametrize(
        ("flag", "code", "severity"),
        [
            ("rollover", "rollover", "danger"),  # 以贷养贷: CBIRC's debt spiral
            ("minimum_only", "minimum_only", "caution"),
            ("cash_advance", "cash_advance", "notice"),
            ("early_rate_raised", "early_rate_raised", "notice"),
        ],
    )
    def test_each_flag(self, flag, code, severity):
        obs = [_pay(100), _pay(100, **{flag: True})]
        (w,) = _warnings(Household(), obs)
        assert (w.code, w.severity, w.obligation, w.threshold) == (code, severity, 1, None)
        assert w.sources

    def test_rollover_sources(self):
        (w,) = _warnings(Household(), [_pay(100, rollover=True)])
        assert [s.date for s in w.sources] == ["2020-12-29", "2022-03-14"]


# ----------------------------------------------------------------------------- together


class TestTogether:
    def test_no_income_keeps_the_rules_that_need_none(self):
        # payments far above any income, a big balance: with no income no share,
        # money-short or balance rule; rate, stacking and rollover rules still apply
        obs = [_pay(9_000, balance=90_000, nominal_rate=0.30, rollover=True,
                    lender="huabei"),
               _pay(9_000, balance=90_000, lender="baitiao"), _pay(9_000)]
        codes = _codes(Household(essentials=5_000), obs)
        assert codes == ["rollover", "rate_above_line", "stacked_loans", "several_lenders",
                         "rate_above_court_cap"]

    def test_order_most_severe_first(self):
        obs = [_pay(9_000, balance=90_000, nominal_rate=0.30, rollover=True,
                    lender="huabei"),
               _pay(9_000, balance=90_000, lender="baitiao"), _pay(9_000)]
        ws = _warnings(Household(income=10_000), obs)
        ranks = [severity_rank(w.severity) for w in ws]
        assert ranks == sorted(ranks, reverse=True)
        assert set(INCOME_RULES) - {"money_short_repeated"} <= {w.code for w in ws}

    def test_headline_keeps_the_strongest_of_each_family(self):
        # 60% of income, short 3 months in a row, a rate of 30%
        obs = [_pay(6_000, 6_000, 6_000, nominal_rate=0.30)]
        ws = _warnings(Household(income=10_000, essentials=5_000), obs)
        assert [w.code for w in ws] == [
            "debt_share_limit", "money_short_repeated", "debt_share_high",
            "debt_share_pressure", "money_short", "rate_above_line", "rate_above_court_cap"]
        assert [w.code for w in headline(ws)] == [
            "debt_share_limit", "money_short_repeated", "rate_above_line"]

    def test_headline_per_obligation(self):
        obs = [_pay(100, nominal_rate=0.30), _pay(100, nominal_rate=0.15)]
        ws = headline(_warnings(Household(), obs))
        assert [(w.code, w.obligation) for w in ws] == [("rate_above_line", 0),
                                                        ("rate_above_court_cap", 1)]

    def test_bad_arguments(self):
        with pytest.raises(InputError):
            evaluate("timeline")
        with pytest.raises(InputError):
            evaluate(timeline(Household(), []), thresholds={"share_limit": 0.5})

    def test_family(self):
        (w,) = _warnings(Household(), [fixed_payment(100, 1, 0, nominal_rate=0.13)])
        assert w.family == "rate"


# ----------------------------------------------------------------------------- properties


def _worst(ws: tuple[DebtWarning, ...]) -> dict[str, int]:
    """The most severe warning of each family, as a rank."""
    out: dict[str, int] = {}
    for w in ws:
        out[w.family] = max(out.get(w.family, -1), severity_rank(w.severity))
    return out


def _not_milder(fewer: tuple[DebtWarning, ...], more: tuple[DebtWarning, ...]) -> None:
    """``more`` has every warning of ``fewer`` and no family milder."""
    assert {(w.code, w.obligation) for w in fewer} <= {(w.code, w.obligation) for w in more}
    worst_more = _worst(more)
    for family, rank in _worst(fewer).items():
        assert worst_more[family] >= rank


class TestProperties:
    @FAST
    @given(households(), st.lists(obligations(), max_size=4), incomes)
    def test_less_income_never_fewer_or_milder(self, household, obs, other):
        lo, hi = sorted((household.income, other))
        rich = _warnings(replace(household, income=hi), obs)
        poor = _warnings(replace(household, income=lo), obs)
        _not_milder(rich, poor)

    @FAST
    @given(households(income=st.one_of(st.none(), incomes)),
           st.lists(obligations(), max_size=3), obligations())
    def test_adding_an_obligation_never_removes_a_warning(self, household, obs, extra):
        before = _warnings(household, obs)
        after = _warnings(household, [*obs, extra])
        _not_milder(before, after)

    @FAST
    @given(households(income=st.none()), st.lists(obligations(), max_size=4))
    def test_no_income_no_income_rules(self, household, obs):
        codes = {w.code for w in _warnings(household, obs)}
        assert not codes & INCOME_RULES

    @FAST
    @given(households(), st.lists(obligations(), max_size=4))
    def test_share_is_payments_over_income(self, household, obs):
        tl = timeline(household, obs)
        for m in range(len(tl.month)):
            assert tl.share[m] == tl.total[m] / household.income
        worst = [w for w in evaluate(tl) if w.family == "debt_share"]
        for w in worst:
            assert w.values["share"] == max(tl.share)


# ----------------------------------------------------------------- issue 19 part C (h3)


class TestShownHalfUp:
    # a share x.xx5% is shown rounded half up (ui.fmt.pct), and each line fires
    # exactly when the shown figure crosses it.  Income ¥10,000: a payment of
    # ¥5,500.50 is 55.005%, shown 55.01%: above 55% (danger); ¥3,600.50 is
    # 36.005%, shown 36.01%: above 36%; ¥2,499.50 is 24.995%, shown 25.00%: at 25%
    @pytest.mark.parametrize(
        ("payment", "expected"),
        [
            (5_500.50, ["debt_share_limit", "debt_share_high", "debt_share_pressure"]),
            (5_500.49, ["debt_share_high", "debt_share_pressure"]),  # 55.0049% → 55.00%
            (3_600.50, ["debt_share_high", "debt_share_pressure"]),
            (3_600.49, ["debt_share_pressure"]),  # 36.0049% → 36.00%
            (2_499.50, ["debt_share_pressure"]),
            (2_499.49, []),  # 24.9949% → 24.99%
        ],
    )
    def test_shares(self, payment, expected):
        assert _codes(Household(income=10_000), [_pay(payment)]) == expected

    @pytest.mark.parametrize(
        ("nominal", "expected"),
        [
            (0.24005, ["rate_above_line", "rate_above_court_cap"]),  # 24.01% > 24%
            (0.240049, ["rate_above_court_cap"]),  # 24.00%
            (0.12005, ["rate_above_court_cap"]),  # 12.01% > 4 × 3.00%
            (0.120049, []),  # 12.00%
        ],
    )
    def test_rates(self, nominal, expected):
        assert _codes(Household(), [_pay(100, nominal_rate=nominal)]) == expected

    def test_pct_shows_what_the_rules_compare(self):
        from ui.fmt import pct
        assert [pct(x) for x in (0.55005, 0.36005, 0.24005, 0.12005)] == [
            "55.01%", "36.01%", "24.01%", "12.01%"]


class TestOwedAtOnce:
    def test_two_debts_one_after_the_other(self):
        # ¥15,000 repaid ¥1,250 × 12 in months 1–12, another from month 13: at most
        # ¥15,000 owed at once.  ¥6,000 a month = ¥72,000 a year, a third ¥24,000:
        # 15,000 is not above it (the old sum, ¥30,000, was)
        first = fixed_payment(1_250, 12, 15_000)
        later = Obligation("fixed", (0.0,) * 12 + first.payments, balance=15_000)
        assert _codes(Household(income=6_000), [first, later]) == []

    def test_overlapping_debts(self):
        # the second from month 7: month 7 owes 15,000 × 6/12 = 7,500 + 15,000 =
        # ¥22,500; on ¥5,000 a month the line is 60,000 / 3 = ¥20,000
        first = fixed_payment(1_250, 12, 15_000)
        later = Obligation("fixed", (0.0,) * 6 + first.payments, balance=15_000)
        (w,) = [w for w in _warnings(Household(income=5_000), [first, later])
                if w.code == "unsecured_over_income"]
        assert (w.values["balance"], w.values["month"]) == (22_500.0, 7)

    def test_secured_hand_entered_debt(self):
        # a ¥50,000 car loan on ¥3,000 a month (line ¥12,000): out when secured
        car = fixed_payment(2_000, 25, 50_000, secured=True)
        assert "unsecured_over_income" not in _codes(Household(income=3_000), [car])
        assert "unsecured_over_income" in _codes(Household(income=3_000),
                                                 [fixed_payment(2_000, 25, 50_000)])
