"""What a form still holds that is not the unit's own: draft init's examples, draft import's placeholders.

A form holding them prints a report that is not the unit's (``某某区司法局`` in the title and the
落款, a year of made-up work, ``（原文没有这一部分，请填写……）`` as a part), and nobody reads a
40-page .docx against its form: validation refuses it, at each place, so ``draft build`` writes
nothing for it. What is refused:

* a sample's placeholder in the unit, title or 落款 (××局, 某某, 请填写…) — the unit of the form
  ``draft init`` writes is one (``某某区司法局``);
* the example texts of that form (:mod:`draft.form.starter`, from the kind's ``templates/*/form.yaml``):
  each paragraph and point of its parts, matched whole, its years aside (init moves them to the
  year reported on). Not fragments of them, nor their titles: a standard heading (严格规范公正文明执法)
  or a common phrase is as much a unit's own. Nor the intro: it is the kind's customary opening,
  for the 政府信息公开 report the one its format prescribes, which a unit keeps word for word; nor
  the text of a part whose wording the format prescribes (:attr:`~draft.kinds.kind.PartSpec.prescribed`);
* the placeholders ``draft import`` writes: :data:`UNIT_PLACEHOLDER` for a unit the source never
  names, and :attr:`~draft.kinds.kind.PartSpec.placeholder_text` for a required part it lacks.

Each problem carries the code :data:`UNFINISHED`: ``draft import`` reads the form it writes
past them, to compare it with its source (:func:`draft.form.read.read_past_unfinished`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from draft.form.load import LoadedForm, format_field
from draft.form.places import place_name, titles_in
from draft.form.positions import Positions
from draft.kinds import Kind, by_id
from draft.model.report import FormPath, Origin, TextKind
from draft.problems import MAX_SAME_PROBLEM, Problem, excerpt
from draft.text.paragraphs import one_line, split_paragraphs

#: The code of these problems (``--format json``), which tells them from the form's other problems.
UNFINISHED = "unfinished-form"

#: What ``draft import`` writes (:mod:`draft.form.write`) as the unit of a report that never names it: it stands
#: out in the form, and validation lists it, so that no report goes out under it.
UNIT_PLACEHOLDER = "（单位全称）"

#: What sample reports and templates put where a unit's own words belong: ××局, XX区, 某某, ○○, 请填写…
_PLACEHOLDER = re.compile(r"[×xX*＊○〇]{2}|某某|请填写|待填写|单位名称|（单位）|\[.*?\]|【.*?】")
#: The one-line fields that name the unit, as validation names them.
_NAMED_FIELDS = (("unit", "单位名称"), ("title", "报告标题"), ("signature", "落款单位"))

#: How much of an example paragraph's start a text is searched for before it is split into paragraphs.
_OPENING = 8

#: A year, which init moves to the year reported on: an example text is the same whatever its years.
_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")


def unfinished_problems(loaded: LoadedForm, data: dict[str, Any], kind: Kind) -> list[Problem]:
    """Every place of ``data`` still holding a sample's or draft init's example or draft import's placeholder."""
    problems = _named_placeholders(loaded, data)
    examples = example_texts(kind.id)
    placeholders = {part.placeholder_text for part in kind.text_parts}
    openings = {text[:_OPENING] for text in (*examples, *placeholders)}

    def may_hold_one(value: str) -> bool:
        # Splitting every text of a long form into paragraphs costs more than the rest of validation: a text
        # none of whose example openings occurs in it can hold no example paragraph.
        comparable = _comparable(value)
        return any(opening in comparable for opening in openings)

    left = [
        origin
        for origin in _part_texts(kind, data, may_hold_one)
        if _text(origin) in placeholders or _comparable(_text(origin)) in examples
    ]
    if not left:
        return problems
    positions = Positions(loaded)
    title_of = titles_in(data)
    for origin in left[:MAX_SAME_PROBLEM]:
        mark = positions.in_text(origin, [origin.paragraph.value_index(0)])[0]
        if _text(origin) in placeholders:
            message = f"这里还是 draft import 写的占位文字“{_text(origin)}”：导入的原文里没有这一部分。"
            fix = "把占位文字换成本单位本年度的实际情况"
        else:
            message = f"这里还是 draft init 示例表单里的文字（“{excerpt(_text(origin))}”），不是本单位的内容。"
            fix = "改写成本单位本年度的实际情况；用不到的条目整条删除"
        problems.append(
            Problem(
                file=loaded.display,
                message=message,
                line=mark.line,
                column=mark.column,
                field=format_field(origin.path),
                place=place_name(origin.path, title_of, kind.labels),
                code=UNFINISHED,
                fix=fix,
            )
        )
    if len(left) > MAX_SAME_PROBLEM:
        last = problems[-1]
        more = len(left) - MAX_SAME_PROBLEM
        message = f"还有 {more:,} 处示例或占位文字没有逐个列出。请先改写上面列出的这些，再运行 draft validate 查看其余的。"
        problems.append(Problem(file=loaded.display, message=message, line=last.line, column=last.column, code=UNFINISHED))
    return problems


