"""The form's schema said as JSON Schema (2020-12), for editors that check YAML as it is typed.

VS Code's YAML extension and every editor running yaml-language-server read a JSON Schema
named in a form's first line (:mod:`draft.form.schema_file`) and then mark a wrong value,
complete field names and explain a field on hover. The JSON Schema is translated from
the one schema (:func:`draft.form.kind_schema.kind_schema`, cerberus rules with their Chinese
words), never kept by hand: each field's ``title`` is its label, its ``description`` the comment
``draft init`` writes above it (:mod:`draft.form.starter`), and its ``errorMessage`` (which
yaml-language-server shows in place of its own English) what ``draft validate`` says of a value of
the wrong type (:mod:`draft.form.value_words`, which :mod:`draft.form.explain` words its messages with).

It says only what a JSON Schema can say exactly, or more loosely than draft: a form draft accepts
always passes it, so the editor never marks what ``draft validate`` lets through. The rest (the
tables' arithmetic, a date against the year, placeholders, where “文件” stands in a joint mark, a
part holding nothing but empty fields) stays with ``draft validate``, and the schema's description says so.
"""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

from draft.form.kind_schema import kind_schema
from draft.form.schema import ATTACHMENT_SCHEMA, NODE_SCHEMA, PART_SCHEMA
from draft.form.starter import dated, field_comment, field_words
from draft.form.value_words import DOC_NUMBER_WRITTEN, date_written, one_of, value_expected
from draft.kinds import DEFAULT, Kind

DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: cerberus's types, and draft's own (:class:`draft.form.validate.FormValidator`), as JSON's.
_TYPES = {
    "string": "string",
    "number": "number",
    "boolean": "boolean",
    "list": "array",
    "dict": "object",
    "year": "integer",
    "count": "integer",
    "amount": "number",
    # YAML 1.2 (the editor's) reads 2024-01-15 as text; draft reads it as a date and accepts 2024年1月15日 too.
    "date": "string",
}

#: What a date holds, loosely: 年…月…日, or two of - . / between numbers. draft reads the date itself (text/dates).
_DATE_PATTERN = "年[\\s\\S]*月[\\s\\S]*日|[-./][\\s\\S]*[-./]"
#: A 发文字号 as draft accepts it (text/doc_number): 机关代字〔2026〕3号, the year in four digits, no 第, no leading 0.
_DOC_NUMBER_PATTERN = "^[^\\s〔〕\\[\\]【】()（）［］]+〔[0-9]{4}〕(0|[1-9][0-9]*)号$"

#: What a regular expression reads as more than itself. Not re.escape: it escapes “-”, which JavaScript's
#: regular expressions (the editor's, with the u flag) refuse outside brackets.
_REGEX_SIGN = re.compile(r"[.*+?^$|{}()\[\]\\/]")

#: A part, an item or an attachment must hold one of these (cerberus's ``check_with: content``).
_CONTENT = ("title", "text", "points", "items")


def json_schema(kind: Kind, today: datetime.date | None = None) -> dict[str, Any]:
    """The JSON Schema of a form of ``kind`` read ``today`` (the year it bounds, the years its words give)."""
    today = today or datetime.date.today()
    fields = kind_schema(kind, today)
    translate = _Translation(kind, today)
    return {
        "$schema": DIALECT,
        "title": f"{kind.name} · 表单",
        "description": (
            f"draft 写出的{kind.name}表单的 JSON Schema（由 draft schema 生成，不要手改）。"
            "编辑器据此检查字段名、每一项的写法和取值，并给出说明；"
            "表格数字的勾稽关系、成文日期与报告年度是否相符、××之类的占位文字、联合行文时“文件”二字的位置等，"
            "这里说不清，请运行 draft validate 检查。"
        ),
        **translate.mapping(fields, top=True),
        "$defs": {
            "node": translate.mapping(NODE_SCHEMA),
            "part": translate.mapping(PART_SCHEMA),
            "attachment": translate.mapping(ATTACHMENT_SCHEMA),
        },
    }


def schema_text(kind: Kind, today: datetime.date | None = None) -> str:
    """:func:`json_schema` as the file draft writes: UTF-8 JSON, Chinese as it is, the same bytes for the same schema.

    On one line: json writes indented text in Python, ten times slower than its C encoder writes this, and every
    build of a form made by init or import writes it (to compare with the file) before it knows whether it changed.
    """
    return json.dumps(json_schema(kind, today), ensure_ascii=False, separators=(",", ":")) + "\n"


