"""The wording that does not come from the form, read from a template folder's ``wording.j2``.

Templates only ever receive the report as *data*: user text is passed in as a
variable and never compiled, so ``{{ unit }}`` typed in a form stays literal.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from draft.model import Report
from draft.problems import Problem, UsageError

if TYPE_CHECKING:
    import jinja2  # imported when a template is compiled: draft init and draft template need none

WORDING_FILE = "wording.j2"
FORM_FILE = "form.yaml"


def builtin_template_dir() -> Path:
    """The template folder shipped with draft (inside the wheel; in a checkout, the repository's ``templates/``)."""
    packaged = Path(str(resources.files("draft"))) / "templates" / "report"
    if packaged.is_dir():
        return packaged
    # An editable install runs from the source tree, where templates/ sits beside src/.
    return Path(__file__).resolve().parents[2] / "templates" / "report"


def copy_builtin_template(target: Path) -> None:
    """Start a unit's own template folder from a copy of the built-in one."""
    if target.exists():
        raise UsageError(Problem(file=str(target), message="这个文件夹已经存在。为免覆盖您的修改，请换一个新的文件夹名。"))
    shutil.copytree(builtin_template_dir(), target)


class Wording:
    """The macros of one template folder's ``wording.j2``, called with the report."""

    def __init__(self, template_dir: Path | None = None) -> None:
        self.dir = template_dir or builtin_template_dir()
        if not (self.dir / WORDING_FILE).is_file():
            raise UsageError(
                Problem(
                    file=str(self.dir),
                    message=f"模板文件夹里没有 {WORDING_FILE}。请用 draft template 文件夹名 复制一份内置模板再修改。",
                )
            )
        import jinja2

        from draft.template_cache import template_cache

        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(self.dir),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            bytecode_cache=template_cache(),
        )
        try:
            self.macros = env.get_template(WORDING_FILE).module
        except jinja2.TemplateSyntaxError as error:
            raise self._template_error(error, error.lineno) from None

    def _template_error(self, error: jinja2.TemplateError, line: int = 0) -> UsageError:
        return UsageError(
            Problem(
                file=str(self.dir / WORDING_FILE),
                line=line,
                message=f"模板有错误：{error.message}。请对照内置模板（draft template 新文件夹名）改正。",
            )
        )

    def _call(self, macro: str, *args: Any) -> str:
        import jinja2

        try:
            return str(getattr(self.macros, macro)(*args)).strip()
        except AttributeError:
            raise self._template_error(jinja2.TemplateError(f"缺少宏 {macro}")) from None
        except jinja2.TemplateError as error:
            raise self._template_error(error) from None

    def title(self, report: Report) -> str:
        return self._call("title", report)

    def heading(self, kind: str, report: Report) -> str:
        return self._call("heading", kind, report)

    def closing(self, report: Report) -> str:
        return self._call("closing", report)

    def signature(self, report: Report) -> str:
        return self._call("signature", report)

    def date(self, report: Report) -> str:
        return self._call("date", report)
