"""Live classes (issue 23): rooms a class joins with a code, the teacher in control.

* :mod:`rooms.logic`: the rules, pure and without I/O (codes, keys, phases,
  the teacher's actions, answers parsed, rate-limit buckets, the aggregate).
* :mod:`rooms.store`: rooms, members and answers kept in SQL through
  SQLAlchemy 2 Core: a SQLite file (``.data/rooms.sqlite3``) by default,
  PostgreSQL from ``ROOMS_DATABASE_URL`` so replicas share rooms; a
  versioned schema, expiry, rate limits held in the database.
  :func:`store` returns the process's one store.

The page's views (``app_pages/live.py``) are built on :func:`store`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store imports SQLAlchemy: only the pages that use it pay
    from rooms.store import Store


def store(url: str | None = None) -> Store:
    """The process's one :class:`rooms.store.Store` for ``url`` (``None``:
    ``ROOMS_DATABASE_URL``, else the SQLite file), kept in module state."""
    from rooms.store import shared

    return shared(url)
