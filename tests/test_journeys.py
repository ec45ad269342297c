"""Random journeys through every page, as a user takes them (issues 7, 10).

A Hypothesis state machine drives one browser-like session (tests/frontend.py:
selection widgets send back the label they last showed) through random
sequences of: edit a number (valid or not, the household's included), choose
an option (a preset included), add or remove a plan, draw, repayment or
budget item, add a plan or the cash line to the budget, switch the language,
switch the page, and open the current share link in a fresh session.

After every step: no exception; every scenario value is one its field
accepts, and the scenario holds exactly its fields; every input on screen
shows the scenario's value; the page's headline numbers are calc's for the
scenario; the other page's scenario is untouched; and a number just typed is
kept as typed.
"""

from __future__ import annotations

from frontend import Session, do_key, field_name, key, view_key
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from calc.warnings import Thresholds
from ui.codec import Field, Schema
from ui.fmt import pct, yuan
from ui.scenarios import budget as bs
from ui.scenarios import cashline as cash
from ui.scenarios import compare as cmp
from ui.scenarios.household import HOUSEHOLD, thresholds


def pick(data: st.DataObject, items: list, label: str):
    """One of ``items``: the draw does not depend on how many there are, so a
    journey replays the same choices whatever the page shows."""
    i = data.draw(st.integers(0, 2**16), label=label)
    return items[i % len(items)] if items else None


SCHEMAS: dict[str, Schema] = {"cmp": cmp.COMPARE, "cash": cash.CASH, "bud": bs.BUDGET}
HH = HOUSEHOLD.page  # the household's scenario, shared by every page


def numbers_for(field: Field) -> st.SearchStrategy[float | int]:
    """Values a user might type: inside the field's range mostly, and some
    outside it (negative, far too large), which the page must explain."""
    lo, hi = float(field.lo or 0.0), float(field.hi or 1e6)
    if field.kind == "int":
        inside: st.SearchStrategy[float | int] = st.integers(int(lo), min(int(hi), 400))
        outside: st.SearchStrategy[float | int] = st.sampled_from([-1, int(hi) + 1, 10**9])
    else:
        inside = st.floats(lo, min(hi, 1e6), allow_nan=False).map(lambda x: round(x, 2))
        outside = st.sampled_from([-0.01, -500.0, hi * 10 + 1])
    return st.one_of(inside, inside, inside, outside)


