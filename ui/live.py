"""A live class (issue 23): the Streamlit side of the rooms of :mod:`rooms`.

One page (``app_pages/live.py``), three views, chosen by the link:

* ``student`` (the default: the QR's link, ``?pg=live&room=CODE``): join,
  read the question, send a number and change it until the teacher locks;
* ``projector``: the join code and its QR, the counts, the class's answers
  as one dot plot, the answer drawn on it once revealed; the teacher's
  controls below when this session holds the room's key;
* ``teacher``: the controls and the teacher link, to reopen them on another
  device (never drawn on the projector view, never in a student's link),
  and the loopback warning of the share box (:func:`ui.share.warn_address`)
  under the student link: the teacher reads it, the projection stays clear.

A room starts from a lesson (:func:`start_button`, the lessons page) or from
a calculator page's current scenario (:func:`start_from_scenario`, one call
in the comparison and cash-line pages): the teacher picks a question
(:data:`SCENARIO_QUESTIONS`) and the room keeps its wording in both
languages, the answer calc computes from the scenario at that moment and the
scenario's link, which students are shown once the answer is revealed (the
page would show the answer at once); before, they read the scenario's terms
in the question itself.  Both go through :func:`_open`, one path.

The link's parameters: ``room`` (the code), ``view``, ``s`` (a student's
token, so a reload returns to the room with its answer) and ``k`` (the
teacher key, only in the teacher link).  No :class:`ui.codec.Schema` of its
own beyond the page code: none of these is a scenario value to decode,
bound-check or shorten, and the key must never reach the share link.  The
key is read once into the session and taken out of the address bar, so a
projected address bar never shows it (a reload of that tab then needs the
teacher link again: the session is new).

Live: each view's changing part is an ``st.fragment(run_every=...)``; a tick
reads the room (one row), the counts and, on the projector, the answers,
and rebuilds the chart only when they changed (``bench/bench_live_page.py``:
5 ms of server CPU a projector tick with 30 answers, 4.4 ms a phone's).  A
tick waits for no turn (``ui.memo.TURNS`` is for computations a link can
stretch): it is a few ms of reads.  The store is the process's
one (:func:`rooms.store`); its methods take ``time.time()`` from here.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go
import streamlit as st

from calc.errors import CalcError
from rooms import logic
from rooms.logic import Question, Refused, Room
from ui import share, state, words
from ui.charts import PROJECTOR_FONT, show
from ui.codec import LANGS, expand, first_value, shorten
from ui.fmt import md_escape, pct, plot_escape, yuan
from ui.i18n import error_text, t

if TYPE_CHECKING:
    from rooms.store import Store

__all__ = ["LIVE_PAGE", "VIEWS", "SCENARIO_QUESTIONS", "store", "questions", "wrong_answer",
           "start_button", "scenario_question", "scenario_choices", "start_from_scenario",
           "scenario_url", "go_if_started", "address", "join_form", "student", "projector",
           "teacher", "refusal", "value_text", "student_link", "teacher_link"]

#: The page's code (a link's ``pg``) and its script.
LIVE_PAGE = "live"
SCRIPT = "app_pages/live.py"
VIEWS = ("student", "projector", "teacher")
#: How often the views look at the room (seconds): the issue's 2 s for the
#: phones, 1 s for the projector so the counts move as hands go down.
STUDENT_TICK, PROJECTOR_TICK = 2.0, 1.0

_KEYS = f"{LIVE_PAGE}:keys"  # {room code: teacher key}, this session's rooms
_TOKEN = f"{LIVE_PAGE}:token"  # the student token
_JOINED = f"{LIVE_PAGE}:joined"  # {room code: the room's rev when joined}
_GO = f"{LIVE_PAGE}:go"  # a room just opened: the link to move to
_SAID = f"{LIVE_PAGE}:said"  # the last refusal or confirmation to show, per view
_CHART = f"{LIVE_PAGE}:chart"  # (signature, figure) of the projector's last chart


def store() -> Store:
    """The process's one store (``ROOMS_DATABASE_URL``, else the SQLite file)."""
    from rooms.store import shared  # SQLAlchemy: imported by the pages that use it

    return shared()


# ----------------------------------------------------------------------------- questions


