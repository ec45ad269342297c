"""The live class's page (issue 23, ``app_pages/live.py``, ``ui/live.py``):
the projector, a phone and the teacher's controls, through AppTest, each test
on a store of its own (a temporary SQLite file named by ROOMS_DATABASE_URL).

AppTest runs a fragment once with its script (``run_every`` does not tick),
so "the page follows the teacher" is checked here as the next run drawing
the room as it now is; the browser test (tests/browser/test_live_browser.py)
checks the ticks themselves.
"""

from __future__ import annotations

import json
import time

import pytest

from rooms import logic
from rooms.logic import Question
from rooms.store import Store, shared
from tests.pagetest import all_text, assert_clean, run, switch_language
from ui.i18n import CATALOG
from ui.live import _KEYS, questions

PAGE = "app_pages/live.py"
EN, ZH = CATALOG["en"], CATALOG["zh"]


@pytest.fixture
def store(tmp_path, monkeypatch) -> Store:
    url = f"sqlite:///{tmp_path / 'rooms.sqlite3'}"
    monkeypatch.setenv("ROOMS_DATABASE_URL", url)
    return shared(url)


def lesson_room(store: Store, lesson: str = "monthly_fee") -> tuple[str, str]:
    room, key = store.open_room(questions(lesson), time.time())
    return room.code, key


def controls(at) -> list[str]:
    return [b.key for b in at.button if (b.key or "").startswith("live-do-")]


def send_button(at):
    return next(b for b in at.button if b.label in (EN["live.send"], ZH["live.send"]))


def send(at, text: str, nick: str | None = None):
    """A phone typing ``text`` and pressing Send."""
    index = next(int(w.key.rsplit("-", 1)[1]) for w in at.text_input
                 if (w.key or "").startswith("live-answer-"))
    at.text_input(key=f"live-answer-{index}").input(text)
    if nick is not None:
        at.text_input(key="live-nick").input(nick)
    send_button(at).click().run()
    assert_clean(at)
    return at


def phone(code: str, lang: str = "en", token: str | None = None):
    params = {"lang": lang, "room": code}
    if token:
        params["s"] = token
    at = run(params, PAGE)
    assert_clean(at)
    return at


# ----------------------------------------------------------------------------- start


def test_a_lesson_starts_a_room_on_its_question(store):
    at = run({"lang": "en"}, "app_pages/lessons.py")
    at.button(key="lessons-do-live-monthly_fee").click().run()
    assert_clean(at)
    (code, key), = at.session_state[_KEYS].items()
    room = store.room(code, time.time())
    assert room is not None and logic.key_matches(room.key_digest, key)
    q = room.question
    # domain.md §2: ¥10,000 in 12 installments at 0.6% a period, nominal APR 13.03%;
    # the ad's sum, 0.6% × 12 = 7.2%, is the common wrong answer
    assert (q.lesson, q.kind) == ("monthly_fee", "rate")
    assert round(q.answer, 4) == 0.1303 and q.wrong == pytest.approx(0.072)
    # then the lessons after it, in teaching order: 7 lessons from the first
    assert len(room.questions) == 7 and room.questions[-1].lesson == "stacking"
    # the key is in the session, never in a link
    at.switch_page(PAGE)
    at.query_params.update({"room": code, "view": "teacher"})
    at.run()
    assert_clean(at)
    assert "live-do-reveal" in controls(at)
    assert key not in "".join(str(v) for v in at.query_params.values())


def test_each_lessons_wrong_answer_is_the_lessons_own():
    wrong = {q.lesson: q.wrong for q in questions("monthly_fee")}
    assert wrong["huabei_periods"] == pytest.approx(0.088)  # the 12 期 total fee, 8.8%
    assert wrong["free_vs_discount"] == 0.0  # "interest-free" at its word
    assert wrong["early_repayment"] == pytest.approx(0.1303, abs=5e-5)  # lesson 1's rate
    assert wrong["minimum_payment"] == 10.0  # 10% a month read as 10 months: 1 / 0.10
    # the lesson's own text: ¥1,013.14 "paid on time", 12 payments of ¥917.99
    assert wrong["rollover"] == pytest.approx(1013.14, abs=0.005)
    assert wrong["stacking"] is None


# ----------------------------------------------------------------------------- a phone


