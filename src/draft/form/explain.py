"""Word one cerberus error in Chinese: the field by its label, where it is, and what to write instead.

cerberus says what is wrong in its own terms (a code, a constraint); office staff need the
field they wrote, the line it is on and an example of it written right. Kept apart from the
validation (:mod:`draft.form.validate`) because all this wording is about reading, not checking.
"""

from __future__ import annotations

import datetime
import re
from functools import cached_property
from typing import Any

from cerberus import errors
from cerberus.errors import ValidationError
from cerberus.schema import SchemaRegistry

from draft.form.figure_notation import expected, not_a_number
from draft.form.load import LoadedForm, WrittenNumber, format_field
from draft.form.places import SEPARATOR, place_name, titles_in
from draft.form.schema import FIRST_YEAR
from draft.form.value_words import DOC_NUMBER_WRITTEN, one_of, value_expected
from draft.form.yaml_errors import colon_slip, colon_slip_message, shown_line
from draft.kinds import Kind
from draft.problems import Problem, Rewrite, excerpt
from draft.text.dates import proposed_year
from draft.text.doc_number import read_doc_number
from draft.text.invisible import describe, unseen
from draft.text.lines import Lines, indentation
from draft.text.numerals import YEAR_DIGIT_NUMERALS, year_value


class Explainer:
    """Turns one cerberus error into a Problem, using the schema's labels and examples."""

    def __init__(
        self, loaded: LoadedForm, schema: dict[str, Any], registry: SchemaRegistry, kind: Kind, today: datetime.date | None = None
    ) -> None:
        self.loaded = loaded
        self.schema = schema
        self.registry = registry
        self.kind = kind
        self.today = today or datetime.date.today()

    @cached_property
    def year(self) -> int:
        """The year the examples of messages are written for: the form's own, or else the year being reported on now."""
        year = self.loaded.data.get("year")
        if isinstance(year, int) and not isinstance(year, bool) and FIRST_YEAR <= year <= self.today.year:
            return int(year)
        return proposed_year(self.today)

    @cached_property
    def lines(self) -> Lines:
        return Lines(self.loaded.source)

    def example_date(self) -> str:
        """``请写成 2027-01-15 或 2027年1月15日``: a date early in the year after the report's."""
        return f"{self.year + 1}-01-15 或 {self.year + 1}年1月15日"

    def rules_at(self, path: tuple[str | int, ...]) -> dict[str, Any]:
        """The rules that apply to the value at ``path`` (empty if the path leaves the schema)."""
        rules: dict[str, Any] = {"type": "dict", "schema": self.schema}
        for part in path:
            inner = rules.get("schema")
            if isinstance(inner, str):
                inner = self.registry.get(inner)
            if inner is None:
                return {}
            if isinstance(part, int):
                rules = inner  # a list's "schema" is the rules of each element
            else:
                rules = inner.get(part, {}) if isinstance(inner, dict) else {}
            if "schema" in rules and isinstance(rules["schema"], str):
                rules = {**rules, "schema": self.registry.get(rules["schema"])}
        return rules

    def label(self, path: tuple[str | int, ...]) -> str:
        meta = self.rules_at(path).get("meta", {})
        return meta.get("label", "")

    def named(self, path: tuple[str | int, ...]) -> str:
        """The field as written in the form, with its label: ``year（报告年度）``, ``text（正文）``.

        Where it stands in the form is the message's place (see :mod:`draft.form.places`).
        """
        label = self.label(path)
        if not path:
            return "表单"
        if isinstance(path[-1], int):
            return label or f"第{path[-1] + 1}项"
        return f"{path[-1]}（{label}）" if label else str(path[-1])

    def example(self, path: tuple[str | int, ...]) -> str:
        return self.rules_at(path).get("meta", {}).get("example", "")

    def problem(self, error: ValidationError) -> Problem:
        path = tuple(error.document_path)
        code = error.code
        if code == errors.UNKNOWN_FIELD.code:
            message = self._unknown_field(path)
            mark = self.loaded.key_mark(path)
        elif code == errors.REQUIRED_FIELD.code:
            message = self._required(path)
            mark = self.loaded.key_mark(path[:-1]) if path[:-1] else self.loaded.mark(())
        elif error.value is None:
            # An empty value has no position of its own worth showing: point at its key.
            message = self._value_problem(path, error)
            mark = self.loaded.key_mark(path)
        else:
            message = self._value_problem(path, error)
            mark = self.loaded.mark(path)
        rewrite = self._rewrite(path, error, mark.line)
        if rewrite is not None and error.value is None:
            message = self._without_empty(path, rewrite)
        return Problem(
            file=self.loaded.display,
            line=mark.line,
            column=mark.column,
            field=format_field(path),
            place=self.place(path),
            message=message,
            rewrite=rewrite,
        )

    # The fixes a program can apply: the lines a message asks to be written otherwise.

    def _rewrite(self, path: tuple[str | int, ...], error: ValidationError, line: int) -> Rewrite | None:
        code, value = error.code, error.value
        emptied = code in (errors.EMPTY_NOT_ALLOWED.code, errors.NOT_NULLABLE.code) and value is None
        if emptied and self.rules_at(path).get("type") != "dict":
            return self._empty_removed(line)
        if code == errors.BAD_TYPE.code and isinstance(value, str) and self._colon_slip(path, error.constraint, value):
            return self._colon_slips_fixed(line, value)
        if code == errors.BAD_TYPE.code and "year" in str(error.constraint) and isinstance(value, str):
            digits = _year_in(value)
            if digits is not None:
                return self._value_written(path, digits)
        return None

    def _empty_removed(self, number: int) -> Rewrite | None:
        """An empty field's line taken out. Where it opens a list item (``- title:``), the item's next field
        moves up beside the ``- ``: deleting the whole line would join the item to the one before it."""
        line = self.lines.line(number)
        key = line.lstrip(" -")
        start = len(line) - len(key)
        if "-" not in line[:start]:
            return Rewrite(number, number, "")
        after = self.lines.line(number + 1)
        if number + 1 > self.lines.count or len(indentation(after)) != start or not after.strip() or after.lstrip().startswith("#"):
            return None
        return Rewrite(number, number + 1, line[:start] + after.lstrip())

    def _without_empty(self, path: tuple[str | int, ...], rewrite: Rewrite) -> str:
        named = self.named(path)
        if not rewrite.text:
            return f"{named} 不能为空。请填写内容，或删除这一行。"
        fixed = shown_line(rewrite.text.strip())
        return f"{named} 不能为空。请填写内容；不要它时，删除“{path[-1]}:”，把下一行的字段移到“- ”后面，写成：{fixed}"

    def _colon_slips_fixed(self, number: int, value: str) -> Rewrite | None:
        """The lines YAML read as one text, each field written with its colon right."""
        count = len(_FIELD_START.findall(value)) or 1
        lines = [self.lines.line(number + offset) for offset in range(count)]
        slips = [colon_slip(line) for line in lines]
        if any(slip is None for slip in slips):
            return None
        return Rewrite(number, number + count - 1, "\n".join(slip.line for slip in slips if slip))

    def _value_written(self, path: tuple[str | int, ...], value: str) -> Rewrite | None:
        """The line of the value at ``path`` with the value written ``value``: where it is written on the key's line alone."""
        key, mark = self.loaded.key_mark(path), self.loaded.mark(path)
        line = self.lines.line(mark.line)
        if key.line != mark.line or line.lstrip().startswith("-"):
            return None
        return Rewrite(mark.line, mark.line, f"{line[: mark.column - 1]}{value}")

    def place(self, path: tuple[str | int, ...]) -> str:
        """Where ``path`` is, for a person: a figure by the labels of the groups it is in."""
        if path and path[0] in self.kind.figure_schema:
            return SEPARATOR.join(self.label(path[: depth + 1]) or str(path[depth]) for depth in range(len(path)))
        return place_name(path, titles_in(self.loaded.data), self.kind.labels)

    def _unknown_field(self, path: tuple[str | int, ...]) -> str:
        name = str(path[-1])
        parent = self.rules_at(path[:-1]).get("schema")
        known = sorted(parent) if isinstance(parent, dict) else []
        if any(map(unseen, name)):
            return _unseen_in_name(name)
        import difflib  # only for a key nobody knows

        guess = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        if guess:
            label = self.label(path[:-1] + (guess[0],))
            return f"不认识的字段“{name}”。您是不是想写“{guess[0]}”（{label}）？请改正拼写。"
        return f"不认识的字段“{name}”。这里可以写的字段有：{'、'.join(known)}。请删除或改正它。"

    def _required(self, path: tuple[str | int, ...]) -> str:
        example = self.example(path)
        sep = "" if example.startswith("\n") else " "
        return f"缺少必填项 {self.named(path)}。请添加一行，例如：{path[-1]}:{sep}{example}"

    def _value_problem(self, path: tuple[str | int, ...], error: ValidationError) -> str:
        code, value, named = error.code, error.value, self.named(path)
        # A number as typed: YAML reads .nan as nan, 2023.0 as 2023.0, -.inf as -inf.
        written = self.loaded.numbers_written.get(path) or as_written(value)
        if code == errors.BAD_TYPE.code:
            return self._colon_slip(path, error.constraint, value) or f"{named} {self._expected(error.constraint, value, written)}"
        if code in (errors.EMPTY_NOT_ALLOWED.code, errors.NOT_NULLABLE.code):
            if self.rules_at(path).get("type") == "dict":
                return f"{named} {self._expected('dict', None, '')}"
            return f"{named} 不能为空。请填写内容，或删除这一行。"
        if code == errors.MIN_VALUE.code and self.rules_at(path).get("type") in ("count", "amount"):
            return f"{named} 不能是负数，现在是 {written}。请写 0 或正数。"
        if code == errors.MIN_VALUE.code or code == errors.MAX_VALUE.code:
            low, high = self.rules_at(path).get("min"), self.rules_at(path).get("max")
            if low is None:
                return f"{named} 不能大于 {high}，现在是 {value}。请写 {high} 或更小的数。"
            if high is None:  # one bound only: no range to show, no year to suggest
                return f"{named} 不能小于 {low}，现在是 {value}。请写 {low} 或更大的数。"
            return f"{named} 应在 {low} 到 {high} 之间，现在是 {value}。请写报告所述的年度，例如 {high - 1}。"
        if code == errors.UNALLOWED_VALUE.code:
            return f"{named} 不能写“{value}”，{one_of(error.constraint)}"
        if code == errors.CUSTOM.code and error.info == ("empty_node",):
            return self._empty_node(path)
        if code == errors.CUSTOM.code and error.info == ("bad_date",):
            return f"{named} 写法不对：“{value}”。请写成 {self.example_date()} 这样的日期。"
        if code == errors.CUSTOM.code and error.info == ("bad_doc_number",):
            return _doc_number_problem(named, str(value))
        if code == errors.CUSTOM.code and error.info == ("misplaced_document_word",):
            return (
                f"{named} 里“文件”二字的位置不对。联合行文时“文件”只印一次，排在几个机关名称的右侧："
                "只在最后一个机关名称后面写“文件”，例如 [青山县市场监督管理局, 青山县司法局文件]；"
                "不要“文件”二字时，每个名称后面都不写。"
            )
        return f"{named} 的内容不对（{value!r}）。"

    def _colon_slip(self, path: tuple[str | int, ...], constraint: str | list[str], value: Any) -> str:
        """Fields were expected and one line came: ``text:我局……`` or ``text：我局……``, read as text.

        YAML sees no field where the colon is Chinese or has no space after it; on the last line of
        a part nothing follows to make that an error, so the slip only shows here, and is told in
        the words a syntax error gives it (:func:`~draft.form.yaml_errors.colon_slip_message`).
        """
        expected = self.rules_at(path).get("schema")
        if not isinstance(value, str) or "dict" not in constraint or not isinstance(expected, dict):
            return ""
        # Several such lines in a row were read as one text: each field is told apart at its own name.
        starts = [found.start() for found in _FIELD_START.finditer(value) if found["key"] in expected]
        if not starts or starts[0] != 0:
            return ""
        pieces = [value[start:end] for start, end in zip(starts, [*starts[1:], None], strict=True)]
        if isinstance(path[-1], int):
            pieces[0] = "- " + pieces[0]  # an item of a list: its line is written "- title:…"
        slips = [colon_slip(piece) for piece in pieces]
        if any(slip is None for slip in slips):
            return ""
        # Each piece was a line from the value's own on (as _colon_slips_fixed rewrites them): shown with its indentation.
        first = self.loaded.mark(path).line
        indents = [indentation(self.lines.line(first + offset)) for offset in range(len(slips))]
        return colon_slip_message([slip._replace(indent=indent) for slip, indent in zip(slips, indents, strict=True) if slip])

    def _empty_node(self, path: tuple[str | int, ...]) -> str:
        named = self.named(path)
        if len(path) == 1 and path[0] in self.kind.labels:
            return f"{named} 没有内容。请至少写 text（正文）、points（要点）或 items（下级条目）之一。"
        return f"{named} 没有内容。请写 title（标题）、text（正文）、points（要点）或 items（下级条目），或删除这一条。"

    def _expected(self, constraint: str | list[str], value: Any, written: str) -> str:
        types = [constraint] if isinstance(constraint, str) else list(constraint)
        if "count" in types or "amount" in types:
            return _expected_figure("amount" in types, value, written)
        if "year" in types:
            if isinstance(value, WrittenNumber):
                example = int(value) if FIRST_YEAR <= value <= self.today.year else self.year
                return f"应直接写 4 位数字的年份，例如 {example}。现在写的“{value.written}”会被 YAML 读成数字 {int(value)}，请改写。"
            digits = value.strip() if isinstance(value, str) else ""
            if digits.isdigit() and not digits.isascii():
                return f"用了全角数字“{digits}”，应写半角数字：写 {int(digits)}（把输入法切换到英文或半角状态再输入）。"
            if digits.isdigit():
                return f"应写数字，不要加引号：写 {digits} 而不是 \"{digits}\"。"
            year = _year_in(digits)
            if year is not None:
                return f"只写 4 位数字，不要写“年”“年度”等文字：写 {year}，现在是“{written}”。"
            chinese = len(digits) == 4 and all(char in YEAR_DIGIT_NUMERALS for char in digits)
            return f"应写阿拉伯数字的年份，例如 {year_value(digits) if chinese else self.year}，现在是“{written}”。"
        if "dict" in types and value is None:
            return "不能为空。请在下面缩进两格写出 text（正文）、points（要点）或 items（下级条目）。"
        if "boolean" in types and "string" not in types:
            return f"只能写 true（是）或 false（否），现在是“{as_written(value)}”。"
        if "date" in types:
            return f"应写日期，例如 {self.example_date()}。"
        return value_expected(types)


