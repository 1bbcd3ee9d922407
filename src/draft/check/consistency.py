"""One thing written two ways in one report: a reader sees the difference and wonders which is meant.

* ``mixed-width`` (warning): a sign written both full-width and half-width, ``＋`` beside ``+``
  (互联网＋政务服务, 互联网+监管), ``％`` beside ``%``, ``～`` beside ``~``, ``＝`` beside ``=``.
  Normalization does not touch these (it turns only punctuation and full-width digits and
  letters), so the two print side by side. Told once a sign, at the first of the less usual
  form, with the form the standards give: ``+ % =`` half-width with numbers and Latin
  (GB/T 15835), the 浪纹线 ``～`` full-width (GB/T 15834).
* ``inconsistent-institutions`` (warning): the same institutions named together with and without
  a 顿号, ``区委区政府`` beside ``区委、区政府`` (市委市政府, 县委县政府, 党委政府, 市人大市政协…).
  Told once a pair, at the first of the form written less often. A merged office's name
  (区委区政府办公室, 市委市政府信访局) is one name, written without: it is not counted.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from draft.check.context import Context, Finding, part_of
from draft.model.report import Text
from draft.problems import Severity

MIXED_WIDTH = "mixed-width"
INCONSISTENT_INSTITUTIONS = "inconsistent-institutions"

#: Full-width sign → half-width sign, and the one to keep.
_SIGNS = {"＋": ("+", "+"), "％": ("%", "%"), "＝": ("=", "="), "～": ("~", "～")}
#: Either form of a sign → its full-width form, by which its two spellings are gathered.
_FULL_WIDTH_OF = {form: full for full, (half, _) in _SIGNS.items() for form in (full, half)}
_SIGN = re.compile("[" + re.escape("".join(_FULL_WIDTH_OF)) + "]")
#: A web address: its = % ~ are the address's, not the report's way of writing them.
_ADDRESS = re.compile(r"(?:https?://|www\.)[!-~]+")

_LEVEL = "[省市区县镇乡州旗盟]"
#: One institution: 区委, 市政府, 县人民政府, 镇党委, 市人大常委会, 区政协…; without a level only 党委, 党工委, 政府.
_INSTITUTION = f"(?:{_LEVEL}(?:人大常委会|纪委监委|党工委|党委|人大|政协|纪委|监委|人民政府|政府|委)|党工委|党委|政府)"
#: Two institutions side by side, with or without a 顿号. Looked for at every position (a lookahead), so that in
#: 市委市政府、区委区政府 the pair 区委区政府 is seen as well as 市委市政府; but not inside a longer name
#: (党委政府 in 镇党委政府, which is the pair seen one character earlier).
_PAIR = re.compile(f"(?<!{_LEVEL})(?=({_INSTITUTION})(、?)({_INSTITUTION})(?!办|督查|信访))")


class _Spelling(NamedTuple):
    text: Text
    offset: int  # not "index": that name would hide tuple.index


def check(ctx: Context) -> list[Finding]:
    return _mixed_width(ctx) + _institutions(ctx)


def _minority(spellings: dict[str, list[_Spelling]]) -> tuple[str, str] | None:
    """Of two ways of writing one thing (the first key the usual one on a tie), the rarer, then the usual one."""
    if len(spellings) < 2:
        return None
    usual, rarer = sorted(spellings, key=lambda way: -len(spellings[way]))
    return rarer, usual


# --- mixed-width ------------------------------------------------------------------------


def _mixed_width(ctx: Context) -> list[Finding]:
    found: defaultdict[str, dict[str, list[_Spelling]]] = defaultdict(dict)  # by full-width sign
    for text in ctx.texts:
        addresses = [address.span() for address in _ADDRESS.finditer(text.printed)]
        for sign in _SIGN.finditer(text.printed):
            if any(start <= sign.start() < end for start, end in addresses):
                continue
            found[_FULL_WIDTH_OF[sign[0]]].setdefault(sign[0], []).append(_Spelling(text, sign.start()))
    findings = []
    for full, spellings in found.items():
        if len(spellings) < 2:
            continue
        half, kept = _SIGNS[full]
        other = half if kept == full else full
        first = spellings[other][0]
        counts = "，".join(f"“{way}” {len(spellings[way])} 处" for way in (full, half))
        findings.append(
            ctx.finding(
                MIXED_WIDTH,
                Severity.WARNING,
                first.text.path,
                f"本报告“{full}”和“{half}”两种写法都有（{counts}），同一个符号印出来宽窄不一。",
                fix=f"把这 {len(spellings[other])} 处“{other}”改为“{kept}”",
                mark=ctx.at(first.text, first.offset),
            )
        )
    return findings


# --- inconsistent-institutions ----------------------------------------------------------


def _institutions(ctx: Context) -> list[Finding]:
    found: defaultdict[str, dict[str, list[_Spelling]]] = defaultdict(dict)  # by the pair without its 顿号
    for text in ctx.texts:
        if not ctx.in_part(text) and part_of(text) != "intro":
            continue
        for pair in _PAIR.finditer(text.printed):
            found[pair[1] + pair[3]].setdefault("".join(pair.groups()), []).append(_Spelling(text, pair.start()))
    findings = []
    for spellings in found.values():
        ways = _minority(spellings)
        if ways is None:
            continue
        rarer, usual = ways
        first = spellings[rarer][0]
        findings.append(
            ctx.finding(
                INCONSISTENT_INSTITUTIONS,
                Severity.WARNING,
                first.text.path,
                f"本报告“{usual}”（{len(spellings[usual])} 处）和“{rarer}”（{len(spellings[rarer])} 处）两种写法都有，"
                "同一组机关的名称前后写法不一。",
                fix=f"统一写成“{usual}”（本报告多数处的写法）",
                mark=ctx.at(first.text, first.offset),
            )
        )
    return findings
