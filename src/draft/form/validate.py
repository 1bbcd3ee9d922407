"""Validate a loaded form against the schema and explain every problem in plain Chinese.

cerberus finds the problems; this module only knows how to say them: each error
becomes a :class:`~draft.problems.Problem` pointing at the line the user wrote,
naming the field by its Chinese label and saying what to write instead.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from cerberus import Validator, errors
from cerberus.errors import BaseErrorHandler, ValidationError
from cerberus.schema import SchemaRegistry
from cerberus.validator import TypeDefinition

from draft.form.kind_schema import kind_schema
from draft.form.load import LoadedForm, WrittenNumber, format_field
from draft.form.places import SEPARATOR, place_name, titles_in
from draft.form.schema import make_registry
from draft.kinds import DEFAULT, Kind, all_kinds, find
from draft.problems import MAX_SAME_PROBLEM, Problem
from draft.text.doc_number import read_doc_number
from draft.text.invisible import describe, unseen
from draft.text.joint_mark import misplaced_word
from draft.text.names import CHINESE_DATE

#: What sample reports and templates put where a unit's own words belong: ××局, XX区, 某某, ○○, 请填写…
_PLACEHOLDER = re.compile(r"[×xX*＊○〇]{2}|某某|请填写|待填写|单位名称|（单位）|\[.*?\]|【.*?】")
_ISO_DATE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$")


def parse_date(value: datetime.date | str) -> datetime.date | None:
    """A date as YAML gives it, or written ``2024年1月15日`` / ``2024-01-15``; None if it is neither."""
    if isinstance(value, datetime.date):
        return value
    match = CHINESE_DATE.match(value) or _ISO_DATE.match(value)
    if not match:
        return None
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


class FormValidator(Validator):
    """cerberus's validator with the few rules a report needs that cerberus lacks.

    cerberus sorts all of a validator's errors again each time it adds one, which is
    quadratic in their number: 20,000 unknown fields took minutes. Each validator (one
    per mapping and list of the form) keeps at most :data:`MAX_SAME_PROBLEM` errors of
    each kind; the others are only counted, in the ``overflow`` shared by all the
    validators of one validation, so that the user is told how many more there are.
    """

    # A year is a whole number written in digits; cerberus's "integer" would also take true/false,
    # and YAML 1.1 reads 0x7E7 or 2_023 as 2023.
    types_mapping = {
        **Validator.types_mapping,
        "year": TypeDefinition("year", (int,), (bool, WrittenNumber)),
        # A figure of a table: a count is a whole number, an amount (万元) any number.
        "count": TypeDefinition("count", (int,), (bool, WrittenNumber)),
        "amount": TypeDefinition("amount", (int, float), (bool, WrittenNumber)),
    }

    def validate(self, document: Any, *args: Any, **kwargs: Any) -> bool:
        self._kept: Counter[int] = Counter()  # errors of each code this validator holds
        if not self.is_child:
            self.overflow.clear()
        return bool(super().validate(document, *args, **kwargs))

    __call__ = validate  # as cerberus's own: child validators are called

    @property
    def overflow(self) -> Counter[int]:
        """Errors of each code not kept, in this validation."""
        return self._config["overflow"]  # type: ignore[no-any-return]

    def _error(self, *args: Any) -> None:
        if len(args) == 1:  # errors being added (a child validator's, or one just made)
            kept = []
            for error in args[0]:
                if self._kept[error.code] < MAX_SAME_PROBLEM:
                    self._kept[error.code] += 1
                    kept.append(error)
                else:
                    self.overflow.update(leaf.code for leaf in _leaves([error]))
            if kept:
                super()._error(kept)
            return
        code = errors.CUSTOM.code if isinstance(args[1], str) else args[1].code
        if self._kept[code] >= MAX_SAME_PROBLEM:  # not even made: a group error's children are in args
            children = [leaf.code for info in args[2:] if isinstance(info, list) for leaf in _leaves(info)]
            self.overflow.update(children or [code])
            return
        super()._error(*args)

    def _check_with_content(self, field: str, value: Any) -> None:
        if isinstance(value, dict) and not any(value.get(key) for key in ("title", "text", "points", "items")):
            self._error(field, "empty_node")

    def _check_with_doc_number(self, field: str, value: Any) -> None:
        read = read_doc_number(str(value))
        if read is None or read.slips:
            self._error(field, "bad_doc_number")

    def _check_with_joint_mark(self, field: str, value: Any) -> None:
        if isinstance(value, list) and misplaced_word([str(name).strip() for name in value]):
            self._error(field, "misplaced_document_word")

    def _check_with_report_date(self, field: str, value: Any) -> None:
        if isinstance(value, (str, datetime.date)) and parse_date(value) is None:
            self._error(field, "bad_date")


def _leaves(errors_: Iterable[ValidationError]) -> Iterator[ValidationError]:
    """cerberus's innermost errors only: a group error just says "something below failed"."""
    for error in errors_:
        if error.is_group_error:
            yield from _leaves(error.child_errors)
        else:
            yield error


