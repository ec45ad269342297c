"""备用金: a cash line (credit line drawn in cash) simulated day by day.

:func:`simulate` takes draws on a line, how they are repaid, optional faults
(late payments, paying only the minimum) and an optional rollover onto a
second line (以贷养贷), and returns a daily :class:`Ledger`, monthly
:class:`Statements`, :class:`Totals`, the realised cash flows' rates through
:mod:`calc.rates`, and the payoff day.  :func:`compare_pay_rules` runs the same
draws paid in full, by the minimum and by a fixed amount.
:mod:`calc.cash_vs_installment` puts the same purchase on a cash line beside an
installment plan.

The package, in the order a reader needs it:

* :mod:`~calc.cashline.days`: the calendar (statement days, months, horizon);
* :mod:`~calc.cashline.terms`: the codes, bounds, input types and their checks;
* :mod:`~calc.cashline.engine`: the state (:class:`~calc.cashline.engine.LineState`)
  and the engine that moves it from event to event, writing an event log;
* :mod:`~calc.cashline.result`: the result assembled from the log, and the
  payment that would clear a plan that never pays off;
* :mod:`~calc.cashline.payrules`: the pay-rule comparison.

Conventions
-----------
* **Calendar.** Day 0 is the first day.  Statement days, which are also the
  due days, fall at ``E(m) = floor(365 m / 12)``: days 30, 60, 91, 121, 152,
  182, 212, 243, 273, 304, 334, 365, ... so months run 30 or 31 days and
  twelve make a 365-day year.  Month ``m`` accrues interest over days
  ``E(m-1) .. E(m) - 1``.  A card's ~20 days between statement and due date
  are left out: the statement is due on its own day.
* **Rates.** An annual rate ``r`` is the daily rate ``r / 365`` and the
  monthly rate ``r / 12``; a daily rate ``d`` is ``d * 365`` a year and
  ``d * 365 / 12`` a month (:mod:`calc.units`).  So one average month (365/12
  days) of daily interest is exactly one month's interest.
* **Interest by the day** (``flexible``, ``revolving``): each day money is
  out accrues ``balance * d``, from the day of a draw up to, not including,
  the day it is repaid (``accrual="daily"``; with ``accrual="monthly"`` each
  month accrues ``r / 12`` spread over its days, as a US card calculator's
  "22%/12 a month").
* **Term methods** (``equal_payment`` 等额本息, ``equal_principal`` 等额本金,
  ``interest_only`` 先息后本).  On a line priced **per day** (借呗-like, the
  default daily accrual) each statement charges ``round_fen(B * d * days)``
  on the principal ``B`` outstanding over the statement's actual days (30 or
  31; the first from the draw's day), "按日计息"; the level payment of
  等额本息 is the annuity at the monthly equivalent ``d * 365 / 12``, every
  installment but the last repays the level payment less its interest, and
  the last repays what is left with its interest, absorbing the difference
  (:func:`~calc.cashline.engine.by_day_installments`; domain.md §2, grade C
  for lender practice: a lender's own contract decides).  So ¥5,000 at
  0.035% a day over 12 months pays 5,000 × 0.00035 × 30 = ¥52.50 on the
  first statement and accrues ¥1.75 a day.  On a line priced **per year**
  each month charges ``balance * r / 12`` whether it has 30 or 31 days, as
  banks' 等额本息 loans do, on :func:`calc.schedule.build_schedule`'s
  schedule, so ¥10,000 at 18% over 12 months pays ¥916.80 a month and
  ¥1,001.60 of interest (likewise a daily price with
  ``accrual="monthly"``).  A term draw made between due days pays ``days /
  30`` of a month for its odd first period there (calc.schedule; Reg Z: a
  day is 1/30 of a month).  The daily ledger spreads each installment's
  charge evenly over the days it covers.
* **Compounding** (by-the-day methods, :data:`COMPOUNDING`, a term of the
  line).  ``none``: simple daily interest on the principal outstanding;
  interest, fees and penalties left unpaid are owed but earn nothing, so
  ¥10,000 repaid after 45 days at 0.05% a day costs 10,000 × 0.0005 × 45 =
  ¥225.00 (随借随还, 借呗, 微粒贷, 随星借; domain.md §1).  ``monthly``: charges
  still unpaid at the end of a statement day join the interest-bearing
  balance (card cash advance and revolving, domain.md §1): the same loan
  costs 150 + 10,150 × 0.0005 × 15 = 76.125, ¥226.13.
* **Rounding.** Interest accrues exactly (float) day by day and is *charged*,
  rounded once with :func:`calc.money.round_fen`, on each statement day and
  whenever a repayment settles it.  Fees and penalties are rounded when
  charged.  Every charge, payment and owed balance is therefore whole fen and
  ``paid + owed == drawn + interest + fees + penalties`` exactly.  Every
  rounding goes through :mod:`calc.money`.
* **Fees.** A draw costs ``max(round_fen(fee_rate * amount), fee_min)``
  (card cash advance: 1%, min ¥10), charged on the day of the draw; fees bear
  no interest unless capitalised.
* **Order within a day:** accrue; the statement (charge interest, work out the
  payment due, pay it, roll it or leave it late); late payments falling due;
  draws; chosen repayments (so a draw repaid the same day owes its fee and
  no interest, and a draw on a statement day joins the next statement).  A
  payment settles charges (interest, fees, penalties; this month's new fees
  and penalties first) first, then capitalised charges, then principal.
* **Revolving.** Paying the statement in full keeps an ``interest_free`` line
  (a card purchase) free of interest; otherwise interest runs on the *full*
  statement from each draw's day (domain.md §1, CMB).  A cash advance
  (``interest_free=False``) pays interest from day one regardless.  The
  minimum payment follows ``min_rule`` (:data:`MIN_RULES`: a percent of the
  statement; CMB's percent of principal + all interest and fees; a percent of
  the balance + the month's interest; a percent of the balance before the
  month's interest), at least ``min_floor``, with the fees and penalties
  charged since the last statement and still unpaid added in full (one paid
  before the statement is not counted again), capped at the statement.
* **Late payment.** The amount due on statement ``m`` is paid ``days`` later.
  Within ``grace_days`` it costs nothing; after, it costs penalty interest of
  ``unpaid * multiple * d * days`` on term methods (the overdue installment
  has left the schedule's balance, so it bears the overdue rate instead of the
  contract rate), or ``unpaid * (multiple - 1) * d * days`` on a by-the-day
  line (the unpaid amount still bears the contract rate in the balance), plus
  a 违约金 of ``max(late_fee_rate * unpaid, late_fee_min)``.
* **Rollover (以贷养贷).** On each of the first ``months`` statements the
  payment due is drawn from a second line (its own rate and fee) and paid to
  the first.  The second line accrues by the day and compounds monthly.  On
  the first statement nothing is rolled (the months are over, the second
  line's limit would be exceeded, or nothing is due) the borrower pays that
  statement and clears the second line out of pocket.
* **Rates of the realised flows** (Reg Z App. J, PBoC Ann. [2021] No. 3;
  domain.md §2).  Money to the borrower + (draws), from the borrower −
  (out-of-pocket payments).  *A single advance repaid by a single payment*
  has its term as its unit period, at most a year (App. J (b)(4)(ii),
  (b)(5)(vi)–(vii)): over ``D <= 365`` days APR ``= (paid / drawn − 1) ×
  365 / D``, so simple daily interest ``d`` shows ``365 d`` whatever ``D``
  (¥10,000 at 0.07% a day repaid on day 365: ¥2,555.00, **25.55%**); on a
  line charging by the month, a term of ``m`` months gives ``× 12 / m``;
  over more than a year the unit period is a year, ``t`` whole years and a
  fraction ``f`` odd days simple, so 730 days give ``(1 + 730 d)^½ − 1``.
  *Any other run* has the month as its unit period (the statements' most
  common period): day ``t`` is ``p`` whole months (statements on or before
  ``t``) plus the fraction ``(t - E(p)) / (E(p+1) - E(p))``, odd days simple,
  the same unit as calc.schedule, so a loan at 18% a year shows 18.00% either
  way; APR ``= 12 i``, effective ``(1 + i)^12 − 1``
  (:func:`~calc.cashline.result.realised_rates`).
* **The contract rate, and the rate a line is held against.** Every result
  carries the contract's simple rate a year, ``365 d`` for a daily ``d`` (or
  the annual rate): 年化利率(单利), the form Chinese lenders disclose.  The
  24% line and 4 × LPR are held against the higher of the realised APR and
  the contract rate (:attr:`LineRates.held`, domain.md §3), so a
  simple-interest loan above a line is never called below it; the contract
  rate counts only when interest was charged at it (a card purchase paid in
  full costs nothing).  Only the effective rate above a line is a milder
  note.
* **Never repaid.** A run not paid off within the horizon has no realised
  rate (``rates`` is ``None``, flag ``no_rate``, ``no_rate_reason``
  ``"not_repaid"``): a rate from a truncated run would be no rate at all.
  Its lines are held against the contract rate.
* **Horizon.** At most :data:`HORIZON_MONTHS` months (100 years, enough for
  domain.md's 80-year card example), and no further than the statement on
  which the debt passes :data:`DEBT_CAP` (flag ``debt_cap``) or on which a
  revolving balance with nothing left to happen is the same as twelve
  statements before (flag ``stalled``: a percentage minimum with no floor
  stops at a few fen); a plan still owing then ends with status
  ``not_paid_off`` and the fixed payments that would clear it in 12 and 36
  months.  The horizon is the work bound of one run, a documented limit:
  at most :data:`HORIZON_MONTHS` statements, :data:`HORIZON_DAYS` days
  (36,500), whatever the terms; a run that reaches it still owing is
  flagged ``cut_short`` (a minimum payment that never clears), so a page
  can say the result was cut short.

Examples
--------
A card cash advance (预借现金) of ¥5,000 repaid after 30 days, 1% fee (min ¥10)
and 0.05% a day: ¥50 fee + ¥5,000 × 0.05% × 30 = ¥75 interest, ¥125 in all;
one advance, one payment: 125 / 5,000 × 365 / 30 = 30.42% a year, held
against the line above the contract's 0.05% × 365 = 18.25%:

>>> card = LineTerms(limit=50_000, rate=0.0005, rate_unit="daily", fee_rate=0.01,
...                  fee_min=10, compounding="monthly")
>>> r = simulate([Draw(5_000, day=0)], card,
...              RepaymentPlan("flexible", repayments=(Repayment(day=30),)))
>>> r.totals.fees, r.totals.interest, r.totals.cost, r.payoff_day
(50.0, 75.0, 125.0, 30)
>>> f"{r.rates.nominal:.2%} APR, contract {r.contract_rate:.2%}, held {r.held_rate:.2%}"
'30.42% APR, contract 18.25%, held 30.42%'
"""

