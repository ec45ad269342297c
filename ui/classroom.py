"""Classroom mode (issue 11): a projector view, a student view, and the
lesson card a page shows while a lesson is on.

The mode and the lesson are the shell's, like the language: read from the link
once per session (``mode=class`` or ``mode=student``, ``lesson=<id>``), kept in
the session, written into every page's link (:func:`ui.state.PageState.sync_url`).

* **class**, for a projector (1920 × 1080 read from the back of a room): type
  and numbers larger, charts with larger text and taller, the inputs a lesson
  does not need folded into an expander (everything still works), and the
  lesson card with a QR code of the student link.
* **student**, for phones: the lesson card first, the inputs folded the same
  way.

A lesson card asks the lesson's question, takes the student's guess (kept in
the session, never in a link), reveals the answer calc computes for the
lesson's scenario and how far off the guess was, then the explanation and two
discussion prompts.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractContextManager

import streamlit as st

from ui import state
from ui.codec import Field, Schema
from ui.fmt import pct, yuan
from ui.glossary import terms_line
from ui.i18n import t
from ui.lessons import LESSONS, Lesson
from ui.widgets import Bound

__all__ = ["MODES", "projector", "apply", "inputs", "lesson_card", "start_lesson",
           "format_value", "GUESS"]

MODES = ("class", "student")

#: The glossary's entries each lesson uses (linked under its explanation).
LESSON_TERMS: dict[str, tuple[str, ...]] = {
    "monthly_fee": ("fee_rate", "apr", "effective"),
    "huabei_periods": ("fee_rate", "apr"),
    "free_vs_discount": ("interest_free", "apr"),
    "early_repayment": ("apr", "fee_rate", "irr"),
    "minimum_payment": ("minimum_payment", "apr"),
    "rollover": ("rollover", "cash_line", "cash_advance"),
    "stacking": ("debt_share", "equal_payment"),
}

#: The guess a student types, one field per lesson kind (kept per session).
GUESS = Schema(page="lsn", shared={"g": Field("float", 0.0, label="lesson.guess")})

#: A projector's type: Streamlit sizes its text in rem, so the root size
#: scales every label, input and table; metric values a step more.
#:
#: At that size a card's one-line label and delta (a plan's name; "APR ·
#: paid ¥4,098.98 · ¥99.98 more") were cut with an ellipsis on a 1920-pixel
#: projector (measured: 316 px of text in a 240-px card, the 多付 amount
#: lost), and the value by a few pixels: the label and delta wrap instead,
#: and the value shrinks with its card (``cqi``: a hundredth of the card's
#: width; "¥10,000.00" is about 4.5 em wide, so 17 cqi leaves a 12-character
#: amount room), never above 2.6 rem.  The sidebar's mode switch (关 / 投影 /
#: 学生) wrapped to a second line at 22-px buttons: the sidebar's own
#: controls keep its 18 px and stay on one line.
_PROJECTOR_CSS = """<style>
html { font-size: 22px; }
[data-testid="stMetric"] { container-type: inline-size; }
[data-testid="stMetricValue"] { font-size: min(2.6rem, 17cqi); }
[data-testid="stMetricLabel"] *, [data-testid="stMetricDelta"] * {
  white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; overflow-wrap: anywhere;
}
[data-testid="stMetricLabel"], [data-testid="stMetricDelta"] { height: auto !important; }
[data-testid="stSidebar"] { font-size: 18px; }
[data-testid="stSidebar"] [data-testid="stButtonGroup"] > div { flex-wrap: nowrap; }
[data-testid="stSidebar"] [data-testid="stButtonGroup"] button {
  font-size: 18px; padding-left: 0.6rem; padding-right: 0.6rem; min-width: 0;
}
</style>"""


#: A phone's title: at 2.75 rem "Compare installment plans: which one really
#: costs least?" took four lines (210 px) and, with the main column's 6 rem
#: of top padding, pushed the comparison's verdict to y = 778 of an 844-pixel
#: screen (issue 21): a smaller title and less padding above it bring the
#: answer onto the first screen.
_PHONE_CSS = """<style>
@media (max-width: 640px) {
  [data-testid="stHeading"] h1 { font-size: 1.75rem !important; padding-bottom: 0.5rem; }
  [data-testid="stMainBlockContainer"] { padding-top: 3.5rem !important; }
}
</style>"""


def projector() -> bool:
    return state.mode() == "class"


def apply() -> None:
    """In the entrypoint, every run: the projector's larger type, a phone's
    smaller title."""
    st.html(_PHONE_CSS)
    if projector():
        st.html(_PROJECTOR_CSS)


def inputs(label: str) -> AbstractContextManager[object]:
    """Where a page draws the inputs a lesson does not need: folded away in
    classroom and student mode (open on request), in plain sight otherwise."""
    if state.mode() in MODES:
        return st.expander(label, icon=":material/tune:")
    return st.container()


def format_value(kind: str, value: float) -> str:
    """A guess or an answer as the page shows it: rates and shares in
    percent, money in yuan, months whole."""
    if kind in ("rate", "share"):
        return pct(value)
    if kind == "cost":
        return yuan(value)
    return t("lesson.months_n", n=f"{value:.0f}")


def _points(kind: str, diff: float) -> str:
    """How far off, without a sign: percentage points, yuan or months."""
    if kind in ("rate", "share"):
        return t("lesson.points", n=f"{abs(diff) * 100:.2f}")
    if kind == "cost":
        return yuan(abs(diff))
    return t("lesson.months_n", n=f"{abs(diff):.0f}")


def _guess_in_units(kind: str, entered: float) -> float:
    """The guess as the student types it (percent for rates) in calc's units."""
    return entered / 100 if kind in ("rate", "share") else entered


