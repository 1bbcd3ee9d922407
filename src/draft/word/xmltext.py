"""Escaping text for XML, as :mod:`xml.sax.saxutils` does it.

Not imported from there: ``xml.sax.saxutils`` imports ``urllib.request`` and with it
``http.client`` and ``ssl``, which cost a build more time than writing its whole document.
"""

from __future__ import annotations


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities: text fit for an element's content."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(value: str) -> str:
    """``value`` escaped and quoted, fit for an attribute (the same result as ``xml.sax.saxutils.quoteattr``)."""
    value = escape(value).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"{}"'.format(value.replace('"', "&quot;"))
