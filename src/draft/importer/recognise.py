"""Which line around the report's body is what: title, web-page lines, masthead, 发文字号, date, closing, back matter.

Before the first part a report has its title, perhaps a web page's lines (发布时间、
来源), a masthead or a 发文字号, the recipient; after the last part its closing, 落款,
成文日期, and back matter (附件、抄送). These are recognised by their wording alone,
so that the :class:`~draft.importer.parse.Parser` can keep what the form holds and
drop, with a note, what it does not.
"""

from __future__ import annotations

import datetime
import re

from draft.importer.marks import match_marker
from draft.importer.source import SourcePara
from draft.model.numbering import enumerator
from draft.text.dates import parse_date
from draft.text.names import YEAR

# --- The parts around the body: title, recipient, intro; closing, 落款, date ----------

PAGE_NUMBER = re.compile(r"^(?:[-—–－~〜\s]*\d{1,3}[-—–－~〜\s]*|第\s*\d+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
_META = re.compile(
    r"^[【\[]?\s*(?:发布时间|发布日期|发布于|发布人|更新时间|更新日期|文章来源|访问次数|录入|发布机构|发文机关|发文日期|发文字号|时间|日期|来源|信息来源|作者|编辑|责任编辑|浏览次数|"
    r"访问量|点击数|阅读数|阅读次数|字号|字体|索引号|主题分类|体裁分类|公开方式|公开范围|公开日期|有效性|当前位置|您的位置|您当前的位置|您所在的位置|所在位置)"
    r"\s*[:：]"
    r"|^[【\[]?\s*(?:打印本页|打印|关闭窗口|关闭|分享到|分享|扫一扫|收藏|返回顶部)"
    r"|[>＞»]\s*\S+\s*[>＞»]"
    r"|^\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}\s+\d{1,2}:\d{2}"  # a stamp: 2023-01-06 09:04:54 来源：……
)
#: A web page's own lines above the report, saved with it: the day's date with its weekday, the site's name, its switches.
_CHROME = re.compile(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[，,]?\s*(?:星期|周|礼拜)[一二三四五六日天]"  # wherever on the line
    r"|^[^\s，。,]{2,30}(?:门户网站|政府网站|政务网站|政务网|政府网|官方网站|官网)$"
    r"|^(?:无障碍|长者模式|关怀版|适老化|简体|繁体|English|登录|注册|网站地图|设为首页|加入收藏|智能问答|站内搜索|首页$)"
)
#: A word only a web site's menu or toolbar holds, standing as a word of its own.
_MENU_WORD = re.compile(r"(?:^|\s)(?:首页|无障碍\S*|长者模式|关怀版|适老化|简体|繁[体體]|登录|注册|网站地图|站内搜索)(?=\s|$|[|｜])")
#: What a title ends with once it is whole: a line after it naming the unit is the author's line, not more title.
TITLE_END = re.compile(r"(?:报告|总结|汇报|情况)$")
#: What a page's ``<title>`` puts between the report's title and the site's name.
_SITE_SEPARATOR = re.compile(r"\s*(?:[_|｜]+|\s[-—–]+\s|——)\s*")
MASTHEAD = re.compile(r"^\S{2,30}文件$")
ATTACHMENT = re.compile(r"^附\s*件\s*\d*\s*(?:[:：].*)?$")
#: A further line of a 附件说明 that lists several: “2. 名称” under “附件：1. 名称”.
ATTACHMENT_ITEM = re.compile(r"^\d{1,2}\s*[.．]\s*\S.{0,58}$")
BACK_MATTER = re.compile(r"^(?:[（(]此件|抄送|抄报|印发|联系人|（联系人|\(联系人|附注)")
TITLE_WORDS = re.compile(r"报告|情况|总结|法治|依法行政|工作")


def is_meta(para: SourcePara) -> bool:
    return len(para.text) <= 120 and bool(_META.search(para.text))


def is_chrome(para: SourcePara) -> bool:
    """A line of the web page around the report (site name, the day's date and weekday, 无障碍 简体|繁体, a menu)."""
    text = para.text.strip()
    # Never a sentence: 2023年3月5日星期日，我局召开…… opens an intro.
    if len(text) > 60 or any(mark in text for mark in "。，；"):
        return False
    return bool(_CHROME.search(text)) or _is_menu(text)


def _is_menu(text: str) -> bool:
    """A site's menu copied as one line: short words side by side, one of them a site's (首页 政务公开 … 无障碍浏览)."""
    words = text.split()
    return len(words) >= 3 and all(len(word) <= 8 for word in words) and bool(_MENU_WORD.search(text))


def bracketed_date(text: str) -> datetime.date | None:
    """The date of a line that is a date in brackets and nothing else: （2019年12月18日）."""
    text = text.strip()
    if text[:1] not in "（(" or text[-1:] not in "）)":
        return None
    return parse_date(text[1:-1])


def title_text(para: SourcePara) -> str | None:
    """The title a line before the body holds: the line, or the title in a page's ``<title>`` with the site's
    name after it (……的报告_青山区人民政府门户网站); None for a line that is no title."""
    pieces = _SITE_SEPARATOR.split(para.text.strip())
    titled = [piece for piece in pieces if "报告" in piece]
    if len(pieces) > 1 and len(titled) == 1 and is_title_line(SourcePara(titled[0], para.number, para.unit)):
        return titled[0]
    return para.text if is_title_line(para) else None


def is_title_line(para: SourcePara) -> bool:
    text = para.text
    if para.outline == 0 or "\n" in text:
        return True
    if len(text) > 40 or match_marker(text) or text.startswith(enumerator(1)) or parse_date(text.strip("（）()")):
        return False
    if not re.search("[\u4e00-\u9fff]", text):
        return False
    return not any(mark in text for mark in "。；;！？!?") and not text.endswith((":", "：", "，", ","))


def is_recipient(text: str) -> bool:
    return len(text) <= 40 and text.endswith((":", "：")) and "如下" not in text and not YEAR.match(text)

