"""The live page on two app replicas sharing one PostgreSQL (issue 23).

Two ``streamlit run`` processes of the app (``deploy/replicas.py``'s command,
each on its own loopback port, ``ROOMS_DATABASE_URL`` naming one throwaway
PostgreSQL cluster, :mod:`tests.pgcluster`), driven over Streamlit's own
websocket protocol (``bench/wsclient.py``) as phones and a projector would:
the teacher opens a room from a lesson on replica A, students join and
answer on replica B, the projector on A counts them, the teacher's reveal
on A reaches the phones on B.  Each session is aimed at one replica's port
directly so the test knows which replica serves it (nginx's cookie routing
is ``test_proxy.py``'s subject).  In CI a missing PostgreSQL fails.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from urllib.parse import parse_qs

import pytest

from bench.wsclient import Session
from deploy.replicas import REPO, free_ports, spawn, stop, streamlit_cmd, wait_healthy
from rooms.store import Store
from tests import pgcluster

pytestmark = pytest.mark.deploy

ANSWER = "13.03%"  # the first lesson's true nominal APR, as the page writes it


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    yield from pgcluster.cluster(prefix="rooms-pg-live-")


@pytest.fixture(scope="module")
def apps(pg_url: str, tmp_path_factory) -> Iterator[tuple[str, str]]:
    """Two app processes on one PostgreSQL: their base URLs."""
    tmp = tmp_path_factory.mktemp("live-replicas")
    env = {**os.environ, "ROOMS_DATABASE_URL": pg_url}
    procs, targets, urls = [], [], []
    try:
        for i, port in enumerate(free_ports(2)):
            log = tmp / f"app{i}.log"
            proc = spawn(streamlit_cmd(REPO / "streamlit_app.py", port), cwd=REPO, log=log,
                         env=env)
            procs.append(proc)
            targets.append((f"http://127.0.0.1:{port}/_stcore/health", proc, log))
            urls.append(f"http://127.0.0.1:{port}")
        wait_healthy(targets, timeout=90)
        yield urls[0], urls[1]
    finally:
        for proc in procs:
            stop(proc)


def states(s: Session, **values: object):
    """Widget states: ``key=str`` a text input's value, ``key=True`` a click."""
    from streamlit.proto.WidgetStates_pb2 import WidgetStates

    out = WidgetStates()
    for key, value in values.items():
        w = out.widgets.add()
        w.id = s.widget_ids[key]
        if value is True:
            w.trigger_value = True
        else:
            w.string_value = str(value)
    return out


def text(s: Session) -> str:
    return "\n".join(s.texts)


def test_a_room_opened_on_one_replica_is_answered_on_the_other(apps, pg_url):
    a, b = apps
    # the teacher, on replica A, starts a live class from the first lesson
    teacher = Session(a, query="lang=en")
    phones: list[Session] = []
    projector = None
    try:
        teacher.run(page_name="lessons")
        start = next(k for k in teacher.widget_ids if k.startswith("lessons-do-live-"))
        teacher.run(states(teacher, **{start: True}), page_name="lessons")
        query = parse_qs(teacher.address)
        code = query["room"][0]
        assert query["view"] == ["teacher"] and "k" not in query  # the key stays in the session
        teacher.query = teacher.address
        teacher.run(page_name="live")
        assert "live-do-reveal" in teacher.widget_ids  # the controls: this session holds the key

        # three phones on replica B join with the code and answer (one changes its mind)
        for i in range(3):
            phone = Session(b, query=f"lang=en&room={code}&s=phone-token-{i:04d}")
            phone.run(page_name="live")
            phones.append(phone)
        for phone, typed in zip(phones, ("7.2%", "13%", "13.03%"), strict=True):
            phone.run(states(phone, **{"live-answer-0": typed,
                                       "FormSubmitter:live-send-0-Send": True}),
                      fragment_id=phone.fragments["live-answer-0"], page_name="live")
        phones[0].run(states(phones[0], **{"live-answer-0": "12%",
                                           "FormSubmitter:live-send-0-Send": True}),
                      fragment_id=phones[0].fragments["live-answer-0"], page_name="live")
        store = Store(pg_url)
        try:
            assert store.counts(code, 0) == (3, 3)  # three students, each counted once
            assert sorted(x.value for x in store.answers(code, 0)) == [0.12, 0.13, 0.1303]
        finally:
            store.close()

        # the projector, on replica A, shows 3 joined and 3 answered, the answer hidden
        projector = Session(a, query=f"lang=en&room={code}&view=projector")
        projector.run(page_name="live")
        assert projector.metrics[:2] == ["3", "3"], projector.metrics
        assert ANSWER not in text(projector)
        assert "live-do-reveal" not in projector.widget_ids  # no key, no controls

        # a phone on B asking for the teacher's view gets no controls
        phones[1].query = f"lang=en&room={code}&view=teacher&k={'A' * 22}"
        phones[1].run(page_name="live")
        assert "live-do-reveal" not in phones[1].widget_ids

        # the teacher reveals on A; the phones on B and the projector on A see the answer
        teacher.run(states(teacher, **{"live-do-reveal": True}),
                    fragment_id=teacher.fragments["live-do-reveal"], page_name="live")
        for phone in (phones[0], phones[2]):
            phone.run(page_name="live")
            assert ANSWER in text(phone), phone.texts
        projector.run(page_name="live")
        assert ANSWER in text(projector), projector.texts
    finally:
        for s in (teacher, *phones, *([projector] if projector else [])):
            s.close()
