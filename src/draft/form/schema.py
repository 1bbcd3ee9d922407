"""The cerberus schema of a report form: the single source of truth for what a form may hold.

Every field carries ``meta`` with the Chinese label, an example and what to write there (its
``description``); :mod:`draft.form.explain` uses them to turn cerberus's errors into messages an
office worker can act on, the starter form of ``draft init`` writes label and description as each
field's comment (:mod:`draft.form.starter`), and the editor's JSON Schema gives them as the field's
title and description (:mod:`draft.form.json_schema`): one wording, wherever the clerk meets the field.
The descriptions hold the example year of the starter form (2024), moved to the year reported on
where they are shown.

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

def _meta(label: str, example: str, description: str = "") -> dict[str, str]:
    """A field's words: its label, an example, and (where a clerk needs more) what to write there."""
    return {"label": label, "example": example, **({"description": description} if description else {})}


def _text(label: str, example: str, description: str = "", **rules: Any) -> dict[str, Any]:
    """A field holding user text; a number typed there (``title: 2023``) is taken as its text."""
    return {
        "type": ["string", "number"],
        "empty": False,
        "meta": _meta(label, example, description),
        **rules,
    }


def _either(placements: type[TitlePlacement] | type[PointPlacement]) -> str:
    """The words a layout field may hold, each as a person says it: ``own-line（标题单独成行）或 run-in（…）``."""
    return "或 ".join(f"{placement.value}（{placement.words}）" for placement in placements) + "。"


LAYOUT_SCHEMA: dict[str, Any] = {
    "numbering": {
        "type": "string",
        # 一、 belongs to the parts alone.
        "allowed": sorted(s for s, style in STYLE_SPELLINGS.items() if style is not PART_STYLE),
        "meta": _meta("下级编号样式", "(一)", "写 \"(一)\"、\"1.\"、\"1、\" 或 \"(1)\"，要加引号。"),
    },
    "title": {
        "type": "string",
        "allowed": [placement.value for placement in TitlePlacement],
        "meta": _meta("标题位置", "run-in", _either(TitlePlacement)),
    },
    "points": {
        "type": "string",
        "allowed": [placement.value for placement in PointPlacement],
        "meta": _meta("“一是、二是”的排法", "inline", _either(PointPlacement)),
    },
    "continue_numbering": {
        "type": "boolean",
        "meta": _meta("下下级编号跨节连续", "true", "true 表示下下级编号跨条目连续（如（一）下有1—3，（二）下从4接着编）。"),
    },
}

_LAYOUT_FIELD: dict[str, Any] = {
    "type": "dict",
    "schema": LAYOUT_SCHEMA,
    "meta": _meta("排版选项", "{numbering: \"1.\", title: run-in}", "编号样式、标题位置、要点排法，不写时按公文常规。"),
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
    "title": _text("标题", "全方位部署法治政府建设", "部分的标题不写时使用模板里的默认标题。"),
    "text": _text("正文", "我局坚持……", "一段或几段，段与段之间空一行。"),
    "points": {
        "type": "list",
        "empty": False,
        "schema": _text("要点", "深学悟透笃行。我局……"),
        "meta": _meta("要点（一是、二是……）", "- 深学悟透笃行。……", "每点一行、以“- ”开头，生成“一是……；二是……。”。"),
    },
    "items": {
        "type": "list",
        "empty": False,
        "schema": {"type": "dict", "schema": "node", "check_with": "content", "meta": {"label": "条目"}},
        "meta": _meta(
            "下级条目", "- title: 推动服务升级", "每条以“- title:”开头，自动编号（一）（二）……，再下一级 1. 2. ……，最多四级。"
        ),
    },
    "layout": _LAYOUT_FIELD,
}


#: How a date is written, said once for every date of the form.
DATE_WRITING = "写成 2025-01-15 或 2025年1月15日，生成时写成“2025年1月15日”。"


def _date(label: str, example: str, description: str) -> dict[str, Any]:
    """A date: as YAML reads 2024-01-15, or written 2024年1月15日."""
    return {"type": ["date", "string"], "check_with": "report_date", "meta": _meta(label, example, description)}


def _names(label: str, example: str, item_example: str, description: str, **rules: Any) -> dict[str, Any]:
    """A field holding one name, or a list of names (several 签发人, several 抄送机关)."""
    return {
        "type": ["string", "number", "list"],
        "empty": False,
        "schema": _text(label, item_example),
        "meta": _meta(label, example, description),
        **rules,
    }


