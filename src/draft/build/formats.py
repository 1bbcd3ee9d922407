"""Which files a build writes (``draft build --format docx,html,pdf``), and how each is told apart
from one a user changed (:mod:`draft.build.protect`): each format names its seal.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from draft.build.protect import DOCX_SEAL, PAGE_SEAL, PDF_SEAL, Found, OutputState, Seal, found_at
from draft.files.safe_write import occupant
from draft.problems import CannotProceed, Problem, display_path


class Format(NamedTuple):
    name: str  # as typed after --format, and the files' extension
    kind: str  # what the user calls such a file
    edited: str  # how a user typically changes one
    seal: Seal  # how a file of this format draft wrote, byte for byte, is told

    def target(self, report: Path) -> Path:
        """The file of this format beside ``report`` (``x.docx`` → ``x.html``)."""
        return report.with_suffix("." + self.name)

    def state(self, path: Path) -> OutputState:
        """What is at ``path`` now, as far as overwriting it is concerned."""
        return found_at(path, self.seal).state

    def writable(self, target: Path, force: bool) -> Found:
        """What is at ``target``, if draft may write there; CannotProceed if it must be left alone."""
        found = found_at(target, self.seal)
        if found.state in (OutputState.UNREADABLE, OutputState.NOT_A_FILE) or (
            found.state in (OutputState.EDITED, OutputState.FOREIGN) and not force
        ):
            raise CannotProceed(Problem(file=display_path(target), message=self._protected(target, found.state)))
        return found

    def _protected(self, target: Path, state: OutputState) -> str:
        if state is OutputState.UNREADABLE:
            return (
                "无法读取这个已有的文件（没有读取权限，或者磁盘出错）：无法判断它是否被修改过，也无法备份它，"
                "所以没有覆盖它（加 --force 也不会）。"
                "请检查这个文件的权限，或者用 -o 指定另一个输出文件夹。"
            )
        if state is OutputState.NOT_A_FILE:
            return (
                f"这里是一个{occupant(target)}，不是 {self.kind}，draft 不会替换它（加 --force 也不会）。"
                "请把它移走或改名，或者用 -o 指定另一个输出文件夹。"
            )
        why = f"在 draft 生成以后被修改过（例如{self.edited}）" if state is OutputState.EDITED else "不是 draft 生成的文件（或已无法识别）"
        return (
            f"这个文件{why}，为免丢失您的修改，没有覆盖它。"
            f"如果确实要重新生成，请加上 --force：原文件会先备份为 .bak.{self.name}；"
            "或者用 -o 指定另一个输出文件夹。"
        )


DOCX = Format("docx", "Word 文件", "在 Word 或 WPS 中编辑并保存过", DOCX_SEAL)
HTML = Format("html", "html 网页", "在网页编辑器或记事本中修改并保存过", PAGE_SEAL)
PDF = Format("pdf", "PDF 文件", "加盖了电子印章、签了名，或用其他软件修改过", PDF_SEAL)
FORMATS = {format_.name: format_ for format_ in (DOCX, HTML, PDF)}


def parse(text: str) -> tuple[Format, ...]:
    """``docx,html`` → the formats, each once, in the order docx, html, pdf; ValueError (Chinese) for an unknown one."""
    names = {name.strip().lower().lstrip(".") for name in text.replace("，", ",").split(",") if name.strip()}
    unknown = sorted(names - FORMATS.keys())
    if unknown or not names:
        what = f"不认识“{'”“'.join(unknown)}”" if unknown else "没有写格式"
        raise ValueError(f"{what}。可以写 docx（Word 文件）、html（网页）、pdf，几种之间用逗号隔开，例如 --format docx,html,pdf。")
    return tuple(format_ for name, format_ in FORMATS.items() if name in names)
