"""The commented form ``draft init`` writes, dated for the report being written now.

The built-in ``form.yaml`` is a whole form for its example year, its unit (某某区司法局) and
the texts of its parts examples: validation lists each until the unit writes its own
(:mod:`draft.form.unfinished`, which reads them here). ``draft init`` moves it to the year a
unit is reporting on today: reports on a year are written from its last quarter
(the 法治政府 report is due before 1 April of the next year), so from October on
the year proposed is this one, before October the year just ended.

What each field means is said once, in the schema (:mod:`draft.form.schema`, and the
kinds' parts): the built-in form holds a line ``#: unit`` where the comment on ``unit``
goes, and ``#: node.*`` / ``#: layout.*`` where the fields of every part or of a layout
are listed. The editor's JSON Schema (:mod:`draft.form.json_schema`) reads the same words.
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from typing import Any

from draft import kinds
from draft.kinds import DEFAULT, Kind
from draft.text.dates import proposed_year
from draft.text.numerals import chinese_numeral

#: The form in a template folder (beside its wording): the built-in one is what ``draft init`` writes.
FORM_FILE = "form.yaml"

#: The report year of the built-in form, and the year its example date falls in.
EXAMPLE_YEAR = 2024
_EXAMPLE_YEARS = re.compile(rf"(?<![0-9])({EXAMPLE_YEAR}|{EXAMPLE_YEAR + 1})(?![0-9])")

#: Where the built-in form takes a field's comment from the schema: ``#: unit``, ``      #: layout.*``.
_COMMENT_FROM_SCHEMA = re.compile(r"^(?P<indent> *)#: (?P<field>[a-z_]+)(?P<listed>\.\*)?$", re.MULTILINE)


def dated(text: str, day: datetime.date) -> str:
    """``text`` of the built-in form (a form, or a field's words) with its years moved to the report year at ``day``."""
    shift = proposed_year(day) - EXAMPLE_YEAR
    return _EXAMPLE_YEARS.sub(lambda found: str(int(found[0]) + shift), text)


def init_form_text(day: datetime.date, kind: str = DEFAULT) -> str:
    """The built-in form of ``kind`` with its years moved to the report year at ``day`` (its date to the next year)."""
    return dated(builtin_form_text(kind), day)


@cache
def builtin_form_text(kind: str = DEFAULT) -> str:
    """The built-in form of ``kind``, each field's comment written from the schema."""
    from draft.form.kind_schema import kind_schema
    from draft.form.schema import NODE_SCHEMA

    schema = kind_schema(kinds.by_id(kind), datetime.date(EXAMPLE_YEAR + 1, 1, 1))
    fields = {**schema, "node": {"schema": NODE_SCHEMA}}
    text = (kinds.template_dir(kinds.by_id(kind)) / FORM_FILE).read_text(encoding="utf-8")

    def comment(found: re.Match[str]) -> str:
        rules = fields[found["field"]]
        if found["listed"]:
            return "\n".join(
                _commented(f"  {name}: {field_words(inner)}", found["indent"]) for name, inner in rules["schema"].items()
            )
        return _commented(field_comment(found["field"], rules, kinds.by_id(kind)), found["indent"])

    return _COMMENT_FROM_SCHEMA.sub(comment, text)


def field_comment(field: str, rules: dict[str, Any], kind: Kind) -> str:
    """What the form says above a field: ``单位名称（必填）：写全称……``; a part of a kind whose parts stand in a fixed
    order is named with its number (``一、总体情况``), a part of figures says it prints a table."""
    meta = rules["meta"]
    label, state = meta["label"], meta.get("state") or ("必填" if rules.get("required") else "可不写")
    numbers = {part.key: number for number, part in enumerate(kind.parts, start=1)}
    if field in numbers:
        label = kind.part(field).label  # a table's field is labelled as the format heads it (二、……)
        if kind.fixed_order:
            label = f"{chinese_numeral(numbers[field])}、{label}"
        if kind.part(field).table is not None:
            state += "，生成表格"
    description = meta.get("description", "")
    # Words of several lines start on a line of their own, below the field's name.
    return f"{label}（{state}）" + (("：\n" if "\n" in description else "：") + description if description else "")


def field_words(rules: dict[str, Any]) -> str:
    """A field's words inside a part or a layout, as the form lists them: ``正文：一段或几段……``."""
    meta = rules.get("meta", {})
    return f"{meta['label']}：{meta['description']}" if meta.get("description") else meta.get("label", "")


def _commented(words: str, indent: str) -> str:
    """``words`` as comment lines at ``indent``; the lines after the first stand in by four spaces."""
    first, *rest = words.split("\n")
    return "\n".join([f"{indent}# {first}", *(f"{indent}#    {line}" for line in rest)])
