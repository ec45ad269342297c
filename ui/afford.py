"""Can I afford this?  The household, each choice's burden and warnings, and
adding a choice to the budget: one section every page draws (issue 10).

The household is a part of every page's link (:mod:`ui.scenarios.household`),
kept once for the session, so what is entered on one page shows on the
others.  A choice's burden is its heaviest month (:func:`calc.burden.peak`)
against the household, and its warnings those :func:`calc.warnings.evaluate`
finds for it alone beside the payments already owed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

import streamlit as st

from calc.burden import Household, Obligation, Peak, check_household, peak, timeline
from calc.errors import CalcError
from calc.warnings import DebtWarning, Thresholds, evaluate, headline
from ui import tables
from ui.advice import show_warnings
from ui.fmt import md_escape
from ui.i18n import error_text, t
from ui.scenarios import budget as bs
from ui.scenarios import cashline as cs
from ui.scenarios import compare as cmp
from ui.scenarios import household as hs
from ui.state import PageState, PartState
from ui.widgets import Bound, grid

__all__ = ["household_inputs", "settings", "burden_section", "add_buttons", "warned",
           "plan_name", "line_name", "obligation_name", "SHOWN_BY_RESULTS"]

#: Warnings the comparison and cash-line pages already give beside their
#: results, with their source (the 24% line): not repeated in the section.
SHOWN_BY_RESULTS = ("rate_above_line", "effective_above_line")


def plan_name(scn: Mapping[str, object], i: int, lang: str | None = None) -> str:
    """Plan ``i`` of a comparison scenario by name: the user's, else its
    preset's label while it has the preset's terms, else "Plan i" (an edited
    preset's label would name terms it no longer has, as :func:`line_name`)."""
    if scn[f"nm{i}"]:
        return str(scn[f"nm{i}"])
    if scn[f"ps{i}"] != "custom":
        if cmp.matches_preset(scn, i):
            return t(f"preset.{scn[f'ps{i}']}", lang)
        return t("cmp.plan_edited", lang, n=i)
    return t("cmp.plan_n", lang, n=i)


def line_name(scn: Mapping[str, object], lang: str | None = None) -> str:
    """A cash-line scenario by name: the user's, else its preset's label
    while it has the preset's terms, else "This cash line" (an edited preset's
    label would name terms it no longer has: 日息万2 after the rate moved)."""
    if scn.get("nm"):
        return str(scn["nm"])
    pid = scn["ps"]
    if pid == "custom":
        return t("cash.this_line", lang)
    return t(f"preset.{pid}", lang) if cs.matches_cash_preset(scn) else t("cash.edited_line", lang)


def obligation_name(scn: Mapping[str, object], i: int, lang: str | None = None) -> str:
    """Budget item ``i`` by name: the one given it, else its plan's or line's,
    else "Item i"."""
    if scn[f"bn{i}"]:
        return str(scn[f"bn{i}"])
    kind = bs.kind(scn, i)
    if kind == "plan":
        return plan_name(bs.terms_of(str(scn[f"bq{i}"])), 1, lang)
    if kind == "cash":
        return line_name(bs.terms_of(str(scn[f"bq{i}"])), lang)
    return t("bud.item_n", lang, n=i)

#: Where the pages' household is kept (``ui.state.PartState``).
BUDGET_PAGE = "app_pages/budget.py"


def household_inputs(hh: PartState) -> None:
    """Income, essential spending and the payments already owed, in a row."""
    b = Bound(hh)
    row = grid()
    b.number(row, "hi", "hh.income", step=500.0, help_key="hh.income_help")
    b.number(row, "he", "hh.essentials", step=100.0, help_key="hh.essentials_help")
    b.number(row, "hx", "hh.existing", step=100.0, help_key="hh.existing_help")


def settings(hh: PartState) -> tuple[Household | None, Thresholds]:
    """The household as entered, checked (``None``, with the reason shown,
    when a value is out of its bounds), and the thresholds (the defaults,
    and a message saying so, while one is invalid)."""
    try:
        th = hs.thresholds(hh.scn)
    except CalcError as err:
        st.error(t("th.invalid", reason=error_text(err)), icon=":material/error:")
        th = Thresholds()
    try:
        return check_household(hs.household(hh.scn)), th
    except CalcError as err:
        st.error(error_text(err), icon=":material/error:")
        return None, th


def warned(warnings: Sequence[DebtWarning]) -> str:
    """How many warnings of each severity, most severe first ("" for none)."""
    counts = [(s, sum(w.severity == s for w in warnings)) for s in ("danger", "caution",
                                                                    "notice")]
    return t("list.sep").join(t(f"afford.count_{s}", n=n) for s, n in counts if n)


def burden_section(hh: PartState,
                   choices: Sequence[tuple[str, Obligation | CalcError | None]],
                   key: str, shown_above: Collection[str] = ()) -> None:
    """The household's inputs, then each choice's heaviest month against it
    (a table) and the warnings it would trigger, with their sources.

    ``choices`` are (name, obligation): ``None`` for a choice that could not
    be computed where its page already says why, a :class:`CalcError` for one
    whose burden cannot be (its row shows "—" and the reason is said below
    the table, so no error escapes the page); ``key`` the table's element key;
    ``shown_above`` the warning codes the page already shows beside its
    results (the 24% line), not repeated here.
    """
    st.subheader(t("afford.title"))
    st.caption(t("afford.intro"))
    household_inputs(hh)
    household, th = settings(hh)
    if household is None:
        return
    if household.income is None:
        st.info(t("afford.no_income"), icon=":material/info:")
    names: list[str] = []
    peaks: list[Peak | None] = []
    found: list[tuple[str, tuple[DebtWarning, ...]]] = []
    errors: list[tuple[str, CalcError]] = []
    for name, o in choices:
        names.append(name)
        if o is None or isinstance(o, CalcError):
            if o is not None:
                errors.append((name, o))
            peaks.append(None)
            found.append((name, ()))
            continue
        tl = timeline(household, [o])
        peaks.append(peak(tl))
        found.append((name, headline(tuple(w for w in evaluate(tl, th)
                                           if w.code not in shown_above))))
    tables.show(st, tables.burden(names, peaks, [warned(ws) for _, ws in found]), key)
    for name, err in errors:
        st.warning(t("afford.cannot", name=md_escape(name), reason=error_text(err)),
                   icon=":material/error:")
    for name, ws in found:
        if ws:
            if len(found) > 1:
                st.markdown(f"**{md_escape(name)}**")
            show_warnings(ws, [name])


# ------------------------------------------------------------------ the budget


def _add(page: str, name: str, link: Callable[[], str]) -> None:
    """on_click: the choice into the budget, kept as its terms as they are
    at the click (a section of the page may have changed them since the
    button was drawn)."""
    budget = PageState(bs.BUDGET, bs.VIEWS)
    if bs.add(budget.scn, link()):
        budget.view["added"] = (page, name)


def add_buttons(page: str, choices: Sequence[tuple[str, Callable[[], str]]]) -> None:
    """One button per choice (name, its nested link's maker) adding it to the budget page,
    and a line saying what was added, with a link to that page."""
    budget = PageState(bs.BUDGET, bs.VIEWS)
    full = bs.count(budget.scn) >= bs.MAX_OBLIGATIONS
    row = grid()
    for i, (name, link) in enumerate(choices, start=1):
        row.button(t("afford.add", name=md_escape(name)), key=f"{page}-do-budget{i}",
                   on_click=_add, args=(page, name, link), icon=":material/add:",
                   disabled=full, help=t("bud.full", n=bs.MAX_OBLIGATIONS) if full else None)
    added = budget.view.get("added")
    if isinstance(added, tuple) and added[0] == page:
        budget.view["added"] = None
        st.success(t("afford.added", name=md_escape(str(added[1])), n=bs.count(budget.scn)),
                   icon=":material/check:")
    st.page_link(BUDGET_PAGE, label=t("afford.to_budget"), icon=":material/account_balance:")
