"""The progress bar of a batch: ``[ 120/1000] inputs/x.yaml`` on a terminal's last line."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TextIO

from draft.problems import display_path
from draft.text.width import display_width


class Progress:
    """``[ 120/1000] inputs/x.yaml`` on a terminal's last line, overwritten in place."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream, self.total, self.drawn = stream, total, 0

    def show(self, done: int, form: Path) -> None:
        columns = shutil.get_terminal_size().columns - 1
        line, width = "", 0
        for char in f"[{done:>{len(str(self.total))}}/{self.total}] {display_path(form)}":
            char_width = display_width(char)
            if width + char_width > columns:
                break
            line, width = line + char, width + char_width
        self.stream.write("\r" + line)
        self.stream.flush()
        self.drawn = width

    def clear(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * self.drawn + "\r")
            self.stream.flush()
            self.drawn = 0
