"""The frame's fields in a form (版头, 版记, 附件): read into the model, and every slip told at its line with the fix."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import MINIMAL, filled_in
from draft.form.read import read_form
from draft.problems import FormError
from draft.text.doc_number import MAX_SERIAL_DIGITS, read_doc_number

TODAY = datetime.date(2026, 11, 23)

FRAME = """\
issuer_mark: 青山县市场监督管理局文件
doc_number: 青市监〔2026〕3号
signers: [张三, 李四]
cc:
  - 县委办公室
  - 县政府办公室
printed_by: 青山县市场监督管理局办公室
printed_date: 2026-01-20
attachments:
  - title: 行政执法情况统计表
    items:
      - title: 执法检查
        text: 全年开展执法检查100次。
"""


def problems_of(path) -> list[str]:
    with pytest.raises(FormError) as caught:
        read_form(path, today=TODAY)
    return [str(p) for p in caught.value.problems]


def test_the_frame_is_read_with_its_texts_origins(write_form) -> None:
    report = read_form(write_form(MINIMAL + FRAME), today=TODAY).report
    frame = report.frame
    assert [t.printed for t in frame.issuers] == ["青山县市场监督管理局文件"]
    assert frame.doc_number.printed == "青市监〔2026〕3号"
    assert [t.printed for t in frame.signers] == ["张三", "李四"]
    assert [t.path for t in frame.signers] == [("signers", 0), ("signers", 1)]
    assert [t.printed for t in frame.cc] == ["县委办公室", "县政府办公室"]
    assert frame.printed_by.printed == "青山县市场监督管理局办公室"
    assert frame.printed_date == datetime.date(2026, 1, 20)
    assert frame.double_sided and frame.has_head and frame.has_imprint
    # An attachment is a node like a part: resolved, its items numbered as parts are.
    (attachment,) = frame.attachments
    assert attachment.title.printed == "行政执法情况统计表"
    assert [item.marker for item in attachment.items] == ["一、"]
    assert attachment in list(report.nodes())
    assert frame.doc_number in list(report.texts())


def test_a_form_without_frame_fields_has_an_empty_frame(write_form) -> None:
    frame = read_form(write_form(MINIMAL), today=TODAY).report.frame
    assert not frame.has_head and not frame.has_imprint and frame.attachments == ()


def test_one_name_may_stand_for_the_list(write_form) -> None:
    frame = read_form(write_form(MINIMAL + "signers: 张三\ncc: 县委办公室\ndouble_sided: false\n"), today=TODAY).report.frame
    assert [t.printed for t in frame.signers] == ["张三"] and [t.path for t in frame.cc] == [("cc",)]
    assert not frame.double_sided


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("青市监[2026]03号", "年份要用六角括号“〔〕”括入（不是 [ ]、【】 或（））；序号不编虚位（写 3，不写 03）。请改为：青市监〔2026〕3号"),
        ("青市监〔26〕3号", "年份要写全 4 位。请改为：青市监〔2026〕3号"),
        ("青市监〔2026〕第3号", "序号前不加“第”字。请改为：青市监〔2026〕3号"),
        ("青市监（2026）3", "年份要用六角括号“〔〕”括入（不是 [ ]、【】 或（））；序号后要加“号”字。请改为：青市监〔2026〕3号"),
        ("青市监〔２０２６〕３号", "数字用半角。请改为：青市监〔2026〕3号"),
    ],
)
def test_a_doc_number_written_wrong_is_told_at_its_line_with_the_number_written_right(write_form, typed: str, message: str) -> None:
    path = write_form(MINIMAL + f"doc_number: {typed}\n")
    assert problems_of(path) == [f"{path}:9:13 发文字号:doc_number（发文字号） 写法不对：“{typed}”。{message}"]


def test_a_doc_number_that_is_no_number_is_told_how_one_is_written(write_form) -> None:
    path = write_form(MINIMAL + "doc_number: 青市监三号\n")
    assert problems_of(path) == [
        f"{path}:9:13 发文字号:doc_number（发文字号） 写法不对：“青市监三号”。"
        "发文字号由机关代字、年份和序号组成，年份用六角括号“〔〕”括入，例如 青市监〔2026〕3号。"
    ]


def test_a_doc_number_of_thousands_of_digits_is_no_number(write_form) -> None:
    typed = "青市监〔2026〕" + "1" * 5000 + "号"
    path = write_form(MINIMAL + f"doc_number: {typed}\n")
    assert problems_of(path) == [
        f"{path}:9:13 发文字号:doc_number（发文字号） 写法不对：“青市监〔2026〕{'1' * 11}……”。"
        "发文字号由机关代字、年份和序号组成，年份用六角括号“〔〕”括入，例如 青市监〔2026〕3号。"
    ]


@settings(max_examples=200)
@given(st.from_regex(r"[0０]{0,3}[1-9１-９][0-9０-９]{0,40}", fullmatch=True) | st.integers(4000, 6000).map(lambda n: "7" * n))
def test_a_serial_of_any_length_is_read_without_converting_it(serial: str) -> None:
    read = read_doc_number(f"青市监〔2026〕{serial}号")
    ascii_serial = serial.translate(str.maketrans("０１２３４５６７８９", "0123456789")).lstrip("0")
    if len(ascii_serial) > MAX_SERIAL_DIGITS:
        assert read is None
    else:
        assert read is not None and read.right == f"青市监〔2026〕{ascii_serial}号"


def test_an_attachment_needs_a_title_and_is_named_as_such(write_form) -> None:
    path = write_form(MINIMAL + "attachments:\n  - text: 统计表见后。\n")
    assert problems_of(path) == [
        f"{path}:10:5 附件1 › 标题:缺少必填项 title（附件标题）。请添加一行，例如：title: 行政执法情况统计表"
    ]


def test_names_given_as_a_mapping_are_told_to_be_a_name_or_a_list(write_form) -> None:
    path = write_form(MINIMAL + "signers:\n  name: 张三\n")
    assert problems_of(path) == [
        f"{path}:10:3 签发人:signers（签发人） 应写一个名称，或写成列表：每项单独一行，以“- ”开头。"
    ]


def test_the_printed_date_is_a_date(write_form) -> None:
    path = write_form(MINIMAL + "printed_date: 1月20日\n")
    assert problems_of(path) == [
        f"{path}:9:15 印发日期:printed_date（印发日期） 写法不对：“1月20日”。请写成 2024-01-15 或 2024年1月15日 这样的日期。"
    ]


def test_a_right_doc_number_has_no_slips() -> None:
    assert read_doc_number("梅市委〔2023〕4号").slips == ()
    assert read_doc_number("新田委文〔2026〕3号").right == "新田委文〔2026〕3号"


def test_a_doc_number_without_a_signer_is_pointed_out(write_form) -> None:
    from draft.check import check_form

    path = write_form(MINIMAL + "doc_number: 青市监〔2026〕3号\n")
    (finding,) = [f for f in check_form(path).findings if f.code == "missing-signer"]
    assert (finding.line, finding.column, finding.field) == (9, 1, "doc_number")
    assert "上行文应当标注签发人姓名" in finding.message and "signers:" in finding.fix
    path = write_form(MINIMAL + "doc_number: 青市监〔2026〕3号\nsigners: 张三\n")
    assert not [f for f in check_form(path).findings if f.code == "missing-signer"]


def test_the_frame_fields_of_the_init_form_validate_once_uncommented(write_form) -> None:
    import re

    from draft.form.starter import init_form_text

    text = filled_in(init_form_text(TODAY))
    keys = "issuer_mark|doc_number|signers|attachments|cc|printed_by|printed_date|double_sided"
    uncommented = re.sub(rf"^# ((?:{keys}):.*|  (?:- title|  text):.*)$", r"\1", text, flags=re.M)
    frame = read_form(write_form(uncommented), today=TODAY).report.frame
    assert frame.doc_number.printed == "示例司〔2027〕3号" and frame.has_head and frame.has_imprint
    assert [node.title.printed for node in frame.attachments] == ["2026年行政执法情况统计表"]
    assert not frame.double_sided


@pytest.mark.parametrize(
    ("names", "document_word"),
    [
        (["青山县市场监督管理局", "青山县司法局文件"], True),  # “文件” said once, at the end of the last name
        (["青山县市场监督管理局文件", "青山县司法局文件"], True),  # or of every name
        (["青山县市场监督管理局", "青山县司法局"], False),
    ],
)
def test_a_joint_mark_says_文件_once_at_the_end(names: list[str], document_word: bool) -> None:
    from draft.text.joint_mark import joint_mark, misplaced_word

    assert joint_mark(names) == (("青山县市场监督管理局", "青山县司法局"), document_word)
    assert not misplaced_word(names)


@pytest.mark.parametrize("names", ["[青山县市场监督管理局文件, 青山县司法局]", "[青山县市场监督管理局, 青山县司法局, 文件]"])
def test_文件_written_elsewhere_in_a_joint_mark_is_told_where_it_goes(write_form, names: str) -> None:
    path = write_form(MINIMAL + f"issuer_mark: {names}\n")
    assert problems_of(path) == [
        f"{path}:9:14 发文机关标志:issuer_mark（发文机关标志） 里“文件”二字的位置不对。联合行文时“文件”只印一次，"
        "排在几个机关名称的右侧：只在最后一个机关名称后面写“文件”，例如 [青山县市场监督管理局, 青山县司法局文件]；"
        "不要“文件”二字时，每个名称后面都不写。"
    ]
