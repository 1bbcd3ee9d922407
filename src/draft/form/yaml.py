"""A form's bytes → its text → a tree of nodes with marks → plain data: YAML read as a form must be.

The form is written by hand by people who are not programmers, so reading is strict and
talkative: every problem that can be found is reported at once, in Chinese, with file, line,
column and what to do. The stages, in the order :func:`load_bytes` runs them:

1. bytes → text: byte-order marks, UTF-8, and a GB18030 fallback for files saved by Notepad or
   WPS in the Chinese Windows default (:func:`decode_form`); then the characters Word cannot hold,
   each at its line and column (:func:`check_characters`);
2. text → a small tree of nodes with marks, within depth and size limits (:class:`Composer`),
   read on past every line YAML cannot read, repaired as its message asks (:func:`compose_form`,
   :mod:`draft.form.yaml_recovery`), so that one run tells every slip;
3. nodes → data, resolving scalars exactly as ``yaml.safe_load`` does while recording marks,
   finding duplicate keys and bounding alias expansion (:class:`ValueBuilder`,
   :class:`ScalarReader`), and taking out the spaces YAML put where Chinese wrapped over lines
   (:func:`join_folded_lines`). Whatever of a text YAML would take away without a word (words
   after `` #``, an ``&anchor`` or ``!tag`` in front) is told, with the line written right.

A form with problems raises :class:`UnreadForm`, which holds the form as read past them, for
validation to tell its own slips in the same run. Each message that says how to write a line
carries that line (:class:`~draft.problems.Rewrite`).

Every stage reports to one :class:`LoadProblems` instead of raising at its first problem, and
counts lines as YAML does (:mod:`draft.text.lines`). What a syntax error means, and how each
slip is worded, is :mod:`draft.form.yaml_errors`'s. Opening the file is :mod:`draft.form.load`'s.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingStartEvent,
    ScalarEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from draft.form.places import place_name
from draft.form.yaml_recovery import MAX_REPAIRS, BrokenLine, Reach, Repair, misread_indentation, repair, replaced, unseen_indentation
from draft.problems import FormError, Problem, Rewrite, Severity, display_path, excerpt, not_utf8, readable
from draft.text.chinese import chinese_at_join
from draft.text.dates import proposed_year, today
from draft.text.decode import GB18030, SAVE_AS_UTF8, BadUtf8, NotText, decode
from draft.text.lines import LINE_BREAKS, Lines
from draft.text.paragraphs import join_lines


def _wording() -> ModuleType:
    """How a slip is told (:mod:`draft.form.yaml_errors`), loaded when a form has one: a form without any never pays for it."""
    from draft.form import yaml_errors

    return yaml_errors


if TYPE_CHECKING:
    from draft.model.report import FormPath

# --- Limits ---------------------------------------------------------------------------------------
# A form is written by hand and is tens of KB; the limits are far above that and keep a wrong file
# or a hostile one (deep nesting, "billion laughs" aliases) from costing minutes or gigabytes.
# Every stage checks the ones it can.

#: Largest form accepted. Real forms are tens of KB; anything this big is the wrong file.
MAX_BYTES = 1024 * 1024
#: Deepest nesting of lists and mappings. Real forms use three or four levels.
MAX_DEPTH = 50
#: Most values built, counting every copy an ``*alias`` makes ("billion laughs").
MAX_NODES = 50_000
#: Most characters of text (values and keys) a form may hold once every ``*alias`` is expanded:
#: what a file of MAX_BYTES can hold written out. A long text copied by thousands of aliases
#: is few values but hundreds of MB for everything after the loader.
MAX_CHARACTERS = MAX_BYTES
#: Longest number: a figure, a year or a number typed as a text is a few digits. Python refuses to
#: turn an integer of more than 4,300 digits into text, and YAML 1.1 reads ``0x…`` and ``1:30:…`` in
#: time that grows with the square of their length; a length this short keeps both far away.
MAX_NUMBER_LENGTH = 100

TOO_DEEP = f"这里嵌套的层级太深（超过 {MAX_DEPTH} 层）。正常的表单用不到这么多层，请检查缩进或括号是否写错。"
TOO_MANY_NODES = (
    f"表单的内容太多（超过 {MAX_NODES:,} 项），正常的表单只有几百项。"
    "请确认选的是正确的表单文件，或检查是否粘贴了过多内容。"
)
TOO_MANY_EXPANDED = f"表单展开后的内容太多（超过 {MAX_NODES:,} 项）。这是“&”和“*”引用层层嵌套造成的，请减少这些引用。"
TOO_LONG_EXPANDED = (
    f"表单展开后的文字太多（超过 {MAX_CHARACTERS:,} 个字符）。这是这里的“*”引用把一大段文字复制了很多遍造成的，"
    "请减少这些引用，或者直接写出要用的文字。"
)
TOO_COMPLEX = f"表单的结构太复杂，无法读取。请检查缩进和括号，并减少层级（不超过 {MAX_DEPTH} 层）。"


def too_large(display: str, size: int) -> Problem:
    return Problem(
        display,
        f"文件太大（{size:,} 字节），表单文件不能超过 1 MB（{MAX_BYTES:,} 字节）。"
        "正常的表单只有几十 KB，请确认选的是表单文件，而不是 Word、图片等其他文件。",
    )


# --- What reading a form gives --------------------------------------------------------------------
# Its data, its text, and where each value was written: shared by the validator and the check.

class Mark(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based


class LoadedForm(NamedTuple):
    """A form read without errors, and where each of its values was written."""

    path: Path  # the file
    display: str  # display_path(path), used in messages
    # Plain data: dict / list / str / int / float / bool / None / datetime.date
    # (datetime.datetime for a date with a time). Keys are always the text written.
    data: dict[str, Any]
    # Where each value starts: every mapping value and sequence element; the root is ().
    # A value copied by ``*alias`` is marked where the alias is written, the
    # values inside it where the anchored original is written.
    value_marks: dict[FormPath, Mark]
    key_marks: dict[FormPath, Mark]  # where the key that introduces a mapping value starts
    warnings: list[Problem]  # non-fatal notes, severity WARNING
    # The text YAML parsed, decoded from the file's bytes and without a byte-order mark: the marks
    # count in it, and later stages read it here rather than read and decode the file again.
    source: str
    # Every int or float value as its scalar was written (YAML reads ``0.00`` as 0.0, ``.nan`` as
    # nan): a figure is judged, and printed, by what was typed.
    numbers_written: dict[FormPath, str]

    def mark(self, path: FormPath) -> Mark:
        """Where the value at ``path`` starts, or else its nearest ancestor that has a mark."""
        for end in range(len(path), -1, -1):
            found = self.value_marks.get(path[:end])
            if found is not None:
                return found
        return Mark(1, 1)

    def key_mark(self, path: FormPath) -> Mark:
        """Where the key introducing ``path`` starts, falling back to :meth:`mark`."""
        return self.key_marks.get(path) or self.mark(path)

    def problem_at(self, path: FormPath, message: str, **more: Any) -> Problem:
        """A problem with the value at ``path``: in this form, at the value's line and column, the field named
        for programs and for a person (``more`` sets the rest: severity, code, fix, or another place)."""
        mark = self.mark(path)
        named = {"field": format_field(path), "place": place_name(path), **more}
        return Problem(file=self.display, line=mark.line, column=mark.column, message=message, **named)


def format_field(path: FormPath) -> str:
    """``("measures", "items", 2, "title")`` → ``measures.items[2].title``."""
    parts: list[str] = []
    for step in path:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        else:
            parts.append(f".{step}" if parts else step)
    return "".join(parts)


# --- The problems found while reading one form ----------------------------------------------------
# Every stage reports here instead of raising at its first problem: a form written by hand often
# has several mistakes, and fixing them one run at a time is slow. A stage that cannot go on at
# all says so with LoadProblems.stop.

class Stop(Exception):
    """Reading cannot go on; the problems gathered so far are the answer."""


class LoadProblems:
    """Errors and warnings found so far in one file."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def add(self, problem: Problem) -> None:
        (self.warnings if problem.severity is Severity.WARNING else self.errors).append(problem)

    def error(self, message: str, mark: Mark | None = None, path: FormPath = (), rewrite: Rewrite | None = None) -> None:
        self.add(self._problem(message, mark, path, Severity.ERROR, rewrite))

    def warn(self, message: str, mark: Mark | None = None, path: FormPath = ()) -> None:
        self.add(self._problem(message, mark, path, Severity.WARNING))

    def stop(self, message: str, mark: Mark | None = None, path: FormPath = ()) -> NoReturn:
        self.error(message, mark, path)
        raise Stop

    def all(self) -> list[Problem]:
        """Errors in the order of the file, then warnings."""
        return sorted(self.errors, key=lambda problem: (problem.line, problem.column)) + self.warnings

    def _problem(self, message: str, mark: Mark | None, path: FormPath, severity: Severity, rewrite: Rewrite | None = None) -> Problem:
        line, column = (mark.line, mark.column) if mark else (0, 0)
        return Problem(self.display, message, line, column, format_field(path), severity, place_name(path), rewrite=rewrite)


