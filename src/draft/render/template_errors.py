"""A wording template's mistakes, told in Chinese at the template file and line where they are.

Whatever goes wrong while a template is read or run — a syntax error, a name it does
not have, a division by zero, a macro calling itself forever, something the sandbox
refuses or its budget does not allow — is the template's doing, not draft's: the user gets a message naming the
template file and line, never an internal error. Jinja keeps the template's file and
line in a syntax error; for an error raised while a macro runs, the innermost frame
of template code in the traceback tells them (as Jinja's own traceback rewriting does).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from draft.problems import CannotProceed, Problem, display_path
from draft.render.sandbox import OutsideFolder, Unreadable
from draft.render.template_budget import TooBig, TooComplex, TooLong
from draft.text.decode import NotText

FIX = "请对照内置模板（draft template 新文件夹名 可以复制一份）改正。"


def template_error(error: BaseException, template_file: Path) -> CannotProceed:
    """``error``, raised while ``template_file`` was read or run, as a message at the template line at fault."""
    file, line = _where(error, template_file)
    return problem_at(file, line, f"模板有错误：{_what(error)}")


def problem_at(file: Path, line: int, message: str) -> CannotProceed:
    return CannotProceed(Problem(file=display_path(file), line=line, message=f"{message}{FIX}"))


def _where(error: BaseException, template_file: Path) -> tuple[Path, int]:
    if isinstance(error, TemplateSyntaxError | TooBig) and error.lineno:  # found while compiling: no template code ran
        return Path(error.filename) if error.filename else template_file, error.lineno
    found: tuple[Path, int] = (template_file, 0)
    for template, line in _template_frames(error):
        found = Path(template.filename), template.get_corresponding_lineno(line)
    return found


def _template_frames(error: BaseException) -> Iterator[tuple[Any, int]]:
    """The template (and line of its compiled code) of each frame of template code ``error`` went through, outermost first."""
    traceback: TracebackType | None = error.__traceback__
    while traceback is not None:
        template = traceback.tb_frame.f_globals.get("__jinja_template__")
        if template is not None and template.filename:
            yield template, traceback.tb_lineno
        traceback = traceback.tb_next


def _recursion(error: RecursionError) -> str:
    # Python's recursion limit, reached through many calls of template code (a macro calling itself, a
    # template including itself), or through few: a value nested too deep for Python to print or compare.
    if sum(1 for _ in _template_frames(error)) > _MANY_CALLS:
        return "宏在无限地调用自己（或者模板在无限地引用自己）。"
    return "这里处理的内容一层套一层，嵌套太深，无法处理。请检查模板里的列表和循环。"


#: Frames of template code beyond which a RecursionError is a macro or template calling itself (nesting takes few).
_MANY_CALLS = 20


def _quoted(names: list[str]) -> str:
    return "、".join(f"“{name}”" for name in dict.fromkeys(names))


def _syntax(error: TemplateSyntaxError) -> str:
    # Jinja names the tokens it met in quotes ('{', 'endfor', an unknown tag); its own words stay out.
    tokens = re.findall(r"'([^'\s]{1,40})'", error.message or "")
    near = f"，出错的地方在{_quoted(tokens)}附近" if tokens else ""
    return f"这一行的模板语法不对{near}。请检查 {{{{ }}}} 和 {{% %}} 是否成对、关键字是否拼对。"


def _undefined(error: UndefinedError) -> str:
    found = re.search(r"has no attribute '([^']+)'", error.message or "") or re.search(r"'([^']+)' is undefined", error.message or "")
    name = f"“{found[1]}”" if found else ""
    return f"用到了不存在的变量或属性{name}。可用的变量见内置模板开头的说明。"


def _refused(error: SecurityError) -> str:
    message = error.message or ""
    found = re.search(r"attribute '([^']+)'", message)
    if found:
        what = f"：访问属性“{found[1]}”"
    elif re.search("[\u4e00-\u9fff]", message):
        what = f"：{message}"  # the sandbox's own limits say in Chinese what they stopped
    else:
        what = ""
    # Past its budget, a template did nothing forbidden in kind, only too much of it.
    scope = "" if isinstance(error, TooBig) else "模板只能使用 report 的内容。"
    return f"做了模板不允许做的事{what}，为安全起见没有执行。{scope}"


#: What each kind of error means in a template, most specific first (OutsideFolder is a TemplateNotFound).
#: Only Chinese and the template's own names: the exceptions' English stays out of the message.
_MEANINGS: tuple[tuple[type[BaseException], Callable[[Any], str]], ...] = (
    (OutsideFolder, lambda e: f"“{e.name}”是指向模板文件夹以外的链接，为安全起见没有读取。模板只能引用模板文件夹里的文件。"),
    (Unreadable, lambda e: f"无法读取模板文件“{e.name}”（{e.reason}）。"),
    (TemplateNotFound, lambda e: f"找不到引用的模板文件“{e.name}”。模板只能引用模板文件夹里的文件，不能写绝对路径或“..”。"),
    (TemplateSyntaxError, _syntax),
    (UndefinedError, _undefined),
    (TooLong, lambda e: f"{e.message}，为安全起见停止了。请检查模板里的循环。"),
    (TooComplex, lambda e: e.message),
    (SecurityError, _refused),
    (NotText, lambda e: f"文件不是可以读取的文本。{e.message}"),
    (ZeroDivisionError, lambda e: "这里除以了零。"),
    (RecursionError, _recursion),
    (MemoryError, lambda e: "生成的内容太多，内存不够。"),
    (TypeError, lambda e: "运算或调用的类型不对，例如把文字和数字相加，或者调用了不能调用的东西。"),
)


def _what(error: BaseException) -> str:
    for kind, meaning in _MEANINGS:
        if isinstance(error, kind):
            return meaning(error)
    return "运行时出错。请检查这一行用到的变量和运算。"
