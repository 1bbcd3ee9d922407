"""The plain-text reader: each line of a .txt file a paragraph, or lines a PDF broke at one width joined again.

Text saved from Word or copied from a web page has one paragraph a line; text copied
from a PDF is broken into lines of one width, which are joined back into paragraphs.
"""

from __future__ import annotations

from draft.importer.source import SourcePara, clean, join_lines
from draft.text.markers import read_marker

#: A line ending so does not run on into the next one.
_LINE_END = tuple("。！？：；…!?:;")


def read_text(text: str) -> list[SourcePara]:
    """Each non-empty line is a paragraph (as text copied from a web page or saved from Word).

    Text copied from a PDF is broken into lines of one width. When most lines are
    that wide and stop mid-sentence, a full-width line runs on into the next one,
    unless the next one is indented (where the PDF had a paragraph start) or opens
    with a heading number or 一是.
    """
    raw = [(number, line) for number, line in enumerate(text.splitlines(), 1) if clean(line)]
    width = _wrap_width([clean(line) for _, line in raw])
    indented = sum(1 for _, line in raw if line[:1].isspace()) >= len(raw) * 0.1
    paras: list[SourcePara] = []
    # Each paragraph's lines, joined once at the end: joining line by line copied the paragraph for each line.
    lines: list[list[str]] = []
    run_on = False
    for number, line in raw:
        cleaned = clean(line)
        if indented:  # the PDF indented each paragraph's first line; 一是 may well start a wrapped line
            starts = line[:1].isspace() or (read_marker(cleaned, enumerator=True) and "是" not in cleaned[:4])
        else:
            starts = bool(read_marker(cleaned, enumerator=True))  # a heading marker or 一是
        if run_on and not starts:
            lines[-1].append(cleaned)
        else:
            paras.append(SourcePara(cleaned, number))
            lines.append([cleaned])
        at_width = bool(width) and len(cleaned) >= width - 1
        run_on = at_width and (indented or not cleaned.endswith(_LINE_END))
    for para, own in zip(paras, lines, strict=True):
        if len(own) > 1:
            para.text = join_lines(own)
    return paras


def wrap_width(text: str) -> int:
    return _wrap_width([clean(line) for line in text.splitlines() if clean(line)])


def _wrap_width(lines: list[str]) -> int:
    """The width a hard-wrapped text was broken at, or 0 when its lines are paragraphs."""
    if len(lines) < 8:
        return 0
    lengths = sorted(len(line) for line in lines)
    widest = lengths[int(len(lengths) * 0.9)]
    at_width = [line for line in lines if widest - 1 <= len(line) <= widest + 1]
    unfinished = [line for line in at_width if not line.endswith(_LINE_END)]
    # Hard-wrapped: many lines share one width, and most of those stop mid-sentence.
    if widest >= 16 and len(at_width) >= len(lines) * 0.4 and len(unfinished) >= len(at_width) * 0.6:
        return widest
    return 0
