"""The rules of a live class (issue 23), pure: no I/O, no Streamlit, no text.

A *room* is a class session: a short join code students type or scan, a
secret teacher key (only its digest is kept), the questions of the lesson
it was started from, which question is on and its *phase*:

=========  ==================================================================
phase      what students may do
=========  ==================================================================
open       submit an answer, and change it (a new one replaces the old)
locked     nothing: the teacher has closed the question, answer still hidden
revealed   nothing: the answer, the median and the common wrong answer shown
ended      nothing: the class is over (the room is deleted when it expires)
=========  ==================================================================

Only the holder of the teacher key may :func:`act` (lock, unlock, reveal,
next, reset, end, names).  Everything a store needs to decide is here, so it
is tested without a database (``tests/rooms/test_logic.py``), and the store
(:mod:`rooms.store`) only loads, calls and saves.

Units: answers are in calc's units (:data:`KINDS`): a ``rate`` a year and a
``share`` of income as fractions, a ``cost`` in yuan, ``months`` a count.
Times are seconds (``time.time()``), passed in by the caller.

Example
-------
A room on one question, a class of three, the teacher revealing:

>>> key = "k" * 22
>>> room = new_room("ABC234", key, (Question("monthly_fee", "rate", 0.1303),), now=0.0)
>>> room.phase, may_submit(room, now=10.0)
('open', None)
>>> act(room, "reveal", "forged", now=20.0)
Traceback (most recent call last):
...
rooms.logic.Refused: not_teacher
>>> act(room, "reveal", key, now=20.0).phase
'revealed'
>>> s = summarise([0.072, 0.13, 0.14], room.question)
>>> s.count, f"{s.median:.2%}", s.within, s.near_wrong
(3, '13.00%', 2, 0)
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import statistics
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

__all__ = [
    "ALPHABET", "CODE_LENGTH", "KEY_BYTES", "MAX_STUDENTS", "TTL_SECONDS", "PHASES",
    "ACTIONS", "KINDS", "MAX_VALUE", "NICK_LENGTH", "SUBMITS", "JOINS", "Refused",
    "Question", "Room", "Limit", "Bucket", "Bin", "Summary", "new_code", "normal_code",
    "new_key", "key_digest", "key_matches", "new_room", "expired", "act", "may_submit",
    "may_join", "parse_answer", "clean_nick", "take", "margin", "summarise", "histogram",
]

#: Join codes: 31 symbols with no look-alikes (no 0/O, 1/I/L, and no U/V
#: pair worries: V kept, U kept; lower case is read as upper case).
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
#: 31^6 ≈ 887 million codes: a guess hits one of 1,000 open rooms with
#: probability about 1 in 887,000, and failed joins are rate-limited.
CODE_LENGTH = 6
#: The teacher key's entropy: 16 bytes, 128 bits (:func:`new_key`).
KEY_BYTES = 16
#: A room's students at most (a lecture hall; the bench measures 100).
MAX_STUDENTS = 300
#: A room expires this long after its last activity (12 h), answers and all.
TTL_SECONDS = 12 * 3600.0
PHASES = ("open", "locked", "revealed", "ended")
#: The teacher's actions.
ACTIONS = ("lock", "unlock", "reveal", "next", "reset", "end", "names")
#: What a question asks for (the lessons' guess kinds, ``ui.lessons.GUESS_KINDS``).
KINDS = ("rate", "cost", "months", "share")
#: The largest answer taken, in the unit a student types: 1,000% a year or
#: of income, ¥100 million, 1,200 months (a century).
MAX_VALUE = {"rate": 1000.0, "share": 1000.0, "cost": 1e8, "months": 1200.0}
#: A nickname's length at most, in characters.
NICK_LENGTH = 16


class Refused(Exception):
    """An action or an input refused; ``str(err)`` is a stable code the UI
    words: ``not_teacher``, ``expired``, ``ended``, ``closed``, ``bad_action``,
    ``last_question``, ``full``, ``no_room``, ``bad_code``, ``rate_limited``,
    ``empty``, ``not_number``, ``not_finite``, ``negative``, ``too_large``,
    ``not_joined``."""

    @property
    def code(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Question:
    """A question: the lesson it comes from, its :data:`KINDS` and the true
    answer (computed by calc when the room is made), in calc's units; the
    common wrong answer when the lesson knows one (``wrong``, same units).

    A question asked of a calculator page's scenario (not a lesson's) also
    carries its wording: ``text``, the catalogue key of the question, and
    ``params``, its placeholders already written in each language (``{"zh":
    {...}, "en": {...}}``: a plan's name, the scenario's terms), so every
    viewer reads it in their own; and ``tolerance``, how near counts as right
    (calc's units; ``None``: :func:`margin`'s rule for the kind).  A lesson's
    question leaves them empty: its wording is the lesson's own."""

    lesson: str
    kind: str
    answer: float
    wrong: float | None = None
    text: str = ""
    params: dict[str, dict[str, str]] = field(default_factory=dict, hash=False)
    tolerance: float | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS or not math.isfinite(self.answer):
            raise ValueError(f"question {self.lesson!r}: {self.kind!r}, {self.answer!r}")
        if self.tolerance is not None and not (math.isfinite(self.tolerance)
                                               and self.tolerance >= 0):
            raise ValueError(f"question {self.lesson!r}: tolerance {self.tolerance!r}")


