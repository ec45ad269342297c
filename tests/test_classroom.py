"""Classroom mode and the lessons (issue 11) in AppTest: every lesson link in
both languages and both classroom modes, the reveal against calc's answer
for its scenario (the figures themselves are checked against domain.md in
tests/test_lessons.py), starting a lesson from the lessons page, the
handouts and the glossary."""

from __future__ import annotations

import pytest
from pagetest import all_text, assert_clean, lesson_value, run, switch_language
from streamlit.testing.v1 import AppTest

from ui.glossary import GLOSSARY
from ui.i18n import CATALOG
from ui.lessons import LESSONS

LESSONS_PAGE = "app_pages/lessons.py"
TITLES = {"cmp": "cmp.title", "cash": "cash.title", "bud": "bud.title"}


def params(at: AppTest) -> dict[str, str]:
    return {k: at.query_params[k][0] if isinstance(at.query_params[k], list)
            else at.query_params[k] for k in at.query_params}


@pytest.mark.parametrize("mode", ["class", "student"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("lid", list(LESSONS))
def test_every_lesson_link_opens_its_page_and_reveals_calcs_answer(lid, lang, mode):
    lesson = LESSONS[lid]
    at = run({"lesson": lid, "mode": mode, "lang": lang})
    assert_clean(at)
    titles = [t.value for t in at.title]
    assert CATALOG[lang][TITLES[lesson.page]] in titles  # the lesson's page
    assert CATALOG[lang][f"lesson.{lid}.title"] in [s.value for s in at.subheader]
    link = params(at)
    assert (link["pg"], link["mode"], link["lesson"]) == (lesson.page, mode, lid)
    assert {k: link[k] for k in lesson.params(lang)} == lesson.params(lang)  # its scenario
    at.button(key="app-do-reveal").click().run()
    assert_clean(at)
    result = " ".join(s.value for s in at.success)
    assert lesson_value(lesson.guess, lesson.answer(), lang) in result
    assert CATALOG[lang][f"lesson.{lid}.prompt1"] in all_text(at)
    assert "个月 个月" not in all_text(at) and "months months" not in all_text(at)


def test_a_guess_is_told_how_far_off_it_was():
    # 0.6% × 12 = 7.2% against 13.03%: 5.83 points low (domain.md §2)
    at = run({"lesson": "monthly_fee", "mode": "student", "lang": "en"})
    at.number_input(key="lsn-g").set_value(7.2).run()
    at.button(key="app-do-reveal").click().run()
    result = at.success[0].value
    assert "7.20%" in result and "13.03%" in result and "5.83" in result
    assert CATALOG["en"]["lesson.low"] in result
    # the guess and the reveal stay through a language switch
    switch_language(at, "zh")
    assert_clean(at)
    assert at.number_input(key="lsn-g").value == 7.2
    assert "13.03%" in at.success[0].value


def test_starting_a_lesson_from_the_lessons_page_loads_its_scenario():
    at = run({"lang": "zh"}, LESSONS_PAGE)
    assert_clean(at)
    assert len([c for c in at.subheader if "lesson" not in c.value]) >= len(LESSONS)
    at.button(key="lessons-do-class-early_repayment").click().run()
    assert_clean(at)
    # st.switch_page took the browser there; AppTest keeps its own page: follow
    assert CATALOG["zh"]["cmp.title"] in [x.value for x in at.title]
    at.switch_page("app_pages/compare.py").run()
    link = params(at)
    assert link["pg"] == "cmp" and link["mode"] == "class" and link["ek1"] == "4"
    assert at.button_group(key="app-mode").value == "class"
    # the class guesses first: no results, no inputs, until the reveal
    assert not at.metric and not at.dataframe
    at.button(key="app-do-reveal").click().run()
    assert_clean(at)
    assert at.number_input(key="cmp-p").value == 10_000.0
    assert "24.14%" in at.success[0].value  # paid off early: the lesson's answer
    # classroom mode folds the plans' editor away, and it still works
    assert any(e.label == CATALOG["zh"]["lesson.inputs"] for e in at.expander)
    at.number_input(key="cmp-p").set_value(20_000.0).run()
    assert_clean(at)
    assert params(at)["p"] == "20000"
    assert CATALOG["zh"]["lesson.changed"] in all_text(at)  # the answer is the lesson's


def test_the_mode_switch_goes_into_the_link():
    at = run({"lang": "en"})
    at.button_group(key="app-mode").set_value("class").run()
    assert params(at)["mode"] == "class"
    at.button_group(key="app-mode").set_value("off").run()
    assert "mode" not in params(at)
    assert_clean(at)


@pytest.mark.parametrize("raw", [{"mode": "party"}, {"lesson": "nosuch"}])
def test_a_hand_edited_mode_or_lesson_is_named(raw):
    at = run({"lang": "en", **raw})
    assert_clean(at)
    name, value = next(iter(raw.items()))
    warning = " ".join(w.value for w in at.warning)
    assert value in warning and name in warning
    assert "mode" not in params(at) and "lesson" not in params(at)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("lid", list(LESSONS))
def test_every_handout_renders(lid, lang):
    at = run({"lang": lang}, LESSONS_PAGE)
    at.button(key=f"lessons-do-handout-{lid}").click().run()
    assert_clean(at)
    assert not at.error
    assert CATALOG[lang]["handout.prediction"] in all_text(at)
    assert CATALOG[lang][f"lesson.{lid}.prompt2"] in all_text(at)
    at.button(key="lessons-do-back").click().run()
    assert at.button(key=f"lessons-do-handout-{lid}")  # the list again


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_glossary_names_every_term(lang):
    at = run({"lang": lang}, "app_pages/glossary.py")
    assert_clean(at)
    names = [s.value for s in at.subheader]
    assert names == [CATALOG[lang][f"gloss.{term}.name"] for term in GLOSSARY]


@pytest.mark.parametrize("page", ["app_pages/compare.py", "app_pages/cashline.py",
                                  "app_pages/budget.py"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_page_links_the_glossary_terms_it_uses(page, lang):
    import re

    at = run({"lang": lang, "hi": "3000"}, page)
    links = re.findall(r"\]\(glossary\?lang=(\w+)#(\w+)\)", all_text(at))
    assert links, "no glossary link on the page"
    assert {code for code, _ in links} == {lang}
    assert {term for _, term in links} <= set(GLOSSARY)


def test_a_lessons_explanation_links_its_terms():
    at = run({"lesson": "rollover", "mode": "student", "lang": "en"})
    at.button(key="app-do-reveal").click().run()
    assert "(glossary?lang=en#rollover)" in all_text(at)



def test_a_lesson_started_again_starts_over():
    at = run({"lang": "en"}, LESSONS_PAGE)
    at.button(key="lessons-do-class-monthly_fee").click().run()
    at.switch_page("app_pages/compare.py").run()
    at.button(key="app-do-reveal").click().run()
    assert at.success
    at.switch_page(LESSONS_PAGE).run()
    at.button(key="lessons-do-class-monthly_fee").click().run()
    at.switch_page("app_pages/compare.py").run()
    assert not at.success and at.button(key="app-do-reveal")  # hidden again
