"""The frame of the report as a 公文 to a superior.

* ``missing-signer`` (warning): a 发文字号 and no 签发人. A 报告 goes up to the superior
  (上行文), and 《党政机关公文处理工作条例》第九条 says "上行文应当标注签发人姓名"; GB/T 9704
  §7.2.6 places the name beside the number. Without it the number stands centred, as on a
  document sent down.
"""

from __future__ import annotations

from draft.check.context import Context, Finding
from draft.problems import Severity

MISSING_SIGNER = "missing-signer"


def check(ctx: Context) -> list[Finding]:
    frame = ctx.report.frame
    if frame.doc_number is None or frame.signers:
        return []
    return [
        ctx.finding(
            MISSING_SIGNER,
            Severity.WARNING,
            ("doc_number",),
            "写了发文字号，但没有写签发人。报告是上行文，《党政机关公文处理工作条例》第九条要求“上行文应当标注签发人姓名”，"
            "签发人排在发文字号同一行的右侧。",
            fix="在 doc_number: 的下一行写 signers: 签发人姓名（几位签发人写成 [张三, 李四]）",
            mark=ctx.source.key_mark(("doc_number",)),
        )
    ]
