"""Catalogues: every key in every language found, same placeholders, every code
covered; a missing key visible in tests and borne gracefully for users."""

from __future__ import annotations

import ast
import logging
import re
import shutil
from pathlib import Path

import pytest

import ui.i18n
from calc import cashline as cl
from calc.presets import CASH_LINE_PRESETS, INSTALLMENT_PRESETS
from calc.schedule import EARLY_RULES, FEE_MODES, FEE_TIMINGS, KINDS, RATE_UNITS
from ui.catalogs import LOCALE_DIR, find, load, problems, read
from ui.codec import LANGS, Notice, decode
from ui.i18n import CATALOG, error_text, language_name, notice_lines, t

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*ROOT.glob("app_pages/*.py"), *ROOT.glob("ui/**/*.py"), ROOT / "streamlit_app.py"]


# ----------------------------------------------------------------------------- the catalogues


def test_every_language_found_is_loaded_chinese_then_english_first():
    assert LANGS[:2] == ("zh", "en")
    assert tuple(CATALOG) == LANGS == tuple(find())
    assert all(find()[lang].is_relative_to(LOCALE_DIR) for lang in LANGS)


def test_every_language_has_every_key_of_every_other_with_the_same_placeholders():
    """The translators' check, over every language ``locale/`` holds: a third
    language's catalogue is checked as soon as its folder is there."""
    assert problems(CATALOG) == []
    assert len(CATALOG["en"]) > 800  # the whole app's text, not a stub


@pytest.mark.parametrize("lang", LANGS)
def test_each_file_says_its_language_and_is_utf8(lang):
    from babel.messages.pofile import read_po

    with find()[lang].open("rb") as f:
        catalog = read_po(f)
    assert catalog.locale_identifier == lang and catalog.charset.lower() == "utf-8"
    assert not catalog.obsolete


def test_the_language_switch_names_each_language_in_its_own_words():
    assert [language_name(c) for c in ("zh", "en")] == ["中文", "English"]
    names = [language_name(c) for c in LANGS]
    assert len(set(names)) == len(names) and all(n.strip() for n in names)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_old_links_keep_their_language(lang):
    from ui.scenarios.compare import COMPARE

    _, got, notices = decode(COMPARE, {"lang": lang})
    assert got == lang and notices == []
    _, got, notices = decode(COMPARE, {"lang": "xx"})  # no such catalogue: named, not taken
    assert got is None and notices == [Notice("bad_value", "lang", "xx")]


def _po(path: Path, language: str, entries: dict[str, str], fuzzy: tuple[str, ...] = ()) -> Path:
    """A catalogue file written as a translator's tool writes one (Babel's writer)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    catalog = Catalog(locale=language, fuzzy=False)
    for key, text in entries.items():
        catalog.add(key, text, flags=("fuzzy",) if key in fuzzy else ())
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        write_po(f, catalog)
    return path


def test_the_checker_names_a_third_languages_missing_key_and_renamed_placeholder(tmp_path):
    """A French catalogue copied from the English one, one key dropped and one
    placeholder renamed, beside today's two: both faults are reported, nothing else."""
    root = tmp_path / "locale"
    for lang in ("zh", "en"):
        (root / lang / "LC_MESSAGES").mkdir(parents=True)
        shutil.copy(find()[lang], root / lang / "LC_MESSAGES" / "messages.po")
    fr = dict(CATALOG["en"])
    del fr["cmp.price"]
    assert CATALOG["en"]["cmp.plan_n"] == "Plan {n}"
    fr["cmp.plan_n"] = "Offre {num}"
    _po(root / "fr" / "LC_MESSAGES" / "messages.po", "fr", fr)
    found = load(root)
    assert tuple(found) == ("zh", "en", "fr")
    assert problems(found) == [
        "fr: 'cmp.price' is missing or untranslated",
        "fr: 'cmp.plan_n' has {num}, zh has {n}",
    ]


