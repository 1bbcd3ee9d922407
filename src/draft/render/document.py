"""The rendered document as a flat list of blocks: what a writer (.docx, later .md/.html) turns into a file.

A block knows its role (title, heading, body, …), never its fonts: how a role
looks is the writer's business, kept in styles.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from draft.model.table import Table


class Role(Enum):
    TITLE = "title"
    RECIPIENT = "recipient"  # 主送机关
    HEADING = "heading"  # own-line heading; ``level`` 1–4
    BODY = "body"
    CLOSING = "closing"  # 特此报告。
    SIGNATURE = "signature"  # 落款: the unit
    DATE = "date"  # 落款: the date
    TABLE = "table"  # a table of figures: ``table`` holds it, ``spans`` nothing


class Span(NamedTuple):
    """A stretch of text; a run-in title carries the look of heading ``heading_level``."""

    text: str
    heading_level: int | None = None


class Block(NamedTuple):
    role: Role
    spans: tuple[Span, ...]
    level: int = 0  # heading level for Role.HEADING
    table: Table | None = None  # for Role.TABLE

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)

    @classmethod
    def plain(cls, role: Role, text: str, level: int = 0) -> Block:
        return cls(role, (Span(text),), level)


class Document(NamedTuple):
    """What a writer needs: the blocks, and the metadata for the file's properties."""

    title: str
    author: str
    blocks: tuple[Block, ...]
