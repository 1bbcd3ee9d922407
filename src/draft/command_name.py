"""The command that runs draft in the user's shell, as every "下一步：运行 …" line must write it.

``draft`` is on PATH only while the environment draft is installed in is activated: a user who ran
``.venv/bin/draft init`` (or ``python -m draft init``) and is told to run ``draft build`` next gets
"command not found". So the messages name draft as it was run: ``draft`` when PATH finds that very
program, else the path that was typed (``.venv/bin/draft``), or ``python -m draft`` when run so.
:func:`draft.cli.main` gives it to click as the program's name; a message reads it back with
:func:`running_command`, and the help pages show their examples so (:func:`as_run`); click's usage
lines and the "运行 … --help" hints name it the same way.
"""

from __future__ import annotations

import os
import re
import sys

#: How Windows runs a program named without its ending (``.venv\Scripts\draft`` is ``draft.exe``).
_WINDOWS_PROGRAMS = (".exe", ".cmd", ".bat", ".com")


def typed_command(argv0: str | None = None, executable: str | None = None) -> str:
    """The command that runs this draft: from ``argv0`` (``sys.argv[0]``) and the interpreter ``executable``."""
    argv0 = sys.argv[0] if argv0 is None else argv0
    if os.path.basename(argv0) == "__main__.py":  # python -m draft
        return f"{_runnable(sys.executable if executable is None else executable)} -m draft"
    return _runnable(argv0) if argv0 else "draft"


def running_command() -> str:
    """The command that runs draft this time: the name click was given for the program (:func:`typed_command`
    from the ``draft`` command; ``draft`` in a program or a test that names it so)."""
    import click

    context = click.get_current_context(silent=True)
    return (context.find_root().info_name if context else None) or "draft"


def as_run(text: str) -> str:
    """``text`` (a help page's) with each command it shows, ``draft build …``, written as draft was run this time."""
    command = running_command()
    if command == "draft":
        return text
    return re.sub(r"(?<![\w./\\-])draft(?= )", lambda _: command, text)


def _runnable(program: str) -> str:
    """``program`` as the user can type it here: its bare name when PATH finds this very file, else its path."""
    import shutil

    name = os.path.basename(program)
    if name == program:  # already a bare name: it was found on PATH
        return program
    found = shutil.which(name)
    if found is not None and _key(found) == _key(program):
        return name
    path = os.path.abspath(program)
    try:
        relative = os.path.relpath(path)
    except ValueError:  # on another drive (Windows)
        relative = path
    # Inside the current folder it is shown as typed there (.venv/bin/draft); a path with no folder
    # in it would be looked up on PATH instead, so it keeps one.
    shown = path if relative.startswith(os.pardir) else relative
    if os.path.dirname(shown) == "":
        shown = os.path.join(os.curdir, shown)
    return _quoted(shown)


def _key(path: str) -> str:
    """``path`` as one file is named whatever the spelling: absolute, in the system's case, with no ``.exe``.
    Links are not followed: a virtual environment's ``python`` is a link to the system's, which has no draft."""
    key = os.path.normcase(os.path.abspath(path))
    stem, ending = os.path.splitext(key)
    return stem if sys.platform == "win32" and ending in _WINDOWS_PROGRAMS else key


def _quoted(path: str) -> str:
    """``path`` as a shell reads it back: quoted when it holds a space or another special character."""
    if sys.platform == "win32":
        # PowerShell runs a quoted path only after its call operator.
        return f'& "{path}"' if any(c in path for c in " &()'`;") else path
    import shlex

    return shlex.quote(path)
