"""The PDF beside the .docx: PDF/A-2b from LibreOffice, fonts embedded, title and language set,
every paragraph, the same pages as the .docx; a whole batch in one LibreOffice run; a stamped PDF
kept; one file failing fails only its form; no LibreOffice told in Chinese.

.ci/run installs LibreOffice and poppler-utils; on a developer machine without them the tests
that need them are skipped, under CI they must run.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

import docx
import pytest

from conftest import EXAMPLES, MINIMAL, building_with, edit_in_word, run_cli
from draft.build.formats import PDF
from draft.build.protect import OutputState
from draft.files import private_folders
from draft.pdf import soffice

GOLDEN = Path(__file__).parent / "fixtures" / "golden"
FORMS = {"luohu-2022": EXAMPLES / "luohu-2022.yaml", "zhonglou-2023": EXAMPLES / "zhonglou-2023.yaml", "features": GOLDEN / "features.yaml"}
TOOLS = ("soffice", "pdfinfo", "pdftotext", "pdffonts")
missing = [tool for tool in TOOLS if shutil.which(tool) is None]
needs_tools = pytest.mark.skipif(
    bool(missing) and not os.environ.get("CI"), reason=f"needs {', '.join(missing)} (LibreOffice, poppler-utils)"
)
#: The typefaces README names for previews; the same for the PDF and the reference conversion.
FONTCONFIG = {"FONTCONFIG_FILE": str(soffice.FONTS)}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[int]]:
    """The three forms built with ``--format docx,pdf`` in one ``draft build``; and how many LibreOffice runs the
    conversion took (each report's ending is laid out apart, once, and cached: draft.build.ending_page)."""
    project = tmp_path_factory.mktemp("publish")
    (project / "inputs").mkdir()
    for name, form in FORMS.items():
        shutil.copy(form, project / "inputs" / f"{name}.yaml")
    runs: list[int] = []
    run = soffice._run

    def counted(program, profile, sources, out_dir, *limit):  # type: ignore[no-untyped-def]
        if not any(f"{private_folders.PREFIX}measure-" in str(source) for source in sources):  # a layout, not the PDFs
            runs.append(len(sources))
        return run(program, profile, sources, out_dir, *limit)

    with mock.patch.dict(os.environ, FONTCONFIG), mock.patch.object(soffice, "_run", counted):
        result = run_cli("build", "--format", "docx,pdf", cwd=project)
    assert result.exit_code == 0, result.stderr
    return project / "output", runs


def tool(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=120).stdout


def squeezed(text: str) -> str:
    """Text without white space or page numbers: the PDF breaks lines and pages where the .docx has none."""
    return re.sub(r"\s+", "", re.sub(r"—\s*\d+\s*—", "", text))


@pytest.mark.needs_libreoffice
@needs_tools
def test_a_batch_converts_all_its_reports_in_one_libreoffice_run(published) -> None:
    output, runs = published
    assert runs == [3]
    assert sorted(p.name for p in output.glob("*.pdf")) == sorted(f"{name}.pdf" for name in FORMS)


@pytest.mark.needs_libreoffice
@needs_tools
@pytest.mark.parametrize("name", FORMS)
def test_every_font_is_embedded(published, name: str) -> None:
    rows = tool("pdffonts", str(published[0] / f"{name}.pdf")).splitlines()[2:]
    assert rows
    for row in rows:  # name type encoding emb sub uni object ID: emb is the fourth column from the end
        assert row.split()[-5] == "yes", row


@pytest.mark.needs_libreoffice
@needs_tools
@pytest.mark.parametrize("name", FORMS)
def test_the_pdf_holds_every_paragraph_in_order(published, name: str) -> None:
    output = published[0]
    pdf_text = squeezed(tool("pdftotext", "-enc", "UTF-8", str(output / f"{name}.pdf"), "-"))
    paragraphs = [squeezed(p.text) for p in docx.Document(str(output / f"{name}.docx")).paragraphs if p.text.strip()]
    # Every character, the marks at the ends of full lines too (LibreOffice loses those of a justified line).
    assert pdf_text == "".join(paragraphs)


@pytest.mark.needs_libreoffice
@needs_tools
@pytest.mark.parametrize("name", FORMS)
def test_pdf_a_2b_with_title_and_chinese_language_and_the_docx_pages(published, name: str, tmp_path: Path) -> None:
    output = published[0]
    pdf = output / f"{name}.pdf"
    data = pdf.read_bytes()
    assert b"<pdfaid:part>2</pdfaid:part>" in data and b"<pdfaid:conformance>B</pdfaid:conformance>" in data
    catalog = re.search(rb"/Type\s*/Catalog(?:(?!endobj).)*", data, re.S).group()
    assert b"/Lang(zh-CN)" in catalog
    title = docx.Document(str(output / f"{name}.docx")).core_properties.title
    info = tool("pdfinfo", str(pdf))
    assert re.search(r"^Title:\s+(.*)$", info, re.M).group(1) == title
    # The same .docx converted by LibreOffice as anyone would (no PDF/A, no draft): the same pages.
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(output / f"{name}.docx")],
        check=True, capture_output=True, timeout=300, env={**os.environ, **FONTCONFIG},
    )
    pages = [re.search(r"^Pages:\s+(\d+)", tool("pdfinfo", str(p)), re.M).group(1) for p in (pdf, tmp_path / f"{name}.pdf")]
    assert pages[0] == pages[1]
    assert PDF.state(pdf) is OutputState.UNCHANGED


