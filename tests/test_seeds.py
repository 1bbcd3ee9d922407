"""Both real published reports come out of the example forms in inputs/, paragraph for paragraph."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import docx
import pytest

from conftest import EXAMPLES, SEEDS, body_texts
from draft.build import build_form

CASES = [
    ("luohu-2022.yaml", "000_31027cef6ae4fb1c.txt"),
    ("zhonglou-2023.yaml", "001_e1a9875e9273dbc0.txt"),
]


def comparable(text: str) -> str:
    """NFKC, whitespace removed: the seeds' punctuation was flattened to ASCII."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize(("form", "seed"), CASES)
def test_body_equals_the_published_report(form: str, seed: str, tmp_path: Path) -> None:
    built = build_form(EXAMPLES / form, tmp_path)
    # The published text leaves out the 落款 and 成文日期 the example forms add.
    document = docx.Document(str(built.output))
    signed = [p for p in document.paragraphs if p.style.name in ("落款", "成文日期")]
    assert [p.text for p in signed][:1] == [document.core_properties.author]
    body = [comparable(text) for text in body_texts(document)[: -len(signed)]]
    expected = [comparable(line) for line in (SEEDS / seed).read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(body) == len(expected)
    for number, (got, want) in enumerate(zip(body, expected, strict=True), 1):
        assert got == want, f"paragraph {number} differs"


@pytest.mark.parametrize(("form", "seed"), CASES)
def test_output_uses_full_width_punctuation_among_chinese(form: str, seed: str, tmp_path: Path) -> None:
    built = build_form(EXAMPLES / form, tmp_path)
    text = "\n".join(body_texts(docx.Document(str(built.output))))
    assert "年，我局" in text or "年，钟楼区" in text
    assert "," not in text.replace("1,000", "")
    assert ";" not in text and "(" not in text and ")" not in text


def test_the_2022_report_has_the_expected_outline(tmp_path: Path) -> None:
    built = build_form(EXAMPLES / "luohu-2022.yaml", tmp_path)
    document = docx.Document(str(built.output))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == [
        ("Heading 1", "一、2022年法治政府建设的主要措施和成效"),
        ("Heading 2", "（一）全方位部署法治政府建设"),
        ("Heading 2", "（二）多维度提升领导干部依法履职能力"),
    ]
    assert ("Heading 3", "1.推动服务升级") in headings
    assert ("Heading 1", "三、2023年度推进法治政府建设工作安排") in headings
    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[0].text == "深圳市罗湖区人力资源局\n2022年法治政府建设年度报告"


def test_the_2023_report_runs_titles_into_paragraphs(tmp_path: Path) -> None:
    built = build_form(EXAMPLES / "zhonglou-2023.yaml", tmp_path)
    document = docx.Document(str(built.output))
    first_item = next(p for p in document.paragraphs if p.text.startswith("1."))
    assert first_item.style.name == "Normal"
    title_run, body_run = first_item.runs
    assert title_run.text == "1.提升政治站位，加强队伍建设。"
    assert title_run.style.name == "标题 3 字符"
    assert body_run.text.startswith("始终把“法治人社”建设工作")
    assert body_run.style.name == "Default Paragraph Font"
    points = [p.text for p in document.paragraphs if p.text[:3] in ("一是加", "二是持", "三是继")]
    assert len(points) == 3
