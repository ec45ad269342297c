"""When borrowing turns into over-indebtedness: pure warning rules (issue 10).

:func:`evaluate` reads a :class:`calc.burden.Timeline` (the household, its
obligations and their payments month by month) and returns every
:class:`DebtWarning` whose rule fires.  A warning is data: a stable ASCII
``code`` (the UI translates it), a ``severity`` from :data:`SEVERITIES`, the
numbers that triggered it, the threshold crossed and the threshold's sources
(:class:`Source`: id, evidence grade, date; ``domain.md`` §3).  The
thresholds are a :class:`Thresholds` value with ``domain.md``'s defaults, each
adjustable within :data:`THRESHOLD_LIMITS`.

Rules (:data:`RULES`, in the order :func:`evaluate` reports warnings of the
same severity), with the threshold field and its default, and the sources:

danger
    ``debt_share_limit``: share > ``share_limit`` (55%); CBRC 2004 (B).
    ``money_short_repeated``: left < 0 in ``short_months`` (3) of some
    ``short_window`` (6) consecutive months; UK Money Advice Service (B).
    ``rollover``: an obligation borrows to repay (以贷养贷); CBIRC alerts
    2020-12-29 and 2022-03-14 (B).
caution
    ``debt_share_high``: share > ``share_high`` (36%); 28/36 rule of thumb (B).
    ``debt_share_pressure``: share >= ``share_pressure`` (25%); UK IFS
    2018-01 (B).
    ``money_short``: left < 0 in any month (arithmetic, no source).
    ``unsecured_over_income``: the most unsecured debt owed at once in any
    month (:func:`calc.burden.unsecured_owed`; a debt marked ``secured``,
    a mortgage or car loan, is left out) > ``unsecured_fraction`` (1/3) of
    annual income (12 × monthly): the line the 2020-11 draft rules for
    online micro-loans proposed (B).  The final rules (金规〔2024〕26号,
    2025-01, B) cap an online micro-lender's consumer loans at ¥200,000 per
    household; whether a 1/3-of-income line survived is not verified, so the
    warning quotes it as the draft's.
    ``rate_above_line``: nominal rate > ``rate_line`` (24%); NFRA 2025-04,
    PBoC + NFRA 2025-12 (B).
    ``stacked_loans``: ``stack_count`` (3) or more obligations paying in the
    same month; CFPB 2025-01 (B).
    ``minimum_only``: a card paid by its minimum; CMB card terms (C).
notice
    ``several_lenders``: ``stack_lenders`` (2) or more known lenders paid in
    the same month; CFPB 2025-01, CBIRC alerts (多头借贷) (B).
    ``effective_above_line``: only the effective rate is above ``rate_line``
    (the milder note of domain.md §3); PBoC Ann. [2021] No. 3 (A).
    ``rate_above_court_cap``: nominal rate > 4 × ``lpr`` (12% at 3.00%); SPC
    2020 (A) and the LPR as of ``lpr_date`` (A).
    ``cash_advance``: cash drawn at interest from day one; CMB card terms (C).
    ``early_rate_raised``: repaying early raised the plan's true rate; ICBC
    agreement (A), Shenzhen Consumer Council 2021-08 (B).

Conventions
-----------
* "share" is a month's debt payments over net income, "left" the income less
  essentials and debt payments (:mod:`calc.burden`); the share rules look at
  the worst month.  Rules that need an income do not fire without one; the
  others (rates, stacking, flags) always apply.
* Shares and rates are compared as the app shows them, in whole basis
  points rounded half away from zero (:func:`calc.money.shown_above`,
  :func:`calc.money.shown_at_least`, the rounding ``ui.fmt.pct`` shows):
  55.005% is shown as 55.01% and is above 55%; yuan to the fen.  Each line is
  crossed as its source words it: the IFS measure counts 25% **or more** of
  net income as pressure; the 28/36 rule, the CBRC guideline, the rate lines
  and the draft's 1/3 are limits a debt may reach, so only going **above**
  them fires.  Counts fire at the threshold (three obligations at once).
* The 36% level is a ``caution``, not a severity of its own: it is a US rule of
  thumb on gross income, not a Chinese regulator's line, so it stays below
  the CBRC 55% ``danger``; it has its own code so the UI can word it more
  strongly, and :func:`headline` shows it instead of the 25% one.
* Every rule that fires is reported, so adding an obligation or lowering the
  income never removes a warning; :func:`headline` keeps the strongest of a
  family (the three shares; the two money-short rules; the rate lines of one
  obligation) for a page to show.

Example
-------
The phone on 花呗 12 期 and ¥500 a month for 10 months (:mod:`calc.burden`'s
example) on ¥3,000 a month, ¥1,800 of essentials: month 1 takes 862.57 /
3,000 = 28.75% of income, at least 25% (IFS pressure) but not above 36%;
¥337.43 is left; 花呗's 15.86% is above 4 × 3.00% = 12% (court cap) and below
24%:

>>> from calc.burden import Household, fixed_payment, from_schedule, timeline
>>> from calc.presets import INSTALLMENT_PRESETS
>>> from calc.schedule import build_schedule
>>> phone = from_schedule(build_schedule(3999, INSTALLMENT_PRESETS["huabei_12"].terms()),
...                       lender="huabei")
>>> tl = timeline(Household(income=3_000, essentials=1_800),
...               [phone, fixed_payment(500, 10, balance=4_800)])
>>> [(w.code, w.severity, w.threshold) for w in evaluate(tl)]
[('debt_share_pressure', 'caution', 0.25), ('rate_above_court_cap', 'notice', 0.12)]
>>> w = evaluate(tl)[0]
>>> round(w.values["share"], 4), w.values["month"], [s.id for s in w.sources]
(0.2875, 1, ['uk_ifs_2018'])
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, fields

import numpy as np

from calc import validate
from calc.burden import Obligation, Timeline, unsecured_owed
from calc.errors import InputError
from calc.money import round_fen, shown_above, shown_at_least
from calc.presets import RATE_LINE_24, above_rate_line
from calc.units import MONTHS_PER_YEAR

__all__ = [
    "SEVERITIES",
    "Source",
    "SOURCES",
    "Rule",
    "RULES",
    "LPR_MULTIPLE",
    "THRESHOLD_LIMITS",
    "Thresholds",
    "DebtWarning",
    "evaluate",
    "headline",
    "severity_rank",
    "FITS",
    "Fit",
    "fit",
]

#: From mildest to most severe.
SEVERITIES = ("notice", "caution", "danger")


@dataclass(frozen=True)
class Source:
    """Where a line comes from: a stable ``id`` (the UI holds its title and
    link), evidence ``grade`` (A legal or regulatory text, B press or
    research, C aggregator) and ``date`` as precise as the source gives it
    (``""``: undated)."""

    id: str
    grade: str
    date: str


#: Every source a rule cites (``domain.md`` §1, §3).
SOURCES: dict[str, Source] = {
    s.id: s
    for s in (
        Source("uk_ifs_2018", "B", "2018-01"),  # >= 25% of net income on debt service
        Source("dti_28_36", "B", ""),  # 28% housing / 36% all debt, gross income
        Source("cbrc_2004", "B", "2004"),  # all monthly debt payments <= 55% of income
        Source("uk_mas", "B", ""),  # over-indebted: missed payments in 3 of the last 6 months
        Source("nfra_2025_04", "B", "2025-04"),  # 24% line, loan facilitation from 2025-10-01
        Source("pboc_nfra_2025_12", "B", "2025-12"),  # micro-lenders: stop above 24%
        Source("pboc_2021_3", "A", "2021"),  # PBoC Ann. [2021] No. 3: rates as i × 12 (单利)
        Source("spc_2020", "A", "2020"),  # private lending: court protection to 4 × LPR
        Source("cfpb_2025_01", "B", "2025-01"),  # BNPL: several loans, several lenders
        Source("cbirc_2020_12_29", "B", "2020-12-29"),  # alert: 以贷养贷, 多头借贷
        Source("cbirc_2022_03_14", "B", "2022-03-14"),  # alert: 以贷养贷, 以卡养卡
        Source("draft_2020_11", "B", "2020-11"),  # online micro-loans <= 1/3 of annual income
        Source("cmb_card", "C", ""),  # CMB card terms: cash advance, minimum payment
        Source("icbc_early", "A", ""),  # ICBC agreement: remaining fees charged on early repayment
        Source("szcc_2021_08", "B", "2021-08"),  # Shenzhen Consumer Council survey
    )
}

#: The court-protection cap for private lending is 4 × the one-year LPR (SPC 2020, A).
LPR_MULTIPLE = 4


@dataclass(frozen=True)
class Rule:
    """A rule: its ``code``, ``severity``, the ``family`` :func:`headline`
    groups it in, the :class:`Thresholds` field it is held against (``""``:
    none), and its sources' ids (the LPR's own date is added by
    :func:`evaluate`)."""

    code: str
    severity: str
    family: str
    threshold: str
    sources: tuple[str, ...]


#: Every rule, most severe first; within a family, the stronger rule first.
RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule("debt_share_limit", "danger", "debt_share", "share_limit", ("cbrc_2004",)),
        Rule("money_short_repeated", "danger", "money_short", "short_months", ("uk_mas",)),
        Rule("rollover", "danger", "rollover", "", ("cbirc_2020_12_29", "cbirc_2022_03_14")),
        Rule("debt_share_high", "caution", "debt_share", "share_high", ("dti_28_36",)),
        Rule("debt_share_pressure", "caution", "debt_share", "share_pressure",
             ("uk_ifs_2018",)),
        Rule("money_short", "caution", "money_short", "", ()),
        Rule("unsecured_over_income", "caution", "unsecured", "unsecured_fraction",
             ("draft_2020_11",)),
        Rule("rate_above_line", "caution", "rate", "rate_line",
             ("nfra_2025_04", "pboc_nfra_2025_12")),
        Rule("stacked_loans", "caution", "stacked_loans", "stack_count", ("cfpb_2025_01",)),
        Rule("minimum_only", "caution", "minimum_only", "", ("cmb_card",)),
        Rule("several_lenders", "notice", "several_lenders", "stack_lenders",
             ("cfpb_2025_01", "cbirc_2020_12_29", "cbirc_2022_03_14")),
        Rule("effective_above_line", "notice", "rate", "rate_line", ("pboc_2021_3",)),
        Rule("rate_above_court_cap", "notice", "rate", "lpr", ("spc_2020",)),
        Rule("cash_advance", "notice", "cash_advance", "", ("cmb_card",)),
        Rule("early_rate_raised", "notice", "early_rate_raised", "",
             ("icbc_early", "szcc_2021_08")),
    )
}

#: Bounds a teacher may move each threshold within (inclusive; shares, rates
#: and the income fraction open below).
THRESHOLD_LIMITS: dict[str, tuple[float, float]] = {
    "share_pressure": (0.0, 2.0),
    "share_high": (0.0, 2.0),
    "share_limit": (0.0, 2.0),
    "short_months": (1, 120),
    "short_window": (1, 120),
    "rate_line": (0.0, 3.65),
    "lpr": (0.0, 0.2),
    "stack_count": (2, 50),
    "stack_lenders": (2, 50),
    "unsecured_fraction": (0.0, 10.0),
}


@dataclass(frozen=True)
class Thresholds:
    """The lines the rules hold a household against, with ``domain.md`` §3's
    defaults.  Fractions of monthly net income (``share_*``), counts of months
    or obligations, annual rates (``rate_line``, ``lpr``) as fractions, the
    LPR's date (ISO, ``YYYY-MM-DD``), and the fraction of annual income the
    unsecured balance may reach.

    Checked on construction, so an invalid value from a link never reaches
    a rule.

    Raises
    ------
    InputError
        ``not_a_number``, ``out_of_range`` (bounds :data:`THRESHOLD_LIMITS`;
        ``short_months`` at most ``short_window``) or ``not_integer`` with
        the field's name; ``not_a_date`` on ``lpr_date``.

    Examples
    --------
    >>> t = Thresholds(share_high=0.40)
    >>> t.share_high, t.share_limit, t.changed()
    (0.4, 0.55, {'share_high': 0.4})
    >>> try:
    ...     Thresholds(share_limit=0)
    ... except InputError as e:
    ...     print(e.code, e.params["field"], e.params["min"], e.params.get("min_open"))
    out_of_range share_limit 0.0 True
    """

    share_pressure: float = 0.25  # UK IFS 2018-01 (B), net income
    share_high: float = 0.36  # 28/36 rule of thumb (B)
    share_limit: float = 0.55  # CBRC 2004 (B)
    short_months: int = 3  # UK Money Advice Service (B): 3 ...
    short_window: int = 6  # ... of the last 6 months
    rate_line: float = RATE_LINE_24  # NFRA 2025-04, PBoC + NFRA 2025-12 (B)
    lpr: float = 0.03  # one-year LPR, 3.00% ...
    lpr_date: str = "2025-05-20"  # ... since this date
    stack_count: int = 3  # CFPB 2025-01 (B)
    stack_lenders: int = 2  # CFPB 2025-01 (B)
    unsecured_fraction: float = 1 / 3  # 2020-11 draft (B), of annual income

    def __post_init__(self) -> None:
        for f in fields(self):
            if f.name == "lpr_date":
                continue
            value = getattr(self, f.name)
            lo, hi = THRESHOLD_LIMITS[f.name]
            if type(f.default) is int:
                checked: float = validate.integer(f.name, value, lo, hi)
            else:
                checked = validate.number(f.name, value, lo, hi, lo_open=lo == 0.0)
            object.__setattr__(self, f.name, checked)
        if self.short_months > self.short_window:
            raise InputError("out_of_range", field="short_months", min=1,
                             max=self.short_window, got=self.short_months)
        try:
            datetime.date.fromisoformat(self.lpr_date)
        except (TypeError, ValueError):
            raise InputError("not_a_date", field="lpr_date", got=self.lpr_date) from None

    @property
    def court_cap(self) -> float:
        """4 × the one-year LPR: 12% at 3.00%."""
        return LPR_MULTIPLE * self.lpr

    def changed(self) -> dict[str, float | int | str]:
        """The fields that differ from the defaults, for a link to carry."""
        default = asdict(Thresholds())
        return {k: v for k, v in asdict(self).items() if v != default[k]}


@dataclass(frozen=True)
class DebtWarning:
    """One rule that fired.

    ``values`` holds the numbers that triggered it (shares and rates as
    fractions, money in yuan, months numbered from 1); ``threshold`` is the
    line crossed in the same unit (``None`` for a rule without one);
    ``obligation`` the index of the obligation it is about (``None`` for the
    household as a whole).
    """

    code: str
    severity: str
    values: dict[str, float]
    threshold: float | None
    sources: tuple[Source, ...]
    obligation: int | None = None

    @property
    def family(self) -> str:
        return RULES[self.code].family


def severity_rank(severity: str) -> int:
    """0 for ``notice`` up to 2 for ``danger``.

    >>> [severity_rank(s) for s in SEVERITIES]
    [0, 1, 2]
    """
    return SEVERITIES.index(validate.code("severity", severity, SEVERITIES))


# ----------------------------------------------------------------------------- the rules


def _warn(code: str, t: Thresholds, values: dict[str, float], threshold: float | None = None,
          obligation: int | None = None) -> DebtWarning:
    rule = RULES[code]
    sources = tuple(SOURCES[s] for s in rule.sources)
    if code == "rate_above_court_cap":
        sources += (Source("lpr", "A", t.lpr_date),)
    return DebtWarning(code, rule.severity, values, threshold, sources, obligation)


def _share_rules(tl: Timeline, t: Thresholds) -> list[DebtWarning]:
    if tl.share is None:
        return []
    worst = int(np.argmax(tl.share))
    out = []
    for code, line, at_line in (("debt_share_limit", t.share_limit, False),
                                ("debt_share_high", t.share_high, False),
                                ("debt_share_pressure", t.share_pressure, True)):
        crosses = shown_at_least if at_line else shown_above
        over = np.array([crosses(float(x), line) for x in tl.share], dtype=bool)
        if over.any():
            out.append(_warn(code, t, {
                "share": float(tl.share[worst]), "month": worst + 1,
                "payments": float(tl.total[worst]), "income": float(tl.household.income or 0),
                "months_over": int(over.sum()),
            }, line))
    return out


def _short_rules(tl: Timeline, t: Thresholds) -> list[DebtWarning]:
    if tl.left is None:
        return []
    short = tl.left < 0.0
    if not short.any():
        return []
    window = min(t.short_window, len(short))
    in_window = np.convolve(short.astype(np.int64), np.ones(window, dtype=np.int64), "valid")
    start = int(np.argmax(in_window))
    out = []
    if in_window[start] >= t.short_months:
        out.append(_warn("money_short_repeated", t, {
            "months_short": int(in_window[start]), "first_month": start + 1,
            "window": t.short_window,
        }, t.short_months))
    deepest = int(np.argmin(tl.left))
    out.append(_warn("money_short", t, {
        "months_short": int(short.sum()), "first_month": int(np.argmax(short)) + 1,
        "shortfall": -float(tl.left[deepest]), "worst_month": deepest + 1,
    }, 0.0))
    return out


def _unsecured_rule(tl: Timeline, t: Thresholds) -> list[DebtWarning]:
    income = tl.household.income
    if income is None:
        return []
    at_once = unsecured_owed(tl)
    m = int(np.argmax(at_once))  # the first month of the most owed at once
    balance = float(at_once[m])
    annual = round_fen(income * MONTHS_PER_YEAR)
    line = round_fen(annual * t.unsecured_fraction)
    if balance > line:
        return [_warn("unsecured_over_income", t, {
            "balance": balance, "month": m + 1, "annual_income": annual, "line": line,
        }, t.unsecured_fraction)]
    return []


def _stacking_rules(tl: Timeline, t: Thresholds) -> list[DebtWarning]:
    paying = tl.payments > 0.0  # (obligations, months)
    out = []
    if paying.size:
        at_once = paying.sum(axis=0)
        m = int(np.argmax(at_once))
        if at_once[m] >= t.stack_count:
            out.append(_warn("stacked_loans", t, {"at_once": int(at_once[m]), "month": m + 1},
                             t.stack_count))
        lenders = [len({o.lender for o, p in zip(tl.obligations, paying[:, k], strict=True)
                        if p and o.lender})
                   for k in range(paying.shape[1])]
        m = int(np.argmax(lenders))
        if lenders[m] >= t.stack_lenders:
            out.append(_warn("several_lenders", t, {"lenders": lenders[m], "month": m + 1},
                             t.stack_lenders))
    return out


def _obligation_rules(j: int, o: Obligation, t: Thresholds) -> list[DebtWarning]:
    out = []
    r, e = o.nominal_rate, o.effective_rate
    if r is not None and above_rate_line(r, t.rate_line):
        out.append(_warn("rate_above_line", t, {"nominal_rate": r}, t.rate_line, j))
    elif e is not None and above_rate_line(e, t.rate_line):
        values = {"effective_rate": e} if r is None else {"effective_rate": e, "nominal_rate": r}
        out.append(_warn("effective_above_line", t, values, t.rate_line, j))
    if r is not None and above_rate_line(r, t.court_cap):
        out.append(_warn("rate_above_court_cap", t, {"nominal_rate": r, "lpr": t.lpr},
                         t.court_cap, j))
    for code, flag in (("rollover", o.rollover), ("minimum_only", o.minimum_only),
                       ("cash_advance", o.cash_advance),
                       ("early_rate_raised", o.early_rate_raised)):
        if flag:
            values = {} if r is None or code != "early_rate_raised" else {"nominal_rate": r}
            if code == "minimum_only":  # a card purchase's interest-free period, or none
                values = {"interest_free": float(o.interest_free)}
            out.append(_warn(code, t, values, None, j))
    return out


_ORDER = {code: k for k, code in enumerate(RULES)}


def evaluate(tl: Timeline, thresholds: Thresholds | None = None) -> tuple[DebtWarning, ...]:
    """Every warning whose rule fires on ``tl``.

    Parameters
    ----------
    tl : Timeline
        From :func:`calc.burden.timeline`.
    thresholds : Thresholds, optional
        The lines; ``domain.md`` §3's defaults when omitted.

    Returns
    -------
    tuple of DebtWarning
        Most severe first, then in the order of :data:`RULES`, then by
        obligation.  Without an income, no rule that needs one
        (``debt_share_*``, ``money_short*``, ``unsecured_over_income``).

    Examples
    --------
    No income entered: a 25.60% plan (白条 at 1.2% a period) still earns its
    rate warnings:

    >>> from calc.burden import Household, from_schedule, timeline
    >>> from calc.schedule import PlanTerms, build_schedule
    >>> s = build_schedule(3999, PlanTerms(kind="addon", periods=12, fee_rate=0.012))
    >>> [w.code for w in evaluate(timeline(Household(), [from_schedule(s)]))]
    ['rate_above_line', 'rate_above_court_cap']
    """
    if not isinstance(tl, Timeline):
        raise InputError("not_a_number", field="timeline", got=tl)
    t = Thresholds() if thresholds is None else thresholds
    if not isinstance(t, Thresholds):
        raise InputError("not_a_number", field="thresholds", got=t)
    found = (_share_rules(tl, t) + _short_rules(tl, t) + _unsecured_rule(tl, t)
             + _stacking_rules(tl, t))
    for j, o in enumerate(tl.obligations):
        found += _obligation_rules(j, o, t)
    found.sort(key=lambda w: (-severity_rank(w.severity), _ORDER[w.code],
                              -1 if w.obligation is None else w.obligation))
    return tuple(found)


def headline(warnings: tuple[DebtWarning, ...]) -> tuple[DebtWarning, ...]:
    """The strongest warning of each family (for each obligation), in order:
    above 55% drops the 36% and 25% ones, three short months in six drop the
    plain "short", a rate above 24% drops the 4 × LPR note.

    >>> from calc.burden import Household, fixed_payment, timeline
    >>> ws = evaluate(timeline(Household(income=1_000), [fixed_payment(600, 3, 1_800)]))
    >>> [w.code for w in ws], [w.code for w in headline(ws)]
    (['debt_share_limit', 'debt_share_high', 'debt_share_pressure'], ['debt_share_limit'])
    """
    best: dict[tuple[str, int | None], DebtWarning] = {}
    for w in warnings:
        key = (w.family, w.obligation)
        if key not in best or _ORDER[w.code] < _ORDER[best[key].code]:
            best[key] = w
    return tuple(w for w in warnings if best[(w.family, w.obligation)] is w)


#: The budget's plain verdict, mildest first: ``fits``; ``tight``, some month
#: takes ``share_pressure`` (25%) or more of income; ``short``, some month takes
#: above ``share_limit`` (55%) or leaves less than nothing.
FITS = ("fits", "tight", "short")


@dataclass(frozen=True)
class Fit:
    """The verdict (:data:`FITS`), the worst month (from 1: the largest
    share, the first of equal ones), its ``share`` and what it leaves
    (``left``), and the threshold field it was held against (``line``:
    ``share_limit`` or ``share_pressure``; ``""`` for money short)."""

    verdict: str
    month: int
    share: float
    left: float
    line: str


def fit(tl: Timeline, thresholds: Thresholds | None = None) -> Fit | None:
    """Whether the obligations fit the household, in one word, by the rules'
    own lines (the sources of the share rules, :data:`RULES`):

    * ``short`` if any month's share is above ``share_limit`` (CBRC 2004) or
      any month leaves ``left < 0``;
    * else ``tight`` if any month's share is ``share_pressure`` or more (UK
      IFS 2018-01);
    * else ``fits``.

    Shares are compared as shown (:func:`calc.money.shown_above`,
    :func:`calc.money.shown_at_least`).  ``None`` without an income.

    The module's example, 28.75% of ¥3,000 in month 1, ¥337.43 left: at least
    25%, not above 55%, nothing short:

    >>> from calc.burden import Household, fixed_payment, timeline
    >>> f = fit(timeline(Household(3_000, 1_800), [fixed_payment(862.57, 12, 0)]))
    >>> f.verdict, f.month, f"{f.share:.2%}", f.left, f.line
    ('tight', 1, '28.75%', 337.43, 'share_pressure')

    ¥600 a month on ¥3,000 is 20%: with ¥2,500 of essentials it leaves
    3,000 − 2,500 − 600 = −¥100 (short); with ¥1,000, ¥1,400 (fits):

    >>> fit(timeline(Household(3_000, 2_500), [fixed_payment(600, 3, 0)])).verdict
    'short'
    >>> fit(timeline(Household(3_000, 1_000), [fixed_payment(600, 3, 0)])).verdict
    'fits'
    """
    t = Thresholds() if thresholds is None else thresholds
    if tl.share is None or tl.left is None or not len(tl.share):
        return None
    worst = int(np.argmax(tl.share))
    share, left = float(tl.share[worst]), float(tl.left[worst])
    shares = [float(x) for x in tl.share]
    lowest = int(np.argmin(tl.left))
    if float(tl.left[lowest]) < 0:
        return Fit("short", lowest + 1, float(tl.share[lowest]), float(tl.left[lowest]), "")
    if any(shown_above(x, t.share_limit) for x in shares):
        return Fit("short", worst + 1, share, left, "share_limit")
    if any(shown_at_least(x, t.share_pressure) for x in shares):
        return Fit("tight", worst + 1, share, left, "share_pressure")
    return Fit("fits", worst + 1, share, left, "share_pressure")
