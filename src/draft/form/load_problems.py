"""The errors and warnings found while reading one form, gathered so that the user hears them all at once.

Every stage of the loader reports here instead of raising at its first problem: a form written by
hand often has several mistakes, and fixing them one run at a time is slow. A stage that cannot go
on at all says so with :meth:`LoadProblems.stop`.
"""

from __future__ import annotations

from typing import NoReturn

from draft.form.loaded import Mark, format_field
from draft.form.places import Path_, place_name
from draft.problems import Problem, Severity


class Stop(Exception):
    """Reading cannot go on; the problems gathered so far are the answer."""


class LoadProblems:
    """Errors and warnings found so far in one file."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def add(self, problem: Problem) -> None:
        (self.warnings if problem.severity is Severity.WARNING else self.errors).append(problem)

    def error(self, message: str, mark: Mark | None = None, path: Path_ = ()) -> None:
        self.add(self._problem(message, mark, path, Severity.ERROR))

    def warn(self, message: str, mark: Mark | None = None, path: Path_ = ()) -> None:
        self.add(self._problem(message, mark, path, Severity.WARNING))

    def stop(self, message: str, mark: Mark | None = None, path: Path_ = ()) -> NoReturn:
        self.error(message, mark, path)
        raise Stop

    def all(self) -> list[Problem]:
        """Errors in the order of the file, then warnings."""
        return sorted(self.errors, key=lambda problem: (problem.line, problem.column)) + self.warnings

    def _problem(self, message: str, mark: Mark | None, path: Path_, severity: Severity) -> Problem:
        line, column = (mark.line, mark.column) if mark else (0, 0)
        return Problem(self.display, message, line, column, format_field(path), severity, place_name(path))
