"""Two forms of one batch that are the same report: ``2026.yaml`` and ``2026 - 副本.yaml``.

Windows Explorer names a copy ``x - 副本.yaml``; a user keeps last week's draft beside this
week's. Both build without a word, and the wrong one may be sent. Forms of one unit, one year
and one kind of report are named together in one warning; a unit's two kinds of report for a
year (法治政府建设 and 政府信息公开) are two reports, and are not.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from draft.problems import Problem, Severity, display_path

if TYPE_CHECKING:
    from draft.model.report import Report

#: The code of the warning, for ``draft check --format json``.
CODE = "duplicate-form"


class Identity(NamedTuple):
    """Which report a form is: its unit (as it prints), year and kind (by its Chinese name)."""

    unit: str
    year: int
    kind: str

    def key(self) -> tuple[str, int, str]:
        """The identity as forms are compared: the unit's spaces and its characters' spelling do not count."""
        return "".join(unicodedata.normalize("NFKC", self.unit).split()).casefold(), self.year, self.kind


def identity(report: Report) -> Identity:
    from draft.kinds import find

    kind = find(report.kind)
    return Identity(report.unit.printed, report.year, kind.name if kind is not None else report.kind)


def copies(forms: Iterable[tuple[Path, Identity | None]]) -> list[Problem]:
    """One warning for each set of ``forms`` (each with its identity, None for a form not read) that are one report."""
    groups: defaultdict[tuple[str, int, str], list[tuple[Path, Identity]]] = defaultdict(list)
    for form, same in forms:
        if same is not None:
            groups[same.key()].append((form, same))
    warnings = []
    for group in groups.values():
        if len(group) < 2:
            continue
        (first, same), others = group[0], "、".join(display_path(form) for form, _ in group[1:])
        warnings.append(
            Problem(
                file=display_path(first),
                severity=Severity.WARNING,
                code=CODE,
                message=f"这份表单和 {others} 都是{same.unit}{same.year}年度的{same.kind}（单位和年度相同），"
                f"这次一共有 {len(group)} 份。如果其中有复制出来的副本或旧稿，请只留下要报送的一份，把其余的移到别处或删掉；"
                "确实要分几份写的，可以不理会这条提示。",
            )
        )
    return warnings
