"""A live class started from a calculator page's current scenario (issue 23,
``ui.live.start_from_scenario``), through AppTest: the comparison page's and
the cash-line page's questions, the room's answer against a closed form
derived by hand, what a phone sees before and after the reveal, a student
session trying to start into another's room or to act as its teacher, and
the teacher view's loopback warning.

Each test on a store of its own (a temporary SQLite file named by
ROOMS_DATABASE_URL), as tests/test_live_page.py.
"""

from __future__ import annotations

import time

import pytest

from rooms import logic
from rooms.store import Store, shared
from tests.pagetest import all_text, assert_clean, run
from ui.address import ENV
from ui.codec import decode, expand
from ui.i18n import CATALOG
from ui.live import _KEYS

LIVE = "app_pages/live.py"
COMPARE = "app_pages/compare.py"
CASHLINE = "app_pages/cashline.py"
EN, ZH = CATALOG["en"], CATALOG["zh"]

#: ¥1,200 in 12 installments, a fee of 0.5% of the principal a month, spread
#: over the installments: 1,200 / 12 = ¥100 of principal and 1,200 × 0.005 =
#: ¥6 of fee, ¥106 a month.
PLAN_12 = {"p": "1200", "np": "1", "ps1": "custom", "k1": "addon", "n1": "12", "fm1": "period",
           "f1": "0.5", "nm1": "Phone plan"}
#: ¥1,200 in 1 installment a month later, a fee of 1% on it: one payment of ¥1,212.
PLAN_1 = {"p": "1200", "np": "1", "ps1": "custom", "k1": "addon", "n1": "1", "fm1": "period",
          "f1": "1"}
#: ¥10,000 drawn on day 0 of a line at 0.05% a day, simple interest, repaid
#: any day (随借随还), all of it on day 30.
LINE_30 = {"ps": "custom", "L": "50000", "r": "0.05", "u": "daily", "co": "none", "nd": "1",
           "a1": "10000", "t1": "0", "m": "flexible", "nr": "1", "rd1": "30", "ra1": "0",
           "nm": "Cash line"}
#: The same draw, interest only for 3 months, the principal with the last payment.
LINE_IO3 = {**LINE_30, "m": "interest_only", "tm": "3", "nr": "0"}


@pytest.fixture
def store(tmp_path, monkeypatch) -> Store:
    url = f"sqlite:///{tmp_path / 'rooms.sqlite3'}"
    monkeypatch.setenv("ROOMS_DATABASE_URL", url)
    return shared(url)


def start(page: str, params: dict[str, str], button: str, lang: str = "en",
          context: dict[str, str] | None = None):
    """A teacher opening ``page`` on ``params`` and clicking ``button`` of the
    sidebar's "Start a live class with this scenario"."""
    from streamlit.testing.v1 import AppTest

    from tests.pagetest import APP

    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(page)
    if context:
        at.context = context
    for k, v in {"lang": lang, **params}.items():
        at.query_params[k] = v
    at.run()
    assert_clean(at)
    at.button(key=button).click().run()
    assert_clean(at)
    return at


def room_of(at, store: Store):
    (code, key), = at.session_state[_KEYS].items()
    room = store.room(code, time.time())
    assert room is not None and logic.key_matches(room.key_digest, key)
    return room, key


def controls(at) -> list[str]:
    return [b.key for b in at.button if (b.key or "").startswith("live-do-")]


# ----------------------------------------------------------------------------- the comparison


def test_the_comparisons_total_cost_question_is_calcs_closed_form(store):
    at = start(COMPARE, PLAN_12, "live-from-cmp-cmp_cost-1")
    room, _ = room_of(at, store)
    q = room.question
    # 12 × (¥100 + ¥6) = ¥1,272 paid for a ¥1,200 purchase: 1,200 × 0.005 × 12 = ¥72
    assert (q.lesson, q.kind, q.text) == ("cmp_cost", "cost", "live.q.cmp_cost")
    assert q.answer == pytest.approx(72.0, abs=0.005)
    assert q.tolerance == pytest.approx(3.6)  # 5% of the answer: 0.05 × 72
    # the wording's placeholders in both languages, the plan's name among them
    assert set(q.params) == {"zh", "en"}
    assert all("Phone plan" in p["name"] for p in q.params.values())
    assert "¥106.00" in q.params["en"]["terms"] and "¥106.00" in q.params["zh"]["terms"]
    # the scenario as a link the room keeps, short, without a language: the page's
    kept = expand(room.scenario)[0]
    assert kept["pg"] == "cmp" and kept["p"] == "1200" and kept["nm1"] == "Phone plan"
    assert "lang" not in kept and "mode" not in kept
    # the teacher lands on the room's teacher view, controls drawn
    assert "live-do-reveal" in controls(at)
    assert EN["live.scenario_link_teacher"].split("{url}")[0] in all_text(at)


