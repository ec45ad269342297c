"""Results cached by scenario within a byte budget (issue 20).

``functools.lru_cache(maxsize=256)`` bounded the entries, not their size: a
century cash-line result is about 4 MB, and sixty links a fen apart left the
server a gigabyte larger.  :func:`cached` keeps every decorated function's
results in one process-wide store, least recently used first out, until their
estimated sizes (:func:`size_of`) fit :data:`BUDGET_BYTES`.

Why not ``st.cache_data`` (bounded by ``server.maxCacheDataSize``): it pickles
a result when stored and unpickles a copy on every hit (a century cash-line
result is about 4 MB to copy on every rerun), any client's "Clear cache"
empties it, and
``calc/`` and the scenario adapters stay free of Streamlit.  Here a hit returns
the stored object itself, so what it holds is made read-only when stored
(:func:`freeze`): numpy arrays get ``writeable = False``, and calc's results are
frozen dataclasses and tuples already.

Nothing here holds a user's data beyond the results of the scenarios asked
for, keyed by those scenarios' values (never by a session).
"""

from __future__ import annotations

import dataclasses
import functools
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import ParamSpec, TypeVar

import numpy as np

__all__ = ["BUDGET_BYTES", "ByteLRU", "STORE", "cached", "size_of", "freeze"]

P = ParamSpec("P")
R = TypeVar("R")

#: The store's budget: about 16 century results, or thousands of ordinary ones.
BUDGET_BYTES = 64 * 2**20


def size_of(obj: object, _seen: set[int] | None = None) -> int:
    """Bytes ``obj`` holds, estimated: a numpy array's buffer, Python objects'
    ``sys.getsizeof``, through tuples, lists, dicts and dataclasses, each
    object counted once.

    >>> size_of(np.zeros(1000)) >= 8000
    True
    """
    seen = _seen if _seen is not None else set()
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    if isinstance(obj, np.ndarray):
        if obj.base is None:  # owns its buffer: getsizeof counts header and buffer
            return sys.getsizeof(obj)
        base = obj.base if isinstance(obj.base, np.ndarray) else None
        return sys.getsizeof(obj) + (size_of(base, seen) if base is not None else obj.nbytes)
    n = sys.getsizeof(obj)
    if isinstance(obj, (str, bytes, int, float, bool)) or obj is None:
        return n
    if isinstance(obj, (tuple, list, frozenset, set)):
        return n + sum(size_of(x, seen) for x in obj)
    if isinstance(obj, dict):
        return n + sum(size_of(k, seen) + size_of(v, seen) for k, v in obj.items())
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return n + sum(size_of(getattr(obj, f.name), seen) for f in dataclasses.fields(obj))
    slots = getattr(obj, "__dict__", None)
    return n + (size_of(slots, seen) if isinstance(slots, dict) else 0)


def freeze(obj: object, _seen: set[int] | None = None) -> None:
    """Every numpy array ``obj`` holds made read-only (in place), through the
    same containers as :func:`size_of`: a result shared by every session that
    asks for its scenario must not be changed by one of them."""
    seen = _seen if _seen is not None else set()
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, np.ndarray):
        obj.flags.writeable = False
    elif isinstance(obj, (tuple, list, frozenset, set)):
        for x in obj:
            freeze(x, seen)
    elif isinstance(obj, dict):
        for v in obj.values():
            freeze(v, seen)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            freeze(getattr(obj, f.name), seen)


class ByteLRU:
    """Values by key, least recently used evicted while their sizes exceed
    ``budget`` bytes; a value larger than the whole budget is returned but not
    kept.  Thread-safe (one lock, held only to read or change the table:
    computing a value is the caller's, outside it)."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.used = 0
        self._items: OrderedDict[Hashable, tuple[object, int]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items

    def get(self, key: Hashable) -> tuple[bool, object]:
        with self._lock:
            got = self._items.get(key)
            if got is None:
                return False, None
            self._items.move_to_end(key)
            return True, got[0]

    def put(self, key: Hashable, value: object, size: int) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.used -= old[1]
            if size > self.budget:
                return
            self._items[key] = (value, size)
            self.used += size
            while self.used > self.budget:
                _, (_, gone) = self._items.popitem(last=False)
                self.used -= gone

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.used = 0


#: The one store of the process: every :func:`cached` function shares its budget.
STORE = ByteLRU(BUDGET_BYTES)


def cached(fn: Callable[P, R]) -> Callable[P, R]:
    """``fn`` with its results kept in :data:`STORE` by its (hashable)
    arguments, read-only (:func:`freeze`).  An exception is not kept."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        key = (name, args, tuple(sorted(kwargs.items())))
        hit, value = STORE.get(key)
        if hit:
            return value  # type: ignore[return-value]
        result = fn(*args, **kwargs)
        freeze(result)
        STORE.put(key, result, size_of(result))
        return result

    call.cache_clear = STORE.clear  # type: ignore[attr-defined]
    return call

