"""Sharing a scenario (issue 11): the short link (``ui.codec.shorten`` /
``expand``), the QR code (``ui.share``), and short links opened in the app."""

from __future__ import annotations

import base64
import io
import zlib

import pytest
import segno
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from pagetest import all_text, assert_clean, run
from PIL import Image

from ui.codec import MAX_EXPANDED, READABLE, ZDICT, Notice, encode, expand, shorten, to_query
from ui.i18n import CATALOG
from ui.scenarios import budget as bs
from ui.scenarios import cashline as cash
from ui.scenarios import compare as cmp
from ui.share import QUIET_ZONE, SHOWN_PX, Links, fit_scale, qr_png

#: A host and path as long as a Community Cloud app's.
BASE = "https://installment-clarity.streamlit.app/budget"
SCHEMAS = (cmp.COMPARE, cash.CASH, bs.BUDGET)


def budget_of_three() -> dict[str, str]:
    """A budget link holding two plans and a whole cash line as nested terms."""
    scn = bs.BUDGET.defaults()
    bs.add(scn, bs.plan_link(cmp.COMPARE.defaults(), 1))
    bs.add(scn, bs.plan_link(cmp.COMPARE.defaults(), 2))
    bs.add(scn, bs.cash_link(cash.CASH.defaults()))
    return encode(bs.BUDGET, scn, "zh")


def longest_budget() -> dict[str, str]:
    """The longest budget link the app writes: eight obligations, half of them
    whole cash lines with every draw, every name forty Chinese characters,
    long floats, the household and thresholds changed."""
    line = cash.CASH.defaults()
    for g in cash.CASH.groups:
        line[g.count] = g.most
        for i in range(1, g.most + 1):
            line.update(g.item_default(i))
    plans = cmp.COMPARE.defaults()
    plans["nm1"] = "花" * 40
    for scn in (line, plans):
        for k, v in scn.items():
            if isinstance(v, float):
                scn[k] = v + 0.1 + 0.2  # 17 significant digits
    budget = bs.BUDGET.defaults()
    for i in range(1, bs.MAX_OBLIGATIONS + 1):
        bs.add(budget, bs.cash_link(line) if i % 2 else bs.plan_link(plans, 1))
        budget[f"bn{i}"] = "房" * 40
    budget.update(hi=12345.67, he=2345.67, hx=345.67, wp=20.5, wld="2026-01-20")
    return encode(bs.BUDGET, budget, "zh")


def read_qr(png: bytes) -> zxingcpp.Barcode:
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------ the QR code


@pytest.mark.parametrize("which", ["short", "long"])
def test_the_qr_code_reads_back_to_the_exact_link(which):
    params = budget_of_three()
    short = f"{BASE}?{to_query(shorten(params))}"
    full = f"{BASE}?{to_query(params)}"
    assert len(full) > 700 and len(short) < 150  # what the short link is for
    url = short if which == "short" else full
    png = qr_png(url)
    code = read_qr(png)
    assert code.format == zxingcpp.BarcodeFormat.QRCode
    assert code.bytes == url.encode("ascii") and code.text == url
    assert code.ec_level in ("M", "Q", "H")  # M at least (segno may raise it for free)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("schema", SCHEMAS, ids=lambda s: s.page)
def test_the_qr_code_has_its_quiet_zone_and_is_shown_at_its_own_size(schema, lang):
    url = f"{BASE}?{to_query(shorten(encode(schema, schema.defaults(), lang)))}"
    img = Image.open(io.BytesIO(qr_png(url))).convert("L")
    modules = segno.make(url, error="m", micro=False).symbol_size(scale=1, border=QUIET_ZONE)[0]
    scale = fit_scale(modules)
    assert img.size == (modules * scale, modules * scale)
    # about 40% of a 1080-pixel projection: never enlarged, and it fits the screen
    assert SHOWN_PX <= img.width < SHOWN_PX + scale * 2
    band = QUIET_ZONE * scale
    for box in ((0, 0, img.width, band), (0, img.height - band, img.width, img.height),
                (0, 0, band, img.height), (img.width - band, 0, img.width, img.height)):
        assert img.crop(box).getextrema() == (255, 255)  # all light
    assert img.getextrema() == (0, 255)  # black on white, no grey


def test_the_short_link_makes_a_much_smaller_symbol():
    """Fewer modules in the same 432 pixels: larger ones, read from further."""
    for params in (encode(cmp.COMPARE, cmp.COMPARE.defaults(), "zh"), budget_of_three()):
        full = segno.make(f"{BASE}?{to_query(params)}", error="m", micro=False)
        short = segno.make(f"{BASE}?{to_query(shorten(params))}", error="m", micro=False)
        assert short.version <= 8 and full.version >= 14


