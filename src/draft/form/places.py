"""A place in a form named as a person would: 主要举措和成效 › 第2条（规范执法）› 标题.

Messages point at a field two ways: the machine path (``measures.items[1].title``,
counted from zero, kept for ``--format json``) and this name, counted from one,
with each item's own title where it has one, so that the user can find the place
in the form and in the report.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from draft.form.schema import NODE_SCHEMA, PART_LAYOUT_SCHEMA, report_schema
from draft.kinds import DEFAULT, by_id

if TYPE_CHECKING:
    from draft.model.report import FormPath

    #: The title of the item at a path, as the user wrote it (None: untitled, or no such item).
    TitleOf = Callable[[FormPath], object]

#: How much of an item's title the name quotes.
TITLE_SHOWN = 12
SEPARATOR = " › "

# Shorter than the schema's labels, which also explain (要点（一是、二是……）).
_NODE_NAMES = {"points": "要点", "items": "下级条目"}


def _labels(schema: dict[str, Any]) -> dict[str, str]:
    return {key: rules["meta"]["label"] for key, rules in schema.items()}


@cache
def _field_names() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Names of the top-level fields (the default kind's parts among them), of the fields of a part or item,
    and of layout options."""
    top = {**_labels(report_schema()), **by_id(DEFAULT).labels}
    return top, {**_labels(NODE_SCHEMA), **_NODE_NAMES}, _labels(PART_LAYOUT_SCHEMA)


def place_name(path: FormPath, title_of: TitleOf | None = None, parts: Mapping[str, str] | None = None) -> str:
    """The place at ``path`` for a person; ``title_of`` adds the titles of items; ``parts`` names the
    parts of a report of another kind than the 法治政府 report (:attr:`draft.kinds.Kind.labels`)."""
    top, node_fields, layout_fields = _field_names()
    if parts is not None:
        top = {**top, **parts}
    names: list[str] = []
    for depth, step in enumerate(path):
        parent = path[depth - 1] if depth else None
        if isinstance(step, int):
            title = title_of(path[: depth + 1]) if title_of and parent in ("items", "attachments") else None
            names.append(_element_name(step, parent, title))
        elif depth == 0 and step == "attachments" and len(path) > 1:
            continue  # named by the index: 附件2
        elif depth == 0:
            names.append(top.get(step) or step)
        elif not (step in _NODE_NAMES and depth + 1 < len(path) and isinstance(path[depth + 1], int)):
            # "items" before an index is named by the index: 第2条.
            names.append((layout_fields if parent == "layout" else node_fields).get(step, step))
    return SEPARATOR.join(names).replace(f"）{SEPARATOR}", f"）{SEPARATOR.lstrip()}")


def titles_in(data: Any) -> TitleOf:
    """The titles of the items of a form's data as loaded (before it is validated)."""

    def title_of(path: FormPath) -> object:
        node = data
        for step in path:
            node = _at(node, step)
        return node.get("title") if isinstance(node, dict) else None

    return title_of


def _element_name(index: int, parent: str | int | None, title: object) -> str:
    if parent == "items":
        shown = _shown(title)
        return f"第{index + 1}条" + (f"（{shown}）" if shown else "")
    if parent == "attachments":
        shown = _shown(title)
        return f"附件{index + 1}" + (f"（{shown}）" if shown else "")
    if parent == "points":
        return f"第{index + 1}个要点"
    return f"第{index + 1}项"


def _shown(title: object) -> str:
    """An item's title as a place quotes it: at most :data:`TITLE_SHOWN` characters; "" for none."""
    if not isinstance(title, str | int | float) or isinstance(title, bool) or not str(title).strip():
        return ""
    shown = str(title).strip()
    return shown if len(shown) <= TITLE_SHOWN else shown[:TITLE_SHOWN] + "…"


def _at(node: Any, step: str | int) -> Any:
    if isinstance(step, int):
        return node[step] if isinstance(node, list) and 0 <= step < len(node) else None
    return node.get(step) if isinstance(node, dict) else None
