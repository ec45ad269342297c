"""A live class (issue 23): a room's projector, phone and teacher views.

The link says which (``ui.live``): ``?pg=live&room=CODE`` is a phone's (the
QR's), ``&view=projector`` the projector's, ``&view=teacher`` the controls.
No room in the link: the code to type.
"""

from __future__ import annotations

import streamlit as st

from ui import live
from ui.i18n import t

live.styles()
view, code, raw, said = live.address()
for line in said:
    st.warning(line)
if code is None:
    st.title(t("live.title"))
    st.caption(t("live.intro"))
    live.join_form()
elif view == "projector":
    live.projector(code)
elif view == "teacher":
    live.teacher(code)
else:
    live.student(code)
