"""A live class in a real browser (issue 23): a teacher at a 1920 × 1080
projector and 30 phones at 390 px on a server of its own (its rooms in a
temporary SQLite file, ROOMS_DATABASE_URL).

The 30 phones are 30 pages in 5 browser contexts of 6: each page is its own
Streamlit session and its own student (the token is in its URL, not in a
cookie), and a context's pages share the HTTP cache, so 30 cold loads of the
frontend do not swamp a 2-core machine.  Any exception box on any page fails
the test (``new_context``'s watcher); axe-core checks the projector and a
phone for serious or critical violations.
"""

from __future__ import annotations

import os
import time

import pytest

from rooms.store import Store
from tests.appserver import free_port, start_server, stop_server
from tests.browser.conftest import (
    exceptions_seen,
    new_context,
    serious_violations,
    wait_idle,
)
from ui.codec import decode, encode, to_query
from ui.i18n import CATALOG
from ui.live import questions
from ui.scenarios.compare import COMPARE

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

PROJECTOR = {"width": 1920, "height": 1080}
PHONE = {"width": 390, "height": 844}
EN = CATALOG["en"]
CONTEXTS, PER_CONTEXT = 5, 6  # 30 phones


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """(base URL, the server's store): a server whose rooms are a file of this test's."""
    db = tmp_path_factory.mktemp("rooms") / "rooms.sqlite3"
    url = f"sqlite:///{db}"
    before = os.environ.get("ROOMS_DATABASE_URL")
    os.environ["ROOMS_DATABASE_URL"] = url  # the server inherits it
    try:
        port = free_port()
        proc = start_server(port)
    finally:
        if before is None:
            del os.environ["ROOMS_DATABASE_URL"]
        else:
            os.environ["ROOMS_DATABASE_URL"] = before
    store = Store(url)
    try:
        yield f"http://127.0.0.1:{port}", store
    finally:
        store.close()
        stop_server(proc)


def metric(pg, label: str):
    return pg.locator("[data-testid='stMetric']").filter(has_text=label).locator(
        "[data-testid='stMetricValue']")


def test_thirty_phones_on_the_projector_the_reveal_on_every_phone(browser, live):
    base, store = live
    room, key = store.open_room(questions("monthly_fee"), time.time())
    code = room.code
    teacher = new_context(browser, viewport=PROJECTOR)
    phones = [new_context(browser, viewport=PHONE) for _ in range(CONTEXTS)]
    try:
        proj = teacher.new_page()
        proj.set_default_timeout(60_000)
        proj.goto(f"{base}/live?room={code}&view=teacher&k={key}&lang=en")
        wait_idle(proj)
        # the key is read, then out of the address bar
        proj.wait_for_function("() => !location.search.includes('k=')")
        assert key not in proj.url
        proj.locator(".st-key-live-do-projector button").click()
        expect(proj.locator(".live-code")).to_have_text(f"{code[:3]}\u202f{code[3:]}")
        # the projector never shows the key: the teacher view's elements, the
        # teacher link among them, go when the projector's first run ends
        proj.wait_for_function("k => !document.body.innerHTML.includes(k)", arg=key,
                               timeout=10_000)

        pages = []
        for n in range(CONTEXTS * PER_CONTEXT):
            pg = phones[n % CONTEXTS].new_page()
            pg.set_default_timeout(60_000)
            pg.goto(f"{base}/live?room={code}&lang=en")
            pages.append(pg)
        # answer n of the class: 5.0% + 0.25 n, 5.00% .. 12.25%
        for n, pg in enumerate(pages):
            wait_idle(pg)
            field = pg.locator(".st-key-live-answer-0 input")
            field.fill(f"{5 + 0.25 * n:.2f}")
            pg.get_by_role("button", name=EN["live.send"]).click()
        for n, pg in enumerate(pages):
            expect(pg.get_by_text(f"{5 + 0.25 * n:.2f}%").first).to_be_visible()
        # all 30 counted on the projector, within its 1 s ticks
        expect(metric(proj, EN["live.joined"])).to_have_text("30")
        expect(metric(proj, EN["live.answered"])).to_have_text("30")
        assert store.counts(code, 0) == (30, 30)

        # the reveal reaches every phone, without a reload (the 2 s fragment)
        proj.locator(".st-key-live-do-reveal button").click()
        # the median of 5.00 .. 12.25 in steps of 0.25: (8.50 + 8.75) / 2 = 8.625 → 8.63%
        expect(proj.get_by_text("Class median: 8.63%").first).to_be_visible()
        answer = EN["live.answer_is"].format(value="13.03%").replace("**", "")
        for pg in pages:
            expect(pg.get_by_text(answer).first).to_be_visible()

        # a phone reloading comes back into its room, its answer kept
        pg = pages[7]
        before = pg.url
        assert "s=" in before
        pg.reload()
        wait_idle(pg)
        assert pg.url == before
        expect(pg.get_by_text(answer).first).to_be_visible()
        expect(pg.get_by_text(f"{5 + 0.25 * 7:.2f}%").first).to_be_visible()
        assert store.counts(code, 0) == (30, 30)  # the same student, not a 31st

        seen = exceptions_seen(teacher) + [e for c in phones for e in exceptions_seen(c)]
        assert not seen, seen
    finally:
        for ctx in (teacher, *phones):
            ctx.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_serious_or_critical_accessibility_violation(browser, live, lang):
    base, store = live
    room, key = store.open_room(questions("minimum_payment"), time.time())
    store.join(room.code, "a11y-student-1", time.time())
    store.submit(room.code, "a11y-student-1", "24", time.time())
    store.act(room.code, key, "reveal", time.time())
    found = {}
    for form, size, path in (
            ("projector", PROJECTOR, f"/live?room={room.code}&view=projector"),
            ("phone", PHONE, f"/live?room={room.code}&s=a11y-student-1"),
            ("phone", PHONE, "/live")):
        ctx = new_context(browser, viewport=size)
        try:
            pg = ctx.new_page()
            pg.set_default_timeout(30_000)
            pg.goto(f"{base}{path}&lang={lang}" if "?" in path else f"{base}{path}?lang={lang}")
            bad = serious_violations(pg)
            if bad:
                found[(form, path)] = bad
            assert not exceptions_seen(ctx)
        finally:
            ctx.close()
    assert not found, found


