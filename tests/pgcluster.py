"""A throwaway PostgreSQL cluster for the tests (the live class's store, issue 23).

``initdb`` into a temporary folder, ``pg_ctl start`` listening only on a unix
socket in that folder (no TCP port to collide with another run), stopped and
deleted at the end.  ``initdb`` refuses to run as root, and CI runs as root:
then the cluster is made and run by the ``postgres`` system user (Debian's
package creates it) in a folder it owns; otherwise by the current user.

Without PostgreSQL's binaries the tests skip on a user's machine but FAIL
when ``CI`` is set, like the browser and proxy tests: a CI image that lost
the package must not turn the suite silently green.  (The fixtures are
defined in the test modules from :func:`cluster`, not in a ``conftest.py``:
a second one in a folder without ``__init__.py`` clashes with
``tests/browser``'s under ``--doctest-modules``.)
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def pg_bin() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl`` (Debian's, newest version first)."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).parent if found and shutil.which("pg_ctl") else None


def _as_owner(cmd: list[str], user: str | None) -> list[str]:
    return cmd if user is None else ["runuser", "-u", user, "--", *cmd]


def _missing(why: str) -> None:
    if in_ci():
        pytest.fail(f"CI: PostgreSQL is required ({why}); .ci/run installs it")
    pytest.skip(f"PostgreSQL not available: {why}")


def cluster(prefix: str = "rooms-pg-") -> Iterator[str]:
    """Start a cluster; yield its SQLAlchemy URL (psycopg 3, the unix socket);
    stop and delete it after."""
    binaries = pg_bin()
    if binaries is None:
        _missing("no initdb/pg_ctl found")
        return
    user: str | None = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            _missing("running as root and no 'postgres' user to run initdb as")
            return
        user = "postgres"
    base = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))  # short: socket paths <108 B
    data, log = base / "data", base / "server.log"
    if user is not None:
        shutil.chown(base, user=user)
    started = False
    try:
        subprocess.run(_as_owner([str(binaries / "initdb"), "-D", str(data), "-A", "trust",
                                  "-U", "rooms", "-E", "UTF8", "--no-sync", "--no-locale"],
                                 user), check=True, capture_output=True, timeout=120)
        opts = f"-k {base} -c listen_addresses='' -p 5432 -F"
        subprocess.run(_as_owner([str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log),
                                  "-o", opts, "-w", "-t", "60", "start"], user),
                       check=True, capture_output=True, timeout=90)
        started = True
        yield f"postgresql+psycopg://rooms@/postgres?host={base}&port=5432"
    except subprocess.CalledProcessError as err:
        text = (err.stderr or b"").decode(errors="replace")[-2000:]
        server = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        pytest.fail(f"PostgreSQL did not start: {text}\n{server}")
    finally:
        if started:
            subprocess.run(_as_owner([str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast",
                                      "-w", "stop"], user), capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)