def test_a_phone_joins_answers_and_changes_its_answer_counted_once(store):
    code, _ = lesson_room(store)
    at = phone(code)
    token = at.query_params["s"]
    assert logic.normal_code(code) == code and 8 <= len(token) <= 64
    assert EN["lesson.monthly_fee.question"] in all_text(at)
    assert controls(at) == []  # a phone has no controls
    send(at, "10")
    send(at, "13.5%")
    # one student, one answer, the last one: 13.5% = 0.135
    assert store.counts(code, 0) == (1, 1)
    assert store.mine(code, token, 0) == pytest.approx(0.135)
    assert "13.50%" in all_text(at)
    # a reload: the same token from the address bar, back in the room with the answer
    again = phone(code, token=token)
    assert again.query_params["s"] == token
    assert EN["live.yours"].format(value="13.50%") in all_text(again)
    assert store.counts(code, 0) == (1, 1)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("text, code", [
    ("", "empty"), ("abc", "not_number"), ("nan", "not_finite"), ("1e308", "too_large"),
    ("-5", "negative"), ("1001", "too_large"),  # rates: at most 1,000% a year
])
def test_a_bad_answer_is_refused_in_the_phones_language(store, lang, text, code):
    room, _ = lesson_room(store)
    at = send(phone(room, lang), text)
    # at most 1,000% a year, shown as the rates are: 1000.00%
    want = CATALOG[lang][f"live.refused.{code}"].format(max="1000.00%")
    assert [e.value for e in at.error] == [want]
    assert store.counts(room, 0) == (1, 0)  # nothing stored


def test_a_nickname_shows_only_when_the_teacher_turns_names_on_escaped(store):
    code, key = lesson_room(store)
    send(phone(code), "13", nick="**<b>x</b>**")
    proj = run({"lang": "en", "room": code, "view": "projector"}, PAGE)
    assert "<b>x</b>" not in all_text(proj) and "\\*\\*" not in all_text(proj)
    store.act(code, key, "names", time.time())
    proj.run()
    assert_clean(proj)
    # md_escape: every markdown and HTML character backslash-escaped
    assert EN["live.names"].format(names=r"\*\*\<b\>x\</b\>\*\*") in all_text(proj)


# ----------------------------------------------------------------------------- refusals


@pytest.mark.parametrize("raw", ["ABC23O", "x" * 200, "<script>"])
def test_a_malformed_code_is_named_and_the_code_form_shown(store, raw):
    at = phone(raw)
    assert EN["live.refused.bad_code"] in all_text(at)
    assert at.text_input(key="live-code") is not None


def test_a_code_of_no_room_is_refused(store):
    at = phone("ZZZZZZ")
    assert [e.value for e in at.error] == [EN["live.refused.no_room"]]
    assert controls(at) == []
    for view in ("projector", "teacher"):
        at = run({"lang": "en", "room": "ZZZZZZ", "view": view}, PAGE)
        assert_clean(at)
        assert EN["live.refused.no_room"] in [e.value for e in at.error]


def test_an_expired_room_is_refused(store):
    # last touched 12 h and 10 s ago: past logic.TTL_SECONDS (12 h)
    room, _ = store.open_room(questions("stacking"), time.time() - logic.TTL_SECONDS - 10)
    at = phone(room.code)
    assert [e.value for e in at.error] == [EN["live.refused.expired"]]
    # and the store deleted it on the way: now it is no room at all
    proj = run({"lang": "en", "room": room.code, "view": "projector"}, PAGE)
    assert EN["live.refused.no_room"] in [e.value for e in proj.error]


def test_a_student_has_no_controls_on_any_view_and_the_store_refuses_them(store):
    code, _ = lesson_room(store)
    at = phone(code)
    token = at.query_params["s"]
    for view in ("projector", "teacher"):
        at.query_params["view"] = view
        at.run()
        assert_clean(at)
        assert controls(at) == [], view
    assert EN["live.refused.not_teacher"] in [e.value for e in at.error]
    # what a hand-made request could send: every action with the student's
    # token (or nothing) as the key is refused before anything is read
    for action in logic.ACTIONS:
        for forged in (token, "", "k" * 22):
            with pytest.raises(logic.Refused, match="not_teacher"):
                store.act(code, forged, action, time.time())
    assert store.room(code, time.time()).rev == 0  # nothing changed


def test_a_forged_teacher_link_shows_no_controls_and_leaves_the_address(store):
    code, key = lesson_room(store)
    forged = key[:-1] + ("A" if key[-1] != "A" else "B")
    at = run({"lang": "en", "room": code, "view": "teacher", "k": forged}, PAGE)
    assert_clean(at)
    assert controls(at) == []
    assert EN["live.refused.not_teacher"] in [e.value for e in at.error]
    assert "k" not in at.query_params  # out of the address bar, right or wrong


# ----------------------------------------------------------------------------- the teacher


def test_the_teacher_link_opens_the_controls_and_leaves_the_address_bar(store):
    code, key = lesson_room(store)
    at = run({"lang": "en", "room": code, "view": "teacher", "k": key}, PAGE)
    assert_clean(at)
    assert "k" not in at.query_params
    assert set(controls(at)) >= {f"live-do-{a}" for a in ("lock", "reveal", "next", "end")}
    # the teacher link is on the teacher's view; the student link never holds the key
    text = all_text(at) + "".join(str(c.value) for c in at.code)
    assert f"k={key}" in text
    assert EN["live.student_link"].format(url=f"?pg=live&room={code}") in text
    # the projector view of this session keeps the controls but never shows the key
    at.button(key="live-do-projector").click().run()
    assert_clean(at)
    assert at.query_params["view"] == "projector"
    assert "live-do-reveal" in controls(at)
    assert key not in all_text(at) + "".join(str(c.value) for c in at.code)


