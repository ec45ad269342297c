"""One-off: writes locale/<lang>/LC_MESSAGES/messages.po from the dict catalogues
(ui/i18n.py, ui/catalog_debt.py, ui/catalog_lessons.py, ui/catalog_live.py), each
entry's comments (the line comments above it in either language's dict, and the
module docstring of a catalog_* module on its first key) as #. comments."""

from __future__ import annotations

import ast
import io
import sys
import tokenize
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ui.i18n import CATALOG  # noqa: E402

MODULES = ["ui/i18n.py", "ui/catalog_debt.py", "ui/catalog_lessons.py", "ui/catalog_live.py"]
NAMES = {"zh": "中文", "en": "English"}
TITLE = {"zh": "Chinese (简体中文)", "en": "English"}

HEADER = """\
# 分期明白 / Installment Clarity: the app's text in {title}.
#
# A key-based catalogue: each msgid is a stable ASCII key the code looks up
# (t("cmp.price")), not the English source text; msgstr is the text shown.
# Placeholders are Python str.format fields ({{n}}, {{price}}): keep every one
# an entry has in the other languages (tests/test_i18n.py checks), and write
# a literal brace as {{{{ or }}}} in an entry that has placeholders.  An empty
# msgstr or a fuzzy entry counts as untranslated: the app shows the English
# (then the Chinese) text instead.  "lang.name" is this language's own name,
# shown on the language switch.  ui/i18n.py reads this file with Babel at
# start (no compile step).  The README's "Translating" section says more."""


def comments(path: Path) -> dict[str, dict[str, list[str]]]:
    """Per dict (ZH, EN): key -> comment lines above it (or trailing it)."""
    src = path.read_text(encoding="utf-8")
    tree = ast.parse(src)
    by_line: dict[int, tuple[str, bool]] = {}
    lines = src.splitlines()
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        if tok.type == tokenize.COMMENT:
            row, col = tok.start
            trailing = bool(lines[row - 1][:col].strip())
            by_line[row] = (tok.string.lstrip("#").strip(), trailing)
    out: dict[str, dict[str, list[str]]] = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.value, ast.Dict):
            name = node.target.id  # type: ignore[attr-defined]
            d = node.value
            got: dict[str, list[str]] = {}
            spans = [(k.lineno, v.end_lineno, k.value) for k, v in zip(d.keys, d.values)]
            prev_end = node.lineno
            for start, end, key in spans:
                got[key] = [c for ln, (c, tr) in sorted(by_line.items())
                            if (prev_end < ln < start and not tr) or (start <= ln <= end and tr)]
                prev_end = end
            tail = [c for ln, (c, tr) in by_line.items() if prev_end < ln < d.end_lineno]
            if tail:
                print(path, name, "comments after the last entry:", tail)
            out[name] = got
    return out


def main() -> None:
    notes: dict[str, list[str]] = {}
    for mod in MODULES:
        path = ROOT / mod
        per = comments(path)
        for name in ("ZH", "EN"):
            for key, cs in per[name].items():
                for c in cs:
                    if c.startswith("end of "):  # closes a block: nothing to say about the key
                        continue
                    if c not in notes.setdefault(key, []):
                        notes[key].append(c)
        if mod != "ui/i18n.py":
            doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
            first = next(iter(per["ZH"]))
            notes[first] = [*doc.splitlines(), *notes.get(first, [])]
    order = list(CATALOG["zh"])
    assert set(order) == set(CATALOG["en"])
    when = datetime(2026, 12, 7, 23, 30, tzinfo=timezone.utc)
    for lang in ("zh", "en"):
        cat = Catalog(locale=lang, project="installment-clarity", version="0.1.0",
                      header_comment=HEADER.format(title=TITLE[lang]),
                      creation_date=when, revision_date=when, fuzzy=False,
                      language_team=f"{TITLE[lang]}", last_translator="the project")
        cat.add("lang.name", NAMES[lang], auto_comments=[
            "this language's own name, on the language switch"])
        for key in order:
            cat.add(key, CATALOG[lang][key], auto_comments=notes.get(key, []))
        out = ROOT / "locale" / lang / "LC_MESSAGES" / "messages.po"
        out.parent.mkdir(parents=True, exist_ok=True)
        buf = io.BytesIO()
        write_po(buf, cat, width=0, omit_header=False, sort_output=False)
        out.write_bytes(buf.getvalue())
        print(out, len(cat))


if __name__ == "__main__":
    main()
