"""The form in a real editor: yaml-language-server (what VS Code's YAML extension runs) reads the schema
``draft init`` names in the form's first line, marks a wrong value in Chinese, completes the parts still
missing and explains a field on hover, for both kinds of report.

Needs Node.js and yaml-language-server in .ci/node (``npm ci --prefix .ci/node``), which .ci/run installs.
On a developer machine without them these tests are skipped; under CI they must run.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import REPO, run_cli
from draft.kinds import by_id
from draft.text import dates
from lsp_client import LanguageServer

SERVER = REPO / ".ci" / "node" / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
NODE = shutil.which("node")
pytestmark = pytest.mark.needs_node
missing = [name for name, found in (("node", NODE), ("yaml-language-server", SERVER.is_file())) if not found]
if missing and not os.environ.get("CI"):
    pytest.skip(f"needs {', '.join(missing)}", allow_module_level=True)

KINDS = ["law-based-government", "information-disclosure"]


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A unit's folder with a form of each kind, as ``draft init`` writes them."""
    folder = tmp_path_factory.mktemp("unit")
    for kind in KINDS:
        assert run_cli("init", "--kind", kind, f"inputs/{kind}.yaml", cwd=folder).exit_code == 0
    return folder


@pytest.fixture(scope="module")
def server(forms: Path) -> Iterator[LanguageServer]:
    assert NODE is not None
    running = LanguageServer([NODE, str(SERVER), "--stdio"], forms)
    yield running
    running.close()


def _line(text: str, pattern: str) -> int:
    """The number (from 0, as LSP counts) of the first line of ``text`` matching ``pattern``."""
    return next(number for number, line in enumerate(text.splitlines()) if re.match(pattern, line))


def _written(forms: Path, kind: str, name: str, change: tuple[str, str] | None = None, drop: str = "") -> Path:
    """The init form of ``kind`` saved as ``name`` beside it, with one line changed or one part taken out."""
    text = (forms / "inputs" / f"{kind}.yaml").read_text(encoding="utf-8")
    if change:
        text = re.sub(change[0], change[1], text, count=1, flags=re.MULTILINE)
    if drop:  # the part's line and the lines indented under it
        text = re.sub(rf"^{drop}:.*\n(?:[ #].*\n|\n)*?(?=\S)", "", text, count=1, flags=re.MULTILINE)
    path = forms / "inputs" / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", KINDS)
def test_the_form_names_its_schema_in_a_local_file(forms: Path, kind: str) -> None:
    first = (forms / "inputs" / f"{kind}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=.draft/schema-{kind}.json"
    assert (forms / "inputs" / ".draft" / f"schema-{kind}.json").is_file()


@pytest.mark.parametrize("kind", KINDS)
def test_a_year_in_quotes_is_marked_at_its_line_in_chinese(forms: Path, server: LanguageServer, kind: str) -> None:
    form = _written(forms, kind, f"wrong-year-{kind}.yaml", change=(r"^year: (\d+)$", r'year: "\1"'))
    diagnostics = server.diagnostics(server.open(form))
    year_line = _line(form.read_text(encoding="utf-8"), "year:")
    assert [(d["range"]["start"]["line"], d["message"]) for d in diagnostics] == [
        (year_line, f"year（报告年度） 应写阿拉伯数字的年份，不要加引号，例如 {dates.proposed_year(dates.today())}。")
    ]


@pytest.mark.parametrize(("kind", "part"), [("law-based-government", "plans"), ("information-disclosure", "problems")])
def test_completion_on_an_empty_line_offers_the_missing_parts_in_chinese(forms: Path, server: LanguageServer, kind: str, part: str) -> None:
    form = _written(forms, kind, f"no-{part}.yaml", drop=part)
    uri = server.open(form)
    last = len(form.read_text(encoding="utf-8").splitlines())
    found = server.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": last, "character": 0}})
    offered = {item["label"]: item.get("documentation") for item in (found["items"] if isinstance(found, dict) else found)}
    label = by_id(kind).part(part).label
    assert part in offered and label in str(offered[part]), offered.get(part)
    assert "unit" not in offered and "year" not in offered  # written already


@pytest.mark.parametrize("kind", KINDS)
def test_hover_on_unit_explains_it_in_chinese(forms: Path, server: LanguageServer, kind: str) -> None:
    form = forms / "inputs" / f"{kind}.yaml"
    uri = server.open(form)
    position = {"line": _line(form.read_text(encoding="utf-8"), "unit:"), "character": 1}
    hover = server.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position})
    assert "单位名称" in hover["contents"]["value"] and "写全称，会用在标题和落款里。" in hover["contents"]["value"]
