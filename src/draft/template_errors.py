"""A wording template's mistakes, told in Chinese at the template file and line where they are.

Whatever goes wrong while a template is read or run — a syntax error, a name it does
not have, a division by zero, a macro calling itself forever, something the sandbox
refuses — is the template's doing, not draft's: the user gets a message naming the
template file and line, never an internal error. Jinja keeps the template's file and
line in a syntax error; for an error raised while a macro runs, the innermost frame
of template code in the traceback tells them (as Jinja's own traceback rewriting does).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from draft.problems import Problem, UsageError, display_path
from draft.sandbox import OutsideFolder, TooLong, Unreadable
from draft.text_encoding import NotText

FIX = "请对照内置模板（draft template 新文件夹名 可以复制一份）改正。"


def template_error(error: BaseException, template_file: Path) -> UsageError:
    """``error``, raised while ``template_file`` was read or run, as a message at the template line at fault."""
    file, line = _where(error, template_file)
    return problem_at(file, line, f"模板有错误：{_what(error)}")


def problem_at(file: Path, line: int, message: str) -> UsageError:
    return UsageError(Problem(file=display_path(file), line=line, message=f"{message}{FIX}"))


def _where(error: BaseException, template_file: Path) -> tuple[Path, int]:
    if isinstance(error, TemplateSyntaxError) and error.lineno:
        return Path(error.filename) if error.filename else template_file, error.lineno
    found: tuple[Path, int] = (template_file, 0)
    traceback: TracebackType | None = error.__traceback__
    while traceback is not None:
        template = traceback.tb_frame.f_globals.get("__jinja_template__")
        if template is not None and template.filename:
            found = Path(template.filename), template.get_corresponding_lineno(traceback.tb_lineno)
        traceback = traceback.tb_next
    return found


#: What each kind of error means in a template, most specific first (OutsideFolder is a TemplateNotFound).
_MEANINGS: tuple[tuple[type[BaseException], Callable[[Any], str]], ...] = (
    (OutsideFolder, lambda e: f"“{e.name}”是指向模板文件夹以外的链接，为安全起见没有读取。模板只能引用模板文件夹里的文件。"),
    (Unreadable, lambda e: f"无法读取模板文件“{e.name}”（{e.reason}）。"),
    (TemplateNotFound, lambda e: f"找不到引用的模板文件“{e.name}”。模板只能引用模板文件夹里的文件，不能写绝对路径或“..”。"),
    (TemplateSyntaxError, lambda e: f"这一行的写法不对（技术信息：{e.message}）。"),
    (UndefinedError, lambda e: f"用到了不存在的变量或属性（技术信息：{e.message}）。可用的变量见内置模板开头的说明。"),
    (TooLong, lambda e: f"{e.message}，为安全起见停止了。请检查模板里的循环。"),
    (SecurityError, lambda e: f"做了模板不允许做的事，为安全起见没有执行（技术信息：{e.message}）。模板只能使用 report 的内容。"),
    (NotText, lambda e: f"文件不是可以读取的文本。{e.message}"),
    (ZeroDivisionError, lambda e: "这里除以了零。"),
    (RecursionError, lambda e: "宏在无限地调用自己（或者模板在无限地引用自己）。"),
    (MemoryError, lambda e: "生成的内容太多，内存不够。"),
    (TypeError, lambda e: f"运算或调用的类型不对，例如把文字和数字相加（技术信息：{e}）。"),
)


def _what(error: BaseException) -> str:
    for kind, meaning in _MEANINGS:
        if isinstance(error, kind):
            return meaning(error)
    return f"运行时出错（技术信息：{type(error).__name__}: {error}）。"