# --- bytes → text ---------------------------------------------------------------------------------
# draft.text.decode knows the encodings; here what it reports becomes the problems of a form: a
# UTF-8 form with bad bytes is pointed at the line and column of the first one, and a GBK form is
# read with a warning that says how to save it as UTF-8. Then the characters a .docx cannot hold:
# they come in by copy-paste and are invisible, so the user is told where each one is; a form
# holding any is not parsed, because YAML would refuse most of them with a message that names no fix.

NOT_TEXT = (
    "这个文件不是文本格式的表单（可能是 Word、Excel、图片等文件，或者文件已损坏），无法读取。"
    f"请{SAVE_AS_UTF8}，文件名以 .yaml 结尾。"
)


def decode_form(raw: bytes, problems: LoadProblems) -> str:
    """The text of the form, without its byte-order mark; stops at bytes that are no form's text."""
    try:
        text, encoding = decode(raw)
    except BadUtf8 as error:
        problems.stop(
            "文件是 UTF-8 编码，但这里有无法识别的字节（可能是从其他编码的文件里复制来的文字，显示为乱码）。"
            f"请删掉这里的乱码重新输入，然后{SAVE_AS_UTF8}。",
            Mark(*Lines(error.text).position(error.first)),
        )
    except NotText:
        problems.stop(NOT_TEXT)
    # The decoder lets a NUL through where a byte-order mark declares the encoding; no form holds one.
    if "\x00" in text:
        problems.stop(NOT_TEXT)
    if encoding == GB18030:
        # Control characters here mean a binary file that happens to read as a few ideographs; in a
        # UTF-8 form they are pointed at one by one instead, as slips of copy-paste.
        if FORBIDDEN.search(text):
            problems.stop(NOT_TEXT)
        problems.warn(
            "这个文件是 GBK（GB18030）编码，已按 GB18030 读取。为避免乱码，以后请保存为 UTF-8 编码："
            f"{SAVE_AS_UTF8}；用 WPS 保存时，编码也选“UTF-8”。"
        )
    return text


#: Most invisible characters listed one by one; the rest are summed up in one line.
MAX_CHARACTER_REPORTS = 100

# Characters a .docx cannot hold (XML 1.0 forbids most of them) and that are
# invisible junk from copy-paste anyway: C0 controls except tab, LF and CR,
# DEL, C1 controls, the non-characters U+FFFE/U+FFFF and lone surrogates.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def check_characters(source: Lines, problems: LoadProblems) -> Lines:
    """Report every character Word cannot store; the text without them, read on as the messages ask.

    A form holding more than :data:`MAX_CHARACTER_REPORTS` is junk, and is not read on.
    """
    if not FORBIDDEN.search(source.text):
        return source
    found = list(islice(FORBIDDEN.finditer(source.text), MAX_CHARACTER_REPORTS + 1))
    for match in found[:MAX_CHARACTER_REPORTS]:
        line, column = source.position(match.start())
        problems.error(
            f"这里有一个看不见的特殊字符 U+{ord(match.group()):04X}，通常是从网页、Word 或聊天软件复制粘贴时带进来的，"
            "Word 文档无法保存它。请把光标移到这里，删掉这个字符（它可能看起来像空格，或者什么都看不到）。",
            Mark(line, column),
            rewrite=Rewrite(line, line, FORBIDDEN.sub("", source.line(line))),
        )
    if len(found) > MAX_CHARACTER_REPORTS:
        # A file full of them would otherwise bury the user in identical lines.
        unlisted = len(FORBIDDEN.findall(source.text)) - MAX_CHARACTER_REPORTS
        problems.error(
            f"从这里开始还有 {unlisted} 个这样的特殊字符没有逐个列出，请一并删掉。",
            Mark(*source.position(found[MAX_CHARACTER_REPORTS].start())),
        )
        raise Stop
    return Lines(FORBIDDEN.sub("", source.text))


