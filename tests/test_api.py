"""The public API: ``draft.read_form``, ``draft.build_form``, ``draft.check_form``, ``draft.import_report`` … loaded on first use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import draft
from conftest import EXAMPLES


def test_importing_draft_loads_none_of_the_pipeline() -> None:
    script = "import sys, draft\nprint(sorted(m for m in sys.modules if m.startswith('draft.')))\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_every_public_name_is_the_one_its_module_defines(tmp_path: Path) -> None:
    from draft.build import one, options
    from draft.check import check_form
    from draft.form.read import read_form
    from draft.imports import import_report
    from draft.problems import Problem

    assert (draft.build_form, draft.BuildOptions, draft.check_form) == (one.build_form, options.BuildOptions, check_form)
    assert (draft.read_form, draft.import_report, draft.Problem) == (read_form, import_report, Problem)
    assert set(draft.__all__) <= set(dir(draft))
    built = draft.build_form(EXAMPLES / "luohu-2022.yaml", tmp_path, draft.BuildOptions())
    assert built.output == tmp_path / "luohu-2022.docx"
    with pytest.raises(AttributeError):
        draft.build_forms  # noqa: B018  (internal: draft.build.build_forms)
