"""calc.cashline's minimum-payment rules (domain.md §1, §2): every figure of
domain.md §2's minimum-payment table under its rule, each rule's first
minimum by hand, no double counting of a paid fee or penalty, and the
minimum with no floor that never clears.

Months and interest of the table are domain.md's (computed there
independently); the rest is derived in the comments.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from calc.cashline import (
    HORIZON_MONTHS,
    MIN_RULE_RATES,
    MIN_RULES,
    Draw,
    Faults,
    LatePayment,
    LineTerms,
    Repayment,
    RepaymentPlan,
    compare_pay_rules,
    simulate,
)

#: ¥10,000 on a card at 0.05% a day, compounded monthly (domain.md §1)
CARD = LineTerms(limit=50_000, rate=0.0005, compounding="monthly")
#: domain.md §2's US card: 22% a year charged as 22%/12 a month, whatever the
#: month's days (accrual "monthly"), compounded monthly
US_CARD = LineTerms(limit=50_000, rate=0.22, rate_unit="annual", compounding="monthly",
                    accrual="monthly")


def minimum(rule: str, rate: float, floor: float) -> RepaymentPlan:
    return RepaymentPlan("revolving", pay_rule="minimum", min_rule=rule, min_rate=rate,
                         min_floor=floor)


class TestDomainTable:
    """domain.md §2, "Minimum-payment trap", no new spending."""

    @pytest.mark.parametrize(("rule", "floor", "months"), [
        # ¥10,000 at 0.05%/day:             ¥10 floor   ¥100 floor
        # 10% of the statement balance      62 months   37 months
        # CMB: 10% principal + 100% interest 55 months  33 months
        ("statement", 10.0, 62), ("statement", 100.0, 37),
        ("cmb", 10.0, 55), ("cmb", 100.0, 33),
    ])
    def test_yuan_card(self, rule, floor, months):
        r = simulate([Draw(10_000)], CARD, minimum(rule, 0.10, floor))
        assert (r.status, r.payoff_month) == ("paid_off", months)

    def test_37_months_cost_1675_89(self):
        # "37 months (¥1,675.89 interest)"
        r = simulate([Draw(10_000)], CARD, minimum("statement", 0.10, 100.0))
        assert r.totals.interest == 1675.89 and r.totals.cost == 1675.89

    @pytest.mark.parametrize(("rule", "rate", "months"), [
        # $5,000 at 22% a year (22%/12 a month), $25 floor:
        ("balance_before_interest", 0.02, 968),  # 80.7 years
        ("statement", 0.02, 817),  # 2% of the statement after interest: 68.1 years
        ("balance_plus_interest", 0.01, 230),  # today's US rule: 19.2 years
    ])
    def test_us_card(self, rule, rate, months):
        r = simulate([Draw(5_000)], US_CARD, minimum(rule, rate, 25.0))
        assert (r.status, r.payoff_month) == ("paid_off", months)
        assert round(months / 12, 1) == {968: 80.7, 817: 68.1, 230: 19.2}[months]

    def test_80_years_cost_43_417(self):
        # "968 months (80.7 years, $43,417 interest)"
        r = simulate([Draw(5_000)], US_CARD, minimum("balance_before_interest", 0.02, 25.0))
        assert round(r.totals.interest) == 43_417


class TestEachRuleByHand:
    """The first statement of each table case, worked by hand."""

    @pytest.mark.parametrize(("rule", "due"), [
        # statement 10,000 + 10,000 × 0.0005 × 30 = 10,150 (interest 150):
        ("statement", 1015.0),  # 10% × 10,150
        ("cmb", 1150.0),  # 10% × 10,000 principal + 150 interest
        ("balance_plus_interest", 1150.0),  # 10% × (10,150 − 150) + 150
        ("balance_before_interest", 1000.0),  # 10% × (10,150 − 150)
    ])
    def test_yuan(self, rule, due):
        r = simulate([Draw(10_000)], CARD, minimum(rule, 0.10, 100.0))
        assert r.statements.interest[0] == 150.0 and r.statements.due[0] == due

    @pytest.mark.parametrize(("rule", "rate", "due"), [
        # $5,000 × 0.22 / 12 = 91.6667 -> 91.67 of interest, statement 5,091.67:
        ("balance_before_interest", 0.02, 100.0),  # 2% × 5,000
        ("statement", 0.02, 101.83),  # 2% × 5,091.67 = 101.8334
        ("balance_plus_interest", 0.01, 141.67),  # 1% × 5,000 + 91.67
    ])
    def test_us(self, rule, rate, due):
        r = simulate([Draw(5_000)], US_CARD, minimum(rule, rate, 25.0))
        assert r.statements.interest[0] == 91.67 and r.statements.due[0] == due

    def test_the_floor(self):
        # a ¥500 balance: 10% × (500 + 500 × 0.0005 × 30 = 7.50) = 50.75, below
        # the ¥100 floor, so ¥100 is due; a ¥50 balance (50.75 with interest)
        # is below the floor itself: the whole statement is due
        assert simulate([Draw(500)], CARD, minimum("statement", 0.1, 100)).statements.due[0] \
            == 100.0
        small = simulate([Draw(50)], CARD, minimum("statement", 0.1, 100))
        assert small.statements.due[0] == 50.75 and small.payoff_month == 1

    def test_cmb_takes_all_interest_owed(self):
        # simple interest (a 备用金-style line), statement 1 paid 45 days late (so
        # after statement 2).  Statement 1: 10% × 10,000 + 150 = 1,150.  Statement
        # 2 (day 60): another 10,000 × 0.0005 × 30 = 150, and statement 1's 150 is
        # still owed: CMB asks for 10% of the principal + all 300 of interest =
        # 1,300; 10% of the balance before the month's interest (10,150) + the
        # month's 150 is 1,165
        line = replace(CARD, compounding="none")
        late = Faults(late=(LatePayment(1, 45),))
        cmb = simulate([Draw(10_000)], line, minimum("cmb", 0.10, 100), late)
        us = simulate([Draw(10_000)], line, minimum("balance_plus_interest", 0.10, 100), late)
        assert cmb.statements.due[:2].tolist() == [1150.0, 1300.0]
        assert us.statements.due[:2].tolist() == [1150.0, 1165.0]

    def test_the_22_over_12_card_charges_the_same_each_month(self):
        # "22%/12 a month": $5,000 × 0.22 / 12 = 91.67 in a 30-day month and in a
        # 31-day one (month 3).  By the actual day it would be 5,000 × 0.22/365 ×
        # 30 = 90.41 and × 31 = 93.42.  Nothing is paid (fixed 0) and nothing
        # compounds (simple), so the balance stays 5,000.
        plan = RepaymentPlan("revolving", pay_rule="fixed", fixed_payment=0.0)
        by_month = simulate([Draw(5_000)], replace(US_CARD, compounding="none"), plan)
        by_day = simulate([Draw(5_000)], replace(US_CARD, compounding="none", accrual="daily"),
                          plan)
        assert by_month.statements.interest[:3].tolist() == [91.67, 91.67, 91.67]
        assert by_day.statements.interest[:3].tolist() == [90.41, 90.41, 93.42]

    def test_each_rule_has_its_quoted_rate(self):
        # domain.md §1: 10% (a percent of the statement, CMB), 1% (US today), 2% (Reg Z)
        assert MIN_RULES == tuple(MIN_RULE_RATES)
        assert MIN_RULE_RATES == {"statement": 0.10, "cmb": 0.10,
                                  "balance_plus_interest": 0.01,
                                  "balance_before_interest": 0.02}


class TestNoDoubleCounting:
    """domain.md §2: a fee paid before the next statement is not counted in that
    statement's minimum again."""

    def test_a_late_penalty_paid_on_day_40(self):
        # ¥1,000 on a card at 0.05%/day, minimum 10% of the statement, ¥10 floor.
        # Statement 1 (day 30): 1,000 + 15.00 = 1,015.00, minimum 101.50, paid
        # 10 days late.  That day 30's 15.00 compounds: 1,015 bears interest.
        # Day 40: interest 1,015 × 0.0005 × 10 = 5.075 -> 5.08; penalty
        # 101.50 × (1.5 − 1) × 0.0005 × 10 = 0.25375 -> 0.25 plus 违约金
        # max(5% × 101.50, 10) = 10.00: 10.25.  Paid 101.50 + 10.25 = 111.75:
        # 5.08 + 10.25 of charges, 15.00 capitalised, 81.42 of principal, so
        # 918.58 is left.  Statement 2 (day 60): 918.58 × 0.0005 × 20 = 9.1858
        # -> 9.19; 927.77.  The penalty is paid, so the minimum is 10% of
        # 927.77 = 92.777 -> 92.78 (counting it again: 10% × (927.77 − 10.25)
        # = 91.75 + 10.25 = 102.00).
        late = Faults(late=(LatePayment(1, 10),))
        r = simulate([Draw(1_000)], CARD, minimum("statement", 0.10, 10.0), late)
        assert r.statements.due[:2].tolist() == [101.5, 92.78]
        assert r.statements.penalties[1] == 10.25 and r.ledger.paid[40] == 111.75
        assert r.statements.owed[1] == round(927.77 - 92.78, 2)

    def test_an_unpaid_draw_fee_is_due_in_full(self):
        # ¥1,000 drawn with a 1% fee (min ¥10): statement 1,000 + 10 + 1,000 ×
        # 0.0005 × 30 = 1,025; the minimum takes 10% of the rest, 10% × 1,015 =
        # 101.50, and the unpaid fee in full: 111.50
        line = replace(CARD, fee_rate=0.01, fee_min=10.0)
        r = simulate([Draw(1_000)], line, minimum("statement", 0.10, 10.0))
        assert r.statements.due[0] == 111.5

    def test_a_draw_fee_paid_before_the_statement(self):
        # the same draw, and ¥10 repaid on day 5: it settles the 2.50 of interest
        # accrued (1,000 × 0.0005 × 5) and the fee into charges, and pays the fee
        # first, leaving 2.50 owed and the principal 1,000.  Day 30: 1,000 ×
        # 0.0005 × 25 = 12.50 more; statement 1,000 + 2.50 + 12.50 = 1,015.00,
        # minimum 10% = 101.50 with no fee in it (counting it again: 10% ×
        # (1,015 − 10) + 10 = 110.50)
        line = replace(CARD, fee_rate=0.01, fee_min=10.0)
        plan = replace(minimum("statement", 0.10, 10.0), repayments=(Repayment(5, 10.0),))
        r = simulate([Draw(1_000)], line, plan)
        assert r.statements.due[0] == 101.5 and r.statements.owed[0] == round(1015.0 - 101.5, 2)