# --- text → nodes ---------------------------------------------------------------------------------
# Built from PyYAML's *event* stream rather than with ``yaml.compose``: libyaml's composer is
# recursive C code that crashes the process on deeply nested input (100,000 ``[`` are enough),
# libyaml's parser slows down quadratically on such input so reading must stop early, and a
# composed tree has forgotten where each ``*alias`` was written. So this composer is a loop, stops
# at MAX_DEPTH and MAX_NODES, and keeps an alias as a node of its own. Scalars are resolved
# (``2023`` → int) here, as ``yaml.compose`` does.

#: The YAML parser forms are read with. libyaml's is much faster; PyYAML's own, the fallback where
#: libyaml is not installed, gives the same events and marks. Tests set this to read with each.
PARSER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_BIG_ESCAPE = re.compile(r"\\U([0-9A-Fa-f]{8})")
_RESOLVER = Resolver()


class Scalar(NamedTuple):
    mark: Mark
    value: str
    tag: str
    style: str | None
    start: int  # index of the scalar's first character in the text (its ``&anchor`` or ``!tag`` if any), for locating escapes
    end: int
    anchor: str | None = None


class Sequence(NamedTuple):
    mark: Mark
    tag: str | None
    items: list[Node]


class Mapping(NamedTuple):
    mark: Mark
    tag: str | None
    items: list[Node]  # key, value, key, value, ...


class Alias(NamedTuple):
    mark: Mark  # where ``*name`` is written, not where the anchor is
    name: str
    target: Node | None  # None when no ``&name`` came before


Node = Scalar | Sequence | Mapping | Alias


