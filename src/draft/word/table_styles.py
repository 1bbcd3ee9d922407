"""The styles of a report's tables: how every table looks lives here, as named Word styles.

One table style (borders as the format prints them, cell margins, centred on the page, cells
centred vertically) and a paragraph style per size for the text in the cells: 小五 (9 pt) for a
table of few columns, 六号 (7.5 pt) for one of many (:attr:`draft.model.table.Table.dense`), as
the tables of published reports are set. Labels are 宋体, figures Times New Roman. The cell
paragraphs are off the document grid, or each line of a cell would take a body line's height.
"""

from __future__ import annotations

from draft.word.xmltext import quoteattr

TABLE = "ReportTable"
TEXT = "TableText"  # 小五
DENSE_TEXT = "TableTextDense"  # 六号
TEXT_SIZE = 18  # half-points: 小五 = 9 pt
DENSE_SIZE = 15  # 六号 = 7.5 pt
CELL_MARGIN = 57  # twips left and right of a cell's text: 1 mm
BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'  # ½ pt, as printed
_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")
#: 宋体 for the labels; figures in Times New Roman, as in the body.
_FONTS = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="宋体" w:hint="eastAsia"/>'


def text_style(dense: bool) -> str:
    return DENSE_TEXT if dense else TEXT


def _paragraph_style(style_id: str, name: str, size: int) -> str:
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}"><w:name w:val={quoteattr(name)}/>'
        '<w:qFormat/><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        '<w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr>'
        f'<w:rPr>{_FONTS}<w:b w:val="0"/><w:bCs w:val="0"/><w:color w:val="000000"/><w:spacing w:val="0"/>'
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>'
    )


def styles() -> str:
    """The table style and the two cell paragraph styles, as ``w:style`` elements."""
    borders = "".join(BORDER.format(side=side) for side in _SIDES)
    table = (
        f'<w:style w:type="table" w:customStyle="1" w:styleId="{TABLE}"><w:name w:val="报告表格"/><w:uiPriority w:val="59"/>'
        f'<w:tblPr><w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders>'
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        '<w:tcPr><w:vAlign w:val="center"/></w:tcPr></w:style>'
    )
    return table + _paragraph_style(TEXT, "表格文字", TEXT_SIZE) + _paragraph_style(DENSE_TEXT, "表格文字（六号）", DENSE_SIZE)