@dataclass(frozen=True)
class Room:
    """A room as stored: ``index`` is the question on (from 0), ``names``
    whether the projector shows nicknames, ``rev`` counts changes (a store
    writes a change only over the revision it read), ``scenario`` the
    calculator scenario it was started from, if any."""

    code: str
    key_digest: str
    questions: tuple[Question, ...]
    index: int = 0
    phase: str = "open"
    names: bool = False
    created: float = 0.0
    touched: float = 0.0
    rev: int = 0
    #: The link parameters of the calculator scenario the room was started
    #: from (shortened, without a language); ``{}`` for a lesson's room.
    scenario: dict[str, str] = field(default_factory=dict, hash=False)

    @property
    def question(self) -> Question:
        return self.questions[self.index]

    @property
    def last(self) -> bool:
        """Whether the question on is the room's last."""
        return self.index >= len(self.questions) - 1


# ----------------------------------------------------------------------------- codes, keys


def new_code(choice: Callable[[str], str] = secrets.choice) -> str:
    """A join code of :data:`CODE_LENGTH` symbols of :data:`ALPHABET`.

    >>> code = new_code()
    >>> len(code), set(code) <= set(ALPHABET)
    (6, True)
    """
    return "".join(choice(ALPHABET) for _ in range(CODE_LENGTH))


def normal_code(text: str) -> str | None:
    """A typed code as stored (upper case, spaces and dashes dropped, full-width
    letters folded), or ``None`` when it cannot be one.

    >>> normal_code(" abc-234 "), normal_code("ABC23O"), normal_code("x" * 500)
    ('ABC234', None, None)
    """
    if len(text) > 4 * CODE_LENGTH:
        return None
    code = unicodedata.normalize("NFKC", text).upper().replace(" ", "").replace("-", "")
    if len(code) != CODE_LENGTH or any(c not in ALPHABET for c in code):
        return None
    return code


def new_key() -> str:
    """A teacher key: :data:`KEY_BYTES` random bytes, URL-safe (22 characters).

    >>> len(new_key()), new_key() != new_key()
    (22, True)
    """
    return secrets.token_urlsafe(KEY_BYTES)


def key_digest(key: str) -> str:
    """What a store keeps of a key: its SHA-256, hex (the key itself is never
    stored, so a copy of the database cannot drive a room).

    >>> key_digest("abc")[:16]
    'ba7816bf8f01cfea'
    """
    return hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()


def key_matches(digest: str, given: object) -> bool:
    """Whether ``given`` is the key of ``digest``, compared in constant time
    (:func:`hmac.compare_digest` over the digests: the time does not depend
    on how much of a guess is right).  Anything not a string of a plausible
    length is no key.

    >>> d = key_digest("s3cret")
    >>> key_matches(d, "s3cret"), key_matches(d, "s3cres"), key_matches(d, None)
    (True, False, False)
    """
    if not isinstance(given, str) or not 0 < len(given) <= 64:
        return False
    return hmac.compare_digest(digest, key_digest(given))


# ----------------------------------------------------------------------------- the room


def new_room(code: str, key: str, questions: Sequence[Question], now: float,
             scenario: dict[str, str] | None = None) -> Room:
    """A room on its first question, open."""
    if not questions:
        raise ValueError("a room needs a question")
    return Room(code, key_digest(key), tuple(questions), created=now, touched=now,
                scenario=dict(scenario or {}))


def expired(room: Room, now: float) -> bool:
    """Whether ``room`` has expired: :data:`TTL_SECONDS` since its last activity.

    >>> r = new_room("ABC234", "k", (Question("x", "months", 37.0),), now=0.0)
    >>> expired(r, TTL_SECONDS), expired(r, TTL_SECONDS + 1)
    (False, True)
    """
    return now - room.touched > TTL_SECONDS