def wrong_answer(lesson_id: str) -> float | None:
    """The common wrong answer of a lesson, in calc's units, where the lesson
    knows one (``live.wrong.<id>`` names it); computed from the lesson's own
    scenario or answers, never typed in.

    * ``monthly_fee``: the ad's fee × 12, 0.6% × 12 = 7.2%;
    * ``huabei_periods``: the 12-installment plan's total fee, 8.8%, read as
      a year's rate;
    * ``free_vs_discount``: "interest-free" taken at its word, 0%;
    * ``early_repayment``: the rate as scheduled, lesson 1's 13.03%;
    * ``minimum_payment``: 10% a month taken as 10 months;
    * ``rollover``: the cost paid on time, ¥1,013.14 (the lesson's line
      without the card: 6 months of rollover set to 0).
    """
    from ui.lessons import LESSONS
    from ui.scenarios import cashline as cash
    from ui.scenarios import num, whole

    if lesson_id == "monthly_fee":
        scn = LESSONS[lesson_id].scenario()
        return num(scn, "f1") / 100 * whole(scn, "n1")
    if lesson_id == "huabei_periods":
        from calc.presets import INSTALLMENT_PRESETS

        p = INSTALLMENT_PRESETS["huabei_12"]
        assert p.fee_mode == "total"
        return p.fee_pct / 100
    if lesson_id == "free_vs_discount":
        return 0.0
    if lesson_id == "early_repayment":
        return LESSONS["monthly_fee"].answer()
    if lesson_id == "minimum_payment":
        scn = LESSONS[lesson_id].scenario()
        return 1 / (num(scn, "mp") / 100)
    if lesson_id == "rollover":
        scn = LESSONS[lesson_id].scenario()
        scn["ro"] = 0
        return cash.simulate(cash.inputs(scn)).totals.cost
    return None


def questions(lesson_id: str) -> list[Question]:
    """A room's questions started from ``lesson_id``: that lesson's, then the
    lessons after it in teaching order (the teacher's "next" moves on to
    them), each answer computed by calc as the lesson computes it."""
    from ui.lessons import LESSONS

    ids = list(LESSONS)
    return [Question(lid, LESSONS[lid].guess, LESSONS[lid].answer(), wrong_answer(lid))
            for lid in ids[ids.index(lesson_id):]]


def _open(qs: Sequence[Question], scenario: dict[str, str] | None = None) -> None:
    """Open a room on ``qs`` (a callback's work): its key kept in this session
    alone, the page moved to its teacher view by :func:`go_if_started`.  The
    one path of a lesson's room and a scenario's: a new room every time,
    never one named by the link, so no session can start into another's."""
    room, key = store().open_room(qs, time.time(), scenario)
    st.session_state.setdefault(_KEYS, {})[room.code] = key
    st.session_state[_GO] = {"pg": LIVE_PAGE, "room": room.code, "view": "teacher"}


def _open_from_lesson(lesson_id: str) -> None:
    _open(questions(lesson_id))


def start_button(where: Any, lesson_id: str) -> None:
    """The lessons page's "Start a live class" button for ``lesson_id``."""
    where.button(t("live.start"), key=f"lessons-do-live-{lesson_id}", on_click=_open_from_lesson,
                 args=(lesson_id,), icon=":material/groups:")


def go_if_started() -> None:
    """After the buttons' callbacks (the lessons page, a calculator page): to
    the room opened."""
    go = st.session_state.pop(_GO, None)
    if go:
        st.switch_page(SCRIPT, query_params=go)


# ----------------------------------------------------------------------------- a scenario


#: The questions a calculator page's scenario can be asked, by the page's
#: code: (question id, kind).  A comparison's are asked of one plan.
SCENARIO_QUESTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "cmp": (("cmp_apr", "rate"), ("cmp_cost", "cost")),
    "cash": (("cash_cost", "cost"), ("cash_months", "months")),
    "bud": (("bud_months", "months"), ("bud_cost", "cost")),
}