@pytest.mark.needs_libreoffice
@needs_tools
def test_a_stamped_pdf_is_kept_and_forced_over_with_a_backup(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "report.yaml").write_text(MINIMAL, encoding="utf-8")
    assert run_cli("build", "--format", "pdf", cwd=tmp_path).exit_code == 0
    pdf = tmp_path / "output" / "report.pdf"
    assert not (tmp_path / "output" / "report.docx").exists()
    # What a seal or a signature does: an incremental update appended after the file's end.
    stamped = pdf.read_bytes() + b"\n1 0 obj\n<</Type/Annot>>\nendobj\ntrailer\n<</Size 2>>\n%%EOF\n"
    with open(pdf, "wb") as stream:
        stream.write(stamped)
    assert PDF.state(pdf) is OutputState.EDITED
    refused = run_cli("build", "--format", "docx,pdf", cwd=tmp_path)
    assert refused.exit_code == 2
    assert refused.stderr.startswith(
        "output/report.pdf:这个文件在 draft 生成以后被修改过（例如加盖了电子印章、签了名，或用其他软件修改过），为免丢失您的修改，没有覆盖它。"
    )
    assert pdf.read_bytes() == stamped and not (tmp_path / "output" / "report.docx").exists()  # nothing of the form written
    forced = run_cli("build", "--format", "pdf", "--force", cwd=tmp_path)
    assert forced.exit_code == 0 and "已备份原文件：output/report.bak.pdf" in forced.stdout
    assert (tmp_path / "output" / "report.bak.pdf").read_bytes() == stamped
    assert PDF.state(pdf) is OutputState.UNCHANGED


def test_a_pdf_of_someone_else_is_not_draft_s(tmp_path: Path) -> None:
    other = tmp_path / "x.pdf"
    with open(other, "wb") as stream:
        stream.write(b"%PDF-1.7\n%%EOF\n")
    assert PDF.state(other) is OutputState.EDITED
    with open(other, "wb") as stream:
        stream.write(b"<html>")
    assert PDF.state(other) is OutputState.FOREIGN


def test_without_libreoffice_the_pdf_is_refused_in_chinese_and_the_rest_still_works(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "report.yaml").write_text(MINIMAL, encoding="utf-8")
    with mock.patch.object(shutil, "which", return_value=None), mock.patch.object(soffice, "_INSTALLED", ()):
        refused = run_cli("build", "--format", "docx,pdf", cwd=tmp_path)
        assert refused.exit_code == 2
        assert refused.stderr.startswith("PDF:生成 PDF 要用 LibreOffice（免费的办公软件），这台电脑上没有找到它。请安装 LibreOffice")
        assert "--format docx,html" in refused.stderr
        assert not (tmp_path / "output").exists()  # said before any form was built
        assert run_cli("build", "--format", "docx,html", cwd=tmp_path).exit_code == 0
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == ["report.docx", "report.html"]


#: A stand-in for LibreOffice: writes a PDF for each .docx, stops at one holding "BAD" (a crash), and logs its runs.
FAKE_SOFFICE = """#!/bin/sh
out=""; prev=""
for arg in "$@"; do
  if [ "$prev" = "--outdir" ]; then out="$arg"; fi
  prev="$arg"
done
echo run >> "$(dirname "$0")/runs"
mkdir -p "$out"
for arg in "$@"; do
  case "$arg" in *.docx)
    if grep -q BAD "$arg"; then exit 1; fi
    stem=$(basename "$arg" .docx)
    printf '%%PDF-1.7\\ntrailer\\n<</ID [ <00000000000000000000000000000000> <00000000000000000000000000000000> ]>>\\n%%%%EOF\\n' > "$out/$stem.pdf";;
  esac
done
"""