def test_the_qr_holds_the_shorter_link():
    assert Links("https://a/?v=1", None).for_qr == "https://a/?v=1"
    assert Links("https://a/?v=1&pg=cmp", "https://a/?z=x").for_qr == "https://a/?z=x"


# ------------------------------------------------------------------ short links


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("schema", SCHEMAS, ids=lambda s: s.page)
def test_every_pages_default_link_round_trips(schema, lang):
    params = encode(schema, schema.defaults(), lang)
    short = shorten(params)
    assert set(short) == {"lang", "z"} and short["lang"] == lang
    if schema is not bs.BUDGET:  # an empty budget's full link is 23 characters: kept
        assert len(to_query(short)) < len(to_query(params)) / 5
    assert expand(short) == (params, [])


def test_nested_and_the_longest_links_round_trip_under_the_cap():
    for params in (budget_of_three(), longest_budget()):
        assert expand(shorten(params)) == (params, [])
    # room to grow: the comparison's per-plan fee-entry and discount fields (issue 19)
    # took the longest budget from about 9,800 to 9,871 characters of the 16,384
    assert len(to_query(longest_budget())) < MAX_EXPANDED * 0.65


def test_a_query_over_the_cap_is_not_shortened():
    params = {"v": "1", "x": "a" * MAX_EXPANDED}
    assert shorten(params) == params


def test_a_link_with_its_own_z_cannot_be_shortened():
    with pytest.raises(ValueError):
        shorten({"z": "1"})


def test_no_page_has_a_parameter_named_z():
    for schema in SCHEMAS:
        defaults = schema.defaults()
        for name in ("z", *READABLE[1:]):
            assert schema.locate(name) is None
            assert name not in encode(schema, defaults, "zh")


def test_the_dictionary_is_frozen():
    # Every short link shared names this dictionary: changing a byte makes
    # them all unreadable. Add a new one to ui.codec._ZDICTS instead.
    assert zlib.adler32(ZDICT) == 0xA2D21627 and len(ZDICT) == 1642


def test_a_short_link_made_without_the_dictionary_reads_too():
    z = base64.urlsafe_b64encode(zlib.compress(b"v=1&pg=cash&L=5000")).decode().rstrip("=")
    assert expand({"z": z}) == ({"v": "1", "pg": "cash", "L": "5000"}, [])


def test_a_parameter_beside_z_wins_and_keeps_its_place():
    short = shorten({"v": "1", "lang": "zh", "pg": "cmp", "p": "3999"})
    got, notices = expand({"lang": "en", "p": "5000", "z": short["z"], "mode": "class"})
    assert notices == []
    assert list(got.items()) == [("lang", "en"), ("p", "5000"), ("v", "1"), ("pg", "cmp"),
                                 ("mode", "class")]


_TEXT = st.text(st.characters(codec="utf-8"), max_size=12)


@settings(max_examples=300, deadline=None)
@given(params=st.dictionaries(_TEXT.filter(lambda k: k != "z"), _TEXT, max_size=12))
def test_any_params_round_trip(params):
    short = shorten(params)
    assert set(short) <= {"z", *READABLE}
    assert expand(short) == (params, [])


# A ``z`` the app did not make: each gives one notice naming it, never an exception.
_BOMB = base64.urlsafe_b64encode(zlib.compress(b"a=" + b"b" * 10**7, 9)).decode()
_UNKNOWN_DICT = zlib.compressobj(9, zlib.DEFLATED, 15, 9, zlib.Z_DEFAULT_STRATEGY, b"other dict")
BAD_Z = {
    "empty": "",
    "garbage": "<script>alert(1)</script>",
    "not base64url": "abc+/def",
    "impossible length": "abcde",
    "base64 of garbage": base64.urlsafe_b64encode(b"\x00\xffnot zlib at all").decode(),
    "truncated": shorten({"v": "1", "pg": "cmp", "p": "3999"})["z"][:-3],
    "trailing data": base64.urlsafe_b64encode(zlib.compress(b"v=1") + b"xx").decode(),
    "not ascii inside": base64.urlsafe_b64encode(zlib.compress("p=花".encode())).decode(),
    "bad percent escape": base64.urlsafe_b64encode(zlib.compress(b"nm1=%E8%8A")).decode(),
    "too many fields": base64.urlsafe_b64encode(zlib.compress(b"&a=1" * 1001)).decode(),
    "unknown dictionary": base64.urlsafe_b64encode(
        _UNKNOWN_DICT.compress(b"v=1") + _UNKNOWN_DICT.flush()).decode(),
    "zip bomb over the cap": _BOMB,
    "too long to read": "A" * (4 * MAX_EXPANDED),
}


def test_the_zip_bomb_is_small_enough_to_be_inflated():
    assert len(_BOMB) < 2 * MAX_EXPANDED  # reaches decompression, refused at the cap


