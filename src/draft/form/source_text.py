"""The decoded text of a form, able to say on which line and column a character stands.

Every stage of loading a form (decoding, the character check, compose, construct)
reports problems by line and column; they all count lines the way YAML does.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

# YAML counts these as line breaks, so our line numbers must too, or they
# would disagree with the ones PyYAML gives. YAML also breaks lines at U+0085,
# but that character is refused before parsing, and editors do not break there.
_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029]")
_LINE_BREAK_CHARS = "\r\n\u2028\u2029"


class SourceText:
    """The decoded form text, able to turn a character index into a line and column."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def _starts(self) -> list[int]:
        # Only needed to explain problems, so not computed for a good form.
        return [0, *(match.end() for match in _LINE_BREAK.finditer(self.text))]

    def position(self, index: int) -> tuple[int, int]:
        """1-based (line, column) of the character at ``index``."""
        row = bisect.bisect_right(self._starts, index) - 1
        return row + 1, index - self._starts[row] + 1

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line(self, number: int) -> str:
        """The 1-based line ``number`` without its line break; empty past the end."""
        if not 1 <= number <= len(self._starts):
            return ""
        start = self._starts[number - 1]
        end = self._starts[number] if number < len(self._starts) else len(self.text)
        return self.text[start:end].rstrip(_LINE_BREAK_CHARS)
