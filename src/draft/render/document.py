"""The rendered document as a flat list of blocks: what a writer (.docx, .html) turns into a file.

A block knows its role (title, heading, body, …), never its fonts: how a role
looks is the writer's business, kept in styles.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

from draft.render.titles import width

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
    # The frame of a 公文 (GB/T 9704 §7.2–7.4); a report without frame fields has none of these.
    ISSUER_MARK = "issuer-mark"  # 发文机关标志, one line an issuer
    JOINT_MARK = "joint-mark"  # 联合行文的发文机关标志 with 文件: spans: each issuer's name, then “文件”
    DOC_NUMBER = "doc-number"  # 发文字号
    SIGNERS = "signers"  # 签发人: one span a name
    ATTACHMENT_NOTE = "attachment-note"  # 附件说明: one block an attachment, spans: label, number, name
    ATTACHMENT_LABEL = "attachment-label"  # 附件2, at the top of the attachment's first page
    ATTACHMENT_TITLE = "attachment-title"
    COPY_TO = "copy-to"  # 版记: 抄送：……。
    IMPRINT = "imprint"  # 版记: spans: 印发机关, 印发日期
    TABLE = "table"  # a table of figures: ``table`` holds it, ``spans`` nothing


#: The 版头 and the 版记: around the report's text, not part of it (GB/T 9704 §7.1).
HEAD_ROLES = frozenset({Role.ISSUER_MARK, Role.JOINT_MARK, Role.DOC_NUMBER, Role.SIGNERS})
IMPRINT_ROLES = frozenset({Role.COPY_TO, Role.IMPRINT})


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


#: Characters on a line of body text (3号 type in the 156 mm type area, GB/T 9704 §5.2.2).
LINE_CHARS = 28


def signature_indents(signature: str, date: str) -> tuple[float, float]:
    """Right indents of the 落款 lines in characters, unsealed layout (GB/T 9704 §7.3.5.2).

    The unit stands two characters from the right margin, the date below it
    starts two characters to the right of the unit's first character; if the
    date is the longer, the date keeps two characters and the unit moves left.
    A unit too long for one line wraps, its first line full: its first character
    is then at the left margin.
    """
    unit, day = min(width(signature), LINE_CHARS - 2), width(date)
    if unit - day >= 2:
        return 2.0, unit - day
    return 4 + day - unit, 2.0


#: The 落款 indents of a document without a 落款 (its styles still state them).
NO_SIGNATURE = signature_indents("", "")


class Document(NamedTuple):
    """What a writer needs: the blocks, and the metadata for the file's properties."""

    title: str
    author: str
    blocks: tuple[Block, ...]
    #: Printed on both sides: the 版记 then stands on an even page (GB/T 9704 §6.2, §7.4.1).
    double_sided: bool = True
    #: Right indents of the 落款 lines (unit, date) in body characters: a writer converts them to its units.
    signature_indents: tuple[float, float] = NO_SIGNATURE
