"""Session state: the language, each page's state, and the link in the address bar.

Session state is one namespace for the whole session, across pages
(``../shared/streamlit.md``, Pages and state), so every key a page owns is
derived from its :class:`~ui.codec.Schema`'s ``page`` code by
:class:`PageState`: two pages cannot share a key.

* ``<page>:scenario``: the scenario, the values the link carries (a plain dict,
  not widget state: Streamlit drops the value of a widget a run does not draw);
* ``<page>:view``: what the page shows (which chart, which plan is open);
* ``<page>:notices``: what the link that opened the page could not use;
* ``<page>-<name>`` and ``<page>-view-<name>``: the widgets bound to them
  (:mod:`ui.widgets`); ``<page>-do-<name>`` buttons, ``<page>-el-<name>``
  tables and charts.

A schema's parts (the household, :attr:`ui.codec.Schema.parts`) are kept once
for the session by :class:`PartState`, under their own code: every page that
carries a part reads and writes the same values, and writes them into its link.

The shell's own keys start with ``app``: ``app:lang``, ``app-lang`` (the
switch), ``app:share`` (the page's link), ``app:routed``, ``app:bad_z`` (an
unreadable short link, reported once).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any, cast, overload

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit.navigation.page import StreamlitPage
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui.address import Base, resolve
from ui.codec import (
    LANGS,
    Notice,
    Schema,
    decode,
    decode_part,
    encode,
    expand,
    first_value,
    to_query,
)

__all__ = ["APP", "init_lang", "lang", "set_lang", "MODES", "init_mode", "mode", "set_mode",
           "lesson", "set_lesson", "PageState", "PartState", "follow_link", "share_url",
           "share_params", "link_base", "one_entry_per_page", "fragment_rerun",
           "rerun_page", "note_widget", "note_page",
           "fresh_page", "await_late_values", "shown_page", "left_page", "stay_on_page",
           "freeze_startup_objects"]

#: Page code of the shell (the entrypoint's language switch, share link, routing).
APP = "app"
_LANG = f"{APP}:lang"
_SHARE = f"{APP}:share"
_ROUTED = f"{APP}:routed"
_PENDING = f"{APP}:link_notices"  # notices for the page a link is sent on to
_BAD_Z = f"{APP}:bad_z"  # the unreadable short link already reported


def _browser_lang() -> str | None:
    try:
        locale = st.context.locale or ""
    except Exception:  # no browser (AppTest, bare mode)
        return None
    return "en" if locale.lower().startswith("en") else ("zh" if locale else None)


# The language of the run in progress, per script thread and session, so the
# hundreds of lookups a page makes skip session state (about 15 µs each).
# Every write of the language goes through set_lang, which keeps it current.
_RUN = threading.local()


def set_lang(code: str) -> None:
    st.session_state[_LANG] = code
    _RUN.cached = (get_script_run_ctx(), code)


def init_lang() -> str:
    """Once per session: the link's ``lang``, else the browser's, else Chinese."""
    if _LANG not in st.session_state:
        q = st.query_params.get("lang")
        set_lang(q if q in LANGS else (_browser_lang() or "zh"))
    return lang()


_MODE = f"{APP}:mode"
_LESSON = f"{APP}:lesson"
#: Classroom modes a link may name (``ui.classroom``): a projector, a phone.
MODES = ("class", "student")


def init_mode() -> None:
    """Once per session: the link's classroom mode and lesson, if any (a
    value that is none of them is left out: the page as usual)."""
    if _MODE in st.session_state:
        return
    q = _query()
    code, lesson_id = q.get("mode", ""), q.get("lesson", "")
    st.session_state[_MODE] = code if code in MODES else ""
    st.session_state[_LESSON] = lesson_id if _is_lesson(lesson_id) else ""
    bad = [Notice("bad_value", name, raw) for name, raw, ok in (
        ("mode", code, code in ("", *MODES)), ("lesson", lesson_id, _is_lesson(lesson_id)))
        if raw and not ok]
    if bad:  # for the page the link opens
        st.session_state[_PENDING] = list(st.session_state.get(_PENDING, [])) + bad


def _is_lesson(lesson_id: str) -> bool:
    from ui.lessons import LESSONS  # the lessons build on the pages' schemas

    return lesson_id in LESSONS


def mode() -> str:
    """``class``, ``student`` or ``""``."""
    return str(st.session_state.get(_MODE, ""))


def set_mode(code: str) -> None:
    st.session_state[_MODE] = code if code in MODES else ""


def lesson() -> str:
    """The lesson on, ``""`` for none (``ui.lessons.LESSONS`` holds the ids)."""
    return str(st.session_state.get(_LESSON, ""))


def set_lesson(lesson_id: str) -> None:
    st.session_state[_LESSON] = lesson_id


def lang() -> str:
    cached = getattr(_RUN, "cached", None)
    ctx = get_script_run_ctx()
    if cached is not None and cached[0] is ctx and ctx is not None:
        return str(cached[1])
    code = str(st.session_state.get(_LANG, "zh"))
    _RUN.cached = (ctx, code)
    return code


def _address() -> dict[str, str]:
    """The address bar's parameters as they stand (a short link unexpanded)."""
    return {k: first_value(v) for k, v in st.query_params.to_dict().items()}


