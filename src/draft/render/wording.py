"""The wording that does not come from the form, read from a template folder's ``wording.j2``.

Templates only ever receive the report as *data*: user text is passed in as a
variable and never compiled, so ``{{ unit }}`` typed in a form stays literal.
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

from draft import kinds
from draft.form.starter import FORM_FILE
from draft.kinds import DEFAULT
from draft.model.report import Report, Text
from draft.problems import CannotProceed, Problem, display_path

if TYPE_CHECKING:
    import jinja2.nodes  # imported when a template is compiled: draft init and draft template need none

WORDING_FILE = "wording.j2"


def builtin_template_dir(kind: str = DEFAULT) -> Path:
    """The template folder of ``kind`` shipped with draft (:func:`draft.kinds.template_dir`)."""
    return kinds.template_dir(kinds.by_id(kind))


def copy_builtin_template(target: Path, kind: str = DEFAULT) -> None:
    """Start a unit's own template folder from a copy of the built-in one of ``kind`` (all of it, or nothing)."""
    from draft.files import safe_write

    safe_write.copy_folder(builtin_template_dir(kind), target)


#: A template folder's form names its kind on a line of its own; a folder without one is the default kind's.
_KIND_LINE = re.compile(r"^kind:[ \t]*(\S+)", re.MULTILINE)


def folder_kind(folder: Path) -> str:
    """The kind a template folder is for: the one its ``form.yaml`` names (copied with it by ``draft template``).

    The form is read as forms are (a plain file, at most a form's size, in the encodings forms may have):
    it comes with the folder, and may be a FIFO or a link to a device like anything handed over."""
    from draft.files.safe_read import read_regular
    from draft.form.load import MAX_BYTES
    from draft.text.decode import BadUtf8, NotText, decode

    try:
        text, _encoding = decode(read_regular(folder / FORM_FILE, MAX_BYTES)[:MAX_BYTES])
    except BadUtf8 as error:  # a stray byte elsewhere does not hide the kind line
        text = error.text
    except (OSError, NotText):
        return DEFAULT
    found = _KIND_LINE.search(text)
    kind = kinds.find(found.group(1)) if found else None
    return kind.id if kind else DEFAULT


@cache
def builtin_wording(kind: str) -> Wording:
    return Wording(builtin_template_dir(kind))


#: The macros draft calls, with the parameters it calls them with.
MACROS = {
    "title": ("report",),
    "heading": ("kind", "report"),
    "closing": ("report",),
    "signature": ("report",),
    "date": ("report",),
}


class Wording:
    """The macros of one template folder's ``wording.j2``, called with the report.

    The template runs in :mod:`draft.render.sandbox`; any mistake in it, found when it is read
    or when a macro runs, is a CannotProceed at the template's file and line.
    """

    def __init__(self, template_dir: Path | None = None) -> None:
        self.dir = template_dir or builtin_template_dir()
        self.kind = folder_kind(self.dir)
        self.file = self.dir / WORDING_FILE
        if not self.file.is_file():
            raise CannotProceed(
                Problem(
                    file=display_path(self.dir),
                    message=f"模板文件夹里没有 {WORDING_FILE}。请用 draft template 文件夹名 复制一份内置模板再修改。",
                )
            )
        from draft.render.sandbox import Sandbox
        from draft.render.template_cache import template_cache

        self.env = Sandbox(self.dir, bytecode_cache=template_cache())
        # The report the budget is spent on: none yet, so the first form's macros share the compile's budget.
        self._budget_report: Report | None = None
        self._timed_out: CannotProceed | None = None  # what running out of time for a form was told, told again for the next
        try:
            with self.env.budget.running():
                self.macros = self.env.get_template(WORDING_FILE).module
        except Exception as error:  # noqa: BLE001 - whatever the template does wrong is its own mistake
            from draft.render.template_errors import template_error

            raise template_error(error, self.file) from None
        for name, parameters in MACROS.items():
            self._check_macro(name, parameters)

    def _check_macro(self, name: str, parameters: tuple[str, ...]) -> None:
        """A missing macro, a macro replaced by something else, or one taking too few parameters stops here, before any report."""
        import jinja2

        macro = getattr(self.macros, name, None)
        signature = f"{{% macro {name}({', '.join(parameters)}) %}}……{{% endmacro %}}"
        if macro is None:
            message = f"模板里缺少宏 {name}，应写成 {signature}。"
        elif not isinstance(macro, jinja2.runtime.Macro):
            message = f"模板里的 {name} 应是一个宏（{signature}），现在却是{_kind(macro)}。"
        elif len(macro.arguments) < len(parameters) and not macro.catch_varargs:
            message = f"模板里的宏 {name} 应接收 {len(parameters)} 个参数：{signature}。"
        else:
            return
        from draft.render.template_errors import problem_at

        raise problem_at(self.file, self._defined_at(name), message)

    def _defined_at(self, name: str) -> int:
        """The line of wording.j2 where ``name`` is last defined at the top level (0 if nowhere)."""
        from jinja2 import nodes

        source, _, _ = self.env.loader.get_source(self.env, WORDING_FILE)  # type: ignore[union-attr]
        line = 0
        for node in self.env.parse(source).body:
            if isinstance(node, nodes.Macro):
                found: list[nodes.Node] = [node] if node.name == name else []
            else:
                stored = node.find_all((nodes.Name, nodes.FromImport, nodes.Import))
                found = [n for n in stored if name in _names_bound(n)]
            if found:
                line = found[-1].lineno
        return line

    def _call(self, macro: str, report: Report, *args: Any) -> str:
        """``macro`` called with ``args`` for ``report``: all macros called for one report share one budget."""
        from draft.form.load import FORBIDDEN
        from draft.render.template_budget import Budget

        if self._timed_out is not None:
            raise self._timed_out
        if report is not self._budget_report:
            if self._budget_report is not None:
                self.env.budget = Budget()
            self._budget_report = report
        try:
            with self.env.budget.running():
                text = str(getattr(self.macros, macro)(*args)).strip()
        except Exception as error:  # noqa: BLE001 - a mistake in the template, told at its line
            from draft.render.template_budget import TooLong
            from draft.render.template_errors import template_error

            problem = template_error(error, self.file)
            if isinstance(error, TooLong):  # it would for the next form of a batch too: each would wait as long
                self._timed_out = problem
            raise problem from None
        forbidden = FORBIDDEN.search(text)
        if forbidden:
            self._refuse(
                macro,
                f"模板的宏 {macro} 写出的文字里有看不见的控制字符 U+{ord(forbidden.group()):04X}，Word 文档无法保存它。"
                "请在模板里找到并删掉它（可能是 \\x0b 这样的写法，或复制粘贴带进来的）。",
            )
        reordering = _bidi_controls_of_its_own(text, args[-1])
        if reordering:
            from draft.text.invisible import describe

            self._refuse(
                macro,
                f"模板的宏 {macro} 写出的文字里有{describe(reordering)}，它会让后面的文字倒过来或换了顺序显示，"
                "看到的和实际写的不一样。请在模板里找到并删掉它（可能是 \\u202e 这样的写法，或复制粘贴带进来的）。",
            )
        return text

    def _refuse(self, macro: str, message: str) -> NoReturn:
        from draft.render.template_errors import problem_at

        raise problem_at(self.file, self._defined_at(macro), message)

    def for_kind(self, kind: str) -> Wording:
        """This wording for a report of ``kind``; for another kind, that kind's built-in wording
        (a unit's template speaks of the parts of the kind it was copied from)."""
        return self if kind == self.kind else builtin_wording(kind)

    def title(self, report: Report) -> str:
        title = self._call("title", report, _for_templates(report))
        if not title:
            self._refuse("title", "模板的宏 title 没有写出任何文字，报告就没有标题了。请在宏 title 里写出标题（或者在表单里写 title）。")
        return title

    def heading(self, kind: str, report: Report) -> str:
        return self._call("heading", report, kind, _for_templates(report))

    def closing(self, report: Report) -> str:
        return self._call("closing", report, _for_templates(report))

    def signature(self, report: Report) -> str:
        return self._call("signature", report, _for_templates(report))

    def date(self, report: Report) -> str:
        return self._call("date", report, _for_templates(report))