def _plan_question(qid: str, kind: str, scn: Mapping[str, object], plan: int) -> Question:
    from ui.afford import plan_name
    from ui.scenarios import compare as cmp

    r = cmp.results(scn).plans[plan - 1]
    if r.error is not None:
        raise r.error
    s, rt = r.schedule, r.rates
    assert s is not None and rt is not None
    params: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        name = md_escape(plan_name(scn, plan, lang))
        now = s.down_payment + s.upfront_fee
        pay = words.monthly([float(x) for x in s.payment], lang)
        terms = t("live.terms.cmp", lang, name=name, price=yuan(s.price),
                  cash=yuan(s.cash_price), pay=pay, n=s.n, adv=pct(rt.advertised))
        if now > 0:
            terms += " " + t("live.terms.cmp_now", lang, now=yuan(now))
        params[lang] = {"name": name, "terms": terms, "cash": yuan(s.cash_price)}
    if kind == "rate":
        # the common mistake: the rate the offer quotes (the fee × 12), when it
        # is not within the margin of the true one
        wrong = rt.advertised if abs(rt.advertised - rt.nominal) > 0.01 else None
        q = Question(qid, kind, rt.nominal, wrong, text=f"live.q.{qid}", params=params)
    else:
        q = Question(qid, kind, s.total_cost, None, text=f"live.q.{qid}", params=params)
    return Question(q.lesson, q.kind, q.answer, q.wrong, q.text, q.params, logic.margin(q))


def _line_question(qid: str, kind: str, scn: Mapping[str, object]) -> Question:
    from calc.cashline import TERM_METHODS
    from ui.afford import line_name
    from ui.scenarios import cashline as cash
    from ui.scenarios import num, whole

    run = cash.inputs(scn)
    r = cash.simulate(run)
    if r.status != "paid_off" or r.payoff_month is None:
        raise Refused("never_paid")
    quoted = cash.quoted(scn)
    params: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        name = md_escape(line_name(scn, lang))
        method = str(scn["m"])
        terms = t("live.terms.cash", lang, name=name, drawn=yuan(r.totals.drawn),
                  rate=t(f"live.terms.rate_{scn['u']}", lang, rate=f"{num(scn, 'r'):g}%"),
                  simple=pct(quoted[0]) if quoted else "—", method=t(f"method.{method}", lang))
        if method in TERM_METHODS:
            terms += " " + t("live.terms.cash_term", lang, n=whole(scn, "tm"))
        if num(scn, "fp") > 0 or num(scn, "fm") > 0:
            terms += " " + t("live.terms.cash_fee", lang, fee=f"{num(scn, 'fp'):g}%",
                             least=yuan(num(scn, "fm")))
        if run.rollover is not None or (run.faults is not None and run.faults.late):
            terms += " " + t("live.terms.cash_more", lang)
        params[lang] = {"name": name, "terms": terms}
    answer = float(r.payoff_month) if kind == "months" else r.totals.cost
    q = Question(qid, kind, answer, None, text=f"live.q.{qid}", params=params)
    return Question(q.lesson, q.kind, q.answer, q.wrong, q.text, q.params, logic.margin(q))


def _budget_question(qid: str, kind: str, scn: Mapping[str, object],
                     hh: Mapping[str, object]) -> Question:
    from calc.burden import cleared
    from ui.afford import obligation_name
    from ui.scenarios import budget as bud
    from ui.scenarios.household import thresholds

    b = bud.budget(scn, hh, thresholds(hh))
    if b.household_error is not None:
        raise b.household_error
    if b.errors:
        raise next(iter(b.errors.values()))
    tl = b.timeline
    if tl is None or not b.shown:
        raise Refused("no_items")
    costs = [bud.price_and_cost(scn, i) for i in b.shown]
    if kind == "months":
        month = cleared(tl)
        if month is None:
            raise Refused("never_paid")
        answer = float(month)
    else:
        if any(c is None for c in costs):
            raise Refused("no_cost")
        answer = round(sum(c[1] for c in costs if c is not None), 2)
    params: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        lines = []
        for j, (i, got) in enumerate(zip(b.shown, costs, strict=True)):
            row = [float(x) for x in tl.payments[j]]
            paying = [m for m, x in enumerate(row) if x > 0]
            if not paying:
                continue
            first, last = paying[0], paying[-1]
            line = t("live.terms.bud_item", lang, name=md_escape(obligation_name(scn, i, lang)),
                     pay=words.monthly(row[first:last + 1], lang), first=first + 1,
                     last=last + 1)
            if got is not None:
                line += " " + t("live.terms.bud_price", lang, price=yuan(got[0]))
            lines.append(f"- {line}")
        terms = t("live.terms.bud", lang, n=len(b.shown)) + "\n\n" + "\n".join(lines)
        params[lang] = {"terms": terms}
    q = Question(qid, kind, answer, None, text=f"live.q.{qid}", params=params)
    return Question(q.lesson, q.kind, q.answer, q.wrong, q.text, q.params, logic.margin(q))


