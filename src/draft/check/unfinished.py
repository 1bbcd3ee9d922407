"""``missing-date`` (warning): no 成文日期. Without it the report ends with no 落款 and no
成文日期, which every 公文 carries (GB/T 9704—2012 §7.3.5).

(What a newcomer leaves unfinished otherwise — draft init's example unit and texts, draft
import's placeholders — validation refuses: :mod:`draft.form.unfinished`.)
"""

from __future__ import annotations

from draft.check.context import Context, Finding
from draft.problems import Severity

MISSING_DATE = "missing-date"


def check(ctx: Context) -> list[Finding]:
    return _missing_date(ctx)


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
