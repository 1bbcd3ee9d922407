"""Shared helpers: write a form, build it, and read the .docx back."""

from __future__ import annotations

import gc
import math
import os
import re
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from unittest import mock

import docx
import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

import draft.build
from draft.build import build_form
from draft.cli import cli

if TYPE_CHECKING:
    from draft.form.read import ReadForm
    from draft.model.report import Report

T = TypeVar("T")

# Property tests have no deadline: hypothesis's 200 ms an example is missed by a loaded machine, not by
# slow code (the speed tests measure that). In CI (the CI variable set) the examples are the same on
# every run, so a failure there is reproduced by running the test again; print_blob says how elsewhere.
settings.register_profile("draft", deadline=None)
settings.register_profile("ci", settings.get_profile("draft"), derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "draft")

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
#: The two published reports the examples reproduce (copies of shared/seeds, so the tests need nothing outside the repo).
SEEDS = REPO / "tests" / "fixtures" / "seeds"

#: The smallest form that validates: the three required parts.
MINIMAL = """\
unit: 示例区司法局
year: 2023
measures:
  text: 我局坚持依法行政。
shortcomings:
  text: 学习还不够深入。
plans:
  text: 继续加强学习。
"""


def filled_in(init_text: str) -> str:
    """The form ``draft init`` wrote, made a unit's own: its unit named and each example paragraph and point
    rewritten (here: begun anew), so that it validates and builds (as it stands, validation lists each)."""
    from draft.form.unfinished import example_texts
    from draft.kinds import all_kinds

    text = init_text.replace("某某区", "青山区")
    for example in {example for kind in all_kinds() for example in example_texts(kind)}:
        text = text.replace(example, "本局" + example)
    return text


#: The frame's fields as a form writes them (版头, 版记), for a report on 2023 (MINIMAL's year).
FRAME_FIELDS = """\
issuer_mark: 青山县市场监督管理局文件
doc_number: 青市监〔2024〕3号
signers: [张三, 李四, 王五]
cc: [县委办公室, 县政府办公室]
printed_by: 青山县市场监督管理局办公室
printed_date: 2024-01-20
closing: true
date: 2024-01-15
"""
#: Two attachments: a text, and items numbered as a part's.
ATTACHMENTS = """\
attachments:
  - title: 行政执法情况统计表
    text: 全年办理行政执法案件120件。
  - title: 法治宣传活动清单
    items:
      - title: 宪法宣传周
        text: 开展宪法宣传活动12场。
"""


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


@pytest.fixture
def write_form(tmp_path: Path) -> Callable[[str, str], Path]:
    def write(text: str, name: str = "form.yaml") -> Path:
        path = tmp_path / name
        path.write_text(dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def build_docx(tmp_path: Path, write_form: Callable[[str, str], Path]) -> Callable[[str], docx.document.Document]:
    """Build a form given as text and open the result with python-docx."""

    def build(text: str) -> docx.document.Document:
        built = build_form(write_form(text), tmp_path / "out")
        return docx.Document(str(built.output))

    return build


def run_cli(*args: str, cwd: Path | None = None) -> Result:
    """Run ``draft`` as a user would (through its error-handling group), in ``cwd``."""
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, list(args), prog_name="draft", catch_exceptions=False)
    finally:
        os.chdir(old)


def building_with(jobs: int) -> AbstractContextManager[object]:
    """While in effect, ``draft build`` shares its forms among ``jobs`` worker processes (1: none),
    whatever the number of forms and of this machine's cores."""
    return mock.patch.object(draft.build, "build_forms", partial(draft.build.build_forms, jobs=jobs))


def edit_in_word(path: Path) -> None:
    """What a user does: open the report, add a sentence, save."""
    document = docx.Document(str(path))
    document.add_paragraph("我在 Word 里加的一段话。")
    document.save(str(path))


def read_past_placeholders(form: Path) -> ReadForm:
    """``form`` read as ``draft build`` reads it, its examples and placeholders left as they are (an imported
    report's unit or part the source lacked): ``draft validate`` lists them, so no report is built from it as it stands."""
    from draft.form.load import load_form
    from draft.form.read import read_past_unfinished

    return read_past_unfinished(load_form(form))[0]


def built_past_placeholders(form: Path) -> tuple[Report, docx.document.Document]:
    """:func:`read_past_placeholders`, and the .docx draft would build from it."""
    import io

    from draft.render.blocks import render
    from draft.render.wording import Wording
    from draft.word.writer import to_bytes

    report = read_past_placeholders(form).report
    return report, docx.Document(io.BytesIO(to_bytes(render(report, Wording()))))


def body_texts(document: docx.document.Document) -> list[str]:
    """The non-empty paragraphs after the title (and after the 版头 above it, if there is one)."""
    paragraphs = document.paragraphs
    title = next((i for i, p in enumerate(paragraphs) if p.style is not None and p.style.style_id == "Title"), 0)
    return [p.text for p in paragraphs[title + 1 :] if p.text.strip()]


def seconds(action: Callable[[T], object], argument: T) -> float:
    """The processor time ``action(argument)`` takes: what the code costs, however busy the machine is
    (the wall clock also counts the time other processes had the processor)."""
    started = time.thread_time()
    action(argument)
    return time.thread_time() - started


def slowdown(action: Callable[[T], object], small: T, large: T, runs: int = 5) -> float:
    """How many times longer ``action`` takes on ``large`` than on ``small``, the best of ``runs`` of each.

    A test of speed asserts this ratio, not a time: a slower computer or coverage slows both sizes
    alike, where it would break a time limit. The garbage collector is held off while they run: its
    passes cost as much as all the objects earlier tests left alive, which has nothing to do with
    the size of the input.
    """
    action(small)  # imports and caches warmed up
    small_best = large_best = math.inf
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            small_best = min(small_best, seconds(action, small))
            large_best = min(large_best, seconds(action, large))
    finally:
        gc.enable()
    return large_best / small_best


