"""Every command answers in time that grows with its input, not with its square, and lists the
first of many alike problems with a count of the rest (see bench/limits.py for the figures)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import MINIMAL, run_cli

MORE = "请先改正上面列出的这些，再运行 draft {command} 查看其余的。"


def _timed(*args: str, cwd: Path) -> tuple[list[str], list[str], float]:
    started = time.perf_counter()
    result = run_cli(*args, cwd=cwd)
    return result.stdout.splitlines(), result.stderr.splitlines(), time.perf_counter() - started


def test_20000_unknown_fields_are_listed_as_100_and_a_count(tmp_path: Path) -> None:
    # cerberus sorted all its errors again for each one it added: 2,000 took 4 s, 24,000 over 300 s.
    (tmp_path / "form.yaml").write_text(MINIMAL + "".join(f"extra{i}: x\n" for i in range(20_000)), encoding="utf-8")
    _, lines, seconds = _timed("validate", "form.yaml", cwd=tmp_path)
    assert len(lines) == 101
    assert lines[0].startswith("form.yaml:9:1 extra0:不认识的字段“extra0”。")
    assert lines[99].startswith("form.yaml:108:1 extra99:不认识的字段“extra99”。")
    assert lines[100] == "form.yaml:108:1:还有 19,900 个不认识的字段没有逐个列出。" + MORE.format(command="validate")
    assert seconds < 5


def test_20000_wrong_items_are_listed_as_100_and_a_count(tmp_path: Path) -> None:
    items = "  items:\n" + "".join(f"    - {i}\n" for i in range(20_000))
    (tmp_path / "form.yaml").write_text(MINIMAL.replace("  text: 我局坚持依法行政。\n", items), encoding="utf-8")
    _, lines, seconds = _timed("validate", "form.yaml", cwd=tmp_path)
    assert len(lines) == 101
    assert lines[0].startswith("form.yaml:5:7 主要举措和成效 › 第1条:条目 应在下面分行写出下级字段")
    assert lines[100] == "form.yaml:104:7:还有 19,900 个写法不对的内容没有逐个列出。" + MORE.format(command="validate")
    assert seconds < 5


def test_a_text_with_20000_years_is_checked_in_linear_time(tmp_path: Path) -> None:
    # check/years searched the text before each year again: 8,000 years took 17 s.
    text = "".join(f"{2024 + i % 7}年，我局开展了工作。" for i in range(20_000))
    (tmp_path / "form.yaml").write_text(MINIMAL.replace("我局坚持依法行政。", text), encoding="utf-8")
    out, _, seconds = _timed("check", "form.yaml", cwd=tmp_path)
    mismatches = [line for line in out if "本报告是 2023 年度的报告" in line or "与上一条同样的问题" in line]
    assert len(mismatches) == 101
    assert mismatches[100] == (
        "form.yaml:4:1395:[提示] 还有 19,900 处与上一条同样的问题没有逐个列出。" + MORE.format(command="check")
    )
    assert seconds < 5


# --- import writes only forms draft accepts ------------------------------------------------------


def test_a_report_too_long_for_a_form_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    # A form may hold 1 MB; a 2 MB report once became a 57 MB form after 142 s, which draft then refused.
    part = "".join(f"（{i % 9 + 1}）这是第{i}段，我局坚持依法行政，推进法治政府建设，取得了明显成效。\n" for i in range(12_000))
    (tmp_path / "report.txt").write_text(f"某局2023年法治政府建设年度报告\n一、主要举措\n{part}", encoding="utf-8")
    out, err, seconds = _timed("import", "report.txt", "-o", "form.yaml", cwd=tmp_path)
    assert err == [
        "report.txt:报告的文字太多（约 1.2 MB），写成表单会超过表单的上限 1 MB，draft 无法用它生成报告，所以没有导入。"
        "一年的报告正文通常只有几万字（不到 0.3 MB）：请确认导入的是一年的报告正文，或者把它分成几份分别导入。"
    ]
    assert not (tmp_path / "form.yaml").exists()
    assert seconds < 5


def test_an_xml_part_too_big_to_parse_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import zipfile

    from draft.importer import files

    monkeypatch.setattr(files, "MAX_XML_PART_BYTES", 1024 * 1024)  # 20 MB in use: a smaller file shows the same
    with zipfile.ZipFile(tmp_path / "report.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", os.urandom(600 * 1024).hex())  # compresses only 2:1
    out, err, seconds = _timed("import", "report.docx", cwd=tmp_path)
    assert err[0].startswith("report.docx:文件解压后会达到 1 MB，远超正常的 Word 文档")


def test_a_word_report_s_styles_are_looked_up_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # python-docx looks the default style up among all styles of the document: done for each
    # paragraph and run, a long report took minutes.
    import docx
    from docx.oxml.styles import CT_Styles

    document = docx.Document()
    document.add_paragraph("某局2023年法治政府建设年度报告")
    for part in "一二三":
        document.add_paragraph(f"{part}、第{part}部分")
        for i in range(30):
            paragraph = document.add_paragraph(f"（{i % 9 + 1}）")
            paragraph.add_run("加粗的标题。").bold = True
            paragraph.add_run(f"这是第{i}段，我局坚持依法行政，推进法治政府建设，取得了明显成效。")
    document.save(str(tmp_path / "report.docx"))
    lookups = []
    default_for = CT_Styles.default_for
    monkeypatch.setattr(CT_Styles, "default_for", lambda self, kind: lookups.append(kind) or default_for(self, kind))
    out, err, seconds = _timed("import", "report.docx", "-o", "form.yaml", cwd=tmp_path)
    assert "已写入表单：form.yaml" in out
    assert len(lookups) <= 2  # once for paragraphs, once for runs; not for each of 100 paragraphs
