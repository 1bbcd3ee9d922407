"""Compiled templates are kept between runs, and the cache never changes or stops a build."""

from __future__ import annotations

import datetime
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from jinja2.bccache import bc_magic

from draft.model.report import Report, Text
from draft.render.template_cache import template_cache
from draft.render.wording import WORDING_FILE, Wording, builtin_template_dir

REPORT = Report(unit=Text.plain("示例区司法局"), year=2023, parts=[], date=datetime.date(2024, 1, 15))
TITLE = "示例区司法局2023年法治政府建设年度报告"


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary directory Jinja keeps its cache folder in, for this test alone."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def cache_files(temp_dir: Path) -> list[Path]:
    return sorted(temp_dir.glob("_jinja2-cache*/*.cache"))


def test_the_compiled_template_is_kept_and_used(temp_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert Wording().title(REPORT) == TITLE
    assert len(cache_files(temp_dir)) == 1
    # Compiling again would fail now: the second Wording must come from the cache.
    monkeypatch.setattr("jinja2.Environment.compile", lambda *args, **kwargs: pytest.fail("compiled again"))
    assert Wording().title(REPORT) == TITLE


def test_an_edited_template_is_compiled_afresh(temp_dir: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    shutil.copytree(builtin_template_dir(), mine)
    assert Wording(mine).title(REPORT) == TITLE
    wording = mine / WORDING_FILE
    wording.write_text(wording.read_text(encoding="utf-8").replace("年法治政府建设年度报告", "年度法治工作报告"), encoding="utf-8")
    assert Wording(mine).title(REPORT) == "示例区司法局2023年度法治工作报告"


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[:40],  # cut short, as a crash or a full disk might leave it
        lambda blob: bc_magic + b"\x8c\x00}a8\x8b",  # Jinja's header, then bytes pickle chokes on (AttributeError)
    ],
    ids=["cut-short", "garbage-after-header"],
)
def test_a_damaged_cache_file_is_compiled_over(temp_dir: Path, damage: Callable[[bytes], bytes]) -> None:
    Wording()
    for cached in cache_files(temp_dir):
        cached.write_bytes(damage(cached.read_bytes()))
    assert Wording().title(REPORT) == TITLE


def test_a_cache_that_cannot_be_written_costs_nothing(temp_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", disk_full)
    assert Wording().title(REPORT) == TITLE
    assert cache_files(temp_dir) == []


def test_no_cache_where_no_private_folder_can_be_made(temp_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    not_a_folder = temp_dir / "file"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(not_a_folder))
    assert template_cache() is None
    assert Wording().title(REPORT) == TITLE



def test_code_compiled_by_another_version_of_the_compiler_is_never_loaded(monkeypatch) -> None:
    # Code an older draft compiled lacks the work-counting hooks a newer one added: the key tells them apart.
    from draft.render import template_cache

    cache = template_cache.TemplateCache()
    key = cache.get_cache_key("wording.j2", "/x/wording.j2")
    monkeypatch.setattr(template_cache, "_compiler", lambda: "another compiler")
    assert cache.get_cache_key("wording.j2", "/x/wording.j2") != key
