"""draft: 法治政府建设年度报告 from a YAML form to a GB/T 9704 Word document.

The public API, for programs (and tests, and bench/) — everything else is internal and may change::

    import draft

    read = draft.read_form(Path("inputs/2024.yaml"))              # FormError if the form has problems
    built = draft.build_form(Path("inputs/2024.yaml"), Path("output"), draft.BuildOptions(force=True))
    result = draft.check_form(Path("inputs/2024.yaml"))           # result.findings: Problems with a code
    imported = draft.import_report(Path("2023.docx"))              # imported.form_text, imported.problems

Each name is imported when it is first used, so that ``import draft`` (and so the ``draft``
command's start-up) loads none of the pipeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

#: Each public name, and the module it is defined in.
_PUBLIC = {
    "__version__": "draft.version",
    "read_form": "draft.form.read",
    "ReadForm": "draft.form.read",
    "build_form": "draft.build.one",
    "Built": "draft.build.one",
    "BuildOptions": "draft.build.options",
    "check_form": "draft.check",
    "CheckResult": "draft.check",
    "import_report": "draft.imports",
    "ImportResult": "draft.imports",
    "Problem": "draft.problems",
    "Severity": "draft.problems",
    "DraftError": "draft.problems",
    "FormError": "draft.problems",
    "CannotProceed": "draft.problems",
}

__all__ = [*_PUBLIC]

if TYPE_CHECKING:  # what the names are, for type checkers and editors (at run time, see __getattr__)
    from draft.build.one import Built as Built
    from draft.build.one import build_form as build_form
    from draft.build.options import BuildOptions as BuildOptions
    from draft.check import CheckResult as CheckResult
    from draft.check import check_form as check_form
    from draft.form.read import ReadForm as ReadForm
    from draft.form.read import read_form as read_form
    from draft.imports import ImportResult as ImportResult
    from draft.imports import import_report as import_report
    from draft.problems import CannotProceed as CannotProceed
    from draft.problems import DraftError as DraftError
    from draft.problems import FormError as FormError
    from draft.problems import Problem as Problem
    from draft.problems import Severity as Severity
    from draft.version import __version__ as __version__


def __getattr__(name: str) -> Any:
    """A public name, imported on first use (PEP 562) and kept."""
    if name not in _PUBLIC:
        raise AttributeError(f"module 'draft' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(_PUBLIC[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_PUBLIC])
