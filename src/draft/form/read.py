"""Read a form: load the YAML, validate it, and build the typed :class:`~draft.model.report.Report`.

This is the one reader of the pipeline (``YAML → Report``). It collects every
problem before giving up, so a user fixes a form in one pass, not one error per run.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any, NamedTuple

from draft.form.load import LoadedForm, format_field, load_form
from draft.form.places import place_name
from draft.form.schema import PART_LABELS
from draft.form.validate import parse_date, validate_form
from draft.model.numbering import PART_STYLE, STYLE_SPELLINGS, MarkerStyle, child_style
from draft.model.report import FormPath, Layout, Node, Part, PointPlacement, Report, TitlePlacement, part_layout
from draft.problems import FormError, Problem, Severity
from draft.text.punctuation import ChangesMemo, normalize_punctuation

_BLANK_LINE = re.compile(r"\n\s*\n")


class ReadForm(NamedTuple):
    """A form that passed validation, and the warnings met on the way."""

    loaded: LoadedForm
    report: Report
    warnings: list[Problem]
    punctuation: ChangesMemo  # what normalization changed in each text, for draft check to reuse


def read_form(path: Path, *, normalize: bool = True, today: datetime.date | None = None) -> ReadForm:
    """Load, validate and model the form at ``path``; raise FormError listing every problem."""
    return read_loaded(load_form(path), normalize=normalize, today=today)


def read_loaded(loaded: LoadedForm, *, normalize: bool = True, today: datetime.date | None = None) -> ReadForm:
    """Validate and model a form already loaded; raise FormError listing every problem."""
    data, problems = validate_form(loaded, today)
    if problems:
        raise FormError(loaded.warnings + problems)
    if data.get("normalize_punctuation") is False:
        normalize = False
    builder = _Builder(normalize)
    report = builder.report(data)
    depth_problems = _too_deep(report, loaded)
    if depth_problems:
        raise FormError(loaded.warnings + depth_problems)
    return ReadForm(loaded=loaded, report=report, warnings=loaded.warnings, punctuation=builder.punctuation)


def paragraphs(text: str) -> list[str]:
    """Split form text into paragraphs: a blank line starts a new one.

    Lines inside a paragraph are joined without a space, as Chinese needs; a space
    is kept only where two Latin letters or digits would otherwise run together.
    """
    result = []
    for chunk in _BLANK_LINE.split(text.strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        joined = lines[0]
        for line in lines[1:]:
            needs_space = joined[-1].isascii() and joined[-1].isalnum() and line[0].isascii() and line[0].isalnum()
            joined += (" " if needs_space else "") + line
        result.append(joined)
    return result


class _Builder:
    """Validated data → Report. Only sees data the schema accepted."""

    def __init__(self, normalize: bool) -> None:
        self.normalize = normalize
        self.punctuation: ChangesMemo = {}

    def text(self, value: str | int | float) -> str:
        # A one-line field that the user wrapped over several lines is still one line.
        text = "".join(paragraphs(str(value)))
        return normalize_punctuation(text, self.punctuation) if self.normalize else text

    def paragraphs(self, value: str | int | float | None) -> list[str]:
        if value is None or value == "":
            return []
        found = paragraphs(str(value))
        return [normalize_punctuation(p, self.punctuation) for p in found] if self.normalize else found

    def report(self, data: dict[str, Any]) -> Report:
        closing = data.get("closing", False)
        date = data.get("date")
        return Report(
            unit=self.text(data["unit"]),
            year=data["year"],
            parts=[Part(kind, self.node(data[kind], (kind,))) for kind in data if kind in PART_LABELS],
            title=self.text(data["title"]) if data.get("title") is not None else None,
            recipient=self.text(data["recipient"]) if data.get("recipient") else None,
            intro=self.paragraphs(data.get("intro")),
            closing=closing if isinstance(closing, bool) else self.text(closing),
            signature=self.text(data["signature"]) if data.get("signature") else None,
            date=parse_date(date) if date is not None else None,
            layout=self.layout(data.get("layout")),
        )

    def node(self, data: dict[str, Any], path: FormPath) -> Node:
        return Node(
            path=path,
            title=self.text(data["title"]) if data.get("title") is not None else None,
            paragraphs=self.paragraphs(data.get("text")),
            points=[self.text(point) for point in data.get("points") or []],
            items=[self.node(item, path + ("items", i)) for i, item in enumerate(data.get("items") or [])],
            layout=self.layout(data.get("layout")),
        )

    @staticmethod
    def layout(data: dict[str, Any] | None) -> Layout:
        data = data or {}
        return Layout(
            numbering=STYLE_SPELLINGS[data["numbering"]] if "numbering" in data else None,
            title=TitlePlacement(data["title"]) if "title" in data else None,
            points=PointPlacement(data["points"]) if "points" in data else None,
            continue_numbering=bool(data.get("continue_numbering", False)),
        )


def _too_deep(report: Report, loaded: LoadedForm) -> list[Problem]:
    """GB/T 9704 has four heading levels; a form nesting items further cannot be numbered."""
    problems: list[Problem] = []

    def visit(node: Node, own: MarkerStyle, numbering: MarkerStyle | None) -> None:
        if not node.items:
            return
        style = child_style(numbering, own)
        if style is None:
            mark = loaded.key_mark(node.path + ("items",))
            problems.append(
                Problem(
                    file=loaded.display,
                    line=mark.line,
                    column=mark.column,
                    field=format_field(node.path + ("items",)),
                    place=place_name(node.path + ("items",), loaded.data),
                    message="层级太深：公文的标题最多四级（一、（一）1.（1））。"
                    "请把这些条目并入上一级的正文或要点（points），或减少一层。",
                    severity=Severity.ERROR,
                )
            )
            return
        for item in node.items:
            visit(item, style, item.layout.numbering)

    for part in report.parts:
        visit(part.node, PART_STYLE, part_layout(part, report).numbering)
    return problems
