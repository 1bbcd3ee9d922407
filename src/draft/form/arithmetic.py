"""The arithmetic of a form's figures as validation problems: at the figure's line, the rule named, the fix said.

The rules and the sums are the kind's (:class:`~draft.model.figures.Arithmetic`, computed by
:func:`~draft.model.figures.compute`); this module only says them where the user typed.
"""

from __future__ import annotations

from draft.form.load import LoadedForm, format_field
from draft.kinds import Kind
from draft.model.figures import compute
from draft.problems import Problem


def arithmetic_problems(loaded: LoadedForm, kind: Kind) -> list[Problem]:
    """Every total typed that disagrees with its sum, and every balance the figures break."""
    assert kind.arithmetic is not None
    _, found = compute(kind.arithmetic, loaded.data)
    fields = {field.path: field for field in kind.arithmetic.fields}
    problems = []
    for disagreement in found:
        path = disagreement.path
        field = fields.get(path)
        place = field.place if field else _group_place(kind, path)
        mark = loaded.mark(path) if field else loaded.key_mark(path)
        problems.append(
            Problem(
                file=loaded.display,
                line=mark.line,
                column=mark.column,
                field=format_field(path),
                place=place,
                message=disagreement.message,
            )
        )
    return problems


def _group_place(kind: Kind, path: tuple[str | int, ...]) -> str:
    """The place of a group of figures (a column of table 三 written without the figure the rule points at)."""
    assert kind.arithmetic is not None
    below = next(field for field in kind.arithmetic.fields if field.path[: len(path)] == path)
    return below.place.rsplit(" › ", len(below.path) - len(path))[0]
