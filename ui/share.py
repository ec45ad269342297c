"""Sharing a scenario: its full link, its short form, and a QR code of it.

The short form (:func:`ui.codec.shorten`) carries the whole scenario in the
link itself, so any server replica opens it; the QR code is made here, offline,
with segno.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

import segno

from ui.address import ENV
from ui.codec import shorten
from ui.state import link_base, share_url

__all__ = ["ERROR", "QUIET_ZONE", "SHOWN_PX", "QR_MAX_BYTES", "Links", "fit_scale", "links",
           "qr_png", "qr_src", "show_qr", "address_problem", "warn_address"]

#: Error correction: "M" (15% of the symbol may be lost), the lowest level
#: that still covers a projected image's faults (a hot spot of glare, blur,
#: keystone, moiré on the phone's sensor).  A projection is not smudged or torn,
#: which is what "Q" (25%) and "H" buy, and every level up costs modules: a
#: 100-character link is a 41-module symbol at M but 49 at Q, each module
#: then 15% smaller on the screen, and from the back row the module's size
#: on the phone's sensor is what fails first.  segno raises the level for free
#: when the link fits the same symbol at a higher one (``boost_error``).
ERROR = "m"
#: The quiet zone, in modules: the 4 the QR standard requires (ISO/IEC 18004),
#: light, so the code scans on the app's dark theme as well.
QUIET_ZONE = 4
#: How wide the QR is shown, in pixels: 40% of a 1080-pixel projection.
#:
#: What decides scanning from the back of a room is a module's size on the
#: screen.  432 pixels of a 1080-pixel projection are about 0.8 m of a
#: 2-m-high classroom screen.  A short link's symbol (measured: version 5 to
#: 8 for a comparison, cash-line or 3-item budget link on a 50-character host
#: and path; 45 to 57 modules with the quiet zone) then has modules of 14 to
#: 18 mm.  A phone 10 m away, its 1080p preview across a 68° field, sees about
#: 7 mm per pixel: 2 to 2.5 pixels per module, what decoders need; the usual
#: rule, a code scans from about ten times its width, says the same (0.8 m:
#: 8 m).  The full links are version 13 to 23 (77 to 117 modules): modules of
#: 7 to 10 mm, one pixel or so from there, unreadable; hence the short link.
SHOWN_PX = 432
#: The most bytes one QR code holds at :data:`ERROR` "M": version 40, 177
#: modules a side, in byte mode (ISO/IEC 18004:2015, Table 7).  A link is
#: ASCII (its query is percent-encoded), one byte a character.  A budget of
#: eight plans with long names of their own makes a short link of about
#: 3,600 characters: it gets the link, not a code (:func:`qr_src`).
QR_MAX_BYTES = 2331


def fit_scale(modules: int) -> int:
    """Pixels per module: the fewest whole pixels that make a symbol of
    ``modules`` (quiet zone included) at least :data:`SHOWN_PX` wide, so the
    page shows the PNG at its own size, every module a crisp square of whole
    pixels (a browser resizing it would blur the edges), and it fits a
    1080-pixel screen below the sidebar's share button.

    >>> [(m, fit_scale(m), m * fit_scale(m)) for m in (45, 49, 57, 81)]
    [(45, 10, 450), (49, 9, 441), (57, 8, 456), (81, 6, 486)]
    """
    return max(1, -(-SHOWN_PX // modules))


def qr_png(url: str, *, scale: int | None = None) -> bytes:
    """A QR code of ``url`` as a PNG: black modules on white, error
    correction :data:`ERROR`, a :data:`QUIET_ZONE`-module quiet zone,
    ``scale`` pixels per module (``None``: :func:`fit_scale`, about
    :data:`SHOWN_PX` wide, which says why that size).  Byte mode, the
    smallest symbol that holds the link (never a Micro QR, which not every
    phone camera reads).

    >>> png = qr_png("https://example.org/?lang=zh&z=eNorsw")
    >>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    """
    code = segno.make(url, error=ERROR, micro=False, boost_error=True)
    if scale is None:
        scale = fit_scale(int(code.symbol_size(scale=1, border=QUIET_ZONE)[0]))
    out = io.BytesIO()
    code.save(out, kind="png", scale=scale, border=QUIET_ZONE, dark="#000", light="#fff")
    return out.getvalue()


@lru_cache(maxsize=128)
def qr_src(url: str, scale: int | None = None) -> str | None:
    """:func:`qr_png` of ``url`` (at ``scale``) as a ``data:`` URL, for ``st.image``;
    ``None`` for a link no QR code can hold (past :data:`QR_MAX_BYTES`:
    segno raised ``DataOverflowError`` in the share box).

    Inline, not a media file: Streamlit serves an image given as bytes from
    the replica that made it, and without session affinity another replica
    answers 404 (``../shared/streamlit.md``, Deployment), while a short
    link is meant to work on any.  A symbol is 1 to 4 KB.  Cached by link
    (a function of the link alone, no user's state): a class opening one
    link makes it once; making one costs 5 to 45 ms.
    """
    try:
        png = qr_png(url, scale=scale)
    except segno.DataOverflowError:
        return None
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def show_qr(url: str, caption: str, *, link_below: bool = False, alt: str | None = None,
            scale: int | None = None) -> None:
    """The QR code of ``url`` at its own size (``scale`` pixels a module,
    :func:`qr_png`), or, for a link too long for one, a message saying so
    and the link to send instead (left to the caller when it shows the link
    below anyway: ``link_below``).  ``alt``: the image's text, by default
    the share box's."""
    import streamlit as st

    from ui.i18n import t

    src = qr_src(url, scale)
    if src is not None:
        st.image(src, caption=caption, alt=alt or t("app.share_qr_alt"), width="content")
        return
    st.info(t("app.share_qr_too_long", n=f"{len(url):,}", max=f"{QR_MAX_BYTES:,}"),
            icon=":material/qr_code:")
    if not link_below:
        st.code(url, language=None, wrap_lines=True)


class Links(NamedTuple):
    """A scenario's links: ``full`` always; ``short`` only when shorter."""

    full: str
    short: str | None

    @property
    def for_qr(self) -> str:
        """The link the QR code holds: the shorter one."""
        return self.short or self.full


def links(params: Mapping[str, str]) -> Links:
    """The full and short links of the page with ``params`` (``share_url``)."""
    full = share_url(params)
    short = share_url(shorten(params))
    return Links(full, short if len(short) < len(full) else None)


#: A public address as the warnings show it: the app on a classroom's network.
EXAMPLE = "http://192.168.1.20:8501"


def address_problem() -> str | None:
    """What is wrong with the address the links start with, in the user's
    language (``None``: nothing): a loopback address no phone opens, or an
    :data:`ui.address.ENV` setting that is no address (then unused)."""
    from ui.i18n import t

    base = link_base()
    # in a code span, shown as set (a backtick would end the span)
    if base.problem == "bad_setting":
        return t("app.addr_bad", env=ENV, raw=base.raw.replace("`", "'"),
                 why=t(f"app.addr_why.{base.reason}"), example=EXAMPLE)
    if base.problem == "loopback":
        return t("app.addr_loopback", env=ENV, host=base.host.replace("`", "'"),
                 example=EXAMPLE, flag="--server.address 0.0.0.0")
    return None


def warn_address(where: object) -> None:
    """:func:`address_problem` as a warning in ``where`` (``st`` or a
    container), beside a link or QR code meant for other devices."""
    said = address_problem()
    if said:
        where.warning(said, icon=":material/wifi_off:")  # type: ignore[attr-defined]