def _query() -> dict[str, str]:
    """The link's parameters, a short link's ``z`` expanded (``codec.expand``),
    so every reader (pages, parts, routing, the shell) sees the full link.  A
    ``z`` that cannot be read is left out; its notice goes, once per session,
    where a link's routing notices go: to the first page opened."""
    params, notices = expand(_address())
    if notices:
        ss = st.session_state
        if ss.get(_BAD_Z) != notices[0].raw:  # called several times a run: report it once
            ss[_BAD_Z] = notices[0].raw
            ss[_PENDING] = list(ss.get(_PENDING, [])) + notices
    return _with_lesson(params)


def _with_lesson(params: dict[str, str]) -> dict[str, str]:
    """A lesson's link (``?lesson=<id>``, no page named) stands for the
    lesson's whole scenario: the short link a class types or scans.  A link
    that names its page carries its own scenario, lesson or not."""
    lesson_id = params.get("lesson")
    if not lesson_id or "pg" in params:
        return params
    from ui.lessons import LESSONS  # the lessons build on the pages' schemas

    lesson = LESSONS.get(lesson_id)
    if lesson is None:
        return params  # named in a notice by init_mode
    lang_code = params.get("lang", "")
    return {**lesson.params(lang_code if lang_code in LANGS else "zh"), **params}


#: Process-wide invariants live in module state, never in ``st.cache_resource``:
#: any client may send ``BackMsg.clear_cache``, which empties every resource
#: cache (``runtime/app_session.py``), so a lock kept there was replaced while
#: runs still held the old one, and a once-only flag ran again (issue 20).
#: (Page runs take no lock: a computation a link can stretch waits for its
#: turn instead, :data:`ui.memo.TURNS`.)
_FREEZE_LOCK = threading.Lock()
_frozen = False


def freeze_startup_objects() -> bool:
    """Once per server process, after its first run: ``gc.freeze()`` moves
    what the imports and the first run made out of the collector's sight,
    which keeps every later collection short.  ``True`` for the call that
    froze.  Holds no user data."""
    global _frozen
    with _FREEZE_LOCK:
        if _frozen:
            return False
        gc.freeze()
        _frozen = True
        return True


def fragment_rerun() -> bool:
    """Whether this run reruns fragments only (a widget inside one changed),
    not the whole script."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.fragment_ids_this_run)


class _Drawn:
    """What one run of a section drew: its widgets' keys, the sections inside it."""

    __slots__ = ("keys", "inner")

    def __init__(self) -> None:
        self.keys: set[str] = set()
        self.inner: set[str] = set()


def _sections_running() -> list[_Drawn]:
    """The sections this script thread is drawing, innermost last."""
    stack: list[_Drawn] | None = getattr(_RUN, "sections", None)
    if stack is None:
        stack = _RUN.sections = []
    return stack


def note_widget(key: str) -> None:
    """A bound widget drawn (:mod:`ui.widgets`): part of the innermost section."""
    stack = _sections_running()
    if stack:
        stack[-1].keys.add(key)


def _off_page(tree: dict[str, _Drawn], before: _Drawn, now: _Drawn) -> set[str]:
    """The widgets a section drew last time and not now, its own and those of
    the sections inside it it did not draw again (forgotten with them)."""
    gone = before.keys - now.keys
    for name in before.inner - now.inner:
        inner = tree.pop(name, None)
        if inner is not None:
            gone |= _off_page(tree, inner, _Drawn())
    return gone