from __future__ import annotations

from .days import HORIZON_DAYS, HORIZON_MONTHS, statement_days
from .engine import FLAGS, ROLLOVER_STOPS
from .payrules import PayRuleOutcome, compare_pay_rules
from .result import (
    NO_RATE_REASONS,
    STATUSES,
    UNIT_PERIODS,
    CashLineResult,
    Ledger,
    LineRates,
    Statements,
    Totals,
    simulate,
)
from .terms import (
    ACCRUALS,
    COMPOUNDING,
    DEBT_CAP,
    LIMITS,
    METHODS,
    MIN_RULE_RATES,
    MIN_RULES,
    PAY_RULES,
    RATE_UNITS,
    TERM_METHODS,
    Draw,
    Faults,
    LatePayment,
    LineTerms,
    Repayment,
    RepaymentPlan,
    Rollover,
    quoted_rates,
)

__all__ = [
    "METHODS",
    "TERM_METHODS",
    "PAY_RULES",
    "MIN_RULES",
    "MIN_RULE_RATES",
    "COMPOUNDING",
    "ACCRUALS",
    "RATE_UNITS",
    "STATUSES",
    "UNIT_PERIODS",
    "NO_RATE_REASONS",
    "FLAGS",
    "ROLLOVER_STOPS",
    "HORIZON_MONTHS",
    "HORIZON_DAYS",
    "DEBT_CAP",
    "LIMITS",
    "Draw",
    "Repayment",
    "LineTerms",
    "RepaymentPlan",
    "LatePayment",
    "Faults",
    "Rollover",
    "Ledger",
    "Statements",
    "Totals",
    "LineRates",
    "CashLineResult",
    "PayRuleOutcome",
    "simulate",
    "compare_pay_rules",
    "statement_days",
    "quoted_rates",
]