class Composer:
    """Builds the node tree from parser events, without recursion and within the limits."""

    def __init__(self, source: Lines, problems: LoadProblems) -> None:
        self.source = source
        self.problems = problems
        self.anchors: dict[str, Node] = {}
        self.count = 0

    def compose(self) -> Node | None:
        root: Node | None = None
        open_collections: list[Sequence | Mapping] = []
        documents = 0
        for event in self._events():
            # Most frequent events first: this loop runs once per event.
            node: Node
            if isinstance(event, ScalarEvent):
                node = self._scalar(event)
            elif isinstance(event, CollectionStartEvent):
                node = self._collection(event, len(open_collections))
            elif isinstance(event, CollectionEndEvent):
                open_collections.pop()
                continue
            elif isinstance(event, AliasEvent):
                # An alias event's "anchor" is the name it refers to, not a definition.
                name = event.anchor or ""
                node = Alias(_mark(event), name, self.anchors.get(name))
            elif isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.problems.stop(
                        "文件里出现了第二个用“---”分隔的部分，一个表单文件只能有一份内容。"
                        "请删掉这一行的“---”；如果后面的内容也需要，请把它并入前面的内容。",
                        _mark(event),
                    )
                continue
            else:  # stream start and end, document end
                continue
            self.count += 1
            if self.count > MAX_NODES:
                self.problems.stop(TOO_MANY_NODES, node.mark)
            if event.anchor is not None and not isinstance(node, Alias):
                self._define_anchor(event.anchor, node)
            if open_collections:
                open_collections[-1].items.append(node)
            else:
                root = node
            if isinstance(node, Sequence | Mapping):
                open_collections.append(node)
        return root

    def _events(self) -> Iterator[Event]:
        loader = PARSER(self.source.text)
        try:
            while (event := loader.get_event()) is not None:
                yield event
        except yaml.YAMLError as error:
            if _nesting_refused(error):
                # libyaml (0.2.5 and later) has a depth limit of its own, far above ours,
                # and its scanner may reach it before our composer sees the events.
                self.problems.stop(TOO_DEEP, _problem_mark(error))
            stopped = _problem_mark(error)
            raise BrokenLine(_wording().describe_syntax_error(error, self.source), stopped.line if stopped else 0) from None
        except (ValueError, OverflowError):
            # Only the pure-Python scanner: it calls chr() on "\\UFFFFFFFF" unchecked.
            self.problems.stop(
                "双引号里的“\\U”转义写了一个不存在的字符编码。"
                "如果要写反斜杠本身，请把两边的双引号换成单引号，或者把“\\”写成“\\\\”。",
                self._oversized_escape(),
            )
        finally:
            loader.dispose()

    def _oversized_escape(self) -> Mark | None:
        for match in _BIG_ESCAPE.finditer(self.source.text):
            if int(match.group(1), 16) > sys.maxunicode:
                return Mark(*self.source.position(match.start()))
        return None

    @staticmethod
    def _scalar(event: ScalarEvent) -> Scalar:
        tag = event.tag
        if tag is None or tag == "!":
            tag = _RESOLVER.resolve(ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
        start, end = event.start_mark, event.end_mark
        assert start is not None and end is not None  # always set by the parsers
        return Scalar(Mark(start.line + 1, start.column + 1), event.value, tag, event.style, start.index, end.index, event.anchor)

    def _collection(self, event: CollectionStartEvent, depth: int) -> Sequence | Mapping:
        mark = _mark(event)
        if depth >= MAX_DEPTH:
            # Stop at once: libyaml slows down quadratically on deep nesting.
            self.problems.stop(TOO_DEEP, mark)
        if isinstance(event, MappingStartEvent):
            return Mapping(mark, event.tag, [])
        return Sequence(mark, event.tag, [])

    def _define_anchor(self, name: str, node: Node) -> None:
        earlier = self.anchors.get(name)
        if earlier is not None:
            self.problems.error(
                f"“&{name}”定义了两次（第{earlier.mark.line}行和第{node.mark.line}行），"
                f"引用“*{name}”时分不清是哪一个。请给其中一个换个名字。",
                node.mark,
            )
        # Registered before the children are read, as PyYAML does, so that an
        # alias inside the node to the node itself is found (and refused) later.
        self.anchors[name] = node


def _mark(event: Event) -> Mark:
    """Where an event starts, 1-based."""
    start = event.start_mark
    assert start is not None  # the parsers always set it; the type stubs allow None
    return Mark(start.line + 1, start.column + 1)


def _nesting_refused(error: yaml.YAMLError) -> bool:
    said = f"{getattr(error, 'problem', '')} {getattr(error, 'context', '')}"
    return "nesting depth" in said or "increasing block level" in said or "increasing flow level" in said


def _problem_mark(error: yaml.YAMLError) -> Mark | None:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return Mark(mark.line + 1, mark.column + 1) if mark is not None else None


# --- One scalar → its value -----------------------------------------------------------------------
# YAML 1.1 reads ``0x7E7``, ``03747`` or ``33:43`` as numbers that do not look like what was typed,
# and a tag (``!!int``) or a double-quoted escape (``"\\x0b"``) can ask for what a form cannot hold.
# Each such scalar is told at its own line and column, with what to write instead.

#: The prefix of YAML's own tags: ``!!int`` is ``TAG + "int"``.
TAG = "tag:yaml.org,2002:"
#: The form's date fields (成文日期, 印发日期): a date there that does not exist is a slip of a digit, never a text.
_DATE_FIELDS = {("date",), ("printed_date",)}
_STR_TAG = TAG + "str"
_NUMBER_TAGS = {TAG + "int", TAG + "float"}
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
# (``!!int abc``, ``2024-02-30``, ``!!bool maybe``, ``!!int ""``).
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


def unsupported_tag(problems: LoadProblems, tag: str, mark: Mark, path: FormPath) -> None:
    """Report a tag a form may not use, on a scalar or on a list or mapping."""
    shown = "!!" + tag.removeprefix(TAG) if tag.startswith(TAG) else tag
    problems.error(
        f"“{shown}”是表单不支持的 YAML 类型标记。请删掉它；如果它是内容的一部分，请给整个内容加上英文引号。",
        mark,
        path,
    )


class ScalarReader:
    """Converts scalars of one form, reporting what it cannot convert or what surprises."""

    def __init__(self, source: Lines, problems: LoadProblems) -> None:
        self.source = source
        self.problems = problems
        # Texts that lost words to a comment: told once the form's kind is known (see ValueBuilder.root).
        self.lost_to_comments: list[tuple[str, Mark, FormPath, Rewrite | None]] = []

    def value(self, node: Scalar, path: FormPath) -> Any:
        """The value ``yaml.safe_load`` would give, or the text itself after reporting why not."""
        if node.style == '"':
            self.check_escapes(node, path)
        if node.tag == _STR_TAG:  # most values; SafeConstructor would return the text as is
            if node.style == "|":
                return node.value
            text = join_folded_lines(node.value, self.source.text[node.start : node.end], node.style)
            if self.source.text.startswith("!", node.start) or self.source.text.startswith("!", node.start + len(self._properties(node))):
                self.properties_dropped(node, path, "类型标记")
            if not node.style:  # plain: None from PyYAML's parser, "" from libyaml's
                self._check_comment_after(node, text, path)
            return text
        kind = _SCALAR_KINDS.get(node.tag)
        if kind is None:
            if node.tag == _MERGE_TAG and node.value == "<<":  # YAML reads a bare << as its merge key, not a tag typed
                self.problems.error(
                    "“<<”只能写在字段名的位置，表示合并另一个字典（例如“<<: *默认值”）。如果“<<”是内容的一部分，请给整个内容加上英文引号。",
                    node.mark,
                    path,
                )
                return node.value
            unsupported_tag(self.problems, node.tag, node.mark, path)
            return node.value
        if node.tag in _NUMBER_TAGS and len(node.value) > MAX_NUMBER_LENGTH:
            self._too_long_number(node, path)
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

    def check_escapes(self, node: Scalar, path: FormPath) -> None:
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

    def _properties(self, node: Scalar) -> str:
        """What is written before a text's first character: its ``&anchor`` and ``!tag``, with the spaces after them."""
        found = _PROPERTIES.match(self.source.text, node.start, node.end)
        return found.group() if found else ""

    def properties_dropped(self, node: Scalar, path: FormPath, what: str) -> None:
        """Report the ``&a`` or ``!`` a text starts with, which YAML takes away (``&a 中`` reads as ``中``)."""
        properties = self._properties(node)
        line, _ = self.source.position(node.start)
        written = self.source.text[node.start : node.end]
        rewrite = None
        if not any(char in written for char in LINE_BREAKS):
            start = node.start - self.source.starts[line - 1]
            whole = self.source.line(line)
            kept = properties + node.value if node.style else written  # a quoted text: its own quotes go
            rewrite = Rewrite(line, line, whole[:start] + _wording().quoted(kept.strip()))
        fix = f"，改成：{_wording().shown_line(rewrite.text.strip())}" if rewrite else ""
        self.problems.error(
            f"内容开头的“{properties.strip()}”在 YAML 里是{what}，不会印到报告里。如果它是内容的一部分，请给整个内容加上英文引号{fix}。",
            node.mark,
            path,
            rewrite,
        )

    def _check_comment_after(self, node: Scalar, text: str, path: FormPath) -> None:
        """Report the words YAML took for a comment in a text: after it on its line, on the lines that continue
        it, or after its field's colon where the text starts on the next line.

        ``开设 #法治青山# 话题……`` reads as ``开设``: the rest is a comment to YAML, and would be
        dropped without a word. The composer sees no comment, so the text as written is compared with
        the lines it stands on.
        """
        first_line, start_column = self.source.position(node.start)
        last_line, _ = self.source.position(max(node.end - 1, node.start))
        end_column = self.source.position(node.end)[1]
        rest = self.source.line(last_line)[end_column - 1 :] if node.end > node.start else ""
        same_line = rest.lstrip(" \t")
        prefix = self.source.line(first_line)[: start_column - 1]
        first = first_line
        lost: list[tuple[int, int, str]] = []  # (line, column of "#", the words lost), in the order of the file
        above = self._field_line_above(first_line) if not prefix.strip() else None
        if above is not None:  # "text: #话题" and the text on the next line
            found = _COMMENT_AFTER_KEY.search(self.source.line(above))
            if found is not None:
                first, prefix = above, self.source.line(above)[: found.start("comment")]
                lost.append((above, found.start("comment") + 1, found["comment"].rstrip()))
        if same_line.startswith("#"):
            lost.append((last_line, end_column + len(rest) - len(same_line), same_line))
        # The column of the text's field (after a list's "- "), or of the "-" of a list's item: a comment line there
        # is the next field's or item's, and one further right stands where the text's next line would.
        field_line = self.source.line(above if above is not None else first_line)
        item_lead = _ITEM_LEAD.match(field_line)
        keyed = ":" in (field_line if above is not None else prefix)
        depth = item_lead.end() if keyed and item_lead else len(field_line) - len(field_line.lstrip(" "))
        number = last_line + 1
        while number <= self.source.count:  # comment lines indented as the text's own next line would be
            line = self.source.line(number)
            body = line.lstrip(" ")
            if not body.startswith("#") or len(line) - len(body) <= depth:
                break
            lost.append((number, len(line) - len(body) + 1, body.rstrip()))
            number += 1
        if not lost:
            return
        before = [words for number, _, words in lost if number < first_line]
        meant = text + rest.rstrip() if same_line.startswith("#") else text
        meant = join_lines([*before, meant, *(words for number, _, words in lost if number > last_line)])
        fixed = f"{prefix.rstrip()} {_wording().quoted(meant)}" if before else f"{prefix}{_wording().quoted(meant)}"
        at, column, words = lost[0]
        where = "这一行以“#”开头，它" if at > last_line else "这一行“ #”后面"
        in_brackets = "[" in prefix or "{" in prefix  # a list or mapping written on one line: no line to rewrite
        rewrite = None if in_brackets else Rewrite(first, max(lost[-1][0], last_line), fixed)
        shown = _wording().shown_line(fixed.strip(), len(prefix.strip()) + len(text))
        self.lost_to_comments.append(
            (
                f"{where}的文字被 YAML 当成了注释，不会印到报告里：“{excerpt(words)}”。"
                f"如果它是内容的一部分，请给整个内容加上英文引号，改成：{shown}；"
                "如果是写给自己看的注释，请把它单独写成一行，写在这段内容的上面。",
                Mark(at, column),
                path,
                rewrite,
            )
        )

    def _field_line_above(self, number: int) -> int | None:
        """The nearest line above ``number`` holding something, or None."""
        number -= 1
        while number >= 1 and not self.source.line(number).strip():
            number -= 1
        return number if number >= 1 else None

    def _too_long_number(self, node: Scalar, path: FormPath) -> None:
        # The year must be written in plain digits: quotes would not do (as _warn_if_surprising says).
        fix = "年份请直接写 4 位数字，例如 2023" if path == ("year",) else (
            "如果它是文字（例如编号），请给整个内容加上英文引号；如果是数字，请检查是否多写了"
        )
        self.problems.error(
            f"“{excerpt(node.value)}”会被 YAML 读成一个数字，但它有 {len(node.value):,} 个字符，太长了"
            f"（一个数字最多 {MAX_NUMBER_LENGTH} 个字符）。{fix}。",
            node.mark,
            path,
        )

    def _unconvertible(self, node: Scalar, kind: str, path: FormPath) -> None:
        """A value YAML takes for a date or a number of a kind, that is none."""
        if node.tag == TAG + "timestamp":
            message = f"“{node.value}”不是一个存在的日期，请检查年、月、日（例如 2 月没有 30 日，月份最大是 12）。"
            if path not in _DATE_FIELDS:  # elsewhere a text may look like a date (a code, a number range)
                message += f"如果它不是日期，请给它加上英文引号，例如 {_wording().quoted(node.value)}。"
        else:
            message = (
                f"“{excerpt(node.value)}”无法按{kind}读取。请改正内容；"
                "如果它只是普通文字，请去掉前面的“!!”类型标记，或者给它加上英文引号。"
            )
        self.problems.error(message, node.mark, path)

    def _warn_if_surprising(self, node: Scalar, value: Any, path: FormPath) -> None:
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
            f"“{node.value}”会被读成数字 {value}（{reason}）。{hint}，请加上英文引号写成 {_wording().quoted(node.value)}。",
            node.mark,
            path,
        )