def act(room: Room, action: str, key: object, now: float) -> Room:
    """``room`` after the teacher's ``action``; :class:`Refused` when the key
    is not the room's (checked first, whatever the action), the room has
    expired or ended, or the action does not apply.

    * ``lock`` / ``unlock``: close or reopen the question (answers kept);
    * ``reveal``: show the answer (locks it too);
    * ``next``: the next question, open (``last_question`` on the last);
    * ``reset``: the question open again; a store deletes its answers;
    * ``end``: the class is over; ``names``: nicknames shown or not.

    >>> r = new_room("ABC234", "k", (Question("a", "months", 1.0),
    ...                              Question("b", "months", 2.0)), now=0.0)
    >>> r = act(act(r, "lock", "k", 1.0), "next", "k", 2.0)
    >>> r.index, r.phase, r.rev, r.touched
    (1, 'open', 2, 2.0)
    """
    if not key_matches(room.key_digest, key):
        raise Refused("not_teacher")
    if expired(room, now):
        raise Refused("expired")
    if room.phase == "ended":
        raise Refused("ended")
    if action == "lock":
        if room.phase != "open":
            raise Refused("bad_action")
        changed = replace(room, phase="locked")
    elif action == "unlock":
        if room.phase != "locked":
            raise Refused("bad_action")
        changed = replace(room, phase="open")
    elif action == "reveal":
        changed = replace(room, phase="revealed")
    elif action == "next":
        if room.last:
            raise Refused("last_question")
        changed = replace(room, index=room.index + 1, phase="open")
    elif action == "reset":
        changed = replace(room, phase="open")
    elif action == "end":
        changed = replace(room, phase="ended")
    elif action == "names":
        changed = replace(room, names=not room.names)
    else:
        raise Refused("bad_action")
    return replace(changed, touched=now, rev=room.rev + 1)


def may_submit(room: Room | None, now: float) -> str | None:
    """Why an answer to the question on cannot be taken now (a
    :class:`Refused` code), or ``None`` when it can."""
    if room is None:
        return "no_room"
    if expired(room, now):
        return "expired"
    if room.phase == "ended":
        return "ended"
    if room.phase != "open":
        return "closed"
    return None


def may_join(room: Room | None, students: int, returning: bool, now: float) -> str | None:
    """Why a session cannot join ``room`` holding ``students`` (a session that
    has joined before always may come back, a full room notwithstanding).

    >>> r = new_room("ABC234", "k", (Question("x", "months", 1.0),), now=0.0)
    >>> may_join(r, MAX_STUDENTS, False, 1.0), may_join(r, MAX_STUDENTS, True, 1.0)
    ('full', None)
    """
    if room is None:
        return "no_room"
    if expired(room, now):
        return "expired"
    if room.phase == "ended" and not returning:
        return "ended"
    if students >= MAX_STUDENTS and not returning:
        return "full"
    return None


# ----------------------------------------------------------------------------- inputs


def parse_answer(text: str, kind: str) -> float:
    """A typed answer in calc's units, or :class:`Refused` naming what is wrong.

    Typed as the lesson asks: a percent for a ``rate`` or a ``share`` (the
    ``%`` sign optional), yuan for a ``cost`` (``¥``, ``元`` and thousands
    commas allowed), months as a number.  Full-width digits (``１３．０３``)
    are read as digits.  Nothing is silently changed: out of range is refused.

    >>> parse_answer("13.03%", "rate"), parse_answer("¥1,378.56", "cost")
    (0.1303, 1378.56)
    >>> parse_answer("３７", "months")
    37.0
    >>> for bad in ("", "abc", "nan", "1e308", "-5"):
    ...     try:
    ...         parse_answer(bad, "rate")
    ...     except Refused as err:
    ...         print(err.code)
    empty
    not_number
    not_finite
    too_large
    negative
    """
    if kind not in KINDS:
        raise ValueError(kind)
    s = unicodedata.normalize("NFKC", text or "").strip()[:40]
    for mark in ("%", "¥", "元", ",", " ", "个月", "months", "month"):
        s = s.replace(mark, "")
    if not s:
        raise Refused("empty")
    try:
        value = float(s)
    except ValueError:
        raise Refused("not_number") from None
    if not math.isfinite(value):
        raise Refused("not_finite")
    if value < 0:
        raise Refused("negative")
    if value > MAX_VALUE[kind]:
        raise Refused("too_large")
    return round(value / 100, 12) if kind in ("rate", "share") else value


def clean_nick(text: str) -> str:
    """A nickname as kept: control and format characters dropped, spaces
    squeezed, at most :data:`NICK_LENGTH` characters (escaped where shown).

    >>> clean_nick("  小\\u200b明\\n  **bold** "), len(clean_nick("x" * 99))
    ('小明 **bold**', 16)
    """
    kept = "".join(c for c in unicodedata.normalize("NFKC", text[:200])
                   if unicodedata.category(c)[0] != "C")
    return " ".join(kept.split())[:NICK_LENGTH]


