"""Back in the browser (issue 21): an edit is not a history entry, a page
opened is one.  Streamlit's frontend writes every change of the address with
``history.pushState`` (``ui.state._HISTORY_JS`` says where), so three edits
took four Back presses to leave the page and a page visit added two; the app
keeps one entry per page opened, its address following the scenario."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import wait_idle
from ui.i18n import CATALOG

pytestmark = pytest.mark.browser


def _edit_price(pg, value: str) -> None:
    price = pg.locator(".st-key-cmp-p input")
    price.fill(value)
    price.press("Enter")
    pg.wait_for_function(f"() => new URLSearchParams(location.search).get('p') === '{value}'")
    wait_idle(pg)


def _opened(fresh_context, app_url: str, path: str):
    pg = fresh_context.new_page()
    pg.set_viewport_size({"width": 1280, "height": 900})
    pg.set_default_timeout(30_000)
    pg.goto("about:blank")  # where the user was before the app: entry 1
    pg.goto(f"{app_url}{path}")
    wait_idle(pg)
    pg.wait_for_function("() => new URLSearchParams(location.search).get('v') === '1'")
    wait_idle(pg)
    return pg


def test_edits_add_no_history_entry_and_one_back_press_leaves(fresh_context, app_url):
    pg = _opened(fresh_context, app_url, "/?lang=en")
    # about:blank, then the app; on a warm server the first run's completed
    # address can come before the browser ran the app's script: one more,
    # which Back passes over
    opened = pg.evaluate("history.length")
    assert opened in (2, 3)
    for value in ("4000", "4100", "4200"):
        _edit_price(pg, value)
    # old code: one entry more per edit (5 or 6)
    assert pg.evaluate("history.length") == opened
    assert parse_qs(urlsplit(pg.url).query)["p"] == ["4200"]  # the entry follows the edits
    pg.go_back()
    pg.wait_for_url("about:blank")  # one press left the app


def test_a_page_visit_is_one_entry_and_back_returns_to_the_page_before(fresh_context, app_url):
    pg = _opened(fresh_context, app_url, "/?lang=en")
    opened = pg.evaluate("history.length")
    _edit_price(pg, "5555")
    assert pg.evaluate("history.length") == opened
    pg.locator("[data-testid='stSidebarNav'] a[href$='/cashline']").click()
    expect(pg.get_by_role("heading", name=CATALOG["en"]["cash.title"])).to_be_visible()
    wait_idle(pg)
    # old code: the edit, the page's path and its query: 3 more
    assert pg.evaluate("history.length") == opened + 1
    pg.go_back()
    wait_idle(pg)
    expect(pg.get_by_role("heading", name=CATALOG["en"]["cmp.title"])).to_be_visible()
    assert urlsplit(pg.url).path in ("/", "/compare")
    assert parse_qs(urlsplit(pg.url).query)["p"] == ["5555"]  # as it was left
    expect(pg.locator(".st-key-cmp-p input")).to_have_value("5555.00")
    pg.go_back()
    pg.wait_for_url("about:blank")  # one press left the app