class _LeafErrors(BaseErrorHandler):
    """Hands out :func:`_leaves`."""

    def __call__(self, errors_: Iterable[ValidationError]) -> list[ValidationError]:
        return list(_leaves(errors_))


class _Explainer:
    """Turns one cerberus error into a Problem, using the schema's labels and examples."""

    def __init__(self, loaded: LoadedForm, schema: dict[str, Any], registry: SchemaRegistry, kind: Kind) -> None:
        self.loaded = loaded
        self.schema = schema
        self.registry = registry
        self.kind = kind

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
        return Problem(
            file=self.loaded.display,
            line=mark.line,
            column=mark.column,
            field=format_field(path),
            place=self.place(path),
            message=message,
        )

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
        if code == errors.BAD_TYPE.code:
            return self._colon_slip(path, error.constraint, value) or f"{named} {self._expected(error.constraint, value)}"
        if code in (errors.EMPTY_NOT_ALLOWED.code, errors.NOT_NULLABLE.code):
            if self.rules_at(path).get("type") == "dict":
                return f"{named} {self._expected('dict', None)}"
            return f"{named} 不能为空。请填写内容，或删除这一行。"
        if code == errors.MIN_VALUE.code and self.rules_at(path).get("type") in ("count", "amount"):
            return f"{named} 不能是负数，现在是 {value}。请写 0 或正数。"
        if code == errors.MIN_VALUE.code or code == errors.MAX_VALUE.code:
            low, high = self.rules_at(path).get("min"), self.rules_at(path).get("max")
            return f"{named} 应在 {low} 到 {high} 之间，现在是 {value}。请写报告所述的年度，例如 {high - 1}。"
        if code == errors.UNALLOWED_VALUE.code:
            allowed = "、".join(str(a) for a in error.constraint)
            return f"{named} 不能写“{value}”，只能写以下之一：{allowed}。"
        if code == errors.CUSTOM.code and error.info == ("empty_node",):
            return self._empty_node(path)
        if code == errors.CUSTOM.code and error.info == ("bad_date",):
            return f"{named} 写法不对：“{value}”。请写成 2024-01-15 或 2024年1月15日 这样的日期。"
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
        a part nothing follows to make that an error, so the slip only shows here.
        """
        expected = self.rules_at(path).get("schema")
        slip = _FIELD_TYPED_AS_TEXT.match(value) if isinstance(value, str) and "dict" in constraint else None
        if slip is None or not isinstance(expected, dict) or slip["key"] not in expected:
            return ""
        # Several such lines in a row were read as one text: each field is told apart at its own name.
        fields = [found for found in _FIELD_START.finditer(value) if found["key"] in expected]
        written = [(found["key"], value[found.end() : end.start() if end else None].strip()) for found, end in zip(
            fields, [*fields[1:], None], strict=True
        )]
        colons = {found["colon"] for found in fields}
        why = "冒号后面缺少空格" if colons == {":"} else "用了中文冒号“：”" if colons == {"："} else "用了中文冒号或冒号后面缺少空格"
        lines = "这一行" if len(fields) == 1 else f"这 {len(fields)} 行"
        fixed = "；".join(f"{key}: {text}" for key, text in written)
        each = "" if len(fields) == 1 else "（每个字段单独一行）"
        return f"{lines}“{_shorten(value)}”被读成了一段文字：{why}，YAML 因此认不出字段。请写成{each}：{fixed}"

    def _empty_node(self, path: tuple[str | int, ...]) -> str:
        named = self.named(path)
        if len(path) == 1 and path[0] in self.kind.labels:
            return f"{named} 没有内容。请至少写 text（正文）、points（要点）或 items（下级条目）之一。"
        return f"{named} 没有内容。请写 title（标题）、text（正文）、points（要点）或 items（下级条目），或删除这一条。"

    @staticmethod
    def _expected(constraint: str | list[str], value: Any) -> str:
        types = [constraint] if isinstance(constraint, str) else list(constraint)
        if "count" in types or "amount" in types:
            return _expected_figure("amount" in types, value)
        if "year" in types:
            if isinstance(value, WrittenNumber):
                return f"应直接写 4 位数字的年份，例如 2023。现在写的“{value.written}”会被 YAML 读成数字 {int(value)}，请改写。"
            digits = value.strip() if isinstance(value, str) else ""
            if digits.isdigit() and not digits.isascii():
                return f"用了全角数字“{digits}”，应写半角数字：写 {int(digits)}（把输入法切换到英文或半角状态再输入）。"
            if digits.isdigit():
                return f"应写数字，不要加引号：写 {digits} 而不是 \"{digits}\"。"
            return f"应写阿拉伯数字的年份，例如 2023，现在是“{as_written(value)}”。"
        if "dict" in types:
            if value is None:
                return "不能为空。请在下面缩进两格写出 text（正文）、points（要点）或 items（下级条目）。"
            return "应在下面分行写出下级字段（如 title:、text:），每行比它多缩进两格。"
        if "list" in types and "string" in types:
            return "应写一个名称，或写成列表：每项单独一行，以“- ”开头。"
        if "list" in types:
            return "应是一个列表：每一项单独一行，以“- ”开头，例如：\n  - 第一项\n  - 第二项"
        if "boolean" in types and "string" not in types:
            return f"只能写 true（是）或 false（否），现在是“{as_written(value)}”。"
        if "date" in types:
            return "应写日期，例如 2024-01-15 或 2024年1月15日。"
        return "应是一段文字。如果写了列表或下级字段，请改成一段文字。"


# ``key:value`` or ``key：value`` that YAML read as one piece of text.
_FIELD_TYPED_AS_TEXT = re.compile(r"(?P<key>[A-Za-z_]+)[ \t]*(?P<colon>[:：])[ \t]*(?P<value>\S.*)", re.DOTALL)
_FIELD_START = re.compile(r"(?<![A-Za-z_])(?P<key>[A-Za-z_]+)[ \t]*(?P<colon>[:：])[ \t]*")


def _doc_number_problem(named: str, typed: str) -> str:
    """A 发文字号 written wrong: what is wrong, and the number written right where it can be read."""
    read = read_doc_number(typed)
    if read is None:
        return (
            f"{named} 写法不对：“{typed}”。发文字号由机关代字、年份和序号组成，年份用六角括号“〔〕”括入，"
            "例如 青市监〔2026〕3号。"
        )
    return f"{named} 写法不对：“{typed}”。{'；'.join(read.slips)}。请改为：{read.right}"


def _shorten(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "……"


def as_written(value: Any) -> str:
    """A value read from the form, shown as YAML writes it (true, not Python's True)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "空"
    return str(value)


def validate_form(loaded: LoadedForm, today: datetime.date | None = None) -> tuple[dict[str, Any], list[Problem]]:
    """Check ``loaded`` against the schema of its kind: the normalized data and every problem, in source order.

    A form whose figures are all well written has its arithmetic checked too (:mod:`draft.form.arithmetic`).
    """
    kind = find(loaded.data.get("kind", DEFAULT))
    if kind is None:
        return loaded.data, [_unknown_kind(loaded)]
    validator, schema, registry = _validator(today or datetime.date.today(), kind.id)
    # Validation only: cerberus's normalizer crashes on a list where a mapping belongs,
    # and the form needs no normalizing (the model builder takes numbers as text).
    validator.validate(loaded.data, normalize=False)
    explainer = _Explainer(loaded, schema, registry, kind)
    problems = _explained(explainer, validator.errors, validator.overflow)
    problems.extend(_date_problems(loaded, loaded.data))
    problems.extend(_placeholder_problems(loaded, loaded.data))
    figures_written = not any(error.document_path and error.document_path[0] in kind.figure_schema for error in validator.errors)
    if kind.arithmetic is not None and figures_written:
        from draft.form.arithmetic import arithmetic_problems

        problems.extend(arithmetic_problems(loaded, kind))
    problems.sort(key=lambda p: (p.line, p.column))
    return loaded.data, problems


#: A report on year Y dated later than Y + this is a slip of the keyboard (9999-12-31).
LATEST_DATE = 2

#: How the summary of unlisted problems names them, by cerberus error code.
_KINDS = {errors.UNKNOWN_FIELD.code: "不认识的字段", errors.BAD_TYPE.code: "写法不对的内容"}


def _explained(explainer: _Explainer, found: list[ValidationError], overflow: Counter[int]) -> list[Problem]:
    """The first :data:`MAX_SAME_PROBLEM` errors of each kind explained, then a line saying how many more there are."""
    listed: Counter[int] = Counter()
    unlisted = Counter(overflow)
    problems: list[Problem] = []
    last: dict[int, Problem] = {}
    for error in sorted(found, key=lambda error: explainer.loaded.mark(tuple(error.document_path))):
        if listed[error.code] == MAX_SAME_PROBLEM:
            unlisted[error.code] += 1
            continue
        listed[error.code] += 1
        problem = last[error.code] = explainer.problem(error)
        problems.append(problem)
    for code, count in unlisted.items():
        after = last.get(code)
        problems.append(
            Problem(
                file=explainer.loaded.display,
                line=after.line if after else 0,
                column=after.column if after else 0,
                message=f"还有 {count:,} 个{_KINDS.get(code, '同样的问题')}没有逐个列出。"
                "请先改正上面列出的这些，再运行 draft validate 查看其余的。",
            )
        )
    return problems


@lru_cache(maxsize=4)
def _validator(today: datetime.date, kind: str) -> tuple[FormValidator, dict[str, Any], SchemaRegistry]:
    """The validator of the forms of ``kind`` read ``today`` (the schema bounds the year by it), with its
    schema and registry. Made once: cerberus checks a schema against its own rules when it is
    given one, which costs more than validating a form; a validator is reset by each validate()."""
    schema = kind_schema(all_kinds()[kind], today)
    registry = make_registry()
    validator = FormValidator(schema, schema_registry=registry, error_handler=_LeafErrors, overflow=Counter())
    return validator, schema, registry


def _date_problems(loaded: LoadedForm, data: dict[str, Any]) -> list[Problem]:
    """A report on year Y is written after Y ends, early in Y+1: a date before, or years after, is a slip of the keyboard."""
    year, raw = data.get("year"), data.get("date")
    date = parse_date(raw) if isinstance(raw, (str, datetime.date)) else None
    if isinstance(year, bool) or not isinstance(year, int) or date is None or year < date.year <= year + LATEST_DATE:
        return []  # a year that is no year (true is an int to Python) is told by the schema
    written = f"date（成文日期）{date.year}年{date.month}月{date.day}日"
    if date.year <= year:
        message = f"{written} 早于 {year} 年度结束。报告应在 {year} 年之后成文，例如 {year + 1}-01-15。"
    else:
        message = f"{written} 比 {year} 年度晚了 {date.year - year} 年。报告通常在下一年年初成文，例如 {year + 1}-01-15。"
    mark = loaded.mark(("date",))
    return [
        Problem(
            file=loaded.display,
            line=mark.line,
            column=mark.column,
            field="date",
            place=place_name(("date",)),
            message=message,
        )
    ]


def _unknown_kind(loaded: LoadedForm) -> Problem:
    """A form of a kind draft does not know: nothing else about it can be checked."""
    names = "、".join(f"{kind.id}（{kind.name}）" for kind in all_kinds().values())
    mark = loaded.mark(("kind",))
    return Problem(
        file=loaded.display,
        line=mark.line,
        column=mark.column,
        field="kind",
        place="报告种类",
        message=f"kind（报告种类）不能写“{as_written(loaded.data.get('kind'))}”，只能写以下之一：{names}。"
        "不写 kind 时是法治政府建设年度报告。",
    )


def _expected_figure(amount: bool, value: Any) -> str:
    """What a figure of a table should be, said about what was written there."""
    written = as_written(value).strip() if not isinstance(value, dict | list) else ""
    digits = written.replace(",", "").replace("，", "")
    if amount:
        what = "应写金额（万元）的数字，例如 96171.6 或 0"
    else:
        what = "应写不小于 0 的整数，例如 12 或 0"
    if isinstance(value, float):
        return f"{what}：件数不能有小数，现在是 {value}。"
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


def _placeholder_problems(loaded: LoadedForm, data: dict[str, Any]) -> list[Problem]:
    """A unit or title still holding a sample's placeholder would go out under a wrong name."""
    problems = []
    for key, label in (("unit", "单位名称"), ("title", "报告标题"), ("signature", "落款单位")):
        value = data.get(key)
        found = _PLACEHOLDER.search(value) if isinstance(value, str) else None
        if found:
            mark = loaded.mark((key,))
            problems.append(
                Problem(
                    file=loaded.display,
                    line=mark.line,
                    column=mark.column,
                    field=key,
                    place=place_name((key,)),
                    message=f"{key}（{label}）里还是示例的占位文字“{found.group()}”。请改成本单位的实际内容。",
                )
            )
    return problems
