"""Web pages of the three real reports, laid out as government sites publish them.

The article sits in a content ``div`` amid the site's chrome (navigation, breadcrumbs, the
publish date and view count, a footer); paragraphs are ``<p>`` with ``&nbsp;`` indents; the
tables are ``<table border="1">`` with ``rowspan``/``colspan``, header text broken by ``<br>``.
Each page carries a variant the spec lists: "第二十条 第（一）项" with a space, "1、" in （六）, a
row the site left out (read as 0), the typo "行政法复议".
"""

from __future__ import annotations

from html import escape

from zwgk_sources import APPLICATION_ROWS, Source

_LABELS = {
    "new": "一、本年新收政府信息公开申请数量", "carried_in": "二、上年结转政府信息公开申请数量",
    "r1": "（一）予以公开", "r2": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "r3": ("（三）不予公开", ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                         "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]),
    "r4": ("（四）无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]),
    "r5": ("（五）不予处理", ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                         "5.要求行政机关确认或重新出具已获取信息"]),
    "r6": ("（六）其他处理", ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                         "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]),
    "r7": "（七）总计", "carry_out": "四、结转下年度继续办理",
}


def _td(value: object, span: int = 1) -> str:
    return f'<td colspan="{span}">{value}</td>' if span > 1 else f"<td>{value}</td>"


def proactive(source: Source, spaced: bool) -> str:
    gap = " " if spaced else ""
    rows, (regs, docs, licensing, penalties, enforcement, fees) = [], source.proactive
    rows.append(f'<tr><td colspan="4">第二十条{gap}第（一）项</td></tr>')
    rows.append("<tr><td>信息内容</td><td>本年<br>制发件数</td><td>本年<br>废止件数</td><td>现行<br>有效件数</td></tr>")
    rows.append("<tr><td>规章</td>" + "".join(map(_td, regs)) + "</tr>")
    rows.append("<tr><td>行政规范性文件</td>" + "".join(map(_td, docs)) + "</tr>")
    for item, heading, entries in (("五", "本年处理决定数量", [("行政许可", licensing)]),
                                   ("六", "本年处理决定数量", [("行政处罚", penalties), ("行政强制", enforcement)]),
                                   ("八", "本年收费金额（单位：万元）", [("行政事业性收费", fees)])):
        rows.append(f'<tr><td colspan="4">第二十条{gap}第（{item}）项</td></tr>')
        rows.append(f'<tr><td>信息内容</td><td colspan="3">{heading}</td></tr>')
        rows += [f'<tr><td>{label}</td><td colspan="3">{value[0]}</td></tr>' for label, value in entries]
    return '<table border="1" cellspacing="0" align="center">' + "".join(rows) + "</table>"


def applications(source: Source, comma_items: bool, left_out: set[str], old_format: bool = False) -> str:
    """Table 三; ``left_out`` rows are not printed (a site's slip), ``comma_items`` writes （六）'s items "1、";
    ``old_format`` prints （六）其他处理 as one row, as the format before 2021 did."""
    rows = [
        '<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
        '<td colspan="7">申请人情况</td></tr>',
        '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
        "<tr><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益<br>组织</td><td>法律服务<br>机构</td><td>其他</td></tr>",
    ]
    figures = {key: "".join(map(_td, source.applications[key])) for key in APPLICATION_ROWS}
    if old_format:
        other = [sum(column) for column in zip(*(source.applications[f"r6_{i}"] for i in (1, 2, 3)), strict=True)]
        figures["r6"] = "".join(map(_td, other))
        left_out = left_out | {"r6_1", "r6_2", "r6_3"}
    rows.append(f'<tr><td colspan="3">{_LABELS["new"]}</td>{figures["new"]}</tr>')
    rows.append(f'<tr><td colspan="3">{_LABELS["carried_in"]}</td>{figures["carried_in"]}</tr>')
    body_keys = [key for key in APPLICATION_ROWS[2:-1] if key not in left_out]
    if old_format:
        body_keys.insert(body_keys.index("r7"), "r6")
    first = f'<td rowspan="{len(body_keys)}">三、本年度办理结果</td>'
    for key in body_keys:
        group, _, index = key.partition("_")
        label = _LABELS[group]
        if isinstance(label, tuple) and key == group:  # the format before 2021: the group in one row
            rows.append(f'<tr>{first}<td colspan="2">{label[0]}</td>{figures[key]}</tr>')
        elif isinstance(label, tuple):
            heading, items = label
            shown = [k for k in APPLICATION_ROWS if k.startswith(group + "_") and k not in left_out]
            item = items[int(index) - 1]
            if comma_items and group == "r6":
                item = item.replace(".", "、", 1)
            lead = f'<td rowspan="{len(shown)}">{heading}</td>' if key == shown[0] else ""
            rows.append(f"<tr>{first}{lead}<td>{item}</td>{figures[key]}</tr>")
        else:
            rows.append(f'<tr>{first}<td colspan="2">{label}</td>{figures[key]}</tr>')
        first = ""
    rows.append(f'<tr><td colspan="3">{_LABELS["carry_out"]}</td>{figures["carry_out"]}</tr>')
    return '<table border="1" cellspacing="0" align="center">' + "".join(rows) + "</table>"


def appeals(source: Source) -> str:
    results = "".join(f"<td>{label}</td>" for label in ("结果<br>维持", "结果<br>纠正", "其他<br>结果", "尚未<br>审结", "总计"))
    head = (
        '<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>'
        + "<tr>" + "".join(f'<td rowspan="2">{label}</td>' for label in ("结果<br>维持", "结果<br>纠正", "其他<br>结果", "尚未<br>审结", "总计"))
        + '<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>'
        + f"<tr>{results}{results}</tr>"
    )
    return '<table border="1" cellspacing="0">' + head + "<tr>" + "".join(map(_td, source.appeals)) + "</tr></table>"


def page(source: Source, *, spaced: bool = False, comma_items: bool = False, left_out: frozenset[str] = frozenset(),
         typo: bool = False, old_format: bool = False, relabel: tuple[tuple[str, str], ...] = (), blank_zeros: bool = False) -> str:
    """The report's page, as a browser saves it; in its tables, each label of ``relabel`` written as the site wrote it
    (a short name, a misspelling), and with ``blank_zeros`` every 0 left blank."""
    title = f"{source.unit}{source.year}年政府信息公开工作年度报告"
    appeals_heading = "四、政府信息公开行政法复议、行政诉讼情况" if typo else "四、政府信息公开行政复议、行政诉讼情况"
    paragraphs = [
        f"本报告所列数据统计期限为{source.year}年1月1日至{source.year}年12月31日。",
        "一、总体情况", "（一）主动公开", "全年主动公开政府信息。", "（二）依申请公开", "依法办理政府信息公开申请。",
        "（三）政府信息管理", "加强政府信息管理。", "（四）平台建设", "优化政府信息公开平台。", "（五）监督保障", "强化监督保障。",
    ]
    body = "".join(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{escape(text)}</p>\n" for text in paragraphs)
    tables = [proactive(source, spaced), applications(source, comma_items, set(left_out), old_format), appeals(source)]
    for written, instead in relabel:
        tables = [table.replace(f">{written}<", f">{instead}<") for table in tables]
    if blank_zeros:
        tables = [table.replace("<td>0</td>", "<td></td>") for table in tables]
    body += "<p><strong>二、主动公开政府信息情况</strong></p>\n" + tables[0]
    body += "\n<p><strong>三、收到和处理政府信息公开申请情况</strong></p>\n" + tables[1]
    body += f"\n<p><strong>{appeals_heading}</strong></p>\n" + tables[2]
    body += "\n<p>五、存在的主要问题及改进情况</p>\n<p>一是信息发布的及时性有待提高；二是政策解读的形式还不够丰富。</p>\n"
    body += f"<p>六、其他需要报告的事项</p>\n<p>{escape(source.fee_text)}</p>\n"
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}_{source.unit}</title>
<style>.TRS_Editor p {{ font-size: 16px; }}</style><script>var pageId = 97791;</script></head>
<body>
<div class="header"><div class="logo">{source.unit}人民政府门户网站</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
<div class="article">
<h1 class="article-title">{title}</h1>
<div class="info"><span>发布时间：{source.year + 1}-03-10 09:30</span><span>来源：{source.unit}</span><span>浏览次数：1234</span>
<span>字号：[大 中 小]</span></div>
<div class="TRS_Editor">
{body}</div>
<div class="tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
</div>
<div class="footer"><p>主办单位：{source.unit}人民政府办公室</p><p>网站标识码：3501000000  备案号：闽ICP备00000000号</p></div>
</body></html>
"""


def copied_text(source: Source, line_breaks: bool = False, **variant: object) -> str:
    """The article of :func:`page` copied from the browser into a .txt: a paragraph a line, each table row a line of
    tab-separated cells (a cell spanning rows or columns copied once, where it starts); with ``line_breaks``, a
    ``<br>`` in a cell copied as a line break, as browsers copy it (商业<br>企业 puts 企业 on the next line)."""
    import re

    html = page(source, **variant)  # type: ignore[arg-type]
    article = html[html.index('<div class="TRS_Editor">') : html.index('<div class="tools">')]
    lines = [f"{source.unit}{source.year}年政府信息公开工作年度报告"]
    for piece in re.findall(r"<p>.*?</p>|<table.*?</table>", article, re.S):
        if piece.startswith("<table"):
            for row in re.findall(r"<tr>(.*?)</tr>", piece, re.S):
                cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
                lines.append("\t".join(cell.replace("<br>", "\n" if line_breaks else "") for cell in cells))
        else:
            lines.append(re.sub(r"<[^>]+>|&nbsp;", "", piece))
    return "\n".join(lines) + "\n"


def markdown(source: Source, **variant: object) -> str:
    """The same article written in Markdown: ``##`` part headings, the tables as pipe tables (their spans lost,
    the first row padded to the table's width, as a Markdown table's header must be)."""
    lines: list[str] = []
    rows: list[list[str]] = []

    def table() -> list[str]:
        width = max(len(row) for row in rows)
        header = rows[0] + [""] * (width - len(rows[0]))
        return ["| " + " | ".join(header) + " |", "|" + "---|" * width, *("| " + " | ".join(row) + " |" for row in rows[1:]), ""]

    for line in copied_text(source, **variant).splitlines():
        if "\t" in line or line.startswith("第二十条"):
            rows.append(line.split("\t"))
            continue
        if rows:
            lines += table()
            rows = []
        heading = line[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")
        lines += [("## " if heading else "") + line, ""]
    return "\n".join(lines + (table() if rows else [])) + "\n"
