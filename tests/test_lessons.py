"""Classroom lessons (ui.lessons), their texts (the catalogues' lesson.* and gloss.*
entries) and the glossary (ui.glossary).

Every expected answer is a figure of ``../shared/domain.md`` or a closed form
worked out by hand in the comment beside it (evaluated here with plain
arithmetic, never by calc), to the precision the page shows: rates and shares
as percentages with two decimals, yuan to the fen, whole months.  The figures
a lesson's text states are checked against calc's results for its scenario,
so a text cannot drift from the scenario it describes.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from calc.burden import peak
from ui.catalogs import problems
from ui.codec import decode, decode_part
from ui.fmt import pct, yuan
from ui.glossary import GLOSSARY
from ui.i18n import CATALOG, MISSING, placeholders, t
from ui.lessons import GUESS_KINDS, LESSONS, PAGES, Lesson
from ui.scenarios import budget as bud
from ui.scenarios import cashline as cash
from ui.scenarios import compare as cmp
from ui.scenarios.household import HOUSEHOLD, thresholds

LANGS = ("zh", "en")
#: The lessons' and the glossary's entries per language (once ui/catalog_lessons.py).
TEXTS = {lang: {k: v for k, v in cat.items() if k.split(".", 1)[0] in ("lesson", "gloss")}
         for lang, cat in CATALOG.items()}
ORDER = ("monthly_fee", "huabei_periods", "free_vs_discount", "early_repayment",
         "minimum_payment", "rollover", "stacking")
PARTS = ("title", "question", "explain", "prompt1", "prompt2")


def fen(x: float | Decimal) -> Decimal:
    """To the fen, half away from zero (as lenders and calc.money round)."""
    return Decimal(str(x)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def shown(kind: str, value: float) -> str:
    """An answer as the lesson card shows it (ui.classroom.format_value)."""
    if kind in ("rate", "share"):
        return pct(value)
    if kind == "cost":
        return yuan(value)
    return f"{value:.0f}"


def says(lid: str, part: str, *figures: str) -> None:
    """Lesson ``lid``'s text ``part`` states each of ``figures`` in both languages."""
    for lang in LANGS:
        text = CATALOG[lang][f"lesson.{lid}.{part}"]
        for figure in figures:
            assert figure in text, (lang, part, figure)


def plans(lid: str):
    return cmp.results(LESSONS[lid].scenario()).plans


# ----------------------------------------------------------------------------- the list


def test_seven_lessons_in_teaching_order():
    assert tuple(LESSONS) == ORDER
    assert [(x.page, x.guess) for x in LESSONS.values()] == [
        ("cmp", "rate"), ("cmp", "rate"), ("cmp", "rate"), ("cmp", "rate"),
        ("cash", "months"), ("cash", "cost"), ("bud", "share")]
    assert all(lid.isascii() and lid.isidentifier() for lid in LESSONS)


def test_a_lesson_names_a_page_and_a_guess_kind():
    with pytest.raises(ValueError):
        Lesson("x", "nope", "rate", dict, lambda scn: 0.0)
    with pytest.raises(ValueError):
        Lesson("x", "cmp", "yuan", dict, lambda scn: 0.0)


# ----------------------------------------------------------------------------- answers


def test_monthly_fee():
    # domain.md §2's anchor: ¥10,000 in 12 installments at 0.6% a period on the
    # original principal: payment ¥893.33, total fee ¥720, advertised 7.2%,
    # APR 13.03% (Tsinghua PBCSF, B), effective 13.84%
    lesson = LESSONS["monthly_fee"]
    assert pct(lesson.answer()) == "13.03%"
    (r,) = plans("monthly_fee")
    assert (float(r.schedule.payment[0]), r.schedule.total_cost) == (893.33, 720.0)
    assert (pct(r.rates.advertised), pct(r.rates.effective)) == ("7.20%", "13.84%")
    says("monthly_fee", "question", "¥10,000", "12", "0.6%", "7.2%")
    says("monthly_fee", "explain", "¥893.33", "¥60", "¥720", "¥10,000", "13.84%")