# A field (or a list's item) whose value YAML finds on the next line, a comment after its colon (or dash): ``text: #话题``.
_COMMENT_AFTER_KEY = re.compile(r"(?:^[ \t]*-|:)[ \t]+(?P<comment>#.*)$")
# The indentation of a line and the "- " of the list items it opens.
_ITEM_LEAD = re.compile(r"[ \t]*(?:-[ \t]+)*")
# A text's anchor and tag as written before it: ``&a !!str ``.
_PROPERTIES = re.compile(r"(?:[&!]\S*\s+)+")


def _unescape(code: str) -> str:
    """The character one double-quoted escape stands for (``code`` is what follows the backslash)."""
    if len(code) > 1:  # x.., u...., U........
        return chr(int(code[1:], 16))
    return Scanner.ESCAPE_REPLACEMENTS.get(code, "")


# --- Lines folded among Chinese -------------------------------------------------------------------
# YAML folds a line break inside a plain, quoted or ``>`` text into a space: right for English,
# wrong for Chinese, where ``在肯定成绩的同时，`` wrapped onto ``我们……`` must read ``同时，我们``
# in the report. PyYAML does not say where it folded, so the value is walked side by side with the
# text as written: a space in the value that stands for a run of white space holding a line break
# is a fold. Anything the walk cannot account for (escapes, more-indented lines of a ``>`` text)
# leaves the value exactly as YAML read it: only folds change.

_FOLDED_BREAKS = re.compile(r"(?<=[^\n])\n+(?=[^\n])")  # between text: not the final break a ">" text keeps
_WHITE = " \t" + LINE_BREAKS


def join_folded_lines(value: str, written: str, style: str | None) -> str:
    """``value`` without the spaces that folded line breaks of ``written`` became among Chinese.

    ``written`` is the scalar as it stands in the form, quotes or ``>`` header included;
    ``style`` is PyYAML's: None (plain), ``'``, ``"`` or ``>``.
    """
    if not any(char in written for char in LINE_BREAKS):
        return value  # written on one line: most values, so checked first
    # A blank line is all that folds into a line break, and it starts a new paragraph: the
    # paragraphs of a form's text are split at blank lines, which a lone break would not be.
    value = _FOLDED_BREAKS.sub("\n\n", value)
    folds = _folds(value, written, _content_start(written, style), style) if " " in value else []
    if not folds:
        return value
    kept, start = [], 0
    for fold in folds:
        if 0 < fold < len(value) - 1 and chinese_at_join(value[fold - 1], value[fold + 1]):
            kept.append(value[start:fold])
            start = fold + 1
    kept.append(value[start:])
    return "".join(kept)


