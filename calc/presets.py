"""Installment offers the app ships as presets (``domain.md`` §4).

Each preset is data: terms as marketed, the evidence grade (A legal text, B
press or research, C aggregator, indicative) and the date it was seen.
Labels live in the UI's language catalogues under ``preset.<id>``.  Every
preset stays editable once applied.  The APRs ``domain.md`` §4 computes for
them are test expectations (``tests/test_presets.py``), not app data: the app
solves every rate from the schedule.
"""

from __future__ import annotations

from dataclasses import dataclass

from calc.money import shown_above
from calc.schedule import PlanTerms, fee_per_period
from calc.units import daily_rate

__all__ = ["InstallmentPreset", "INSTALLMENT_PRESETS", "RATE_LINE_24", "above_rate_line",
           "LENDERS", "CashLinePreset", "CASH_LINE_PRESETS"]

#: The 24% line for comprehensive financing cost (``domain.md`` §3: NFRA 2025-04,
#: PBoC + NFRA 2025-12, grade B).  Flagged against the nominal APR (i × 12).
RATE_LINE_24 = 0.24


def above_rate_line(rate: float, line: float = RATE_LINE_24) -> bool:
    """Whether ``rate`` is above ``line`` as the app shows rates, to 0.01%.

    A loan priced at the line whose payments the lender rounds to the fen
    realises a hair more (随星借's 24% a year, 等额本息 over 12 months: 2% a
    month on the schedule, 24.0008% from the rounded payments): shown as
    24.00%, it is on the line, not above it.

    Half a basis point is shown rounded up (:func:`calc.money.basis_points`):
    24.005% is shown as 24.01%, so it is above the line.

    >>> above_rate_line(0.240008), above_rate_line(0.2401), above_rate_line(0.2559)
    (False, True, True)
    >>> above_rate_line(0.24005), above_rate_line(0.12005, 0.12)
    (True, True)
    """
    return shown_above(rate, line)


@dataclass(frozen=True)
class InstallmentPreset:
    """An installment offer as marketed.

    ``fee_pct`` is in percent, per period or in total over the plan
    (``fee_mode``, :data:`calc.schedule.FEE_MODES`); :meth:`terms` turns it
    into what :func:`calc.schedule.build_schedule` takes.  ``lender`` is who
    lends, a stable ASCII code (:data:`LENDERS`; ``""`` for a teaching
    example), which the "several lenders" warning counts: not the shop
    (小米商城's 24 期免息 is lent by the buyer's card bank).

    >>> INSTALLMENT_PRESETS["ccb_24"].lender, INSTALLMENT_PRESETS["teach_06x12"].lender
    ('ccb', '')
    >>> INSTALLMENT_PRESETS["xiaomi_24_free"].lender
    'card'
    """

    id: str
    kind: str
    periods: int
    fee_pct: float  # per period or total (``fee_mode``), in percent as marketed
    fee_mode: str = "period"  # "period" | "total"
    fee_timing: str = "spread"
    grade: str = "C"
    as_of: str = ""  # "" = the source gives no date
    lender: str = ""  # who lends (LENDERS); "" for a teaching example

    @property
    def fee_rounding(self) -> str:
        """The lender rounds the fee it quotes: a fee per period is rounded
        each period, a total fee once (:data:`calc.schedule.FEE_ROUNDINGS`)."""
        return "total" if self.fee_mode == "total" else "period"

    def terms(self) -> PlanTerms:
        """The preset's own terms as calc takes them: the fee as a fraction
        per period (:func:`calc.schedule.fee_per_period`), kind, periods, fee
        timing and rounding; every other term at :class:`~calc.schedule.PlanTerms`'s
        default.

        Examples
        --------
        花呗 12 期, 8.8% in total: 0.7333% a period, 15.86% a year (domain.md §4):

        >>> from calc.schedule import build_schedule
        >>> t = INSTALLMENT_PRESETS["huabei_12"].terms()
        >>> f"{t.fee_rate:.4%}", t.periods
        ('0.7333%', 12)
        >>> f"{build_schedule(10_000, t).rates().nominal:.2%}"
        '15.86%'
        """
        return PlanTerms(
            kind=self.kind,
            periods=self.periods,
            fee_rate=fee_per_period(self.fee_pct / 100, self.fee_mode, self.periods),
            fee_timing=self.fee_timing,
            fee_rounding=self.fee_rounding,
        )


#: Who lends, by the code a preset's ``lender`` holds (``domain.md`` §1, §4):
#: a stable ASCII code the "several lenders" warning counts, one per
#: institution.  ``card`` is the buyer's own credit card, whichever bank.
LENDERS: tuple[str, ...] = (
    "huabei",  # 花呗 (Ant Group's consumer finance)
    "baitiao",  # 京东白条 (JD)
    "ccb",  # China Construction Bank cards
    "icbc",  # ICBC cards
    "xiaomi_loan",  # 小米贷款, legacy 小米分期
    "xiaomi_cf",  # 天星金融 / 重庆小米消费金融 (随星借)
    "webank",  # WeBank (微粒贷)
    "card",  # the buyer's own credit card, whichever bank
)


