"""The figures of three published 政府信息公开工作年度报告, transcribed from shared/spec/zwgk-annual-report.md §6.

The truth the tests hold draft's tables to: A 淮安市人民政府 2024, B 平潭综合实验区 2024, C 平潭综合实验区 2022.
Each table is given as its figure rows in print order, each row as the cells it prints.
"""

from __future__ import annotations

from typing import NamedTuple

#: The rows of table 三 in print order, by the keys of spec §3.2.
APPLICATION_ROWS = (
    "new carried_in r1 r2 r3_1 r3_2 r3_3 r3_4 r3_5 r3_6 r3_7 r3_8 r4_1 r4_2 r4_3 r5_1 r5_2 r5_3 r5_4 r5_5 r6_1 r6_2 r6_3 r7 carry_out"
).split()


class Source(NamedTuple):
    name: str  # the fixture's file name
    unit: str
    year: int
    proactive: tuple[tuple[str, ...], ...]  # table 二's figure rows: 规章, 规范性文件, 许可, 处罚, 强制, 收费
    applications: dict[str, tuple[int, ...]]  # table 三: row key → the seven figures
    appeals: tuple[int, ...]  # table 四: the fifteen figures
    fee_text: str


def _rows(text: str) -> dict[str, tuple[int, ...]]:
    zeros = (0,) * 7
    rows = {}
    for key, cells in zip(APPLICATION_ROWS, text.split(), strict=True):
        rows[key] = zeros if cells == "0s" else tuple(int(cell) for cell in cells.split(","))
    return rows


HUAIAN_2024 = Source(
    "huaian-2024",
    "淮安市人民政府",
    2024,
    (("1", "0", "11"), ("8", "26", "66"), ("447228",), ("3985758",), ("88283",), ("96171.6",)),
    _rows(
        "3001,53,0,0,61,4,3119 34,0,0,0,0,0,34 1288,21,0,0,50,3,1362 447,7,0,0,0,0,454 2,0,0,0,0,0,2 30,1,0,0,0,0,31 "
        "5,0,0,0,0,0,5 6,0,0,0,0,0,6 7,1,0,0,0,0,8 12,0,0,0,0,0,12 9,0,0,0,0,0,9 105,0,0,0,0,0,105 746,12,0,0,10,1,769 "
        "11,0,0,0,0,0,11 1,0,0,0,0,0,1 56,6,0,0,0,0,62 25,0,0,0,0,0,25 0s 0s 1,0,0,0,0,0,1 67,3,0,0,1,0,71 6,0,0,0,0,0,6 "
        "108,2,0,0,0,0,110 2932,53,0,0,61,4,3050 103,0,0,0,0,0,103"
    ),
    (72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20),
    "全年收取政府信息公开信息处理费 3940 元。",
)

PINGTAN_2024 = Source(
    "pingtan-2024",
    "平潭综合实验区",
    2024,
    (("0", "0", "0"), ("62", "33", "440"), ("4529",), ("1100",), ("65",), ("18651.06",)),
    _rows(
        "217,1,0,0,0,0,218 0s 71,0,0,0,0,0,71 29,0,0,0,0,0,29 4,0,0,0,0,0,4 0s 0s 3,0,0,0,0,0,3 32,0,0,0,0,0,32 0s 0s 0s "
        "75,0,0,0,0,0,75 0s 0s 0s 1,0,0,0,0,0,1 0s 0s 0s 1,0,0,0,0,0,1 0s 1,1,0,0,0,0,2 217,1,0,0,0,0,218 0s"
    ),
    (2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19),
    "无收取信息处理费情况。",
)

PINGTAN_2022 = Source(
    "pingtan-2022",
    "平潭综合实验区",
    2022,
    (("0", "0", "0"), ("88", "55", "698"), ("10690",), ("2113",), ("0",), ("9116.36",)),
    _rows(
        "71,3,0,0,0,0,74 1,0,0,0,0,0,1 21,0,0,0,0,0,21 8,1,0,0,0,0,9 0s 0s 0s 0s 1,0,0,0,0,0,1 2,0,0,0,0,0,2 1,0,0,0,0,0,1 0s "
        "37,0,0,0,0,0,37 0s 0s 0s 0s 0s 0s 0s 2,0,0,0,0,0,2 0s 0,2,0,0,0,0,2 72,3,0,0,0,0,75 0s"
    ),
    (0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0),
    "无收取信息处理费情况。",
)

SOURCES = (HUAIAN_2024, PINGTAN_2024, PINGTAN_2022)
