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
from ui.scenarios.budget import BUDGET
from ui.scenarios.cashline import CASH
from ui.scenarios.compare import COMPARE

st.set_page_config(
    page_title="分期明白 · Installment Clarity", page_icon=":material/calculate:", layout="wide"
)
state.init_lang()


def _take_lang() -> None:
    """The switch's on_change: the same rules as every bound widget (ui.widgets)."""
    code = st.session_state.get("app-lang")
    if code in LANGS:
        state.set_lang(code)


with st.sidebar:
    st.markdown(f"### {t('app.title')}")
    st.caption(t("app.tagline"))
    if st.session_state.get("app-lang") != state.lang():  # seeded where it differs
        st.session_state["app-lang"] = state.lang()
    st.segmented_control(
        t("app.lang"), LANGS, key="app-lang", required=True, on_change=_take_lang,
        format_func=lambda c: {"zh": "中文", "en": "English"}[c],
    )

# One entry per page: its link code (the schema's page), its script and its path.
PAGES = {
    COMPARE.page: st.Page("app_pages/compare.py", title=t("nav.compare"),
                          icon=":material/balance:", url_path="compare", default=True),
    CASH.page: st.Page("app_pages/cashline.py", title=t("nav.cashline"),
                       icon=":material/payments:", url_path="cashline"),
    BUDGET.page: st.Page("app_pages/budget.py", title=t("nav.budget"),
                         icon=":material/account_balance:", url_path="budget"),
}
page = st.navigation(list(PAGES.values()))
state.follow_link(PAGES, page, default=COMPARE.page)
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
    params = state.share_params()
    if params:
        # in a popover: st.code brings a 1.5 MB syntax highlighter that would
        # otherwise load, and compete with the charts, on every first visit
        with st.popover(t("app.share"), icon=":material/link:", width="stretch"):
            st.caption(t("app.share_help"))
            st.code(state.share_url(params), language=None, wrap_lines=True)
