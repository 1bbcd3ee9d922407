"""click's own usage errors (unknown command, missing argument, …) in Chinese.

click words these in English through gettext, with no Chinese catalogue; users
of draft read Chinese only. Each pattern below is one of click's messages; an
unknown message is shown as click wrote it, still behind the Chinese prefix.
"""

from __future__ import annotations

import re

_TRANSLATIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"No such command '(?P<x>[^']*)'\."), "没有“{x}”这个命令。"),
    (re.compile(r"Did you mean '(?P<x>[^']*)'\?"), "您是不是想输入“{x}”？"),
    (re.compile(r"\(Possible options: (?P<x>[^)]*)\)"), "（可用的选项：{x}）"),
    (re.compile(r"No such option: (?P<x>\S+)"), "没有 {x} 这个选项。"),
    (re.compile(r"No such option '(?P<x>[^']*)'\."), "没有 {x} 这个选项。"),
    (re.compile(r"Missing argument '(?P<x>[^']*)'\."), "缺少参数 {x}。"),
    (re.compile(r"Missing option '(?P<x>[^']*)'\."), "缺少选项 {x}。"),
    (re.compile(r"Option '(?P<x>[^']*)' requires an argument\."), "选项 {x} 后面要写一个值。"),
    (re.compile(r"Option '(?P<x>[^']*)' does not take a value\."), "选项 {x} 后面不能写值。"),
    (re.compile(r"Got unexpected extra arguments? \((?P<x>[^)]*)\)"), "多写了参数：{x}。"),
]


def chinese_usage(message: str) -> str:
    """``message`` with every phrase click is known to write replaced by its Chinese."""
    for pattern, chinese in _TRANSLATIONS:
        message = pattern.sub(lambda m, c=chinese: c.format(x=m.group("x")), message)
    return message