# A year written with words around it: ``2026年``, ``2026 年度``, ``2026年度``.
_YEAR_WITH_WORDS = re.compile(r"\s*(?P<year>[0-9]{4})\s*(?:年度?|年)\s*")


def _year_in(written: str) -> str | None:
    """The four digits of a year written with 年 or 年度 after them, or None."""
    found = _YEAR_WITH_WORDS.fullmatch(written)
    return found["year"] if found else None


# Where a field name and its colon stand in a text that YAML read as one: ``title:规范执法text：我局``.
_FIELD_START = re.compile(r"(?<![A-Za-z_])(?P<key>[A-Za-z_]+)[ \t]*[:：]")


def _doc_number_problem(named: str, typed: str) -> str:
    """A 发文字号 written wrong: what is wrong, and the number written right where it can be read."""
    read = read_doc_number(typed)
    if read is None:
        return f"{named} 写法不对：“{excerpt(typed)}”。{DOC_NUMBER_WRITTEN}"
    return f"{named} 写法不对：“{typed}”。{'；'.join(read.slips)}。请改为：{read.right}"


def as_written(value: Any) -> str:
    """A value read from the form, shown as YAML writes it (true, not Python's True)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "空"
    return str(value)


def _expected_figure(amount: bool, value: Any, written: str) -> str:
    """What a figure of a table should be, said about what was written there."""
    written = written.strip() if not isinstance(value, dict | list) else ""
    digits = written.replace(",", "").replace("，", "")
    what = expected(amount)
    if isinstance(value, WrittenNumber):
        return f"{what}。现在写的“{value.written}”会被 YAML 读成数字 {int(value)}，请直接写十进制数字。"
    if isinstance(value, float):
        return not_a_number(written, amount) or f"{what}：件数不能有小数，现在是 {written}。"
    if digits.replace(".", "", 1).isdigit() and digits.isascii():
        return f"{what}，不要加引号或千位分隔的逗号：写 {digits} 而不是“{written}”。"
    if written:
        return f"{what}，不要写单位或文字，现在是“{written}”。没有的写 0。"
    return f"{what}。没有的写 0。"


def _unseen_in_name(name: str) -> str:
    """A field name holding characters nobody can see: named, and the indentation they usually are told as such."""
    visible = "".join(char for char in name if not unseen(char))
    what = "、".join(dict.fromkeys(describe(char) for char in name if unseen(char)))
    if unseen(name[0]):
        return (
            f"这一行开头的缩进里有{what}。YAML 只认半角空格的缩进，所以把它们连同“{visible}”当成了一个不认识的字段名。"
            "请删掉这些字符，改用半角空格缩进（每一级两个空格）。"
        )
    return (
        f"字段名“{visible}”里有看不见的{what}，通常是从网页、Word 或聊天软件复制粘贴时带进来的。"
        f"请删掉整个字段名，重新输入 {visible}。"
    )
