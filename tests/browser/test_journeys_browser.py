"""What users do, in the order they do it, in a real browser (issue 7).

One session per page: edit a number, choose an option, switch the language,
edit again, choose again, switch back, open the other page and edit there,
come back, and reopen the share link in a fresh browser.  After every step
the inputs hold what was entered and the headline numbers are calc's for
those inputs; the fixture fails the test if an exception box appeared at any
point.  Links opened at the other page's path, or naming no page, are
checked last.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import metric_texts, wait_idle
from ui.codec import encode
from ui.fmt import pct, yuan
from ui.i18n import CATALOG
from ui.scenarios import cashline as cash
from ui.scenarios import compare as cmp

pytestmark = pytest.mark.browser


# ------------------------------------------------------------------ helpers


def params(pg) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(pg.url).query, keep_blank_values=True))


def wait_params(page, **want: str) -> None:
    """Until the address bar (written at the end of each run) holds ``want``."""
    page.wait_for_function(
        "w => { const q = new URLSearchParams(location.search);"
        " return Object.entries(w).every(([k, v]) => q.get(k) === v); }",
        arg=want,
    )
    wait_idle(page)


def type_number(pg, key: str, value: float | int) -> None:
    box = pg.locator(f".st-key-{key} input")
    box.fill(str(value))
    box.press("Enter")


def choose(pg, key: str, label: str) -> None:
    """Pick ``label`` from a selectbox.  A long list is searchable and opens
    on a key rather than a click (Streamlit 1.67's combobox): press one."""
    box = pg.locator(f".st-key-{key} [role='combobox']")
    box.click()
    if box.get_attribute("aria-expanded") != "true":
        box.press("ArrowDown")
    pg.get_by_role("option", name=label, exact=True).click()
    # the choice's run finishes before the next step, as a person's eye waits for it
    # (a number typed within ~0.1 s of a fee-mode change, under a loaded suite, once
    # lost the mode's conversion: noted in the issue 10-11 closing note)
    expect(box).to_have_value(label)
    wait_idle(pg)


def shows(pg, key: str, label: str) -> None:
    """A selectbox shows ``label`` (waiting for the run in progress)."""
    expect(pg.locator(f".st-key-{key} [role='combobox']")).to_have_value(label)


def holds(pg, key: str, text: str) -> None:
    """A number input holds ``text``."""
    expect(pg.locator(f".st-key-{key} input")).to_have_value(text)


def numbers_include(pg, want: set[str]) -> None:
    """The metric cards include every one of ``want``."""
    try:
        pg.wait_for_function(
            "w => { const s = new Set([...document.querySelectorAll("
            "\"[data-testid='stMetricValue']\")].map(e => e.innerText.trim()));"
            " return w.every(x => s.has(x)); }", arg=sorted(want), timeout=10_000)
    except Exception:
        raise AssertionError(f"cards show {metric_texts(pg)}, calc says {sorted(want)}") from None


def switch_language(pg, lang: str) -> None:
    pg.locator(".st-key-app-lang button", has_text={"zh": "中文", "en": "English"}[lang]).click()
    wait_params(pg, lang=lang)


NAV_ORDER = {"cmp": 0, "cash": 1}  # the pages' order in streamlit_app.py


def open_page(pg, code: str) -> None:
    """Open a page from the sidebar's navigation, as a user does."""
    pg.locator("[data-testid='stSidebarNav'] a").nth(NAV_ORDER[code]).click()
    wait_params(pg, pg=code)


def preset_label(lang: str, pid: str) -> str:
    # the picker names the preset alone; its grade and date are in the note
    # under it (issue 21), checked in tests/test_preset_labels.py
    assert pid in cmp.INSTALLMENT_PRESETS
    return CATALOG[lang][f"preset.{pid}"]


def compare_numbers(scn: dict[str, object]) -> set[str]:
    """calc's headline numbers for a comparison scenario: the cash price and
    each plan's nominal APR, as the cards show them."""
    c = cmp.results(scn)
    return {yuan(c.cash_price)} | {pct(p.rates.nominal) for p in c.plans if p.rates}


def cash_numbers(scn: dict[str, object]) -> set[str]:
    r = cash.simulate(cash.inputs(scn))
    numbers = {yuan(r.totals.paid), yuan(r.totals.cost)}
    return numbers | ({pct(r.rates.nominal)} if r.rates else set())


def check_compare(pg, scn: dict[str, object], lang: str) -> None:
    """The comparison page shows ``scn``'s inputs and calc's numbers for them."""
    expect(pg.get_by_text(CATALOG[lang]["cmp.title"], exact=True).first).to_be_visible()
    holds(pg, "cmp-p", f"{scn['p']:.2f}")
    shows(pg, "cmp-ps1", preset_label(lang, str(scn["ps1"])))
    shows(pg, "cmp-k1", CATALOG[lang][f"kind.{scn['k1']}"])
    numbers_include(pg, compare_numbers(scn))


def check_cash(pg, scn: dict[str, object], lang: str) -> None:
    expect(pg.get_by_text(CATALOG[lang]["cash.title"], exact=True).first).to_be_visible()
    holds(pg, "cash-a1", f"{scn['a1']:.2f}")
    holds(pg, "cash-t1", str(scn["t1"]))
    shows(pg, "cash-m", CATALOG[lang][f"method.{scn['m']}"])
    numbers_include(pg, cash_numbers(scn))


# ----------------------------------------------------------------- journeys


def test_comparison_journey(pages, app_url, fresh_context):
    pg = pages.take(f"{app_url}/?lang=zh")
    scn, cash_scn = cmp.COMPARE.defaults(), cash.CASH.defaults()
    check_compare(pg, scn, "zh")

    type_number(pg, "cmp-p", 4321)  # edit a number
    scn["p"] = 4321.0
    wait_params(pg, p="4321")
    check_compare(pg, scn, "zh")

    choose(pg, "cmp-ps1", preset_label("zh", "baitiao_12_high"))  # choose an option
    scn.update({f"{k}1": v for k, v in cmp.preset_fields("baitiao_12_high").items()})
    wait_params(pg, ps1="baitiao_12_high")
    check_compare(pg, scn, "zh")

    switch_language(pg, "en")  # switch language
    check_compare(pg, scn, "en")

    type_number(pg, "cmp-p", 5000)  # edit again: this crashed before issue 7
    scn["p"] = 5000.0
    wait_params(pg, p="5000")
    check_compare(pg, scn, "en")

    choose(pg, "cmp-ps1", preset_label("en", "huabei_3"))  # choose again
    scn.update({f"{k}1": v for k, v in cmp.preset_fields("huabei_3").items()})
    wait_params(pg, ps1="huabei_3")
    check_compare(pg, scn, "en")

    choose(pg, "cmp-k1", CATALOG["en"]["kind.equal_payment"])
    scn["k1"] = "equal_payment"
    wait_params(pg, k1="equal_payment")
    type_number(pg, "cmp-r1", 18)
    scn["r1"] = 18.0
    wait_params(pg, r1="18")
    check_compare(pg, scn, "en")

    switch_language(pg, "zh")  # and back
    check_compare(pg, scn, "zh")

    open_page(pg, "cash")  # the other page, edited there
    check_cash(pg, cash_scn, "zh")
    type_number(pg, "cash-t1", 45)
    cash_scn["t1"] = 45
    wait_params(pg, t1="45")
    check_cash(pg, cash_scn, "zh")

    open_page(pg, "cmp")  # back: nothing of the other page leaked in
    check_compare(pg, scn, "zh")

    open_page(pg, "cash")
    check_cash(pg, cash_scn, "zh")
    open_page(pg, "cmp")

    link = pg.url  # the share link, reopened in a fresh browser
    again = fresh_context.new_page()
    again.goto(link)
    wait_params(again, pg="cmp")
    check_compare(again, scn, "zh")
    assert params(again) == params(pg)


def test_cash_line_journey(pages, app_url, fresh_context):
    pg = pages.take(f"{app_url}/cashline?lang=en")
    scn, cmp_scn = cash.CASH.defaults(), cmp.COMPARE.defaults()
    check_cash(pg, scn, "en")

    type_number(pg, "cash-a1", 8000)
    scn["a1"] = 8000.0
    wait_params(pg, a1="8000")
    check_cash(pg, scn, "en")

    choose(pg, "cash-m", CATALOG["en"]["method.equal_principal"])
    scn["m"] = "equal_principal"
    wait_params(pg, m="equal_principal")
    check_cash(pg, scn, "en")

    switch_language(pg, "zh")
    check_cash(pg, scn, "zh")

    type_number(pg, "cash-t1", 45)
    scn["t1"] = 45
    wait_params(pg, t1="45")
    check_cash(pg, scn, "zh")

    choose(pg, "cash-m", CATALOG["zh"]["method.interest_only"])
    scn["m"] = "interest_only"
    wait_params(pg, m="interest_only")
    check_cash(pg, scn, "zh")

    switch_language(pg, "en")
    check_cash(pg, scn, "en")

    open_page(pg, "cmp")
    check_compare(pg, cmp_scn, "en")
    type_number(pg, "cmp-p", 2999)
    cmp_scn["p"] = 2999.0
    wait_params(pg, p="2999")
    check_compare(pg, cmp_scn, "en")

    open_page(pg, "cash")
    check_cash(pg, scn, "en")

    link = pg.url
    again = fresh_context.new_page()
    again.goto(link)
    wait_params(again, pg="cash")
    check_cash(again, scn, "en")
    assert params(again) == params(pg)


# ---------------------------------------------------------------- the links


def test_a_link_opens_its_own_page_whatever_the_path(app_url, fresh_context):
    scn = cash.CASH.defaults()
    scn.update(a1=7500.0, t1=10)
    at_root = f"{app_url}/?" + urlencode(encode(cash.CASH, scn, "en"))
    pg = fresh_context.new_page()
    pg.goto(at_root)
    wait_params(pg, pg="cash", a1="7500")
    assert urlsplit(pg.url).path.endswith("/cashline")
    check_cash(pg, scn, "en")

    cmp_scn = cmp.COMPARE.defaults()
    cmp_scn["p"] = 1234.0
    at_cash = f"{app_url}/cashline?" + urlencode(encode(cmp.COMPARE, cmp_scn, "zh"))
    pg.goto(at_cash)
    wait_params(pg, pg="cmp", p="1234")
    check_compare(pg, cmp_scn, "zh")
    # no notice about the link (the page's own warnings may show)
    alerts = " ".join(pg.locator("[data-testid='stAlert']").all_inner_texts())
    assert CATALOG["zh"]["notice.title"] not in alerts


def test_a_link_to_no_such_page_says_so(app_url, fresh_context):
    pg = fresh_context.new_page()
    pg.goto(f"{app_url}/cashline?v=1&lang=en&pg=budget&p=5")
    wait_params(pg, pg="cmp")
    check_compare(pg, cmp.COMPARE.defaults(), "en")
    alert = pg.locator("[data-testid='stAlert']").first.inner_text()
    assert "budget" in alert and "does not exist" in alert
