"""One paragraph of a source report as every reader gives it (:class:`SourcePara`), and how its text is cleaned.

Every reader gives the same thing, so that one parser serves all formats (as pandoc's
readers all produce one document model). A paragraph carries its text and what the
format told us about it: a Word paragraph's style, outline level, alignment and
emphasised leading text (a bold run-in title), a Markdown heading's level, and where
it was (line or paragraph number) so that warnings can point at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from draft.importer.grid import SpanCell
from draft.text.paragraphs import join_lines as join_cleaned

#: Characters YAML (and so a form) cannot hold; they are dropped. U+2028/2029/0085 would read as line breaks.
_UNPRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029\ufeff]")


@dataclass(eq=False)  # a paragraph is itself, not its text: two may read the same, and the parser keeps sets of them
class SourcePara:
    """One paragraph of the source, with the hints its format gave."""

    text: str
    number: int  # line (txt, md) or paragraph (docx) number, 1-based
    unit: str = "行"  # "行" or "段": how ``number`` counts
    style: str = ""  # the Word paragraph style name
    outline: int | None = None  # heading level the format declared: 0 title, 1.. headings
    lead: str = ""  # emphasised text that starts the paragraph (bold or a heading character style)
    centered: bool = False
    #: A table where the paragraph stands (its ``text`` empty): its rows of cells with their spans.
    table: list[list[SpanCell]] | None = None

    @property
    def where(self) -> str:
        return f"第{self.number}{self.unit}"


def clean(text: str) -> str:
    """One paragraph's text: unprintable characters dropped, tabs as spaces, ends trimmed (also 　 indents)."""
    return _UNPRINTABLE.sub("", text).replace("\t", " ").strip()


def join_lines(lines: list[str]) -> str:
    """Lines of one paragraph, each cleaned, joined as a form's are (:func:`draft.text.paragraphs.join_lines`)."""
    return join_cleaned(clean(line) for line in lines)
