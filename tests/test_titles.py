"""Long titles break at phrase boundaries, never inside a word or number."""

from __future__ import annotations

import time

import pytest

from draft.render.titles import break_title, width


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        ("示例区司法局2024年法治政府建设年度报告", ["示例区司法局2024年法治政府建设年度报告"]),
        ("深圳市罗湖区人力资源局2022年法治政府建设年度报告", ["深圳市罗湖区人力资源局", "2022年法治政府建设年度报告"]),
        (
            "常州市钟楼区人力资源和社会保障局关于2023年度法治政府建设情况的报告",
            ["常州市钟楼区人力资源和社会保障局关于", "2023年度法治政府建设情况的报告"],
        ),
    ],
)
def test_break_title(title: str, lines: list[str]) -> None:
    assert break_title(title) == lines


@pytest.mark.parametrize(
    "title",
    [
        "某某省某某市某某区某某街道办事处综合行政执法队2023年度法治政府建设工作情况报告",
        "中共某某市委全面依法治市委员会办公室关于2024年度法治政府建设与责任落实情况的报告",
    ],
)
def test_no_line_breaks_a_number_or_ends_with_a_particle(title: str) -> None:
    lines = break_title(title)
    assert "".join(lines) == title
    assert len(lines) >= 2
    for line in lines:
        assert width(line) <= 20
        assert line[-1] not in "的之和与及等"
    for left, right in zip(lines, lines[1:], strict=False):
        assert not (left[-1].isdigit() and right[0].isdigit())
        assert not (left.endswith("法治") and right.startswith("政府"))


def test_a_title_no_one_would_write_is_left_to_word_to_wrap() -> None:
    # Weighing every break of a 20,000-character title took minutes; the limit keeps a build from hanging.
    started = time.thread_time()  # processor time: what else the machine runs does not count
    assert break_title("关于" + "法治政府建设" * 3_400) == ["关于" + "法治政府建设" * 3_400]
    assert time.thread_time() - started < 2
    assert len(break_title("青山县司法局关于" + "法治政府建设" * 10 + "的报告")) == 5  # still broken by rule
