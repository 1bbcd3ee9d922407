"""What a kind of report is: its parts, and for a kind with tables its figures, their rules and the tables."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # a kind without tables (the default) needs neither, nor decimal
    from draft.kinds.groups import Group
    from draft.model.figures import Arithmetic
    from draft.model.table import TableLayout


class Tense(Enum):
    """Which year a part tells of: the check and the import judge the years written in it by this."""

    NONE = "none"  # no year in particular (其他情况); its years are not judged
    PAST = "past"  # the year reported on: what was done, what fell short
    COMING = "coming"  # the year after: the plans


class HeadingWords(NamedTuple):
    """Words by which ``draft import`` knows a source's heading names this part (regular expressions).

    A heading seldom says a part's name word for word. ``first`` words decide at once (in the
    kind's order of parts); else the part whose ``strong`` words come earliest in the heading,
    else the one whose ``weak`` words do.
    """

    first: str = ""
    strong: str = ""
    weak: str = ""


class PartSpec(NamedTuple):
    key: str  # the form's field
    label: str  # the part's name, as messages and the form's comments give it
    required: bool = False
    #: The part prints this table of the kind's figures (its field holds figures, not text).
    table: str | None = None
    #: What the form holds for a required part the source of ``draft import`` lacks (else it asks for the label).
    placeholder: str = ""
    heading_words: HeadingWords = HeadingWords()
    tense: Tense = Tense.NONE
    #: A part a form may leave out although a rule asks for it: that rule, which ``draft check``'s warning cites.
    expected_by: str = ""
    #: A source's heading that names no part goes to this part first (before the required ones).
    catch_all: bool = False
    #: What to write in the part, beyond its name: the starter form's comment and the editor's help on the field
    #: (a rule in ``expected_by`` is added to it); the starter form's example year (2024) where a year is meant.
    description: str = ""
    #: The starter form's text of this part is what the format prescribes (本年度未收取……信息处理费。), which
    #: a unit keeps word for word: never an example left unfinished (:mod:`draft.form.unfinished`).
    prescribed: bool = False

    @property
    def placeholder_text(self) -> str:
        """The placeholder text of this part, when the source had none."""
        return self.placeholder or f"（原文没有这一部分，请填写{self.label}）"


class Kind(NamedTuple):
    id: str  # as a form's ``kind:`` names it
    name: str  # the report's Chinese name, also accepted as ``kind:``
    folder: str  # its folder under templates/: form.yaml and wording.j2
    parts: tuple[PartSpec, ...]
    aliases: tuple[str, ...] = ()
    #: What the title of a report of this kind says: how ``draft import`` tells it from the default kind.
    title_words: str = ""
    #: The parts print in the kind's order whatever the form's (the format prescribes it);
    #: else in the form's order, numbered as they come.
    fixed_order: bool = False
    #: The fields holding figures (the table parts' fields), as the form holds them.
    figure_groups: tuple[Group, ...] = ()
    arithmetic: Arithmetic | None = None
    tables: dict[str, TableLayout] = {}

    @property
    def figure_schema(self) -> dict[str, Any]:
        """cerberus rules of the fields holding figures, by field: every one required."""
        from draft.kinds.groups import table_schema

        return {group.key: {**table_schema(group), "required": True} for group in self.figure_groups}

    @property
    def labels(self) -> dict[str, str]:
        """The parts' Chinese names by field."""
        return {part.key: part.label for part in self.parts}

    def part(self, key: str) -> PartSpec:
        """The part whose field is ``key`` (KeyError if the kind has none)."""
        return {part.key: part for part in self.parts}[key]

    def parts_in(self, tense: Tense) -> tuple[PartSpec, ...]:
        """The parts telling of ``tense``'s year, in the kind's order."""
        return tuple(part for part in self.parts if part.tense is tense)

    @property
    def text_parts(self) -> tuple[PartSpec, ...]:
        """The parts written as text (title, text, points, items)."""
        return tuple(part for part in self.parts if part.table is None)