def scenario_question(page: str, qid: str, scn: Mapping[str, object], plan: int = 1,
                      household: Mapping[str, object] | None = None) -> Question:
    """Question ``qid`` (:data:`SCENARIO_QUESTIONS`) of the scenario ``scn``
    of ``page`` (for a comparison, of plan ``plan``): its answer computed by
    calc through the page's own adapter from the scenario's values, its
    wording's placeholders written in each language, its margin.

    Raises :class:`~calc.errors.CalcError` when the scenario (or the plan)
    cannot be computed, :class:`~rooms.logic.Refused` ``never_paid`` for a
    cash line (or a budget's debt) never paid off (it has no months to clear,
    no total cost), ``no_cost`` for a budget's total cost when a debt entered
    by hand has none known, ``no_items`` for a budget of nothing.  A budget's
    questions read ``household`` too (the timeline is built against it)."""
    kind = dict(SCENARIO_QUESTIONS[page])[qid]
    if page == "cmp":
        return _plan_question(qid, kind, scn, plan)
    if page == "bud":
        return _budget_question(qid, kind, scn, household or {})
    return _line_question(qid, kind, scn)


def scenario_choices(page: str, scn: Mapping[str, object]) -> list[tuple[str, int, str]]:
    """The questions offered for ``page``'s scenario: (question id, plan,
    the button's label), a comparison's for each of its plans."""
    from ui.afford import line_name, plan_name
    from ui.scenarios import budget as bud
    from ui.scenarios import compare as cmp

    out = []
    for qid, _ in SCENARIO_QUESTIONS.get(page, ()):
        if page == "bud":
            if bud.count(scn):
                out.append((qid, 1, t(f"live.from.{qid}")))
        elif page == "cmp":
            out += [(qid, i, t(f"live.from.{qid}", name=md_escape(plan_name(scn, i))))
                    for i in range(1, cmp.plan_count(scn) + 1)]
        else:
            out.append((qid, 1, t(f"live.from.{qid}", name=md_escape(line_name(scn)))))
    return out


def _scenario_params(page: state.PageState) -> dict[str, str]:
    """The scenario's link as a room keeps it: shortened, without the
    language (each student's own) or a classroom mode or lesson."""
    params = {k: v for k, v in page.params().items() if k not in ("lang", "mode", "lesson")}
    return shorten(params)


def _open_from_scenario(page: state.PageState, qid: str, plan: int) -> None:
    try:
        q = scenario_question(page.page, qid, page.scn, plan,
                              page.parts[0].scn if page.parts else None)
    except CalcError as err:
        _say("from", t("live.from.failed", reason=error_text(err)))
        return
    except Refused as err:
        _say("from", t(f"live.from.{err.code}"))
        return
    _open([q], _scenario_params(page))


def start_from_scenario(page: state.PageState) -> None:
    """A calculator page's "Start a live class with this scenario": in the
    sidebar, just above the share box (a teacher about to hand a scenario to
    a class looks there; the results' sections stay the page's), a popover
    with a button per question; the room opens on the scenario as it is when
    the button is clicked.  Call it once, outside the page's sections."""
    go_if_started()
    choices = scenario_choices(page.page, page.scn)
    if not choices:
        return
    with st.sidebar, st.popover(t("live.from.start"), icon=":material/groups:",
                                width="stretch"):
        _said("from")
        st.caption(t("live.from.help"))
        for qid, plan, label in choices:
            st.button(label, key=f"live-from-{page.page}-{qid}-{plan}",
                      on_click=_open_from_scenario, args=(page, qid, plan), width="stretch")


def scenario_url(room: Room) -> str | None:
    """The link of the scenario ``room`` was started from, in the viewer's
    language (``None`` for a lesson's room)."""
    if not room.scenario:
        return None
    return state.share_url({"lang": state.lang(), **room.scenario})


# ----------------------------------------------------------------------------- the link


def _params() -> dict[str, str]:
    params, _ = expand({k: first_value(v) for k, v in st.query_params.to_dict().items()})
    return params