def test_huabei_periods():
    # domain.md §4: 花呗 3 / 6 / 12 期, 2.5 / 4.5 / 8.8% in total: APR 14.94 /
    # 15.27 / 15.86%; the lesson asks for the 12-period plan's
    assert pct(LESSONS["huabei_periods"].answer()) == "15.86%"
    three, six, twelve = plans("huabei_periods")
    assert [pct(p.rates.nominal) for p in (three, six, twelve)] == ["14.94%", "15.27%", "15.86%"]
    # on the page's ¥3,999, each total fee rounded once to the fen:
    # 3,999 × 2.5% = 99.975 → ¥99.98; × 4.5% = 179.955 → ¥179.96; × 8.8% = 351.912 → ¥351.91
    price = Decimal(3999)
    assert [fen(price * Decimal(f)) for f in ("0.025", "0.045", "0.088")] == [
        Decimal("99.98"), Decimal("179.96"), Decimal("351.91")]
    assert [p.schedule.total_cost for p in (three, six, twelve)] == [99.98, 179.96, 351.91]
    # 12 期's first installment: 3,999 / 12 = 333.25 of principal, plus the fee
    # 351.91 / 12 = 29.3258 cut down to 29.32 (the last absorbs the rest): ¥362.57
    assert float(twelve.schedule.payment[0]) == 333.25 + 29.32
    says("huabei_periods", "question", "¥3,999", "2.5%", "4.5%", "8.8%")
    says("huabei_periods", "explain", "14.94%", "15.27%", "¥351.91", "¥99.98")
    says("huabei_periods", "prompt2", "¥362.57", "¥351.91")


def annuity_factor(i: float, n: int) -> float:
    """Σ_{k=1..n} (1+i)^−k = (1 − (1+i)^−n) / i."""
    return (1 - (1 + i) ** -n) / i


def test_free_vs_discount():
    # ¥3,999 free over 12, or 5% off: the buyer gets goods worth 3,999 × 0.95 =
    # ¥3,799.05 and pays 12 × 3,999 / 12 = 12 × ¥333.25.  The monthly rate i
    # solves 3,799.05 = 333.25 × a(12, i), a(12, i) = (1 − (1+i)^−12) / i, so
    # a(12, i) = 0.95 × 12 = 11.4 whatever the price.  a falls as i rises, and
    # a(12, 9.575%/12) > 11.4 > a(12, 9.585%/12): the APR i × 12 shows as 9.58%.
    assert annuity_factor(0.09575 / 12, 12) > 11.4 > annuity_factor(0.09585 / 12, 12)
    answer = LESSONS["free_vs_discount"].answer()
    assert pct(answer) == "9.58%"
    assert annuity_factor(answer / 12, 12) == pytest.approx(11.4, abs=1e-9)
    (r,) = plans("free_vs_discount")
    assert (r.schedule.cash_price, float(r.schedule.payment[0]), r.schedule.total_cost) == (
        3799.05, 333.25, 199.95)
    says("free_vs_discount", "question", "¥3,999", "5%", "¥3,799.05", "¥199.95")
    says("free_vs_discount", "explain", "¥3,799.05", "12 × ¥333.25", "¥3,999", "¥199.95")


def test_early_repayment():
    # domain.md §1: 12 × 0.6% paid off in month 4 with every fee charged is
    # "about 24%".  By hand: principal 10,000 / 12 cut to 833.33 a month, so
    # after installment 4 the rest is 10,000 − 4 × 833.33 = 6,666.68; fees 60 a
    # month.  Installments 1–3 pay 893.33; installment 4 pays 833.33 + 6,666.68
    # of principal and 60 + 8 × 60 of fees = ¥8,040.01, ¥720 of fee in all.
    # NPV(i) = 10,000 − 893.33 (v + v² + v³) − 8,040.01 v⁴, v = 1 / (1 + i),
    # rises with i; its root, × 12, lies between 24.135% and 24.145%: 24.14%.
    def npv(apr: float) -> float:
        v = 1 / (1 + apr / 12)
        return 10_000 - 893.33 * (v + v**2 + v**3) - 8_040.01 * v**4

    assert npv(0.24135) < 0 < npv(0.24145)
    answer = LESSONS["early_repayment"].answer()
    assert pct(answer) == "24.14%" and round(100 * answer) == 24
    (r,) = plans("early_repayment")
    assert r.early.payment.tolist() == [893.33, 893.33, 893.33, 8040.01]
    assert r.early.total_cost == 720.0
    assert pct(r.rates.nominal) == "13.03%"  # held to term (domain.md §2)
    # the question names lesson 1 but not its answer (the list shows every question at once)
    says("early_repayment", "question", "¥10,000", "0.6%", "4", "8")
    says("early_repayment", "explain", "13.03%", "¥720", "4")


