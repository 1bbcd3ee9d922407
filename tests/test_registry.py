"""The kinds registry is a registry: a third kind, registered here and known to no line of the pipeline,
goes through init → validate → check → build → import and back, as the built-in kinds do."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from conftest import REPO, body_texts, filled_in, run_cli
from draft import kinds
from draft.form.read import read_form
from draft.kinds.kind import HeadingWords, Kind, PartSpec, Tense

#: A three-part 年度工作总结, with its starter form and wording in the test fixtures.
WORK_SUMMARY = Kind(
    id="work-summary",
    name="年度工作总结",
    folder="work-summary",
    title_words="工作总结",
    parts=(
        PartSpec("work", "主要工作", required=True, heading_words=HeadingWords(strong="主要工作|工作情况"), tense=Tense.PAST),
        PartSpec("problems", "存在问题", required=True, heading_words=HeadingWords(strong="问题|不足"), tense=Tense.PAST),
        PartSpec("next", "下一步打算", required=True, heading_words=HeadingWords(strong="下一步|打算|计划"), tense=Tense.COMING),
    ),
)
TEMPLATES = REPO / "tests" / "fixtures" / "kinds" / "work-summary"


@pytest.fixture
def work_summary() -> Iterator[Kind]:
    kinds.register(WORK_SUMMARY, TEMPLATES)
    yield WORK_SUMMARY
    kinds.unregister(WORK_SUMMARY.id)


def test_a_kind_registered_at_run_time_is_found_by_every_name(work_summary: Kind) -> None:
    assert kinds.find("年度工作总结") is work_summary
    assert kinds.by_id("work-summary") is work_summary
    assert list(kinds.all_kinds())[-1] == "work-summary"
    assert kinds.template_dir(work_summary) == TEMPLATES


def test_a_registered_kind_goes_round_the_whole_pipeline(work_summary: Kind, tmp_path: Path) -> None:
    form = tmp_path / "summary.yaml"
    assert run_cli("init", "--kind", "年度工作总结", str(form)).exit_code == 0
    assert "kind: work-summary" in form.read_text(encoding="utf-8")
    assert run_cli("validate", str(form)).exit_code == 1  # its example texts, each listed
    form.write_text(filled_in(form.read_text(encoding="utf-8")), encoding="utf-8")
    assert run_cli("validate", str(form)).exit_code == 0

    checked = run_cli("check", str(form))
    assert checked.exit_code == 0, checked.output

    built = run_cli("build", str(form), "-o", str(tmp_path / "out"))
    assert built.exit_code == 0, built.output
    report = tmp_path / "out" / "summary.docx"
    texts = body_texts(docx.Document(str(report)))
    headings = [text for text in texts if text[:2] in ("一、", "二、", "三、")]
    year = read_form(form).report.year
    assert headings == [f"一、{year}年主要工作", "二、存在问题", "三、下一步打算"]

    again = tmp_path / "again.yaml"
    imported = run_cli("import", str(report), "-o", str(again))
    assert imported.exit_code == 0, imported.output
    assert run_cli("validate", str(again)).exit_code == 0
    after = read_form(again).report
    assert after.kind == "work-summary"
    assert [part.kind for part in after.parts] == ["work", "problems", "next"]
    assert [part.node.title for part in after.parts] == [None, None, None]  # the kind's default headings
    rebuilt = run_cli("build", str(again), "-o", str(tmp_path / "again"))
    assert rebuilt.exit_code == 0, rebuilt.output
    assert body_texts(docx.Document(str(tmp_path / "again" / "again.docx"))) == texts


def test_the_check_reads_a_registered_kind_s_tenses(work_summary: Kind, tmp_path: Path) -> None:
    """A year after the report's told as done in a part about the past, and the plans only "continuing"."""
    form = tmp_path / "summary.yaml"
    form.write_text(
        "kind: work-summary\nunit: 示例区档案馆\nyear: 2024\n"
        "work:\n  text: 我馆2025年完成了库房改造。\n"
        "problems:\n  text: 库房面积不足。\n"
        "next:\n  points:\n    - 继续扩建库房\n    - 继续推进数字化\n",
        encoding="utf-8",
    )
    checked = run_cli("check", str(form))
    assert "这里却把 2025 年写成已经做了的事" in checked.output
    assert "请写到 next（下一步打算）里" in checked.output
    assert "下一步打算里，2 条安排都以“继续”开头" in checked.output
