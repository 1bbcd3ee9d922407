"""A YAML syntax error as the rules that explain it see it, and as they explain it.

:class:`ErrorReport` holds what PyYAML or libyaml said, with 1-based positions and
the form's text around the error; :class:`SyntaxIssue` is the explanation a rule
gives: where to look (1-based) and what to do.
"""

from __future__ import annotations

from typing import NamedTuple

import yaml

from draft.form.source_text import SourceText


class SyntaxIssue(NamedTuple):
    """A syntax error, explained: where (1-based) and what to do."""

    line: int
    column: int
    message: str


class ErrorReport(NamedTuple):
    """What the parser said, with 1-based positions and the text to look at."""

    problem: str
    context: str
    line: int
    column: int
    context_line: int
    context_column: int
    source: SourceText

    @classmethod
    def of(cls, error: yaml.YAMLError, source: SourceText) -> ErrorReport:
        problem_mark = getattr(error, "problem_mark", None)
        context_mark = getattr(error, "context_mark", None) or problem_mark
        problem_mark = problem_mark or context_mark
        line, column = _one_based(problem_mark)
        context_line, context_column = _one_based(context_mark)
        return cls(
            problem=getattr(error, "problem", None) or str(error),
            context=getattr(error, "context", None) or "",
            line=line,
            column=column,
            context_line=context_line,
            context_column=context_column,
            source=source,
        )

    @property
    def text_line(self) -> str:
        return self.source.line(self.line)

    @property
    def before(self) -> str:
        """The part of the error's line in front of the error."""
        return self.text_line[: max(self.column - 1, 0)]

    @property
    def char(self) -> str:
        """The character the parser stopped at; empty at a line end."""
        return self.text_line[self.column - 1 : self.column] if self.column else ""

    def issue(self, message: str) -> SyntaxIssue:
        return SyntaxIssue(self.line, self.column, message)

    def context_issue(self, message: str) -> SyntaxIssue:
        """An issue placed where the unfinished construct began (an opening quote or bracket)."""
        return SyntaxIssue(self.context_line, self.context_column, message)


def _one_based(mark: yaml.Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