def test_minimum_payment():
    # domain.md §2, the minimum-payment trap: ¥10,000 at 0.05%/day, no new
    # spending, 10% of the statement balance with a ¥100 floor: 37 months
    # (¥1,675.89 interest)
    assert LESSONS["minimum_payment"].answer() == 37
    r = cash.simulate(cash.inputs(LESSONS["minimum_payment"].scenario()))
    assert (r.status, r.totals.interest, r.totals.cost) == ("paid_off", 1675.89, 1675.89)
    says("minimum_payment", "question", "¥10,000", "10%", "¥100", "0.05%")
    says("minimum_payment", "explain", "¥1,675.89", "¥100")


def test_rollover():
    # Line 1, 微粒贷's terms: ¥10,000 in 12 equal payments at 0.05% a day.  On a
    # line priced per day (issue 19 A, domain.md §2) the level payment is the
    # annuity at the monthly equivalent i = 0.0005 × 365 / 12: 10,000 i / (1 −
    # (1+i)^−12) = 917.9901… → ¥917.99; each statement charges the principal
    # owed × 0.0005 × its actual days (30, 30, 31, 30, 31, 30, 30, 31, 30, 31,
    # 30, 31), and the last repays what is left with its interest:
    #   150.00, 138.48, 131.01, 114.98, 106.37, 90.76, 78.35, 67.95, 53.01,
    #   41.37, 26.89, 13.97 → ¥1,013.14 on time (11 × 917.99 + 915.25)
    i = 0.0005 * 365 / 12
    level = fen(10_000 * i / (1 - (1 + i) ** -12))
    assert level == Decimal("917.99")
    owed, on_time = Decimal(10_000), Decimal(0)
    for m in range(1, 13):
        charge = fen(owed * Decimal("0.0005") * (365 * m // 12 - 365 * (m - 1) // 12))
        on_time += charge
        owed -= (level - charge) if m < 12 else owed
    assert on_time == Decimal("1013.14")
    # Line 2, a card cash advance (card_cash: 1% a draw, min ¥10, 0.05% a day,
    # compounded on statement days): statements 1–6 each roll 917.99 + max(9.18, 10)
    # = 927.99 onto it.  Statement m first charges B × 0.0005 × (E(m) − E(m−1)) days,
    # E(m) = ⌊365 m / 12⌋ (months 2–7: 30, 31, 30, 31, 30, 30 days), rounded:
    #   m=1: B = 927.99
    #   m=2: 13.92 → 1,869.90   m=3: 28.98 → 2,826.87   m=4: 42.40 → 3,797.26
    #   m=5: 58.86 → 4,784.11   m=6: 71.76 → 5,783.86
    #   m=7: 86.76 → 5,870.62, cleared with month 7's 917.99: ¥6,788.61 at once
    # interest 302.68 and fees 6 × 10 = 60 on top of line 1's 1,013.14: ¥1,375.82
    fee = max(fen(level * Decimal("0.01")), Decimal(10))
    balance, interest = Decimal(0), Decimal(0)
    for m in range(1, 8):
        days = 365 * m // 12 - 365 * (m - 1) // 12
        charge = fen(balance * Decimal("0.0005") * days)
        interest += charge
        balance += charge
        if m <= 6:
            balance += level + fee
    assert (balance, interest) == (Decimal("5870.62"), Decimal("302.68"))
    total = on_time + 6 * fee + interest
    assert total == Decimal("1375.82")
    lesson = LESSONS["rollover"]
    assert fen(lesson.answer()) == total
    r = cash.simulate(cash.inputs(lesson.scenario()))
    assert float(r.statements.paid[6]) == float(balance + level) == 6788.61
    plain = cash.simulate(cash.inputs({**lesson.scenario(), "ro": 0}))
    assert plain.totals.cost == float(on_time)
    says("rollover", "question", "¥10,000", "¥917.99", "¥1,013.14", "6", "1%", "¥10", "0.05%")
    says("rollover", "explain", "¥1,013.14", "¥10", "¥6,788.61", "7")


def test_stacking():
    # ¥2,000 a month, ¥1,500 essentials.  Month 1 (months 1–6 alike): 花呗 12 期
    # on ¥3,999 pays ¥362.57 (test_huabei_periods); 花呗 6 期 on ¥1,200 pays
    # 1,200 / 6 = 200 + 1,200 × 4.5% / 6 = 9.00, ¥209.00; the hand-entered debt
    # ¥300: 362.57 + 209 + 300 = ¥871.57, 871.57 / 2,000 = 43.5785% → 43.58%,
    # leaving 2,000 − 1,500 − 871.57 = −¥371.57.  From month 7 only 花呗 12 期
    # is left (at most ¥362.64), so month 1 is the heaviest (the first on a tie).
    answer = LESSONS["stacking"].answer()
    assert pct(answer) == "43.58%"
    assert answer == pytest.approx((362.57 + 209.00 + 300.00) / 2_000, abs=1e-12)
    scn = LESSONS["stacking"].scenario()
    hh = {k: scn.get(k, f.default) for k, f in HOUSEHOLD.shared.items()}
    b = bud.budget(scn, hh, thresholds(hh))
    p = peak(b.timeline)
    assert (p.month, p.payments, p.left) == (1, 871.57, -371.57)
    assert b.timeline.payments[:, 0].tolist() == [362.57, 209.0, 300.0]
    assert (b.timeline.left[:6] < 0).all() and (b.timeline.left[6:] >= 0).all()
    says("stacking", "question", "¥2,000", "¥1,500", "¥3,999", "¥1,200", "¥300", "12", "6")
    says("stacking", "explain", "¥871.57", "¥362.57", "¥209", "¥300", "36%", "¥371.57", "6")


@pytest.mark.parametrize("lid", ORDER)
def test_off_by_is_guess_minus_answer(lid):
    lesson = LESSONS[lid]
    answer = lesson.answer()
    step = {"rate": 0.01, "share": 0.01, "cost": 100.0, "months": 1.0}[lesson.guess]
    assert lesson.off_by(answer) == 0.0
    assert lesson.off_by(answer + step) == pytest.approx(step)  # too high: positive
    assert lesson.off_by(answer - step) == pytest.approx(-step)  # too low: negative
    assert lesson.off_by(0.0) == -answer


# ----------------------------------------------------------------------------- links


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("lid", ORDER)
def test_params_decode_back(lid, lang):
    lesson = LESSONS[lid]
    schema = PAGES[lesson.page]
    scn = lesson.scenario()
    params = lesson.params(lang)
    assert params["pg"] == lesson.page and params["lang"] == lang
    assert all(isinstance(v, str) for v in params.values())
    back, got_lang, notices = decode(schema, params)
    assert (got_lang, notices) == (lang, [])
    own = {k: v for k, v in scn.items() if k not in HOUSEHOLD.shared}
    assert back == own
    assert {k: type(v) for k, v in back.items()} == {k: type(v) for k, v in own.items()}
    household, notices = decode_part(HOUSEHOLD, params)
    assert notices == []
    want = {k: scn.get(k, f.default) for k, f in HOUSEHOLD.shared.items()}
    assert household == want
    assert lesson.scenario() == scn  # built afresh, the same every time


def test_only_the_stacking_lesson_carries_a_household():
    for lesson in LESSONS.values():
        carried = set(HOUSEHOLD.shared) & set(lesson.params("zh"))
        assert carried == ({"hi", "he"} if lesson.id == "stacking" else set()), lesson.id


# ----------------------------------------------------------------------------- texts


def test_both_languages_have_the_same_keys_and_placeholders():
    assert len(TEXTS["en"]) > 2 * len(LESSONS)
    assert problems(TEXTS) == []


def test_every_lesson_and_term_has_its_texts_and_no_other():
    want = {f"lesson.{lid}.{part}" for lid in LESSONS for part in PARTS}
    want |= {f"lesson.guess_label.{kind}" for kind in GUESS_KINDS}
    want |= {f"gloss.{term}.{part}" for term in GLOSSARY for part in ("name", "text")}
    assert want <= set(TEXTS["en"])
    # no text of a lesson or a term that does not exist
    per_item = {k for k in TEXTS["en"] if k.count(".") == 2}
    assert per_item - want == set()


def test_the_glossary_has_the_terms_the_issue_asks_for():
    asked = {"fee_rate", "apr", "effective", "irr", "equal_payment", "equal_principal",
             "interest_only", "flexible", "minimum_payment", "late_fee", "penalty_interest",
             "cash_line", "cash_advance", "interest_free", "rollover", "rate_line_24", "lpr",
             "debt_share"}
    assert asked <= set(GLOSSARY)
    assert len(set(GLOSSARY)) == len(GLOSSARY)
    assert all(term.isascii() and term.isidentifier() for term in GLOSSARY)


def test_placeholders_are_the_ones_the_card_fills():
    for lid in LESSONS:
        for part in PARTS:
            want = {"answer"} if part == "explain" else set()
            assert placeholders(TEXTS["en"][f"lesson.{lid}.{part}"]) == want, (lid, part)
    for term in GLOSSARY:
        for part in ("name", "text"):
            assert placeholders(TEXTS["en"][f"gloss.{term}.{part}"]) == set()
    assert placeholders(TEXTS["en"]["lesson.result"]) == {"guess", "answer", "side", "off"}


@pytest.mark.parametrize("lang", LANGS)
def test_formatted_texts_are_whole(lang):
    """Every text formatted as a page formats it: no missing key, no
    placeholder left, and the question does not give the answer away."""
    for lid, lesson in LESSONS.items():
        answer = shown(lesson.guess, lesson.answer())
        for part in PARTS:
            text = t(f"lesson.{lid}.{part}", lang, answer=answer)
            assert "⟦" not in text and "{" not in text and "}" not in text
        assert answer in t(f"lesson.{lid}.explain", lang, answer=answer)
        assert answer not in t(f"lesson.{lid}.question", lang), lid
        assert t(f"lesson.guess_label.{lesson.guess}", lang) != MISSING.format(
            f"lesson.guess_label.{lesson.guess}")
    for key, text in TEXTS[lang].items():
        values = {name: "7" for name in placeholders(text)}
        formatted = t(key, lang, **values) if values else t(key, lang)
        assert "⟦" not in formatted and "{" not in formatted and "}" not in formatted, key


def test_a_result_line_reads_in_every_case():
    # ¥1,378.56 guessed as ¥1,000: 378.56 too low
    line = t("lesson.result", "en", guess=yuan(1000), answer=yuan(1378.56),
             side=t("lesson.low", "en"), off=yuan(378.56))
    assert line == "You guessed ¥1,000.00; the answer is ¥1,378.56: too low by ¥378.56."
    line = t("lesson.result", "zh", guess="40.00%", answer="43.58%",
             side=t("lesson.low", "zh"), off=t("lesson.points", "zh", n="3.58"))
    assert line == "你猜的是 40.00%，答案是 43.58%：比答案低 3.58 个百分点。"


def test_the_glossary_agrees_with_the_lessons():
    # the same figures where a term quotes a lesson's scenario
    for lang in LANGS:
        text = CATALOG[lang]
        assert pct(LESSONS["free_vs_discount"].answer()) in text["gloss.interest_free.text"]
        assert "13.03%" in text["gloss.fee_rate.text"] and "13.84%" in text["gloss.effective.text"]
        assert "37" in text["gloss.minimum_payment.text"]
        assert "¥225.00" in text["gloss.flexible.text"]  # domain.md §1: ¥10,000 for 45 days
        # domain.md §2: 24 r n / (n + 1) = 24 × 0.006 × 12 / 13 = 13.29%
        assert pct(24 * 0.006 * 12 / 13) == "13.29%"
        assert "13.29%" in text["gloss.average_balance.text"]
        # 10,000 × 0.015 / (1 − 1.015^−12) = 916.7999… → ¥916.80
        assert yuan(float(fen(10_000 * 0.015 / (1 - 1.015**-12)))) == "¥916.80"
        assert "¥916.80" in text["gloss.equal_payment.text"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_lesson_list_gives_no_answer_away(lang):
    """The list shows every lesson's title and question at once, before any
    reveal: none of them may quote a lesson's answer as the card would show
    it (lesson 4's question once quoted lesson 1's 13.03%)."""
    answers = {lid: shown(lesson.guess, lesson.answer()) for lid, lesson in LESSONS.items()
               if lesson.guess in ("rate", "share", "cost")}
    for lid in LESSONS:
        for part in ("title", "question"):
            text = CATALOG[lang][f"lesson.{lid}.{part}"]
            quoted = [other for other, a in answers.items() if a in text]
            assert not quoted, (lid, part, quoted)