@pytest.mark.skipif(os.name == "nt", reason="a shell script stands in for LibreOffice")
def test_one_report_libreoffice_cannot_convert_fails_alone(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    fake.write_text(FAKE_SOFFICE, encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    (tmp_path / "inputs").mkdir()
    for name, unit in (("a", "甲局"), ("b", "乙局"), ("c", "丙局")):
        (tmp_path / "inputs" / f"{name}.yaml").write_text(MINIMAL.replace("示例区司法局", unit), encoding="utf-8")
    # The second report, as LibreOffice gets it, is one it cannot convert (the forms are built in two worker processes).
    real_convert = soffice.convert

    def poisoned(sources, out_dir):  # type: ignore[no-untyped-def]
        with open(sources[1], "ab") as stream:
            stream.write(b"BAD")
        return real_convert(sources, out_dir)

    with building_with(jobs=2), mock.patch.dict(os.environ, {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}), \
            mock.patch.object(soffice, "convert", poisoned):
        result = run_cli("build", "--format", "docx,pdf", cwd=tmp_path)
    assert result.exit_code == 2
    assert (
        "output/b.pdf:LibreOffice 没能把这份报告转成 PDF，没有生成这个文件（这份表单的其他文件和其余表单不受影响）。"
        "请再运行一次 draft build。仍然不行时，生成 Word 文件（--format docx）后用 Word、WPS 或 LibreOffice 打开，另存为 PDF。\n"
    ) in result.stderr
    # What was written is listed as ever, the .docx of the form whose PDF failed too.
    assert result.stdout.splitlines() == [f"已生成：output/{name}" for name in ("a.docx", "a.pdf", "b.docx", "c.docx", "c.pdf")]
    assert result.stderr.strip().endswith("共 3 份表单：已生成 2 份（其中 2 份有审读意见），1 份有问题没有生成，见上。")
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == ["a.docx", "a.pdf", "b.docx", "c.docx", "c.pdf"]
    # One run for all three, which stopped at b; then c alone (and b alone, which fails again).
    assert (bin_dir / "runs").read_text().count("run") == 3


def _fake_soffice(tmp_path: Path, script: str) -> dict[str, str]:
    """The environment in which ``script`` stands in for LibreOffice (a project with inputs/report.yaml in ``tmp_path``)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    fake.write_text(script, encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "report.yaml").write_text(MINIMAL, encoding="utf-8")
    return {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


@pytest.mark.skipif(os.name == "nt", reason="a shell script stands in for LibreOffice")
def test_a_form_whose_pdf_fails_lists_the_files_it_wrote_and_the_backup_it_made(tmp_path: Path) -> None:
    path = _fake_soffice(tmp_path, "#!/bin/sh\nexit 1\n")  # converts nothing
    assert run_cli("build", "--format", "docx,html", cwd=tmp_path).exit_code == 0
    edit_in_word(tmp_path / "output" / "report.docx")
    edited = (tmp_path / "output" / "report.docx").read_bytes()
    with mock.patch.dict(os.environ, path):
        result = run_cli("build", "--format", "docx,html,pdf", "--force", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith("output/report.pdf:LibreOffice 没能把这份报告转成 PDF，没有生成这个文件")
    assert result.stdout.splitlines() == [
        "已备份原文件：output/report.bak.docx",
        "已生成：output/report.docx",
        "已生成：output/report.html",
    ]
    assert (tmp_path / "output" / "report.bak.docx").read_bytes() == edited


#: A stand-in for a LibreOffice that hangs, with a child process of its own (as soffice starts soffice.bin);
#: both write their process ids where the test can see them.
HANGING_SOFFICE = """#!/bin/sh
echo $$ >> "$(dirname "$0")/pids"
sleep 300 &
echo $! >> "$(dirname "$0")/pids"
wait
"""


@pytest.mark.skipif(os.name == "nt", reason="a shell script stands in for LibreOffice")
def test_a_libreoffice_that_hangs_is_said_to_have_run_out_of_time(tmp_path: Path) -> None:
    path = _fake_soffice(tmp_path, HANGING_SOFFICE)
    with mock.patch.dict(os.environ, path), mock.patch.object(soffice, "START_SECONDS", 1), \
            mock.patch.object(soffice, "SECONDS_PER_FILE", 1):
        result = run_cli("build", "--format", "docx,pdf", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "output/report.pdf:LibreOffice 在 2 秒内没有转换完（可能电脑太忙，或者 LibreOffice 卡住了），draft 停止了它，"
        "没有生成这个文件（这份表单的其他文件和其余表单不受影响）。"
        "请关闭正在运行的 LibreOffice 和其他占用电脑的程序，再运行一次 draft build；表单很多时可以分几次生成。"
        "仍然不行时，生成 Word 文件（--format docx）后用 Word、WPS 或 LibreOffice 打开，另存为 PDF。\n"
    )
    assert result.stdout == "已生成：output/report.docx\n"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie waiting for its parent to read it is dead to us.
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "\nState:\tZ" in status.read_text())


def _hanging_build(tmp_path: Path) -> tuple[subprocess.Popen[bytes], Path, Path]:
    path = _fake_soffice(tmp_path, HANGING_SOFFICE)
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, **path, "TMPDIR": str(temp)}
    build = subprocess.Popen([sys.executable, "-m", "draft", "build", "--format", "docx,pdf"], cwd=tmp_path, env=env)
    pids = tmp_path / "bin" / "pids"
    for _ in range(300):
        if pids.exists() and len(pids.read_text().split()) == 2:
            break
        time.sleep(0.05)
    return build, pids, temp


def _drafts_folders(temp: Path) -> list[str]:
    """draft's working folders (the compiled templates' cache, also there, is meant to stay)."""
    return [folder.name for folder in temp.iterdir() if folder.name.startswith(private_folders.PREFIX)]


def _gone(pids: Path) -> bool:
    for _ in range(100):
        if not any(_alive(int(pid)) for pid in pids.read_text().split()):
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; signals as on Linux")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_libreoffice_and_the_copies_go_when_draft_is_stopped(tmp_path: Path, signum: int) -> None:
    build, pids, temp = _hanging_build(tmp_path)
    build.send_signal(signum)
    assert build.wait(timeout=20) != 0
    assert _gone(pids), "LibreOffice outlived draft"
    assert _drafts_folders(temp) == []  # no copy of a report left in the temporary folder


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; signals as on Linux")
def test_libreoffice_goes_when_draft_is_killed_and_the_next_run_sweeps_the_copies(tmp_path: Path) -> None:
    build, pids, temp = _hanging_build(tmp_path)
    build.kill()  # kill -9: draft cleans up nothing itself
    build.wait(timeout=20)
    assert _gone(pids), "LibreOffice outlived draft"
    left = _drafts_folders(temp)
    assert len(left) == 2  # the copies and LibreOffice's profile
    with mock.patch.dict(os.environ, {"TMPDIR": str(temp)}), mock.patch.object(tempfile, "tempdir", None):
        private_folders.sweep()
        assert _drafts_folders(temp) == left  # just made: perhaps by a run that has not locked it yet
        for name in left:
            _made_an_hour_ago(temp / name)
        private_folders.sweep()
    assert _drafts_folders(temp) == []


def _made_an_hour_ago(folder: Path) -> None:
    an_hour_ago = time.time() - 3600
    os.utime(folder, (an_hour_ago, an_hour_ago))


def test_the_sweep_never_touches_a_users_own_folders(tmp_path: Path) -> None:
    # Named like draft's (draft-notes; draft-pdf- with another ending), or draft's name without draft's lock file.
    for name in ("draft-notes", "draft-pdf-mine", "draft-pdf-abcdefgh", "draft-main"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "thesis.txt").write_text("precious", encoding="utf-8")
        _made_an_hour_ago(tmp_path / name)
    with mock.patch.dict(os.environ, {"TMPDIR": str(tmp_path)}), mock.patch.object(tempfile, "tempdir", None):
        private_folders.sweep()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft-main", "draft-notes", "draft-pdf-abcdefgh", "draft-pdf-mine"]


def test_the_sweep_leaves_a_living_runs_folder_alone(tmp_path: Path) -> None:
    with mock.patch.dict(os.environ, {"TMPDIR": str(tmp_path)}), mock.patch.object(tempfile, "tempdir", None):
        with private_folders.private_folder("pdf") as working:
            (working / "report.docx").write_bytes(b"a copy")
            private_folders.sweep()
            assert (working / "report.docx").exists()
        assert list(tmp_path.iterdir()) == []


def test_a_full_temporary_folder_costs_the_pdf_only_and_is_told_in_chinese(tmp_path: Path) -> None:
    import contextlib
    import errno

    @contextlib.contextmanager
    def full(purpose: str):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")
        yield

    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "report.yaml").write_text(MINIMAL, encoding="utf-8")
    with mock.patch.object(private_folders, "private_folder", full), mock.patch.object(soffice, "program", lambda: "soffice"):
        result = run_cli("build", "--format", "docx,pdf", cwd=tmp_path)
    assert result.exit_code == 2
    assert "已生成：output/report.docx" in result.stdout
    assert "里准备 PDF（磁盘已满），没有生成 PDF；Word 文件和网页照常生成。" in result.stderr
    assert "内部错误" not in result.stderr and "Errno" not in result.stderr
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == ["report.docx"]
