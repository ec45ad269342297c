"""The cash-line page in a real browser (issue 4's browser checks), and the
language switch clicked for real."""

from __future__ import annotations

import pytest

from tests.browser.conftest import (
    chart_titles,
    metric_texts,
    save_full_screenshot,
    wait_idle,
    wait_metric,
)
from ui.codec import encode
from ui.i18n import CATALOG
from ui.scenarios.cashline import CASH
from ui.scenarios.compare import COMPARE

pytestmark = pytest.mark.browser


def cash_link(base: str, lang: str, **values) -> str:
    scn = CASH.defaults()
    scn.update(values)
    return f"{base}/cashline?" + "&".join(f"{k}={v}" for k, v in encode(CASH, scn, lang).items())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cash_line_link_reads_its_rate(pages, app_url, lang):
    # 0.05% a day, 等额本息 over 12 months: monthly rate 0.05% × 365 / 12, so the
    # nominal APR is 0.05% × 365 = 18.25%
    pg = pages.get(cash_link(app_url, lang))
    wait_metric(pg, "18.25%")
    assert pg.get_by_text(CATALOG[lang]["cash.title"], exact=True).first.is_visible()


@pytest.mark.parametrize("form", ["desktop", "phone"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cash_line_screenshot(pages, app_url, lang, form):
    pg = pages.get(cash_link(app_url, lang), form)
    wait_metric(pg, "18.25%")
    pg.wait_for_selector(".js-plotly-plot .main-svg")
    save_full_screenshot(pg, f"cashline_{lang}_{form}.png", form)


def test_rollover_spiral_screenshot(pages, app_url):
    # 先息后本 with every payment borrowed from a small second line
    pg = pages.get(cash_link(app_url, "zh", m="interest_only", ro=12, rl=600.0))
    pg.wait_for_selector(".js-plotly-plot .main-svg")
    # a rollover opens on its spiral: both lines in the legend
    assert CATALOG["zh"]["chart.spiral_title"] in chart_titles(pg)
    legend = pg.locator(".js-plotly-plot .legendtext").all_text_contents()
    assert {CATALOG["zh"]["cash.line1"], CATALOG["zh"]["cash.line2"]} <= set(legend)
    save_full_screenshot(pg, "cashline_zh_rollover.png", "desktop")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rollover_is_its_own_layer_of_what_is_owed(pages, app_url, lang):
    # issue 9: the debt moved to the second line is drawn as its own layer, not
    # as "interest, fees and penalties"
    cat = CATALOG[lang]
    pg = pages.get(cash_link(app_url, lang, m="interest_only", ro=12, rl=600.0))
    pg.wait_for_selector(".js-plotly-plot .main-svg")
    pg.locator(".st-key-cash-view-chart button", has_text=cat["chart.tab.balance"]).click()
    pg.wait_for_function("t => [...document.querySelectorAll('.js-plotly-plot .gtitle')]"
                         ".some(e => e.textContent.trim() === t)", arg=cat["chart.balance_title"])
    wait_idle(pg)
    legend = pg.locator(".js-plotly-plot .legendtext").all_text_contents()
    assert {cat["cash.principal"], cat["cash.accrued_cost"], cat["cash.moved_to_line2"]} \
        <= set(legend)
    save_full_screenshot(pg, f"cashline_{lang}_rollover_balance.png", "desktop")


def test_language_switch_keeps_every_input(pages, app_url):
    scn = COMPARE.defaults()
    link = f"{app_url}/?" + "&".join(f"{k}={v}" for k, v in encode(COMPARE, scn, "zh").items())
    pg = pages.take(link)
    price = pg.locator(".st-key-cmp-p input")
    price.fill("4321")
    price.press("Enter")
    pg.wait_for_function("() => new URLSearchParams(location.search).get('p') === '4321'")
    wait_idle(pg)
    before = metric_texts(pg)
    pg.locator(".st-key-app-lang button", has_text="English").click()
    pg.wait_for_function("() => new URLSearchParams(location.search).get('lang') === 'en'")
    wait_idle(pg)
    assert pg.get_by_text(CATALOG["en"]["cmp.title"], exact=True).first.is_visible()
    assert price.input_value() == "4321.00"
    assert metric_texts(pg) == before  # amounts and rates read the same in both languages


def test_share_control_gives_the_full_link(pages, app_url):
    link = cash_link(app_url, "en", a1=7500.0)
    pg = pages.take(link)
    wait_metric(pg, "18.25%")
    pg.get_by_role("button", name="Share this scenario").click()
    # the link's own code block: on a loopback address the box also warns,
    # naming the host and an example address in code spans (APP_PUBLIC_URL)
    code = pg.locator("[data-testid='stPopoverBody'] [data-testid='stCode'] code").first
    code.wait_for()
    shared = code.inner_text().replace("\n", "")
    assert shared.startswith(app_url + "/cashline?")
    assert "a1=7500" in shared and "v=1" in shared and "lang=en" in shared and "pg=cash" in shared


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_loan_above_the_24_percent_line_is_called_above_it(pages, app_url, lang):
    """Issue 19, as a user types it: ¥10,000 at 0.07% a day, 随借随还, repaid
    once on day 365.  Interest 10,000 × 0.0007 × 365 = ¥2,555.00; one advance
    repaid by one payment has the term as its unit period (Reg Z App. J
    (b)(5)(vi)), so APR = 2,555 / 10,000 = 25.55%, and 365 × 0.07% = 25.55% is
    the contract's simple rate too: above the 24% line.  The old page showed
    22.97% (a monthly IRR × 12) and said the loan was below the line."""
    from tests.browser.test_journeys_browser import choose, type_number

    pg = pages.take(f"{app_url}/cashline?lang={lang}")
    type_number(pg, "cash-r", 0.07)
    wait_idle(pg)
    choose(pg, "cash-m", CATALOG[lang]["method.flexible"])
    pg.locator(".st-key-cash-do-add_rep button").click()
    wait_idle(pg)
    type_number(pg, "cash-rd1", 365)
    wait_idle(pg)
    wait_metric(pg, "25.55%")
    line = CATALOG[lang]["cash.above_line"].split("{apr}")[0]
    assert pg.get_by_text(line, exact=False).first.is_visible()
    assert "22.97%" not in pg.locator("[data-testid='stMain']").inner_text()
    save_full_screenshot(pg, f"cashline_{lang}_above_24.png", "desktop")
