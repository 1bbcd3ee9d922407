"""Characters that print wrong, or print nothing where something should be.

* ``invisible-character`` (错误): a bidirectional control (U+202E and its kin) shows the text
  after it backwards — the way a file name or a sentence is disguised;
* ``invisible-character`` (提示): a character of no width (U+200B and its kin) shows nothing,
  but splits the word it is in for Word's search and line breaking;
* ``replacement-character`` (错误): U+FFFD, the “\ufffd” an import leaves where its source had
  bytes of no known encoding: the text there was lost and must be typed again.

The loader already refuses what Word cannot store (control characters); these it can
store, so draft would print them silently.
"""

from __future__ import annotations

import re

from draft.check.context import Context, Finding
from draft.problems import Severity
from draft.text.invisible import BIDI_CONTROLS, ZERO_WIDTH, describe

INVISIBLE = "invisible-character"
REPLACEMENT = "replacement-character"

_FOUND = re.compile(f"{BIDI_CONTROLS.pattern}|{ZERO_WIDTH.pattern}|\ufffd")


def check(ctx: Context) -> list[Finding]:
    findings = []
    for text in ctx.texts:
        for match in _FOUND.finditer(text.printed):
            char = match.group()
            fix = "删掉这个字符"
            if char == "\ufffd":
                code, severity, fix = REPLACEMENT, Severity.ERROR, "对照原文重新输入这里的文字"
                message = (
                    "这里有一个乱码字符“\ufffd”（U+FFFD），通常是导入时原文件里有无法识别的文字留下的，"
                    "这里的原文已经丢失。请对照原文改正。"
                )
            elif BIDI_CONTROLS.fullmatch(char):
                code, severity = INVISIBLE, Severity.ERROR
                message = f"这里有一个看不见的{describe(char)}，它会让后面的文字在 Word 里倒过来显示（常被用来伪装文字）。请删掉它。"
            else:
                code, severity = INVISIBLE, Severity.WARNING
                message = (
                    f"这里有一个看不见的{describe(char)}，通常是复制粘贴带进来的；它不显示，但会让 Word 里的查找和断行出错。请删掉它。"
                )
            findings.append(ctx.finding(code, severity, text.path, message, fix, ctx.at(text, match.start())))
    return findings
