"""Years that do not fit the report's year, and plans that only "continue" (warnings).

A report on year Y is written early in Y+1 by editing last year's report, and
the years are what gets left behind. ``year-mismatch`` looks for:

* in the parts about Y (intro, and the kind's parts in :attr:`~draft.kinds.kind.Tense.PAST`:
  measures, shortcomings, responsibility): a year
  after Y told as done (``2023年，我局……`` in a 2022 report); and at the opening
  of such a part, its title or the report's title, a year before Y
  (``2021年，我局……``, ``2021年法治政府建设的主要措施``);
* in the plans (the parts in :attr:`~draft.kinds.kind.Tense.COMING`): a title naming Y or earlier,
  or Y told as the coming year
  (``2022年将……``, or the plans opening with ``2022年，``).

What is not a slip is left alone: ranges (``2021-2025年``), names of documents
(``《2023年工作要点》``), deadlines and plans (``到2025年``, ``下一步……``, ``将``),
dates from which something applies (``2023年1月1日起``). Each finding is only a
warning: the check cannot know the facts.

``plans-only-continue``: every plan starts with 继续 — the plans name nothing new.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from draft.check.context import Context, Finding, part_of
from draft.kinds.kind import PartSpec, Tense
from draft.model.report import Text, TextKind
from draft.problems import Severity
from draft.text.names import YEAR, YEAR_DIGITS

YEAR_MISMATCH = "year-mismatch"
ONLY_CONTINUE = "plans-only-continue"

_RANGE_BEFORE = re.compile(r"[0-9]{4}\s*年?\s*[-－—–~～至到]\s*$")
_RANGE_AFTER = re.compile(r"\s*年?\s*[-－—–~～至到]\s*[0-9]{4}")
# Right before a year: a deadline, not a deed.
_DEADLINE = re.compile(r"(?:到|至|截至|截止|截止到|预计|力争|争取|计划|确保|于)\s*$")
# Anywhere in the sentence: it speaks of what is to come.
_FUTURE = re.compile(r"下一步|下一年|下年度|明年|来年|计划|将|拟|预计|力争|争取|目标|规划|展望|部署")
# Right after a date: from when a rule applies.
_FROM_DATE = re.compile(r"度?(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?\s*(?:起|以后|之后|前|之前|以前)")
_SENTENCE_END = re.compile(r"[。！？；!?;]")
_BOOK_TITLE = re.compile(r"《[^《》]*》")
_OPENING = re.compile(rf"({YEAR_DIGITS})\s*年度?\s*[，,]")
# In the plans, the report's year told as the one to come: 2022年将、2022年，我局要……
#: How far before a year a range's start or a deadline's word is looked for.
_NEAR = 16
_PLAN_VERB = re.compile(r"度?\s*[，,]?[^。；;，,]{0,6}?(?:将|计划|拟|力争|争取|要(?!求))")
# Right after a year: the plan it names (2027年工作打算, 2027年度法治政府建设工作计划), not a slip for
# the report's year. The plan word ends the name, so a deed told with the verb (2027年安排专项资金) is still one.
_PLAN_NAMED = re.compile(
    r"度?\s*(?:的)?[^。；;，,、和及与]{0,10}?(?:打算|计划|安排|工作思路)(?=$|的|报告|如下|[和及与、，,。；;：:）)”])"
)


def check(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    openings = _openings(ctx.texts)
    # The intro tells of the year reported on, as the parts about it do.
    past = {"intro", *(part.key for part in ctx.kind.parts_in(Tense.PAST))}
    coming = {part.key for part in ctx.kind.parts_in(Tense.COMING)}
    for text in ctx.texts:
        if part_of(text) in past:
            findings += _past(ctx, text, opening=id(text) in openings)
        elif part_of(text) == "title":
            findings += _report_title(ctx, text)
        elif part_of(text) in coming:
            findings += _plans(ctx, text, opening=id(text) in openings)
    for plans in ctx.kind.parts_in(Tense.COMING):
        findings += _only_continue(ctx, plans)
    return findings


def _openings(texts: list[Text]) -> set[int]:
    """The first paragraph or point of each part (its title aside)."""
    seen: set[str] = set()
    found: set[int] = set()
    for text in texts:
        if text.kind in (TextKind.PARAGRAPH, TextKind.POINT) and part_of(text) not in seen:
            seen.add(part_of(text))
            found.add(id(text))
    return found


def _years(text: Text) -> list[tuple[int, re.Match[str]]]:
    """Years written in ``text`` (as printed), outside ranges and 《titles》.

    Each year is judged by what is near it (the title around it is found by bisection):
    a text with tens of thousands of years costs time in proportion to its length.
    """
    printed = text.printed
    titles = [(m.start(), m.end()) for m in _BOOK_TITLE.finditer(printed)]
    title_starts = [start for start, _ in titles]
    found = []
    for match in YEAR.finditer(printed):
        start = match.start()
        before = bisect_left(title_starts, start) - 1  # the last title opening before the year
        if before >= 0 and start < titles[before][1]:
            continue
        if _RANGE_BEFORE.search(printed, max(0, start - _NEAR), start) or _RANGE_AFTER.match(printed, match.end(1)):
            continue
        found.append((int(match.group(1)), match))
    return found


class _Sentences:
    """The sentences of a printed text, found once: where each begins and ends, and whether it speaks of the future."""

    def __init__(self, printed: str) -> None:
        self.printed = printed
        self.ends = [m.start() for m in _SENTENCE_END.finditer(printed)]
        self._future: dict[int, bool] = {}

    def about_future(self, match: re.Match[str]) -> bool:
        printed, start = self.printed, match.start()
        number = bisect_left(self.ends, start)  # the sentence the year is in
        begin = self.ends[number - 1] + 1 if number else 0
        end = self.ends[number] if number < len(self.ends) else len(printed)
        if number not in self._future:
            self._future[number] = bool(_FUTURE.search(printed, begin, end))
        return bool(
            _DEADLINE.search(printed, max(begin, start - _NEAR), start)
            or self._future[number]
            or _FROM_DATE.match(printed, match.end())
        )


def _past(ctx: Context, text: Text, opening: bool) -> list[Finding]:
    findings = []
    year = ctx.year
    part_title = text.kind is TextKind.TITLE and len(text.path) == 2
    sentences = _Sentences(text.printed)
    plans = ctx.kind.parts_in(Tense.COMING)
    move = f"如果是下一年度的打算，请写到 {plans[0].key}（{plans[0].label}）里。" if plans else ""
    for written, match in _years(text):
        if written == year:
            continue
        if part_title or (opening and match.start() == 0 and _OPENING.match(text.printed)):
            where = "标题" if part_title else "开头"
            message = f"本报告是 {year} 年度的报告，{where}却写 {written} 年，可能是沿用往年报告时没有改。"
        # 2024年度 in a 2023 report names next year's programme (2024年度工作要点), not a deed.
        elif (
            written > year
            and not sentences.about_future(match)
            and not text.printed.startswith("度", match.end())
            and not _names_plan(text.printed, match)
        ):
            message = (
                f"本报告是 {year} 年度的报告，这里却把 {written} 年写成已经做了的事。"
                f"如果说的是本年度，应为 {year} 年" + (f"；{move}" if move else "。")
            )
        else:
            continue
        findings.append(_finding(ctx, text, match, message, f"改为“{year}年”"))
    return findings


def _report_title(ctx: Context, text: Text) -> list[Finding]:
    year = ctx.year
    return [
        _finding(
            ctx,
            text,
            match,
            f"报告标题写的是 {written} 年，而表单的 year（报告年度）是 {year}。两者应一致。",
            f"改为“{year}年”（或改正 year）",
        )
        for written, match in _years(text)
        if written != year and not (written > year and _names_plan(text.printed, match))
    ]


def _names_plan(printed: str, match: re.Match[str]) -> bool:
    """Whether the year ``match`` is the year of a plan named right after it (……和2027年工作打算的报告)."""
    return bool(_PLAN_NAMED.match(printed, match.end()))


def _plans(ctx: Context, text: Text, opening: bool) -> list[Finding]:
    findings = []
    year = ctx.year
    for written, match in _years(text):
        if text.kind is TextKind.TITLE and len(text.path) == 2 and written <= year:
            message = (
                f"下一年度安排的标题写的是 {written} 年，但本报告是 {year} 年度的报告，下一年度是 {year + 1} 年。"
            )
        elif written == year and (
            _PLAN_VERB.match(text.printed, match.end()) or (opening and match.start() == 0 and _OPENING.match(text.printed))
        ):
            message = (
                f"下一年度的安排里把 {year} 年写成了将要做的事，但本报告是 {year} 年度的报告，"
                f"下一年度是 {year + 1} 年。"
            )
        else:
            continue
        findings.append(_finding(ctx, text, match, message, f"改为“{year + 1}年”"))
    return findings


def _finding(ctx: Context, text: Text, match: re.Match[str], message: str, fix: str) -> Finding:
    return ctx.finding(YEAR_MISMATCH, Severity.WARNING, text.path, message, fix, ctx.at(text, match.start()))


# --- plans-only-continue -------------------------------------------------------------


def _only_continue(ctx: Context, plans: PartSpec) -> list[Finding]:
    if not ctx.report.has_part(plans.key):
        return []
    leads = _plan_leads(ctx.texts, plans.key)
    if not leads or not all(text.printed.startswith("继续") for text in leads):
        return []
    mark = ctx.source.key_mark((plans.key,))
    count = "唯一的一条安排以" if len(leads) == 1 else f"{len(leads)} 条安排都以"
    return [
        ctx.finding(
            ONLY_CONTINUE,
            Severity.WARNING,
            (plans.key,),
            f"{plans.label}里，{count}“继续”开头，看不出下一年度有什么新的举措和目标。"
            "请针对“存在的不足”写出具体的新安排（做什么、做到什么程度）。",
            mark=mark,
        )
    ]


def _plan_leads(texts: list[Text], key: str) -> list[Text]:
    """Each plan as it begins: the plans' paragraphs and points, and each item's title or first text."""
    leads: list[Text] = []
    items_seen: set[tuple[str | int, ...]] = set()
    for text in texts:
        if part_of(text) != key:
            continue
        item = _item_path(text.path)
        if item is None:
            if text.kind in (TextKind.PARAGRAPH, TextKind.POINT):
                leads.append(text)
        elif item not in items_seen:
            items_seen.add(item)
            leads.append(text)
    return leads


def _item_path(path: tuple[str | int, ...]) -> tuple[str | int, ...] | None:
    """The path of the top-level item of the plans that ``path`` is in, or None."""
    if len(path) >= 3 and path[1] == "items":
        return path[:3]
    return None