# ----------------------------------------------------------------------------- rate limits


@dataclass(frozen=True)
class Limit:
    """A token bucket: ``burst`` actions at once, then one per ``every`` seconds."""

    burst: float
    every: float


@dataclass(frozen=True)
class Bucket:
    """A bucket's state: ``tokens`` left at time ``at``."""

    tokens: float
    at: float


#: Answers per session: 5 at once, then one every 2 s (a student changing
#: their mind a few times is never refused; 1,000 in a burst are).
SUBMITS = Limit(5.0, 2.0)
#: Failed joins per session: 5, then one every 10 s (a code is not guessed).
JOINS = Limit(5.0, 10.0)


def take(bucket: Bucket | None, now: float, limit: Limit) -> tuple[bool, Bucket]:
    """Take a token: (allowed, the bucket after).  A new session's bucket is full.

    >>> ok = [take(None, 0.0, Limit(2, 10))]
    >>> ok.append(take(ok[-1][1], 0.0, Limit(2, 10)))
    >>> ok.append(take(ok[-1][1], 0.0, Limit(2, 10)))
    >>> ok.append(take(ok[-1][1], 10.0, Limit(2, 10)))
    >>> [a for a, _ in ok]
    [True, True, False, True]
    """
    if bucket is None:
        bucket = Bucket(limit.burst, now)
    tokens = min(limit.burst, bucket.tokens + max(0.0, now - bucket.at) / limit.every)
    if tokens >= 1.0:
        return True, Bucket(tokens - 1.0, now)
    return False, Bucket(tokens, now)


# ----------------------------------------------------------------------------- the aggregate


def margin(question: Question) -> float:
    """How near an answer counts as right, in calc's units: the question's
    own ``tolerance`` when it has one, else 1 percentage point for a rate or
    a share, 5% of the answer for a cost, 1 month.

    >>> margin(Question("x", "cost", 1378.56)), margin(Question("x", "cost", 72.0, tolerance=4.0))
    (68.928, 4.0)
    """
    if question.tolerance is not None:
        return question.tolerance
    if question.kind in ("rate", "share"):
        return 0.01
    if question.kind == "cost":
        return 0.05 * abs(question.answer)
    return 1.0


@dataclass(frozen=True)
class Summary:
    """The class's answers to one question: how many, their median, how many
    within :func:`margin` of the answer, and how many within the same margin
    of the lesson's common wrong answer (0 when it names none)."""

    count: int
    median: float | None
    within: int
    near_wrong: int


def summarise(values: Iterable[float], question: Question) -> Summary:
    """:class:`Summary` of ``values`` (one per student) against ``question``.

    >>> q = Question("monthly_fee", "rate", 0.1303, wrong=0.072)
    >>> summarise([0.072, 0.0725, 0.13, 0.5], q)
    Summary(count=4, median=0.10125, within=1, near_wrong=2)
    >>> summarise([], q)
    Summary(count=0, median=None, within=0, near_wrong=0)
    """
    vals = list(values)
    m = margin(question)
    # a small tolerance: an answer typed exactly on the margin counts (float sums)
    eps = 1e-9 * max(1.0, abs(question.answer))
    within = sum(abs(v - question.answer) <= m + eps for v in vals)
    wrong = question.wrong
    near = 0 if wrong is None else sum(abs(v - wrong) <= m + eps for v in vals)
    return Summary(len(vals), statistics.median(vals) if vals else None, within, near)


@dataclass(frozen=True)
class Bin:
    """``count`` answers in ``[lo, hi)`` (the last bin includes ``hi``)."""

    lo: float
    hi: float
    count: int


def histogram(values: Sequence[float], bins: int = 20) -> list[Bin]:
    """``values`` in ``bins`` equal bins over their range (one bin when they
    are all equal, none when there are none); the counts add up to
    ``len(values)``.

    >>> [(b.lo, b.hi, b.count) for b in histogram([0.0, 1.0, 1.0, 4.0], bins=2)]
    [(0.0, 2.0, 3), (2.0, 4.0, 1)]
    """
    if not values:
        return []
    lo, hi = min(values), max(values)
    if hi <= lo:
        return [Bin(lo, hi, len(values))]
    width = (hi - lo) / bins
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, int((v - lo) / width))] += 1
    return [Bin(lo + i * width, lo + (i + 1) * width if i < bins - 1 else hi, n)
            for i, n in enumerate(counts)]