def address() -> tuple[str, str | None, str, list[str]]:
    """What the link asks: (view, room code or ``None``, the raw code typed
    in the link, the messages for it).  Reads a teacher key (``k``) into the
    session and takes it out of the address bar; keeps a student token
    (``s``) in it, made when missing or hand-edited."""
    from rooms.store import valid_session

    params, said = _params(), []
    raw = params.get("room", "")
    code = logic.normal_code(raw) if raw else None
    if raw and code is None:
        said.append(t("live.refused.bad_code"))
    view = params.get("view", "student")
    if view not in VIEWS:
        said.append(t("live.bad_view", view=md_escape(view[:40])))
        view = "student"
    key = params.get("k")
    if key is not None:
        if code is not None:
            st.session_state.setdefault(_KEYS, {})[code] = key[:64]
        # out of the address bar: a projected browser shows its address
        del st.query_params["k"]
    ss = st.session_state
    token = params.get("s", "")
    if view == "student":
        if not valid_session(token):
            if token:
                said.append(t("live.new_token"))
            token = str(ss.get(_TOKEN) or secrets.token_urlsafe(16))
            st.query_params["s"] = token
        ss[_TOKEN] = token
    # the share link is the student link: the code only, no token, no key
    ss[f"{state.APP}:share"] = {"pg": LIVE_PAGE, **({"room": code} if code else {})}
    return view, code, raw, said


def student_link(code: str) -> str:
    """The link a class scans: the page and the code, nothing else."""
    return state.share_url({"pg": LIVE_PAGE, "room": code})


def teacher_link(code: str, key: str) -> str:
    return state.share_url({"pg": LIVE_PAGE, "room": code, "view": "teacher", "k": key})


def _key(room: Room) -> str | None:
    """This session's key of ``room``, only when it is the room's."""
    key = st.session_state.get(_KEYS, {}).get(room.code)
    return key if logic.key_matches(room.key_digest, key) else None


def _set_view(view: str) -> None:
    st.query_params["view"] = view


# ----------------------------------------------------------------------------- words


def refusal(err: Refused, kind: str = "rate") -> str:
    """A refusal in the viewer's language."""
    top = logic.MAX_VALUE.get(kind, 0.0)
    shown = value_text(kind, top / 100 if kind in ("rate", "share") else top)
    return t(f"live.refused.{err.code}", max=shown)


def value_text(kind: str, value: float) -> str:
    """An answer as shown: percent, yuan, months."""
    if kind in ("rate", "share"):
        return pct(value)
    if kind == "cost":
        return yuan(value)
    return t("lesson.months_n", n=f"{value:g}")


def _unit(kind: str) -> float:
    """Calc's units to the units typed and plotted (percent for rates)."""
    return 100.0 if kind in ("rate", "share") else 1.0


def _say(view: str, text: str, ok: bool = False) -> None:
    st.session_state[f"{_SAID}:{view}"] = (text, ok)


def _said(view: str) -> None:
    found = st.session_state.pop(f"{_SAID}:{view}", None)
    if found:
        (st.success if found[1] else st.error)(found[0])


def _question(room: Room) -> None:
    q = room.question
    if not q.text:  # a lesson's: its own wording
        st.caption(t("live.question_n", n=room.index + 1, of=len(room.questions),
                     title=t(f"lesson.{q.lesson}.title")))
        st.markdown(t(f"lesson.{q.lesson}.question"))
        return
    st.caption(t("live.question_n", n=room.index + 1, of=len(room.questions),
                 title=t(f"{q.text}.title")))
    params = q.params.get(state.lang()) or next(iter(q.params.values()), {})
    try:
        st.markdown(t(q.text, **params))
    except (KeyError, IndexError, ValueError):  # a wording this code no longer has
        st.markdown(t(f"{q.text}.title"))


# ----------------------------------------------------------------------------- join


def _join(code: str) -> Room | None:
    """Join this session's token to ``code`` once a session (joining again
    is harmless but a write); the refusal shown when it cannot."""
    ss = st.session_state
    joined = ss.setdefault(_JOINED, {})
    if code in joined:
        return store().room(code, time.time())
    try:
        room = store().join(code, str(ss[_TOKEN]), time.time())
    except Refused as err:
        st.error(refusal(err))
        return None
    joined[code] = room.rev
    return room


def _take_code() -> None:
    typed = str(st.session_state.get("live-code", ""))
    code = logic.normal_code(typed)
    if code is None:
        _say("join", t("live.refused.bad_code"))
        return
    st.query_params["room"] = code


