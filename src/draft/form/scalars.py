"""One written scalar → the value ``yaml.safe_load`` gives it, and the mistakes a scalar can hold.

YAML 1.1 reads ``0x7E7``, ``03747`` or ``33:43`` as numbers that do not look like what was typed,
and a tag (``!!int``) or a double-quoted escape (``"\\x0b"``) can ask for what a form cannot hold.
Each such scalar is told at its own line and column, with what to write instead.
"""

from __future__ import annotations

import re
from typing import Any

from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.scanner import Scanner

from draft.form.compose import Scalar
from draft.form.forbidden_characters import FORBIDDEN
from draft.form.line_folding import join_folded_lines
from draft.form.load_problems import LoadProblems
from draft.form.loaded import Mark
from draft.form.places import Path_
from draft.form.source_text import SourceText
from draft.form.yaml_examples import quoted

#: The prefix of YAML's own tags: ``!!int`` is ``TAG + "int"``.
TAG = "tag:yaml.org,2002:"
_STR_TAG = TAG + "str"
# The only scalar types a form may hold, named for messages. !!binary, !!set,
# !!python/... and local tags are refused.
_SCALAR_KINDS = {
    _STR_TAG: "文字",
    TAG + "int": "整数",
    TAG + "float": "小数",
    TAG + "bool": "是/否（true/false）",
    TAG + "null": "空值",
    TAG + "timestamp": "日期",
}
# What SafeConstructor's scalar functions raise on text they cannot convert
# (``!!int abc``, ``2024-02-30``, ``!!bool maybe``, ``!!int ""``, 5,000 digits).
_CONVERSION_ERRORS = (ValueError, KeyError, IndexError, TypeError, AttributeError, OverflowError)
_CONSTRUCTOR = SafeConstructor()

# One escape inside a double-quoted scalar, as PyYAML's scanner reads them.
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
# YAML 1.1 reads these plain scalars as numbers that do not look like what was typed.
_OCTAL = re.compile(r"[-+]?0[0-7_]+")
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")


class WrittenNumber(int):
    """A whole number YAML 1.1 reads from a notation other than decimal digits (``0x7E7``,
    ``0b…``, ``03747``, ``2_023``, ``33:43``): equal to its value, and remembering what was
    written, so that a year written so is refused (and told as written) rather than taken."""

    written: str

    def __new__(cls, value: int, written: str) -> WrittenNumber:
        number = super().__new__(cls, value)
        number.written = written
        return number

    def __getnewargs__(self) -> tuple[int, str]:  # type: ignore[override]
        return int(self), self.written


def unsupported_tag(problems: LoadProblems, tag: str, mark: Mark, path: Path_) -> None:
    """Report a tag a form may not use, on a scalar or on a list or mapping."""
    shown = "!!" + tag.removeprefix(TAG) if tag.startswith(TAG) else tag
    problems.error(
        f"“{shown}”是表单不支持的 YAML 类型标记。请删掉它；如果它是内容的一部分，请给整个内容加上英文引号。",
        mark,
        path,
    )


class ScalarReader:
    """Converts scalars of one form, reporting what it cannot convert or what surprises."""

    def __init__(self, source: SourceText, problems: LoadProblems) -> None:
        self.source = source
        self.problems = problems

    def value(self, node: Scalar, path: Path_) -> Any:
        """The value ``yaml.safe_load`` would give, or the text itself after reporting why not."""
        if node.style == '"':
            self.check_escapes(node, path)
        if node.tag == _STR_TAG:  # most values; SafeConstructor would return the text as is
            if node.style == "|":
                return node.value
            return join_folded_lines(node.value, self.source.text[node.start : node.end], node.style)
        kind = _SCALAR_KINDS.get(node.tag)
        if kind is None:
            if node.tag == TAG + "merge" and node.value == "<<":  # YAML reads a bare << as its merge key, not a tag typed
                self.problems.error(
                    "“<<”只能写在字段名的位置，表示合并另一个字典（例如“<<: *默认值”）。如果“<<”是内容的一部分，请给整个内容加上英文引号。",
                    node.mark,
                    path,
                )
                return node.value
            unsupported_tag(self.problems, node.tag, node.mark, path)
            return node.value
        construct = SafeConstructor.yaml_constructors[node.tag]
        try:
            value = construct(_CONSTRUCTOR, ScalarNode(node.tag, node.value))
        except _CONVERSION_ERRORS:
            self._unconvertible(node, kind, path)
            return node.value
        self._warn_if_surprising(node, value, path)
        if isinstance(value, int) and not isinstance(value, bool) and not _DECIMAL.fullmatch(node.value):
            return WrittenNumber(value, node.value)
        return value

    def check_escapes(self, node: Scalar, path: Path_) -> None:
        """Report forbidden characters written as escapes ("\\x0b", "\\ud800") in a double-quoted scalar.

        Raw ones were refused before parsing, so escapes are the only way left in.
        """
        if not FORBIDDEN.search(node.value):
            return
        written = self.source.text[node.start : node.end]
        for match in _ESCAPE.finditer(written):
            char = _unescape(match.group(1))
            if FORBIDDEN.fullmatch(char):
                line, column = self.source.position(node.start + match.start())
                self.problems.error(
                    f"这里的“{match.group()}”写的是一个看不见的控制字符 U+{ord(char):04X}，"
                    f"通常是复制粘贴带进来的，Word 文档无法保存它。请删掉“{match.group()}”。",
                    Mark(line, column),
                    path,
                )

    def _unconvertible(self, node: Scalar, kind: str, path: Path_) -> None:
        if node.tag == TAG + "timestamp":
            message = (
                f"“{node.value}”不是一个存在的日期，请检查年、月、日（例如 2 月没有 30 日）。"
                f"如果它不是日期，请给它加上英文引号，例如 {quoted(node.value)}。"
            )
        else:
            message = (
                f"“{_shorten(node.value)}”无法按{kind}读取。请改正内容；"
                "如果它只是普通文字，请去掉前面的“!!”类型标记，或者给它加上英文引号。"
            )
        self.problems.error(message, node.mark, path)

    def _warn_if_surprising(self, node: Scalar, value: Any, path: Path_) -> None:
        """Warn where YAML 1.1 turns what looks like a time or a code into another number."""
        if node.style or isinstance(value, bool) or not isinstance(value, int | float):
            return
        if path == ("year",):
            return  # the year must be written in plain digits: validation says so, and quotes would not do
        if ":" in node.value:
            reason = "YAML 把用冒号隔开的数字当作六十进制"
            hint = "如果这是时间或比分"
        elif _OCTAL.fullmatch(node.value):
            reason = "YAML 把以 0 开头的数字当作八进制"
            hint = "如果这是编号"
        elif isinstance(value, int) and not _DECIMAL.fullmatch(node.value):
            reason = "YAML 把以 0x、0b 开头或带“_”的写法当作数字"
            hint = "如果这是编号"
        else:
            return
        self.problems.warn(
            f"“{node.value}”会被读成数字 {value}（{reason}）。{hint}，请加上英文引号写成 {quoted(node.value)}。",
            node.mark,
            path,
        )


def _unescape(code: str) -> str:
    """The character one double-quoted escape stands for (``code`` is what follows the backslash)."""
    if len(code) > 1:  # x.., u...., U........
        return chr(int(code[1:], 16))
    return Scanner.ESCAPE_REPLACEMENTS.get(code, "")


def _shorten(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