def _frame_fields(this_year: int) -> dict[str, Any]:
    """The formal frame of a 公文 (GB/T 9704 §7.2–7.4), all optional: see :class:`draft.model.report.Frame`."""
    return {
        # 联合行文: the names, 主办机关 first, “文件” once at the end (draft.text.joint_mark).
        "issuer_mark": _names(
            "发文机关标志", "青山县市场监督管理局文件", "青山县市场监督管理局",
            "印在首页上方的红色大字，写“机关全称（或规范化简称）+文件”，或只写机关名称；\n"
            "几个机关联合行文时写成列表，主办机关在前；“文件”二字只写一次，写在最后一个名称后面，\n"
            "例如 [青山县市场监督管理局, 青山县司法局文件]：各名称上下排列，“文件”印在它们右侧居中。\n"
            "不要“文件”时各名称后面都不写，例如 [青山县市场监督管理局, 青山县司法局]。",
            check_with="joint_mark",
        ),
        "doc_number": _text(
            "发文字号", f"青市监〔{this_year}〕3号",
            "机关代字〔年份〕序号号。年份写全 4 位，用六角括号〔〕（可复制这里的），序号不加“第”、不写 01。",
            check_with="doc_number",
        ),
        "signers": _names("签发人", "张三", "张三", "报告是上行文，写了发文字号就要写签发人；几位签发人写成 [张三, 李四]。"),
        "cc": _names("抄送机关", "[县委办公室, 县政府办公室]", "县委办公室", "版记的第一项，一个或几个机关。"),
        "printed_by": _text("印发机关", "青山县市场监督管理局办公室", "版记里的印发机关，通常是本单位的办公室。"),
        "printed_date": _date("印发日期", f"{this_year}-01-20", "版记里的印发日期，" + DATE_WRITING),
        "attachments": {
            "type": "list",
            "empty": False,
            "schema": {"type": "dict", "schema": "attachment", "meta": {"label": "附件"}},
            "meta": _meta(
                "附件", "\n  - title: 行政执法情况统计表\n    text: ……",
                "每个附件写标题，内容和各部分一样可以写 text、points、items。正文后自动列出“附件：1. ……”，\n"
                "附件从新的一页开始，标“附件1”“附件2”。",
            ),
        },
        "double_sided": {
            "type": "boolean",
            "meta": _meta("是否双面印刷", "false", "默认 true：双面印刷时版记印在偶数页上，需要时自动加一张空白页。"),
        },
    }


#: A part is a node whose layout may print its items as parts (a report organised by topics of work).
PART_SCHEMA: dict[str, Any] = {**NODE_SCHEMA, "layout": {**_LAYOUT_FIELD, "schema": PART_LAYOUT_SCHEMA}}

#: An attachment holds what a part holds, under a title of its own, which it must have.
ATTACHMENT_SCHEMA: dict[str, Any] = {**NODE_SCHEMA, "title": _text("附件标题", "行政执法情况统计表", required=True)}


def text_part(label: str, required: bool, description: str = "") -> dict[str, Any]:
    """A part written as text (the shared node); the parts of each kind are the kind's (:mod:`draft.form.kind_schema`)."""
    return {
        "type": "dict",
        "required": required,
        "schema": "part",
        "check_with": "content",
        "meta": _meta(label, "\n  text: ……", description),
    }


def report_schema(today: datetime.date | None = None) -> dict[str, Any]:
    """The fields every form has, whatever its kind. ``today`` bounds the year (a report is on a year already begun)."""
    this_year = (today or datetime.date.today()).year
    schema: dict[str, Any] = {
        "unit": _text("单位名称", "常州市钟楼区人力资源和社会保障局", "写全称，会用在标题和落款里。", required=True),
        "year": {
            "type": "year",
            "required": True,
            "min": FIRST_YEAR,
            "max": this_year,
            "meta": _meta("报告年度", str(this_year - 1), "阿拉伯数字，不加引号。"),
        },
        # What a title left out becomes names the kind: kind_schema says it.
        "title": _text("报告标题", "××局2023年法治政府建设年度报告"),
        "recipient": _text("主送机关", "区委全面依法治区委员会办公室", "写在标题下面、顶格，末尾自动加全角冒号。"),
        "intro": _text("开头段落", "2023年，我局坚持……现将有关情况报告如下：", "一段或几段；段与段之间空一行。"),
        "closing": {
            "type": ["string", "number", "boolean"],
            "empty": False,
            "meta": _meta("结束语", "特此报告。", "写 true 使用“特此报告。”，也可以直接写文字；不要结束语就删掉这一行。"),
        },
        "signature": _text(
            "落款单位", "常州市钟楼区人力资源和社会保障局", "不写时使用单位名称。写了 signature 或 date 才会在文末生成落款。"
        ),
        "date": _date("成文日期", f"{this_year}-01-15", DATE_WRITING),
        "normalize_punctuation": {
            "type": "boolean",
            "meta": _meta("是否把半角标点改为全角", "true", "默认 true；写 false 时保留原有的标点。"),
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