def join_form() -> None:
    """Type a code (a phone that did not scan the QR)."""
    _said("join")
    with st.form("live-join", border=True):
        st.text_input(t("live.code_label"), key="live-code", max_chars=24,
                      placeholder="ABC234", autocomplete="off")
        st.form_submit_button(t("live.join"), on_click=_take_code, type="primary")


# ----------------------------------------------------------------------------- student


def _send(code: str, index: int, kind: str) -> None:
    ss = st.session_state
    text = str(ss.get(f"live-answer-{index}", ""))
    nick = str(ss.get("live-nick", ""))
    try:
        value = store().submit(code, str(ss[_TOKEN]), text, time.time(), nick=nick)
    except Refused as err:
        _say("student", refusal(err, kind))
        return
    _say("student", t("live.sent", value=value_text(kind, value)), ok=True)


def student(code: str) -> None:
    """A phone's view of room ``code``: joined once, then live."""
    if _join(code) is None:
        join_form()
        return
    st.fragment(_student_live, run_every=STUDENT_TICK)(code)


def _student_live(code: str) -> None:
    room = store().room(code, time.time())
    if room is None:
        st.error(t("live.refused.no_room"))
        return
    st.subheader(t("live.room", code=room.code))
    if room.phase == "ended":
        st.info(t("live.over"))
        return
    _question(room)
    q = room.question
    mine = store().mine(code, str(st.session_state[_TOKEN]), room.index)
    if room.phase == "open":
        _said("student")
        with st.form(f"live-send-{room.index}", border=True):
            st.text_input(t(f"lesson.guess_label.{q.kind}"), key=f"live-answer-{room.index}",
                          max_chars=40, autocomplete="off")
            st.text_input(t("live.nick_label"), key="live-nick", max_chars=logic.NICK_LENGTH,
                          help=t("live.nick_help"), autocomplete="off")
            st.form_submit_button(t("live.send"), on_click=_send, args=(code, room.index, q.kind),
                                  type="primary")
    if mine is not None:
        st.markdown(t("live.yours", value=value_text(q.kind, mine)))
    if room.phase == "locked":
        st.info(t("live.locked"))
    if room.phase == "revealed":
        st.success(t("live.answer_is", value=value_text(q.kind, q.answer)))
        if mine is not None:
            near = abs(mine - q.answer) <= logic.margin(q) + 1e-9 * max(1.0, abs(q.answer))
            st.markdown(t("live.you_within" if near else "live.you_off",
                          margin=_margin_text(q)))
        url = scenario_url(room)
        if url:  # only now: the page computes the answer as it opens
            st.markdown(t("live.scenario_link", url=url))


def _margin_text(q: Question) -> str:
    m = logic.margin(q)
    if q.kind in ("rate", "share"):
        return t("lesson.points", n=f"{m * 100:g}")
    if q.kind == "cost":
        return yuan(m)
    return t("lesson.months_n", n=f"{m:g}")


# ----------------------------------------------------------------------------- the chart


def dots(values: Sequence[float], q: Question, revealed: bool, names: Sequence[str],
         lang: str) -> go.Figure:
    """The class's answers as a dot plot: one dot per answer at its value
    (in the unit typed), stacked with the others of its bin of
    :func:`rooms.logic.histogram`; once
    ``revealed``, the answer, the median and the common wrong answer drawn
    as lines.  Before, nothing about the answer: not even the axis range."""
    unit = _unit(q.kind)
    xs: list[float] = []
    ys: list[int] = []
    text: list[str] = []
    bins = logic.histogram(sorted(values), bins=24)
    order = sorted(range(len(values)), key=lambda i: values[i])
    at = 0
    for b in bins:
        for k in range(b.count):
            i = order[at]
            at += 1
            xs.append(values[i] * unit)  # where it was typed; the bin stacks it
            ys.append(k + 1)
            text.append(plot_escape(names[i]) if names else "")
    fig = go.Figure(go.Scatter(
        x=xs, y=ys, mode="markers", marker={"size": 22, "color": "#0072B2",
                                            "line": {"width": 1, "color": "#FFFFFF"}},
        hovertext=text, hoverinfo="text+x" if names else "x", name=t("live.answers", lang)))
    fig.update_layout(height=380, margin={"l": 60, "r": 30, "t": 30, "b": 70},
                      showlegend=False, paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF",
                      font={"size": PROJECTOR_FONT, "color": "#000000"})
    fig.update_yaxes(title=t("live.count_axis", lang), rangemode="tozero", dtick=1,
                     gridcolor="#DDDDDD")
    fig.update_xaxes(title=t(f"live.axis.{q.kind}", lang), gridcolor="#DDDDDD",
                     ticksuffix="%" if unit == 100 else "",
                     tickprefix="¥" if q.kind == "cost" else "")
    if revealed:
        s = logic.summarise(values, q)
        lines = [(q.answer, t("live.line_answer", lang), "#D55E00", "solid")]
        if s.median is not None:
            lines.append((s.median, t("live.line_median", lang), "#000000", "dash"))
        if q.wrong is not None:
            lines.append((q.wrong, t("live.line_wrong", lang), "#CC79A7", "dot"))
        for n, (x, label, colour, dash) in enumerate(lines):
            fig.add_vline(x=x * unit, line={"color": colour, "width": 4, "dash": dash})
            fig.add_annotation(x=x * unit, y=1.0 - 0.1 * n, yref="paper", showarrow=False,
                               text=f"<b>{plot_escape(label)}</b>", xanchor="left",
                               bgcolor="rgba(255,255,255,0.85)", font={"color": colour})
    return fig


