"""The JSON Schema file beside the forms, and the form's first line that names it to the editor.

``draft init`` and ``draft import`` begin a form with the modeline yaml-language-server reads
(``# yaml-language-server: $schema=.draft/schema-<kind>.json``) and write that file in a ``.draft``
folder beside the form. The path is relative, so the folder can be copied or shared as it is, and
local: the editor never fetches anything from the network, and the schema always says what the
draft installed here accepts. A folder named with a dot is draft's own: ``draft build`` reads no
form there, and file managers on Linux and macOS hide it, so the forms' folder shows the forms.

A newer draft may say more, or otherwise, than the file written by an older one: ``draft build``
and ``draft validate`` rewrite a file that differs from what they would write (atomically, never
through a link), for every form whose first line is draft's modeline.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from pathlib import Path

from draft.problems import DraftError

#: The folder beside the forms that holds their schemas.
FOLDER = ".draft"

#: draft's modeline as it stands on a form's first line, naming the kind whose schema it is.
_MODELINE = re.compile(rb"# yaml-language-server: \$schema=\.draft/schema-(?P<kind>[a-z0-9-]+)\.json[ \t]*\r?$")


def schema_path(form: Path, kind_id: str) -> Path:
    """The schema file of a form of ``kind_id`` at ``form``."""
    return form.parent / FOLDER / f"schema-{kind_id}.json"


def modeline(kind_id: str) -> str:
    """The line that names the schema to yaml-language-server, relative to the form's folder."""
    return f"# yaml-language-server: $schema={FOLDER}/schema-{kind_id}.json"


def with_modeline(form_text: str, kind_id: str) -> str:
    """``form_text`` with the modeline as its first line (the server reads it there, before any field)."""
    return f"{modeline(kind_id)}\n{form_text}"


def write_schema(form: Path, kind_id: str, today: datetime.date | None = None) -> bool:
    """Write the schema of ``kind_id`` beside ``form`` unless the file there already says it; whether it was written.

    CannotProceed if it cannot be: the ``.draft`` folder is a link or not a folder, the file is a link, or
    the folder cannot be written.
    """
    from draft.files import safe_write
    from draft.form.json_schema import schema_text
    from draft.kinds import by_id
    from draft.problems import CannotProceed, Problem, display_path

    target = schema_path(form, kind_id)
    wanted = schema_text(by_id(kind_id), today).encode("utf-8")
    if target.parent.is_symlink():
        raise CannotProceed(Problem(file=display_path(target.parent), message="这是一个链接（快捷方式），draft 不会顺着它写入。"))
    try:
        if target.read_bytes() == wanted and not target.is_symlink():
            return False
    except OSError:
        pass  # none yet, or not a file: replace says which
    safe_write.ensure_folder(target.parent, target)
    safe_write.replace(target, wanted)
    return True


def refresh_schemas(forms: Iterable[Path], today: datetime.date | None = None) -> None:
    """Bring the schema files named by the modelines of ``forms`` up to date.

    The schema helps the editor only: a form whose file cannot be written is built and validated all the
    same, and nothing is said (the editor says it found no schema).
    """
    from draft.kinds import DEFAULT, all_kinds

    done: set[tuple[Path, str]] = set()
    for form in forms:
        kind_id = named_kind(form)
        # The default kind is known without loading the others (a build of one form loads no more than it needs).
        if kind_id is None or (kind_id != DEFAULT and kind_id not in all_kinds()) or (form.parent, kind_id) in done:
            continue
        done.add((form.parent, kind_id))
        try:
            write_schema(form, kind_id, today)
        except (DraftError, OSError):
            continue


def named_kind(form: Path) -> str | None:
    """The kind whose schema the first line of ``form`` names, if it is draft's modeline."""
    from draft.files.safe_read import open_regular

    try:
        with open_regular(form) as opened:
            first = opened.readline(200)
    except OSError:  # NotAFile too: a pipe named as a form is not waited on
        return None
    found = _MODELINE.match(first.removeprefix(b"\xef\xbb\xbf"))
    return found["kind"].decode("ascii") if found else None
