"""Which file each form's report is written to, and which forms of a batch would write the same one.

A form ``x.yaml`` gives ``x.docx``. Two forms that would give the same report —
``a/report.yaml`` and ``b/report.yaml``, ``x.yaml`` beside ``x.yml``, or ``X.yaml``
beside ``x.yaml`` on a disk that does not tell case apart (Windows, macOS, a USB
stick) — would leave only the report of the one built last: before anything is
written, neither is built, and both are told why and what to do. A form named only
``.yaml`` gives no name at all, and a form ``.x.yaml`` no hidden ``.x.docx``: leading
dots are dropped from the report's name.
"""

from __future__ import annotations

import os
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from draft.problems import Problem, Severity, display_path

#: What a form's name ends in: the one list of draft build, draft init and draft import's -o.
FORM_SUFFIXES = (".yaml", ".yml")
REPORT_SUFFIX = ".docx"
#: What Notepad adds to a form's name when it is saved as a 文本文档: ``2026.yaml.txt``, which Windows
#: Explorer, hiding the last ending, shows as ``2026.yaml``.
NOTEPAD_SUFFIX = ".txt"

#: What draft import reads, by the ending of the name: a Word document, a web page the browser
#: saved, a text or a Markdown file.
WORD_SUFFIXES = frozenset({".docx"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
#: Files reports are kept in, named for a user who gave one where a form belongs. Those draft import
#: does not read (WORD_SUFFIXES, HTML_SUFFIXES) are saved as a .docx first.
REPORT_FILES = {".docx": "一份 Word 文档", ".doc": "一份旧版 Word 文档", ".wps": "一份 WPS 文档",
                ".odt": "一份文档", ".pdf": "一个 PDF 文件", ".html": "一个网页", ".htm": "一个网页"}


def report_name(form: Path) -> str | None:
    """The file name of ``form``'s report, or None when the form's name leaves nothing to name it by."""
    stem = form.name
    for suffix in FORM_SUFFIXES:
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    else:
        stem = form.stem
    stem = stem.strip().lstrip(".").strip()
    return stem + REPORT_SUFFIX if stem else None


def saved_by_notepad(path: Path) -> bool:
    """Whether ``path`` is a form Notepad saved with ``.txt`` after its name (``2026.yaml.txt``, ``2026.yml.txt``)."""
    name = path.name.lower()
    return name.endswith(NOTEPAD_SUFFIX) and Path(name.removesuffix(NOTEPAD_SUFFIX)).suffix in FORM_SUFFIXES


def notepad_named(form: Path, severity: Severity = Severity.ERROR) -> Problem:
    """What to tell of a form :func:`saved_by_notepad`: where its ``.txt`` came from and how to take it off."""
    meant = form.name[: -len(NOTEPAD_SUFFIX)]
    return Problem(
        file=display_path(form),
        severity=severity,
        message=f"这份表单的文件名末尾多了“{NOTEPAD_SUFFIX}”（记事本保存时自动加上的；Windows 默认不显示扩展名，"
        f"所以看上去是“{meant}”），draft 只读以 .yaml 结尾的表单。请把它改名为“{meant}”："
        "在文件资源管理器的“查看”里勾选“文件扩展名”（Windows 11 在“查看 › 显示”里），就能看到并删掉末尾的“.txt”；"
        "以后用记事本另存表单时，“保存类型”选“所有文件”。",
    )


def example_form_name() -> str:
    """A form's name for a message to give as an example: the year being reported on, as ``draft init`` proposes it
    (``2026.yaml``), so that the example is never a year long past."""
    from draft.text import dates

    return f"{dates.proposed_year(dates.today())}{FORM_SUFFIXES[0]}"


def nameless(form: Path) -> Problem:
    return Problem(
        file=display_path(form),
        message=f"表单的文件名“{form.name}”去掉扩展名和开头的“.”以后什么都不剩，生成的 Word 文件将没有名字。"
        f"请把表单改一个名字，例如 {example_form_name()}。",
    )


def unique(forms: Sequence[Path]) -> list[Path]:
    """``forms`` with each file kept once (``a.yaml`` and ``./a.yaml`` are one form), in their order."""
    seen: set[str] = set()
    kept = []
    for form in forms:
        key = os.path.normcase(os.path.abspath(form))
        if key not in seen:
            seen.add(key)
            kept.append(form)
    return kept


def clashes(forms: Sequence[Path], output_dir: Path) -> dict[Path, Problem]:
    """The forms (all different files) that share their report with another form, each with the problem to tell."""
    groups: defaultdict[str, list[Path]] = defaultdict(list)
    for form in forms:
        name = report_name(form)
        if name is not None:
            # Windows, macOS and USB sticks tell neither case nor composed/decomposed characters apart.
            groups[unicodedata.normalize("NFC", name).casefold()].append(form)
    found: dict[Path, Problem] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        names = {report_name(form) for form in group}
        target = display_path(output_dir / str(report_name(group[0])))
        same = "" if len(names) == 1 else "（Windows、macOS 和 U 盘上不区分文件名的大小写，这些是同一个文件）"
        for form in group:
            others = "、".join(display_path(other) for other in group if other is not form)
            found[form] = Problem(
                file=display_path(form),
                message=f"这份表单和 {others} 都会生成 {target}{same}，后生成的会覆盖先生成的，所以都没有生成。"
                "请给其中一份表单改个名字（例如在文件名后加“-2”），或者分两次生成，用 -o 指定不同的输出文件夹。",
            )
    return found
