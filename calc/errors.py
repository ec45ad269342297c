"""Errors a user can cause, as values with a stable code and parameters.

The UI translates ``code`` (and ``params["field"]`` where present) through its
language catalogues; nothing in ``calc/`` carries display text.  A bug in the
code is an ordinary exception, never one of these.
"""

from __future__ import annotations

__all__ = ["CalcError", "InputError", "RateError"]


class CalcError(ValueError):
    """Base class: ``code`` is a stable ASCII string, ``params`` its values."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        detail = ", ".join(f"{k}={v!r}" for k, v in params.items())
        super().__init__(f"{code}({detail})" if detail else code)

    def __eq__(self, other: object) -> bool:
        return (
            type(other) is type(self)
            and other.code == self.code
            and other.params == self.params
        )

    __hash__ = ValueError.__hash__


class InputError(CalcError):
    """An input outside what a lender could offer.

    Codes: ``not_a_number`` (NaN, inf or not numeric), ``out_of_range``
    (``min``/``max`` give the bounds, inclusive unless ``min_open``/``max_open``),
    ``not_integer``, ``unknown_code`` (a kind, rule or timing that does not exist).
    Always with ``field`` (the input's stable name) and ``got`` (the value).
    """


class RateError(CalcError):
    """No rate can be solved from the flows.

    Codes: ``not_a_loan`` (flows do not both receive and pay money, or a flow
    is malformed), ``no_rate`` (no rate above -100% balances the flows).
    """