def test_the_comparisons_rate_question_is_calcs_closed_form(store):
    at = start(COMPARE, PLAN_1, "live-from-cmp-cmp_apr-1", lang="zh")
    room, _ = room_of(at, store)
    q = room.question
    # +¥1,200 now, −¥1,212 one month later: 1,200 × (1 + i) = 1,212, i = 1% a
    # month, the nominal APR 12 × 1% = 12%
    assert (q.kind, q.text) == ("rate", "live.q.cmp_apr")
    assert q.answer == pytest.approx(0.12, abs=1e-9)
    assert q.tolerance == pytest.approx(0.01)  # 1 percentage point
    # the offer quotes the fee × 12 = 12% too: no common mistake to name
    assert q.wrong is None


def test_a_12_month_plans_common_mistake_is_the_quoted_rate(store):
    at = start(COMPARE, PLAN_12, "live-from-cmp-cmp_apr-1")
    q = room_of(at, store)[0].question
    # the offer quotes 0.5% × 12 = 6% a year; the true rate is higher (the fee
    # is charged on the whole ¥1,200 while the balance falls)
    assert q.wrong == pytest.approx(0.06)
    assert q.answer > 0.06 + 0.01


def test_a_plan_that_cannot_be_computed_starts_no_room(store):
    # a discount of 80% for paying in full: the link takes it (at most 100),
    # calc does not (at most half the price): the page says why, no room is made
    bad = {**PLAN_12, "d": "80"}
    at = start(COMPARE, bad, "live-from-cmp-cmp_cost-1")
    assert _KEYS not in at.session_state or not at.session_state[_KEYS]
    assert any(EN["live.from.failed"].split("{reason}")[0] in e.value for e in at.error)


# ----------------------------------------------------------------------------- the cash line


def test_the_cash_lines_total_cost_question_is_calcs_closed_form(store):
    at = start(CASHLINE, LINE_30, "live-from-cash-cash_cost-1")
    q = room_of(at, store)[0].question
    # simple interest, 30 days: 10,000 × 0.0005 × 30 = ¥150, no fee
    assert (q.kind, q.text) == ("cost", "live.q.cash_cost")
    assert q.answer == pytest.approx(150.0, abs=0.005)
    assert "¥10,000.00" in q.params["en"]["terms"] and "0.05%" in q.params["zh"]["terms"]


def test_the_cash_lines_months_question_is_calcs_closed_form(store):
    at = start(CASHLINE, LINE_IO3, "live-from-cash-cash_months-1")
    q = room_of(at, store)[0].question
    # interest only for 3 months: the principal goes with the 3rd payment
    assert (q.kind, q.answer, q.tolerance) == ("months", 3.0, 1.0)


# ----------------------------------------------------------------------------- the budget

BUDGET = "app_pages/budget.py"


def plan_value(params: dict[str, str]) -> str:
    """A comparison link's plan 1 as a budget item's terms (``bq``)."""
    from ui.scenarios import budget as bud
    from ui.scenarios import compare as cmp

    return bud.plan_link(decode(cmp.COMPARE, {"pg": "cmp", **params})[0], 1)


def two_plans() -> dict[str, str]:
    return {"nb": "2", "bq1": plan_value(PLAN_12), "bs1": "1", "bq2": plan_value(PLAN_1),
            "bs2": "1", "hi": "5000", "he": "2000"}


def test_the_budgets_months_to_clear_is_calcs_closed_form(store):
    at = start(BUDGET, two_plans(), "live-from-bud-bud_months-1")
    q = room_of(at, store)[0].question
    # both start in month 1: 12 installments and 1 installment, so the last
    # payment of all falls in month max(12, 1) = 12
    assert (q.kind, q.text, q.answer, q.tolerance) == ("months", "live.q.bud_months", 12.0, 1.0)
    assert "Phone plan" in q.params["en"]["terms"] and "Phone plan" in q.params["zh"]["terms"]


def test_the_budgets_total_cost_is_the_sum_of_its_plans_costs(store):
    at = start(BUDGET, two_plans(), "live-from-bud-bud_cost-1")
    q = room_of(at, store)[0].question
    # the 12-installment plan's 1,200 × 0.005 × 12 = ¥72 and the 1-installment
    # plan's 1,200 × 0.01 = ¥12: ¥84 in all
    assert q.kind == "cost" and q.answer == pytest.approx(84.0, abs=0.005)


def test_a_budget_with_a_debt_entered_by_hand_has_months_but_no_cost(store):
    hand = {"nb": "2", "bq1": "", "ba1": "500", "bm1": "3", "bb1": "1500", "bq2": "",
            "ba2": "200", "bm2": "5", "bb2": "1000", "bs2": "2"}
    at = start(BUDGET, hand, "live-from-bud-bud_months-1")
    # ¥500 for months 1 to 3, ¥200 for months 2 to 6 (5 months from month 2): month 6
    assert room_of(at, store)[0].question.answer == 6.0
    at = start(BUDGET, hand, "live-from-bud-bud_cost-1")
    assert [e.value for e in at.error if e.value == EN["live.from.no_cost"]]
    assert _KEYS not in at.session_state  # a new session: no room made


