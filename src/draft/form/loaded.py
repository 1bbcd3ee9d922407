"""What reading a form gives: its data, its text, and where each value was written.

Kept apart from the loader so that the stages that read a form, and the validator and the
check after them, share these types without importing each other.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from draft.form.places import Path_
from draft.problems import Problem


class Mark(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based


class LoadedForm(NamedTuple):
    """A form read without errors, and where each of its values was written."""

    path: Path  # the file
    display: str  # display_path(path), used in messages
    # Plain data: dict / list / str / int / float / bool / None / datetime.date
    # (datetime.datetime for a date with a time). Keys are always the text written.
    data: dict[str, Any]
    # Where each value starts: every mapping value and sequence element; the root is ().
    # A value copied by ``*alias`` is marked where the alias is written, the
    # values inside it where the anchored original is written.
    value_marks: dict[Path_, Mark]
    key_marks: dict[Path_, Mark]  # where the key that introduces a mapping value starts
    warnings: list[Problem]  # non-fatal notes, severity WARNING
    # The text YAML parsed, decoded from the file's bytes and without a byte-order mark: the marks
    # count in it, and later stages read it here rather than read and decode the file again.
    source: str

    def mark(self, path: Path_) -> Mark:
        """Where the value at ``path`` starts, or else its nearest ancestor that has a mark."""
        for end in range(len(path), -1, -1):
            found = self.value_marks.get(path[:end])
            if found is not None:
                return found
        return Mark(1, 1)

    def key_mark(self, path: Path_) -> Mark:
        """Where the key introducing ``path`` starts, falling back to :meth:`mark`."""
        return self.key_marks.get(path) or self.mark(path)


def format_field(path: Path_) -> str:
    """``("measures", "items", 2, "title")`` → ``measures.items[2].title``."""
    parts: list[str] = []
    for step in path:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        else:
            parts.append(f".{step}" if parts else step)
    return "".join(parts)