def _drop(keys: set[str]) -> None:
    ss = st.session_state
    for key in keys:
        if key in ss:
            try:
                del ss[key]
            except StreamlitAPIException:  # drawn in this run after all: it is on the page
                pass


def rerun_page() -> None:
    """From a callback of a widget outside every section (the language, the
    mode, the share box): rerun the whole page.  A change typed into a section
    and this widget's change can reach the server as one interaction, which
    Streamlit scopes to the section (its default when a widget inside one
    changed): the section would be drawn in the new language while the menu,
    the sidebar and the rest of the page kept the old one."""
    st.rerun()


def _keeps_elements() -> bool:
    """Whether the session's page keeps the elements a rerun of some sections
    leaves alone: a browser served by ``streamlit run`` does; AppTest, which
    runs the script on a mock of the server's runtime, builds its element
    tree from each run's messages alone, so there a section named from a
    callback would leave the rest of the page out."""
    return Runtime.exists() and type(Runtime.instance()) is Runtime


class PageState:
    """Everything one page keeps in the session, under keys derived from its
    schema's ``page`` code.

    ``views`` are the page's view settings and their defaults (not in the
    link).  The scenario is read from the link the first time the page runs
    in a session; after that the session's copy is the truth.
    """

    def __init__(self, schema: Schema, views: Mapping[str, object] | None = None) -> None:
        self.schema = schema
        self.page = schema.page
        self.views = dict(views or {})
        self.parts = tuple(PartState(part, self.page) for part in schema.parts)
        #: Sections drawn as plain script (:meth:`section`): set for this run
        #: by a lesson's card (ui.classroom.lesson_card).
        self.whole = False
        self._open()
        # a callback (run before this) that lowered a count leaves the items
        # past it: the scenario, and so the link, holds exactly its fields
        schema.trim(self.scn)

    def key(self, *parts: str) -> str:
        """A widget or element key of this page: ``<page>-<part>-...``."""
        return "-".join((self.page, *parts))

    def slot(self, what: str) -> str:
        """A plain session-state key of this page: ``<page>:<what>``."""
        return f"{self.page}:{what}"

    def _open(self) -> None:
        ss = st.session_state
        if self.slot("scenario") in ss:
            return
        scn, link_lang, notices = decode(self.schema, _query())
        if link_lang:
            set_lang(link_lang)
        ss[self.slot("scenario")] = scn
        ss[self.slot("view")] = dict(self.views)
        # a part opened with this page: what its values in the link lacked, here
        for part in self.parts:
            notices += part.take_notices()
        ss[self.slot("notices")] = list(ss.pop(_PENDING, [])) + notices

    @property
    def scn(self) -> dict[str, object]:
        return cast(dict[str, object], st.session_state[self.slot("scenario")])

    @property
    def view(self) -> dict[str, object]:
        return cast(dict[str, object], st.session_state[self.slot("view")])

    @property
    def notices(self) -> list[Notice]:
        return cast(list[Notice], st.session_state[self.slot("notices")])

    def params(self) -> dict[str, str]:
        """This page's link: the whole scenario and its parts', the language,
        and the classroom mode and lesson when on."""
        self.schema.trim(self.scn)  # a section's rerun writes the link without __init__
        values = dict(self.scn)
        for part in self.parts:
            values.update(part.scn)
        params = encode(self.schema, values, lang())
        for name, value in (("mode", mode()), ("lesson", lesson())):
            if value:
                params[name] = value
        return params

    def sync_url(self, write: bool = True) -> dict[str, str]:
        """Write :meth:`params` to the address bar (at the end of a run);
        ``write=False`` only makes them the share link's, leaving the address
        bar as it came (a glossary link's ``#term`` kept for the browser)."""
        params = self.params()
        if write and _address() != params:  # a short link is replaced by the full one
            st.query_params.from_dict(params)
        st.session_state[_SHARE] = params
        return params

    @overload
    def section(self, draw: Callable[..., None]) -> Callable[..., None]: ...

    @overload
    def section(self, draw: None = None, *,
                key: str) -> Callable[[Callable[..., None]], Callable[..., None]]: ...

    def section(self, draw: Callable[..., None] | None = None, *,
                key: str | None = None) -> Any:
        """``draw`` as a part of the page that reruns alone (``st.fragment``)
        when a widget inside it changes, so an edit costs what the part shows,
        not the whole page and its shell.  A section holds every widget and
        every result its inputs change: its callbacks change only what it
        draws (and the link), unless they name the sections to rerun instead
        (:meth:`rerun_sections`, which the ``key`` is for).  After a rerun of
        its own it writes the link, as the page does at the end of a full
        run.

        A section rerun calls ``draw`` with the arguments of the run that last
        drew it: what an edit elsewhere can change is read inside it.

        While :attr:`whole` is set (a lesson's card sits above the page and
        shows what the scenario holds) a section is drawn as plain script,
        so every edit reruns the page.
        """
        def make(draw: Callable[..., None]) -> Callable[..., None]:
            name = key or draw.__name__

            @functools.wraps(draw)
            def run(*args: Any, **kwargs: Any) -> None:
                with self._drawing(name):
                    draw(*args, **kwargs)
                    # the link, by the outermost sections a fragment run runs
                    if fragment_rerun() and len(_sections_running()) == 1:
                        self.sync_url()

            alone = st.fragment(run, key=self.key("sec", key) if key else None)

            @functools.wraps(draw)
            def call(*args: Any, **kwargs: Any) -> None:
                (run if self.whole else alone)(*args, **kwargs)

            return call

        return make(draw) if draw is not None else make

    @contextlib.contextmanager
    def _drawing(self, name: str) -> Iterator[None]:
        """Section ``name`` being drawn: the widgets it draws now and the
        sections inside it, against those of its last run.  What it drew then
        and not now is off the page, and its widgets' values are dropped, as a
        full run drops those of the widgets it does not draw: Streamlit keeps
        them while any fragment but the widget's own reruns, so a widget back
        on the page found its key set, was not seeded from the scenario
        (:mod:`ui.widgets`, rule 1), and showed its default (the household's
        income read 0 after the results had gone and come back)."""
        tree: dict[str, _Drawn] = st.session_state.setdefault(self.slot("sections"), {})
        stack = _sections_running()
        if stack:
            stack[-1].inner.add(name)
        before, now = tree.get(name), _Drawn()
        tree[name] = now
        stack.append(now)
        try:
            yield
        except BaseException:
            if before is not None:
                tree[name] = before  # a run cut short: what it drew is not all there is
            raise
        finally:
            stack.pop()
        if before is not None:
            _drop(_off_page(tree, before, now))

    def rerun_sections(self, *keys: str) -> None:
        """From a widget's callback: rerun only the sections named (their
        ``key``), instead of the section the widget is in; the caller vouches
        that the last run of that section drew every one of them.  Nothing
        while :attr:`whole` is set (the page reruns whole), nor without a
        server: AppTest keeps only the last run's elements, so there the
        widget's own rerun (the whole script) follows.  Nothing either when a
        section is no longer registered (the page was left in the same
        interaction): the widget's own rerun follows."""
        if self.whole or not _keeps_elements():
            return
        try:
            st.rerun([self.key("sec", k) for k in keys])
        except StreamlitAPIException:
            return  # a section no longer on the page: the widget's own rerun follows


