"""One module per page: its link schema, its view settings, and the typed
adapter that turns its scenario into calc's inputs.

Scenario values are kept in the units the user types (yuan, percent, days),
so a link shows what was entered; each adapter converts them to calc's
fractions, once, and caches calc's results by those inputs (a class opening
one link computes one scenario; a rerun that only changes the view computes
nothing).  Cached results are shared between sessions: treat them as
read-only.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["num", "whole"]


def num(scn: Mapping[str, object], name: str) -> float:
    """Scenario value ``name`` as a float (the codec and the widgets keep
    numbers in number fields)."""
    value = scn[name]
    assert isinstance(value, (int, float)) and not isinstance(value, bool), (name, value)
    return float(value)


def whole(scn: Mapping[str, object], name: str) -> int:
    """Scenario value ``name`` of an int field."""
    value = scn[name]
    assert isinstance(value, int) and not isinstance(value, bool), (name, value)
    return value