class _Translation:
    """cerberus rules → JSON Schema, the words moved to the year reported on ``today`` as ``draft init`` moves them."""

    def __init__(self, kind: Kind, today: datetime.date) -> None:
        self.kind = kind
        self.today = today

    def mapping(self, fields: dict[str, Any], top: bool = False) -> dict[str, Any]:
        """An object holding ``fields`` and nothing else: draft refuses a field it does not know."""
        properties = {}
        for name, rules in fields.items():
            words = field_comment(name, rules, self.kind) if top else field_words(rules)
            properties[name] = self.field(rules, f"{name}（{rules['meta']['label']}）", words)
        required = [name for name, rules in fields.items() if rules.get("required")]
        if top:
            properties["kind"].update(self.kind_names())
            if self.kind.id != DEFAULT:
                required.insert(0, "kind")  # without it, a form is of the default kind
        return {
            "type": "object",
            "properties": properties,
            **({"required": required} if required else {}),
            "additionalProperties": False,
        }

    def kind_names(self) -> dict[str, Any]:
        """``kind:`` names this kind: by its id, its name or another name (:func:`draft.kinds.find`, which strips spaces)."""
        names = (self.kind.id, self.kind.name, *self.kind.aliases)
        space = "[\\s\\x1c-\\x1f\\x85]*"
        return {
            "pattern": f"^{space}(?:{'|'.join(map(_literal, names))}){space}$",
            "examples": [self.kind.id],
            "errorMessage": f"kind（报告种类） 这份表单是{self.kind.name}，{one_of(list(names))}",
        }

    def field(self, rules: dict[str, Any], named: str, words: str = "") -> dict[str, Any]:
        """One field: its label as title, what to write as description, its rules, draft's words when it is wrong."""
        meta = rules.get("meta", {})
        types = rules["type"] if isinstance(rules["type"], list) else [rules["type"]]
        schema: dict[str, Any] = {"title": meta.get("label", ""), "description": dated(words or field_words(rules), self.today)}
        inner = rules.get("schema")
        if isinstance(inner, str):  # the shared node of every part and item, or an attachment
            schema["$ref"] = f"#/$defs/{inner}"
        else:
            json_types = list(dict.fromkeys(_TYPES[name] for name in types))
            schema["type"] = json_types[0] if len(json_types) == 1 else json_types
            if isinstance(inner, dict) and "dict" in types:
                schema.update(self.mapping(inner))
            elif isinstance(inner, dict):
                item = inner.get("meta", {}).get("label", "")
                schema["items"] = self.field(inner, item)
        if rules.get("check_with") == "content":
            schema["anyOf"] = [{"required": [name]} for name in _CONTENT]
        if rules.get("empty") is False:
            if "string" in types:
                schema["minLength"] = 1
            if "list" in types:
                schema["minItems"] = 1
        for keyword, word in (("min", "minimum"), ("max", "maximum")):
            if keyword in rules:
                schema[word] = rules[keyword]
        example = _example(meta.get("example"), types)
        if example is not None:
            schema["examples"] = [example]
        message = self.message(rules, types, named, schema)
        if message:
            schema["errorMessage"] = message
        return schema

    def message(self, rules: dict[str, Any], types: list[str], named: str, schema: dict[str, Any]) -> str:
        """What ``draft validate`` says of this field written wrong, for a field with no fields of its own.

        yaml-language-server shows ``errorMessage`` for every error of the field it stands on, a missing
        or unknown field inside it too: so a mapping keeps the editor's own words for those.
        """
        if "dict" in types or "$ref" in schema:
            return ""
        if "allowed" in rules:
            schema["enum"] = list(rules["allowed"])
            return f"{named} {one_of(rules['allowed'])}"
        if rules.get("check_with") == "doc_number":
            schema["pattern"] = _DOC_NUMBER_PATTERN
            return f"{named} 写法不对。{DOC_NUMBER_WRITTEN}"
        if rules.get("check_with") == "report_date":
            schema["pattern"] = _DATE_PATTERN
            return f"{named} 写法不对。{date_written()}"
        return f"{named} {value_expected(types)}"


def _literal(text: str) -> str:
    """``text`` as a regular expression that matches it alone."""
    return _REGEX_SIGN.sub(lambda sign: "\\" + sign[0], text)


def _example(example: str | None, types: list[str]) -> Any:
    """The field's example as a value of its own type, or None where it is a piece of YAML (a list, a mapping)."""
    if example is None or example.startswith(("\n", "[", "{", "- ")):
        return None
    if types[0] in ("year", "count"):
        return int(example)
    if types[0] == "amount":
        return float(example)
    if types[0] == "boolean":
        return example == "true"
    return example
