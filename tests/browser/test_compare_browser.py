"""The comparison page in a real browser (issue 3, acceptance bullet 2).

Open the classroom link (¥10,000 in 12 installments at 0.6% a month) in both
languages and read its 13.03% nominal APR; change the price and see the address
bar follow; save desktop and phone screenshots of both languages to
``artifacts/screenshots/`` for a person to look at.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import metric_texts, save_full_screenshot, wait_idle, wait_metric
from ui.i18n import CATALOG

pytestmark = pytest.mark.browser

CLASSROOM = (
    "v=1&lang={lang}&p=10000&d=0&y=0&np=1&ps1=teach_06x12&nm1=&k1=addon&n1=12&fm1=period"
    "&f1=0.6&t1=spread&r1=0&u1=annual&dp1=0&uf1=0&fd1=30&er1=charge&pp1=0&ek1=0"
)
CHART = ".js-plotly-plot .main-svg"


def classroom(base: str, lang: str) -> str:
    return f"{base}/?{CLASSROOM.format(lang=lang)}"


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_classroom_link_reads_13_03_percent(pages, app_url, lang):
    pg = pages.get(classroom(app_url, lang))
    wait_metric(pg, "13.03%")
    assert "13.03%" in metric_texts(pg)
    # The link's language wins over the browser's.
    assert pg.get_by_text(CATALOG[lang]["cmp.title"], exact=True).first.is_visible()
    assert query(pg.url)["lang"] == [lang]


@pytest.mark.parametrize("form", ["desktop", "phone"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshot(pages, app_url, lang, form):
    """A full-length screenshot, saved as an artifact for a person to look at."""
    pg = pages.get(classroom(app_url, lang), form)
    wait_metric(pg, "13.03%")
    pg.wait_for_selector(CHART)
    save_full_screenshot(pg, f"compare_{lang}_{form}.png", form)


def test_price_edit_rewrites_the_address_bar(pages, app_url):
    pg = pages.take(classroom(app_url, "en"))
    wait_metric(pg, "13.03%")
    price = pg.locator(".st-key-cmp-p input")
    price.fill("12345")
    price.press("Enter")
    # The app rewrites the query (history.replaceState) at the end of the run.
    pg.wait_for_function("() => new URLSearchParams(location.search).get('p') === '12345'")
    wait_idle(pg)
    q = query(pg.evaluate("location.href"))
    assert q["p"] == ["12345"]
    assert q["lang"] == ["en"] and q["f1"] == ["0.6"] and q["n1"] == ["12"]
    # Playwright's page.url follows same-document URL changes as well.
    assert query(pg.url)["p"] == ["12345"], pg.url
    wait_metric(pg, "¥12,345.00")