def test_a_class_started_from_the_comparisons_scenario(browser, live):
    """A teacher on the comparison page (¥1,200 in 12 installments at 0.5% a
    month) starts a class on its total cost from the sidebar, lands on the
    teacher view with the loopback warning (this server is 127.0.0.1), and a
    phone reads the question and the terms, not the answer, until the reveal."""
    base, store = live
    teacher = new_context(browser, viewport=PROJECTOR)
    phone = new_context(browser, viewport=PHONE)
    try:
        pg = teacher.new_page()
        pg.set_default_timeout(60_000)
        plan = {"pg": "cmp", "p": "1200", "np": "1", "ps1": "custom", "k1": "addon",
                "n1": "12", "fm1": "period", "f1": "0.5", "nm1": "Phone plan"}
        link = encode(COMPARE, decode(COMPARE, plan)[0], "en")  # whole: no notice to read
        pg.goto(f"{base}/?{to_query(link)}")  # the comparison is the app's main page
        wait_idle(pg)
        pg.get_by_role("button", name=EN["live.from.start"]).click()
        pg.locator(".st-key-live-from-cmp-cmp_cost-1 button").click()
        pg.wait_for_url("**/live?*view=teacher*")
        wait_idle(pg)
        expect(pg.locator(".st-key-live-do-reveal button")).to_be_visible()
        if "APP_PUBLIC_URL" not in os.environ:  # the server's address is 127.0.0.1
            head = EN["app.addr_loopback"].split("{host}")[0].replace("`", "").strip()
            expect(pg.locator("[data-testid='stAlert']").filter(
                has_text=head[:40]).first).to_be_visible()
        code = pg.url.split("room=", 1)[1][:6]
        room = store.room(code, time.time())
        assert room is not None and room.question.answer == 72.0  # 1,200 × 0.005 × 12
        ph = phone.new_page()
        ph.set_default_timeout(60_000)
        ph.goto(f"{base}/live?room={code}&lang=en")
        wait_idle(ph)
        expect(ph.get_by_text("¥106.00 a month", exact=False).first).to_be_visible()
        assert "¥72.00" not in ph.locator("[data-testid='stMain']").inner_text()
        assert not serious_violations(ph)
        pg.locator(".st-key-live-do-reveal button").click()
        expect(ph.get_by_text("¥72.00").first).to_be_visible()  # the 2 s tick, no reload
        expect(ph.get_by_text(EN["live.scenario_link"].split(":")[0]).first).to_be_visible()
        # the scenario's link opens the comparison on the scenario the room was made from
        href = ph.locator("a[href*='z=']").first.get_attribute("href")
        assert href and "lang=en" in href
        ph.goto(href)
        wait_idle(ph)
        expect(ph.get_by_text("Phone plan: ¥106.00 a month, ¥72.00 more").first).to_be_visible()
        seen = exceptions_seen(teacher) + exceptions_seen(phone)
        assert not seen, seen
    finally:
        teacher.close()
        phone.close()

