"""Characters a .docx cannot hold, found in a form before it is parsed, each at its line and column.

They come in by copy-paste and are invisible, so the user is told where each one is; a form holding
any is not parsed, because YAML would refuse most of them with a message about the character that
names no fix.
"""

from __future__ import annotations

import re
from itertools import islice

from draft.form.load_problems import LoadProblems, Stop
from draft.form.loaded import Mark
from draft.form.source_text import SourceText

#: Most invisible characters listed one by one; the rest are summed up in one line.
MAX_CHARACTER_REPORTS = 100

# Characters a .docx cannot hold (XML 1.0 forbids most of them) and that are
# invisible junk from copy-paste anyway: C0 controls except tab, LF and CR,
# DEL, C1 controls, the non-characters U+FFFE/U+FFFF and lone surrogates.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def check_characters(source: SourceText, problems: LoadProblems) -> None:
    """Report every character Word cannot store; parsing stops if there are any."""
    if not FORBIDDEN.search(source.text):
        return
    found = list(islice(FORBIDDEN.finditer(source.text), MAX_CHARACTER_REPORTS + 1))
    for match in found[:MAX_CHARACTER_REPORTS]:
        problems.error(
            f"这里有一个看不见的特殊字符 U+{ord(match.group()):04X}，通常是从网页、Word 或聊天软件复制粘贴时带进来的，"
            "Word 文档无法保存它。请把光标移到这里，删掉这个字符（它可能看起来像空格，或者什么都看不到）。",
            Mark(*source.position(match.start())),
        )
    if len(found) > MAX_CHARACTER_REPORTS:
        # A file full of them would otherwise bury the user in identical lines.
        unlisted = len(FORBIDDEN.findall(source.text)) - MAX_CHARACTER_REPORTS
        problems.error(
            f"从这里开始还有 {unlisted} 个这样的特殊字符没有逐个列出，请一并删掉。",
            Mark(*source.position(found[MAX_CHARACTER_REPORTS].start())),
        )
    raise Stop
