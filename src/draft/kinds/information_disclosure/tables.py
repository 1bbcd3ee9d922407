"""The three tables of the 政府信息公开工作年度报告 exactly as 国办公开办函〔2021〕30号 prints them.

Every label is the format's, every span the format's (``shared/spec/zwgk-annual-report.md`` §3);
each figure cell names the form field it prints. Widths are twips and fill the GB/T 9704 type
area (156 mm = 8844 twips): the first column of table 三 holds one 六号 character a line, so its
tall label reads top to bottom as the format prints it.
"""

from __future__ import annotations

from draft.kinds.information_disclosure.figures import APPEAL_GROUPS, APPLICANTS, OUTCOMES, RESULTS, TOTAL_COLUMN
from draft.model.table import LayoutCell, Scope, TableLayout

#: The type area's width, twips (GB/T 9704: 156 mm).
TYPE_AREA = 8844

COL, COLGROUP, ROW, ROWGROUP = Scope.COL, Scope.COLGROUP, Scope.ROW, Scope.ROWGROUP
CORNER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def _block(item: str, heading: str, rows: list[tuple[str, ...]]) -> list[tuple[LayoutCell, ...]]:
    """One block of table 二: 第二十条第（x）项, its header, then a row per kind of information."""
    columns = ["本年制发件数", "本年废止件数", "现行有效件数"] if heading == "" else [heading]
    span = 3 // len(columns)
    out = [
        (LayoutCell(f"第二十条第（{item}）项", cols=4, scope=COLGROUP),),
        (LayoutCell("信息内容", scope=COL), *(LayoutCell(text, cols=span, scope=COL) for text in columns)),
    ]
    for label, *figures in rows:
        field = ("proactive", figures[0]) if len(figures) == 1 else None
        cells = [LayoutCell(figure=field, cols=3)] if field else [LayoutCell(figure=("proactive", figures[0], key)) for key in figures[1:]]
        out.append((LayoutCell(label, scope=ROW), *cells))
    return out


_ISSUED = ("issued", "repealed", "in_force")

PROACTIVE = TableLayout(
    caption="主动公开政府信息情况",
    widths=(2211,) * 4,
    rows=tuple(
        _block("一", "", [("规章", "regulations", *_ISSUED), ("行政规范性文件", "normative_documents", *_ISSUED)])
        + _block("五", "本年处理决定数量", [("行政许可", "licensing")])
        + _block("六", "本年处理决定数量", [("行政处罚", "penalties"), ("行政强制", "enforcement")])
        + _block("八", "本年收费金额（单位：万元）", [("行政事业性收费", "fees")])
    ),
)


def _figures(row: tuple[str, ...]) -> tuple[LayoutCell, ...]:
    """The seven figures of one row of table 三: each applicant type, then 总计."""
    return tuple(LayoutCell(figure=("applications", column) + row) for column, _ in (*APPLICANTS, TOTAL_COLUMN))


def _application_rows() -> list[tuple[LayoutCell, ...]]:
    new, carried_in, *results, total, carried_out = OUTCOMES
    rows: list[tuple[LayoutCell, ...]] = [
        (LayoutCell(CORNER_NOTE, rows=3, cols=3), LayoutCell("申请人情况", cols=7, scope=COLGROUP)),
        (
            LayoutCell(APPLICANTS[0][1], rows=2, scope=COL),
            LayoutCell("法人或其他组织", cols=5, scope=COLGROUP),
            LayoutCell(TOTAL_COLUMN[1], rows=2, scope=COL),
        ),
        tuple(LayoutCell(label, scope=COL) for _, label in APPLICANTS[1:]),
        (LayoutCell(new.label, cols=3, scope=ROW), *_figures((new.key,))),
        (LayoutCell(carried_in.label, cols=3, scope=ROW), *_figures((carried_in.key,))),
    ]
    body = 1 + sum(len(result.fields) or 1 for result in results)  # （一）–（六）'s rows and （七）
    first = [LayoutCell("三、本年度办理结果", rows=body, scope=ROWGROUP)]
    for result in results:
        if not result.fields:
            rows.append((*first, LayoutCell(result.label, cols=2, scope=ROW), *_figures((result.key,))))
        else:
            for index, sub in enumerate(result.fields):
                group = [LayoutCell(result.label, rows=len(result.fields), scope=ROWGROUP)] if index == 0 else []
                rows.append((*first, *group, LayoutCell(sub.label, scope=ROW), *_figures((result.key, sub.key))))
                first = []
        first = []
    rows.append((LayoutCell(total.label, cols=2, scope=ROW), *_figures((total.key,))))
    rows.append((LayoutCell(carried_out.label, cols=3, scope=ROW), *_figures((carried_out.key,))))
    return rows


#: Table 三: a narrow group column, the （一）…（七） column, the sub-rows, and seven figure columns.
_APPLICATION_WIDTHS = (360, 1200, 2804) + (640,) * 7

APPLICATIONS = TableLayout(
    caption="收到和处理政府信息公开申请情况",
    widths=_APPLICATION_WIDTHS,
    rows=tuple(_application_rows()),
    header_rows=3,
    note=CORNER_NOTE,
    dense=True,
)

_APPEAL_WIDTHS = (590,) * 14 + (TYPE_AREA - 590 * 14,)

APPEALS = TableLayout(
    caption="政府信息公开行政复议、行政诉讼情况",
    widths=_APPEAL_WIDTHS,
    rows=(
        (LayoutCell("行政复议", cols=5, scope=COLGROUP), LayoutCell("行政诉讼", cols=10, scope=COLGROUP)),
        (
            *(LayoutCell(result.label, rows=2, scope=COL) for result in RESULTS),
            LayoutCell("未经复议直接起诉", cols=5, scope=COLGROUP),
            LayoutCell("复议后起诉", cols=5, scope=COLGROUP),
        ),
        tuple(LayoutCell(result.label, scope=COL) for _ in range(2) for result in RESULTS),
        tuple(LayoutCell(figure=("appeals", group, result.key)) for group, _ in APPEAL_GROUPS for result in RESULTS),
    ),
    header_rows=3,
    dense=True,
)

TABLES = {"proactive": PROACTIVE, "applications": APPLICATIONS, "appeals": APPEALS}
