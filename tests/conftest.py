"""Shared helpers: write a form, build it, and read the .docx back."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result

from draft.build import build_form
from draft.cli import cli
from draft.wording import Wording

REPO = Path(__file__).resolve().parents[1]
INPUTS = REPO / "inputs"
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
        built = build_form(write_form(text), tmp_path / "out", Wording())
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


def edit_in_word(path: Path) -> None:
    """What a user does: open the report, add a sentence, save."""
    document = docx.Document(str(path))
    document.add_paragraph("我在 Word 里加的一段话。")
    document.save(str(path))


def body_texts(document: docx.document.Document) -> list[str]:
    """The non-empty paragraphs after the title."""
    return [p.text for p in document.paragraphs[1:] if p.text.strip()]


#: Latin-letter words a message may hold besides the user's own: what the user types in a form
#: (field names, layout values), product and file names, and the commands and options of draft.
ALLOWED_ENGLISH = {
    "YAML", "Tab", "U", "Word", "WPS", "UTF", "GB", "GBK", "LibreOffice", "Notepad", "Windows",
    "draft", "init", "validate", "check", "build", "import", "template", "force", "strict", "keep", "punctuation",
    "format", "json", "text", "yaml", "yml", "docx", "txt", "md", "html", "pdf", "bak", "output", "inputs", "templates",
    "unit", "year", "title", "recipient", "intro", "measures", "shortcomings", "responsibility", "plans", "others",
    "closing", "signature", "date", "layout", "normalize", "points", "items", "numbering", "continue",
    "own", "line", "run", "in", "inline", "paragraphs", "true", "false", "wording", "j2", "report", "fingerprint",
}


def english_words(message: str, user_text: str = "") -> set[str]:
    """Latin-letter words in ``message`` that are neither allowed terms nor the user's own words."""
    import re

    return {
        word
        for word in re.findall(r"[A-Za-z][A-Za-z0-9]+", message)
        if word not in ALLOWED_ENGLISH and word not in user_text
    }
