"""Checks that turn bad input into :class:`~calc.errors.InputError` values."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import SupportsFloat, SupportsIndex

from calc.errors import InputError

__all__ = ["number", "integer", "code"]


def number(
    field: str,
    value: object,
    lo: float,
    hi: float,
    *,
    lo_open: bool = False,
    hi_open: bool = False,
) -> float:
    """``value`` as a finite float within [lo, hi] (open ends as asked)."""
    # what float() takes: text, bytes, or an object with __float__ or __index__
    if isinstance(value, bool) or not isinstance(
        value, (str, bytes, bytearray, memoryview, SupportsFloat, SupportsIndex)
    ):
        raise InputError("not_a_number", field=field, got=value)
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise InputError("not_a_number", field=field, got=value) from None
    if not math.isfinite(x):
        raise InputError("not_a_number", field=field, got=value)
    below = x <= lo if lo_open else x < lo
    above = x >= hi if hi_open else x > hi
    if below or above:
        params: dict[str, object] = {"min": lo, "max": hi}
        if lo_open:
            params["min_open"] = True
        if hi_open:
            params["max_open"] = True
        raise InputError("out_of_range", field=field, got=value, **params)
    return x


def integer(field: str, value: object, lo: float, hi: float) -> int:
    """``value`` as an int within [lo, hi]; 12.0 is accepted, 12.5 is not.

    The bounds may be given as floats (a table of limits holds both kinds);
    they are reported in the error as given."""
    x = number(field, value, lo, hi)
    if x != int(x):
        raise InputError("not_integer", field=field, got=value)
    return int(x)


def code(field: str, value: object, allowed: Iterable[str]) -> str:
    """``value`` if it is one of the stable codes in ``allowed``."""
    if not isinstance(value, str) or value not in tuple(allowed):
        raise InputError("unknown_code", field=field, got=value)
    return value
