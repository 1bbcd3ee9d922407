"""``draft import``: last year's report becomes this year's form, read back and checked as ``draft build`` would.

The application's step above the readers and the writers: the import's reader
(:func:`draft.importer.read_report`, given the template's wording) makes the report model, the
form writer (:func:`draft.form.write.emit`) writes it as YAML, and the form is then loaded,
validated and rendered like any other, every body paragraph compared with the source's. What
differs, and every other place the import was unsure of, becomes a note that the summary prints
and the form's header comment repeats.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from pathlib import Path

from draft.form.schema_file import with_modeline
from draft.form.write import emit
from draft.importer import Imported, read_report, refuse_if_too_long
from draft.importer.compare import same_when_built
from draft.importer.marks import match_marker
from draft.importer.model import is_note, note, snippet
from draft.importer.parse import unnumbered_heading
from draft.importer.summary import summarize
from draft.problems import DraftError, Problem, readable
from draft.render.document import HEAD_ROLES, IMPRINT_ROLES, Role
from draft.render.wording import Wording

__all__ = ["ImportResult", "import_report", "verify_round_trip"]


@dataclass
class ImportResult:
    """The form's text, the summary to print, and every problem: the notes on what the import was unsure
    of, and what ``draft validate`` would still find in the form."""

    form_text: str
    summary: list[str]
    imported: Imported
    problems: list[Problem] = field(default_factory=list)

    @property
    def notes(self) -> list[Problem]:
        """The warnings on the source: where the import was unsure, and what it assumed (the summary lists them)."""
        return [problem for problem in self.problems if is_note(problem)]

    @property
    def form_problems(self) -> list[Problem]:
        """What ``draft validate`` would find in the form (the source had ×× for a name, …): it is written anyway."""
        return [problem for problem in self.problems if not is_note(problem)]


def import_report(
    path: Path,
    *,
    wording: Wording | None = None,
    now: datetime.datetime | None = None,
    check: bool = True,
    form_path: Path | None = None,
) -> ImportResult:
    """Read the report at ``path`` and write it as a form; FormError/CannotProceed if the file cannot be used."""
    now = now or datetime.datetime.now()
    wording = wording or Wording()
    imported = read_report(path, wording, now.date())
    # The name goes into the form's text: one that is not UTF-8 (from a Chinese Windows zip) is made readable.
    name = readable(path.name)

    def finished() -> str:
        """The form as written to disk: its first line names the schema beside it to the editor (draft.form.schema_file),
        so that the lines the problems below point at are the file's."""
        return with_modeline(emit(imported, name, now), imported.report.kind)

    form_text = finished()
    refuse_if_too_long(path, len(form_text.encode("utf-8")))
    problems: list[Problem] = []
    if check:
        mismatches, problems = verify_round_trip(form_text, imported, wording, form_path or Path(path.stem + ".yaml"))
        imported.notes += mismatches
        if mismatches or problems:
            form_text = finished()
    # The notes were made where the source's name was not known: they point at it now.
    notes = [found._replace(file=name) for found in imported.notes]
    return ImportResult(form_text=form_text, summary=summarize(imported, name), imported=imported, problems=notes + problems)


def verify_round_trip(form_text: str, imported: Imported, wording: Wording, form_path: Path) -> tuple[list[Problem], list[Problem]]:
    """Read the form back as ``draft build`` would and compare its body with the source, paragraph by paragraph.

    Returns notes on paragraphs that would come out differently, and the problems
    ``draft validate`` would list (say, a published report with ×× where a name was, or the
    placeholders of what the source lacks: the form is compared past those).
    """
    from draft.form.load import load_bytes
    from draft.form.read import read_past_unfinished
    from draft.render.blocks import render

    try:
        read, unfinished = read_past_unfinished(load_bytes(form_text.encode("utf-8"), form_path))
    except DraftError as error:
        return [], error.problems
    # The parts the source lacks, holding a request to fill them, come last: left out, the others keep their numbers.
    sourced = [part for part in read.report.parts if part.kind not in imported.placeholders]
    document = render(read.report._replace(parts=sourced), wording)
    # The 版头 and 版记 lines are not in the expected body: they went to the frame fields; nor are the tables' cells.
    left_out = HEAD_ROLES | IMPRINT_ROLES | {Role.TITLE, Role.TABLE}
    if imported.date_moved:  # the date under the title prints at the end, with the 落款 if the source had none
        left_out |= {Role.DATE} if imported.report.signature else {Role.DATE, Role.SIGNATURE}
    built = [block.text for block in document.blocks if block.role not in left_out]
    notes: list[Problem] = []
    if imported.source_title and not same_when_built(document.title, imported.source_title):
        notes.append(note(f"重建后的标题与原文不同：“{document.title}”。"))
    expected = imported.expected
    for got, source in zip(built, expected, strict=False):
        if source in imported.numbered_headings:  # the number the build gives it is noted already
            marker = match_marker(got)
            got, source = got[marker.end if marker else 0 :], replace(source, text=unnumbered_heading(source.text))
        if not same_when_built(got, source.text):
            notes.append(note(f"从这一段起，重建后的报告与原文不同（重建为“{snippet(got, 24)}”），请核对表单。", source))
            break
    else:
        if len(built) != len(expected):
            extra = built[len(expected) :] if len(built) > len(expected) else []
            if extra:
                notes.append(note(f"重建后的报告比原文多出 {len(extra)} 段（从“{snippet(extra[0], 24)}”起），请核对表单。"))
            elif not (imported.date_rejected and expected[len(built) :] == expected[-1:]):  # the date: already noted
                missing = expected[len(built)]
                notes.append(note("重建后的报告比原文少了从这一段起的内容，请核对表单。", missing))
    return notes, unfinished
