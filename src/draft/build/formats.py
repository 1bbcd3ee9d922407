"""Which files a build writes (``draft build --format docx,html,pdf``), and how each is told apart
from one a user changed: every format answers in :class:`draft.word.fingerprint.OutputState`.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from draft.word.fingerprint import OutputState


class Format(NamedTuple):
    name: str  # as typed after --format, and the files' extension
    kind: str  # what the user calls such a file
    edited: str  # how a user typically changes one
    package: str  # the package whose ``fingerprint.output_state`` tells an edited file

    def target(self, report: Path) -> Path:
        """The file of this format beside ``report`` (``x.docx`` → ``x.html``)."""
        return report.with_suffix("." + self.name)

    def state(self, path: Path) -> OutputState:
        return import_module(f"draft.{self.package}.fingerprint").output_state(path)


DOCX = Format("docx", "Word 文件", "在 Word 或 WPS 中编辑并保存过", "word")
HTML = Format("html", "html 网页", "在网页编辑器或记事本中修改并保存过", "html")
PDF = Format("pdf", "PDF 文件", "加盖了电子印章、签了名，或用其他软件修改过", "pdf")
FORMATS = {format_.name: format_ for format_ in (DOCX, HTML, PDF)}


def parse(text: str) -> tuple[Format, ...]:
    """``docx,html`` → the formats, each once, in the order docx, html, pdf; ValueError (Chinese) for an unknown one."""
    names = {name.strip().lower().lstrip(".") for name in text.replace("，", ",").split(",") if name.strip()}
    unknown = sorted(names - FORMATS.keys())
    if unknown or not names:
        what = f"不认识“{'”“'.join(unknown)}”" if unknown else "没有写格式"
        raise ValueError(f"{what}。可以写 docx（Word 文件）、html（网页）、pdf，几种之间用逗号隔开，例如 --format docx,html,pdf。")
    return tuple(format_ for name, format_ in FORMATS.items() if name in names)
