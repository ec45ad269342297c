"""The catalogues' load at import and t()'s lookups: prints figures, asserts nothing.

    nice -n 10 python bench/bench_i18n.py

The load is timed in fresh interpreters: the import of ``ui.i18n`` (which
brings in ``ui.codec``, ``ui.catalogs``, Babel and the ``.po`` files) after
its other dependencies are imported, so what is timed is the catalogues and
the link codec; then, in this process, a second ``ui.catalogs.load()`` (Babel
already imported).  The lookups are timed with ``timeit``, best of five.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_CHILD = """
import time
import base64, dataclasses, logging, math, re, string, urllib.parse, zlib
import calc.errors, ui.fmt, ui.query_limit
t0 = time.perf_counter()
import ui.i18n
print((time.perf_counter() - t0) * 1e3)
"""


def load_ms(runs: int = 9) -> list[float]:
    out = []
    for _ in range(runs):
        got = subprocess.run([sys.executable, "-c", _CHILD], cwd=ROOT, capture_output=True,
                             text=True, check=True)
        out.append(float(got.stdout.strip()))
    return out


def lookup_us() -> tuple[float, float, float]:
    from ui.i18n import t

    n = 200_000
    plain = min(timeit.repeat(lambda: t("cmp.price", "en"), number=n, repeat=5)) / n * 1e6
    fmt = min(timeit.repeat(lambda: t("cmp.plan_n", "zh", n=2), number=n, repeat=5)) / n * 1e6
    gone = min(timeit.repeat(lambda: t("no.such_key", "en"), number=n // 10, repeat=5))
    return plain, fmt, gone / (n // 10) * 1e6


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    ms = load_ms()
    print(f"catalogue load (import ui.i18n): median {statistics.median(ms):.1f} ms, "
          f"min {min(ms):.1f} ms over {len(ms)} fresh interpreters")
    try:
        from ui.catalogs import load  # type: ignore[import-not-found, unused-ignore]
    except ImportError:  # the dict catalogues (before issue 22)
        pass
    else:
        reads = []
        for _ in range(5):
            t0 = time.perf_counter()
            load()
            reads.append((time.perf_counter() - t0) * 1e3)
        print(f"ui.catalogs.load() again (Babel imported): best {min(reads):.1f} ms")
    plain, fmt, gone = lookup_us()
    print(f"t(key, lang): {plain:.3f} µs; t(key, lang, n=2): {fmt:.3f} µs; "
          f"missing key: {gone:.3f} µs")
