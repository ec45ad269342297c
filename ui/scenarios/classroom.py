"""The classroom pages' link schemas (issue 11): the lessons and the glossary
have no scenario of their own, only a page code, so a link routes to them and
the share link names them.

The lessons page's link also names the handout in view (issue 21), so a
teacher's link reopens it: ``ho`` the lesson (none: the list) and ``hv``
which sheet, with the answer or the blank one to hand out before the reveal.
Both sparse: a link of the list, as links were before, writes neither."""

from __future__ import annotations

from ui.codec import Field, Schema
from ui.lessons import LESSONS

__all__ = ["LESSONS_PAGE", "GLOSSARY_PAGE", "LESSONS_SCHEMA", "GLOSSARY_SCHEMA",
           "HANDOUT_VERSIONS"]

LESSONS_PAGE = "lessons"
GLOSSARY_PAGE = "glossary"
#: The handout's two sheets: with the inputs, results and chart; or blank,
#: the question and the inputs only, before the reveal.
HANDOUT_VERSIONS = ("answer", "blank")
LESSONS_SCHEMA = Schema(page=LESSONS_PAGE, shared={
    "ho": Field("code", "", choices=("", *LESSONS), sparse=True, label="handout.field_lesson"),
    "hv": Field("code", "answer", choices=HANDOUT_VERSIONS, sparse=True,
                label="handout.field_version"),
})
GLOSSARY_SCHEMA = Schema(page=GLOSSARY_PAGE, shared={})
