"""What one import may cost: how many elements, cells, spans, list numbers and levels of nesting.

The file's size (:mod:`draft.importer.files`) does not bound the work: a 1 KB page can ask for
a table of 10⁹ cells, a 5 MB page for millions of elements. So each reader counts what it
builds where it builds it, and stops at a budget no real report comes near (a year's report
page has a few thousand elements, its tables a few hundred cells): :class:`TooMuch` says in
Chinese what was too much, and :func:`draft.importer.readers.read` turns it into a refusal.
"""

from __future__ import annotations

#: Elements and pieces of text one web page may hold (a report's page: a few thousand).
MAX_PAGE_NODES = 300_000
#: Elements nested in one another (a report's page: a few dozen).
MAX_DEPTH = 256
#: Attributes one tag may have (a real tag: a handful).
MAX_ATTRIBUTES = 1_000
#: Paragraphs and table cells of a Word document (a report: a few hundred); each costs python-docx a
#: fifth of a millisecond, so that a 20 MB document of empty paragraphs took minutes.
MAX_WORD_BLOCKS = 20_000
#: Columns one cell may span (``colspan``, ``gridSpan``); more is read as this many.
MAX_SPAN = 100
#: Positions of one table laid out on its grid, and of all tables together (a report's table: a few hundred).
MAX_TABLE_CELLS = 10_000
MAX_ALL_TABLE_CELLS = 50_000
#: Characters of a Word list level's number text (``%1.%2.``): longer ones are not numbering.
MAX_LEVEL_TEXT = 40
#: A Word list number beyond this is not a paragraph count: its list is left unnumbered.
MAX_LIST_NUMBER = 1_000_000


class TooMuch(Exception):
    """The source holds more of something than any report does; ``message`` says what, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def too_much(what: str, limit: int, unit: str = "个") -> TooMuch:
    """The refusal for more than ``limit`` of ``what`` (say, “网页中的元素和文字片段”)."""
    return TooMuch(
        f"{what}太多（超过 {limit:,} {unit}），远超一份年度报告，可能是损坏或恶意构造的文件，为安全起见没有导入。"
        "如果这确实是您的报告，请把正文复制到 .txt 文件中再导入。"
    )
