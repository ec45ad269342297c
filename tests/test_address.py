"""The address shared links start with (issue 21): a public address set in
``APP_PUBLIC_URL`` is used for every student link, QR code and share link; a
loopback address (what ``streamlit run`` opens locally) is warned about, in
both languages; a malformed setting is refused with a message."""

from __future__ import annotations

import pytest
from pagetest import assert_clean
from streamlit.testing.v1 import AppTest

from tests.pagetest import APP
from ui.address import ENV, is_loopback, parse_public, resolve
from ui.i18n import CATALOG

LESSONS_PAGE = "app_pages/lessons.py"
LOCAL = "http://127.0.0.1:8631/lessons"


@pytest.mark.parametrize("host", ["127.0.0.1", "127.255.0.9", "::1", "[::1]", "localhost",
                                  "LOCALHOST.", "class.localhost", "0.0.0.0"])
def test_loopback_hosts(host):
    # 127.0.0.0/8 and ::1 are loopback (RFC 1122, RFC 4291), localhost and
    # *.localhost resolve there (RFC 6761); 0.0.0.0 is a listening address
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["192.168.1.20", "10.0.0.5", "128.0.0.1", "example.org",
                                  "localhost.example.org", "2001:db8::1"])
def test_hosts_other_devices_reach(host):
    assert not is_loopback(host)


@pytest.mark.parametrize("raw,reason", [
    ("192.168.1.20:8501", "scheme"), ("ftp://example.org", "scheme"), ("example.org", "scheme"),
    ("http://", "host"), ("https://user:pw@example.org", "host"),
    ("http://example.org:99999", "port"), ("http://example.org:0", "port"),
    ("http://example.org:x", "port"), ("https://example.org/?lesson=1", "query"),
    ("https://example.org/#top", "query"), ("https://exa mple.org", "space"),
    ("https://example.org/" + "a" * 600, "length"),
])
def test_a_malformed_setting_is_refused_with_its_reason(raw, reason):
    with pytest.raises(ValueError, match=reason):
        parse_public(raw)
    base = resolve({ENV: raw}, LOCAL)
    # refused: the browser's address stays, and the page says why
    assert (base.problem, base.reason, base.url, base.public) == ("bad_setting", reason, LOCAL,
                                                                   False)


def test_the_setting_is_used_and_the_browsers_loopback_is_not_warned_about():
    base = resolve({ENV: " http://192.168.1.20:8501/ "}, LOCAL)
    assert (base.url, base.public, base.problem) == ("http://192.168.1.20:8501", True, None)
    assert resolve({}, LOCAL).problem == "loopback"
    assert resolve({}, "https://class.example.org/x").problem is None
    assert resolve({ENV: "http://localhost:8501"}, LOCAL).problem == "loopback"  # set, but local
    assert resolve({ENV: "   "}, LOCAL).problem == "loopback"  # blank: not set


def lessons_page(lang: str, url: str = LOCAL) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(LESSONS_PAGE)
    at.context = {"url": url}
    at.query_params["lang"] = lang
    return at.run()


def links_on(at: AppTest) -> list[str]:
    import re

    text = "\n".join(m.value for m in at.markdown)
    return re.findall(r"(https?://\S+?\?lang=\w+&lesson=\w+&mode=student)", text)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_loopback_address_is_warned_about(lang, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    at = lessons_page(lang)
    assert_clean(at)
    warned = [w.value for w in at.warning
              if CATALOG[lang]["app.addr_loopback"].split("{host}")[0] in w.value]
    assert len(warned) == 1 and "127.0.0.1" in warned[0] and ENV in warned[0]
    assert links_on(at) and all(u.startswith("http://127.0.0.1:8631/") for u in links_on(at))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_public_address_is_used_for_every_student_link(lang, monkeypatch):
    monkeypatch.setenv(ENV, "https://class.example.org/fenqi/")
    at = lessons_page(lang)
    assert_clean(at)
    assert not at.warning
    found = links_on(at)
    assert len(found) == 7  # one per lesson
    assert all(u.startswith("https://class.example.org/fenqi/?lang=") for u in found)
    # the projector's lesson card: its QR code's link (shown beside it) too
    at = AppTest.from_file(APP, default_timeout=60)
    at.context = {"url": "http://127.0.0.1:8631/"}
    for k, v in {"lesson": "monthly_fee", "mode": "class", "lang": lang}.items():
        at.query_params[k] = v
    at.run()
    assert_clean(at)
    shown = [m.value for m in at.markdown if m.value.startswith("`http")]
    assert shown and shown[0].startswith("`https://class.example.org/fenqi/?")
    assert not at.warning


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_malformed_setting_is_named_on_the_page(lang, monkeypatch):
    monkeypatch.setenv(ENV, "192.168.1.20:8501")
    at = lessons_page(lang)
    assert_clean(at)
    said = " ".join(w.value for w in at.warning)
    assert "192.168.1.20:8501" in said and ENV in said
    assert CATALOG[lang]["app.addr_why.scheme"] in said
    assert all(u.startswith("http://127.0.0.1:8631/") for u in links_on(at))  # not used
