"""click's own words — usage errors (unknown command, missing argument, …) and help pages — in Chinese.

click words these in English through gettext, with no Chinese catalogue; users
of draft read Chinese only. Each pattern below is one of click's messages; an
unknown message is shown as click wrote it, still behind the Chinese prefix.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import click

# Patterns, not compiled: they are needed only when a command line is wrong, and every
# ``draft`` command imports this module (re compiles them on first use, and caches them).
_TRANSLATIONS: list[tuple[str, str]] = [
    (r"No such command '(?P<x>[^']*)'\.", "没有“{x}”这个命令。"),
    (r"Did you mean '(?P<x>[^']*)'\?", "您是不是想输入“{x}”？"),
    (r"\(Possible options: (?P<x>[^)]*)\)", "（可用的选项：{x}）"),
    (r"No such option: (?P<x>\S+)", "没有 {x} 这个选项。"),
    (r"No such option '(?P<x>[^']*)'\.", "没有 {x} 这个选项。"),
    (r"Missing argument '(?P<x>[^']*)'\.", "缺少参数“{x}”。"),
    (r"Missing option '(?P<x>[^']*)'\.", "缺少选项 {x}。"),
    (r"Option '(?P<x>[^']*)' requires an argument\.", "选项 {x} 后面要写一个值。"),
    (r"Option '(?P<x>[^']*)' does not take a value\.", "选项 {x} 后面不能写值。"),
    (r"Got unexpected extra arguments? \((?P<x>[^)]*)\)", "多写了参数：{x}。"),
]


def chinese_usage(message: str) -> str:
    """``message`` with every phrase click is known to write replaced by its Chinese."""
    for pattern, chinese in _TRANSLATIONS:
        message = re.sub(pattern, lambda m, c=chinese: c.format(x=m.group("x")), message)
    return message


# --- Help pages ------------------------------------------------------------------------------
# click writes the frame of every help page (Usage:, Options:, the help option's own help)
# in English; these classes give the same pages in Chinese.

HELP_OPTION_HELP = "显示本说明并退出。"
_HEADINGS = {"Options": "选项", "Commands": "命令", "Arguments": "参数"}


# A line break between two Chinese characters in a docstring is only where the source was wrapped.
# (A pattern, compiled on first use: only help pages need it.)
_CJK_LINE_BREAK = r"(?<=[\u3000-\u9fff\uff00-\uffef])\n[ \t]*(?=[\u3000-\u9fff\uff00-\uffef])"


class ChineseHelpFormatter(click.HelpFormatter):
    def write_text(self, text: str) -> None:
        # click joins the lines of a paragraph with spaces, which Chinese has none of.
        super().write_text(re.sub(_CJK_LINE_BREAK, "", text))

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="用法：")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        """The option table, aligned by display width: a Chinese metavar is two columns a character."""
        rows = list(rows)
        widths = [_display_width(first) for first, _ in rows]
        column = min(max(widths, default=0), col_max) + col_spacing
        for (first, second), width in zip(rows, widths):
            self.write(f"{'':>{self.current_indent}}{first}")
            if width <= column - col_spacing:
                self.write(" " * (column - width))
            else:
                self.write("\n" + " " * (column + self.current_indent))
            self.write(f"{second}\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{_HEADINGS.get(heading, heading)}：\n")


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


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
