"""Installment offers the app ships as presets (``domain.md`` §4).

Each preset is data only: terms, the evidence grade (A legal text, B press or
research, C aggregator, indicative) and the date it was seen.  Labels live in
the UI's language catalogues under ``preset.<id>``.  Every preset stays
editable once applied.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["InstallmentPreset", "INSTALLMENT_PRESETS", "RATE_LINE_24"]

#: The 24% line for comprehensive financing cost (``domain.md`` §3: NFRA 2025-04,
#: PBoC + NFRA 2025-12, grade B).  Flagged against the nominal APR (i × 12).
RATE_LINE_24 = 0.24


@dataclass(frozen=True)
class InstallmentPreset:
    id: str
    kind: str
    periods: int
    fee_pct: float  # per period or total (``fee_mode``), in percent as marketed
    fee_mode: str = "period"  # "period" | "total"
    fee_timing: str = "spread"
    grade: str = "C"
    as_of: str = ""  # "" = the source gives no date
    apr_pct: float | None = None  # domain.md's computed APR, for the tests


INSTALLMENT_PRESETS: dict[str, InstallmentPreset] = {
    p.id: p
    for p in (
        InstallmentPreset("teach_06x12", "addon", 12, 0.6, grade="B", as_of="≈2019",
                          apr_pct=13.03),
        InstallmentPreset("huabei_3", "addon", 3, 2.5, "total", apr_pct=14.94),
        InstallmentPreset("huabei_6", "addon", 6, 4.5, "total", apr_pct=15.27),
        InstallmentPreset("huabei_12", "addon", 12, 8.8, "total", apr_pct=15.86),
        InstallmentPreset("huabei_free", "free", 12, 0.0, apr_pct=0.0),
        InstallmentPreset("baitiao_12_low", "addon", 12, 0.5, apr_pct=10.90),
        InstallmentPreset("baitiao_12_high", "addon", 12, 1.2, apr_pct=25.60),
        InstallmentPreset("ccb_3", "addon", 3, 0.75, apr_pct=13.45),
        InstallmentPreset("ccb_12", "addon", 12, 0.60, apr_pct=13.03),
        InstallmentPreset("ccb_24", "addon", 24, 0.62, apr_pct=13.69),
        InstallmentPreset("icbc_12_upfront", "addon", 12, 7.2, "total", "first", as_of="2022",
                          apr_pct=13.86),
        InstallmentPreset("xiaomi_12_legacy", "addon", 12, 7.2, "total", as_of="≈2019",
                          apr_pct=13.03),
        InstallmentPreset("xiaomi_24_free", "free", 24, 0.0, apr_pct=0.0),
    )
}
