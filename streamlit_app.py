"""分期明白 / Installment Clarity: the entrypoint.

Page config, the language switch, the share link and the navigation; the
pages themselves live in ``app_pages/``.  (Not ``pages/``: Streamlit still
auto-discovers that folder, and the first visit after a server start to a
page's URL, say a shared /cashline link, would run the page bare, without
this entrypoint's language switch and share link.)
"""

from __future__ import annotations

import streamlit as st

from ui import classroom, query_limit, state
from ui.codec import LANGS
from ui.i18n import language_name, t
from ui.live import LIVE_PAGE
from ui.scenarios.budget import BUDGET
from ui.scenarios.cashline import CASH
from ui.scenarios.classroom import GLOSSARY_SCHEMA, LESSONS_SCHEMA
from ui.scenarios.compare import COMPARE
from ui.widgets import labels

# once per process: a link Streamlit ignores for its number of parameters is
# noticed from its warning (ui.query_limit), and named by the page it opens
query_limit.install()

st.set_page_config(
    page_title="分期明白 · Installment Clarity", page_icon=":material/calculate:", layout="wide"
)
state.init_lang()
state.init_mode()
classroom.apply()
state.one_entry_per_page()  # Back leaves the page, not the last edit (ui.state)


def _take_lang() -> None:
    """The switch's on_change: the same rules as every bound widget (ui.widgets)."""
    code = st.session_state.get("app-lang")
    if code in LANGS:
        state.set_lang(code)
    state.rerun_page()


#: The mode switch's options: "off" is no classroom mode ("" in the session).
_MODE_OPTIONS = ("off", *state.MODES)


def _take_mode() -> None:
    code = st.session_state.get("app-mode")
    if code in _MODE_OPTIONS:
        state.set_mode("" if code == "off" else str(code))
    state.rerun_page()


with st.sidebar:
    st.markdown(f"### {t('app.title')}")
    st.caption(t("app.tagline"))
    if st.session_state.get("app-lang") != state.lang():  # seeded where it differs
        st.session_state["app-lang"] = state.lang()
    st.segmented_control(
        t("app.lang"), LANGS, key="app-lang", required=True, on_change=_take_lang,
        format_func=language_name,  # each language in its own name (its catalogue's)
    )
    # seeded where it differs, and after a language switch relabels it (the
    # rules of ui.widgets: the browser sends the label it shows)
    shown_mode, mode_label = state.mode() or "off", labels("app.mode_opt")
    if (st.session_state.get("app-mode") != shown_mode
            or st.session_state.get("app:mode_label") != mode_label(shown_mode)):
        st.session_state["app-mode"] = shown_mode
    st.session_state["app:mode_label"] = mode_label(shown_mode)
    st.segmented_control(
        t("app.mode"), _MODE_OPTIONS, key="app-mode", required=True, on_change=_take_mode,
        format_func=mode_label, help=t("app.mode_help"),
    )

# One entry per page: its link code (the schema's page), its script and its path.
PAGES = {
    COMPARE.page: st.Page("app_pages/compare.py", title=t("nav.compare"),
                          icon=":material/balance:", url_path="compare", default=True),
    CASH.page: st.Page("app_pages/cashline.py", title=t("nav.cashline"),
                       icon=":material/payments:", url_path="cashline"),
    BUDGET.page: st.Page("app_pages/budget.py", title=t("nav.budget"),
                         icon=":material/account_balance:", url_path="budget"),
    LESSONS_SCHEMA.page: st.Page("app_pages/lessons.py", title=t("nav.lessons"),
                          icon=":material/school:", url_path="lessons"),
    GLOSSARY_SCHEMA.page: st.Page("app_pages/glossary.py", title=t("nav.glossary"),
                           icon=":material/menu_book:", url_path="glossary"),
    # issue 23: no scenario, so no schema: room, view, token and key are read by ui.live
    LIVE_PAGE: st.Page("app_pages/live.py", title=t("nav.live"), icon=":material/groups:",
                       url_path="live"),
}
page = st.navigation(list(PAGES.values()))
state.follow_link(PAGES, page, default=COMPARE.page)
opened = state.note_page(next(code for code, p in PAGES.items()
                              if p.url_path == page.url_path), page)


# no lock around the page: a computation a link can stretch (a century's
# cash line) waits for its turn at ui.memo.TURNS, and nothing else waits
page.run()
if opened:  # a value typed on the page left comes after the link's request
    state.await_late_values()


# once per process, in module state a client's clear-cache cannot reset
state.freeze_startup_objects()

with st.sidebar:
    from ui import share

    params = state.share_params()
    if params:
        # in a popover: st.code brings a 1.5 MB syntax highlighter that would
        # otherwise load, and compete with the charts, on every first visit.
        # Drawn only while open: the QR code took 29% of a rerun's script time
        # when it was made again on every edit (bench/bench_app.py, py-spy)
        share_box = st.popover(t("app.share"), icon=":material/link:", width="stretch",
                               key="app-share", on_change=state.rerun_page)
        with share_box:
            if share_box.open:
                found = share.links(params)
                share.warn_address(st)  # a loopback address: no other device opens it
                # the QR in a tab of its own: below the links it would start under
                # a 1080-pixel projection's bottom edge
                link_tab, qr_tab = st.tabs([t("app.share_tab_link"), t("app.share_tab_qr")])
                with link_tab:
                    st.caption(t("app.share_help"))
                    st.code(found.full, language=None, wrap_lines=True)
                    if found.short:
                        st.caption(t("app.share_short"))
                        st.code(found.short, language=None, wrap_lines=True)
                with qr_tab:
                    # a data: URL, not a media file: any replica serves it; shown at
                    # its own size, about 432 px (ui.share.SHOWN_PX), less on a phone
                    share.show_qr(found.for_qr, t("app.share_qr"))
