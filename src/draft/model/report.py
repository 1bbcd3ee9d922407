"""The report as a typed tree: what every reader produces and every writer and the check read.

A reader (the form reader, the importer) builds the tree with the layout options
as the form states them; :func:`draft.model.resolve.resolve` then decides every
node's marker, number and placements once, and nothing downstream works any of
that out again. Each text remembers where it came from (:class:`Origin`), so the
check can point at the line and column the user typed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

from draft.model import FormPath
from draft.model.numbering import MarkerStyle
from draft.text.punctuation import Change, PunctuationChange

if TYPE_CHECKING:
    from collections.abc import Mapping

    from draft.model.figures import Figure
    from draft.model.table import Table
    from draft.text.paragraphs import Paragraph


class TitlePlacement(Enum):
    OWN_LINE = "own-line"
    RUN_IN = "run-in"

    @property
    def words(self) -> str:
        """The placement as a person says it (``draft import`` describes the source's layout so)."""
        return "标题单独成行" if self is TitlePlacement.OWN_LINE else "标题与正文同段"


class PointPlacement(Enum):
    INLINE = "inline"
    PARAGRAPHS = "paragraphs"

    @property
    def words(self) -> str:
        """The placement as a person says it."""
        return "“一是、二是”连成一段" if self is PointPlacement.INLINE else "“一是、二是”每点单独成段"


class TextKind(Enum):
    FIELD = "field"  # a one-line field outside the parts: unit, title, recipient, closing, signature
    TITLE = "title"  # of a part or an item
    PARAGRAPH = "paragraph"
    POINT = "point"


class Origin(NamedTuple):
    """Where a text was typed: the form value it comes from, and where in that value."""

    path: FormPath
    kind: TextKind
    number: int  # which paragraph of the value (0-based); 0 for the others
    value: str  # the whole value as YAML read it, which the text was split from
    paragraph: Paragraph  # the text as typed, lines joined, and where its lines began in ``value``


class Text(NamedTuple):
    """A piece of the report as it prints, as it was typed, and what lies between the two."""

    printed: str
    raw: str  # as typed, lines joined
    changes: tuple[Change, ...] = ()  # what punctuation normalization changes (or would) in ``raw``
    origin: Origin | None = None  # None for a text no form holds (an import's, before it is written)

    def __bool__(self) -> bool:
        """A text is true when something prints, as a string is: a title of only spaces counts as none."""
        return bool(self.printed)

    @classmethod
    def plain(cls, text: str) -> Text:
        """A text printed as it is written, from no form."""
        return cls(text, text)

    @property
    def path(self) -> FormPath:
        """The form value it was typed in (``()`` for a text no form holds)."""
        return self.origin.path if self.origin else ()

    @property
    def kind(self) -> TextKind:
        return self.origin.kind if self.origin else TextKind.FIELD

    @property
    def number(self) -> int:
        """Which paragraph of its value it is (0-based)."""
        return self.origin.number if self.origin else 0

    def raw_index(self, printed_index: int) -> int:
        """The index in ``raw`` of the character printed at ``printed_index`` (a changed mark: the mark it replaces)."""
        if self.printed == self.raw:
            return printed_index
        shift = 0  # printed index − raw index, before the change looked at
        for index, old, new in self.changes:
            printed_start = index + shift
            if printed_index < printed_start:
                break
            if printed_index < printed_start + len(new):
                return index
            shift += len(new) - len(old)
        return printed_index - shift

    def punctuation_changes(self) -> list[PunctuationChange]:
        """:attr:`changes` as named tuples, for the few that look into them."""
        return list(map(PunctuationChange._make, self.changes))


class Layout(NamedTuple):
    """Layout options as a form states them; None means "not said here, inherit".

    ``numbering`` is the marker form of a node's children; ``title`` and ``points``
    apply to the node and everything below it; ``continue_numbering`` makes the
    grandchildren count straight on across the children ((一) has 1–3, (二) starts at 4).
    ``items_as_parts`` (a part's only) prints the part's items as parts in its place, numbered
    on with the others, without a heading of the part's own: a report organised by topics of work.
    """

    numbering: MarkerStyle | None = None
    title: TitlePlacement | None = None
    points: PointPlacement | None = None
    continue_numbering: bool = False
    items_as_parts: bool = False


class Node(NamedTuple):
    """A part of the report or an item inside one: all share this shape.

    The first six fields are what the form says; the rest are decided by
    :func:`~draft.model.resolve.resolve` and hold their defaults until then.
    """

    path: FormPath
    title: Text | None
    paragraphs: list[Text]
    points: list[Text]
    items: list[Node]
    layout: Layout
    #: The form wrote a ``text`` holding nothing to print (only spaces and line breaks).
    blank_text: bool = False
    style: MarkerStyle = MarkerStyle.CHINESE  # its marker form
    number: int = 0  # its number: counted among its siblings, or on across them with continue_numbering
    title_placement: TitlePlacement = TitlePlacement.OWN_LINE
    points_placement: PointPlacement = PointPlacement.INLINE
    #: False for a part whose items print as parts in its place (``items_as_parts``): it has no heading.
    prints_heading: bool = True

    @property
    def marker(self) -> str:
        """一、 （二） 3. …"""
        return self.style.marker(self.number)

    @property
    def level(self) -> int:
        """The GB/T heading level of its marker (1–4)."""
        return self.style.heading_level

    @property
    def runs_in(self) -> bool:
        """Its title (or bare marker) leads its first paragraph rather than standing on a line of its own."""
        return self.title_placement is TitlePlacement.RUN_IN and bool(self.paragraphs or self.points)

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, in reading order."""
        yield self
        for item in self.items:
            yield from item.walk()


class Part(NamedTuple):
    """One of the standard parts (measures, shortcomings, …); ``node.title`` overrides the default heading."""

    kind: str
    node: Node
    #: A part of figures prints this table (its node holds no text).
    table: Table | None = None


class Frame(NamedTuple):
    """The formal frame of a 公文 around the body (GB/T 9704 §7.2–7.4); every field optional.

    The 版头 (发文机关标志, 发文字号, 签发人, red rule) prints when there is an issuer mark or a
    document number; the 版记 (抄送, 印发机关和印发日期) when there is a 抄送 or an 印发 line;
    the attachments (附件说明 and 附件 pages) when there are attachments. An empty frame prints
    nothing, so a report without these fields builds as it always did.
    """

    issuers: tuple[Text, ...] = ()  # 发文机关标志: one line each; several for 联合行文
    doc_number: Text | None = None  # 发文字号, checked by validation: 青市监〔2026〕3号
    signers: tuple[Text, ...] = ()  # 签发人
    cc: tuple[Text, ...] = ()  # 抄送机关
    printed_by: Text | None = None  # 印发机关
    printed_date: datetime.date | None = None  # 印发日期
    #: 附件: nodes like the parts (their items get markers 一、（一）…), each with a title.
    attachments: tuple[Node, ...] = ()
    #: Printed on both sides (GB/T 9704 §6.2): the 版记 then stands on an even page.
    double_sided: bool = True

    @property
    def has_head(self) -> bool:
        """Whether the report has a 版头."""
        return bool(self.issuers or self.doc_number)

    @property
    def has_imprint(self) -> bool:
        """Whether the report has a 版记."""
        return bool(self.cc or self.printed_by or self.printed_date)

    def texts(self) -> Iterator[Text]:
        """The frame's own one-line texts, in the order of the form (the attachments' are their nodes')."""
        yield from self.issuers
        if self.doc_number is not None:
            yield self.doc_number
        yield from self.signers
        yield from self.cc
        if self.printed_by is not None:
            yield self.printed_by


class Report(NamedTuple):
    unit: Text
    year: int
    parts: list[Part]
    title: Text | None = None
    recipient: Text | None = None
    intro: Sequence[Text] = ()
    closing: Text | bool = False
    signature: Text | None = None
    date: datetime.date | None = None
    layout: Layout = Layout()
    #: Punctuation made full-width as it prints (False: kept as typed, ``--keep-punctuation``).
    normalized: bool = True
    frame: Frame = Frame()
    #: The report's kind (:mod:`draft.kinds`), by its id.
    kind: str = "law-based-government"
    #: Its figures, totals computed, by where the form holds them (a kind with tables).
    figures: Mapping[FormPath, Figure] | None = None

    def nodes(self) -> Iterator[Node]:
        """Every part's node and every item, then every attachment and its items, in reading order."""
        for part in self.parts:
            yield from part.node.walk()
        for attachment in self.frame.attachments:
            yield from attachment.walk()

    def texts(self) -> Iterator[Text]:
        """Every text: the one-line fields, the frame's, the intro, the closing, then each part's (and attachment's)
        titles, paragraphs and points in order."""
        for field in (self.unit, self.title, self.recipient, self.signature):
            if field is not None:
                yield field
        yield from self.frame.texts()
        yield from self.intro
        if isinstance(self.closing, Text):
            yield self.closing
        for node in self.nodes():
            if node.title is not None:
                yield node.title
            yield from node.paragraphs
            yield from node.points

    def has_part(self, kind: str) -> bool:
        return any(part.kind == kind for part in self.parts)