class TestNoFloor:
    """domain.md §2: with no floor a percentage minimum never clears the balance
    (it stalls at a few fen): say so, do not loop."""

    def test_it_stalls_and_says_so(self):
        # the balance falls by 0.9 × (1 + 0.0005 × 30) ≈ 0.9135 a month, from
        # 10,150 to a few fen in ln(0.04 / 10,150) / ln(0.9135) ≈ 138 months.
        # At 0.04: 10% is 0.004 -> 0.00, and 0.04 × 0.0005 × 31 = 0.0006 -> 0.00
        # of interest, so nothing changes any more; twelve statements later the
        # run stops
        r = simulate([Draw(10_000)], CARD, minimum("statement", 0.10, 0.0))
        assert r.status == "not_paid_off" and r.payoff_month is None
        assert "stalled" in r.flags
        assert 0.0 < r.totals.owed_at_end <= 0.04
        assert 130 < len(r.statements.month) < 170
        # what would clear it: the same ¥918-a-month bound as any ¥10,000 at
        # 0.05%/day (test_cashline.TestRevolving)
        assert 917.0 < r.clear_in_12 <= 918.0

    def test_the_pay_rule_comparison_says_so_too(self):
        plan = replace(minimum("statement", 0.10, 0.0), method="flexible")
        rows = compare_pay_rules([Draw(10_000)], CARD, plan)
        assert "stalled" in rows[1].result.flags and rows[1].result.payoff_month is None

    @pytest.mark.parametrize(("rule", "end"), [
        # at 0.04 a percent of the balance rounds to 0.00 (10%: 0.004), and so
        # does the month's interest, 0.04 × 0.0005 × 31 = 0.0006: adding the
        # interest (cmb, balance_plus_interest) adds nothing, and every rule
        # falling to a few fen stalls there
        ("statement", "stalled"),
        ("cmb", "stalled"),
        ("balance_plus_interest", "stalled"),
        # 2% before interest against 0.0005 × 365/12 = 1.52% of interest: the
        # balance shrinks by 1 + 0.0152 − 0.02 = 0.9952 a month, so a few fen
        # are ln(4e-6) / ln(0.9952) ≈ 2,580 months away, past the 1,200-month
        # horizon: it ends there, not paid off
        ("balance_before_interest", "horizon"),
    ])
    def test_every_rule_ends(self, rule, end):
        r = simulate([Draw(10_000)], CARD, minimum(rule, MIN_RULE_RATES[rule], 0.0))
        got = ("paid_off" if r.status == "paid_off" else "stalled" if "stalled" in r.flags
               else "horizon" if len(r.statements.month) == HORIZON_MONTHS else "other")
        assert got == end
