"""The 发文机关标志 of a joint document (联合行文, GB/T 9704 §7.2.4): the issuers' names, and whether it says “文件”.

A form writes a joint mark as a list of names, 主办机关 first, and says “文件” once, at the end of
the last name (``[青山县市场监督管理局, 青山县司法局文件]``); written at the end of every name it
means the same. Printed, “文件” stands once, right of the stacked names, so it is taken off the
names here. Any other placement is a slip that validation reports (:func:`misplaced_word`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

DOCUMENT_WORD = "文件"


class JointMark(NamedTuple):
    """The names as they print, one a line, and whether “文件” stands right of them."""

    names: tuple[str, ...]
    document_word: bool


def joint_mark(names: Sequence[str]) -> JointMark:
    """The mark the names make: with “文件” when the last name ends with it (taken off every name that does)."""
    if not names[-1].endswith(DOCUMENT_WORD):
        return JointMark(tuple(names), False)
    return JointMark(tuple(name.removesuffix(DOCUMENT_WORD).rstrip() for name in names), True)


def misplaced_word(names: Sequence[str]) -> bool:
    """Whether “文件” is written where it cannot be read: right is on no name, the last alone, or every name.

    A list item of “文件” alone is a slip too: it would print as a name.
    """
    ends = [name.endswith(DOCUMENT_WORD) for name in names]
    if any(name == DOCUMENT_WORD for name in names):
        return True
    return any(ends[:-1]) and not all(ends)
