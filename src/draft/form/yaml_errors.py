"""What a YAML slip in a form is, and how it is told: in Chinese, where to look and what to write.

PyYAML, and libyaml behind ``CSafeLoader``, describe a syntax error in English and in terms of
YAML's grammar ("while parsing a block mapping ... did not find expected key"). The people filling
in forms need to hear what they typed wrong and how to fix it. The two parsers word the same error
differently, so each rule looks for a phrase both of them use, then at the text around the error
to tell apart mistakes that YAML reports alike (a colon inside a value and a wrongly indented line
both give "mapping values are not allowed"). :func:`describe_syntax_error` tries the rules most
specific first; the last is a fallback that still names the place.

A user fixes a line sooner when shown that very line written right than when shown a rule of
YAML's, so the messages quote the user's own line, fixed (:func:`quoted_example`), and carry it
whole (:attr:`SyntaxIssue.fixed`): reading goes on past the line written so, and a program (the
tests) can apply it. A fix prints what was meant: a colon of a sentence becomes "：", a bullet
typed in front of a text (``- ``, ``*``) goes, any other character YAML reserves is quoted. The slip made
most, a colon YAML cannot see (``text：我局``, ``text:我局``), is sometimes not a syntax error at
all and only validation notices it (:mod:`draft.form.explain`): both find it with
:func:`colon_slip` and word it with :func:`colon_slip_message`, so the user reads the same words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

import yaml

from draft.text.chinese import chinese_before
from draft.text.dates import proposed_year, today
from draft.text.lines import Lines, indentation

# --- What the parser said, and what a rule makes of it --------------------------------------------

class SyntaxIssue(NamedTuple):
    """A syntax error, explained: where (1-based) and what to do, and the line written right where the message says how."""

    line: int
    column: int
    message: str
    fixed: str | None = None  # the whole line ``line`` as the message asks it to be written, indentation included


class ErrorReport(NamedTuple):
    """What the parser said, with 1-based positions and the text to look at."""

    problem: str
    context: str
    line: int
    column: int
    context_line: int
    context_column: int
    source: Lines

    @classmethod
    def of(cls, error: yaml.YAMLError, source: Lines) -> ErrorReport:
        problem_mark = getattr(error, "problem_mark", None)
        context_mark = getattr(error, "context_mark", None) or problem_mark
        problem_mark = problem_mark or context_mark
        line, column = _one_based(problem_mark)
        context_line, context_column = _one_based(context_mark)
        return cls(
            problem=getattr(error, "problem", None) or str(error),
            context=getattr(error, "context", None) or "",
            line=line,
            column=column,
            context_line=context_line,
            context_column=context_column,
            source=source,
        )

    @property
    def text_line(self) -> str:
        return self.source.line(self.line)

    @property
    def before(self) -> str:
        """The part of the error's line in front of the error."""
        return self.text_line[: max(self.column - 1, 0)]

    @property
    def char(self) -> str:
        """The character the parser stopped at; empty at a line end."""
        return self.text_line[self.column - 1 : self.column] if self.column else ""

    def issue(self, message: str, fixed: str | None = None) -> SyntaxIssue:
        return SyntaxIssue(self.line, self.column, message, fixed)

    def quoted_line(self) -> str | None:
        """The error's line with its value in quotes (what "请给整个内容加上英文引号" asks), or None."""
        return indented_example(self.text_line)

    def context_issue(self, message: str) -> SyntaxIssue:
        """An issue placed where the unfinished construct began (an opening quote or bracket)."""
        return SyntaxIssue(self.context_line, self.context_column, message)