# ----------------------------------------------------------------------------- projector


def projector(code: str) -> None:
    """The projector's view: the code and its QR, then the live part, in
    type read from the back of a room (:data:`_CODE_CSS`)."""
    room = store().room(code, time.time())
    if room is None:
        st.error(t("live.refused.no_room"))
        return
    with st.container(key="live-proj"):
        left, right = st.columns([3, 2], vertical_alignment="center")
        with left:
            base = student_link("").split("?", 1)[0] or f"/{LIVE_PAGE}"  # relative in AppTest
            st.markdown(t("live.join_at", url=md_escape(base)))
            st.html(f'<p class="live-code" aria-label="{t("live.code_aria")}">'
                    f'{room.code[:3]}&#8239;{room.code[3:]}</p>')
        with right:
            # 8 px a module: a code-only link is a version-4 symbol, 41 modules
            # with the quiet zone, 328 px, 0.61 m of a 2-m-high screen, 15 mm a
            # module, inside the 14 to 18 mm ui.share.SHOWN_PX finds readable
            # from 10 m, and the chart still fits under it on 1080 px
            share.show_qr(student_link(room.code), t("live.scan"),
                          alt=t("live.qr_alt", code=room.code), scale=8)
        st.fragment(_projector_live, run_every=PROJECTOR_TICK)(code)


#: The projector's type: the code 120 px high; text 28 px, the counts 64 px
#: (about 5 and 12 cm on a 2-m-high 1080-pixel screen; the app's own
#: projector text, ``ui.charts.PROJECTOR_FONT``, is 22 px).
_CODE_CSS = """<style>
.live-code { font-size: 120px; font-weight: 800; letter-spacing: 0.08em; line-height: 1;
  margin: 0; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.st-key-live-proj [data-testid="stMarkdownContainer"] p,
.st-key-live-proj [data-testid="stMarkdownContainer"] li { font-size: 28px; line-height: 1.35; }
.st-key-live-proj [data-testid="stCaptionContainer"] p { font-size: 22px; }
.st-key-live-proj [data-testid="stMetricValue"],
.st-key-live-proj [data-testid="stMetricValue"] * { font-size: 64px !important; line-height: 1.1; }
.st-key-live-proj [data-testid="stMetricLabel"] p { font-size: 26px; }
.st-key-live-proj button [data-testid="stMarkdownContainer"] p { font-size: 18px; }
</style>"""


def _projector_live(code: str) -> None:
    now = time.time()
    room = store().room(code, now)
    if room is None:
        st.error(t("live.refused.no_room"))
        return
    joined, answered = store().counts(code, room.index)
    row = st.container(horizontal=True, gap="large")
    row.metric(t("live.joined"), joined)
    row.metric(t("live.answered"), answered)
    row.metric(t("live.phase"), t(f"live.phase.{room.phase}"))
    if room.phase == "ended":
        st.info(t("live.over"))
    else:
        _question(room)
        _chart(room)
    key = _key(room)
    if key is not None:
        _controls(room, key)


