"""The start of a text a message quotes back: enough to find it, never a pasted page."""

from __future__ import annotations


def excerpt(text: str, limit: int = 30) -> str:
    """``text`` if it has at most ``limit`` characters, else its first ``limit`` and “…”."""
    return text if len(text) <= limit else text[:limit] + "…"
