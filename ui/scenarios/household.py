"""The household every page uses (issue 10): its link fields, the warning
thresholds a teacher may move, and the adapter to :mod:`calc.burden` and
:mod:`calc.warnings`.

It is a *part* of every page's schema (:attr:`ui.codec.Schema.parts`): entered
once, kept once for the session (:class:`ui.state.PartState`), carried in every
page's link.  Every field is ``sparse``: a link carries the household only
once it is entered, and a threshold only once it is moved from
``domain.md`` §3's figure (so a link that left the LPR alone follows the
current one).  An income of 0 means "not entered": no burden figures, and no
division by it.
"""

from __future__ import annotations

from collections.abc import Mapping

from calc.burden import LIMITS as BURDEN_LIMITS
from calc.burden import Household
from calc.warnings import THRESHOLD_LIMITS, Thresholds
from ui.codec import Field, Schema
from ui.scenarios import num, whole

__all__ = ["HOUSEHOLD", "THRESHOLD_FIELDS", "PCT_THRESHOLDS", "household", "thresholds",
           "has_income", "threshold_defaults"]

_DEFAULT = Thresholds()
_b = BURDEN_LIMITS
_w = THRESHOLD_LIMITS


def _pct(name: str, label: str) -> Field:
    lo, hi = _w[name]
    return Field("float", 100 * float(getattr(_DEFAULT, name)), 100 * lo, 100 * hi,
                 lo_open=True, sparse=True, label=label)


def _count(name: str, label: str) -> Field:
    lo, hi = _w[name]
    return Field("int", getattr(_DEFAULT, name), lo, hi, sparse=True, label=label)


#: Link field -> the :class:`~calc.warnings.Thresholds` field it sets; the
#: ones in :data:`PCT_THRESHOLDS` are entered in percent.
THRESHOLD_FIELDS = {
    "wp": "share_pressure", "wh": "share_high", "wl": "share_limit",
    "wm": "short_months", "ww": "short_window", "wr": "rate_line", "wlp": "lpr",
    "wld": "lpr_date", "wc": "stack_count", "wn": "stack_lenders", "wu": "unsecured_fraction",
}
PCT_THRESHOLDS = ("wp", "wh", "wl", "wr", "wlp", "wu")

HOUSEHOLD = Schema(page="hh", shared={
    # a month, take-home; 0: not entered
    "hi": Field("float", 0.0, *_b["income"], sparse=True, label="hh.income"),
    "he": Field("float", 0.0, *_b["essentials"], sparse=True, label="hh.essentials"),
    "hx": Field("float", 0.0, *_b["existing_payments"], sparse=True, label="hh.existing"),
    "wp": _pct("share_pressure", "th.share_pressure"),
    "wh": _pct("share_high", "th.share_high"),
    "wl": _pct("share_limit", "th.share_limit"),
    "wm": _count("short_months", "th.short_months"),
    "ww": _count("short_window", "th.short_window"),
    "wr": _pct("rate_line", "th.rate_line"),
    "wlp": _pct("lpr", "th.lpr"),
    "wld": Field("text", _DEFAULT.lpr_date, sparse=True, label="th.lpr_date"),
    "wc": _count("stack_count", "th.stack_count"),
    "wn": _count("stack_lenders", "th.stack_lenders"),
    "wu": _pct("unsecured_fraction", "th.unsecured_fraction"),
})


def threshold_defaults() -> dict[str, object]:
    """The threshold fields at ``domain.md`` §3's figures."""
    return {k: HOUSEHOLD.shared[k].default for k in THRESHOLD_FIELDS}


def has_income(hh: Mapping[str, object]) -> bool:
    """Whether an income is entered (above 0)."""
    return num(hh, "hi") > 0


def household(hh: Mapping[str, object]) -> Household:
    """The household as calc takes it: an income of 0 is none.  calc checks
    the numbers (:func:`calc.burden.check_household`)."""
    income = num(hh, "hi")
    return Household(income=income if income != 0 else None, essentials=num(hh, "he"),
                     existing_payments=num(hh, "hx"))


def thresholds(hh: Mapping[str, object]) -> Thresholds:
    """The thresholds as entered, percent → fraction; raises
    :class:`~calc.errors.InputError` on one out of its bounds."""
    values: dict[str, object] = {}
    for name, field in THRESHOLD_FIELDS.items():
        if name in PCT_THRESHOLDS:
            # the default exactly (100 × 1/3 / 100 is not 1/3), else as entered
            entered = num(hh, name)
            values[field] = (getattr(_DEFAULT, field) if entered == HOUSEHOLD.shared[name].default
                             else entered / 100)
        elif name == "wld":
            values[field] = str(hh[name])
        else:
            values[field] = whole(hh, name)
    return Thresholds(**values)  # type: ignore[arg-type]