def test_the_checker_names_a_blank_text_and_a_stray_brace():
    assert problems({"zh": {"a": "一", "b": "{n} 个"}, "en": {"a": " ", "b": "{n of them"}}) == [
        "en: 'a' is blank",
        "en: 'b' is not a valid format string (expected '}' before end of string)",
    ]


def test_languages_are_found_by_folder_chinese_and_english_first(tmp_path):
    for lang in ("de", "fr", "en", "zh"):
        _po(tmp_path / lang / "LC_MESSAGES" / "messages.po", lang, {"lang.name": lang})
    (tmp_path / "notes").mkdir()  # a folder without a catalogue is no language
    assert tuple(find(tmp_path)) == ("zh", "en", "de", "fr")


def test_an_untranslated_or_fuzzy_entry_counts_as_missing_and_escapes_survive(tmp_path):
    """gettext's conventions: an empty msgstr is not translated yet, a fuzzy one
    is not used; quotes, backslashes and newlines come back as written."""
    path = tmp_path / "messages.po"
    path.write_text(r'''msgid ""
msgstr ""
"Language: fr\n"
"Content-Type: text/plain; charset=UTF-8\n"

msgid "a"
msgstr ""

#, fuzzy
msgid "b"
msgstr "peut-être"

#. a translator comment
msgid "c"
msgstr ""
"**deux**\n"
"lignes, \"{n}\" et \\"
''', encoding="utf-8")
    assert read(path) == {"c": '**deux**\nlignes, "{n}" et \\'}
    assert problems({"en": {"a": "A", "b": "B", "c": "{n}"}, "fr": read(path)}) == [
        "fr: 'a' is missing or untranslated", "fr: 'b' is missing or untranslated"]


# ----------------------------------------------------------------------------- a missing key


def test_a_missing_key_is_visible_in_tests(monkeypatch):
    """conftest.py sets I18N_STRICT: no fallback, the key in brackets."""
    assert ui.i18n.STRICT_ENV == "I18N_STRICT" and ui.i18n._strict()
    assert t("no.such_key", "en") == "⟦no.such_key⟧"
    monkeypatch.delitem(CATALOG["en"], "cmp.plan_n")  # Chinese still has it
    assert t("cmp.plan_n", "en", n=2) == "⟦cmp.plan_n⟧"


def test_a_missing_key_falls_back_gracefully_for_users_logged_once(monkeypatch, caplog):
    monkeypatch.delenv("I18N_STRICT")
    monkeypatch.setattr(ui.i18n, "_LOGGED", set())
    monkeypatch.delitem(CATALOG["en"], "cmp.plan_n")
    caplog.set_level(logging.WARNING, logger="ui.i18n")
    # the Chinese text "方案 {n}" formatted with n=2
    assert CATALOG["zh"]["cmp.plan_n"] == "方案 {n}"
    assert [t("cmp.plan_n", "en", n=2) for _ in range(3)] == ["方案 2"] * 3
    assert [r.getMessage() for r in caplog.records] == [
        "catalogue 'en' lacks 'cmp.plan_n'; shown in another language"]
    # Chinese lacking a key shows the English ("Plan {n}"); a third language
    # also English first
    monkeypatch.delitem(CATALOG["zh"], "cmp.editing")
    assert t("cmp.editing", "zh") == CATALOG["en"]["cmp.editing"] == "Edit plan"
    monkeypatch.setitem(CATALOG, "fr", {})
    assert t("cmp.price", "fr") == CATALOG["en"]["cmp.price"]
    # a key no language has: the key itself, gettext's untranslated msgid, logged once
    assert t("no.such_key", "zh", n=1) == t("no.such_key", "en") == "no.such_key"
    assert len(caplog.records) == 4
    assert caplog.records[-1].getMessage() == "catalogue 'zh' lacks 'no.such_key'; shown as the key"


KEY = re.compile(r"[a-z_]+(?:\.[a-z0-9_]+)+")