def _content_start(written: str, style: str | None) -> int:
    if style in ("'", '"'):
        return 1
    if style == ">":
        header_end = next((i for i, char in enumerate(written) if char in LINE_BREAKS), len(written))
        return _skip(written, header_end, _WHITE)
    return 0


def _folds(value: str, written: str, j: int, style: str | None) -> list[int]:
    """Indexes in ``value`` of the spaces that are folded line breaks; [] where the walk fails."""
    folds: list[int] = []
    i = 0
    while i < len(value):
        char = value[i]
        run_end = _skip(written, j, _WHITE) if char in " \n" else j
        if any(c in LINE_BREAKS for c in written[j:run_end]):
            if char == " ":
                folds.append(i)
                i += 1
            else:  # blank lines: the breaks stay breaks
                i = _skip(value, i, "\n")
            j = run_end
        elif style == "'" and char == "'" and written.startswith("''", j):
            i, j = i + 1, j + 2
        elif j < len(written) and written[j] == char:
            i, j = i + 1, j + 1
        else:
            return []
    return folds


def _skip(text: str, index: int, chars: str) -> int:
    while index < len(text) and text[index] in chars:
        index += 1
    return index


# --- nodes → data ---------------------------------------------------------------------------------
# This is where YAML's ways of copying are undone and bounded: an ``*alias`` is expanded where it
# is written, a ``<<`` merge brings in the keys of the mapping it names, and a copy that would never
# end (an alias inside what it names) or that would grow without measure ("billion laughs") is
# refused at the place it is written. Keys written twice, empty keys and tags a form may not use
# are told here too.

def example_line() -> str:
    """``year: 2026``: a form's line written right, in the year being reported on now."""
    return f"year: {proposed_year(today())}"

_MERGE_TAG = TAG + "merge"
_SEQUENCE_TAGS = {None, "!", TAG + "seq"}
_MAPPING_TAGS = {None, "!", TAG + "map"}
_UNSEEN = object()


class _Entry(NamedTuple):
    key: str
    key_node: Node
    value_node: Node
    merged_at: Mark | None = None  # where the ``<<`` that copied it in is written


