"""click's own words — usage errors (unknown command, missing argument, …) and help pages — in Chinese.

click words these in English through gettext, with no Chinese catalogue; users
of draft read Chinese only. Each pattern below is one of click's messages; an
unknown message is shown as click wrote it, still behind the Chinese prefix.
"""

from __future__ import annotations

import re
from typing import IO, Any

import click

from draft.command_name import as_run
from draft.problems import shown_safely
from draft.text.width import display_width

# Patterns, not compiled: they are needed only when a command line is wrong, and every
# ``draft`` command imports this module (re compiles them on first use, and caches them).
# A name click quotes (repr) is in '' or, if it holds a ', in "".
_QUOTED = r"""(?P<q>['"])(?P<x>.*?)(?P=q)"""
_FILE = r"(?:File|Directory|Path) " + _QUOTED
_QUOTED_NAME = "'([^']*)'|\"([^\"]*)\""
_TRANSLATIONS: list[tuple[str, str]] = [
    (r"No such command '(?P<x>[^']*)'\.", "没有“{x}”这个命令。"),
    (r"\(Did you mean one of:? (?P<x>[^)]*)\?\)", "（您是不是想输入以下之一：{x}？）"),
    (r"Did you mean '(?P<x>[^']*)'\?", "您是不是想输入“{x}”？"),
    (r"\(Possible options: (?P<x>[^)]*)\)", "（可用的选项：{x}）"),
    (r"No such option: (?P<x>\S+)", "没有 {x} 这个选项。"),
    (r"No such option '(?P<x>[^']*)'\.", "没有 {x} 这个选项。"),
    (r"Missing argument '(?P<x>[^']*)'\.", "缺少参数“{x}”。"),
    (r"Missing option '(?P<x>[^']*)'\.", "缺少选项 {x}。"),
    (r"Option '(?P<x>[^']*)' requires an argument\.", "选项 {x} 后面要写一个值。"),
    (r"Option '(?P<x>[^']*)' does not take a value\.", "选项 {x} 后面不能写值。"),
    (r"Got unexpected extra arguments? \((?P<x>[^)]*)\)", "多写了参数：{x}。"),
    (r"Invalid value for (?P<x>.+?): ", "{x} 的值不对："),
    (r"Invalid value: ", "值不对："),
    (_QUOTED + r" is not one of (?P<y>.*)\.$", "不能写“{x}”，只能写 {y} 之一。"),
    (_QUOTED + r" is not (?P<y>'[^']*')\.$", "不能写“{x}”，只能写 {y}。"),
    (_FILE + r" does not exist\.", "找不到“{x}”。"),
    (_FILE + r" is a file\.", "“{x}”是一个文件，这里要写文件夹。"),
    (_FILE + r" is a directory\.", "“{x}”是一个文件夹，这里要写文件名。"),
    (_FILE + r" is not readable\.", "没有权限读取“{x}”。"),
    (_FILE + r" is not writable\.", "没有权限写入“{x}”。"),
    (_FILE + r" is not executable\.", "“{x}”不能执行。"),
]


def chinese_usage(message: str) -> str:
    """``message`` with every phrase click is known to write replaced by its Chinese."""
    for pattern, chinese in _TRANSLATIONS:
        message = re.sub(pattern, lambda m: chinese.format(**_names(m)), message)  # noqa: B023 (called at once)
    return message


class ChineseUsageError(click.UsageError):
    """A command line click could not parse, shown in Chinese on one line, with where to read the usage."""

    @classmethod
    def of(cls, error: click.UsageError) -> ChineseUsageError:
        return cls(error.format_message(), error.ctx)

    def show(self, file: IO[Any] | None = None) -> None:
        command = self.ctx.command_path if self.ctx else "draft"
        hint = f"（运行 {command} --help 查看用法）"
        # What the user typed is quoted: an escape sequence in it is shown, not acted on.
        message = shown_safely(chinese_usage(self.format_message()), lines=True)
        click.echo(f"用法错误：{message}{hint}", file=file, err=file is None)


def _names(match: re.Match[str]) -> dict[str, str]:
    """The names a phrase quotes, unquoted; a list of them (``'text', 'json'``) as ``text、json``."""
    names = {}
    for group, value in match.groupdict().items():
        quoted = re.findall(_QUOTED_NAME, (value or "").replace("' / '", "/"))  # '-o' / '--output': one option
        names[group] = "、".join(a or b for a, b in quoted) if quoted else (value or "")
    return names


# --- Help pages ------------------------------------------------------------------------------
# click writes the frame of every help page (Usage:, Options:, the help option's own help)
# in English; these classes give the same pages in Chinese.

HELP_OPTION_HELP = "显示本说明并退出。"
_HEADINGS = {"Options": "选项", "Commands": "命令", "Arguments": "参数"}


# A line break between two Chinese characters in a docstring is only where the source was wrapped.
# (A pattern, compiled on first use: only help pages need it.)
_CJK_LINE_BREAK = r"(?<=[\u3000-\u9fff\uff00-\uffef])\n[ \t]*(?=[\u3000-\u9fff\uff00-\uffef])"


#: Held in place of "-" while click wraps a help text: a line is never broken after the hyphen of an
#: option or a value (``information-`` / ``disclosure``), which the user copies as one word.
_UNBROKEN_HYPHEN = "\u2011"


class ChineseHelpFormatter(click.HelpFormatter):
    def write_text(self, text: str) -> None:
        # click joins the lines of a paragraph with spaces, which Chinese has none of.
        start = len(self.buffer)
        super().write_text(as_run(re.sub(_CJK_LINE_BREAK, "", text)).replace("-", _UNBROKEN_HYPHEN))
        self.buffer[start:] = [written.replace(_UNBROKEN_HYPHEN, "-") for written in self.buffer[start:]]

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="用法：")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        """The option table, aligned by display width: a Chinese metavar is two columns a character."""
        rows = list(rows)
        widths = [display_width(first) for first, _ in rows]
        column = min(max(widths, default=0), col_max) + col_spacing
        for (first, second), width in zip(rows, widths, strict=True):
            self.write(f"{'':>{self.current_indent}}{first}")
            if width <= column - col_spacing:
                self.write(" " * (column - width))
            else:
                self.write("\n" + " " * (column + self.current_indent))
            self.write(f"{as_run(second)}\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{_HEADINGS.get(heading, heading)}：\n")


class ChineseContext(click.Context):
    formatter_class = ChineseHelpFormatter


class ChineseCommand(click.Command):
    """A command whose help page is Chinese throughout."""

    context_class = ChineseContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_OPTION_HELP
        return option