class PartForTemplates(NamedTuple):
    """A part as a template sees it: which part, and its title as the form wrote it (None: the template's)."""

    kind: str
    title: str | None


class ReportForTemplates(NamedTuple):
    """What a template sees as ``report``: the form's fields as plain text, the year, the date and the parts.

    Plain strings and numbers only, so that a unit's template can use string filters on them
    (``report.unit|replace(…)``) as it did when the report was handed over as it was read.
    """

    unit: str
    year: int
    title: str | None
    recipient: str | None
    intro: tuple[str, ...]
    parts: tuple[PartForTemplates, ...]
    closing: str | bool
    signature: str | None
    date: datetime.date | None


def _for_templates(report: Report) -> ReportForTemplates:
    def plain(text: Text | None) -> str | None:
        return text.printed if text else None

    return ReportForTemplates(
        unit=report.unit.printed,
        year=report.year,
        title=plain(report.title),
        recipient=plain(report.recipient),
        intro=tuple(text.printed for text in report.intro),
        parts=tuple(PartForTemplates(part.kind, plain(part.node.title)) for part in report.parts),
        closing=report.closing.printed if isinstance(report.closing, Text) else report.closing,
        signature=plain(report.signature),
        date=report.date,
    )


def _names_bound(node: jinja2.nodes.Node) -> set[str]:
    """The names a node defines: a ``set`` target, an ``import … as`` name, ``from … import`` names."""
    from jinja2 import nodes

    if isinstance(node, nodes.Name):
        return {node.name} if node.ctx == "store" else set()
    if isinstance(node, nodes.Import):
        return {node.target}
    return {alias if isinstance(alias, str) else alias[-1] for alias in node.names}  # type: ignore[attr-defined]


def _bidi_controls_of_its_own(text: str, report: ReportForTemplates) -> str:
    """A bidirectional control (U+202E…) in ``text`` that no text of the form has: the template's own
    (one the form has is the form's to answer for: ``draft check`` points at it there)."""
    from draft.text.invisible import BIDI_CONTROLS

    found = set(BIDI_CONTROLS.findall(text))
    if found:
        fields = [report.unit, report.title, report.recipient, *report.intro, report.closing, report.signature]
        fields += [part.title for part in report.parts]
        found -= set(BIDI_CONTROLS.findall("".join(field for field in fields if isinstance(field, str))))
    return min(found, default="")


def _kind(value: object) -> str:
    return {str: "一段文字", int: "一个数字", float: "一个数字", bool: "是/否"}.get(type(value), "其他内容")
