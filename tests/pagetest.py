"""AppTest helpers shared by the page tests."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")


def run(params: dict[str, str] | None = None, page: str | None = None) -> AppTest:
    """The app after its first run, opened on ``page`` with ``params`` as the link."""
    at = AppTest.from_file(APP, default_timeout=60)
    if page:
        at.switch_page(page)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    return at.run()


def number(text: object) -> float | None:
    """A table cell as shown (``¥1,234.50``, ``−¥500.00``, ``13.03%``, ``12``)
    back to its number; ``None`` for ``—`` or an empty cell; other text as it is."""
    if not isinstance(text, str):
        return text  # type: ignore[return-value]
    s = text.strip()
    if s in ("—", ""):
        return None
    sign = -1.0 if s.startswith("−") else 1.0
    s = s.lstrip("−").lstrip("¥").rstrip("%").replace(",", "")
    try:
        return sign * float(s)
    except ValueError:
        return text  # type: ignore[return-value]


def table(at: AppTest, index: int = 0):
    """Dataframe ``index`` of the page with its cells read back as numbers."""
    return at.dataframe[index].value.map(number)


def all_text(at: AppTest) -> str:
    parts = []
    for kind in ("title", "subheader", "markdown", "caption", "warning", "error", "info", "success",
                 "metric", "expander", "tabs"):
        for el in getattr(at, kind):
            for attr in ("value", "label", "body"):
                v = getattr(el, attr, None)
                if isinstance(v, str):
                    parts.append(v)
    return "\n".join(parts)


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert "⟦" not in all_text(at), "a raw catalogue key reached the page"


def switch_language(at: AppTest, lang: str) -> None:
    """Click the sidebar's language switch."""
    at.button_group(key="app-lang").set_value(lang).run()


def lesson_value(kind: str, value: float, lang: str) -> str:
    """A lesson's guess or answer as its card shows it (``ui.classroom``):
    rates and shares in percent to 0.01, yuan to the fen, whole months."""
    from ui.i18n import CATALOG

    if kind in ("rate", "share"):
        return f"{value * 100:.2f}%"
    if kind == "cost":
        return f"¥{value:,.2f}"
    return CATALOG[lang]["lesson.months_n"].format(n=f"{value:.0f}")
