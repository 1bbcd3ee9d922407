"""Random valid figures build into tables that read back identical; any single figure changed breaks a rule that says so."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from draft.build import build_form
from draft.form.load import load_bytes
from draft.form.read import read_loaded
from draft.kinds import all_kinds
from draft.kinds.figures_yaml import figures_yaml
from draft.kinds.groups import Group, relative_paths
from draft.kinds.information_disclosure.figures import APPEAL_GROUPS, APPLICANTS, OUTCOMES
from draft.problems import FormError
from zwgk_tables import read_tables

KIND = all_kinds()["information-disclosure"]
ROWS = relative_paths(Group("", "", OUTCOMES))  # the 25 rows of table 三, in print order
RESULTS = ROWS[2:-2]  # （一）to（六）with their sub-rows
PROSE = "kind: information-disclosure\nunit: 示例区人民政府办公室\nyear: 2024\n" + "".join(
    f"{key}:\n  text: 示例。\n" for key in ("overview", "problems", "others")
)
RULES = ("第一项加第二项之和，等于第三项加第四项之和", "（七）总计等于（一）至（六）各项之和", "总计等于结果维持、结果纠正、其他结果、尚未审结之和")


@st.composite
def column(draw: st.DrawFn) -> dict[tuple[str, ...], int]:
    """One applicant type's figures that balance: 一 + 二 = （七） + 四."""
    values = {row: draw(st.integers(0, 60)) for row in RESULTS}
    total = sum(values.values())
    carried_out = draw(st.integers(0, 20))
    carried_in = draw(st.integers(0, total + carried_out))
    return {**values, ("total",): total, ("carried_out",): carried_out, ("carried_in",): carried_in,
            ("new",): total + carried_out - carried_in}


@st.composite
def figures(draw: st.DrawFn) -> dict[tuple[str, ...], int | Decimal]:
    found: dict[tuple[str, ...], int | Decimal] = {}
    for key, _ in APPLICANTS:
        found.update({("applications", key, *row): value for row, value in draw(column()).items()})
    for group, _ in APPEAL_GROUPS:
        results = [draw(st.integers(0, 500)) for _ in range(4)]
        for name, value in zip(("upheld", "corrected", "other", "pending", "total"), (*results, sum(results)), strict=True):
            found[("appeals", group, name)] = value
    for path in (("regulations", "issued"), ("regulations", "repealed"), ("regulations", "in_force"), ("normative_documents", "issued"),
                 ("normative_documents", "repealed"), ("normative_documents", "in_force"), ("licensing",), ("penalties",),
                 ("enforcement",)):
        found[("proactive", *path)] = draw(st.integers(0, 9_999_999))
    found[("proactive", "fees")] = draw(st.decimals(0, 999_999, places=draw(st.integers(0, 6)), allow_nan=False))
    return found


def form_text(values: dict[tuple[str, ...], int | Decimal]) -> str:
    """The form with every figure, the totals of each applicant type and each appeal group typed as well."""
    lines = []
    for group in KIND.figure_groups:
        for line in figures_yaml(group, values):
            if line.strip().startswith("# total: （七）") or line.strip().startswith("# total: 总计") and "    " in line:
                indent = line[: len(line) - len(line.lstrip())]
                lines.append(f"{indent}total: {{{len(lines)}}}")
            else:
                lines.append(line)
    return PROSE + "\n".join(lines) + "\n"


def typed(values: dict[tuple[str, ...], int | Decimal]) -> str:
    """The form text with the typed totals filled in, in the order they stand."""
    text = form_text(values)
    totals = [path for path in values if path[-1] == "total" and path[1] != "total"]
    lines = text.splitlines()
    placeholders = [i for i, line in enumerate(lines) if line.strip().startswith("total: {")]
    for index, path in zip(placeholders, totals, strict=True):
        lines[index] = lines[index].split("{")[0] + f"{values[path]}  # 总计"
    return "\n".join(lines) + "\n"


def read(text: str):  # type: ignore[no-untyped-def]
    return read_loaded(load_bytes(text.encode("utf-8"), Path("form.yaml")))


@settings(max_examples=12)
@given(figures())
def test_random_valid_figures_build_into_tables_that_read_back_identical(values) -> None:
    report = read(typed(values)).report
    with tempfile.TemporaryDirectory() as folder:
        form = Path(folder) / "form.yaml"
        form.write_text(typed(values), encoding="utf-8")
        proactive, applications, appeals = read_tables(build_form(form, Path(folder)).output)
    columns = [key for key, _ in APPLICANTS] + ["total"]
    for r, row in enumerate(ROWS):
        printed = [applications.text(3 + r, 3 + c) for c in range(7)]
        assert printed == [str(report.figures[("applications", key, *row)].value) for key in columns]
        for c, key in enumerate(columns[:-1]):
            assert printed[c] == str(values[("applications", key, *row)])
        assert int(printed[6]) == sum(values[("applications", key, *row)] for key in columns[:-1])
    assert [appeals.text(3, c) for c in range(15)] == [
        str(values[("appeals", group, name)]) for group, _ in APPEAL_GROUPS for name in ("upheld", "corrected", "other", "pending", "total")
    ]
    assert proactive.text(13, 1) == str(values[("proactive", "fees")])
    assert proactive.text(3, 3) == str(values[("proactive", "normative_documents", "in_force")])


@settings(max_examples=25)
@given(figures(), st.data())
def test_any_single_figure_changed_breaks_a_rule_told_at_a_figure_of_that_rule(values, data) -> None:
    checked = sorted(path for path in values if path[0] != "proactive")
    path = data.draw(st.sampled_from(checked))
    changed = {**values, path: values[path] + data.draw(st.sampled_from([-1, 1, 7]))}
    if changed[path] < 0:
        changed[path] = values[path] + 1
    text = typed(changed)
    try:
        read(text)
    except FormError as error:
        problems = error.problems
    else:
        raise AssertionError(f"{path} changed and nothing was told")
    lines = text.splitlines()
    for problem in problems:
        assert any(f"“{rule}”" in problem.message for rule in RULES), problem.message
        field = problem.field.split(".")
        # Told at a figure of the changed figure's applicant type or appeal group.
        assert field[:2] == list(path[:2]), (problem.field, path)
        assert lines[problem.line - 1].strip().startswith(field[-1] + ":"), (problem.line, lines[problem.line - 1])
