"""rooms/store.py against SQLite and a real PostgreSQL (issue 23).

Every test runs twice through the ``store`` fixture: on a fresh SQLite file
and on a throwaway PostgreSQL cluster (:mod:`tests.pgcluster`, emptied
between tests).  The attacks are tried as an attacker would: a student
sending the teacher's actions with forged, guessed, empty keys and the
stored digest itself, 1,000 answers from one session, codes that do not
exist, are malformed or have expired, SQL in every field a user types.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rooms import logic
from rooms.logic import Question, Refused
from rooms.store import SCHEMA_VERSION, Answer, Store, metadata
from tests import pgcluster

FAST = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])

QUESTIONS = (Question("monthly_fee", "rate", 0.1303, wrong=0.072),
             Question("total_cost", "cost", 1378.56))
T0 = 1_000_000.0
KEY_LIKE = "A" * 22  # a guess of the key's shape: 22 URL-safe characters


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    yield from pgcluster.cluster()


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'rooms.sqlite3'}"
        return
    pg = request.getfixturevalue("pg_url")
    yield pg
    engine = sa.create_engine(pg)
    with engine.begin() as conn:  # the next test starts on empty tables
        for table in reversed(metadata.sorted_tables):
            if table.name != "schema_version":
                conn.execute(table.delete())
    engine.dispose()


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    s = Store(url)
    try:
        yield s
    finally:
        s.close()


def session(i: int, tag: str = "") -> str:
    return f"student-{tag}{i:04d}"


def opened(store: Store, now: float = T0) -> tuple[str, str]:
    room, key = store.open_room(QUESTIONS, now)
    return room.code, key


def refused(code: str, fn, *args, **kwargs) -> None:
    with pytest.raises(Refused) as err:
        fn(*args, **kwargs)
    assert err.value.code == code, err.value.code


# ----------------------------------------------------------------------- basics


def test_a_room_round_trips(store):
    room, key = store.open_room(QUESTIONS, T0)
    got = store.room(room.code, T0 + 1)
    assert got == room  # every field as made: questions, phase, rev 0
    assert got is not None and got.key_digest == logic.key_digest(key) != key
    assert store.room(room.code.lower(), T0 + 1) == room  # typed in lower case


def test_the_schema_is_versioned_and_a_newer_one_refused(url):
    Store(url).close()
    Store(url).close()  # a second start finds the tables and the version
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        assert conn.execute(sa.text("SELECT version FROM schema_version")).scalars().all() \
            == [SCHEMA_VERSION]
        conn.execute(sa.text("UPDATE schema_version SET version = :v"), {"v": 99})
    try:
        with pytest.raises(RuntimeError, match="newer"):
            Store(url)
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text("UPDATE schema_version SET version = :v"),
                         {"v": SCHEMA_VERSION})
        engine.dispose()


def _schema_1(engine: sa.Engine) -> None:
    """The tables as schema 1 made them (no ``rooms.scenario``), version 1."""
    old = sa.MetaData()
    for table in metadata.sorted_tables:
        sa.Table(table.name, old, *(sa.Column(c.name, c.type, primary_key=c.primary_key,
                                              nullable=c.nullable)
                                    for c in table.columns if c.name != "scenario"))
    metadata.drop_all(engine)
    old.create_all(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO schema_version (version) VALUES (1)"))


def test_a_schema_1_database_is_upgraded_and_its_rooms_still_read(url):
    """A database a schema-1 app wrote, with a lesson's room in it as that
    app stored it (four-element questions, no scenario column), opened by this
    code: upgraded to version 2 in place, the room read, answered and driven
    as before, and a room from a scenario (its wording, margin and link)
    written beside it."""
    engine = sa.create_engine(url)
    _schema_1(engine)
    key = logic.new_key()
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO rooms (code, key_digest, questions, idx, phase, names, created, "
            "touched, rev) VALUES ('ABC234', :d, :q, 0, 'open', :f, :t, :t, 0)"),
            {"d": logic.key_digest(key), "f": False, "t": T0,
             "q": '[["monthly_fee", "rate", 0.1303, 0.072]]'})
    s = Store(url)
    try:
        with engine.begin() as conn:
            assert conn.execute(sa.text("SELECT version FROM schema_version")).scalars().all() \
                == [SCHEMA_VERSION] == [2]
        room = s.room("ABC234", T0 + 1)
        assert room is not None and room.scenario == {}
        q = room.question
        assert (q.lesson, q.kind, q.answer, q.wrong) == ("monthly_fee", "rate", 0.1303, 0.072)
        assert (q.text, q.params, q.tolerance, logic.margin(q)) == ("", {}, None, 0.01)
        s.join("ABC234", session(1), T0 + 2)
        assert s.submit("ABC234", session(1), "13%", T0 + 3) == 0.13
        assert s.act("ABC234", key, "reveal", T0 + 4).phase == "revealed"
        asked = Question("cmp_cost", "cost", 72.0, text="live.q.cmp_cost", tolerance=3.6,
                         params={"zh": {"name": "手机"}, "en": {"name": "Phone"}})
        new, _ = s.open_room([asked], T0 + 5, {"z": "eJzLSs0rAQAFgQIH"})
        got = s.room(new.code, T0 + 6)
        assert got is not None and got.question == asked
        assert got.scenario == {"z": "eJzLSs0rAQAFgQIH"}
    finally:
        s.close()
        engine.dispose()


# ------------------------------------------------------- one answer a student


@FAST
@given(st.lists(st.tuples(st.integers(0, 5), st.floats(0, 100, allow_nan=False)),
                min_size=1, max_size=30))
def test_each_student_counts_once_and_the_aggregate_is_their_last_answer(store, subs):
    """Whatever the order of resubmits, counts are (joined, distinct
    submitters) and the answers are each session's last value."""
    code, _ = opened(store)
    tag = secrets.token_hex(4)  # sessions new to this example: their buckets are full
    for i in range(6):
        store.join(code, session(i, tag), T0)
    last: dict[int, float] = {}
    now = T0
    for who, pct in subs:
        now += logic.SUBMITS.every  # one token refilled each time: never limited
        value = store.submit(code, session(who, tag), f"{pct!r}%", now)
        assert value == round(pct / 100, 12)  # the percent typed, as a fraction
        last[who] = value
    assert store.counts(code, 0) == (6, len(last))
    assert sorted(a.value for a in store.answers(code, 0)) == sorted(last.values())
    for who in range(6):
        assert store.mine(code, session(who, tag), 0) == last.get(who)
    assert store.counts(code, 1) == (6, 0)  # the next question has none yet