class ValueBuilder:
    """Turns the node tree into plain data, recording the mark of every value and key."""

    def __init__(self, source: Lines, problems: LoadProblems) -> None:
        self.source = source
        self.problems = problems
        self.scalars = ScalarReader(source, problems)
        self.value_marks: dict[FormPath, Mark] = {}
        self.key_marks: dict[FormPath, Mark] = {}
        self.numbers_written: dict[FormPath, str] = {}
        self._count = 0
        self._characters = 0
        # Where the outermost ``*alias`` or ``<<`` merge being expanded is written: a limit
        # broken while copying is told there.
        self._copy: Mark | None = None
        # Collections being built, and mappings whose merges are being
        # resolved: an alias to one of them would expand forever.
        self._open: set[int] = set()
        self._flattening: set[int] = set()
        # However often a node is aliased, it is converted and checked once.
        self._scalar_values: dict[int, Any] = {}
        # Texts written with an ``&anchor``, and what ``*alias`` copies: an anchor no alias copies is no YAML
        # of the user's, but the start of a text (``&a 中``) that YAML took away.
        self._anchored: list[tuple[Scalar, FormPath]] = []
        self._aliased: set[int] = set()
        self._entries_of: dict[int, list[_Entry]] = {}

    def root(self, node: Node | None) -> dict[str, Any]:
        if node is None or (isinstance(node, Scalar) and node.value == "" and not node.style):
            self.problems.stop(
                "表单是空的（没有任何内容，或者只有以 # 开头的注释）。"
                f"请按模板填写，每行写成“字段名: 内容”，例如“{example_line()}”。"
            )
        if isinstance(node, Sequence):
            self.problems.stop(
                "表单最外层必须是“字段名: 内容”的形式，而这里是一个列表（以“- ”开头）。"
                f"请去掉最外层的“- ”，写成例如“{example_line()}”；列表只能写在某个字段的下面。",
                node.mark,
            )
        if not isinstance(node, Mapping):
            self.problems.stop(
                "整个表单被读成了一段文字，而不是“字段名: 内容”的形式。"
                f"每一行应写成“字段名: 内容”（英文冒号，后面加一个空格），例如“{example_line()}”。{self._colon_hint()}",
                node.mark,
            )
        data: dict[str, Any] = self._value(node, (), 0)
        for text, path in self._anchored:
            if id(text) not in self._aliased:
                self.scalars.properties_dropped(text, path, "引用标记")
        if self.scalars.lost_to_comments:
            # A table's figure with a comment after it is the template's way (``0  # 本年制发件数``): a figure
            # written as text there is validation's to tell, as a figure.
            from draft.kinds import DEFAULT, find

            kind = find(data.get("kind", DEFAULT))
            figures = {group.key for group in kind.figure_groups} if kind else set()
            for message, mark, path, rewrite in self.scalars.lost_to_comments:
                if not path or path[0] not in figures:
                    self.problems.error(message, mark, path, rewrite)
        return data

    def _colon_hint(self) -> str:
        """The colon slips that made the fields one text, in the words a syntax error gives them."""
        lines = map(self.source.line, range(1, self.source.count + 1))
        slips = [slip for line in lines if (slip := _wording().colon_slip(line)) is not None]
        return _wording().colon_slip_message(slips) if slips else ""

    def _value(self, node: Node, path: FormPath, depth: int) -> Any:
        self.value_marks[path] = node.mark
        return self._build(node, path, depth)

    def _build(self, node: Node, path: FormPath, depth: int) -> Any:
        if isinstance(node, Alias):
            return self._expand(node, path, depth)
        self._count += 1
        if self._count > MAX_NODES:
            # Only aliases get here: the composer has already counted what is written.
            self.problems.stop(TOO_MANY_EXPANDED, self._copy or node.mark, path)
        if isinstance(node, Scalar):
            return self._scalar(node, path)
        if depth >= MAX_DEPTH:  # reachable through aliases, which nest what they copy
            self.problems.stop(TOO_DEEP, node.mark, path)
        self._open.add(id(node))
        try:
            if isinstance(node, Sequence):
                self._check_tag(node.tag, _SEQUENCE_TAGS, node.mark, path)
                return [self._value(item, (*path, index), depth + 1) for index, item in enumerate(node.items)]
            self._check_tag(node.tag, _MAPPING_TAGS, node.mark, path)
            return self._mapping(node, path, depth)
        finally:
            self._open.discard(id(node))

    def _expand(self, alias: Alias, path: FormPath, depth: int) -> Any:
        if alias.target is None:
            self._undefined(alias, path)
            return None
        if id(alias.target) in self._open:
            self._self_reference(alias, path)
            return None
        outer = self._copy
        self._aliased.add(id(alias.target))
        self._copy = outer or alias.mark
        try:
            return self._build(alias.target, path, depth)
        finally:
            self._copy = outer

    def _count_characters(self, text: str, mark: Mark, path: FormPath) -> None:
        self._characters += len(text)
        if self._characters > MAX_CHARACTERS:
            # Only copies get here: the file itself holds fewer characters than MAX_BYTES.
            self.problems.stop(TOO_LONG_EXPANDED, self._copy or mark, path)

    def _undefined(self, alias: Alias, path: FormPath) -> None:
        self.problems.error(
            f"“*{alias.name}”引用的“&{alias.name}”没有定义（YAML 里“*”表示引用前面用“&”标记的内容）。"
            f"如果这里只是以“*”开头的文字，请给整个内容加上英文引号，例如 {_wording().quoted('*' + alias.name)}。",
            alias.mark,
            path,
        )

    def _self_reference(self, alias: Alias, path: FormPath) -> None:
        self.problems.error(f"“*{alias.name}”引用了包含它自己的内容，会无限展开。请删掉这个引用。", alias.mark, path)

    def _check_tag(self, tag: str | None, allowed: set[str | None], mark: Mark, path: FormPath) -> None:
        if tag not in allowed:
            unsupported_tag(self.problems, str(tag), mark, path)

    # Scalars

    def _scalar(self, node: Scalar, path: FormPath) -> Any:
        value = self._scalar_values.get(id(node), _UNSEEN)
        if value is _UNSEEN:
            value = self._scalar_values[id(node)] = self.scalars.value(node, path)
            if node.anchor is not None and node.tag == _STR_TAG:
                self._anchored.append((node, path))
        self._count_characters(node.value, node.mark, path)
        if isinstance(value, int | float) and not isinstance(value, bool):
            self.numbers_written[path] = node.value
        return value

    # Mappings

    def _mapping(self, node: Mapping, path: FormPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for entry in self._entries(node, path, depth):
            key_path = (*path, entry.key)
            outer = self._copy
            self._copy = outer or entry.merged_at
            try:
                self._count_characters(entry.key, entry.key_node.mark, key_path)
                self.key_marks[key_path] = entry.key_node.mark
                result[entry.key] = self._value(entry.value_node, key_path, depth + 1)
            finally:
                self._copy = outer
        return result

    def _entries(self, node: Mapping, path: FormPath, depth: int) -> list[_Entry]:
        """The mapping's keys and values after ``<<`` merges, checked once per mapping."""
        entries = self._entries_of.get(id(node))
        if entries is None:
            self._flattening.add(id(node))
            try:
                entries = self._flatten(node, path, depth)
            finally:
                self._flattening.discard(id(node))
            self._entries_of[id(node)] = entries
        return entries

    def _flatten(self, node: Mapping, path: FormPath, depth: int) -> list[_Entry]:
        merged: list[_Entry] = []
        explicit: dict[str, _Entry] = {}
        for key_node, value_node in zip(node.items[::2], node.items[1::2], strict=True):
            if isinstance(key_node, Scalar) and key_node.tag == _MERGE_TAG:
                merged.extend(self._merge_sources(value_node, path, depth))
                continue
            key = self._key(key_node, path)
            if key is None:
                continue
            earlier = explicit.get(key)
            if earlier is not None:
                self._duplicate(key, earlier.key_node, key_node, path)
            explicit[key] = _Entry(key, key_node, value_node)
        # As in PyYAML: merged entries first, in order, so that later ones and
        # then the mapping's own keys override them.
        entries: dict[str, _Entry] = {}
        for entry in (*merged, *explicit.values()):
            entries[entry.key] = entry
        return list(entries.values())

    def _duplicate(self, key: str, first: Node, second: Node, path: FormPath) -> None:
        self.problems.error(
            f"“{key}”写了两次（第{first.mark.line}行和第{second.mark.line}行）。"
            "YAML 只保留后一个，前一个的内容会丢失。请删除或合并其中一个。",
            second.mark,
            (*path, key),
        )

    def _key(self, node: Node, path: FormPath) -> str | None:
        """The key's text as written, or None after reporting why it cannot be a key."""
        target = node.target if isinstance(node, Alias) else node
        if isinstance(node, Alias) and target is None:
            self._undefined(node, path)
            return None
        if not isinstance(target, Scalar):
            self.problems.error(
                "字段名必须是一段普通文字，这里却是一个列表或字典。"
                "请检查这一行：字段名不能以“[”“{”“?”开头；确有需要时请给字段名加上英文引号。",
                node.mark,
                path,
            )
            return None
        if target.style == '"':
            self.scalars.check_escapes(target, path)
        if target.value == "":
            self.problems.error("这里的字段名是空的。请在冒号前写上字段名，或删掉这一行。", node.mark, path)
            return None
        return target.value

    def _merge_sources(self, node: Node, path: FormPath, depth: int) -> list[_Entry]:
        """The entries a ``<<`` key brings in: from one mapping, or from a list of them (first wins)."""
        if depth >= MAX_DEPTH:  # a chain of merges, each merging the one before
            self.problems.stop(TOO_DEEP, node.mark, path)
        target = node.target if isinstance(node, Alias) else node
        sources = target.items if isinstance(target, Sequence) else [node]
        mappings: list[Mapping] = []
        for source in sources:
            if isinstance(source, Alias) and source.target is None:
                self._undefined(source, path)
                return []
            mapping = source.target if isinstance(source, Alias) else source
            if not isinstance(mapping, Mapping):
                self.problems.error(
                    "“<<”表示合并另一个字典，它后面必须是对字典的引用（例如“<<: *默认值”）。"
                    "如果“<<”是字段名的一部分，请给它加上英文引号。",
                    node.mark,
                    path,
                )
                return []
            if id(mapping) in self._open or id(mapping) in self._flattening:
                self.problems.error("“<<”合并的内容包含它自己，会无限展开。请删掉这个合并。", node.mark, path)
                return []
            mappings.append(mapping)
        entries: list[_Entry] = []
        for mapping in reversed(mappings):
            entries.extend(entry._replace(merged_at=node.mark) for entry in self._entries(mapping, path, depth + 1))
        return entries


# --- Reading on past a broken line ----------------------------------------------------------------
# A syntax error is told, its line repaired in a copy of the text (draft.form.yaml_recovery), and the
# copy parsed again, so that one run tells every slip. Indentation YAML does not see is found line by
# line first: YAML would read it as part of a field's name, or stop with a message about indentation.

# A line that starts with a character YAML takes for text where indentation belongs (pre-filter).
_UNSEEN_LEAD = re.compile(r"^[ \t]*[^\S\r\n \t]|^[ \t]*[\u200b-\u200d\u2060\ufeff]", re.MULTILINE)
# What follows such indentation on a line of the form's structure: a field or a list item.
_FIELD_OR_ITEM = re.compile(r"(?:-[ \t]|[^\s:#\-][^:#]*:(?:[ \t]|$))")


def compose_form(source: Lines, problems: LoadProblems) -> tuple[Node | None, Lines, list[Repair]]:
    """The node tree of the form, read past every line that can be repaired; the text read, and the repairs."""
    repairs: list[Repair] = []
    if _UNSEEN_LEAD.search(source.text):
        for number in range(1, source.count + 1):
            line = source.line(number)
            found = unseen_indentation(line)
            if found is None or not _FIELD_OR_ITEM.match(found.fixed.lstrip(" ")):
                continue
            if misread_indentation(source, number, found):
                problems.error(found.message, Mark(number, found.column), rewrite=Rewrite(number, number, found.fixed))
                repairs.append(Repair(number, found.fixed, True))
                source = replaced(source, repairs[-1])
    reach = Reach(PARSER)
    told: set[int] = set()
    while True:
        attempt = LoadProblems(problems.display)
        reach.count(source.text)
        try:
            root = Composer(source, attempt).compose()
        except BrokenLine as broken:
            broken = _named_indentation(source, broken)
            fix = repair(source, broken, reach) if len(repairs) < MAX_REPAIRS else None
            _tell(broken, fix, told, problems)
            if fix is None:
                _keep(attempt, problems)
                raise Stop from None
            source = replaced(source, fix)
            repairs.append(fix)
            continue
        except Stop:
            _keep(attempt, problems)
            raise
        _keep(attempt, problems)
        return root, source, repairs


def _named_indentation(source: Lines, broken: BrokenLine) -> BrokenLine:
    """The error told as the indentation YAML does not see, where the line it is about (or stopped at) has some."""
    for number in dict.fromkeys((broken.issue.line, broken.reached)):
        found = unseen_indentation(source.line(number)) if number else None
        if found is not None:
            return BrokenLine(_wording().SyntaxIssue(number, found.column, found.message, found.fixed), broken.reached)
    return broken


def _tell(broken: BrokenLine, fix: Repair | None, told: set[int], problems: LoadProblems) -> None:
    issue = broken.issue
    if issue.line in told:  # a line repaired before, met again
        return
    told.add(issue.line)
    message, rewrite = issue.message, None
    if fix is not None and fix.faithful and fix.line == issue.line:
        rewrite = Rewrite(fix.line, fix.line, fix.text)
        if issue.fixed is None:  # the fix found by trying indentations: said in the message too
            spaces = len(fix.text) - len(fix.text.lstrip(" "))
            message += f"这一行改成（行首 {spaces} 个空格）：{_wording().shown_line(fix.text.strip())}"
    problems.error(message, Mark(issue.line, issue.column) if issue.line else None, rewrite=rewrite)


def _keep(attempt: LoadProblems, problems: LoadProblems) -> None:
    """The problems found by the last reading of the text (earlier ones were found again in it, or not at all)."""
    for problem in attempt.errors + attempt.warnings:
        problems.add(problem)


# --- Running the stages ---------------------------------------------------------------------------


class UnreadForm(FormError):
    """A form with problems, and the form as read past them (its broken lines repaired as their messages
    ask), for validation to look at the rest."""

    def __init__(self, problems: list[Problem], recovered: LoadedForm | None = None, repaired: frozenset[int] = frozenset()) -> None:
        # The defaults rebuild it where it crosses to another process (DraftError.__reduce__), as a FormError.
        super().__init__(problems)
        self.recovered = recovered
        self.repaired = repaired  # the lines repaired: what validation says of them is already told


def load_bytes(raw: bytes, path: Path) -> LoadedForm:
    """Parse the bytes of a form; ``path`` is only used to name the file in messages.

    A form with problems raises :class:`UnreadForm`, holding the form as read past them where it could be.
    """
    problems = LoadProblems(display_path(path))
    try:
        form, repairs = _load(raw, path, problems)
    except Stop:
        raise FormError(problems.all()) from None
    except (RecursionError, MemoryError):
        # The limits are meant to make these impossible. Should one still
        # happen, the user gets a message instead of a traceback.
        problems.error(TOO_COMPLEX)
        raise FormError(problems.all()) from None
    if problems.errors:
        raise UnreadForm(problems.all(), form, frozenset(fix.line for fix in repairs))
    return form


def _load(raw: bytes, path: Path, problems: LoadProblems) -> tuple[LoadedForm, list[Repair]]:
    if len(raw) > MAX_BYTES:
        problems.add(too_large(problems.display, len(raw)))
        raise Stop
    source = Lines(decode_form(raw, problems))
    source = check_characters(source, problems)
    if not_utf8(path.name):
        problems.warn(
            f"这个文件的名字不是 UTF-8 编码（可能来自中文 Windows 上做的压缩包），这里按 GBK 显示为“{readable(path.name)}”，"
            "在这台电脑上它可能显示为乱码，生成的文件名也一样。建议把文件改个名字。"
        )
    root, source, repairs = compose_form(source, problems)
    if not all(fix.faithful for fix in repairs):
        # A line was left out to read on: what the form holds without it is not what the user wrote,
        # so nothing more is told of it than the lines YAML could not read.
        raise Stop
    builder = ValueBuilder(source, problems)
    data = builder.root(root)
    form = LoadedForm(
        path, problems.display, data, builder.value_marks, builder.key_marks, problems.warnings, source.text, builder.numbers_written
    )
    return form, repairs
