"""Which of a kind's parts a source's heading names, by the words the kind gives each part.

A source's headings seldom say a part's name word for word (主要举措和成效 may be 2023年工作开展情况),
so a heading's part is judged by the words it uses (:class:`draft.kinds.kind.HeadingWords`).
"""

from __future__ import annotations

import re

from draft.kinds import Kind


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
