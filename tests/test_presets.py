"""calc.presets: every shipped installment preset against domain.md §4's computed APRs."""

from __future__ import annotations

import pytest

from calc.presets import INSTALLMENT_PRESETS, InstallmentPreset
from calc.schedule import FEE_MODES, FEE_TIMINGS, KINDS, PlanTerms, build_schedule

# domain.md §4, "APR (computed)" column, in percent (the nominal rate, i × 12):
#   teach_06x12        12 × 0.60%/period add-on         13.03%
#   huabei_3/6/12      total 2.5 / 4.5 / 8.8%           14.94 / 15.27 / 15.86%
#   huabei_free        0%                               0%
#   baitiao_12         0.5% or 1.2%/period              10.90% / 25.60%
#   ccb_3/12/24        0.75 / 0.60 / 0.62%/period       13.45 / 13.03 / 13.69%
#   icbc_12_upfront    7.2% total at once               13.86%
#   xiaomi_12_legacy   7.2% total                       13.03%
#   xiaomi_24_free     0%                               0%
DOMAIN_APR_PCT = {
    "teach_06x12": 13.03,
    "huabei_3": 14.94,
    "huabei_6": 15.27,
    "huabei_12": 15.86,
    "huabei_free": 0.0,
    "baitiao_12_low": 10.90,
    "baitiao_12_high": 25.60,
    "ccb_3": 13.45,
    "ccb_12": 13.03,
    "ccb_24": 13.69,
    "icbc_12_upfront": 13.86,
    "xiaomi_12_legacy": 13.03,
    "xiaomi_24_free": 0.0,
}

# Why the price hardly matters: an add-on plan pays P/n + P·fee each period, so
# every flow is proportional to the price P and the rate solved from them does
# not depend on P at all.  Only the fen rounding breaks the proportion (each
# principal part is cut down to the fen and the last absorbs the rest; the fee
# is rounded to the fen), which moves the rate by about a fen per installment
# relative to P: invisible at two decimals for the ¥10,000 classroom price and
# for a ¥3,999 phone (closest call: baitiao_12_high at ¥3,999 is 25.595017%,
# which still rounds to 25.60), but not at a few yuan (0.6% × 12 on ¥1 is 11.65%).
PRICES = (10_000, 3_999)


def test_the_table_covers_every_preset():
    assert set(DOMAIN_APR_PCT) == set(INSTALLMENT_PRESETS)


@pytest.mark.parametrize("price", PRICES)
@pytest.mark.parametrize(("preset_id", "apr_pct"), sorted(DOMAIN_APR_PCT.items()))
def test_preset_apr_matches_domain(preset_id, apr_pct, price):
    preset = INSTALLMENT_PRESETS[preset_id]
    rates = build_schedule(price, preset.terms()).rates()
    assert round(100 * rates.nominal, 2) == apr_pct


def _old_ui_round_trip(p: InstallmentPreset) -> PlanTerms:
    """What the page built from a preset before calc owned the rule (ui/scenarios.py
    ``plan_terms_from_preset``): the preset's fields over the link's blank plan,
    then percent → fraction, and a total fee divided by the number of periods.
    Every field the preset does not set took the link's default, which is
    PlanTerms's own (rate 0 annual, no down payment or upfront fee, a 30-day
    first period, early rule "charge", no penalty).  Since issue 8 the fee's
    rounding is a term too: the lender rounds the fee it quotes, a total fee
    once, a fee per period each period."""
    fee = float(p.fee_pct) / 100
    if p.fee_mode == "total":
        fee = fee / p.periods
    return PlanTerms(kind=p.kind, periods=p.periods, fee_rate=fee, fee_timing=p.fee_timing,
                     rate=0.0, rate_unit="annual", down_payment=0.0, upfront_fee=0.0,
                     first_days=30, early_rule="charge", penalty_rate=0.0,
                     fee_rounding="total" if p.fee_mode == "total" else "period")


@pytest.mark.parametrize("preset_id", sorted(INSTALLMENT_PRESETS))
def test_terms_equal_the_old_ui_round_trip(preset_id):
    p = INSTALLMENT_PRESETS[preset_id]
    assert p.terms() == _old_ui_round_trip(p)


@pytest.mark.parametrize("preset_id", sorted(INSTALLMENT_PRESETS))
def test_presets_use_only_known_codes(preset_id):
    p = INSTALLMENT_PRESETS[preset_id]
    assert p.id == preset_id
    assert p.kind in KINDS and p.fee_mode in FEE_MODES and p.fee_timing in FEE_TIMINGS
    assert p.grade in ("A", "B", "C")


def test_total_fee_is_spread_per_period():
    # 花呗 12 期, 8.8% in total: 8.8% / 12 = 0.7333…% a period; ¥10,000 pays
    # 10,000 × 8.8% = ¥880 in fees, the advertised figure 0.7333% × 12 = 8.8%
    t = INSTALLMENT_PRESETS["huabei_12"].terms()
    assert t.fee_rate == pytest.approx(0.088 / 12, rel=1e-15)
    s = build_schedule(10_000, t)
    assert s.total_cost == 880.0
    assert s.rates().advertised == pytest.approx(0.088, rel=1e-15)


def test_upfront_preset_charges_the_whole_fee_first():
    # 工行 12 期, 7.2% at once: ¥720 with the first installment, nothing after
    s = build_schedule(10_000, INSTALLMENT_PRESETS["icbc_12_upfront"].terms())
    assert s.charge[0] == 720.0 and float(s.charge[1:].sum()) == 0.0


# issue 19 part C (h3): who lends is a field of every preset, written here by hand
# from domain.md §1/§4: 小米商城's 24 期免息 is lent by the buyer's card, not Xiaomi;
# 随星借 by 天星金融 / 重庆小米消费金融; 微粒贷 by WeBank; only card_cash is a
# card cash advance.
def test_every_preset_names_its_lender():
    from calc.presets import CASH_LINE_PRESETS, LENDERS
    expected = {"teach_06x12": "", "huabei_3": "huabei", "huabei_6": "huabei",
                "huabei_12": "huabei", "huabei_free": "huabei", "baitiao_12_low": "baitiao",
                "baitiao_12_high": "baitiao", "ccb_3": "ccb", "ccb_12": "ccb", "ccb_24": "ccb",
                "icbc_12_upfront": "icbc", "xiaomi_12_legacy": "xiaomi_loan",
                "xiaomi_24_free": "card", "suixingjie_low": "xiaomi_cf",
                "suixingjie_high": "xiaomi_cf", "weilidai": "webank", "card_cash": "card",
                "card_revolve": "card"}
    got = {**{k: p.lender for k, p in INSTALLMENT_PRESETS.items()},
           **{k: p.lender for k, p in CASH_LINE_PRESETS.items()}}
    assert got == expected and all(v in LENDERS for v in got.values() if v)
    assert [k for k, p in CASH_LINE_PRESETS.items() if p.cash_advance] == ["card_cash"]