def start_lesson(lesson: Lesson, mode: str, page: state.PageState,
                 household: state.PartState) -> None:
    """Load ``lesson``'s scenario into its page and the household, and turn
    the lesson on in ``mode`` (a callback's work: the caller moves to the page)."""
    scn = lesson.scenario()
    page_names = set(page.schema.names(scn))
    page.scn.clear()
    page.scn.update({k: v for k, v in scn.items() if k in page_names})
    household.scn.update({k: v for k, v in scn.items() if k in household.scn})
    state.set_lesson(lesson.id)
    state.set_mode(mode)
    # a lesson started again starts over: a blank guess, the answer hidden
    state.PageState(GUESS).view.update(lesson="", shown=False)


def _matches(lesson: Lesson, scn: Mapping[str, object]) -> bool:
    want = lesson.scenario()
    return all(scn.get(k) == v for k, v in want.items() if k in scn)


def _on_reveal() -> None:
    state.PageState(GUESS).view["shown"] = True


def lesson_card(page: state.PageState) -> bool:
    """The lesson's card at the top of its page, when a lesson is on.

    Returns whether the page may show its results: not while the class is
    still to guess (the cards and the verdict would give the answer away),
    always when no lesson of this page is on.
    """
    lid = state.lesson()
    lesson = LESSONS.get(lid or "")
    if lesson is None or lesson.page != page.page:
        return True
    # the card shows whether the inputs still hold the lesson's scenario, and
    # its QR code the scenario: every edit reruns the page (no sections alone)
    page.whole = True
    guess_state = state.PageState(GUESS, {"lesson": "", "shown": False})
    if guess_state.view.get("lesson") != lesson.id:  # a new lesson: a blank guess
        guess_state.view.update(lesson=lesson.id, shown=False)
        guess_state.scn["g"] = 0.0
    kind = lesson.guess
    shown = bool(guess_state.view.get("shown"))
    with st.container(border=True, key="app-el-lesson"):
        # on a projector the QR code stands beside the question: scanned first
        main, side = st.columns([3, 1]) if projector() else (st.container(), None)
        with main:
            st.subheader(t(f"lesson.{lesson.id}.title"))
            st.markdown(t(f"lesson.{lesson.id}.question"))
            Bound(guess_state).number(st, "g", f"lesson.guess_label.{kind}", step=1.0,
                                      fmt="%.0f" if kind == "months" else "%.2f")
            if not shown:
                st.button(t("lesson.reveal"), key="app-do-reveal", type="primary",
                          on_click=_on_reveal)
                st.caption(t("lesson.hidden"))
        if side is not None:
            with side:
                _student_qr(page)
        if shown:
            answer = lesson.answer()
            guess = _guess_in_units(kind, float(guess_state.scn["g"]))  # type: ignore[arg-type]
            diff = lesson.off_by(guess)
            st.success(t("lesson.result", guess=format_value(kind, guess),
                         answer=format_value(kind, answer), off=_points(kind, diff),
                         side=t("lesson.high") if diff > 0 else t("lesson.low")
                         if diff < 0 else t("lesson.exact")),
                       icon=":material/lightbulb:")
            if not _matches(lesson, page.scn):
                st.caption(t("lesson.changed"))
            # the explanation words its own unit ("{answer} months"): the bare number
            said = f"{answer:.0f}" if kind == "months" else format_value(kind, answer)
            st.markdown(t(f"lesson.{lesson.id}.explain", answer=said))
            st.markdown(f"- {t(f'lesson.{lesson.id}.prompt1')}\n"
                        f"- {t(f'lesson.{lesson.id}.prompt2')}")
            st.markdown(terms_line(LESSON_TERMS[lesson.id], state.lang()))
    return shown


def _student_qr(page: state.PageState) -> None:
    """The student link (this page, its scenario, the student view) as a QR
    code, large, for the back of the room, and its short form to type."""
    from ui import share

    found = share.links({**page.params(), "mode": "student"})
    url = found.short or found.full
    share.show_qr(url, t("lesson.scan"), link_below=True)
    st.markdown(f"`{url}`")
    share.warn_address(st)  # a loopback address: no phone opens it
