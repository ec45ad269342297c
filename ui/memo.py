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

**Turns.**  A computation whose cost a link can stretch (a cash line
simulated day by day for up to a century, a budget's nested lines) is
declared with :func:`cached_in_turn`: on a miss it waits for its turn at
:data:`TURNS`, one at a time in the order asked, and looks in the store again
once its turn comes (the class opening one link computes it once).  Nothing
else waits: a page run, a cache hit and a bounded computation (a comparison's
plans) go on beside it, sharing the interpreter as Python's threads do.  This
replaced a lock every page run took (``ui.state.page_gate``): a plain visitor
opening ``/`` (0.04 s idle) then waited behind every century run queued before
it, 1.24 s at worst beside 60 century links (8 at a time) and 2.73 s beside 20
budgets of century lines; with no lock at all, beside eight of them at once,
1.36 s and 1.44 s; with the turns, 0.22 s and 0.41 s (``bench/bench_hostile.py``,
2026-12-07, issue 20).  The price: a class's fifty equal first runs now
interleave instead of running in turn, p95 1.20 s -> 1.51 s, within the 2 s
the class needs (``bench/bench_class.py``).
"""

from __future__ import annotations

import dataclasses
import functools
import sys
import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable
from typing import ParamSpec, TypeVar

import numpy as np

__all__ = ["BUDGET_BYTES", "ByteLRU", "STORE", "Turns", "TURNS", "cached", "cached_in_turn",
           "size_of", "freeze"]

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


class Turns:
    """At most ``n`` holders at once, the others served in the order they
    asked: a release hands its place to the longest waiter, so a thread that
    releases and asks again (a budget computing its next line) queues behind
    those already waiting (``threading.Semaphore`` lets it take the place
    back first: one budget of eight century lines then kept the turn for
    all eight while another link waited 9 s).

    Taken once per thread: a computation inside a computation that holds a
    turn (a budget's line simulating its cash line) goes on in that turn.
    Process-wide module state, never ``st.cache_resource``, which any
    client's "Clear cache" empties (``ui.state``).
    """

    def __init__(self, n: int) -> None:
        self._free = n
        self._waiting: deque[threading.Event] = deque()
        self._lock = threading.Lock()
        self._mine = threading.local()

    def held(self) -> bool:
        """Whether this thread holds a turn."""
        return bool(getattr(self._mine, "depth", 0))

    def waiting(self) -> int:
        """How many threads wait for a turn."""
        with self._lock:
            return len(self._waiting)

    def __enter__(self) -> Turns:
        depth = getattr(self._mine, "depth", 0)
        if depth == 0:
            with self._lock:
                if self._free and not self._waiting:
                    self._free -= 1
                    ready = None
                else:
                    ready = threading.Event()
                    self._waiting.append(ready)
            if ready is not None:
                ready.wait()  # the releasing thread gave its place to this one
        self._mine.depth = depth + 1
        return self

    def __exit__(self, *exc: object) -> None:
        self._mine.depth -= 1
        if self._mine.depth:
            return
        with self._lock:
            if self._waiting:
                self._waiting.popleft().set()  # the place passes on, never freed between
            else:
                self._free += 1


#: One computation a link can stretch at a time (:func:`cached_in_turn`): the
#: machine has two cores, and the other one is left to everything else.
TURNS = Turns(1)


def cached(fn: Callable[P, R]) -> Callable[P, R]:
    """``fn`` with its results kept in :data:`STORE` by its (hashable)
    arguments, read-only (:func:`freeze`).  An exception is not kept.  For a
    computation bounded by its inputs' bounds (milliseconds at most):
    one a link can stretch is :func:`cached_in_turn`."""
    return _cached(fn, False)


def cached_in_turn(fn: Callable[P, R]) -> Callable[P, R]:
    """:func:`cached`, and on a miss ``fn`` runs in its turn at
    :data:`TURNS` (module docstring): for a computation a link can make long
    (a century's daily simulation), so that it never holds up the runs that
    need none."""
    return _cached(fn, True)


def _cached(fn: Callable[P, R], in_turn: bool) -> Callable[P, R]:
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        key = (name, args, tuple(sorted(kwargs.items())))
        hit, value = STORE.get(key)
        if hit:
            return value  # type: ignore[return-value]
        if not in_turn or TURNS.held():
            return _compute(key, fn, *args, **kwargs)
        with TURNS:
            hit, value = STORE.get(key)  # made meanwhile, by the turn before
            if hit:
                return value  # type: ignore[return-value]
            return _compute(key, fn, *args, **kwargs)

    call.cache_clear = STORE.clear  # type: ignore[attr-defined]
    return call


def _compute(key: Hashable, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    result = fn(*args, **kwargs)
    freeze(result)
    STORE.put(key, result, size_of(result))
    return result