def _named_placeholders(loaded: LoadedForm, data: dict[str, Any]) -> list[Problem]:
    """A unit, title or 落款 still holding a sample's placeholder, or draft import's: it would go out under a wrong name."""
    problems = []
    for key, label in _NAMED_FIELDS:
        value = data.get(key)
        if not isinstance(value, str):
            continue
        if key == "unit" and value.strip() == UNIT_PLACEHOLDER:
            message = (
                f"unit（单位名称）还是 draft import 写的占位文字“{UNIT_PLACEHOLDER}”：导入的原文里没有写出单位名称。"
                "请改成本单位的全称（标题和落款都用它）。"
            )
        elif found := _PLACEHOLDER.search(value):
            message = f"{key}（{label}）里还是示例的占位文字“{found.group()}”。请改成本单位的实际内容。"
        else:
            continue
        problems.append(loaded.problem_at((key,), message, code=UNFINISHED))
    return problems


@cache
def example_texts(kind: str) -> frozenset[str]:
    """The paragraphs and points of the parts of the form ``draft init`` writes for ``kind``, years aside."""
    import yaml

    from draft.form.starter import builtin_form_text

    try:
        starter = builtin_form_text(kind)
    except OSError:  # a kind whose folder has no starter form (draft init tells that) has no examples
        return frozenset()
    data = yaml.load(starter, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    prescribed = {part.key for part in by_id(kind).parts if part.prescribed}
    return frozenset(_comparable(_text(origin)) for origin in _part_texts(by_id(kind), data) if origin.path[0] not in prescribed)


def _comparable(text: str) -> str:
    """``text`` with its years blanked: init moves the example's years, a unit changes its report's year."""
    return _YEAR.sub("〇", text)


def _text(origin: Origin) -> str:
    return origin.paragraph.text


def _part_texts(kind: Kind, data: dict[str, Any], wanted: Callable[[str], bool] = lambda text: True) -> Iterator[Origin]:
    """The paragraphs and points of the parts of ``data`` (as loaded, not yet known to be valid), part by part in
    the kind's order (validation sorts its problems by line); of the texts ``wanted``."""
    for part in kind.text_parts:
        node = data.get(part.key)
        if isinstance(node, dict):
            yield from _node_texts(node, (part.key,), wanted)


def _node_texts(node: dict[str, Any], path: FormPath, wanted: Callable[[str], bool]) -> Iterator[Origin]:
    text = node.get("text")
    if isinstance(text, str) and wanted(text):
        for number, paragraph in enumerate(split_paragraphs(text)):
            yield Origin(path + ("text",), TextKind.PARAGRAPH, number, text, paragraph)
    points = node.get("points")
    for index, point in enumerate(points if isinstance(points, list) else []):
        if isinstance(point, str):
            if wanted(point):
                yield Origin(path + ("points", index), TextKind.POINT, 0, point, one_line(point))
    items = node.get("items")
    for index, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict):
            yield from _node_texts(item, path + ("items", index), wanted)

