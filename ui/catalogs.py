"""The text catalogues: one gettext ``.po`` file per language, found and read once.

Every language is a folder of ``locale/`` holding ``LC_MESSAGES/messages.po``
(gettext's layout); the folder's name is the language's code, the one a link's
``lang`` carries.  :data:`LANGS` lists the languages found, Chinese first, then
English, then the others alphabetically.  The catalogues are **key-based**: an
entry's ``msgid`` is the stable ASCII key the code looks up (``cmp.price``),
not the English text, and its ``msgstr`` is the text shown; ``lang.name`` is
the language's own name, for the language switch.  An empty ``msgstr`` (not
translated yet) or an entry marked ``fuzzy`` is left out, as gettext's
``msgfmt`` leaves it out: the lookup (:func:`ui.i18n.t`) then treats the key
as missing.

Read with Babel's ``read_po`` at import, with no compile step, because a
clone then runs as it is: no ``.mo`` file to build before ``streamlit run``
or the tests, nor one committed beside its ``.po`` that could fall out of
step with it.  It costs about 10 ms a language, once per process (Streamlit
itself takes about a second to import); the lookups go to plain dicts.

:func:`problems` is the translators' check (``tests/test_i18n.py`` runs it on
every language found): every key of every language in each, with the same
``str.format`` placeholders.  Nothing here imports Streamlit.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from pathlib import Path

from babel.messages.pofile import read_po

__all__ = ["LOCALE_DIR", "LANGS", "DOMAIN", "find", "order", "read", "load", "placeholders",
           "problems"]

DOMAIN = "messages"
#: The languages listed first, in this order; the others follow alphabetically.
FIRST = ("zh", "en")


def _locale_dir() -> Path:
    """The repository's ``locale/``: the nearest one above this module (found,
    not fixed, so the module may move into a subpackage)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "locale").is_dir():
            return parent / "locale"
    raise FileNotFoundError(f"no locale/ folder above {here}")


LOCALE_DIR = _locale_dir()


def order(codes: Iterable[str]) -> tuple[str, ...]:
    """Languages in the switch's and the fallbacks' order.

    >>> order(["fr", "en", "de", "zh"])
    ('zh', 'en', 'de', 'fr')
    """
    return tuple(sorted(set(codes), key=lambda c: (FIRST.index(c) if c in FIRST
                                                   else len(FIRST), c)))


def find(root: Path = LOCALE_DIR) -> dict[str, Path]:
    """Each language's catalogue under ``root``, in :func:`order`."""
    found = {p.name: p / "LC_MESSAGES" / f"{DOMAIN}.po" for p in root.iterdir()
             if (p / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()}
    return {code: found[code] for code in order(found)}


def read(path: Path) -> dict[str, str]:
    """A catalogue's translated entries, key to text, in the file's order (an
    empty or fuzzy entry, the header and plural forms left out)."""
    with path.open("rb") as f:
        catalog = read_po(f)
    return {m.id: m.string for m in catalog
            if isinstance(m.id, str) and m.id and isinstance(m.string, str) and m.string
            and not m.fuzzy}


def load(root: Path = LOCALE_DIR) -> dict[str, dict[str, str]]:
    """Every language's catalogue under ``root``, in :func:`order`."""
    return {code: read(path) for code, path in find(root).items()}


def placeholders(text: str) -> set[str]:
    """The ``str.format`` fields ``text`` holds (a stray brace raises ValueError).

    >>> sorted(placeholders("{n} of {max:,} ({{not one}})"))
    ['max', 'n']
    """
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def problems(catalogs: Mapping[str, Mapping[str, str]]) -> list[str]:
    """What a translator must fix, one line each: a key some language has and
    another lacks (or left untranslated), placeholders that differ from the
    first language's having the key, a text that is blank or not a valid
    format string.  Empty when every language has every key alike.

    >>> problems({"zh": {"a": "{n} 个", "b": "是"}, "en": {"a": "{m} of them"}})
    ["en: 'b' is missing or untranslated", "en: 'a' has {m}, zh has {n}"]
    """
    out: list[str] = []
    keys = {k: None for cat in catalogs.values() for k in cat}  # first seen first
    for lang, cat in catalogs.items():
        out += [f"{lang}: {key!r} is missing or untranslated" for key in keys if key not in cat]
    for key in keys:
        fields: dict[str, set[str]] = {}
        for lang, cat in catalogs.items():
            text = cat.get(key)
            if text is None:
                continue
            if not text.strip():
                out.append(f"{lang}: {key!r} is blank")
            try:
                fields[lang] = placeholders(text)
            except ValueError as err:
                out.append(f"{lang}: {key!r} is not a valid format string ({err})")
        if not fields:
            continue
        first, want = next(iter(fields.items()))
        for lang, got in fields.items():
            if got != want:
                out.append(f"{lang}: {key!r} has {_fmt(got)}, {first} has {_fmt(want)}")
    return out


def _fmt(fields: set[str]) -> str:
    return ", ".join(f"{{{f}}}" for f in sorted(fields)) or "no placeholder"


#: The languages found, Chinese first, then English, then the others
#: alphabetically: the switch's options and the ``lang`` a link may carry.
LANGS = tuple(find())
