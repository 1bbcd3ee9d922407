"""The 法治政府建设年度报告 (《法治政府建设与责任落实督察工作规定》): prose parts in the form's order, no tables.

The parts stand in the order of the starter form (templates/report/form.yaml); a form may put them
in any order, and the report prints them in the form's.
"""

from __future__ import annotations

from draft.kinds.kind import HeadingWords, Kind, PartSpec, Tense

#: The regulation that makes the report a duty, and lists what it reports.
REGULATION = "《法治政府建设与责任落实督察工作规定》（中共中央办公厅、国务院办公厅2019年印发）"

KIND = Kind(
    id="law-based-government",
    name="法治政府建设年度报告",
    folder="report",  # the folder every unit's own template was copied from before there were kinds
    parts=(
        PartSpec(
            "measures",
            "主要举措和成效",
            required=True,
            placeholder="（原文没有这一部分，请填写本年度推进法治政府建设的主要举措和成效）",
            heading_words=HeadingWords(
                strong="举措|成效|完成情况|主要做法|工作情况|开展情况|推进情况|落实情况|基本情况|主要工作",
                weak="措施|做法|成绩|成果|进展|亮点|取得|情况",
            ),
            tense=Tense.PAST,
        ),
        PartSpec(
            "shortcomings",
            "存在的不足和原因",
            required=True,
            heading_words=HeadingWords(strong="不足|问题|差距|短板", weak="薄弱|困难|欠缺|不够|原因"),
            tense=Tense.PAST,
        ),
        PartSpec(
            "responsibility",
            "党政主要负责人履行推进法治建设第一责任人职责情况",
            heading_words=HeadingWords(first="第一责任人|主要负责人(?:履行|履职)|党政主要负责人|履行推进法治建设"),
            tense=Tense.PAST,
            # Many units report it inside the measures, as both example reports do: so only a warning.
            expected_by=REGULATION,
        ),
        PartSpec(
            "plans",
            "下一年度的主要安排",
            required=True,
            placeholder="（原文没有这一部分，请填写下一年度推进法治政府建设的主要安排）",
            heading_words=HeadingWords(
                strong="下一步|安排|计划|打算|思路|展望|明年|下一年|下年度|今后", weak="重点|目标|任务"
            ),
            tense=Tense.COMING,
        ),
        PartSpec(
            "others",
            "其他需要报告的情况",
            heading_words=HeadingWords(first="^其[他它]", strong="其[他它]"),
            catch_all=True,
        ),
    ),
)
