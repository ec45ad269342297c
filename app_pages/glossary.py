"""Glossary: the words the pages use, in the page's language, each with its
formula where it has one.  Every term has an anchor (``/glossary#<term>``)
that the pages' help texts link to."""

from __future__ import annotations

import streamlit as st

from ui.glossary import GLOSSARY
from ui.i18n import t
from ui.scenarios.classroom import GLOSSARY_SCHEMA
from ui.state import PageState

ps = PageState(GLOSSARY_SCHEMA)

st.title(t("gloss.title"))
st.caption(t("gloss.intro"))
for term in GLOSSARY:
    st.subheader(t(f"gloss.{term}.name"), anchor=term)
    st.markdown(t(f"gloss.{term}.text"))

# the address bar as it came: a link's #term is where the browser scrolls to
ps.sync_url(write=False)