def test_lock_next_and_end_reach_the_phone(store):
    code, key = lesson_room(store)
    kid = phone(code)
    teacher = run({"lang": "en", "room": code, "view": "teacher", "k": key}, PAGE)
    teacher.button(key="live-do-lock").click().run()
    assert_clean(teacher)
    assert store.room(code, time.time()).phase == "locked"
    kid.run()
    assert EN["live.locked"] in all_text(kid) and not [b for b in kid.button if b.label]
    # a send typed before the lock: refused as closed by the store
    with pytest.raises(logic.Refused, match="closed"):
        store.submit(code, kid.query_params["s"], "13", time.time())
    teacher.button(key="live-do-next").click().run()
    kid.run()
    assert_clean(kid)
    assert EN["lesson.huabei_periods.question"] in all_text(kid)
    send(kid, "15")
    assert store.counts(code, 1) == (1, 1)
    teacher.button(key="live-do-end").click().run()
    kid.run()
    assert EN["live.over"] in all_text(kid)


def test_the_reveal_shows_the_answer_median_margin_and_the_wrong_answer(store):
    code, key = lesson_room(store)
    for typed in ("7.2", "13", "14"):
        send(phone(code), typed)
    proj = run({"lang": "en", "room": code, "view": "projector"}, PAGE)
    assert_clean(proj)
    joined, answered = (m.value for m in proj.metric[:2])
    assert (joined, answered) == ("3", "3")
    # before the reveal: the answer is nowhere, not on the chart either
    assert "13.03%" not in all_text(proj)
    chart = json.loads(proj.get("plotly_chart")[0].proto.spec)
    assert not chart["layout"].get("shapes") and not chart["layout"].get("annotations")
    # one dot per answer at the value typed (percent), stacked 1 high: 24 bins
    # over 7.2..14 are 0.283 points wide, so 13 and 14 fall in different bins
    assert sorted(chart["data"][0]["x"]) == pytest.approx([7.2, 13.0, 14.0])
    assert chart["data"][0]["y"] == [1, 1, 1]
    store.act(code, key, "reveal", time.time())
    proj.run()
    assert_clean(proj)
    box = proj.success[0].value
    assert EN["live.answer_is"].format(value="13.03%") in box
    # sorted 7.2, 13, 14: the median is the middle one, 13.00%
    assert EN["live.median"].format(value="13.00%") in box
    # within 1 point of 13.03%: 13 (0.03 off) and 14 (0.97 off); 7.2 is 5.83 off
    assert EN["live.within"].format(n=2, of=3, margin="1 percentage points") in box
    # within 1 point of 7.2%: only 7.2
    assert EN["live.wrong.monthly_fee"].format(value="7.20%", n=1) in box
    chart = json.loads(proj.get("plotly_chart")[0].proto.spec)
    # the answer, the median and the wrong answer drawn as lines, in percent
    assert sorted(sh["x0"] for sh in chart["layout"]["shapes"]) == pytest.approx(
        [7.2, 13.0, 13.03], abs=0.005)  # 13.03%: domain.md §2
    notes = " ".join(a["text"] for a in chart["layout"]["annotations"])
    assert EN["live.line_answer"] in notes and EN["live.line_median"] in notes
    # the phones see it too, in their own language
    kid = phone(code, "zh")
    assert ZH["live.answer_is"].format(value="13.03%") in all_text(kid)


def test_the_language_switches_mid_class(store):
    code, _ = lesson_room(store)
    at = phone(code, "en")
    send(at, "12")
    switch_language(at, "zh")
    assert_clean(at)
    assert ZH["lesson.monthly_fee.question"] in all_text(at)
    assert ZH["live.yours"].format(value="12.00%") in all_text(at)
    assert store.counts(code, 0) == (1, 1)  # the same student, not a new one


def test_a_hand_edited_view_or_token_is_named(store):
    code, _ = lesson_room(store)
    at = run({"lang": "en", "room": code, "view": "<admin>", "s": "'; DROP TABLE"}, PAGE)
    assert_clean(at)
    text = all_text(at)
    assert EN["live.bad_view"].format(view=r"\<admin\>") in text
    assert EN["live.new_token"] in text
    assert at.query_params["s"] != "'; DROP TABLE"
    assert store.counts(code, 0) == (1, 0)  # joined on the fresh token


def test_room_questions_are_typed(store):
    room, _ = store.open_room([Question("rollover", "cost", 1375.82, 1013.14)], time.time())
    at = send(phone(room.code), "¥1,400")
    assert EN["live.yours"].format(value="¥1,400.00") in all_text(at)
