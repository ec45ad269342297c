"""分期明白 / Installment Clarity: the entrypoint.

Page config, the language switch, the share link and the navigation; the
pages themselves live in ``app_pages/``.  (Not ``pages/``: Streamlit still
auto-discovers that folder, and the first visit after a server start to a
page's URL, say a shared /cashline link, would run the page bare, without
this entrypoint's language switch and share link.)
"""

from __future__ import annotations

import gc

import streamlit as st

from ui import state
from ui.codec import LANGS
from ui.i18n import t

st.set_page_config(
    page_title="分期明白 · Installment Clarity", page_icon=":material/calculate:", layout="wide"
)

state.init_lang()
if st.session_state.get("w_lang") in LANGS:  # the switch, changed before this run began
    state.set_lang(st.session_state["w_lang"])
else:
    st.session_state["w_lang"] = state.lang()

with st.sidebar:
    st.markdown(f"### {t('app.title')}")
    st.caption(t("app.tagline"))
    st.segmented_control(
        t("app.lang"), LANGS, key="w_lang", required=True,
        format_func=lambda c: {"zh": "中文", "en": "English"}[c],
    )

page = st.navigation([
    st.Page("app_pages/compare.py", title=t("nav.compare"), icon=":material/balance:",
            url_path="compare", default=True),
    st.Page("app_pages/cashline.py", title=t("nav.cashline"), icon=":material/payments:",
            url_path="cashline"),
])
page.run()


@st.cache_resource
def _freeze_startup_objects() -> bool:
    """Once per server process, after its first run: Streamlit collects garbage
    after every run, and moving what the imports and the first run made out of
    the collector's sight keeps that collection short (../shared/streamlit.md,
    Performance). Holds no user data."""
    gc.freeze()
    return True


_freeze_startup_objects()

with st.sidebar:
    params = st.session_state.get("_share_params")
    if params:
        # in a popover: st.code brings a 1.5 MB syntax highlighter that would
        # otherwise load, and compete with the charts, on every first visit
        with st.popover(t("app.share"), icon=":material/link:", width="stretch"):
            st.caption(t("app.share_help"))
            st.code(state.share_url(params), language=None, wrap_lines=True)
