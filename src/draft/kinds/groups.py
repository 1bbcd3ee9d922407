"""A kind's figures as the form holds them: a tree of named fields, each with the format's label.

From the one tree come the form's schema (:func:`schema`), the figures' names and places in
messages (:func:`fields`) and the commented YAML that ``draft init`` and ``draft import`` write
(:mod:`draft.kinds.figures_yaml`).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from draft.model.figures import FigureField
from draft.model.report import FormPath

SEPARATOR = " › "


class Group(NamedTuple):
    """A named field of the form: a figure (``fields`` empty) or a group of them."""

    key: str
    label: str  # as the format prints it
    fields: tuple[Group, ...] = ()
    decimal: bool = False  # an amount (万元), not a count
    computed: bool = False  # a total draft computes: the form may leave it out
    example: str = "0"
    #: Other labels real reports print for it (a short name, an older format's): an import reads them as this field.
    aliases: tuple[str, ...] = ()
    #: The field a report printing this group as one row (the format before 2021) puts that row's figures into.
    one_row_into: str = ""


def fields(group: Group, path: FormPath = (), place: tuple[str, ...] = ()) -> list[FigureField]:
    """Every figure below ``group`` (itself, if it is one), with its path and place."""
    path, place = path + (group.key,), place + (group.label,)
    if not group.fields:
        return [FigureField(path, group.label, SEPARATOR.join(place), group.decimal)]
    return [leaf for field in group.fields for leaf in fields(field, path, place)]


def relative_paths(group: Group, path: FormPath = ()) -> list[FormPath]:
    """Every figure path below ``group``, relative to it: ``("withheld", "state_secret")``…"""
    if not group.fields:
        return [path]
    return [row for field in group.fields for row in relative_paths(field, path + (field.key,))]


def schema(group: Group) -> dict[str, Any]:
    """The cerberus rules of a group's field: a figure is a whole number ≥ 0 (an amount: any number ≥ 0)."""
    meta = {"label": group.label, "example": group.example}
    if not group.fields:
        return {"type": "amount" if group.decimal else "count", "min": 0, "meta": meta}
    return {"type": "dict", "schema": {field.key: schema(field) for field in group.fields}, "meta": {**meta, "example": "\n  ……"}}