def test_joining_again_counts_once(store):
    code, _ = opened(store)
    for _ in range(3):
        store.join(code, session(1), T0)
    assert store.counts(code, 0) == (1, 0)


def test_a_thousand_answers_from_one_session_are_limited_and_one_is_stored(store):
    code, _ = opened(store)
    store.join(code, session(1), T0)
    outcomes = []
    for i in range(1000):
        try:
            store.submit(code, session(1), f"{i}%", T0 + 1)
            outcomes.append("ok")
        except Refused as err:
            outcomes.append(err.code)
    burst = int(logic.SUBMITS.burst)  # 5 at once, then one every 2 s
    assert outcomes[:burst] == ["ok"] * burst
    assert set(outcomes[burst:]) == {"rate_limited"}
    assert store.counts(code, 0) == (1, 1)
    assert store.answers(code, 0) == [Answer((burst - 1) / 100, "")]  # the 5th: "4%"
    # the limit is the session's, not the room's: a classmate is not refused
    store.join(code, session(2), T0)
    assert store.submit(code, session(2), "13%", T0 + 1) == 0.13
    # and the session itself gets a token back after SUBMITS.every seconds
    assert store.submit(code, session(1), "13%", T0 + 1 + logic.SUBMITS.every) == 0.13


def test_concurrent_students_are_all_counted(store):
    """Eight threads, 40 students each joining and answering twice at once:
    40 members, 40 answers, each the later one."""
    code, _ = opened(store)
    errors: list[BaseException] = []

    def student(first: int) -> None:
        try:
            for i in range(first, 40, 8):
                store.join(code, session(i), T0)
                store.submit(code, session(i), "10%", T0 + 1)
                store.submit(code, session(i), f"{i}%", T0 + 2)
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    threads = [threading.Thread(target=student, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.counts(code, 0) == (40, 40)
    assert sorted(a.value for a in store.answers(code, 0)) == [i / 100 for i in range(40)]


# ------------------------------------------------------------ only the key acts


@pytest.mark.parametrize("action", logic.ACTIONS)
def test_only_the_key_acts(store, action):
    room, key = store.open_room(QUESTIONS, T0)
    store.join(room.code, session(1), T0)
    store.submit(room.code, session(1), "7.2%", T0 + 1)
    before = store.room(room.code, T0 + 2)
    one_off = key[:-1] + ("B" if key[-1] != "B" else "C")
    for forged in (logic.new_key(), KEY_LIKE, "", logic.key_digest(key), one_off,
                   key + " ", key.upper() if key.upper() != key else key.lower()):
        for rev in (None, 0):
            refused("not_teacher", store.act, room.code, forged, action, T0 + 2, rev=rev)
    assert store.room(room.code, T0 + 2) == before  # phase, index, names, rev as they were
    assert store.answers(room.code, 0) == [Answer(0.072, "")]


def test_the_key_acts_and_reset_deletes_the_questions_answers(store):
    room, key = store.open_room(QUESTIONS, T0)
    store.join(room.code, session(1), T0)
    store.submit(room.code, session(1), "7.2%", T0 + 1)
    r = store.act(room.code, key, "lock", T0 + 2)
    assert (r.phase, r.rev) == ("locked", 1)
    refused("closed", store.submit, room.code, session(1), "13%", T0 + 3)
    r = store.act(room.code, key, "next", T0 + 4, rev=1)
    assert (r.index, r.phase, r.rev) == (1, "open", 2)
    store.submit(room.code, session(1), "¥1,400", T0 + 5)
    assert store.counts(room.code, 1) == (1, 1)
    r = store.act(room.code, key, "reset", T0 + 6)
    assert (r.index, r.phase) == (1, "open")
    assert store.counts(room.code, 1) == (1, 0)  # question 2's answers gone
    assert store.mine(room.code, session(1), 1) is None
    assert store.answers(room.code, 0) == [Answer(0.072, "")]  # question 1's kept
    assert store.room(room.code, T0 + 7) == r


def test_a_stale_revision_refuses(store):
    """Two teacher devices read rev 0; one locks; the other's reveal over
    rev 0 is refused and changes nothing."""
    room, key = store.open_room(QUESTIONS, T0)
    store.act(room.code, key, "lock", T0 + 1, rev=0)
    refused("stale", store.act, room.code, key, "reveal", T0 + 2, rev=0)
    got = store.room(room.code, T0 + 3)
    assert got is not None and (got.phase, got.rev) == ("locked", 1)
    # without a revision the action applies to the room as it is
    assert store.act(room.code, key, "reveal", T0 + 4).rev == 2


# ------------------------------------------------- codes, expiry, the cap


@pytest.mark.parametrize("bad", ["", "ABC", "ABC23O", "x" * 500, "ABCDEFG", "ÄBCDEF", "AB CD"])
def test_a_malformed_code_refuses(store, bad):
    assert store.room(bad, T0) is None
    refused("bad_code", store.join, bad, session(1), T0)
    refused("bad_code", store.submit, bad, session(1), "13%", T0)
    refused("bad_code", store.act, bad, KEY_LIKE, "lock", T0)
    assert store.counts(bad, 0) == (0, 0) and store.answers(bad, 0) == []


def test_a_code_that_does_not_exist_refuses(store):
    code, _ = opened(store)
    other = next(c for c in ("ABC234", "XYZ789") if c != code)
    assert store.room(other, T0) is None
    refused("no_room", store.join, other, session(1), T0)
    refused("no_room", store.submit, other, session(1), "13%", T0)
    refused("no_room", store.act, other, KEY_LIKE, "lock", T0)


def test_an_expired_room_refuses_and_goes_with_its_answers(store, url):
    room, key = store.open_room(QUESTIONS, T0)
    store.join(room.code, session(1), T0)
    store.submit(room.code, session(1), "13%", T0 + 1)
    late = T0 + 1 + logic.TTL_SECONDS + 1  # past the TTL since the last activity
    refused("expired", store.join, room.code, session(2), late)
    refused("expired", store.submit, room.code, session(1), "14%", late)
    refused("expired", store.act, room.code, key, "reveal", late)
    assert store.room(room.code, late) is None  # and deleted on the way
    refused("no_room", store.join, room.code, session(1), late)
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        for table in ("rooms", "members", "answers"):
            n = conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
            assert n == 0, table
    engine.dispose()


def test_activity_keeps_a_room_alive_and_sweep_deletes_the_idle(store):
    busy, _ = opened(store)
    idle, _ = opened(store)
    store.join(busy, session(1), T0 + 3600)  # an hour later: touched
    at = T0 + logic.TTL_SECONDS + 60  # the idle one is past its TTL, the busy one not
    assert store.sweep(at) == 1
    assert store.room(idle, at) is None
    assert store.room(busy, at) is not None
    assert store.counts(busy, 0) == (1, 0)


def test_the_room_caps_its_students(store, monkeypatch):
    monkeypatch.setattr(logic, "MAX_STUDENTS", 3)
    code, _ = opened(store)
    for i in range(3):
        store.join(code, session(i), T0)
    refused("full", store.join, code, session(9), T0)
    store.join(code, session(0), T0 + 1)  # one who joined before comes back
    assert store.counts(code, 0) == (3, 0)


def test_the_cap_holds_under_concurrent_joins(store, monkeypatch):
    monkeypatch.setattr(logic, "MAX_STUDENTS", 5)
    code, _ = opened(store)
    results: list[str] = []

    def join(i: int) -> None:
        try:
            store.join(code, session(i), T0)
            results.append("ok")
        except Refused as err:
            results.append(err.code)

    threads = [threading.Thread(target=join, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["full"] * 7 + ["ok"] * 5
    assert store.counts(code, 0) == (5, 0)


def test_failed_joins_are_rate_limited_per_session(store):
    code, _ = opened(store)
    for _ in range(int(logic.JOINS.burst)):
        refused("no_room", store.join, "ZZZZZZ" if code != "ZZZZZZ" else "YYYYYY",
                session(1), T0)
    refused("rate_limited", store.join, code, session(1), T0)  # even the right code now
    store.join(code, session(2), T0)  # another session is not held back
    store.join(code, session(1), T0 + logic.JOINS.every)  # a token back after 10 s


def test_a_student_must_join_before_answering(store):
    code, _ = opened(store)
    refused("not_joined", store.submit, code, session(1), "13%", T0)
    assert store.counts(code, 0) == (0, 0)


@pytest.mark.parametrize("text, why", [("", "empty"), ("abc", "not_number"),
                                       ("nan", "not_finite"), ("1e308", "too_large"),
                                       ("-5", "negative")])
def test_a_bad_answer_is_refused_and_nothing_stored(store, text, why):
    code, _ = opened(store)
    store.join(code, session(1), T0)
    refused(why, store.submit, code, session(1), text, T0)
    assert store.counts(code, 0) == (1, 0)


# --------------------------------------------------------------- SQL injection


INJECTIONS = ("'; DROP TABLE rooms; --", "\" OR 1=1 --", "ABC234' OR '1'='1",
              "Robert'); DROP TABLE members;--", "1; DELETE FROM answers")


@pytest.mark.parametrize("evil", INJECTIONS)
def test_sql_in_code_nick_text_and_session_is_harmless(store, url, evil):
    room, key = store.open_room(QUESTIONS, T0)
    store.join(room.code, session(1), T0)
    store.submit(room.code, session(1), "13%", T0 + 1)
    refused("bad_code", store.join, evil, session(2), T0)
    refused("bad_session", store.join, room.code, evil, T0)
    refused("not_number", store.submit, room.code, session(1), evil, T0 + 2)
    refused("not_teacher", store.act, room.code, evil, "end", T0 + 2)
    # as a nickname it is stored as typed (cleaned, cut to 16), a plain string
    store.submit(room.code, session(1), "14%", T0 + 3, nick=evil)
    assert store.answers(room.code, 0) == [Answer(0.14, logic.clean_nick(evil))]
    assert store.room(room.code, T0 + 4) == room  # every table still there, untouched
    engine = sa.create_engine(url)
    assert set(sa.inspect(engine).get_table_names()) >= {
        "rooms", "members", "answers", "buckets", "schema_version"}
    engine.dispose()


def test_two_stores_on_one_database_share_rooms(url):
    """Two stores (as two replicas keep) on one database: a room opened on
    one, joined and answered on the other, the reveal seen by both."""
    a, b = Store(url), Store(url)
    try:
        room, key = a.open_room(QUESTIONS, T0)
        b.join(room.code, session(1), T0 + 1)
        b.submit(room.code, session(1), "7.2%", T0 + 2)
        assert a.counts(room.code, 0) == (1, 1)
        a.act(room.code, key, "reveal", T0 + 3)
        for s in (a, b):
            got = s.room(room.code, T0 + 4)
            assert got is not None and got.phase == "revealed"
    finally:
        a.close()
        b.close()
