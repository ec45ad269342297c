"""The classroom pages' link schemas (issue 11): the lessons and the glossary
have no scenario of their own, only a page code, so a link routes to them and
the share link names them."""

from __future__ import annotations

from ui.codec import Schema

__all__ = ["LESSONS_PAGE", "GLOSSARY_PAGE", "LESSONS_SCHEMA", "GLOSSARY_SCHEMA"]

LESSONS_PAGE = "lessons"
GLOSSARY_PAGE = "glossary"
LESSONS_SCHEMA = Schema(page=LESSONS_PAGE, shared={})
GLOSSARY_SCHEMA = Schema(page=GLOSSARY_PAGE, shared={})
