"""Validate a loaded form: cerberus against the schema of its kind, then the checks the schema cannot state.

cerberus finds the problems the schema describes (:class:`FormValidator` adds the few rules
it lacks); :mod:`draft.form.explain` words each in Chinese, :mod:`draft.form.beyond_schema`
finds the rest, and :mod:`draft.form.unfinished` what is not yet the unit's own. Kept apart
so that this module only runs the validation and gathers its problems in source order.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from cerberus import Validator, errors
from cerberus.errors import BaseErrorHandler, ValidationError
from cerberus.schema import DefinitionSchema, SchemaRegistry
from cerberus.validator import TypeDefinition

from draft.form.beyond_schema import closing_problems, date_problems, unknown_kind
from draft.form.kind_schema import kind_schema
from draft.form.load import LoadedForm, WrittenNumber
from draft.form.schema import make_registry
from draft.form.unfinished import unfinished_problems
from draft.kinds import DEFAULT, Kind, by_id, find
from draft.problems import MAX_SAME_PROBLEM, Problem
from draft.text.dates import parse_date


class FormValidator(Validator):
    """cerberus's validator with the few rules a report needs that cerberus lacks.

    cerberus sorts all of a validator's errors again each time it adds one, which is
    quadratic in their number: 20,000 unknown fields took minutes. Each validator (one
    per mapping and list of the form) keeps at most :data:`MAX_SAME_PROBLEM` errors of
    each kind; the others are only counted, in the ``overflow`` shared by all the
    validators of one validation, so that the user is told how many more there are.
    """

    # A year is a whole number written in digits; cerberus's "integer" would also take true/false,
    # and YAML 1.1 reads 0x7E7 or 2_023 as 2023.
    types_mapping = {
        **Validator.types_mapping,
        "year": TypeDefinition("year", (int,), (bool, WrittenNumber)),
        # A figure of a table: a count is a whole number, an amount (万元) any number.
        "count": TypeDefinition("count", (int,), (bool, WrittenNumber)),
        "amount": TypeDefinition("amount", (int, float), (bool, WrittenNumber)),
    }

    def validate(self, document: Any, *args: Any, **kwargs: Any) -> bool:
        self._kept: Counter[int] = Counter()  # errors of each code this validator holds
        if not self.is_child:
            self.overflow.clear()
        return bool(super().validate(document, *args, **kwargs))

    __call__ = validate  # as cerberus's own: child validators are called

    @property
    def overflow(self) -> Counter[int]:
        """Errors of each code not kept, in this validation."""
        return self._config["overflow"]  # type: ignore[no-any-return]

    def _error(self, *args: Any) -> None:
        if len(args) == 1:  # errors being added (a child validator's, or one just made)
            kept = []
            for error in args[0]:
                if self._kept[error.code] < MAX_SAME_PROBLEM:
                    self._kept[error.code] += 1
                    kept.append(error)
                else:
                    self.overflow.update(leaf.code for leaf in _leaves([error]))
            if kept:
                super()._error(kept)
            return
        code = errors.CUSTOM.code if isinstance(args[1], str) else args[1].code
        if self._kept[code] >= MAX_SAME_PROBLEM:  # not even made: a group error's children are in args
            children = [leaf.code for info in args[2:] if isinstance(info, list) for leaf in _leaves(info)]
            self.overflow.update(children or [code])
            return
        super()._error(*args)

    def _check_with_content(self, field: str, value: Any) -> None:
        if isinstance(value, dict) and not any(value.get(key) for key in ("title", "text", "points", "items")):
            self._error(field, "empty_node")

    def _check_with_doc_number(self, field: str, value: Any) -> None:
        from draft.text.doc_number import read_doc_number  # a frame's field: most forms have none

        read = read_doc_number(str(value))
        if read is None or read.slips:
            self._error(field, "bad_doc_number")

    def _check_with_joint_mark(self, field: str, value: Any) -> None:
        from draft.text.joint_mark import misplaced_word  # a frame's field: most forms have none

        if isinstance(value, list) and misplaced_word([str(name).strip() for name in value]):
            self._error(field, "misplaced_document_word")

    def _check_with_report_date(self, field: str, value: Any) -> None:
        if isinstance(value, (str, datetime.date)) and parse_date(value) is None:
            self._error(field, "bad_date")


def _leaves(errors_: Iterable[ValidationError]) -> Iterator[ValidationError]:
    """cerberus's innermost errors only: a group error just says "something below failed"."""
    for error in errors_:
        if error.is_group_error:
            yield from _leaves(error.child_errors)
        else:
            yield error


class _LeafErrors(BaseErrorHandler):
    """Hands out :func:`_leaves`."""

    def __call__(self, errors_: Iterable[ValidationError]) -> list[ValidationError]:
        return list(_leaves(errors_))


