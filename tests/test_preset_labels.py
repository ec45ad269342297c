"""Papercuts of issue 21: a preset's name alone in the picker (its evidence
grade and date in the note under it), and a tie said as a tie."""

from __future__ import annotations

import pytest
from pagetest import all_text, assert_clean, run

from calc.presets import CASH_LINE_PRESETS, INSTALLMENT_PRESETS
from ui.i18n import CATALOG


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_comparison_picker_names_presets_and_the_note_grades_them(lang):
    at = run({"lang": lang})
    assert_clean(at)
    picker = at.selectbox(key="cmp-ps1")
    cat = CATALOG[lang]
    grade_word = "证据等级" if lang == "zh" else "grade"
    for pid in INSTALLMENT_PRESETS:
        shown = picker.format_func(pid)
        assert shown == cat[f"preset.{pid}"] and grade_word not in shown
    chosen = str(picker.value)
    p = INSTALLMENT_PRESETS[chosen]
    note = cat["cmp.preset_grade"].format(grade=p.grade, grade_text=cat[f"grade.{p.grade}"],
                                          date=p.as_of or cat["cmp.undated"])
    assert note in all_text(at)  # kept, in the details


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_cash_line_picker_names_presets_and_the_note_grades_them(lang):
    at = run({"lang": lang}, "app_pages/cashline.py")
    assert_clean(at)
    picker = at.selectbox(key="cash-ps")
    cat = CATALOG[lang]
    for pid in CASH_LINE_PRESETS:
        assert picker.format_func(pid) == cat[f"preset.{pid}"]
    p = CASH_LINE_PRESETS[str(picker.value)]
    assert f"{p.grade} ({cat[f'grade.{p.grade}']})" in all_text(at) or \
        f"{p.grade}（{cat[f'grade.{p.grade}']}）" in all_text(at)


def test_a_tie_is_said_as_a_tie():
    # a 0%-fee plan (free, no discount for paying now): it costs what paying
    # now does, ¥3,999 either way, so the two tie for cheapest
    at = run({"lang": "zh", "np": "1", "ps1": "custom", "k1": "addon", "n1": "3", "f1": "0",
              "fr1": "period", "p": "3999"})
    assert_clean(at)
    text = all_text(at)
    assert "并列最省" in text and "花费相同" not in text
