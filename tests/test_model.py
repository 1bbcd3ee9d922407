"""The report model: resolved once, and read alike by the build, the check and the import.

The layout rules live in :mod:`draft.model.resolve` alone. Changing a default there
changes what ``draft build`` prints, what ``draft check`` measures and what
``draft import`` writes into the form — together, with nothing else edited.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import docx
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from conftest import MINIMAL, body_texts
from draft.build import build_form
from draft.check import check_form
from draft.form.read import read_form
from draft.imports import import_report
from draft.model import resolve
from draft.model.numbering import MarkerStyle
from draft.model.report import Layout, Node, Part, PointPlacement, Report, Text, TitlePlacement

#: An item of the （一） level with a paragraph: its title stands on its own line by default.
ITEM_TITLE = "规范行政执法"
FORM = MINIMAL.replace(
    "measures:\n  text: 我局坚持依法行政。\n",
    f"measures:\n  items:\n    - title: {ITEM_TITLE}\n      text: {'全面推行行政执法三项制度。' * 46}\n",
)


def _item(document: docx.document.Document) -> list[str]:
    body = body_texts(document)
    start = next(i for i, text in enumerate(body) if ITEM_TITLE in text)
    return body[start : start + 2]


@pytest.mark.parametrize("own_line_levels", [2, 1])
def test_a_layout_default_changed_in_resolve_alone_changes_build_check_and_import_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_line_levels: int
) -> None:
    monkeypatch.setattr(resolve, "OWN_LINE_LEVELS", own_line_levels)
    runs_in = own_line_levels < 2
    form = tmp_path / "form.yaml"
    form.write_text(FORM, encoding="utf-8")

    # The build: the （一） title on its own line, or run into its paragraph.
    built = docx.Document(str(build_form(form, tmp_path / "out").output))
    heading, paragraph = _item(built)
    if runs_in:
        assert heading.startswith(f"（一）{ITEM_TITLE}。全面推行")
    else:
        assert (heading, paragraph[:6]) == (f"（一）{ITEM_TITLE}", "全面推行行政")

    # The check: a run-in title prints as part of its paragraph, and makes it too long (598 + 7 > 600).
    overlong = [f for f in check_form(form).findings if f.code == "overlong-paragraph"]
    assert [f.message.split("，")[0] for f in overlong] == (["这一段印出来有 605 字"] if runs_in else [])

    # The import: a report whose （一） titles stand alone needs a layout saying so only where that is not the default.
    source = tmp_path / "source.txt"
    source.write_text(
        "示例区司法局2023年法治政府建设年度报告\n一、2023年推进法治政府建设的主要举措和成效\n（一）规范行政执法\n"
        "全面推行行政执法三项制度。\n二、2023年推进法治政府建设存在的不足和原因\n学习还不够深入。\n"
        "三、2024年推进法治政府建设的主要安排\n加强执法人员培训。\n",
        encoding="utf-8",
    )
    result = import_report(source, now=datetime.datetime(2024, 3, 1))
    layout = yaml.safe_load(result.form_text).get("layout", {})
    assert layout == ({"title": "own-line"} if runs_in else {})
    assert not [note for note in result.notes if "不同" in str(note) or "多出" in str(note)]
    assert [line for line in result.summary if line.startswith("  排版：")] == [
        "  排版：标题单独成行" if runs_in else "  排版：按公文常规（（一）级标题单独成行，1. 级标题与正文同段，要点连成一段）"
    ]


@pytest.mark.parametrize("default", list(PointPlacement))
def test_the_default_placement_of_points_is_decided_in_resolve_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, default: PointPlacement
) -> None:
    monkeypatch.setattr(resolve, "DEFAULT_POINTS", default)
    form = tmp_path / "form.yaml"
    form.write_text(MINIMAL.replace("  text: 我局坚持依法行政。", "  points:\n    - 加强学习\n    - 规范执法"), encoding="utf-8")
    body = body_texts(docx.Document(str(build_form(form, tmp_path / "out").output)))
    inline = default is PointPlacement.INLINE
    assert ("一是加强学习；二是规范执法。" in body) is inline
    assert ("一是加强学习。" in body and "二是规范执法。" in body) is not inline

    # Last year's report had them in one paragraph: the form says so only where that is not the default.
    source = tmp_path / "source.txt"
    source.write_text(
        "一、2023年推进法治政府建设的主要举措和成效\n一是加强学习；二是规范执法。\n"
        "二、2023年推进法治政府建设存在的不足和原因\n学习还不够深入。\n三、2024年推进法治政府建设的主要安排\n加强执法人员培训。\n",
        encoding="utf-8",
    )
    result = import_report(source, now=datetime.datetime(2024, 3, 1))
    assert yaml.safe_load(result.form_text).get("layout", {}) == ({} if inline else {"points": "inline"})


def _node(path: tuple[str | int, ...], items: list[Node] = (), **layout: object) -> Node:  # type: ignore[assignment]
    return Node(path, None, [Text.plain("正文。")], [], list(items), Layout(**layout))  # type: ignore[arg-type]


def test_resolve_numbers_on_across_items_with_continue_numbering() -> None:
    leaves = [[_node(("m", "items", i, "items", j)) for j in range(count)] for i, count in enumerate((3, 2))]
    part = _node(("measures",), [_node(("m", "items", i), leaves[i]) for i in range(2)], continue_numbering=True)
    resolved = resolve.resolve(Report(Text.plain("局"), 2023, [Part("measures", part)]))
    first, second = resolved.parts[0].node.items
    assert [item.marker for item in first.items + second.items] == ["1.", "2.", "3.", "4.", "5."]
    assert (first.marker, first.title_placement, first.items[0].title_placement) == (
        "（一）",
        TitlePlacement.OWN_LINE,
        TitlePlacement.RUN_IN,
    )


def test_resolve_refuses_a_fifth_level() -> None:
    deep = _node(("m",), [_node(("m", "items", 0), [_node(("x",))])], numbering=MarkerStyle.ARABIC_PAREN)
    with pytest.raises(resolve.TooDeep) as refused:
        resolve.resolve(Report(Text.plain("局"), 2023, [Part("measures", deep)]))
    assert refused.value.paths == [("m", "items", 0, "items")]


@given(st.text(alphabet="ab,.，。()（）“”\"'中 ", max_size=30))
def test_every_printed_character_leads_back_to_the_character_typed(raw: str) -> None:
    from draft.text.punctuation import apply_changes, changes_found

    changes = changes_found(raw)
    text = Text(apply_changes(raw, changes), raw, changes)
    for i, char in enumerate(text.printed):
        typed = raw[text.raw_index(i)]
        assert typed == char or any(index == text.raw_index(i) for index, _, _ in changes)


def test_a_form_read_keeps_where_each_text_was_typed(write_form) -> None:  # type: ignore[no-untyped-def]
    path = write_form(MINIMAL.replace("  text: 我局坚持依法行政。", "  text: |\n    我局坚持\n    依法行政。\n\n    第二段。"))
    report, positions, _ = read_form(path)
    first, second = report.parts[0].node.paragraphs
    assert (first.printed, second.printed) == ("我局坚持依法行政。", "第二段。")
    assert positions.in_text(first.origin, [first.origin.paragraph.value_index(4)]) == [(6, 5)]  # 依, on the second line
    assert positions.in_text(second.origin, [second.origin.paragraph.value_index(0)])[0].line == 8
