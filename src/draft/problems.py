"""Problems found in a user's form, and the errors that carry them to the CLI.

Every message a user sees goes through here, so that they all read the same way:
``文件:行:列 字段路径:中文说明``. An error is one of click's exceptions: it knows how to
present itself and which exit code it stands for, and click's main shows it and exits.
"""

from __future__ import annotations

import os
import re
from enum import Enum
from pathlib import Path
from typing import IO, Any, NamedTuple

import click

#: Exit codes shared by every command.
EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2

#: Most problems of one kind listed for a form; the rest are counted in one line. (A form with
#: 20,000 unknown fields needs its first ones fixed, not 20,000 lines.)
MAX_SAME_PROBLEM = 100
#: Most characters of a user's text quoted in a message (:func:`excerpt`): enough to find the place.
EXCERPT_LENGTH = 20

#: What a terminal would act on rather than show: C0 and C1 controls (ESC, CSI, a bell, a carriage return) and
#: the direction controls (a name could print backwards and hide its real end); patterns, compiled on first use.
#: A message may break its own lines (an example of what to write), a name may not.
_DIRECTION_AND_C1 = "\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
_UNPRINTABLE_IN_NAMES = f"[\x00-\x1f{_DIRECTION_AND_C1}]"
_UNPRINTABLE_IN_MESSAGES = f"[\x00-\x08\x0b-\x1f{_DIRECTION_AND_C1}]"
#: A quotation in a message twice as long as an excerpt, or longer.
_LONG_QUOTE = f"“([^“”]{{{2 * EXCERPT_LENGTH + 1},}})”"


class Rewrite(NamedTuple):
    """A fix a program can apply: lines ``first`` to ``last`` (1-based, inclusive) of the form replaced by ``text``.

    What the message asks for, written out: applying it gives the form the user meant (the tests apply each one).
    """

    first: int
    last: int
    text: str  # the lines written right, without the final line break; "" removes the lines


class Severity(Enum):
    ERROR = "错误"
    WARNING = "提示"


class Problem(NamedTuple):
    """One thing wrong, or worth a second look, located as precisely as the source allows.

    The one diagnostic of draft, whoever finds it: the form's reader (validation), ``draft check``
    (a review's findings) and ``draft import`` (what it was unsure of in last year's report).
    ``line`` and ``column`` are 1-based; 0 means "not known" (e.g. a file that
    could not be read at all). ``field`` is the dotted path inside the form,
    such as ``measures.items[2].title``, for programs (``--format json``); ``place``
    names the same field for a person (主要举措和成效 › 第3条（规范执法）› 标题).
    Both are empty when the problem is the file. ``code`` names the kind of problem for
    programs, stable across versions (``manual-numbering``, ``import-note``); validation's
    problems have none (``--format json`` says ``invalid-form``). ``fix`` is the change to make,
    where it is mechanical; ``rewrite`` is a form's slip fixed as lines of the form, where the message
    says how to write the line.
    """

    file: str
    message: str
    line: int = 0
    column: int = 0
    field: str = ""
    severity: Severity = Severity.ERROR
    place: str = ""
    code: str = ""
    fix: str = ""
    #: Draft itself puts this right when it builds (the finding is listed to be checked, not acted on),
    #: so ``build --strict`` does not hold the report back for it.
    fixed_by_draft: bool = False
    rewrite: Rewrite | None = None

    def location(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column or 1}"
        return self.file

    def heading(self, tag_errors: bool = False) -> str:
        """``文件:行:列 位置:`` and ``[提示] `` for a warning (``[错误] `` too with ``tag_errors``)."""
        place = self.place or self.field
        tagged = tag_errors or self.severity is not Severity.ERROR
        severity = f"[{self.severity.value}] " if tagged else ""
        return f"{self.location()}{f' {place}' if place else ''}:{severity}"

    def __str__(self) -> str:
        return self.line_text()

    def line_text(self, tag_errors: bool = False) -> str:
        """The problem on one line, its fix after it; a review (``draft check``, where errors
        and hints are listed together) says ``[错误]`` of its errors too (``tag_errors``).

        Whatever it quotes (a field's name or value, a file's name), it stays one line a terminal shows as it is."""
        fix = f"（改法：{self.fix}）" if self.fix else ""
        return shown_safely(_long_quotes_cut(f"{self.heading(tag_errors)}{self.message}{fix}"), lines=True)


