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

LibreOffice lives no longer than the draft that started it: it runs in a process group of its
own, which draft kills on every way out (done, timed out, an error, Ctrl+C, SIGTERM, SIGHUP);
and a small watchdog in that group kills it too when draft is killed outright (``kill -9``), as
the pipe from draft closes. The folders it worked in are swept by the next run
(:mod:`draft.files.private_folders`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from draft.files import private_folders
from draft.problems import CannotProceed, Problem

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
    """The LibreOffice program; CannotProceed, saying how to install it, if there is none."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    found = found or next((str(path) for path in _INSTALLED if path.is_file()), None)
    if found is None:
        raise CannotProceed(
            Problem(
                file="PDF",
                message="生成 PDF 要用 LibreOffice（免费的办公软件），这台电脑上没有找到它。"
                "请安装 LibreOffice：可在它的官方网站下载，统信、麒麟等国产系统可在应用商店中安装；"
                "装好后重新运行。暂时不需要 PDF 时，用 --format docx,html 只生成 Word 文件和网页。",
            )
        )
    return found


class Converted(dict[Path, Path]):
    """The PDF LibreOffice wrote for each source it converted; and, of the others, those it ran out of
    time on (:attr:`timed_out`, with the seconds it had), which the user is told apart from a file it
    could not convert: waiting, or closing a LibreOffice that hangs, may be all they need."""

    def __init__(self, pdfs: dict[Path, Path], timed_out: dict[Path, float]) -> None:
        super().__init__(pdfs)
        self.timed_out = timed_out


def convert(sources: Sequence[Path], out_dir: Path, seconds: float | None = None) -> Converted:
    """The PDF LibreOffice wrote into ``out_dir`` for each of ``sources`` it converted (same stem, ``.pdf``).

    ``seconds``: a time limit for the whole run, in place of the usual one; the files it did not get to
    are then not tried again (a caller with a budget would rather have no answer than a late one).
    """
    soffice = program()
    private_folders.sweep()  # what runs killed outright left behind
    with private_folders.private_folder("libreoffice") as profile:
        late = _attempt(soffice, Path(profile), sources, out_dir, seconds)
        done = _written(sources, out_dir)
        missing = [source for source in sources if source not in done]
        if done and missing and seconds is None:
            late = {}
            for source in missing:
                late |= _attempt(soffice, Path(profile), [source], out_dir)
            done = _written(sources, out_dir)
    return Converted(done, {source: limit for source, limit in late.items() if source not in done})


def _attempt(soffice: str, profile: Path, sources: Sequence[Path], out_dir: Path, seconds: float | None = None) -> dict[Path, float]:
    """:func:`_run` over ``sources``: nothing if LibreOffice ended in time, else each source with the seconds it had."""
    limit = _seconds(len(sources)) if seconds is None else seconds
    if _run(soffice, profile, sources, out_dir, limit):
        return {}
    return dict.fromkeys(sources, limit)


def _seconds(files: int) -> int:
    """How long LibreOffice may take over ``files`` files."""
    return START_SECONDS + SECONDS_PER_FILE * files


def _written(sources: Sequence[Path], out_dir: Path) -> dict[Path, Path]:
    pdfs = {source: out_dir / (source.stem + ".pdf") for source in sources}
    return {source: pdf for source, pdf in pdfs.items() if pdf.is_file() and pdf.stat().st_size > 0}


#: Run with LibreOffice's command line, in LibreOffice's process group: starts it, and kills the whole
#: group (LibreOffice, what it started, itself) as soon as its standard input ends without a word —
#: which is what happens when draft, holding the other end, dies however it dies.
_WATCHDOG = """
import os, signal, subprocess, sys, threading
office = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
def orphaned():
    if not sys.stdin.buffer.read():
        os.killpg(0, signal.SIGKILL)
threading.Thread(target=orphaned, daemon=True).start()
sys.exit(office.wait())
"""


def _run(soffice: str, profile: Path, sources: Sequence[Path], out_dir: Path, seconds: float | None = None) -> bool:
    """One LibreOffice process over ``sources``; stopped (with every process it started) if it takes too long
    (then False) or draft is stopped."""
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    command += ["--convert-to", FILTER, "--outdir", str(out_dir), *map(str, sources)]
    # LibreOffice's own temporary files (lu*.tmp) go into its profile folder, removed with it: stopped, it leaves
    # none in the system's temporary folder.
    own_temp = str(profile)
    env = {"FONTCONFIG_FILE": str(FONTS), **os.environ, "TMPDIR": own_temp, "TMP": own_temp, "TEMP": own_temp}
    seconds = seconds if seconds is not None else _seconds(len(sources))
    if sys.platform == "win32":
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    else:
        process = subprocess.Popen(
            [sys.executable, "-c", _WATCHDOG, *command],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True,
        )
    try:
        with _stopped_by_signals():
            process.wait(timeout=seconds)
        return True
    except subprocess.TimeoutExpired:
        return False
    finally:  # done, timed out, or draft stopped (Ctrl+C, SIGTERM, SIGHUP): nothing of LibreOffice stays
        _stop(process)


@contextlib.contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """While LibreOffice runs, SIGTERM and SIGHUP end draft as Ctrl+C does: through every ``finally``."""
    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = {signum: signal.signal(signum, stop) for signum in wanted}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if sys.platform == "win32":
        if process.poll() is None:
            process.kill()
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)  # the group outlives its leader: whatever LibreOffice left running
        if process.stdin is not None:
            process.stdin.close()
    process.wait()
