"""The handouts (issue 21): a blank sheet to hand out before the reveal,
with the question, the inputs and room to work, and none of the answer; and
the handout in view kept in the link, so the link reopens it."""

from __future__ import annotations

import pytest
from pagetest import all_text, assert_clean, lesson_value, run
from streamlit.testing.v1 import AppTest

from ui.i18n import CATALOG
from ui.lessons import LESSONS

LESSONS_PAGE = "app_pages/lessons.py"


def link(at: AppTest) -> dict[str, str]:
    return {k: at.query_params[k][0] if isinstance(at.query_params[k], list)
            else at.query_params[k] for k in at.query_params}


def charts(at: AppTest) -> list:
    return list(at.get("plotly_chart"))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("lid", list(LESSONS))
def test_the_blank_handout_gives_nothing_of_the_answer_away(lid, lang):
    lesson = LESSONS[lid]
    at = run({"lang": lang}, LESSONS_PAGE)
    at.button(key=f"lessons-do-blank-{lid}").click().run()
    assert_clean(at)
    text = all_text(at)
    cat = CATALOG[lang]
    assert cat[f"lesson.{lid}.question"] in text and cat["handout.prediction"] in text
    assert cat["handout.working"] in text and cat["handout.inputs"] in text
    # the answer as the card shows it (13.03%, ¥1,375.82, 37 months, 43.58%),
    # the results table, the chart and the prompts (rollover's names month 7's
    # ¥6,788.61): none of it
    assert lesson_value(lesson.guess, lesson.answer(), lang) not in text
    assert not at.dataframe and not charts(at)
    assert cat[f"lesson.{lid}.prompt1"] not in text
    assert cat[f"lesson.{lid}.prompt2"] not in text
    assert (link(at)["ho"], link(at)["hv"]) == (lid, "blank")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_handout_link_reopens_the_handout_in_its_version(lang):
    # a new session opening the link a teacher copied from the handout view
    at = run({"v": "1", "lang": lang, "pg": "lessons", "ho": "rollover", "hv": "blank"},
             LESSONS_PAGE)
    assert_clean(at)
    assert not at.warning
    cat = CATALOG[lang]
    assert cat["handout.working"] in all_text(at)
    assert at.button_group(key="lessons-hv").value == "blank"
    assert not charts(at)
    # to the sheet with the answer: the link follows
    at.button_group(key="lessons-hv").set_value("answer").run()
    assert_clean(at)
    assert "hv" not in link(at) and link(at)["ho"] == "rollover"  # the default: not written
    assert lesson_value("cost", LESSONS["rollover"].answer(), lang) in all_text(at)
    assert len(charts(at)) == 1
    # back to the list: neither is written (as the list's links were before)
    at.button(key="lessons-do-back").click().run()
    assert "ho" not in link(at) and "hv" not in link(at)
    assert at.button(key="lessons-do-blank-rollover")


def test_a_link_with_the_handout_with_the_answer_reopens_it():
    at = run({"v": "1", "lang": "en", "pg": "lessons", "ho": "monthly_fee"}, LESSONS_PAGE)
    assert_clean(at)
    cells = at.dataframe[0].value.astype(str).to_numpy().ravel().tolist()
    assert "13.03%" in cells  # domain.md §2: 12 × 0.6% a month is 13.03% a year
    assert CATALOG["en"]["lesson.monthly_fee.prompt1"] in all_text(at)


@pytest.mark.parametrize("raw", [{"ho": "nosuch"}, {"ho": "rollover", "hv": "draft"}])
def test_a_hand_edited_handout_link_is_named(raw):
    at = run({"v": "1", "lang": "en", "pg": "lessons", **raw}, LESSONS_PAGE)
    assert_clean(at)
    said = " ".join(w.value for w in at.warning)
    bad = next(v for v in raw.values() if v not in LESSONS)
    assert bad in said