def literal_keys(path: Path, prefixes: set[str]) -> set[str]:
    """Every whole string literal in ``path`` shaped like a catalogue key
    (``cmp.price``, ``cash.flag.no_rate``) whose first part is a catalogue
    prefix, wherever it is passed: ``t(...)``, a widget's label, a column."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    in_fstrings = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
                   for part in node.values}
    return {
        node.value for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in in_fstrings and KEY.fullmatch(node.value)
        and node.value.split(".", 1)[0] in prefixes
    }


def test_every_literal_key_in_the_code_exists():
    prefixes = {k.split(".", 1)[0] for k in CATALOG["en"]}
    used = set().union(*(literal_keys(path, prefixes) for path in SOURCES))
    assert {"cmp.price", "cash.col.month", "formula.apr"} <= used, "the scan is out of date"
    families = {k.rsplit(".", 1)[0] for k in CATALOG["en"]}  # labels("chart.tab") and the like
    assert used - set(CATALOG["en"]) - families == set()


@pytest.mark.parametrize(
    "prefix, codes",
    [
        ("kind", KINDS),
        ("timing", FEE_TIMINGS),
        ("unit", RATE_UNITS),
        ("rule", EARLY_RULES),
        ("fee_mode", FEE_MODES),
        ("preset", tuple(INSTALLMENT_PRESETS)),
        ("err", ("not_a_number", "not_integer", "unknown_code", "range", "range_min_open",
                 "range_max_open", "not_a_loan", "no_rate")),
        ("notice", ("bad_value", "out_of_range", "unknown_param", "missing", "bad_version")),
        ("method", cl.METHODS),
        ("pay_rule", cl.PAY_RULES),
        ("min_rule", cl.MIN_RULES),
        ("compounding", cl.COMPOUNDING),
        ("cash.unpaid", ("stalled", "debt_cap", "horizon")),
        ("cash.flag", cl.FLAGS),
        ("cash.stop", cl.ROLLOVER_STOPS),
        ("preset", tuple(CASH_LINE_PRESETS)),
        ("err", ("not_applicable",)),
    ],
)
def test_every_code_has_a_label(prefix, codes):
    for code in codes:
        for lang in LANGS:
            key = f"{prefix}_{code}" if prefix == "cash.stop" else f"{prefix}.{code}"
            assert key in CATALOG[lang], (lang, key)


def test_error_text_uses_field_units():
    from calc.errors import InputError

    err = InputError("out_of_range", field="fee_rate", min=0.0, max=0.1, got=0.125)
    assert error_text(err, "en") == (
        "The fee per installment must be between 0.00% and 10.00% (it is 12.50%)."
    )
    err = InputError("out_of_range", field="price", min=0.0, max=1e8, min_open=True, got=-5)
    assert "−¥5.00" in error_text(err, "zh") and "¥100,000,000.00" in error_text(err, "zh")


def test_notice_lines_escape_link_text():
    lines = notice_lines([Notice("unknown_param", "<b>x</b>", "<script>alert(1)</script>")],
                         "en")
    assert "<script>" not in lines[0] and "\\<script\\>" in lines[0]


# What Chinese prose may keep in ASCII: placeholders ({name}, Plotly's %{y:,.2f}),
# numbers (3,999), and parentheses around ASCII-only maths ((1+i)^12).
_KEPT = re.compile(r"%\{[^}]*\}|\{[^}]*\}|\d,\d|\([0-9a-zA-Z+\-×^/=. ]*\)")


@pytest.mark.parametrize("key", sorted(CATALOG["zh"]))
def test_chinese_uses_full_width_punctuation(key):
    prose = _KEPT.sub("", CATALOG["zh"][key])
    assert not re.search(r"[:;?,()]", prose), f"ASCII punctuation in {prose!r}: use ：；？，（）"


def test_notices_name_missing_values_in_words():
    from ui.scenarios.compare import COMPARE

    lines = notice_lines([Notice("missing", n) for n in ("p", "f2", "zz")], "en", COMPARE)
    assert lines == ["Price (¥), Fee (Plan 2), zz missing; defaults used"]
    many = notice_lines([Notice("missing", n) for n in COMPARE.names(COMPARE.defaults())],
                        "zh", COMPARE)
    assert "商品价格（元）" in many[0] and "等" in many[0]