class Journey(RuleBasedStateMachine):
    @initialize(page=st.sampled_from(list(SCHEMAS)), lang=st.sampled_from(["zh", "en"]))
    def open_app(self, page: str, lang: str) -> None:
        self.s = Session({"lang": lang}, page=page)
        self.page = page
        self.left: dict[str, dict[str, object]] = {}  # the page we left, as we left it
        self.typed: tuple[str, object] | None = None

    # ------------------------------------------------------------- helpers

    @property
    def schema(self) -> Schema:
        return SCHEMAS[self.page]

    def scn(self) -> dict[str, object]:
        got = self.s.scenario(self.page)
        assert got is not None, f"{self.page} has no scenario"
        return got

    def owner(self, widget_key: str | None) -> tuple[str, str] | None:
        """(scenario, field) a widget is bound to: the page's, or the household's."""
        name = field_name(self.page, widget_key)
        if name:
            return self.page, name
        name = field_name(f"{HH}-{self.page}", widget_key)
        return (HH, name) if name else None

    def field(self, owner: tuple[str, str]) -> Field:
        schema = HOUSEHOLD if owner[0] == HH else self.schema
        got = schema.field(owner[1])
        assert got is not None, owner
        return got

    def bound(self, kind: str) -> list:
        return [w for w in getattr(self.s.at, kind) if self.owner(w.key)]

    # --------------------------------------------------------------- rules

    @rule(data=st.data())
    def edit_number(self, data: st.DataObject) -> None:
        widgets = self.bound("number_input")
        w = pick(data, widgets, "input")
        if w is None:
            return
        owner = self.owner(w.key)
        assert owner is not None
        value = data.draw(numbers_for(self.field(owner)), label="value")
        w.set_value(value)
        self.s.run()
        self.typed = (owner, value)

    @rule(data=st.data())
    def choose_option(self, data: st.DataObject) -> None:
        widgets = self.bound("selectbox")
        w = pick(data, widgets, "select")
        if w is None:
            return
        owner = self.owner(w.key)
        assert owner is not None
        name, field = owner[1], self.field(owner)
        options = [c for c in field.choices if c in w.options or w.format_func(c) in w.options]
        cost_before = self._plan_cost(name)
        w.set_value(pick(data, options, "option"))
        self.s.run()
        if cost_before is not None and name.startswith("fm"):
            # how a fee is entered changes, the plan does not (issue 8): converted, or
            # refused with the old way kept
            assert self._plan_cost(name) == cost_before, (name, self.scn()[name])

    def _plan_cost(self, name: str) -> float | None:
        """The total cost of the comparison plan field ``name`` belongs to, if it
        can be computed."""
        if self.page != "cmp" or not name.startswith("fm"):
            return None
        try:
            r = cmp.results(self.scn()).plans[int(name[2:]) - 1]
        except ValueError:
            return None
        return r.schedule.total_cost if r.schedule is not None else None

    @rule(data=st.data())
    def change_view(self, data: st.DataObject) -> None:
        groups = [g for g in self.s.at.button_group
                  if g.key and g.key.startswith(f"{self.page}-view-")]
        g = pick(data, groups, "view")
        if g is None:
            return
        g.set_value(pick(data, self._view_codes(g), "choice"))
        self.s.run()

    def _view_codes(self, g) -> list:
        name = g.key.rsplit("-", 1)[1]
        scn = self.scn()
        if name == "edit":  # a plan, or a budget item
            return list(range(1, int(scn["np" if self.page == "cmp" else "nb"]) + 1))
        if name == "detail":
            return [g.value]
        candidates = ("cum", "pay", "balance", "costs", "spiral")
        return [c for c in candidates if g.format_func(c) in g.options] or [g.value]

    @rule(data=st.data())
    def press_button(self, data: st.DataObject) -> None:
        names = ("add", "rm1", "rm2", "rm3", "add_draw", "rm_draw", "add_rep", "rm_rep",
                 "addfixed", "addplan", "addcash", "th_restore")
        buttons = [b for b in self.s.at.button
                   if b.key in {do_key(self.page, n) for n in names} and not b.disabled]
        b = pick(data, buttons, "button")
        if b is None:
            return
        b.click()
        self.s.run()

    @rule(lang=st.sampled_from(["zh", "en"]))
    def switch_language(self, lang: str) -> None:
        self.s.switch_language(lang)

    @precondition(lambda self: self.page != "bud")
    @rule(data=st.data())
    def add_to_budget(self, data: st.DataObject) -> None:
        buttons = [b for b in self.s.at.button
                   if b.key and b.key.startswith(do_key(self.page, "budget")) and not b.disabled]
        b = pick(data, buttons, "add")
        if b is None:
            return
        before = self.s.scenario("bud") or bs.BUDGET.defaults()
        b.click()
        self.s.run()
        after = self.s.scenario("bud")
        assert after is not None and bs.count(after) == bs.count(before) + 1
        assert {k: v for k, v in after.items() if k in before and k != "nb"} == {
            k: v for k, v in before.items() if k != "nb"}, "adding changed what was there"
        self.left["bud"] = after  # changed on purpose, and only so

    @rule(data=st.data())
    def switch_page(self, data: st.DataObject) -> None:
        self.left[self.page] = self.scn()
        self.page = pick(data, [p for p in SCHEMAS if p != self.page], "page")
        self.s.switch_page(self.page)
        self.left.pop(self.page, None)

    @rule()
    def reopen_link(self) -> None:
        link = self.s.link()
        fresh = Session(link, page=self.page)
        assert not fresh.exceptions(), fresh.exceptions()
        assert fresh.scenario(self.page) == self.scn(), "the share link lost something"

    @precondition(lambda self: self.page == "cmp")
    @rule(data=st.data())
    def apply_preset(self, data: st.DataObject) -> None:
        editing = self.s.at.button_group(key=view_key("cmp", "edit")).value
        w = self.s.at.selectbox(key=key("cmp", f"ps{editing}"))
        # another preset than the plan's own: choosing the same entry changes nothing
        others = [p for p in cmp.PRESET_CHOICES[1:] if p != w.value]
        pid = data.draw(st.sampled_from(others), label="preset")
        w.set_value(pid)
        self.s.run()
        scn = self.scn()
        for k, v in cmp.preset_fields(pid).items():
            assert scn[f"{k}{editing}"] == v, (k, v)

    # ---------------------------------------------------------- invariants

    @invariant()
    def no_exception(self) -> None:
        assert not self.s.exceptions(), self.s.exceptions()

    @invariant()
    def scenario_is_valid(self) -> None:
        scn = self.scn()
        assert set(scn) == set(self.schema.names(scn))
        for name, value in scn.items():
            assert self.schema.field(name).accepts(value), (name, value)
        household = self.s.scenario(HH)
        assert household is not None and set(household) == set(HOUSEHOLD.shared)
        for name, value in household.items():
            assert HOUSEHOLD.shared[name].accepts(value), (name, value)

    @invariant()
    def inputs_show_the_scenario(self) -> None:
        scenarios = {self.page: self.scn(), HH: self.s.scenario(HH)}
        for kind in ("number_input", "selectbox", "text_input", "slider"):
            for w in self.bound(kind):
                owner = self.owner(w.key)
                assert owner is not None
                want = scenarios[owner[0]][owner[1]]
                assert w.value == want, (owner, w.value, want)
        if self.typed:
            (where, name), value = self.typed
            if name in scenarios[where]:
                assert scenarios[where][name] == value, "a number typed was changed"
            self.typed = None

    @invariant()
    def other_page_untouched(self) -> None:
        for page, before in self.left.items():
            assert self.s.scenario(page) == before, f"{page}'s inputs changed from {self.page}"

    @invariant()
    def headline_is_calcs(self) -> None:
        shown = {m.value for m in self.s.at.metric}
        scn = self.scn()
        try:
            if self.page == "cmp":
                c = cmp.results(scn)
                want = {yuan(c.cash_price)} | {
                    pct(p.rates.nominal) for p in c.plans if p.rates is not None}
            elif self.page == "cash":
                r = cash.simulate(cash.inputs(scn))
                want = {yuan(r.totals.paid), yuan(r.totals.cost)}
            else:
                self._budget_is_calcs(scn)
                return
        except ValueError:  # calc refused the inputs: the page shows why instead
            assert self.s.at.error
            return
        assert want <= shown, (want, shown)

    def _budget_is_calcs(self, scn: dict[str, object]) -> None:
        """The budget's first month, as its table shows it, is calc's."""
        household = self.s.scenario(HH)
        assert household is not None
        try:
            th = thresholds(household)
        except ValueError:
            th = Thresholds()
        b = bs.budget(scn, household, th)
        if b.timeline is None:  # the household is invalid: the page says why
            assert self.s.at.error
            return
        frame = self.s.at.dataframe[0].value
        assert frame.iloc[0]["total"] == yuan(float(b.timeline.total[0])), frame.iloc[0]


Journey.TestCase.settings = settings(
    max_examples=60, stateful_step_count=15, deadline=None,
    # no shrinking: each step is an app run, and a journey printed as it failed reads well
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TestJourney = Journey.TestCase

