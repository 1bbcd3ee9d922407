"""What a newcomer leaves unfinished: the example text of ``draft init``, and no 成文日期 (warnings).

* ``example-text``: a title, paragraph or point still exactly as ``draft init``
  wrote it (its years aside, since init moves them to the year reported on).
  One finding for the form, at the first such text, with how many there are.
* ``missing-date``: no ``date``. Without it the report ends with no 落款 and no
  成文日期, which every 公文 carries (GB/T 9704—2012 §7.3.5).
"""

from __future__ import annotations

import re
from functools import cache

from draft.check.context import Context, Finding
from draft.model.report import Text, TextKind
from draft.problems import Severity, excerpt

EXAMPLE_TEXT = "example-text"
MISSING_DATE = "missing-date"

#: Shorter texts (a unit name, 特此报告。) are as likely to be the user's own.
_SHORTEST_EXAMPLE = 10
_DIGITS_AND_SPACES = re.compile(r"[0-9\s]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def check(ctx: Context) -> list[Finding]:
    return _example_texts(ctx) + _missing_date(ctx)


@cache
def _init_examples(kind: str) -> frozenset[str]:
    """The texts of the form ``draft init`` writes for ``kind``, without digits."""
    import yaml

    from draft.form.starter import builtin_form_text

    found: set[str] = set()

    def collect(value: object) -> None:
        if isinstance(value, dict):
            for inner in value.values():
                collect(inner)
        elif isinstance(value, list):
            for inner in value:
                collect(inner)
        elif isinstance(value, str):
            found.update(_comparable(paragraph) for paragraph in _BLANK_LINE.split(value))

    collect(yaml.load(builtin_form_text(kind), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    return frozenset(text for text in found if len(text) >= _SHORTEST_EXAMPLE)


def _comparable(text: str) -> str:
    """The text without its years and numbers, and without the line breaks it was typed with."""
    return _DIGITS_AND_SPACES.sub("", text)


def _example_texts(ctx: Context) -> list[Finding]:
    examples = _init_examples(ctx.report.kind)
    # One-line fields (title, recipient, signature) name real bodies a unit may share with the example.
    left: list[Text] = [text for text in ctx.texts if text.kind is not TextKind.FIELD and _comparable(text.raw) in examples]
    if not left:
        return []
    first = left[0]
    more = f"表单里共有 {len(left)} 处这样的示例文字。" if len(left) > 1 else ""
    return [
        ctx.finding(
            EXAMPLE_TEXT,
            Severity.WARNING,
            first.path,
            f"这里还是 draft init 生成的示例文字（“{excerpt(first.raw)}”），"
            f"没有改成本单位的内容。{more}",
            fix="把示例文字改写成本单位本年度的实际情况，用不到的条目整条删除",
            mark=ctx.at_raw(first, 0),
        )
    ]


def _missing_date(ctx: Context) -> list[Finding]:
    if ctx.report.date is not None:
        return []
    return [
        ctx.finding(
            MISSING_DATE,
            Severity.WARNING,
            ("date",),
            "表单没有写成文日期（date），报告末尾不会印落款和成文日期。公文应当在正文之后署发文机关名称、标注成文日期。",
            fix=f"在表单末尾加一行 date: {ctx.year + 1}-01-15（改成实际的成文日期）；落款单位与单位名称不同时再加 signature:",
            mark=ctx.source.key_mark(ctx.source.last_field()),
        )
    ]
