"""The cerberus schema of a report form: the single source of truth for what a form may hold.

Every field carries ``meta`` with the Chinese label and an example; :mod:`draft.form.explain`
uses them to turn cerberus's errors into messages an office worker can act on.

The report's parts and every item inside them share one recursive node
(``title``, ``text``, ``points``, ``items``, ``layout``), registered as ``"node"``.
"""

from __future__ import annotations

import datetime
from typing import Any

from cerberus.schema import SchemaRegistry

from draft.model.numbering import PART_STYLE, STYLE_SPELLINGS
from draft.model.report import PointPlacement, TitlePlacement

#: Reports before this year predate the national 法治政府 reporting duty.
FIRST_YEAR = 2000

def _text(label: str, example: str, **rules: Any) -> dict[str, Any]:
    """A field holding user text; a number typed there (``title: 2023``) is taken as its text."""
    return {
        "type": ["string", "number"],
        "empty": False,
        "meta": {"label": label, "example": example},
        **rules,
    }


LAYOUT_SCHEMA: dict[str, Any] = {
    "numbering": {
        "type": "string",
        # 一、 belongs to the parts alone.
        "allowed": sorted(s for s, style in STYLE_SPELLINGS.items() if style is not PART_STYLE),
        "meta": {"label": "下级编号样式", "example": "(一)"},
    },
    "title": {
        "type": "string",
        "allowed": [placement.value for placement in TitlePlacement],
        "meta": {"label": "标题位置", "example": "run-in"},
    },
    "points": {
        "type": "string",
        "allowed": [placement.value for placement in PointPlacement],
        "meta": {"label": "“一是、二是”的排法", "example": "inline"},
    },
    "continue_numbering": {
        "type": "boolean",
        "meta": {"label": "下下级编号跨节连续", "example": "true"},
    },
}

_LAYOUT_FIELD: dict[str, Any] = {
    "type": "dict",
    "schema": LAYOUT_SCHEMA,
    "meta": {"label": "排版选项", "example": "{numbering: \"1.\", title: run-in}"},
}

#: A part's layout has one option more: its items printed as parts in its place.
PART_LAYOUT_SCHEMA: dict[str, Any] = {
    **LAYOUT_SCHEMA,
    "items_as_parts": {
        "type": "boolean",
        "meta": {"label": "下级条目作为部分排（一、二、三、）", "example": "true"},
    },
}

NODE_SCHEMA: dict[str, Any] = {
    "title": _text("标题", "全方位部署法治政府建设"),
    "text": _text("正文", "我局坚持……"),
    "points": {
        "type": "list",
        "empty": False,
        "schema": _text("要点", "深学悟透笃行。我局……"),
        "meta": {"label": "要点（一是、二是……）", "example": "- 深学悟透笃行。……"},
    },
    "items": {
        "type": "list",
        "empty": False,
        "schema": {"type": "dict", "schema": "node", "check_with": "content", "meta": {"label": "条目"}},
        "meta": {"label": "下级条目", "example": "- title: 推动服务升级"},
    },
    "layout": _LAYOUT_FIELD,
}


def _date(label: str, example: str) -> dict[str, Any]:
    """A date: as YAML reads 2024-01-15, or written 2024年1月15日."""
    return {"type": ["date", "string"], "check_with": "report_date", "meta": {"label": label, "example": example}}


def _names(label: str, example: str, item_example: str, **rules: Any) -> dict[str, Any]:
    """A field holding one name, or a list of names (several 签发人, several 抄送机关)."""
    return {
        "type": ["string", "number", "list"],
        "empty": False,
        "schema": _text(label, item_example),
        "meta": {"label": label, "example": example},
        **rules,
    }


def _frame_fields(this_year: int) -> dict[str, Any]:
    """The formal frame of a 公文 (GB/T 9704 §7.2–7.4), all optional: see :class:`draft.model.report.Frame`."""
    return {
        # 联合行文: the names, 主办机关 first, “文件” once at the end (draft.text.joint_mark).
        "issuer_mark": _names("发文机关标志", "青山县市场监督管理局文件", "青山县市场监督管理局", check_with="joint_mark"),
        "doc_number": _text("发文字号", f"青市监〔{this_year}〕3号", check_with="doc_number"),
        "signers": _names("签发人", "张三", "张三"),
        "cc": _names("抄送机关", "[县委办公室, 县政府办公室]", "县委办公室"),
        "printed_by": _text("印发机关", "青山县市场监督管理局办公室"),
        "printed_date": _date("印发日期", f"{this_year}-01-20"),
        "attachments": {
            "type": "list",
            "empty": False,
            "schema": {"type": "dict", "schema": "attachment", "meta": {"label": "附件"}},
            "meta": {"label": "附件", "example": "\n  - title: 行政执法情况统计表\n    text: ……"},
        },
        "double_sided": {
            "type": "boolean",
            "meta": {"label": "是否双面印刷", "example": "false"},
        },
    }


#: A part is a node whose layout may print its items as parts (a report organised by topics of work).
PART_SCHEMA: dict[str, Any] = {**NODE_SCHEMA, "layout": {**_LAYOUT_FIELD, "schema": PART_LAYOUT_SCHEMA}}

#: An attachment holds what a part holds, under a title of its own, which it must have.
ATTACHMENT_SCHEMA: dict[str, Any] = {**NODE_SCHEMA, "title": _text("附件标题", "行政执法情况统计表", required=True)}


def text_part(label: str, required: bool) -> dict[str, Any]:
    """A part written as text (the shared node); the parts of each kind are the kind's (:mod:`draft.form.kind_schema`)."""
    return {
        "type": "dict",
        "required": required,
        "schema": "part",
        "check_with": "content",
        "meta": {"example": "\n  text: ……", "label": label},
    }


def report_schema(today: datetime.date | None = None) -> dict[str, Any]:
    """The fields every form has, whatever its kind. ``today`` bounds the year (a report is on a year already begun)."""
    this_year = (today or datetime.date.today()).year
    schema: dict[str, Any] = {
        "unit": _text("单位名称", "常州市钟楼区人力资源和社会保障局", required=True),
        "year": {
            "type": "year",
            "required": True,
            "min": FIRST_YEAR,
            "max": this_year,
            "meta": {"label": "报告年度", "example": str(this_year - 1)},
        },
        "title": _text("报告标题", "××局2023年法治政府建设年度报告"),
        "recipient": _text("主送机关", "区委全面依法治区委员会办公室"),
        "intro": _text("开头段落", "2023年，我局坚持……现将有关情况报告如下："),
        "closing": {
            "type": ["string", "number", "boolean"],
            "empty": False,
            "meta": {"label": "结束语", "example": "特此报告。"},
        },
        "signature": _text("落款单位", "常州市钟楼区人力资源和社会保障局"),
        "date": _date("成文日期", f"{this_year}-01-15"),
        "normalize_punctuation": {
            "type": "boolean",
            "meta": {"label": "是否把半角标点改为全角", "example": "true"},
        },
        "layout": _LAYOUT_FIELD,
        **_frame_fields(this_year),
    }
    return schema


def make_registry() -> SchemaRegistry:
    """A registry holding the recursive node, kept apart from cerberus's global one."""
    registry = SchemaRegistry()
    registry.add("node", NODE_SCHEMA)
    registry.add("part", PART_SCHEMA)
    registry.add("attachment", ATTACHMENT_SCHEMA)
    return registry