INSTALLMENT_PRESETS: dict[str, InstallmentPreset] = {
    p.id: p
    for p in (
        InstallmentPreset("teach_06x12", "addon", 12, 0.6, grade="B", as_of="≈2019", lender=""),
        InstallmentPreset("huabei_3", "addon", 3, 2.5, "total", lender="huabei"),
        InstallmentPreset("huabei_6", "addon", 6, 4.5, "total", lender="huabei"),
        InstallmentPreset("huabei_12", "addon", 12, 8.8, "total", lender="huabei"),
        InstallmentPreset("huabei_free", "free", 12, 0.0, lender="huabei"),
        InstallmentPreset("baitiao_12_low", "addon", 12, 0.5, lender="baitiao"),
        InstallmentPreset("baitiao_12_high", "addon", 12, 1.2, lender="baitiao"),
        InstallmentPreset("ccb_3", "addon", 3, 0.75, lender="ccb"),
        InstallmentPreset("ccb_12", "addon", 12, 0.60, lender="ccb"),
        InstallmentPreset("ccb_24", "addon", 24, 0.62, lender="ccb"),
        InstallmentPreset("icbc_12_upfront", "addon", 12, 7.2, "total", "first", as_of="2022",
                          lender="icbc"),
        InstallmentPreset("xiaomi_12_legacy", "addon", 12, 7.2, "total", as_of="≈2019",
                          lender="xiaomi_loan"),
        # a credit card's 24 期免息 at 小米商城: the card's bank lends, not the shop
        InstallmentPreset("xiaomi_24_free", "free", 24, 0.0, lender="card"),
    )
}


@dataclass(frozen=True)
class CashLinePreset:
    """A cash line as advertised (``domain.md`` §4); ``rate`` and
    ``fee_rate`` as fractions.  ``compounding`` and ``min_rule`` are
    :data:`calc.cashline.COMPOUNDING` and :data:`calc.cashline.MIN_RULES`
    codes: 备用金 lines charge simple daily interest (``"none"``), cards
    compound monthly (domain.md §1).  ``lender`` is who lends
    (:data:`LENDERS`); ``cash_advance`` whether it is a credit card's cash
    advance (预借现金: a fee per withdrawal and interest from day one, the
    CMB card terms the warning cites), which a term loan such as 微粒贷 or
    随星借 is not, though it too charges interest from the day of a draw.

    >>> [(p.id, p.lender) for p in CASH_LINE_PRESETS.values() if p.cash_advance]
    [('card_cash', 'card')]
    """

    id: str
    rate: float
    rate_unit: str
    method: str
    term_months: int = 12
    limit: float = 200_000.0
    fee_rate: float = 0.0
    fee_min: float = 0.0
    pay_rule: str = "full"
    interest_free: bool = False
    compounding: str = "none"
    min_rule: str = "statement"
    repay_day: int = 0  # flexible: repay everything on this day
    grade: str = "C"
    as_of: str = ""
    lender: str = ""
    cash_advance: bool = False


CASH_LINE_PRESETS: dict[str, CashLinePreset] = {
    p.id: p
    for p in (
        # 小米随星借 (天星金融 / 重庆小米消费金融): "日息万2起", listed 7.2–24% a year
        # (C, 2024-10); 24% / 365 ≈ 0.0657%/day;
        # simple daily interest, as every 备用金 line (domain.md §1)
        CashLinePreset("suixingjie_low", 0.0002, "daily", "equal_payment", compounding="none",
                       as_of="2024-10", lender="xiaomi_cf"),
        CashLinePreset("suixingjie_high", daily_rate(0.24, "annual"), "daily", "equal_payment",
                       compounding="none", as_of="2024-10", lender="xiaomi_cf"),
        # 微粒贷 (WeBank): ≈0.05%/day at launch (B, 2015); a term loan, not a card
        CashLinePreset("weilidai", 0.0005, "daily", "equal_payment", compounding="none",
                       grade="B", as_of="2015", lender="webank"),
        # card cash advance (CMB): 1% fee, min ¥10, 0.05%/day from day one,
        # compounded monthly (C)
        CashLinePreset("card_cash", 0.0005, "daily", "flexible", limit=50_000, fee_rate=0.01,
                       fee_min=10.0, repay_day=30, compounding="monthly", lender="card",
                       cash_advance=True),
        # card revolving: 10% of the statement minimum, 0.05%/day on the full
        # statement, compounded monthly (C)
        CashLinePreset("card_revolve", 0.0005, "daily", "revolving", limit=50_000,
                       pay_rule="minimum", interest_free=True, compounding="monthly",
                       min_rule="statement", lender="card"),
    )
}
