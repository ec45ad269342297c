"""Fixtures for the browser tests: a real ``streamlit run`` server and headless Chromium.

Chromium is Debian's (``/usr/bin/chromium``): Playwright cannot download its own
browsers here.  Without Chromium or Playwright the tests skip on a user's
machine, but fail when ``CI`` is set, so a CI image that lost its browser does
not turn the suite silently green.
"""

from __future__ import annotations

import os
import shutil
import struct
from collections.abc import Iterator

import pytest

from tests.appserver import CHROMIUM, REPO, free_port, shared_browser, start_server, stop_server

SCREENSHOTS = REPO / "artifacts" / "screenshots"


def _unavailable(why: str) -> None:
    """Skip on a user's machine; fail in CI, where a missing browser is a broken image."""
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(f"browser tests cannot run in CI: {why}", pytrace=False)
    pytest.skip(why)


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """Base URL of a ``streamlit run`` server started for this test session."""
    port = free_port()
    proc = start_server(port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_server(proc)


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright (skips, or fails in CI, without it)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("playwright (python) is not installed")
    if not (os.path.isfile(CHROMIUM) or shutil.which(CHROMIUM)):
        _unavailable(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    return shared_browser()  # one for the whole run (tests/appserver.py)


FORMS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844},
         "wide": {"width": 1440, "height": 900}}


class Pages:
    """Opened app pages, one per (link, form), shared by the tests of a module.

    Loading the page costs seconds on a busy 2-core machine (most of it compiling
    plotly.js), so the tests that only read a page share it; a test that changes
    a page ``take``s it, so no later test sees its edits.  All pages live in one
    browser context: the first fills the HTTP and code caches, later ones reuse
    them.
    """

    def __init__(self, browser, base_url: str) -> None:
        self.browser, self.base_url = browser, base_url
        self.context = None
        self.pages: dict[tuple[str, str], object] = {}

    def open(self, url: str, form: str = "desktop"):
        if self.context is None:
            self.context = new_context(self.browser)
        pg = self.context.new_page()
        pg.set_viewport_size(FORMS[form])
        pg.set_default_timeout(30_000)
        pg.goto(url)
        wait_idle(pg)
        return pg

    def get(self, url: str, form: str = "desktop"):
        key = (url, form)
        if key not in self.pages:
            self.pages[key] = self.open(url, form)
        return self.pages[key]

    def take(self, url: str, form: str = "desktop"):
        """The page for ``url``, no longer shared: the caller may change it."""
        return self.pages.pop((url, form), None) or self.open(url, form)

    def close(self) -> None:
        if self.context is not None:
            self.context.close()


@pytest.fixture(scope="module")
def pages(browser, app_url) -> Iterator[Pages]:
    opened = Pages(browser, app_url)
    try:
        yield opened
    finally:
        opened.close()


# Every page records each exception box Streamlit shows, the moment it appears,
# so a traceback that a later run replaces still fails the test.
_WATCH_EXCEPTIONS = """
window.__stExceptions = [];
new MutationObserver(() => {
  for (const e of document.querySelectorAll("[data-testid='stException']")) {
    if (!e.__seen) { e.__seen = true; window.__stExceptions.push(e.innerText.slice(0, 500)); }
  }
}).observe(document, {childList: true, subtree: true});
"""


def new_context(browser, **kw):
    """A browser context whose pages record every exception box shown."""
    context = browser.new_context(device_scale_factor=1, **kw)
    context.add_init_script(_WATCH_EXCEPTIONS)
    return context


def exceptions_seen(context) -> list[str]:
    """Exception boxes shown on any page of ``context`` since the last call."""
    seen = []
    for pg in context.pages:
        seen += pg.evaluate("() => { const e = window.__stExceptions || [];"
                            " window.__stExceptions = []; return e; }")
    return seen


@pytest.fixture(autouse=True)
def no_exception_shown(request):
    """Fail any browser test during which the app showed an exception, at any point."""
    yield
    if "pages" in request.fixturenames:
        ctx = request.getfixturevalue("pages").context
        if ctx is not None:
            _fail_on(exceptions_seen(ctx))


def _fail_on(seen: list[str]) -> None:
    if seen:
        pytest.fail("the app showed an exception:\n" + "\n---\n".join(seen), pytrace=False)


