"""The live class's store (issue 23): rooms, members and answers in SQL.

SQLAlchemy 2 Core (no ORM: the rows are a handful of flat tables and the
rules live in :mod:`rooms.logic`, so the store only loads, calls the rules
and saves).  A SQLite file by default, ``.data/rooms.sqlite3`` in the
checkout, made on first use, so the README's run command needs no set-up;
PostgreSQL when ``ROOMS_DATABASE_URL`` names one (``postgresql+psycopg://``,
psycopg 3; a bare ``postgresql://`` is read as that), so replicas behind
nginx share rooms: students on one replica, the teacher on another.

Why SQLAlchemy directly and not ``st.connection(type="sql")``: the store is
process state shared by every session (one per URL, :func:`shared`), and a
Streamlit connection lives in ``st.cache_resource``, which any client's
"Clear cache" replaces; the store is also used where no Streamlit runs (the
tests, ``bench/bench_live.py``).

Tables
------
``rooms``
    one row a room: its code, the teacher key's SHA-256 (never the key),
    the questions as JSON (they are fixed when the room is made and always
    read with it, so a table of their own would add a join for nothing),
    the question on, its phase, whether names show, created, touched, rev,
    and (schema 2) ``scenario``: the link parameters of the calculator
    scenario a room was started from, as JSON (``NULL`` for a lesson's room).
    A question asked of a scenario keeps its wording in its JSON entry: a
    fifth element ``{"text", "params", "tolerance"}`` (the catalogue key, its
    placeholders in each language, the margin), absent for a lesson's.
``members``
    (room, session, nick, joined): the sessions that joined; ``session`` is
    the random token a student's page keeps in its URL, ``nick`` the
    optional nickname (:func:`rooms.logic.clean_nick`), ``""`` when none.
``answers``
    (room, question index, session, value, at), primary key (room, index,
    session): one answer per student per question, a resubmit replaces it
    (``INSERT ... ON CONFLICT DO UPDATE``, SQLite's and PostgreSQL's own).
``buckets``
    (session, kind, tokens, at): the rate limits' token buckets
    (:data:`rooms.logic.SUBMITS`, :data:`rooms.logic.JOINS`) in the
    database, so a limit holds across replicas.
``schema_version``
    one row: the schema's version (:data:`SCHEMA_VERSION`).

Nothing personal is kept beyond the optional nickname: no address, no
agent, no time of a student beyond when they joined and answered, and all
of it goes with the room when it expires (:func:`Store.sweep`).

Schema versions
---------------
:meth:`Store.__init__` creates missing tables and writes the version on
first use.  A later version adds ``UPGRADES[n]``, a function taking a
connection that moves the schema from version ``n`` to ``n + 1`` (plain
``ALTER TABLE``/``CREATE INDEX`` through ``sqlalchemy.text``, both dialects),
and raises :data:`SCHEMA_VERSION`; ``__init__`` runs the steps from the
version found, in one transaction under a lock (PostgreSQL's advisory lock,
SQLite's write lock), so two replicas starting at once upgrade once.  A
database written by a newer version than the code is refused, not guessed
at.  Alembic would add a second tool and a migrations folder for what is so
far one version; it is the step to take when upgrades need data moves.

Concurrency
-----------
Teacher actions are written only over the revision read (``UPDATE ...
WHERE rev = :read``): a stale revision refuses (``stale``) when the caller
gave one, else the action is re-read and tried once more.  Submits read the
room ``FOR SHARE`` (PostgreSQL) so a lock cannot pass an answer in flight,
joins read it ``FOR UPDATE`` so the student cap holds; SQLite writes take
its write lock at ``BEGIN IMMEDIATE`` (WAL, a busy timeout), readers never
wait.  All SQL goes through bound parameters.

Example
-------
>>> from rooms.logic import Question
>>> s = Store("sqlite://")
>>> room, key = s.open_room([Question("monthly_fee", "rate", 0.1303)], now=0.0)
>>> _ = s.join(room.code, "student-token-1", now=1.0)
>>> s.submit(room.code, "student-token-1", "13%", now=2.0)
0.13
>>> s.submit(room.code, "student-token-1", "13.03%", now=3.0)  # replaces it
0.1303
>>> s.counts(room.code, 0)
(1, 1)
>>> s.act(room.code, key, "reveal", now=4.0).phase
'revealed'
>>> s.close()
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect

from rooms import logic
from rooms.logic import Bucket, Limit, Question, Refused, Room

__all__ = ["SCHEMA_VERSION", "UPGRADES", "Answer", "Store", "default_url", "shared",
           "valid_session"]

#: The schema this code reads and writes: 2 added ``rooms.scenario``.
SCHEMA_VERSION = 2


def _add_scenario(conn: sa.Connection) -> None:
    """1 → 2: the scenario a room was started from (issue 23), ``NULL`` for
    the rooms already there (a lesson's: they had none)."""
    conn.execute(sa.text("ALTER TABLE rooms ADD COLUMN scenario TEXT"))


#: ``UPGRADES[n](connection)`` moves a database from version ``n`` to ``n + 1``.
UPGRADES: dict[int, Callable[[sa.Connection], None]] = {1: _add_scenario}
#: A session token: what the page makes (URL-safe random), 8 to 64 characters.
_SESSION = re.compile(r"[A-Za-z0-9_-]{8,64}")
#: A room's ``touched`` is rewritten by a student's join or answer at most
#: this often (seconds): expiry is 12 h, and a write per answer would make
#: every answer contend for the room's row.
TOUCH_EVERY = 60.0
#: Buckets untouched this long are full again and deleted by :meth:`Store.sweep`.
BUCKET_TTL = 3600.0
#: How many fresh codes to try before giving up (31^6 codes: never in practice).
_CODE_TRIES = 20

REPO = Path(__file__).resolve().parents[1]

metadata = sa.MetaData()
rooms_t = sa.Table(
    "rooms", metadata,
    sa.Column("code", sa.String(8), primary_key=True),
    sa.Column("key_digest", sa.String(64), nullable=False),
    sa.Column("questions", sa.Text, nullable=False),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("phase", sa.String(16), nullable=False),
    sa.Column("names", sa.Boolean, nullable=False),
    sa.Column("created", sa.Double, nullable=False),
    sa.Column("touched", sa.Double, nullable=False, index=True),
    sa.Column("rev", sa.Integer, nullable=False),
    sa.Column("scenario", sa.Text, nullable=True),  # schema 2
)
members_t = sa.Table(
    "members", metadata,
    sa.Column("code", sa.String(8), primary_key=True),
    sa.Column("session", sa.String(64), primary_key=True),
    sa.Column("nick", sa.String(64), nullable=False),
    sa.Column("joined", sa.Double, nullable=False),
)
answers_t = sa.Table(
    "answers", metadata,
    sa.Column("code", sa.String(8), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("session", sa.String(64), primary_key=True),
    sa.Column("value", sa.Double, nullable=False),
    sa.Column("at", sa.Double, nullable=False),
)
buckets_t = sa.Table(
    "buckets", metadata,
    sa.Column("session", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("tokens", sa.Double, nullable=False),
    sa.Column("at", sa.Double, nullable=False, index=True),
)
version_t = sa.Table(
    "schema_version", metadata,
    sa.Column("version", sa.Integer, nullable=False),
)


@dataclass(frozen=True)
class Answer:
    """One student's answer to one question: ``value`` in calc's units (a
    rate as a fraction), ``nick`` their nickname, ``""`` when none given."""

    value: float
    nick: str


def valid_session(session: object) -> bool:
    """Whether ``session`` can be a student's token (8 to 64 URL-safe
    characters); a hand-edited one is refused (``bad_session``).

    >>> valid_session("abcdefgh"), valid_session("x'; DROP TABLE--"), valid_session("")
    (True, False, False)
    """
    return isinstance(session, str) and _SESSION.fullmatch(session) is not None


def default_url() -> str:
    """``ROOMS_DATABASE_URL`` when set, else the SQLite file ``.data/rooms.sqlite3``."""
    url = os.environ.get("ROOMS_DATABASE_URL", "").strip()
    if url:
        return url
    return f"sqlite:///{REPO / '.data' / 'rooms.sqlite3'}"


def _normal_url(url: str) -> str:
    """psycopg 3 for PostgreSQL whatever the URL's scheme says of a driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _dump(questions: Sequence[Question]) -> str:
    rows: list[list[Any]] = []
    for q in questions:
        row: list[Any] = [q.lesson, q.kind, q.answer, q.wrong]
        if q.text or q.params or q.tolerance is not None:  # a lesson's stays as schema 1's
            row.append({"text": q.text, "params": q.params, "tolerance": q.tolerance})
        rows.append(row)
    return json.dumps(rows, ensure_ascii=False)


def _load(text: str) -> tuple[Question, ...]:
    out = []
    for a, b, c, d, *more in json.loads(text):
        extra = more[0] if more and isinstance(more[0], dict) else {}
        params = extra.get("params") or {}
        tol = extra.get("tolerance")
        out.append(Question(
            str(a), str(b), float(c), None if d is None else float(d),
            text=str(extra.get("text") or ""),
            params={str(lang): {str(k): str(v) for k, v in dict(vals).items()}
                    for lang, vals in dict(params).items()},
            tolerance=None if tol is None else float(tol)))
    return tuple(out)


def _room(row: sa.Row[Any]) -> Room:
    raw = getattr(row, "scenario", None)
    scenario = {str(k): str(v) for k, v in json.loads(raw).items()} if raw else {}
    return Room(code=row.code, key_digest=row.key_digest, questions=_load(row.questions),
                index=int(row.idx), phase=row.phase, names=bool(row.names),
                created=float(row.created), touched=float(row.touched), rev=int(row.rev),
                scenario=scenario)


class Store:
    """Rooms, members and answers in one SQL database (see the module).

    Parameters
    ----------
    url : str or None
        A SQLAlchemy URL; ``None`` reads :func:`default_url`.  The schema is
        created or upgraded on first use.

    Every method takes ``now`` (``time.time()``) from the caller, so tests
    move time; a refusal is :class:`rooms.logic.Refused` with a stable code.
    """

    def __init__(self, url: str | None = None) -> None:
        self.url = _normal_url(url if url is not None else default_url())
        parsed = sa.make_url(self.url)
        self._sqlite = parsed.get_backend_name() == "sqlite"
        if self._sqlite:
            db = parsed.database
            if db and db != ":memory:" and not db.startswith("file:"):
                Path(db).parent.mkdir(parents=True, exist_ok=True)
            self._engine = sa.create_engine(
                self.url, connect_args={"check_same_thread": False, "timeout": 10.0})
            sa.event.listen(self._engine, "connect", _sqlite_connect)
            sa.event.listen(self._engine, "begin", _sqlite_begin)
        else:
            self._engine = sa.create_engine(self.url, pool_pre_ping=True, pool_size=5,
                                            max_overflow=10)
        self._schema()

    # ------------------------------------------------------------------ plumbing

    @contextmanager
    def _tx(self) -> Iterator[sa.Connection]:
        """A transaction that writes (SQLite: ``BEGIN IMMEDIATE``)."""
        with self._engine.connect() as conn:
            conn.execution_options(rooms_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        """A transaction that only reads (SQLite: a plain ``BEGIN``, no lock)."""
        with self._engine.connect() as conn, conn.begin():
            yield conn

    def _insert(self, table: sa.Table) -> Any:
        """The dialect's INSERT (with ``on_conflict_do_*``)."""
        if self._sqlite:
            return sqlite_dialect.insert(table)
        return pg_dialect.insert(table)

    def _schema(self) -> None:
        with self._tx() as conn:
            if not self._sqlite:
                # one replica at a time creates or upgrades (released at commit)
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": 230023})
            metadata.create_all(conn, checkfirst=True)
            found = conn.execute(sa.select(version_t.c.version)).scalars().all()
            if not found:
                conn.execute(version_t.insert().values(version=SCHEMA_VERSION))
                return
            version = max(found)
            if version > SCHEMA_VERSION:
                raise RuntimeError(f"rooms database at schema {version}, newer than this "
                                   f"code's {SCHEMA_VERSION}: upgrade the app")
            while version < SCHEMA_VERSION:
                UPGRADES[version](conn)
                version += 1
            conn.execute(version_t.delete())
            conn.execute(version_t.insert().values(version=version))

    def _get(self, conn: sa.Connection, code: str, lock: str | None = None) -> Room | None:
        q = sa.select(rooms_t).where(rooms_t.c.code == code)
        if lock == "share":
            q = q.with_for_update(read=True)
        elif lock == "update":
            q = q.with_for_update()
        row = conn.execute(q).first()
        return None if row is None else _room(row)

    def _take(self, conn: sa.Connection, session: str, kind: str, limit: Limit,
              now: float) -> bool:
        """Take a token from ``session``'s bucket of ``kind`` (row-locked)."""
        conn.execute(self._insert(buckets_t).values(
            session=session, kind=kind, tokens=limit.burst, at=now).on_conflict_do_nothing())
        row = conn.execute(sa.select(buckets_t.c.tokens, buckets_t.c.at).where(
            buckets_t.c.session == session, buckets_t.c.kind == kind).with_for_update()).one()
        ok, after = logic.take(Bucket(float(row.tokens), float(row.at)), now, limit)
        conn.execute(buckets_t.update().where(
            buckets_t.c.session == session, buckets_t.c.kind == kind).values(
            tokens=after.tokens, at=max(after.at, float(row.at))))
        return ok

    def _touch(self, conn: sa.Connection, code: str, now: float) -> None:
        """Mark activity on a room, at most every :data:`TOUCH_EVERY` seconds."""
        conn.execute(rooms_t.update().where(
            rooms_t.c.code == code, rooms_t.c.touched < now - TOUCH_EVERY).values(touched=now))

    def _drop(self, conn: sa.Connection, code: str) -> None:
        for t in (answers_t, members_t, rooms_t):
            conn.execute(t.delete().where(t.c.code == code))

    # ------------------------------------------------------------------ the API

    def open_room(self, questions: Sequence[Question], now: float,
                  scenario: dict[str, str] | None = None) -> tuple[Room, str]:
        """A new room on ``questions`` with a fresh unused code; ``scenario``:
        the link parameters of the calculator scenario it is started from.

        Returns
        -------
        (Room, str)
            The room and its teacher key.  Only the key's digest is stored;
            the key is never logged: the caller hands it to the teacher alone.
        """
        self.sweep(now)
        key = logic.new_key()
        for _ in range(_CODE_TRIES):
            room = logic.new_room(logic.new_code(), key, questions, now, scenario)
            try:
                with self._tx() as conn:
                    conn.execute(rooms_t.insert().values(
                        code=room.code, key_digest=room.key_digest,
                        questions=_dump(room.questions), idx=room.index, phase=room.phase,
                        names=room.names, created=room.created, touched=room.touched,
                        rev=room.rev,
                        scenario=json.dumps(room.scenario) if room.scenario else None))
            except sa.exc.IntegrityError:
                continue  # the code is taken: draw another
            return room, key
        raise RuntimeError("no free room code")  # pragma: no cover (31^6 codes)

    def room(self, code: str, now: float) -> Room | None:
        """The room of ``code``, or ``None`` when the code is malformed,
        unknown or expired (an expired room is deleted with its answers)."""
        norm = logic.normal_code(code) if isinstance(code, str) else None
        if norm is None:
            return None
        with self._read() as conn:
            room = self._get(conn, norm)
        if room is not None and logic.expired(room, now):
            with self._tx() as conn:
                again = self._get(conn, norm, "update")
                if again is not None and logic.expired(again, now):
                    self._drop(conn, norm)
            return None
        return room

    def join(self, code: str, session: str, now: float) -> Room:
        """Join ``session`` to the room of ``code``; joining again counts once.

        Raises
        ------
        Refused
            ``bad_session``, ``rate_limited`` (too many failed joins from this
            session, :data:`rooms.logic.JOINS`), ``bad_code``, ``no_room``,
            ``expired``, ``ended``, ``full``.
        """
        if not valid_session(session):
            raise Refused("bad_session")
        with self._read() as conn:  # a peek: only a failed join spends a token
            row = conn.execute(sa.select(buckets_t.c.tokens, buckets_t.c.at).where(
                buckets_t.c.session == session, buckets_t.c.kind == "join")).first()
        bucket = None if row is None else Bucket(float(row.tokens), float(row.at))
        if not logic.take(bucket, now, logic.JOINS)[0]:
            raise Refused("rate_limited")
        norm = logic.normal_code(code) if isinstance(code, str) else None
        why: str | None = "bad_code" if norm is None else None
        room: Room | None = None
        if norm is not None:
            with self._tx() as conn:
                room = self._get(conn, norm, "update")
                returning = room is not None and conn.execute(sa.select(sa.literal(1)).where(
                    members_t.c.code == norm, members_t.c.session == session)).first() is not None
                students = 0
                if room is not None and not returning:
                    students = int(conn.execute(sa.select(sa.func.count()).select_from(
                        members_t).where(members_t.c.code == norm)).scalar_one())
                why = logic.may_join(room, students, returning, now)
                if why is None and not returning:
                    conn.execute(members_t.insert().values(
                        code=norm, session=session, nick="", joined=now))
                if why is None:  # the row is locked already: touch it here
                    self._touch(conn, norm, now)
        if why is not None:
            with self._tx() as conn:  # a failed join costs a token
                self._take(conn, session, "join", logic.JOINS, now)
            raise Refused(why)
        assert room is not None
        return room

    def submit(self, code: str, session: str, text: str, now: float, nick: str = "") -> float:
        """Store ``session``'s answer ``text`` to the question on; a new answer
        replaces the old.  ``nick``, when not empty, becomes the student's
        nickname (:func:`rooms.logic.clean_nick`).

        Returns
        -------
        float
            The value stored, in calc's units.

        Raises
        ------
        Refused
            ``bad_session``, ``bad_code``, the refusals of
            :func:`rooms.logic.parse_answer` (nothing is stored or limited: no
            database is touched), ``no_room``, ``expired``, ``ended``,
            ``closed``, ``not_joined``, ``rate_limited``
            (:data:`rooms.logic.SUBMITS`).
        """
        if not valid_session(session):
            raise Refused("bad_session")
        norm = logic.normal_code(code) if isinstance(code, str) else None
        if norm is None:
            raise Refused("bad_code")
        with self._read() as conn:
            peek = self._get(conn, norm)
        if peek is None:
            raise Refused("no_room")
        value = logic.parse_answer(text, peek.question.kind)
        name = logic.clean_nick(nick) if nick else ""
        why: str | None = None
        with self._tx() as conn:
            room = self._get(conn, norm, "share")
            why = logic.may_submit(room, now)
            if why is None and room is not None and room.index != peek.index:
                why = "closed"  # the class moved on while this was typed
            if why is None and conn.execute(sa.select(sa.literal(1)).where(
                    members_t.c.code == norm, members_t.c.session == session)).first() is None:
                why = "not_joined"
            if why is None and not self._take(conn, session, "submit", logic.SUBMITS, now):
                why = "rate_limited"
            if why is None:
                ins = self._insert(answers_t).values(
                    code=norm, idx=peek.index, session=session, value=value, at=now)
                conn.execute(ins.on_conflict_do_update(
                    index_elements=[answers_t.c.code, answers_t.c.idx, answers_t.c.session],
                    set_={"value": ins.excluded.value, "at": ins.excluded.at}))
                if name:
                    conn.execute(members_t.update().where(
                        members_t.c.code == norm, members_t.c.session == session).values(
                        nick=name))
        if why is not None:
            raise Refused(why)
        if peek.touched < now - TOUCH_EVERY:  # after the commit: no lock held meanwhile
            with self._tx() as conn:
                self._touch(conn, norm, now)
        return value

    def act(self, code: str, key: str, action: str, now: float, rev: int | None = None) -> Room:
        """The teacher's ``action`` (:func:`rooms.logic.act`) on the room of
        ``code``, written only over the revision read; ``reset`` deletes the
        question's answers.

        Parameters
        ----------
        rev : int or None
            The revision the teacher's screen showed: when the room has moved
            on since (another device acted), ``stale``.  ``None``: act on the
            room as it is (re-read and tried once more if it changes between
            the read and the write).

        Raises
        ------
        Refused
            ``bad_code``, ``no_room``, ``stale``, and those of
            :func:`rooms.logic.act` (``not_teacher`` first, whatever else).
        """
        norm = logic.normal_code(code) if isinstance(code, str) else None
        if norm is None:
            raise Refused("bad_code")
        for _attempt in range(2):
            with self._read() as conn:
                room = self._get(conn, norm)
            if room is None:
                raise Refused("no_room")
            changed = logic.act(room, action, key, now)
            if rev is not None and room.rev != rev:
                raise Refused("stale")
            with self._tx() as conn:
                done = conn.execute(rooms_t.update().where(
                    rooms_t.c.code == norm, rooms_t.c.rev == room.rev).values(
                    idx=changed.index, phase=changed.phase, names=changed.names,
                    touched=changed.touched, rev=changed.rev)).rowcount
                if done == 1 and action == "reset":
                    conn.execute(answers_t.delete().where(
                        answers_t.c.code == norm, answers_t.c.idx == changed.index))
            if done == 1:
                return changed
            if rev is not None:
                break
        raise Refused("stale")

    def answers(self, code: str, index: int) -> list[Answer]:
        """The answers to question ``index`` of the room, in the order given
        (a resubmit moves a student to the end), with nicknames."""
        norm = logic.normal_code(code) if isinstance(code, str) else None
        if norm is None:
            return []
        q = (sa.select(answers_t.c.value, members_t.c.nick)
             .select_from(answers_t.outerjoin(members_t, sa.and_(
                 members_t.c.code == answers_t.c.code,
                 members_t.c.session == answers_t.c.session)))
             .where(answers_t.c.code == norm, answers_t.c.idx == index)
             .order_by(answers_t.c.at, answers_t.c.session))
        with self._read() as conn:
            return [Answer(float(v), n or "") for v, n in conn.execute(q)]

    def mine(self, code: str, session: str, index: int) -> float | None:
        """``session``'s answer to question ``index``, ``None`` when none."""
        norm = logic.normal_code(code) if isinstance(code, str) else None
        if norm is None or not valid_session(session):
            return None
        with self._read() as conn:
            v = conn.execute(sa.select(answers_t.c.value).where(
                answers_t.c.code == norm, answers_t.c.idx == index,
                answers_t.c.session == session)).scalar()
        return None if v is None else float(v)

    def counts(self, code: str, index: int) -> tuple[int, int]:
        """(students joined, students who answered question ``index``)."""
        norm = logic.normal_code(code) if isinstance(code, str) else None
        if norm is None:
            return 0, 0
        with self._read() as conn:
            joined = conn.execute(sa.select(sa.func.count()).select_from(members_t).where(
                members_t.c.code == norm)).scalar_one()
            answered = conn.execute(sa.select(sa.func.count()).select_from(answers_t).where(
                answers_t.c.code == norm, answers_t.c.idx == index)).scalar_one()
        return int(joined), int(answered)

    def sweep(self, now: float) -> int:
        """Delete the rooms expired at ``now`` (:data:`rooms.logic.TTL_SECONDS`
        since their last activity) with their members and answers, and rate
        buckets idle for :data:`BUCKET_TTL`; returns how many rooms went."""
        cut = now - logic.TTL_SECONDS
        with self._tx() as conn:
            gone = conn.execute(rooms_t.delete().where(rooms_t.c.touched < cut)).rowcount
            for t in (answers_t, members_t):  # theirs, and any left by a race
                conn.execute(t.delete().where(~sa.exists().where(rooms_t.c.code == t.c.code)))
            conn.execute(buckets_t.delete().where(buckets_t.c.at < now - BUCKET_TTL))
        return int(gone)

    def close(self) -> None:
        """Close the database connections (the store is not used after)."""
        self._engine.dispose()


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # the driver's own transaction handling off: BEGIN is emitted in _sqlite_begin
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    write = conn.get_execution_options().get("rooms_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


_shared: dict[str, Store] = {}
_shared_lock = threading.Lock()


def shared(url: str | None = None) -> Store:
    """The process's one :class:`Store` for ``url`` (module state, never
    ``st.cache_resource``: any client's "Clear cache" would replace it)."""
    key = _normal_url(url if url is not None else default_url())
    with _shared_lock:
        found = _shared.get(key)
        if found is None:
            found = _shared[key] = Store(key)
        return found
