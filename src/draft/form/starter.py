"""The commented form ``draft init`` writes, dated for the report being written now.

The built-in ``form.yaml`` is a whole form for its example year, its unit (某某区司法局) and
the texts of its parts examples: validation lists each until the unit writes its own
(:mod:`draft.form.unfinished`, which reads them here). ``draft init`` moves it to the year a
unit is reporting on today: reports on a year are written from its last quarter
(the 法治政府 report is due before 1 April of the next year), so from October on
the year proposed is this one, before October the year just ended.
"""

from __future__ import annotations

import datetime
import re
from functools import cache

from draft import kinds
from draft.kinds import DEFAULT

#: The form in a template folder (beside its wording): the built-in one is what ``draft init`` writes.
FORM_FILE = "form.yaml"

#: The report year of the built-in form, and the year its example date falls in.
EXAMPLE_YEAR = 2024
_EXAMPLE_YEARS = re.compile(rf"(?<![0-9])({EXAMPLE_YEAR}|{EXAMPLE_YEAR + 1})(?![0-9])")

#: From this month on, a report on this year is being written.
FIRST_REPORTING_MONTH = 10


def today() -> datetime.date:
    """The day ``draft init`` runs (a function, so that tests can set the day)."""
    return datetime.date.today()


def proposed_year(day: datetime.date) -> int:
    """The year a unit is reporting on at ``day``."""
    return day.year if day.month >= FIRST_REPORTING_MONTH else day.year - 1


def init_form_text(day: datetime.date, kind: str = DEFAULT) -> str:
    """The built-in form of ``kind`` with its years moved to the report year at ``day`` (its date to the next year)."""
    shift = proposed_year(day) - EXAMPLE_YEAR
    return _EXAMPLE_YEARS.sub(lambda found: str(int(found[0]) + shift), builtin_form_text(kind))


@cache
def builtin_form_text(kind: str = DEFAULT) -> str:
    return (kinds.template_dir(kinds.by_id(kind)) / FORM_FILE).read_text(encoding="utf-8")
