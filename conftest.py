"""Suite-wide rules: a missing catalogue key shows; in CI no test may skip.

Every test runs with ``I18N_STRICT`` set (``ui.i18n``): a key a language
lacks renders as ``⟦key⟧`` instead of falling back to another language, so
a page test that looks for ``⟦`` names it.  Set here, before any test
imports the app, it reaches the browser tests' app servers too (they inherit
the environment).

A skip on a user's machine says what is missing there (Chromium, nginx);
in CI (``CI=true``) the same skip would hide a broken image, so the run
fails, naming each skipped test.  The browser and proxy fixtures already
fail in CI; this catches every other skip, an ``importorskip`` included.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("I18N_STRICT", "1")


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not _in_ci():
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter is not None else []
    if skipped:
        names = ", ".join(sorted({r.nodeid for r in skipped}))
        if reporter is not None:
            reporter.write_line(f"CI: {len(skipped)} test(s) skipped, which CI forbids: {names}",
                                red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