@pytest.mark.parametrize("raw", BAD_Z.values(), ids=BAD_Z.keys())
def test_a_bad_z_is_named_and_the_rest_used(raw):
    got, notices = expand({"lang": "en", "z": raw, "p": "3999"})
    assert got == {"lang": "en", "p": "3999"}
    assert notices == [Notice("bad_value", "z", raw[:100])]


# ------------------------------------------------------------------ in the app


def _compare_link() -> dict[str, str]:
    scn = cmp.COMPARE.defaults()
    scn.update(p=5678.0, ps1="huabei_6", n1=6, f1=4.5, nm2="妈妈的卡")
    return encode(cmp.COMPARE, scn, "en")


def _address(at) -> dict[str, str]:
    return {k: v[-1] if isinstance(v, list) else v for k, v in at.query_params.items()}


def test_a_short_comparison_link_opens_its_scenario():
    params = _compare_link()
    at = run(shorten(params))
    assert_clean(at)
    assert at.number_input(key="cmp-p").value == 5678.0
    assert at.session_state["cmp:scenario"]["nm2"] == "妈妈的卡"
    assert at.session_state["app:lang"] == "en"
    assert _address(at) == params  # the address bar shows the full link
    assert not at.warning


def test_a_short_cash_line_link_opens_the_cash_page():
    scn = cash.CASH.defaults()
    scn.update(L=30000.0, a1=8000.0, m="equal_principal")
    params = encode(cash.CASH, scn, "zh")
    at = run(shorten(params))  # opened on the default page: routed by its pg
    assert_clean(at)
    assert at.number_input(key="cash-a1").value == 8000.0
    assert at.session_state["cash:scenario"]["m"] == "equal_principal"
    assert _address(at) == params


def test_a_language_beside_z_wins():
    at = run({**shorten(_compare_link()), "lang": "zh"})
    assert at.session_state["app:lang"] == "zh"
    assert at.number_input(key="cmp-p").value == 5678.0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_bad_z_is_named_once_and_the_page_opens(lang):
    at = run({"lang": lang, "z": "notalink"})
    assert_clean(at)
    assert at.number_input(key="cmp-p").value == cmp.COMPARE.defaults()["p"]
    text = all_text(at)
    assert CATALOG[lang]["notice.title"] in text and "notalink" in text
    at.number_input(key="cmp-p").set_value(4999.0).run()
    at.switch_page("app_pages/cashline.py").run()
    assert "notalink" not in all_text(at)  # reported once, to the first page
    assert "z" not in _address(at)


def test_the_popover_shows_both_links_and_a_qr_of_the_short_one():
    at = run(shorten(_compare_link()))
    assert not at.sidebar.get("code")  # nothing made while the popover is closed
    at.session_state["app-share"] = True  # the reader opens it
    at.run()
    full, short = (c.value for c in at.sidebar.get("code"))
    assert full.endswith("?" + to_query(_compare_link()))
    assert "z=" in short and len(short) < len(full)
    image = at.sidebar.get("image")[0]
    src = image.proto.imgs[0].url
    assert src.startswith("data:image/png;base64,")
    assert read_qr(base64.b64decode(src.split(",", 1)[1])).text == short
    assert image.proto.imgs[0].caption == CATALOG["en"]["app.share_qr"]


def _distinct_name(i: int) -> str:
    """Forty Chinese characters that no dictionary or repeat compresses."""
    return "".join(chr(0x4E00 + (i * 7919 + k * 104729) % 20000) for k in range(40))


def test_a_link_too_long_for_a_qr_code_says_so_and_offers_the_link():
    # a budget of eight plans, each named in forty characters of its own, and
    # each obligation too: the short link is about 3,600 characters, past the
    # 2,331 bytes a QR code holds at level M (version 40, ISO/IEC 18004 Table 7);
    # the old code raised segno's DataOverflowError in the share box
    scn = bs.BUDGET.defaults()
    for i in range(1, bs.MAX_OBLIGATIONS + 1):
        plans = cmp.COMPARE.defaults()
        plans["nm1"] = _distinct_name(100 + i)
        bs.add(scn, bs.plan_link(plans, 1))
        scn[f"bn{i}"] = _distinct_name(i)
    params = encode(bs.BUDGET, scn, "en")
    assert len(to_query(shorten(params))) > 2331
    at = run(shorten(params), page="app_pages/budget.py")
    at.session_state["app-share"] = True
    at.run()
    assert_clean(at)
    assert not at.sidebar.get("image")
    full, short, again = (c.value for c in at.sidebar.get("code"))
    assert again == short  # the link to send, in the QR's tab
    message = CATALOG["en"]["app.share_qr_too_long"].format(n=f"{len(short):,}", max="2,331")
    assert message in [i.value for i in at.sidebar.info]


def test_the_longest_qr_link_still_makes_a_code():
    url = "https://a.example/?" + "z" * (2331 - len("https://a.example/?"))
    assert len(url) == 2331 and read_qr(qr_png(url)).text == url
