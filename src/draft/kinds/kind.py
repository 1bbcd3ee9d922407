"""What a kind of report is: its parts, and for a kind with tables its figures, their rules and the tables."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # a kind without tables (the default) needs neither, nor decimal
    from draft.kinds.groups import Group
    from draft.model.figures import Arithmetic
    from draft.model.table import TableLayout


class PartSpec(NamedTuple):
    key: str  # the form's field
    label: str  # the part's name, as messages and the form's comments give it
    required: bool = False
    #: The part prints this table of the kind's figures (its field holds figures, not text).
    table: str | None = None


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
        from draft.kinds.groups import schema

        return {group.key: {**schema(group), "required": True} for group in self.figure_groups}

    @property
    def labels(self) -> dict[str, str]:
        """The parts' Chinese names by field."""
        return {part.key: part.label for part in self.parts}

    @property
    def text_parts(self) -> tuple[PartSpec, ...]:
        """The parts written as text (title, text, points, items)."""
        return tuple(part for part in self.parts if part.table is None)