def excerpt(text: str, limit: int = EXCERPT_LENGTH) -> str:
    """The start of a user's ``text``, to quote in a message: a paragraph of 300 KB is pointed at, not echoed."""
    return text if len(text) <= limit else text[:limit] + "……"


def _long_quotes_cut(message: str) -> str:
    """``message`` with every “quoted” text much longer than an :func:`excerpt` cut to one: whatever quotes
    a user's value (a 300 KB date, a year of 100,000 characters) says it in one readable line. draft's own
    quotations (a part's name, an example) are far shorter."""
    return re.sub(_LONG_QUOTE, lambda found: f"“{excerpt(found.group(1))}”", message)


def shown_safely(text: str, lines: bool = False) -> str:
    """``text`` with every character a terminal would act on written out as ``\\x1b``, ``\\u202e``: a file named
    with an escape sequence cannot recolour, clear or rewrite the user's screen. ``lines``: its line breaks and
    tabs kept (a message's own)."""
    unprintable = _UNPRINTABLE_IN_MESSAGES if lines else _UNPRINTABLE_IN_NAMES
    return re.sub(unprintable, lambda found: ascii(found.group())[1:-1], text)


def display_path(path: Path) -> str:
    """The path as the user typed it or, if inside the working folder, relative to it, in
    :func:`readable` characters.

    Links are not followed: a message about a link names the link, not where it leads.
    """
    try:
        shown = str(Path(os.path.abspath(path)).relative_to(Path.cwd()))
    except ValueError:
        shown = str(path)
    return readable(shown)


def readable(name: str) -> str:
    """A file name as a person can read it, and as every output can hold it.

    A name that is not UTF-8 (a zip made on Chinese Windows and unpacked elsewhere gives
    GBK names) reaches Python with its bytes as lone surrogates, which no message, report
    or terminal can hold: each part of the name is read as GB18030 if it is that, else
    its bytes are shown as ``\\xNN``. Controls are shown as :func:`shown_safely` shows them.
    """
    if not not_utf8(name):
        return shown_safely(name)
    parts = []
    for part in name.split(os.sep):
        raw = os.fsencode(part)
        try:
            parts.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                parts.append(raw.decode("gb18030"))
            except UnicodeDecodeError:
                parts.append(raw.decode("utf-8", "backslashreplace"))
    return shown_safely(os.sep.join(parts))


def not_utf8(name: str) -> bool:
    """Whether the file name ``name`` was not UTF-8 on disk: its bytes reached Python as lone surrogates."""
    return any("\udc80" <= char <= "\udcff" for char in name)


def internal_error(error: Exception) -> str:
    """What to say of an error that is a bug in draft: plainly that it is, never with a traceback."""
    return (
        f"draft 内部错误（{type(error).__name__}: {readable(str(error))}）。这不是您的操作问题，"
        "请把这条信息和表单文件发给维护人员。设置环境变量 DRAFT_DEBUG=1 可查看详细信息。"
    )


class DraftError(click.ClickException):
    """An error the user can act on: click shows it (:meth:`show`), never with a traceback, and exits with its code."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(file="draft", message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = problems
        super().__init__("\n".join(str(p) for p in problems))

    def show(self, file: IO[Any] | None = None) -> None:
        for problem in self.problems:
            click.echo(str(problem), file=file, err=file is None)

    def __reduce__(self) -> tuple[type[DraftError], tuple[list[Problem]]]:
        # Rebuilt from its problems, not from its message: it crosses to the process that reports it (draft.build.batch).
        return type(self), (self.problems,)


class FormError(DraftError):
    """The form has problems (syntax, encoding, schema). Exit code 1."""


class CannotProceed(DraftError):
    """The command cannot go on: an output was edited since draft wrote it, LibreOffice is missing,
    the template is broken, no form was named or found. Exit code 2.

    (Not click's ``UsageError``, a command line click could not parse: draft shows that one in Chinese, see :mod:`draft.cli`.)
    """

    exit_code = EXIT_USAGE
