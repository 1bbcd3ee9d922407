"""The figures of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号), their names and their arithmetic.

The form holds them by what they count — by applicant type, then by outcome — with the format's
own labels, never as a grid; the tables (:mod:`.tables`) say where each one prints. The rules:

* 第一项加第二项之和，等于第三项加第四项之和 (the format's corner note, each applicant column):
  一、本年新收 + 二、上年结转 = 三、（七）总计 + 四、结转下年度继续办理;
* （七）总计 = （一）至（六） with all their sub-rows, in each column;
* the 总计 column = the sum of the six applicant columns, in each row;
* 行政复议 and each 行政诉讼 group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结;
* (a warning, with last year's form) 二、上年结转 = last year's 四、结转下年度继续办理.

The 总计 column's own balance follows from the six others' and is not told again.
"""

from __future__ import annotations

from draft.kinds.groups import Group, fields, relative_paths
from draft.model.figures import Arithmetic, Balance, Sum
from draft.model.report import FormPath


def _counts(*pairs: tuple[str, str]) -> tuple[Group, ...]:
    return tuple(Group(key, label) for key, label in pairs)


_ISSUED = _counts(("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数"))

PROACTIVE = Group(
    "proactive",
    "二、主动公开政府信息情况",
    (
        Group("regulations", "规章", _ISSUED),
        Group("normative_documents", "行政规范性文件", _ISSUED, aliases=("规范性文件",)),
        Group("licensing", "行政许可"),
        Group("penalties", "行政处罚"),
        Group("enforcement", "行政强制"),
        Group("fees", "行政事业性收费（万元）", decimal=True, example="0.00"),
    ),
)

#: The outcomes of the applications of one type of applicant: the rows of table 三.
OUTCOMES = (
    Group("new", "一、本年新收政府信息公开申请数量"),
    Group("carried_in", "二、上年结转政府信息公开申请数量"),
    Group("disclosed", "（一）予以公开"),
    Group("partly_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", aliases=("（二）部分公开",)),
    Group(
        "withheld",
        "（三）不予公开",
        _counts(
            ("state_secret", "1.属于国家秘密"),
            ("prohibited", "2.其他法律行政法规禁止公开"),
            ("security", "3.危及“三安全一稳定”"),
            ("third_party", "4.保护第三方合法权益"),
            ("internal_affairs", "5.属于三类内部事务信息"),
            ("process", "6.属于四类过程性信息"),
            ("enforcement_files", "7.属于行政执法案卷"),
            ("inquiry", "8.属于行政查询事项"),
        ),
    ),
    Group(
        "unavailable",
        "（四）无法提供",
        _counts(
            ("not_held", "1.本机关不掌握相关政府信息"),
            ("to_be_made", "2.没有现成信息需要另行制作"),
            ("unclear", "3.补正后申请内容仍不明确"),
        ),
    ),
    Group(
        "not_processed",
        "（五）不予处理",
        _counts(
            ("petition", "1.信访举报投诉类申请"),
            ("repeated", "2.重复申请"),
            ("publication", "3.要求提供公开出版物"),
            ("excessive", "4.无正当理由大量反复申请"),
            ("confirmation", "5.要求行政机关确认或重新出具已获取信息"),
        ),
    ),
    Group(
        "other",
        "（六）其他处理",
        _counts(
            ("not_corrected", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
            ("fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
            ("other", "3.其他"),
        ),
        one_row_into="other",  # the 2019 format's single row （六）其他处理: its figures are 3.其他's
    ),
    Group("total", "（七）总计", computed=True),
    Group("carried_out", "四、结转下年度继续办理"),
)

#: The applicant columns of table 三, then the 总计 column draft computes.
APPLICANTS = (
    ("natural_persons", "自然人"),
    ("businesses", "商业企业"),
    ("research_institutions", "科研机构"),
    ("public_interest_organizations", "社会公益组织"),
    ("legal_service_providers", "法律服务机构"),
    ("other_organizations", "其他"),
)
TOTAL_COLUMN = ("total", "总计")  # every figure of it computed

APPLICATIONS = Group(
    "applications",
    "三、收到和处理政府信息公开申请情况",
    (*(Group(key, label, OUTCOMES) for key, label in APPLICANTS), Group(*TOTAL_COLUMN, OUTCOMES, computed=True)),
)

RESULTS = (
    *_counts(("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结")),
    Group("total", "总计", computed=True),
)
APPEAL_GROUPS = (
    ("review", "行政复议"),
    ("direct_suit", "行政诉讼（未经复议直接起诉）"),
    ("suit_after_review", "行政诉讼（复议后起诉）"),
)
APPEALS = Group("appeals", "四、政府信息公开行政复议、行政诉讼情况", tuple(Group(key, label, RESULTS) for key, label in APPEAL_GROUPS))

GROUPS = (PROACTIVE, APPLICATIONS, APPEALS)


def _outcome_terms(column: str) -> tuple[FormPath, ...]:
    """The 21 rows （一）to（六） of a column, sub-rows included: what （七）总计 adds up."""
    base = ("applications", column)
    terms: list[FormPath] = []
    for outcome in OUTCOMES[2:-2]:
        terms += [base + (outcome.key,)] if not outcome.fields else [base + (outcome.key, sub.key) for sub in outcome.fields]
    return tuple(terms)


ROW_TOTAL = "（七）总计等于（一）至（六）各项之和"
COLUMN_TOTAL = "总计等于各类申请人之和"
CORNER_NOTE = "第一项加第二项之和，等于第三项加第四项之和"
APPEAL_TOTAL = "总计等于结果维持、结果纠正、其他结果、尚未审结之和"


def arithmetic() -> Arithmetic:
    applicants = [key for key, _ in APPLICANTS]
    sums = [Sum(("applications", column, "total"), _outcome_terms(column), ROW_TOTAL, "（一）至（六）各项之和") for column in applicants]
    outcome_group = Group("", "", OUTCOMES)
    sums += [
        Sum(("applications", "total") + row, tuple(("applications", column) + row for column in applicants), COLUMN_TOTAL, "六类申请人之和")
        for row in relative_paths(outcome_group)
    ]
    sums += [
        Sum(("appeals", group, "total"), tuple(("appeals", group, result.key) for result in RESULTS[:-1]), APPEAL_TOTAL, "四种结果之和")
        for group, _ in APPEAL_GROUPS
    ]
    balances = [
        Balance(
            left=(("applications", column, "new"), ("applications", column, "carried_in")),
            right=(("applications", column, "total"), ("applications", column, "carried_out")),
            rule=CORNER_NOTE,
            at=("applications", column, "carried_out"),
        )
        for column in applicants
    ]
    carried = tuple(
        (("applications", column, "carried_in"), ("applications", column, "carried_out")) for column, _ in APPLICANTS
    )
    figures = tuple(leaf for group in GROUPS for leaf in fields(group))
    return Arithmetic(figures, tuple(sums), tuple(balances), carried)

