"""Catalogues: every key in both languages, same placeholders, every code covered."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from calc import cashline as cl
from calc.presets import CASH_LINE_PRESETS, INSTALLMENT_PRESETS
from calc.schedule import EARLY_RULES, FEE_MODES, FEE_TIMINGS, KINDS, RATE_UNITS
from ui.codec import Notice
from ui.i18n import CATALOG, error_text, notice_lines, placeholders, t

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*ROOT.glob("app_pages/*.py"), *ROOT.glob("ui/**/*.py"), ROOT / "streamlit_app.py"]


def test_same_keys_in_both_languages():
    zh, en = set(CATALOG["zh"]), set(CATALOG["en"])
    assert zh - en == set(), "missing in English"
    assert en - zh == set(), "missing in Chinese"


@pytest.mark.parametrize("key", sorted(CATALOG["en"]))
def test_same_placeholders(key):
    assert placeholders(CATALOG["zh"][key]) == placeholders(CATALOG["en"][key])
    assert CATALOG["zh"][key].strip() and CATALOG["en"][key].strip()


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
        for lang in ("zh", "en"):
            key = f"{prefix}_{code}" if prefix == "cash.stop" else f"{prefix}.{code}"
            assert key in CATALOG[lang], (lang, key)


def test_missing_key_is_visible_not_silent():
    assert t("no.such_key", "en") == "⟦no.such_key⟧"


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
