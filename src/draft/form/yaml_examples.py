"""Examples built from the user's own line: the value in YAML quotes, as a message suggests writing it.

A user fixes a line sooner when shown that very line written right than when shown
a rule of YAML's; when the line cannot be turned into one, a generic example stands in.
"""

from __future__ import annotations

#: Shown when no line of the user's own can be turned into an example.
GENERIC_EXAMPLE = '标题: "内容"'


def quoted(value: str) -> str:
    """``value`` in YAML quotes, choosing the quote that needs no escaping.

    Quotes already around the whole value (``'it's'``) are taken off first:
    the user meant them as quotes, and they get the kind that fits.
    """
    inner = value
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
    if '"' in inner or "\\" in inner:
        return single_quoted(inner)
    return f'"{inner}"'


def single_quoted(text: str) -> str:
    doubled = text.replace("'", "''")
    return f"'{doubled}'"


def quoted_example(line: str) -> str:
    """The line ``key: value`` (or ``- value``) with the value quoted, or a generic example."""
    text = line.strip()
    prefix = ""
    if text.startswith("- "):
        prefix, text = "- ", text[2:].lstrip()
    key, separator, value = text.partition(": ")
    if separator and value.strip():
        return f"{prefix}{key}: {quoted(value.strip())}"
    if prefix and text:  # a list item that is a bare value
        return f"- {quoted(text)}"
    return GENERIC_EXAMPLE
