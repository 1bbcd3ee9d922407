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
        PartSpec(
            "overview", "总体情况", required=True,
            description="综述贯彻落实《条例》的情况，原则上不超过一千字。\n"
            "通常按主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面写，每个方面一个条目（自动编为（一）（二）……）。\n"
            "条目的写法与法治政府建设年度报告相同：title 标题，text 正文，points 要点（一是、二是……）。",
        ),
        PartSpec(
            "proactive", "主动公开政府信息情况", required=True, table="proactive",
            description="件数、决定数量包括已公开和依法未公开的全部处理决定，截至报告年度的 12 月 31 日。\n"
            "行政事业性收费的单位是“万元”，可以有小数，照写即可（例如 96171.6）。",
        ),
        PartSpec(
            "applications", "收到和处理政府信息公开申请情况", required=True, table="applications",
            description="按申请人的类别分别填写：natural_persons 自然人；法人或其他组织分为 businesses 商业企业、\n"
            "research_institutions 科研机构、public_interest_organizations 社会公益组织、\n"
            "legal_service_providers 法律服务机构、other_organizations 其他。\n"
            "没有申请的类别可以整个不写（全部算作 0）。“总计”一列和（七）总计一行由程序计算。\n"
            "每一类都要符合：一（本年新收）+ 二（上年结转）=（七）总计 + 四（结转下年度继续办理）。\n"
            "部分公开的申请只计入（二），不再计入其他情形；每件申请按最终处理结果只计一次。",
        ),
        PartSpec(
            "appeals", "政府信息公开行政复议、行政诉讼情况", required=True, table="appeals",
            description="review 行政复议；direct_suit 未经复议直接起诉的行政诉讼；suit_after_review 复议后起诉的行政诉讼。\n"
            "复议机关作为共同被告的案件，只计原行为机关的数量。各“总计”由程序计算。",
        ),
        PartSpec(
            "problems", "存在的主要问题及改进情况", required=True, description="问题要具体，改进举措要有实效，不要与往年雷同。"
        ),
        PartSpec(
            "others", "其他需要报告的事项", required=True, description="收取信息处理费的情况在这里报告（没有收取的也要写明）。",
            prescribed=True,  # 本年度未收取政府信息公开信息处理费。
        ),
    ),
    fixed_order=True,
    figure_groups=figures.GROUPS,
    arithmetic=figures.arithmetic(),
    tables=tables.TABLES,
)