def validate_form(loaded: LoadedForm, today: datetime.date | None = None) -> tuple[dict[str, Any], list[Problem]]:
    """Check ``loaded`` against the schema of its kind: the normalized data and every problem, in source order.

    A form whose figures are all well written (:mod:`draft.form.figure_notation`) has its arithmetic checked
    too (:mod:`draft.form.arithmetic`).
    """
    kind = find(loaded.data.get("kind", DEFAULT))
    if kind is None:
        return loaded.data, [unknown_kind(loaded)]
    today = today or datetime.date.today()
    validator, schema, registry = _validator(today, kind.id)
    # Validation only: cerberus's normalizer crashes on a list where a mapping belongs,
    # and the form needs no normalizing (the model builder takes numbers as text).
    validator.validate(loaded.data, normalize=False)
    problems = _explained(loaded, schema, registry, kind, validator, today) if validator.errors else []
    problems.extend(date_problems(loaded, loaded.data))
    problems.extend(closing_problems(loaded, loaded.data))
    problems.extend(unfinished_problems(loaded, loaded.data, kind))
    figures_written = not any(error.document_path and error.document_path[0] in kind.figure_schema for error in validator.errors)
    if kind.arithmetic is not None and figures_written:
        from draft.form.figure_notation import figure_problems

        slips = figure_problems(loaded, kind)
        problems.extend(slips)
        if not slips:
            from draft.form.arithmetic import arithmetic_problems

            problems.extend(arithmetic_problems(loaded, kind))
    problems.sort(key=lambda p: (p.line, p.column))
    return loaded.data, problems


#: How the summary of unlisted problems names them, by cerberus error code.
_KINDS = {errors.UNKNOWN_FIELD.code: "不认识的字段", errors.BAD_TYPE.code: "写法不对的内容"}


def _explained(
    loaded: LoadedForm, schema: dict[str, Any], registry: SchemaRegistry, kind: Kind, validator: FormValidator, today: datetime.date
) -> list[Problem]:
    """The first :data:`MAX_SAME_PROBLEM` errors of each kind explained, then a line saying how many more there are."""
    from draft.form.explain import Explainer  # the wording of cerberus's errors: a form without any never loads it

    explainer = Explainer(loaded, schema, registry, kind, today)
    found: list[ValidationError] = validator.errors
    overflow: Counter[int] = validator.overflow
    listed: Counter[int] = Counter()
    unlisted = Counter(overflow)
    problems: list[Problem] = []
    last: dict[int, Problem] = {}
    for error in sorted(found, key=lambda error: explainer.loaded.mark(tuple(error.document_path))):
        if listed[error.code] == MAX_SAME_PROBLEM:
            unlisted[error.code] += 1
            continue
        listed[error.code] += 1
        problem = last[error.code] = explainer.problem(error)
        problems.append(problem)
    for code, count in unlisted.items():
        after = last.get(code)
        problems.append(
            Problem(
                file=explainer.loaded.display,
                line=after.line if after else 0,
                column=after.column if after else 0,
                message=f"还有 {count:,} 个{_KINDS.get(code, '同样的问题')}没有逐个列出。"
                "请先改正上面列出的这些，再运行 draft validate 查看其余的。",
            )
        )
    return problems


class _SchemaCheckedByTests(DefinitionSchema):  # type: ignore[misc]
    """A schema of draft's own, expanded as cerberus expands every schema but not checked against cerberus's
    rules for schemas again at run time: that check costs more than validating a form, in every process,
    and its answer cannot change between runs. ``tests/test_validate.py`` makes every kind's validator the
    checking way (:func:`checked_validator`), so a schema that breaks cerberus's rules fails there."""

    def __init__(self, validator: Validator, schema: dict[str, Any]) -> None:
        self.validator = validator
        self.schema = self.expand(schema)


@lru_cache(maxsize=4)
def _validator(today: datetime.date, kind: str) -> tuple[FormValidator, dict[str, Any], SchemaRegistry]:
    """The validator of the forms of ``kind`` read ``today`` (the schema bounds the year by it), with its
    schema and registry. Made once per process; a validator is reset by each validate()."""
    schema = kind_schema(by_id(kind), today)
    registry = make_registry()
    validator = FormValidator(schema_registry=registry, error_handler=_LeafErrors, overflow=Counter())
    validator.schema = _SchemaCheckedByTests(validator, schema)
    return validator, schema, registry


def checked_validator(today: datetime.date, kind: str) -> FormValidator:
    """The validator of :func:`_validator`, its schema checked by cerberus against cerberus's rules (SchemaError if broken)."""
    return FormValidator(kind_schema(by_id(kind), today), schema_registry=make_registry(), error_handler=_LeafErrors, overflow=Counter())