class PartState(PageState):
    """Values every page's link carries (:attr:`ui.codec.Schema.parts`),
    kept once for the session: read from the link that opens the session,
    whatever page it is for; after that the session's copy is the truth.

    Widgets bind to it as to a page, with keys ``<part>-<host>-<name>``: the
    page drawing them is part of the key.  Streamlit's widget ids include
    the page, so a key shared by two pages would, on the first run after
    moving between them, find the other page's widget value under it and
    show the widget's default instead of the value (the seeding rule of
    :mod:`ui.widgets` sees the key's value already equal and leaves it)."""

    def __init__(self, schema: Schema, host: str) -> None:
        self.schema = schema
        self.page = schema.page
        self.host = host
        self.views = {}
        self.whole = False
        self.parts = ()
        self._open()

    def key(self, *parts: str) -> str:
        return "-".join((self.page, self.host, *parts))

    def _open(self) -> None:
        ss = st.session_state
        if self.slot("scenario") in ss:
            return
        scn, notices = decode_part(self.schema, _query())
        ss[self.slot("scenario")] = scn
        ss[self.slot("view")] = dict(self.views)
        ss[self.slot("notices")] = notices

    def take_notices(self) -> list[Notice]:
        """What the link's values of this part lacked, once (for the page
        that shows them)."""
        found = list(self.notices)
        self.notices.clear()
        return found


