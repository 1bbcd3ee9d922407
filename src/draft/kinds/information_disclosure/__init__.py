"""The 政府信息公开工作年度报告 (条例第四十九、五十条; format 国办公开办函〔2021〕30号).

Six parts in the format's order: 一、总体情况, 五、存在的主要问题及改进情况 and 六、其他需要报告的事项
are written as text (the same nodes as every report's parts); 二、三、四 are tables of figures
(:mod:`.figures` names them and their arithmetic, :mod:`.tables` lays them out).
"""

from __future__ import annotations

from draft.kinds.information_disclosure import figures, tables
from draft.kinds.kind import Kind, PartSpec

KIND = Kind(
    id="information-disclosure",
    name="政府信息公开工作年度报告",
    aliases=("政府信息公开年度报告",),
    folder="information-disclosure",
    title_words="政府信息公开",
    parts=(
        PartSpec("overview", "总体情况", required=True),
        PartSpec("proactive", "主动公开政府信息情况", required=True, table="proactive"),
        PartSpec("applications", "收到和处理政府信息公开申请情况", required=True, table="applications"),
        PartSpec("appeals", "政府信息公开行政复议、行政诉讼情况", required=True, table="appeals"),
        PartSpec("problems", "存在的主要问题及改进情况", required=True),
        PartSpec("others", "其他需要报告的事项", required=True, prescribed=True),  # 信息处理费: 没有收取的也要写明
    ),
    fixed_order=True,
    figure_groups=figures.GROUPS,
    arithmetic=figures.arithmetic(),
    tables=tables.TABLES,
)
