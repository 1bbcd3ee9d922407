"""Where the lines of a text break, and on which line and column a character of it stands.

The one line-break set of draft. A form's line numbers come from YAML (PyYAML and libyaml
alike), so everything that tells a line of a form — the loader's messages, the check's findings,
the folding of wrapped text, the splitting of a text into paragraphs — counts lines as YAML does,
or a message would point at another line than the one it is about.

YAML also breaks lines at U+0085 (NEL). It is not counted here: a form may not hold it (it is
refused before parsing, with the other characters Word cannot store), no editor breaks a line
there, and so the lines told for such refused characters are the ones the user's editor shows.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

#: The characters that end a line ("\r\n" together ends one line).
LINE_BREAKS = "\r\n\u2028\u2029"
#: One line break: "\r\n", or any one of :data:`LINE_BREAKS`.
LINE_BREAK = re.compile(rf"\r\n|[{LINE_BREAKS}]")


class Lines:
    """A text, able to turn a character index into a line and column and to give each line."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def starts(self) -> list[int]:
        """The index where each line begins: line ``n`` (1-based) begins at ``starts[n - 1]``.

        Worked out when first asked: only a form with something to point at needs it.
        """
        return [0, *(match.end() for match in LINE_BREAK.finditer(self.text))]

    def position(self, index: int) -> tuple[int, int]:
        """1-based (line, column) of the character at ``index``."""
        row = bisect.bisect_right(self.starts, index) - 1
        return row + 1, index - self.starts[row] + 1

    def index(self, line: int, column: int) -> int:
        """The index of the character at 1-based ``line`` and ``column`` (``line`` within the text)."""
        return self.starts[line - 1] + column - 1

    @property
    def count(self) -> int:
        return len(self.starts)

    def line(self, number: int) -> str:
        """The 1-based line ``number`` without its line break; empty past the end."""
        if not 1 <= number <= len(self.starts):
            return ""
        start = self.starts[number - 1]
        end = self.starts[number] if number < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip(LINE_BREAKS)


def indentation(line: str) -> str:
    """The blanks ``line`` starts with (a form's line: how deep YAML, or its writer, takes it to be)."""
    return line[: len(line) - len(line.lstrip())]
