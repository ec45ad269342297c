"""The floor page of ``bench_class.py``: what a run costs with nothing of the app's own.

One number input, one metric and one Plotly chart, under the app's key names
(``cmp-p``, ``cmp-el-chart``) so the same edit reaches it, with the app's imports
(pandas, plotly, Streamlit and every module of ``calc`` and ``ui``, so the process
holds as many objects for the garbage collector to walk) and ``gc.freeze()``
once per process after the first run, as ``streamlit_app.py`` does.  A figure of
the app divided by this page's, measured in the same run, tells the app's cost
apart from this machine's load at the moment.

Started from the repository's root (``streamlit run bench/floor_app.py``), it
reads the same ``.streamlit/config.toml`` as the app.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pandas  # noqa: E402, F401  (the app's imports)
import plotly.graph_objects as go  # noqa: E402
import streamlit as st  # noqa: E402


@st.cache_resource
def _import_app_modules() -> tuple[str, ...]:
    """Import every module of ``calc`` and ``ui`` once; the names that failed."""
    failed = []
    for pkg_name in ("calc", "ui"):
        pkg = importlib.import_module(pkg_name)
        for mod in pkgutil.walk_packages(pkg.__path__, prefix=f"{pkg_name}."):
            try:
                importlib.import_module(mod.name)
            except Exception:  # another engineer's half-done module must not stop the floor
                failed.append(mod.name)
    return tuple(failed)


failed = _import_app_modules()

p = st.number_input("price", value=10000.0, key="cmp-p")
st.metric("price", f"\u00a5{p:,.2f}")
st.plotly_chart(go.Figure(go.Scatter(y=[0, p / 2, p])), key="cmp-el-chart")
if failed:
    st.caption("not imported: " + ", ".join(failed))


@st.cache_resource
def _freeze_startup_objects() -> bool:
    gc.freeze()
    return True


_freeze_startup_objects()