def _note_blanked_link() -> None:
    """A link Streamlit did not read for its number of parameters
    (:mod:`ui.query_limit`): named on the first page opened."""
    from ui import query_limit

    ctx = get_script_run_ctx()
    count = query_limit.take(ctx.session_id) if ctx is not None else None
    if count is not None:
        st.session_state[_PENDING] = [*st.session_state.get(_PENDING, []),
                                      Notice("too_many_params", "", str(count))]


def follow_link(pages: Mapping[str, StreamlitPage], current: StreamlitPage,
                default: str) -> None:
    """On a session's first run, open the page the link was made for.

    ``pages`` maps each page code (a link's ``pg``) to its page.  A link names
    its page, so it opens there whatever path it arrives at; a link naming no
    known page opens ``default`` with a notice, keeping only its language.
    """
    if st.session_state.get(_ROUTED):
        return
    st.session_state[_ROUTED] = True
    _note_blanked_link()
    query = _query()
    code = query.get("pg")
    if code is None:
        return
    target = pages.get(code)
    if target is None:
        st.session_state[_PENDING] = [*st.session_state.get(_PENDING, []),
                                      Notice("unknown_page", "pg", code)]
        target = pages[default]
        query = {k: v for k, v in query.items() if k == "lang"}
        st.query_params.from_dict(query)
        if target.url_path == current.url_path:
            return
    elif target.url_path == current.url_path:
        return
    st.switch_page(target, query_params=query)


_PAGE = f"{APP}:page"  # (code, page) of the page the session's last whole run showed
_FRESH = f"{APP}:fresh"  # whether that run drew a page the browser had not shown before it
_RESHOW = f"{APP}:reshow"  # the next whole run draws its page afresh (stay_on_page)


def note_page(code: str, page: StreamlitPage) -> bool:
    """The page this whole run shows (after ``st.navigation``): the page the
    browser is on, for :func:`shown_page` and :func:`left_page`.  Whether the
    browser came from another page of the session (for :func:`await_late_values`)."""
    ss = st.session_state
    before = shown_page()
    ss[_PAGE] = (code, page)
    ss[_FRESH] = before != code or bool(ss.pop(_RESHOW, False))
    return before not in ("", code)


def fresh_page() -> bool:
    """Whether this run draws a page the browser has just opened, whose
    widgets hold nothing there yet: every bound widget is given its value
    (``ui.widgets``, rule 1), even one whose value Streamlit still keeps
    from a run of that page the browser has since left."""
    return bool(st.session_state.get(_FRESH)) and not fragment_rerun()


#: How long a run that opened another page waits at its end for a value typed
#: on the page left (:func:`await_late_values`).  The browser sent it 3–71 ms
#: after the link's request (24 tries in Chromium, 2026-11-25).
LATE_VALUE_WAIT = 0.25


def await_late_values() -> None:
    """At the end of a whole run that opened another page: wait a moment for
    a value typed on the page left before its link was clicked.

    The browser opens the new page first, then sends the typed value, with
    the old page's name (and, from a section, that section's id).  Arriving
    while the new page still runs, it stops the run: the old page's widgets
    are still known, their callbacks take the value and run the page shown
    (:func:`left_page`).  Arriving after the run had finished, it was lost:
    the finished run forgot the old page's widgets, so no callback ran, and
    the section named was not on the page, so nothing else did.  Waiting
    here turns the second case into the first; nothing is sent meanwhile.
    Nothing in AppTest, whose runs are not the browser's."""
    ctx = get_script_run_ctx()
    if ctx is None or not _keeps_elements():
        return
    deadline = time.monotonic() + LATE_VALUE_WAIT
    while time.monotonic() < deadline:
        time.sleep(0.005)
        ctx.yield_check()  # a request come meanwhile: the run stops for it


def shown_page() -> str:
    """The code of the page the browser is on ("" before the first run)."""
    shown = st.session_state.get(_PAGE)
    return str(shown[0]) if shown else ""


