"""Which of a kind's parts a source's heading names, by the words the kind gives each part; or whether it is a topic.

A source's headings seldom say a part's name word for word (主要举措和成效 may be 2023年工作开展情况),
so a heading's part is judged by the words it uses (:class:`draft.kinds.kind.HeadingWords`).

A report may instead be organised by topics of work (强化思想引领，压实法治建设责任): such a heading
names no part, or names one only by a word in passing (着力解决群众反映强烈的突出问题 is no part on
shortcomings). It reads as a call to act: two phrases joined by a comma, or a verb first and no
part's name at the end (:func:`is_topic`).
"""

from __future__ import annotations

import re

from draft.kinds import Kind

#: A heading that opens with a verb of action reads as a topic of work (深化…, 着力…, 依法…).
_ACTION = re.compile(
    r"^(?:坚持|坚定|加强|强化|深化|推进|推动|健全|完善|聚焦|着力|严格|规范|提升|提高|全面|持续|扎实|深入|狠抓|突出|优化|"
    r"创新|注重|夯实|压实|筑牢|抓实|抓好|做好|统筹|加快|大力|积极|切实|不断|构建|建立|打造|营造|依法)"
)
#: How a heading naming a part ends: 推进法治政府建设的主要举措和成效 is the part, not a topic.
_PART_NAME_END = re.compile(r"(?:情况|成效|举措|措施|做法|不足|原因|安排|打算|计划|思路)$")


def is_topic(heading: str, kind: Kind) -> bool:
    """Whether a heading is a topic of work rather than the name of one of ``kind``'s parts."""
    if classify(heading, kind) is None:
        return True
    if any(part.heading_words.first and re.search(part.heading_words.first, heading) for part in kind.parts):
        return False  # 第一责任人: a part the kind asks for by name, wherever it stands
    return "，" in heading or (bool(_ACTION.match(heading)) and not _PART_NAME_END.search(heading))


def classify(heading: str, kind: Kind) -> str | None:
    """The part of ``kind`` a heading names: a part's ``first`` words at once (in the kind's order of parts);
    else the part whose strong words come earliest, else the one whose weak words do."""
    for part in kind.parts:
        if part.heading_words.first and re.search(part.heading_words.first, heading):
            return part.key
    for strength in ("strong", "weak"):
        found = [
            (match.start(), part.key)
            for part in kind.parts
            if (words := getattr(part.heading_words, strength)) and (match := re.search(words, heading))
        ]
        if found:
            return min(found)[1]
    return None