def _chart(room: Room) -> None:
    q = room.question
    found = store().answers(room.code, room.index)
    values = [a.value for a in found]
    names = [a.nick for a in found] if room.names else []
    revealed = room.phase == "revealed"
    lang = state.lang()
    sig = (room.code, room.index, revealed, room.rev, tuple(values), tuple(names), lang)
    kept = st.session_state.get(_CHART)
    if kept and kept[0] == sig:  # nothing changed since the last tick: the same figure
        fig = kept[1]
    else:
        fig = dots(values, q, revealed, names, lang)
        st.session_state[_CHART] = (sig, fig)
    if not values:
        st.caption(t("live.no_answers"))
    show(st, fig, key="live-el-dots")
    if revealed:
        s = logic.summarise(values, q)
        parts = [t("live.answer_is", value=value_text(q.kind, q.answer))]
        if s.median is not None:
            parts.append(t("live.median", value=value_text(q.kind, s.median)))
        parts.append(t("live.within", n=s.within, of=s.count, margin=_margin_text(q)))
        if q.wrong is not None:
            parts.append(t(f"live.wrong.{q.lesson}", value=value_text(q.kind, q.wrong),
                           n=s.near_wrong))
        st.success("  \n".join(parts))
    if names:
        shown = [md_escape(n) for n in names if n]
        if shown:
            st.markdown(t("live.names", names=" · ".join(shown)))


# ----------------------------------------------------------------------------- teacher


def _act(code: str, action: str, rev: int) -> None:
    room = store().room(code, time.time())
    key = st.session_state.get(_KEYS, {}).get(code)
    if room is None:
        _say("teacher", t("live.refused.no_room"))
        return
    try:
        store().act(code, key or "", action, time.time(), rev=rev)
    except Refused as err:
        _say("teacher", refusal(err))


def _controls(room: Room, key: str) -> None:
    """The teacher's buttons; drawn only for a session holding ``key``."""
    _said("teacher")
    row = st.container(horizontal=True, gap="small", key="live-controls")
    ended = room.phase == "ended"
    buttons = (
        ("lock", room.phase != "open", ":material/lock:"),
        ("unlock", room.phase != "locked", ":material/lock_open:"),
        ("reveal", room.phase in ("revealed", "ended"), ":material/visibility:"),
        ("next", room.last or ended, ":material/skip_next:"),
        ("reset", ended, ":material/restart_alt:"),
        ("names", ended, ":material/badge:"),
        ("end", ended, ":material/stop_circle:"),
    )
    for action, off, icon in buttons:
        label = t("live.do.names_off" if action == "names" and room.names else f"live.do.{action}")
        row.button(label, key=f"live-do-{action}", on_click=_act,
                   args=(room.code, action, room.rev), disabled=off, icon=icon,
                   type="primary" if action == "reveal" else "secondary")


def _teacher_room(code: str) -> tuple[Room, str | None] | None:
    """The room and this session's key of it (``None`` when it holds none),
    or ``None`` with the refusal shown when the room is gone."""
    room = store().room(code, time.time())
    if room is None:
        st.error(t("live.refused.no_room"))
        return None
    return room, _key(room)


def teacher(code: str) -> None:
    """The controls and the teacher link; nothing but a refusal without the key."""
    found = _teacher_room(code)
    if found is None:
        return
    room, key = found
    if key is None:
        st.error(t("live.refused.not_teacher"))
        return
    st.subheader(t("live.room", code=room.code))
    st.button(t("live.to_projector"), key="live-do-projector", on_click=_set_view,
              args=("projector",), icon=":material/present_to_all:", type="primary")
    st.fragment(_teacher_live, run_every=PROJECTOR_TICK)(code)
    with st.expander(t("live.teacher_link"), icon=":material/key:"):
        st.warning(t("live.teacher_link_help"))
        st.code(teacher_link(room.code, key), language=None, wrap_lines=True)
    st.markdown(t("live.student_link", url=student_link(room.code)))
    # here and not on the projector: the teacher reads it, the class need not
    share.warn_address(st)
    url = scenario_url(room)
    if url:
        st.markdown(t("live.scenario_link_teacher", url=url))


def _teacher_live(code: str) -> None:
    found = _teacher_room(code)
    if found is None:
        return
    room, key = found
    if key is None:
        return
    joined, answered = store().counts(code, room.index)
    st.markdown(t("live.status", joined=joined, answered=answered,
                  phase=t(f"live.phase.{room.phase}"), n=room.index + 1, of=len(room.questions)))
    _controls(room, key)


def styles() -> None:
    st.html(_CODE_CSS)