def left_page(drawn_on: str) -> bool:
    """Whether a widget drawn on page ``drawn_on`` changed after the browser
    left that page.  A number typed, then another page's link clicked before
    Enter: the browser opens the new page, then sends the typed value with
    the old page's name.  Run as asked, that went back to the old page (the
    click was lost) or, for a section's rerun, sent the old page's parts to
    the new page, which the browser could not place (a blank page)."""
    return bool(drawn_on) and shown_page() not in ("", drawn_on)


def stay_on_page() -> None:
    """From a callback, after :func:`left_page`: run the page the browser is
    on (the value typed is already kept in its own page's scenario), afresh:
    the run the callback is part of was for the page left, so the browser
    draws the page it is on anew (:func:`fresh_page`)."""
    st.session_state[_RESHOW] = True
    st.switch_page(st.session_state[_PAGE][1])


#: Installed once in the browser's page (:func:`one_entry_per_page`): a
#: history entry only for a page the user opened.  Streamlit 1.67's frontend
#: writes every change of ``st.query_params`` with ``history.pushState``
#: (``handlePageInfoChanged`` in ``static/js/index.*.js``; ``replaceState``
#: only while the user walks the history), and a page switch pushes its path
#: once more (``maybeUpdatePageUrl``), so each committed edit was a Back step
#: (four presses to leave a page after three edits) and a page visit two.
#: Here a push that keeps the path (an edit, the language, the mode: the
#: address bar follows the scenario) replaces the entry in view, and so does
#: a path change the user did not ask for (a link's routing to its page on
#: the first run, with no click or key behind it:
#: ``navigator.userActivation``).  Back then leaves the app, or goes to the
#: page before, as it showed when it was left.  On a session's first run the
#: address can be written before the browser has run this script (its
#: element loads lazily): the entries pushed then are passed over by Back.
_HISTORY_JS = """<style>.st-key-app-history { display: none; }</style>
<script>
(() => {
  const h = window.history;
  if (h.__oneEntryPerPage) return;
  h.__oneEntryPerPage = true;
  const push = h.pushState.bind(h), replace = h.replaceState.bind(h);
  const MARK = "oneEntryPerPage";
  const marked = (data) => Object.assign({}, data || {}, {[MARK]: true});
  // the entry in view is the page's own; what this document pushed before the
  // script ran (a first run's completed address, a link's routing) is not
  replace(marked(h.state), "", window.location.href);
  h.pushState = function (data, unused, url) {
    let keep = true;
    try {
      const next = new URL(url, window.location.href);
      const asked = !navigator.userActivation || navigator.userActivation.isActive;
      keep = next.pathname === window.location.pathname || !asked;
    } catch (e) { keep = false; }
    return keep ? replace(marked(data), unused, url) : push(marked(data), unused, url);
  };
  h.replaceState = function (data, unused, url) { return replace(marked(data), unused, url); };
  // Back onto an entry pushed before the script ran: one more step back
  window.addEventListener("popstate", (e) => {
    if (!(e.state && e.state[MARK])) h.back();
  });
})();
</script>"""


def one_entry_per_page() -> None:
    """In the entrypoint, early in every run (before the page writes its
    link): the browser keeps one history entry per page opened, whose
    address follows the page's scenario (:data:`_HISTORY_JS` says why).
    Drawn in a hidden container; the browser runs the script once."""
    with st.container(key=f"{APP}-history"):
        st.html(_HISTORY_JS, unsafe_allow_javascript=True)


def share_params() -> dict[str, str] | None:
    """The link parameters the page in view wrote at the end of its run."""
    return cast(dict[str, str] | None, st.session_state.get(_SHARE))


def link_base() -> Base:
    """Where this session's shared links start (:func:`ui.address.resolve`):
    the app's public address (``APP_PUBLIC_URL``) when set, else the page
    address the browser used, with what a phone could not open said."""
    try:
        seen = st.context.url or ""
    except Exception:  # no browser (bare mode)
        seen = ""
    return resolve(os.environ, seen)


def share_url(params: Mapping[str, str]) -> str:
    """The full link with ``params``: from the public address when one is
    set (the link's ``pg`` names its page, so the app's root serves it),
    else from the page the browser shows (relative in AppTest)."""
    base = link_base()
    return f"{base.url}/?{to_query(params)}" if base.public else f"{base.url}?{to_query(params)}"