def _one_based(mark: yaml.Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


# --- Explaining an error --------------------------------------------------------------------------

def describe_syntax_error(error: yaml.YAMLError, source: Lines) -> SyntaxIssue:
    """Explain a PyYAML/libyaml syntax error in Chinese, with where to look."""
    if isinstance(error, yaml.reader.ReaderError):
        return _unacceptable_character(error, source)
    report = ErrorReport.of(error, source)
    for rule in _RULES:
        issue = rule(report)
        if issue is not None:
            return issue
    return _fallback(report)


def _unacceptable_character(error: yaml.reader.ReaderError, source: Lines) -> SyntaxIssue:
    # The loader refuses such characters before parsing, listing all of them;
    # this covers any the parser rejects beyond those.
    line, column = source.position(error.position)
    return SyntaxIssue(
        line,
        column,
        f"这里有一个 YAML 不接受的特殊字符 U+{error.character:04X}，通常是复制粘贴时带进来的。请删掉这个字符。",
    )


# --- The user's line, written right ---------------------------------------------------------------

#: Shown when no line of the user's own can be turned into an example.
GENERIC_EXAMPLE = '标题: "内容"'


def quoted(value: str) -> str:
    """``value`` in YAML quotes, choosing the quote that needs no escaping.

    Quotes already around the whole value (``'it's'``) are taken off first:
    the user meant them as quotes, and they get the kind that fits.
    """
    inner = value
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
    if '"' in inner or "\\" in inner:
        return single_quoted(inner)
    return f'"{inner}"'


def single_quoted(text: str) -> str:
    doubled = text.replace("'", "''")
    return f"'{doubled}'"


def quoted_example(line: str) -> str:
    """The line ``key: value`` (or ``- value``) with the value quoted, or a generic example."""
    text = line.strip()
    prefix = ""
    if text.startswith("- "):
        prefix, text = "- ", text[2:].lstrip()
    key, separator, value = text.partition(": ")
    if separator and value.strip():
        return f"{prefix}{key}: {quoted(value.strip())}"
    if prefix and text:  # a list item that is a bare value
        return f"- {quoted(text)}"
    return GENERIC_EXAMPLE


def indented_example(line: str) -> str | None:
    """:func:`quoted_example` of ``line`` with the line's indentation: the line to write instead, or None."""
    example = quoted_example(line)
    return None if example == GENERIC_EXAMPLE else indentation(line) + example




#: Longest line a message shows in full; a longer one is shown by its start and its end.
SHOWN_LINE = 60


def shown_line(line: str, at: int = 0) -> str:
    """``line`` as a message shows it: whole when short, else the start, the part around index ``at`` and the end.

    A fix that repeats a paragraph of a hundred characters hides the change it asks for.
    """
    if len(line) <= SHOWN_LINE:
        return line
    head = 24
    if at <= head:
        return f"{line[:max(head, at + 12)]}……{line[-12:]}"
    start = at - 10
    end = min(len(line), at + 16)
    tail = f"……{line[-12:]}" if end < len(line) - 12 else line[end:]
    return f"{line[:12]}……{line[start:end]}{tail}"


# --- A colon YAML cannot see ----------------------------------------------------------------------

# A field name, then an English colon with no space after it (not "://" nor "::", as in a web address,
# nor ":：", a Chinese colon typed after the English one, which is told as such).
_GLUED_COLON = re.compile(r"^\s*(?:- )?[\w\u4e00-\u9fff]+:(?=[^\s:/：])")


class ColonSlip(NamedTuple):
    """A field written ``key：value`` or ``key:value``: a colon YAML does not take for one."""

    column: int  # 1-based, of the colon in the line
    colon: str  # "：" or ":"
    fixed: str  # the line written right, without its indentation
    indent: str = ""  # the line's indentation, kept by the fix

    @property
    def line(self) -> str:
        """The whole line written right, indentation included: what replaces it."""
        return self.indent + self.fixed


def colon_slip(line: str) -> ColonSlip | None:
    """The field on ``line`` whose colon YAML cannot see, or None (YAML sees it, or there is no field)."""
    if not line.strip() or line.lstrip().startswith("#") or ": " in line:
        return None
    glued = _GLUED_COLON.search(line)
    if glued is not None:
        return ColonSlip(glued.end(), ":", line.strip().replace(":", ": ", 1), indentation(line))
    if "：" in line:
        return ColonSlip(line.index("：") + 1, "：", re.sub(r"\s*：\s*", ": ", line.strip(), count=1).rstrip(), indentation(line))
    return None


def colon_slip_message(slips: Sequence[ColonSlip]) -> str:
    """What the user is told about a line with a colon slip, or about several lines read as one text."""
    lines = "这一行" if len(slips) == 1 else f"这 {len(slips)} 行"
    each = "" if len(slips) == 1 else "（每个字段单独一行）"
    # Several lines are shown as lines, each with its indentation: copied as shown, they are the fix.
    fixed = shown_line(slips[0].fixed) if len(slips) == 1 else "".join(f"\n{slip.indent}{shown_line(slip.fixed)}" for slip in slips)
    colons = {slip.colon for slip in slips}
    if colons == {":"}:
        return f"{lines}的冒号后面缺少空格，YAML 因此认不出字段。请在冒号后面加一个空格，写成{each}：{fixed}"
    why = "用的是中文冒号“：”" if colons == {"："} else "用了中文冒号“：”，或者冒号后面缺少空格"
    return f"{lines}{why}。YAML 只认英文冒号，而且冒号后面要有一个空格，请改成{each}：{fixed}"


# --- The rules, one mistake a rule ----------------------------------------------------------------
# Each returns a SyntaxIssue when the mistake is its own, else None; _RULES holds their order.

# An escape as the user wrote it, valid or not: \q, \xZ, \ud800.
_WRITTEN_ESCAPE = re.compile(r"\\(?:[xuU][0-9A-Fa-f]*|.)")

# A line whose value opens with a quote: "- " items and "key: " in front of it.
_QUOTED_START = re.compile(r"^\s*(?:-\s+)*(?:[^\s\"'#:][^:#]*:\s+)?(?P<quote>[\"'])")
# A line whose value opens with a bracket: "- [放管服]改革……".
_BRACKET_START = re.compile(r"^\s*(?:-\s+)+(?:[^\s\"'#:\[{][^:#]*:\s+)?(?P<open>[\[{])")
# The first quoted word of a value, for the example written with Chinese quotes.
_ASCII_QUOTED = re.compile(r"([\"'])(.*?)\1")

# YAML only looks this far for the colon after a key.
_SIMPLE_KEY_LIMIT = 1024

INDENT = (
    "这一行的缩进（行首的空格数）和上下文对不上。同一级的字段左边要对齐；"
    "只有冒号后面不写内容的字段，下面才能再缩进写它的下级字段。请检查这一行和上一行行首的空格数。"
)


def _tab(report: ErrorReport) -> SyntaxIssue | None:
    line = report.text_line
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" in indent:
        return SyntaxIssue(
            report.line,
            indent.index("\t") + 1,
            "这一行开头的缩进里有 Tab 字符，YAML 只认空格。"
            "请用空格缩进，不要用 Tab 键（同一级的字段左边空格数要相同，一般每级 2 个空格）。",
        )
    if report.char == "\t":
        item = _ITEM_DASHES.match(line)
        if item is not None and item.end() >= report.column - 1:  # "- <Tab>加强执法。": the Tab stands for the space after "-"
            fixed = _item_written(line, item)
            return report.issue(
                f"这一行“-”后面是一个 Tab 字符，YAML 只认空格。请把它换成一个空格，改成：{shown_line(fixed.strip())}", fixed
            )
        return report.issue("这里有一个 Tab 字符，YAML 不允许它出现在这个位置。请把它删掉或换成空格。")
    return None


# The dashes of list items at a line's start, with the blanks after each, spaces and Tabs alike: "    - \t".
_ITEM_DASHES = re.compile(r" *(?:-[ \t]+)+")


def _item_written(line: str, dashes: re.Match[str]) -> str:
    """``line`` with one space after each of its item dashes: how YAML reads a list item."""
    return indentation(line) + re.sub(r"-[ \t]*", "- ", dashes.group().lstrip(" ")) + line[dashes.end() :].lstrip(" \t")


def _unclosed_quote(report: ErrorReport) -> SyntaxIssue | None:
    if "quoted scalar" not in report.context:
        return None
    if "end of stream" not in report.problem and "document" not in report.problem:
        return None
    line = report.source.line(report.context_line)
    quote = line[report.context_column - 1 : report.context_column]
    # A text on one line: the quote it lacks is at the line's end.
    closed = line.rstrip() + quote if line[report.context_column :].strip() else None
    issue = report.context_issue(
        f"这里开始的引号 {quote} 没有结束，后面找不到与它配对的 {quote}。"
        f"请在这段内容末尾补上 {quote}；如果不需要引号，请把开头的 {quote} 删掉。"
        + (f"补上后是：{shown_line(closed.strip())}" if closed else "")
    )
    return issue._replace(fixed=closed)


def _bad_escape(report: ErrorReport) -> SyntaxIssue | None:
    if "quoted scalar" not in report.context:
        return None
    # The parsers point at different characters of the escape (the backslash,
    # the letter, the first bad digit); the user wrote a backslash, so point at that.
    backslash = report.text_line[: report.column].rfind("\\")
    escape = _WRITTEN_ESCAPE.match(report.text_line, backslash) if backslash >= 0 else None
    column = backslash + 1 if escape else report.column
    written = escape.group() if escape else "\\"
    return SyntaxIssue(
        report.line,
        column,
        f"双引号里的反斜杠“\\”表示转义，这里的“{written}”不是有效的写法。"
        "如果要写反斜杠本身（例如文件路径），请把两边的双引号换成单引号，或者把“\\”写成“\\\\”。",
    )


def _previous_text_line(report: ErrorReport) -> int:
    number = report.line - 1
    while number > 1 and not report.source.line(number).strip():
        number -= 1
    return number


def _first_content_line(source: Lines) -> int:
    """The number of the first line that is neither blank nor a comment (1 for an empty text)."""
    number = 1
    while (line := source.line(number).strip()) == "" or line.startswith("#"):
        if number >= source.count:
            return 1
        number += 1
    return number


def _mapping_value_here(report: ErrorReport) -> SyntaxIssue | None:
    if "mapping values are not allowed" not in report.problem:
        return None
    if report.column > _SIMPLE_KEY_LIMIT:
        return report.issue(
            f"这一行冒号前面的字段名太长了（YAML 规定不能超过 {_SIMPLE_KEY_LIMIT} 个字符）。"
            "如果冒号前面是内容而不是字段名，请写成“字段名: 内容”，并给内容加上英文引号。"
        )
    if re.search(r":[ \t]", report.before):
        return _colon_in_sentence(report)
    return _colon_slip_on(report, _previous_text_line(report)) or _misindented(report)


# A line's value: after "- " items and "key: " in front of it.
_VALUE_START = re.compile(r"^\s*(?:-[ \t]+)*(?:[^\s\"'#:\[{][^#]*?:[ \t]+)?")
# A colon and the spaces after it, written after a Chinese character inside a sentence.
_SENTENCE_COLON = re.compile(r":[ \t]+")


def _colon_in_sentence(report: ErrorReport) -> SyntaxIssue:
    """``text: 主要做法: 协助……``: a colon of the sentence, typed in English. Among Chinese it is meant as "：",
    and written so it prints as the build would print it (no space after a full-width colon)."""
    line = report.text_line
    start = _VALUE_START.match(line)
    value_start = start.end() if start else 0
    colons = list(_SENTENCE_COLON.finditer(line, value_start))
    said = "这一行的内容里有“冒号+空格”（: ），YAML 会把它当成又一个“字段: 内容”。"
    if colons and all(chinese_before(line[colon.start() - 1]) for colon in colons):
        fixed = line[:value_start] + _SENTENCE_COLON.sub("：", line[value_start:])
        return report.issue(
            f"{said}句子里的冒号请用中文冒号“：”，改成：{shown_line(fixed.strip(), colons[0].start() - len(indentation(line)))}", fixed
        )
    return report.issue(f"{said}请给整个内容加上英文引号，例如：{shown_line(quoted_example(line))}", report.quoted_line())


def _colon_slip_on(report: ErrorReport, number: int) -> SyntaxIssue | None:
    """A field line whose colon YAML cannot see: a Chinese colon, or no space after it."""
    line = report.source.line(number)
    slip = colon_slip(line)
    return SyntaxIssue(number, slip.column, colon_slip_message([slip]), slip.line) if slip else None


def _missing_colon(report: ErrorReport) -> SyntaxIssue | None:
    if "could not find expected ':'" not in report.problem:
        return None
    number = report.context_line
    slip = _colon_slip_on(report, number)
    if slip is not None:
        return slip
    above = report.source.line(_previous_text_line(report._replace(line=number)))
    if number > 1 and above.lstrip(" ").startswith("- "):  # after an item, level with its dash: an item with no space after "-"
        glued = _glued_dash(report.source, number, len(indentation(above)) + 1)
        if glued is not None:
            return glued
    said = "这一行既不是“字段名: 内容”，也不是以“- ”开头的列表项。请写成“字段名: 内容”（英文冒号，后面加一个空格）；"
    continued = _continuation(report.source, number)
    if continued is None:
        return SyntaxIssue(number, report.context_column, said + "如果它是上一行内容的延续，请用引号把整段内容括起来。")
    return SyntaxIssue(number, report.context_column, said + _continued(continued), continued)


def _continued(continued: str) -> str:
    spaces, shown = len(indentation(continued)), shown_line(continued.strip())
    return f"如果它是上面内容的延续（或新的一段），请把它缩进到和上面的内容对齐，改成（行首 {spaces} 个空格）：{shown}"


# A line holding a field or a list item: wrongly indented, it is no text continued.
_FIELD_LINE = re.compile(r"^\s*(?:-(?:[ \t]|$)|[^\s:#][^:#]*:(?:[ \t]|$))")


def _misindented(report: ErrorReport) -> SyntaxIssue:
    """A line standing where no line can: told as indentation, and, where it holds text, as the text above continued."""
    continued = None if _FIELD_LINE.match(report.text_line) else _continuation(report.source, report.line)
    if continued is None:
        return report.issue(INDENT)
    return report.issue(f"{INDENT}{_continued(continued)}", continued)


# A line that starts a value: "key:", "key: value", "- value" (the value's column is after them).
_VALUE_LINE = re.compile(r"^(?P<lead>\s*(?:-[ \t]+)*)(?:(?P<key>[^\s\"'#:\[{][^#]*?):(?:[ \t]+|$))?")


def _continuation(source: Lines, number: int) -> str | None:
    """Line ``number`` indented as the text above it: where the line above holds text, at its column.

    A line that ends a ``|`` text, or a plain text, by standing too far left was meant as its next line
    (or, after a blank line, its next paragraph): written at the text's own indentation it is.
    """
    above = number - 1
    while above >= 1 and not source.line(above).strip():
        above -= 1
    if above < 1:
        return None
    line, previous = source.line(number), source.line(above)
    start = _VALUE_LINE.match(previous)
    if start is None or previous.lstrip().startswith("#"):
        return None
    if start["key"] is not None:  # "key: 我局……" or "key: |": the text is one level deeper than the key
        column = len(start["lead"]) + 2
    else:  # a line of the text, or "- 我局……"
        column = len(start["lead"])
    return " " * column + line.lstrip()


def _text_after_quoted_start(report: ErrorReport) -> SyntaxIssue | None:
    """A value that opens with a quoted word: ``- "放管服"改革持续深化。``.

    YAML takes the opening quote for quotes around the whole value, so the
    words after the closing quote cannot be read, whatever the indentation.
    """
    value = _QUOTED_START.match(report.text_line)
    if value is None or not report.before.rstrip().endswith(value["quote"]):
        return None
    quote = value["quote"]
    after = report.text_line[value.end("quote") :]
    rest = after[after.find(quote) + 1 :].rstrip()
    if rest.endswith(quote) and quote not in rest[:-1]:
        return None  # quotes meant around the whole value, with one inside: 'it's'
    if report.column - 1 <= value.start("quote") + 1:
        return None  # the parser stopped at the opening quote itself
    prefix, text = report.text_line[: value.start("quote")].strip(), report.text_line[value.start("quote") :].strip()
    chinese = _ASCII_QUOTED.sub(lambda m: f"“{m[2]}”" if m[1] == '"' else f"‘{m[2]}’", text)
    # The quotes are the user's words here: none is taken off, as quoted() would.
    wrapped = f'"{text}"' if quote == "'" and '"' not in text and "\\" not in text else single_quoted(text)
    return SyntaxIssue(
        report.line,
        value.start("quote") + 1,
        f"这里的内容以引号 {value['quote']} 开头，YAML 把它当成了括住整个内容的引号，引号后面的文字就读不下去了。"
        f"请改用中文引号（{shown_line(f'{prefix} {chinese}')}），或者给整个内容再加一层引号（{shown_line(f'{prefix} {wrapped}')}）。",
        report.text_line[: value.start("quote")] + chinese,
    )


def _in_block_mapping(report: ErrorReport) -> SyntaxIssue | None:
    if "block mapping" not in report.context:
        return None
    last = report.before.rstrip()[-1:]
    if last and last in "\"'":
        return report.issue(
            "引号只能把整个内容括起来，这里引号结束之后还有文字。"
            f"请把整个内容放进一对引号里，例如：{shown_line(quoted_example(report.text_line))}",
            report.quoted_line(),
        )
    if last and last in "]}":
        return report.issue(
            "以 [ 或 { 开头的内容会被 YAML 当成列表或字典。"
            f"请给整个内容加上英文引号，例如：{shown_line(quoted_example(report.text_line))}",
            report.quoted_line(),
        )
    if report.char == "-":
        return report.issue(
            "这一行以“- ”开头（表示列表项），但这个位置应该写“字段名: 内容”。"
            "如果它属于上面某个字段的列表，请把它缩进到那个字段下面；否则请删掉“- ”。"
        )
    if report.char == ":":
        return report.issue("这一行冒号前面没有字段名。请在冒号前写上字段名，或删掉这个冒号。")
    return _misindented(report)


def _in_block_sequence(report: ErrorReport) -> SyntaxIssue | None:
    if "block collection" not in report.context:
        return None
    bracket = _BRACKET_START.match(report.text_line)
    if bracket is not None:
        return SyntaxIssue(
            report.line,
            bracket.start("open") + 1,
            "以 [ 或 { 开头的内容会被 YAML 当成列表或字典。"
            f"请给整个内容加上英文引号，例如：{shown_line(quoted_example(report.text_line))}；或者改用中文的【】或（）。",
            report.quoted_line(),
        )
    glued = _glued_dash(report.source, report.line, report.context_column)
    if glued is not None:
        return glued
    return report.issue(
        "这一行在一个列表里（列表的每一项以“- ”开头），但缩进不对：新的一项要以“- ”开头并和上一项的“-”对齐，"
        "属于同一项的字段要和这一项第一个字段的左边对齐。"
    )


# A list item's dash with the item glued to it: "-title: 规范执法", "-加强执法。".
_GLUED_DASH = re.compile(r"(?P<indent> *)-(?=[^\s\-])")


def _glued_dash(source: Lines, number: int, dash_column: int) -> SyntaxIssue | None:
    """Line ``number`` written "-title: 规范执法" level with its list's dashes (1-based ``dash_column``): a space left out after "-"."""
    line = source.line(number)
    glued = _GLUED_DASH.match(line)
    if glued is None or len(glued["indent"]) != dash_column - 1:
        return None
    fixed = f"{glued['indent']}- {line[glued.end():]}"
    return SyntaxIssue(
        number,
        glued.end(),
        f"这一行开头的“-”后面缺少空格，YAML 因此认不出这是列表的一项。请在“-”后面加一个空格，改成：{shown_line(fixed.strip())}",
        fixed,
    )


def _starts_with_indicator(report: ErrorReport) -> SyntaxIssue | None:
    """A value that begins with a character YAML reserves: - ? @ ` % & * ! | > , ] }.

    ``- `` and ``*`` there are the bullets of a list typed as in Word or a chat, not text to print: the
    fix takes them out. Any other such character is the text's own, and the fix quotes the text.
    """
    example = quoted_example(report.text_line)
    if "sequence entries are not allowed" in report.problem:
        start = "- "
    elif "mapping keys are not allowed" in report.problem:
        start = "? "
    elif "cannot start any token" in report.problem:
        start = report.char
    elif "node content" in report.problem and "flow" not in report.context:
        start = report.char  # a flow indicator , ] } where a value begins
    elif "anchor" in report.context or "alias" in report.context:
        start = report.source.line(report.context_line)[report.context_column - 1 : report.context_column]
    elif "tag" in report.context or "tag" in report.problem:
        start = "!"
    else:
        return None
    bullet = _bullet(report.text_line)
    if bullet is not None and start.strip() == bullet[0].strip() and "*" not in bullet[1][-1:]:  # not *emphasis*
        return report.issue(
            f"内容开头的“{bullet[0].strip()}”在 YAML 里有特殊含义，报告里也不印项目符号。"
            "分条的内容请写成 points（要点）或 items（下级条目），由程序编号；"
            f"这里请删掉它，改成：{shown_line(bullet[1].strip())}；如果确实要印出“{bullet[0].strip()}”，"
            f"请给整个内容加上英文引号，例如：{shown_line(example)}",
            bullet[1],
        )
    return report.issue(
        f"内容不能以“{start.strip()}”开头，它在 YAML 里有特殊含义。请给整个内容加上英文引号，例如：{shown_line(example)}",
        report.quoted_line(),
    )


# A bullet typed at the start of a field's value: "text: - 深化……", "text: *深化……".
_BULLET = re.compile(r"^(?P<field>\s*(?:-[ \t]+)?[^\s\"'#:\[{\-*][^#]*?:[ \t]+)(?P<bullet>-[ \t]+|\*[ \t]*)(?=\S)")


def _bullet(line: str) -> tuple[str, str] | None:
    """The bullet a field's value starts with and the line without it, or None."""
    found = _BULLET.match(line)
    if found is None:
        return None
    return found["bullet"], found["field"] + line[found.end() :]


def _block_scalar(report: ErrorReport) -> SyntaxIssue | None:
    if "block scalar" not in report.context:
        return None
    return report.issue(
        "“|”和“>”表示下面是多行文字，它们后面必须直接换行，文字从下一行开始写并且要缩进。"
        f"如果内容本身就以“|”或“>”开头，请给整个内容加上英文引号，例如：{shown_line(quoted_example(report.text_line))}",
        report.quoted_line(),
    )


def _unclosed_bracket(report: ErrorReport) -> SyntaxIssue | None:
    if "flow sequence" not in report.context and "flow mapping" not in report.context:
        return None
    opening, closing = ("[", "]") if "flow sequence" in report.context else ("{", "}")
    return report.context_issue(
        f"这里的“{opening}”没有找到配对的“{closing}”，或者括号里的内容写错了。请检查括号和逗号；"
        f"如果内容本身就以“{opening}”开头（例如“[{proposed_year(today())}]5号”），请给整个内容加上英文引号。"
    )


def _flow_content(report: ErrorReport) -> SyntaxIssue | None:
    if "flow node" not in report.context:
        return None
    return report.issue(
        "方括号 [ ] 或花括号 { } 里的内容不完整（例如多了一个逗号，或者括号没有闭合）。"
        "请检查这里；如果这只是普通文字，请给整个内容加上英文引号。"
    )


def _document_marker(report: ErrorReport) -> SyntaxIssue | None:
    if "directive" not in report.context + report.problem and "document" not in report.problem:
        return None
    # The parsers may point at the end of the file, after the offending line.
    for number in (report.line, _previous_text_line(report)):
        if report.source.line(number).startswith(("---", "...", "%")):
            return SyntaxIssue(
                number,
                1,
                "这一行是 YAML 的文档分隔符（“---”“...”或以“%”开头），表单里不需要它。"
                "请删掉这一行；如果它是内容的一部分，请给内容加上英文引号。",
            )
    # The first field written "unit：…" or "unit:…" is read as a lone line of text, and
    # the document ends at the first comment or blank line after it.
    first = _first_content_line(report.source)
    slip = _colon_slip_on(report, first) if first < report.line else None
    if slip is not None:
        return slip
    return report.issue(
        "表单的内容在这里之前就已经结束了，这里多出来的内容无法读取。"
        "这通常是因为第一行以“[”“{”或引号开头；表单的每一行应写成“字段名: 内容”。"
    )


def _fallback(report: ErrorReport) -> SyntaxIssue:
    return report.issue(
        "这里的格式有误，无法读取。请检查这一行和上一行的缩进、冒号和引号；含有特殊符号的内容请加上英文引号。"
    )


# Tried in this order, most specific first; _fallback after them all.
_RULES: tuple[Callable[[ErrorReport], SyntaxIssue | None], ...] = (
    _tab,
    _unclosed_quote,
    _bad_escape,
    _mapping_value_here,
    _missing_colon,
    _text_after_quoted_start,
    _in_block_mapping,
    _in_block_sequence,
    _starts_with_indicator,
    _block_scalar,
    _unclosed_bracket,
    _flow_content,
    _document_marker,
)
