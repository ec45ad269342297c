"""Lessons: seven scenarios a teacher projects and students open on their
phones, each with a question to predict before the answer is revealed.

Starting a lesson loads its scenario into its page (and the household), turns
classroom mode on (the projector's, or a phone's) and opens the page; the
lesson's card sits at the top of that page (``ui.classroom.lesson_card``).
"""

from __future__ import annotations

import streamlit as st

from ui import classroom, handout, live, share
from ui.i18n import show_notices, t
from ui.lessons import LESSONS
from ui.scenarios import budget as bs
from ui.scenarios import cashline as cash
from ui.scenarios import compare as cmp
from ui.scenarios.classroom import HANDOUT_VERSIONS, LESSONS_SCHEMA
from ui.state import PageState, lang, share_url
from ui.widgets import Bound, grid, labels

ps = PageState(LESSONS_SCHEMA, {"go": ""})
view = ps.view

#: Each page a lesson opens: its schema, view settings and script.
TARGETS = {
    cmp.COMPARE.page: (cmp.COMPARE, cmp.VIEWS, "app_pages/compare.py"),
    cash.CASH.page: (cash.CASH, cash.VIEWS, "app_pages/cashline.py"),
    bs.BUDGET.page: (bs.BUDGET, bs.VIEWS, "app_pages/budget.py"),
}


def _start(lesson_id: str, mode: str) -> None:
    lesson = LESSONS[lesson_id]
    schema, views, _ = TARGETS[lesson.page]
    page = PageState(schema, views)
    classroom.start_lesson(lesson, mode, page, page.parts[0])
    view["go"] = lesson.page


def _handout(lesson_id: str, version: str = "answer") -> None:
    """Open (or, with ``""``, close) a lesson's handout: in the link (``ho``,
    ``hv``), so the link reopens it."""
    ps.scn.update(ho=lesson_id, hv=version)


def lesson_list() -> None:
    st.title(t("lesson.list_title"))
    st.caption(t("lesson.list_intro"))
    share.warn_address(st)  # the student links below: a loopback address no phone opens
    for n, lid in enumerate(LESSONS, start=1):
        lesson_entry(n, lid)


def lesson_entry(n: int, lid: str) -> None:
    with st.container(border=True, key=f"lessons-el-{lid}"):
        st.subheader(t("lesson.numbered", n=n, title=t(f"lesson.{lid}.title")))
        st.markdown(t(f"lesson.{lid}.question"))
        row = grid()
        row.button(t("lesson.start_class"), key=f"lessons-do-class-{lid}", on_click=_start,
                   args=(lid, "class"), icon=":material/co_present:", type="primary")
        row.button(t("lesson.start_student"), key=f"lessons-do-student-{lid}", on_click=_start,
                   args=(lid, "student"), icon=":material/smartphone:")
        row.button(t("lesson.handout"), key=f"lessons-do-handout-{lid}", on_click=_handout,
                   args=(lid,), icon=":material/print:")
        row.button(t("handout.open_blank"), key=f"lessons-do-blank-{lid}", on_click=_handout,
                   args=(lid, "blank"), icon=":material/edit_note:")
        live.start_button(row, lid)  # issue 23: a room on this lesson's question
        # the short link a class types or scans: the lesson names its scenario
        st.markdown(t("lesson.student_link",
                      url=share_url({"lang": lang(), "lesson": lid, "mode": "student"})))


live.go_if_started()  # a live class opened (its callback made the room): to its page
if view.get("go"):  # a lesson started (its callback loaded the scenario): to its page
    target = TARGETS[str(view["go"])][2]
    view["go"] = ""
    st.switch_page(target)
show_notices(ps.notices, LESSONS_SCHEMA)  # a hand-edited handout in the link, named
if ps.scn.get("ho") in LESSONS:
    with st.container(key="handout-noprint"):
        st.button(t("lesson.back"), key="lessons-do-back", on_click=_handout, args=("",),
                  icon=":material/arrow_back:")
        Bound(ps).segmented(st, "hv", "handout.version", labels("handout.version_opt"),
                            options=HANDOUT_VERSIONS)
        st.caption(t("lesson.print_hint"))
    handout.sheet(LESSONS[str(ps.scn["ho"])], answer=ps.scn.get("hv") != "blank")
else:
    lesson_list()

ps.sync_url()
