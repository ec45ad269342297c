"""Number formatting and escaping for display (same in both languages)."""

from __future__ import annotations

import html
import math
import re

from calc.money import basis_points

__all__ = ["NO_VALUE", "yuan", "pct", "md_escape", "plot_escape"]

#: Shown where a plan has no value (it could not be computed, or never pays off).
NO_VALUE = "—"


def yuan(amount: float, decimals: int = 2) -> str:
    """¥ with thousands separators and ``decimals`` places (0 for chart
    axes); minus sign in front.

    >>> yuan(10000), yuan(-1234.5), yuan(0.004)
    ('¥10,000.00', '−¥1,234.50', '¥0.00')
    >>> yuan(2000, 0), yuan(-500, 0)
    ('¥2,000', '−¥500')
    """
    text = f"{abs(amount):,.{decimals}f}"
    return f"−¥{text}" if amount < 0 and text.strip("0.") else f"¥{text}"


def pct(rate: float) -> str:
    """A fraction as a percentage with two decimals, rounded half away from
    zero in whole basis points (:func:`calc.money.basis_points`), the same
    figure every warning's line is compared on (Python's ``%.2f`` would
    round 55.005% to even, 55.00%).

    A rate past any float (calc's ``inf``, :func:`calc.rates.effective_annual`
    of ¥11 repaid a day after ¥1) reads ∞.

    >>> pct(0.130342), pct(-0.1), pct(0.55005), pct(0.36005), pct(-0.00004)
    ('13.03%', '−10.00%', '55.01%', '36.01%', '0.00%')
    >>> pct(math.inf)
    '∞%'
    """
    if math.isinf(rate):
        return "∞%" if rate > 0 else "−∞%"
    if not math.isfinite(rate) or abs(rate) > 1e12:  # no basis points to count
        text = f"{abs(rate) * 100:.2f}%"
        return f"−{text}" if rate < 0 and text != "0.00%" else text
    bp = basis_points(rate)
    text = f"{abs(bp) // 100}.{abs(bp) % 100:02d}%"
    return f"−{text}" if bp < 0 else text


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&:])")


def md_escape(text: object) -> str:
    """Text from a link or an input, safe inside Streamlit markdown: every
    markdown or HTML character is backslash-escaped and newlines are spaces.

    >>> md_escape("<script>alert(1)</script>")
    '\\\\<script\\\\>alert\\\\(1\\\\)\\\\</script\\\\>'
    """
    flat = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", flat)


def plot_escape(text: object) -> str:
    """Text for Plotly labels, which render a subset of HTML (<b>, <a href>)."""
    return html.escape(str(text), quote=True)