#: Latin-letter words a message may hold besides the user's own: what the user types in a form
#: (field names, layout values), product and file names, and the commands and options of draft.
ALLOWED_ENGLISH = {
    "YAML", "Tab", "U", "Word", "WPS", "Excel", "PDF", "UTF", "GB", "GBK", "GB18030", "LibreOffice", "Notepad", "Windows",
    "KB", "MB", "BOM", "zip", "xlsx", "pptx", "help", "macOS",
    "draft", "init", "validate", "check", "build", "import", "template", "schema", "force", "strict", "keep", "punctuation",
    "JSON", "Schema", "VS", "Code",
    "ignore", "review", "errors",
    "format", "json", "text", "yaml", "yml", "docx", "txt", "md", "html", "pdf", "bak", "output", "inputs", "templates",
    "unit", "year", "title", "recipient", "intro", "measures", "shortcomings", "responsibility", "plans", "others",
    "closing", "signature", "date", "layout", "normalize", "points", "items", "numbering", "continue", "as", "parts",
    "own", "line", "run", "in", "inline", "paragraphs", "true", "false", "wording", "j2", "report", "fingerprint",
    "issuer", "mark", "doc", "number", "signers", "cc", "printed", "by", "attachments", "double", "sided",
    # The 政府信息公开工作年度报告's vocabulary: its kind and the fields of its parts.
    "kind", "law", "based", "government", "information", "disclosure", "previous",
    "overview", "proactive", "applications", "appeals", "problems",
}


#: Not words: file and folder names (a path from the root, a name with a file's ending), which are the
#: user's, and character codes (U+FFFE, and escapes such as \x0b as the user wrote them).
_NOT_WORDS = re.compile(
    r"(?:/|[A-Za-z]:\\)[^\s：“”，。（）:]+|[\w./\\-]+\.(?:yaml|yml|docx|doc|txt|md|html?|pdf|j2|wps|odt)\b"
    r"|U\+[0-9A-Fa-f]+|\\[xuU][0-9A-Fa-f]+"
)


def english_words(message: str, user_text: str = "") -> set[str]:
    """Latin-letter words in ``message`` that are neither allowed terms nor the user's own words."""
    return {
        word
        for word in re.findall(r"[A-Za-z][A-Za-z0-9]+", _NOT_WORDS.sub(" ", message))
        if word not in ALLOWED_ENGLISH and word not in user_text
    }


class _Heard:
    """What draft said to the user during one test, and what the test handed draft as the user's."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.user_text: list[str] = []

    def said(self, message: object) -> None:
        if message is not None:
            self.messages.append(str(message))

    def given(self, content: object) -> None:
        if isinstance(content, bytes):
            content = content.decode("utf-8", "replace") + content.decode("gb18030", "replace")
        self.user_text.append(str(content))


@pytest.fixture(autouse=True)
def no_english_reaches_the_user(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every message any test makes draft say is scanned: no English word but the user's own.

    Heard are the lines the commands print, every problem an error carries and every finding of
    the check; the user's own words are whatever the test wrote to a file or handed to draft.
    """
    import click

    from draft import problems
    from draft.check import context
    from draft.text.lines import Lines

    heard = _Heard()
    echo, error_init, finding = click.echo, problems.DraftError.__init__, context.Context.finding
    write_text, write_bytes, invoke = Path.write_text, Path.write_bytes, CliRunner.invoke
    parse_text = Lines.__init__

    def echoing(message=None, *args, **kwargs):  # type: ignore[no-untyped-def]
        heard.said(message)
        return echo(message, *args, **kwargs)

    def raising(self, found, *args, **kwargs):  # type: ignore[no-untyped-def]
        error_init(self, found, *args, **kwargs)
        heard.messages.extend(str(problem) for problem in self.problems)

    def finding_made(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        made = finding(self, *args, **kwargs)
        heard.said(made)
        return made

    def text_written(self, data, *args, **kwargs):  # type: ignore[no-untyped-def]
        heard.given(data)
        heard.given(self)
        return write_text(self, data, *args, **kwargs)

    def bytes_written(self, data, *args, **kwargs):  # type: ignore[no-untyped-def]
        heard.given(data)
        heard.given(self)
        return write_bytes(self, data, *args, **kwargs)

    def form_parsed(self, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        heard.given(text)  # every form's text, however it reached the loader, is counted in Lines
        parse_text(self, text, *args, **kwargs)

    def invoked(self, cli_, args=None, *rest, **kwargs):  # type: ignore[no-untyped-def]
        heard.given(" ".join(map(str, args or ())))
        return invoke(self, cli_, args, *rest, **kwargs)

    monkeypatch.setattr(click, "echo", echoing)
    monkeypatch.setattr(problems.DraftError, "__init__", raising)
    monkeypatch.setattr(context.Context, "finding", finding_made)
    monkeypatch.setattr(Path, "write_text", text_written)
    monkeypatch.setattr(Path, "write_bytes", bytes_written)
    monkeypatch.setattr(CliRunner, "invoke", invoked)
    monkeypatch.setattr(Lines, "__init__", form_parsed)
    yield
    user_text = "\n".join(heard.user_text)
    # --format json and draft schema are for programs: their keys are English by design (check's messages
    # are heard as findings; the schema's Chinese words are the schema's own).
    spoken = [message for message in heard.messages if not message.startswith(("[", "{"))]
    leaked = {message: words for message in spoken if (words := english_words(message, user_text))}
    assert not leaked, f"English reached the user: {leaked}"
