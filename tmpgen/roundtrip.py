"""Throwaway: every key and text of the dict catalogues equals what read_po loads."""
import sys, time
from pathlib import Path
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from ui.i18n import CATALOG
t0 = time.perf_counter()
from babel.messages.pofile import read_po
t1 = time.perf_counter()
for lang, old in CATALOG.items():
    with open(ROOT / "locale" / lang / "LC_MESSAGES" / "messages.po", "rb") as f:
        cat = read_po(f)
    new = {m.id: m.string for m in cat if m.id}
    assert new.pop("lang.name")
    assert list(new) == list(CATALOG["zh"]), lang  # same keys, zh's order
    bad = [k for k in old if new[k] != old[k]]
    assert not bad, (lang, bad[:5])
    print(lang, len(old), "keys round-trip exactly;",
          sum("\n" in v for v in old.values()), "with newlines,",
          sum('"' in v for v in old.values()), 'with ",',
          sum("\\" in v for v in old.values()), "with backslashes,",
          sum("{{" in v or "}}" in v for v in old.values()), "with doubled braces,",
          sum("**" in v or "`" in v or "[" in v for v in old.values()), "with markdown")
t2 = time.perf_counter()
print(f"babel import {1e3*(t1-t0):.1f} ms; two read_po {1e3*(t2-t1):.1f} ms")
