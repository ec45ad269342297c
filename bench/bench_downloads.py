"""What a century's downloads cost when clicked (issue 20), in one run.

The download buttons of the cash-line page keep the scenario's inputs and
build the file again when it is asked for (``ui.tables.csv_on_demand``).  For
the century link of ``bench/bench_hostile.py`` (a 2% minimum with no floor:
36,501 days) this prints, best of ``--repeat``: the simulation from the inputs
when it is no longer cached, the daily ledger's CSV (36,501 rows x 14
columns) and the statements' CSV, and the size of each file.  It asserts
nothing: benchmarks print.

Run::

    python bench/bench_downloads.py
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_hostile import century_scenario  # noqa: E402
from ui import memo, tables  # noqa: E402
from ui.scenarios import cashline as sc  # noqa: E402


def best(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def main() -> None:
    from streamlit.logger import set_log_level

    set_log_level("error")  # outside a server run: no "missing ScriptRunContext" per label
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    run = sc.inputs(century_scenario(0))

    def fresh() -> object:
        memo.STORE.clear()
        return sc.simulate(run)

    secs, r = best(fresh, args.repeat)
    print(f"century simulation from the inputs (not cached): {1000 * secs:.0f} ms")
    for name, table in (("daily ledger", tables.ledger(r)),  # type: ignore[arg-type]
                        ("statements", tables.statements(r))):  # type: ignore[arg-type]
        secs, text = best(lambda t=table: tables.csv_text(t), args.repeat)
        print(f"{name} CSV: {table.rows():,} rows, {len(str(text)) / 1e6:.2f} M characters,"
              f" {1000 * secs:.0f} ms")


if __name__ == "__main__":
    main()
