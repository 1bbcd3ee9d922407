"""Which of the report's standard parts a heading names, and what a part the source lacks holds in the form.

A report has up to five parts (主要举措和成效, 存在的不足和原因, 第一责任人职责情况,
下一年度的主要安排, 其他); the source's headings seldom say them word for word, so a
heading's part is judged by the words it uses.
"""

from __future__ import annotations

import re

_FIRST = (
    ("responsibility", re.compile(r"第一责任人|主要负责人(?:履行|履职)|党政主要负责人|履行推进法治建设")),
    ("others", re.compile(r"^其[他它]")),
)
_STRONG = (
    ("shortcomings", re.compile(r"不足|问题|差距|短板")),
    ("measures", re.compile(r"举措|成效|完成情况|主要做法|工作情况|开展情况|推进情况|落实情况|基本情况|主要工作")),
    ("plans", re.compile(r"下一步|安排|计划|打算|思路|展望|明年|下一年|下年度|今后")),
    ("others", re.compile(r"其[他它]")),
)
_WEAK = (
    ("shortcomings", re.compile(r"薄弱|困难|欠缺|不够|原因")),
    ("measures", re.compile(r"措施|做法|成绩|成果|进展|亮点|取得|情况")),
    ("plans", re.compile(r"重点|目标|任务")),
)
KIND_NAMES = {
    "measures": "主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "responsibility": "第一责任人职责情况",
    "plans": "下一年度的主要安排",
    "others": "其他需要报告的情况",
}
REQUIRED = ("measures", "shortcomings", "plans")
#: What a required part the source lacks holds in the form: a request to fill it in.
PLACEHOLDER_TEXT = {
    "measures": "（原文没有这一部分，请填写本年度推进法治政府建设的主要举措和成效）",
    "shortcomings": "（原文没有这一部分，请填写存在的不足和原因）",
    "plans": "（原文没有这一部分，请填写下一年度推进法治政府建设的主要安排）",
}


def classify(heading: str) -> str | None:
    """The part a heading names: 第一责任人 and 其他 first; else the earliest strong word, else the earliest weak one."""
    for kind, pattern in _FIRST:
        if pattern.search(heading):
            return kind
    for table in (_STRONG, _WEAK):
        found = [(m.start(), kind) for kind, pattern in table if (m := pattern.search(heading))]
        if found:
            return min(found)[1]
    return None
