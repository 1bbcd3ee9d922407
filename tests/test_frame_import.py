"""``draft import`` recognises the frame of last year's 公文 (mark, number, signers, 抄送, 印发) and fills the fields."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml

from conftest import ATTACHMENTS, FRAME_FIELDS, MINIMAL, dedent
from draft.build import build_form, imprint_page
from draft.form.write import note_line
from draft.imports import import_report

NOW = datetime.datetime(2025, 3, 1, 9, 30)

LAST_YEAR = """\
青山县市场监督管理局文件

青市监[2024]03号    签发人：张三  李四

青山县市场监督管理局2024年法治政府建设年度报告

县委全面依法治县委员会办公室：
2024年，我局坚持依法行政。现将有关情况报告如下：
一、主要举措和成效
我局全面推进依法行政。
二、存在的不足和原因
学习还不够深入。
三、2025年工作安排
继续加强学习。
特此报告。

附件：2024年行政执法情况统计表

青山县市场监督管理局
2025年1月15日

抄送：县委办公室，县政府办公室。
青山县市场监督管理局办公室        2025年1月20日印发
"""


def form_of(source: Path) -> tuple[dict, list[str]]:
    result = import_report(source, now=NOW)
    return yaml.safe_load(result.form_text), [note_line(note) for note in result.notes]


def test_the_frame_of_a_text_report_fills_the_fields(tmp_path: Path) -> None:
    source = tmp_path / "last.txt"
    source.write_text(LAST_YEAR, encoding="utf-8")
    data, warnings = form_of(source)
    assert data["issuer_mark"] == "青山县市场监督管理局文件"
    assert data["doc_number"] == "青市监〔2024〕3号"  # written right, and said so
    assert any("发文字号写法已改正为“青市监〔2024〕3号”" in w for w in warnings)
    assert data["signers"] == ["张三", "李四"]
    assert data["cc"] == ["县委办公室", "县政府办公室"]
    assert (data["printed_by"], data["printed_date"]) == ("青山县市场监督管理局办公室", datetime.date(2025, 1, 20))
    assert any("附件说明没有导入" in w for w in warnings)
    assert not any("重建后的报告与原文不同" in w for w in warnings)




def test_a_framed_report_draft_built_comes_back_with_its_frame(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The 版头's number and signers and the 版记 are tables in the .docx; they are read as the frame's lines."""
    monkeypatch.setattr(imprint_page, "page_counts", lambda documents: [2, 2])
    form = tmp_path / "framed.yaml"
    form.write_text(dedent(MINIMAL + FRAME_FIELDS + ATTACHMENTS), encoding="utf-8")
    built = build_form(form, tmp_path / "out").output
    data, warnings = form_of(built)
    assert (data["issuer_mark"], data["doc_number"]) == ("青山县市场监督管理局文件", "青市监〔2024〕3号")
    assert data["signers"] == ["张三", "李四", "王五"]
    assert data["cc"] == ["县委办公室", "县政府办公室"]
    assert (data["printed_by"], data["printed_date"]) == ("青山县市场监督管理局办公室", datetime.date(2024, 1, 20))
    assert data["measures"] == {"text": "我局坚持依法行政。"} and data["closing"] is True
    assert not any("表格" in w or "重建后的报告与原文不同" in w for w in warnings)


def test_a_joint_mark_in_a_text_report_is_read_as_the_form_writes_it(tmp_path: Path) -> None:
    source = tmp_path / "last.txt"
    source.write_text(LAST_YEAR.replace("青山县市场监督管理局文件\n", "青山县市场监督管理局\n青山县司法局  文件\n", 1), encoding="utf-8")
    data, _ = form_of(source)
    assert data["issuer_mark"] == ["青山县市场监督管理局", "青山县司法局文件"]
    assert data["doc_number"] == "青市监〔2024〕3号" and data["signers"] == ["张三", "李四"]


def test_a_joint_mark_draft_built_comes_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The mark's table (the names in one cell, 文件 in the next) is read a paragraph a line."""
    monkeypatch.setattr(imprint_page, "page_counts", lambda documents: [2, 2])
    joint = "issuer_mark: [青山县市场监督管理局, 青山县司法局, 青山县人力资源和社会保障局文件]\n"
    form = tmp_path / "joint.yaml"
    form.write_text(dedent(MINIMAL + FRAME_FIELDS.replace("issuer_mark: 青山县市场监督管理局文件\n", joint)), encoding="utf-8")
    data, warnings = form_of(build_form(form, tmp_path / "out").output)
    assert data["issuer_mark"] == ["青山县市场监督管理局", "青山县司法局", "青山县人力资源和社会保障局文件"]
    assert data["doc_number"] == "青市监〔2024〕3号" and data["signers"] == ["张三", "李四", "王五"]
    assert not any("表格" in w or "重建后的报告与原文不同" in w for w in warnings)