# ----------------------------------------------------------------------------- a phone


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_phone_sees_the_question_and_terms_not_the_answer(store, lang):
    at = start(COMPARE, PLAN_12, "live-from-cmp-cmp_cost-1")
    room, key = room_of(at, store)
    phone = run({"lang": lang, "room": room.code}, LIVE)
    assert_clean(phone)
    text = all_text(phone)
    q = room.question
    said = CATALOG[lang]["live.q.cmp_cost"].format(**q.params[lang])
    assert said in text  # the question in the phone's language, the terms in it
    assert "¥72.00" not in text  # the answer: nowhere before the reveal
    link = CATALOG[lang]["live.scenario_link"].split("{url}")[0]
    assert link not in text  # the scenario's page would show it at once
    assert controls(phone) == []
    store.act(room.code, key, "reveal", time.time())
    phone.run()
    assert_clean(phone)
    text = all_text(phone)
    assert "¥72.00" in text and link in text
    assert f"?lang={lang}&z={room.scenario['z']}" in text  # the phone's language, the scenario


# ----------------------------------------------------------------------------- an attacker


def test_a_student_session_cannot_start_into_anothers_room_or_teach_it(store):
    teacher = start(COMPARE, PLAN_12, "live-from-cmp-cmp_cost-1")
    theirs, their_key = room_of(teacher, store)
    # a student joins the teacher's room, then goes to the comparison page
    # with the room's code and a forged key in the link and starts a class
    at = run({"lang": "en", "room": theirs.code}, LIVE)
    assert_clean(at)
    at.switch_page(COMPARE)
    for k, v in {**PLAN_1, "room": theirs.code, "k": "A" * 22}.items():
        at.query_params[k] = v
    at.run()
    assert_clean(at)
    at.button(key="live-from-cmp-cmp_apr-1").click().run()
    assert_clean(at)
    keys = at.session_state[_KEYS]
    # a room of its own, new; the teacher's room untouched and not the session's
    assert theirs.code not in keys and len(keys) == 1
    (mine, my_key), = keys.items()
    assert mine != theirs.code
    with pytest.raises(logic.Refused) as err:
        store.act(theirs.code, my_key, "reveal", time.time())
    assert err.value.code == "not_teacher"
    after = store.room(theirs.code, time.time())
    assert after is not None and after.phase == "open" and after.question.answer == 72.0
    # the teacher view of their room from this session: a refusal, no controls
    at.switch_page(LIVE)
    at.query_params.clear()
    at.query_params.update({"lang": "en", "room": theirs.code, "view": "teacher"})
    at.run()
    assert_clean(at)
    assert controls(at) == []
    assert EN["live.refused.not_teacher"] in [e.value for e in at.error]
    assert logic.key_matches(theirs.key_digest, their_key)  # still the teacher's alone


# ----------------------------------------------------------------------------- the address


def loopback_warnings(at, lang: str) -> list[str]:
    head = CATALOG[lang]["app.addr_loopback"].split("{host}")[0]
    return [w.value for w in at.warning if head in w.value]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_teacher_view_warns_of_a_loopback_address(store, monkeypatch, lang):
    monkeypatch.delenv(ENV, raising=False)
    at = start(COMPARE, PLAN_12, "live-from-cmp-cmp_cost-1", lang=lang,
               context={"url": "http://127.0.0.1:8631/compare"})
    assert at.query_params.get("view") == "teacher"
    warned = loopback_warnings(at, lang)
    assert len(warned) == 1 and "127.0.0.1" in warned[0] and ENV in warned[0]
    # the projector's face stays clear of it (the teacher has read it)
    code = at.query_params["room"]
    at.switch_page(LIVE)
    at.query_params.clear()
    at.query_params.update({"lang": lang, "room": code, "view": "projector"})
    at.run()
    assert_clean(at)
    assert "live-do-reveal" in controls(at)  # the projector, this session holding the key
    assert loopback_warnings(at, lang) == []


def test_the_teacher_view_has_no_warning_with_a_public_address(store, monkeypatch):
    monkeypatch.setenv(ENV, "http://192.168.1.20:8501")
    at = start(COMPARE, PLAN_12, "live-from-cmp-cmp_cost-1",
               context={"url": "http://127.0.0.1:8631/compare"})
    assert at.query_params.get("view") == "teacher"
    assert loopback_warnings(at, "en") == []
    assert "http://192.168.1.20:8501/?" in all_text(at)  # the student link's start


def test_a_lessons_room_warns_the_teacher_too(store, monkeypatch):
    # the same view whichever way the room started: the lessons page's button
    monkeypatch.delenv(ENV, raising=False)
    at = start("app_pages/lessons.py", {}, "lessons-do-live-monthly_fee",
               context={"url": "http://127.0.0.1:8631/lessons"})
    assert at.query_params.get("view") == "teacher"
    assert len(loopback_warnings(at, "en")) == 1
