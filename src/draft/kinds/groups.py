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

#: The field of a table's group holding the totals a source printed that are not the sums of their figures
#: (:func:`published`): the build ignores it, ``draft check`` compares it.
PUBLISHED = "published"
PUBLISHED_LABEL = "原文印的总计（与各项之和不符）"


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


def published(group: Group) -> Group | None:
    """The totals of ``group`` draft computes, as figures a form may keep as last year's report printed them
    (under :data:`PUBLISHED`, by the same keys): None when it has none."""
    kept: list[Group] = []
    for field in group.fields:
        if field.computed:
            kept.append(_typed(field))
        elif field.fields and (below := published(field)) is not None:
            kept.append(below)
    return group._replace(fields=tuple(kept), computed=False) if kept else None


def _typed(group: Group) -> Group:
    return group._replace(fields=tuple(_typed(field) for field in group.fields), computed=False)


def published_path(total: FormPath) -> FormPath:
    """Where a form keeps the printed value of the total at ``total``: ``applications.published.natural_persons.total``."""
    return (total[0], PUBLISHED, *total[1:])


def table_schema(group: Group) -> dict[str, Any]:
    """The cerberus rules of a table's group: its figures, and the totals a source printed (:func:`published`), optional."""
    rules = schema(group)
    printed = published(group)
    if printed is not None:
        rules["schema"][PUBLISHED] = {**schema(printed._replace(label=PUBLISHED_LABEL)), "required": False}
    return rules