@pytest.fixture
def fresh_context(browser) -> Iterator:
    """A context of its own (no shared cache or pages): a second browser, a reload.
    Fails the test if any of its pages showed an exception."""
    ctx = new_context(browser)
    try:
        yield ctx
        seen = exceptions_seen(ctx)
    finally:
        ctx.close()
    _fail_on(seen)


def wait_idle(pg, timeout: float = 20_000) -> None:
    """Wait until the app is mounted and no script run is in progress."""
    pg.wait_for_selector("[data-testid='stApp']", timeout=timeout)
    pg.wait_for_selector("[data-test-script-state='notRunning']", state="attached",
                         timeout=timeout)


METRIC = "[data-testid='stMetricValue']"


def metric_texts(pg) -> list[str]:
    return [v.strip() for v in pg.locator(METRIC).all_inner_texts()]


def wait_metric(pg, text: str) -> None:
    """Wait for a metric card reading ``text`` (skeletons come first on a cold server)."""
    pg.wait_for_function(
        "([s, t]) => [...document.querySelectorAll(s)].some(e => e.innerText.trim() === t)",
        arg=[METRIC, text],
    )


def settle_charts(pg) -> None:
    """Let every visible Plotly chart finish laying out at the current width."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        pg.wait_for_function(
            "() => [...document.querySelectorAll('.js-plotly-plot')]"
            ".filter(g => g.offsetParent !== null)"
            ".every(g => g._fullLayout && Math.abs(g._fullLayout.width - g.clientWidth) <= 2)",
            timeout=5_000,
        )
    except PlaywrightTimeout:
        pass  # a chart that never settles still gets photographed: a person looks at it
    pg.wait_for_timeout(200)  # and one paint


def serious_violations(pg) -> list[tuple[str, str, int]]:
    """axe-core's serious and critical violations on ``pg`` once it is idle
    and its charts are laid out: (rule, impact, how many nodes)."""
    axe = pytest.importorskip("axe_playwright_python.sync_playwright").Axe()
    wait_idle(pg)
    settle_charts(pg)
    violations = axe.run(pg).response["violations"]
    return [(v["id"], v["impact"], len(v["nodes"])) for v in violations
            if v["impact"] in ("serious", "critical")]


def chart_titles(pg) -> list[str]:
    """The titles of the Plotly charts on screen."""
    return [t.strip() for t in pg.locator(".js-plotly-plot .gtitle").all_text_contents()]


def check_layout(pg, width: int) -> None:
    """What a person would first notice: nothing runs off the side of the
    window, and every chart is drawn, titled and within the window."""
    overflow = pg.evaluate(
        "() => { const m = document.querySelector(\"[data-testid='stMain']\");"
        " return m.scrollWidth - m.clientWidth; }")
    assert overflow <= 1, f"the page is {overflow}px wider than a {width}px window"
    charts = pg.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot')]"
        ".filter(g => g.offsetParent !== null)"
        ".map(g => { const r = g.getBoundingClientRect();"
        " return [r.left, r.right, r.height, !!g.querySelector('.gtitle')]; })")
    for left, right, height, titled in charts:
        assert titled and height > 100, "a chart is missing its title or has no height"
        assert left >= 0 and right <= width + 1, f"a chart runs off the window: {left}..{right}"


def png_size(path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def save_full_screenshot(pg, name: str, form: str) -> None:
    """Save a full-length screenshot as ``artifacts/screenshots/<name>``.

    Streamlit scrolls inside its own container, so a full-page screenshot of the
    window would stop at the fold: the viewport is grown to the content's height.
    """
    width = FORMS[form]["width"]
    height = pg.evaluate(
        "() => { const m = document.querySelector(\"[data-testid='stMain']\")"
        " || document.scrollingElement; return Math.ceil(m.scrollHeight); }"
    )
    pg.set_viewport_size({"width": width, "height": min(max(height, 900), 8000)})
    wait_idle(pg)
    settle_charts(pg)
    check_layout(pg, width)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    path.unlink(missing_ok=True)
    pg.screenshot(path=str(path))
    assert path.stat().st_size > 20_000, f"{path} is suspiciously small"
    w, h = png_size(path)
    assert w == width and h >= 900, (path, w, h)
