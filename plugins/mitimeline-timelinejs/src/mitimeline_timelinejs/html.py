"""Escaping for the two ways TimelineJS 3 (3.9) shows a text field.

- ``text.headline`` and ``text.text`` are HTML: TimelineJS sanitises them (DOMPurify) and
  sets them as ``innerHTML``. Plain text goes in through :func:`text`, escaped once.
- ``group`` and ``display_date`` are read as HTML and reduced to their text
  (``stripMarkup``), and that text is then set as ``innerHTML``. Plain text goes in
  through :func:`label`, escaped twice, so it shows as written after both steps.
"""

from __future__ import annotations

import html
import re

__all__ = ["label", "link", "paragraphs", "text", "trim"]

_JS_SPACE = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
"""What JavaScript's ``String.prototype.trim`` removes (Python's ``str.strip`` differs)."""
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_LINK_SCHEMES = ("http://", "https://", "mailto:")


def text(value: str) -> str:
    """``value`` as HTML that shows exactly these characters (``&``, ``<``, quotes, ...).

    NUL characters are dropped: an HTML parser drops them anyway.
    """
    return html.escape(value.replace("\0", ""), quote=True)


def label(value: str) -> str:
    """``value`` for ``group`` / ``display_date``: escaped twice (see the module docstring)."""
    return text(text(value))


def trim(value: str) -> str:
    """``value`` without the leading and trailing white space JavaScript's ``trim`` removes.

    TimelineJS trims ``group``; trimming first makes the label, and so the row an event
    lands in, the same in Python and in the browser.
    """
    return value.strip(_JS_SPACE)


def paragraphs(value: str) -> str:
    """Plain text as ``<p>`` paragraphs: a blank line starts one, a line break is ``<br>``."""
    normalised = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return "".join(
        f"<p>{text(block).replace(chr(10), '<br>')}</p>"
        for block in _BLANK_LINE.split(normalised) if block.strip()
    )


def link(url: str | None, content: str) -> str:
    """``content`` (HTML) linked to ``url`` if it is an http(s) or mailto URL, else as is."""
    if url is None or not url.strip().lower().startswith(_LINK_SCHEMES):
        return content
    return f'<a href="{text(url.strip())}">{content}</a>'

