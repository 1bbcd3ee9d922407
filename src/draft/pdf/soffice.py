"""LibreOffice, run headless to turn .docx files into PDF/A-2b — many files in one process.

Starting LibreOffice costs about two seconds, converting one report a fraction of that, so a
batch hands it every file at once. It runs with a private, temporary profile
(``-env:UserInstallation``): the user's own LibreOffice — its settings, recent files, and a
window they may have open — is never touched, and never blocks the conversion.

On a computer without the fonts a GB/T 9704 document names (仿宋_GB2312, 楷体_GB2312, 黑体,
小标宋), fontconfig would set the whole report in one sans fallback; :data:`FONTS` tells it the
closest stand-ins installed instead (the fonts themselves still win where they exist).

A file LibreOffice cannot convert is left out of its answer while the others still convert;
if it crashes or hangs part way, the files it did not get to are tried once more, each alone,
so that one bad file costs only itself.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from draft.problems import Problem, UsageError

#: PDF/A-2b (``SelectPdfVersion`` 2): fonts embedded, title and language in the metadata, tagged.
FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
#: The fontconfig set-up LibreOffice runs with, unless the user chose one (``FONTCONFIG_FILE``).
FONTS = Path(__file__).with_name("fonts.conf")
#: How long LibreOffice may take: to start, and for each file.
START_SECONDS, SECONDS_PER_FILE = 120, 30

#: Where the installers put it when it is not on the PATH.
_INSTALLED = (
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "LibreOffice" / "program" / "soffice.exe",
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "LibreOffice" / "program" / "soffice.exe",
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
    Path("/opt/libreoffice/program/soffice"),
)


def program() -> str:
    """The LibreOffice program; UsageError, saying how to install it, if there is none."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    found = found or next((str(path) for path in _INSTALLED if path.is_file()), None)
    if found is None:
        raise UsageError(
            Problem(
                file="PDF",
                message="生成 PDF 要用 LibreOffice（免费的办公软件），这台电脑上没有找到它。"
                "请安装 LibreOffice：可在它的官方网站下载，统信、麒麟等国产系统可在应用商店中安装；"
                "装好后重新运行。暂时不需要 PDF 时，用 --format docx,html 只生成 Word 文件和网页。",
            )
        )
    return found


def convert(sources: Sequence[Path], out_dir: Path, seconds: float | None = None) -> dict[Path, Path]:
    """The PDF LibreOffice wrote into ``out_dir`` for each of ``sources`` it converted (same stem, ``.pdf``).

    ``seconds``: a time limit for the whole run, in place of the usual one; the files it did not get to
    are then not tried again (a caller with a budget would rather have no answer than a late one).
    """
    soffice = program()
    with tempfile.TemporaryDirectory(prefix="draft-libreoffice-") as profile:
        _run(soffice, Path(profile), sources, out_dir, seconds)
        done = _written(sources, out_dir)
        missing = [source for source in sources if source not in done]
        if done and missing and seconds is None:
            for source in missing:
                _run(soffice, Path(profile), [source], out_dir)
            done = _written(sources, out_dir)
    return done


def _written(sources: Sequence[Path], out_dir: Path) -> dict[Path, Path]:
    pdfs = {source: out_dir / (source.stem + ".pdf") for source in sources}
    return {source: pdf for source, pdf in pdfs.items() if pdf.is_file() and pdf.stat().st_size > 0}


def _run(soffice: str, profile: Path, sources: Sequence[Path], out_dir: Path, seconds: float | None = None) -> None:
    """One LibreOffice process over ``sources``; stopped (with every process it started) if it takes too long."""
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    command += ["--convert-to", FILTER, "--outdir", str(out_dir), *map(str, sources)]
    new_group = {"start_new_session": True} if sys.platform != "win32" else {}
    env = {"FONTCONFIG_FILE": str(FONTS), **os.environ}
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, **new_group
    )
    try:
        process.wait(timeout=seconds if seconds is not None else START_SECONDS + SECONDS_PER_FILE * len(sources))
    except subprocess.TimeoutExpired:
        _stop(process)
    except BaseException:  # Ctrl+C: LibreOffice goes too
        _stop(process)
        raise


def _stop(process: subprocess.Popen[bytes]) -> None:
    if sys.platform != "win32":
        os.killpg(process.pid, signal.SIGKILL)
    else:
        process.kill()
    process.wait()
