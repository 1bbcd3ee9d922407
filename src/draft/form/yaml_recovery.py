"""Reading on past a line YAML cannot read, so that one run tells every slip of a form.

YAML stops at its first syntax error. A newcomer's form often has several (a Chinese colon here, a
Tab there), and fixing them one run at a time is slow. So the broken line is repaired in a copy of
the text — written as its message asks, re-indented, or else emptied (with the lines under it, which
would each be told as wrongly indented) — and the copy is parsed again, up to :data:`MAX_REPAIRS`
times and within :data:`MAX_PARSED` characters parsed. Every repair keeps the number of lines, so every later
mark is where the user wrote it. A repair is *faithful* when it is what the message asks for (the
form then holds what the user meant, and validation may look at it); emptying a line is not.

Indentation typed with characters YAML does not count as such (a no-break space pasted from a web
page, the full-width space U+3000, a zero-width space) is found here too, line by line, before
YAML is asked: where it stands in front of a field, YAML reads it as part of the field's name or
stops with a message about indentation in general, so each such line is told with the character
named, and repaired to half-width spaces.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from typing import TYPE_CHECKING, NamedTuple

import yaml

from draft.text.invisible import ZERO_WIDTH, describe
from draft.text.lines import LINE_BREAKS, Lines, indentation

if TYPE_CHECKING:
    from draft.form.yaml_errors import SyntaxIssue

#: Most lines repaired in one form: a form broken on every line is the wrong file, and each repair parses it again.
MAX_REPAIRS = 20
#: Most characters parsed while reading on, every reading and every try of a repair together: a bound on the
#: time a broken form can cost (a tenth of a second with libyaml for a form of 30 KB with a score of slips).
MAX_PARSED = 3 * 1024 * 1024


class Repair(NamedTuple):
    line: int  # 1-based
    text: str  # the line written so, without its line break
    faithful: bool  # what the message asks for, so the form then holds what the user meant
    last: int = 0  # the last line replaced, where it is not ``line`` (a broken line left out with the lines under it)


class BrokenLine(Exception):
    """YAML cannot read on: what the error means, and the line the parser stopped at."""

    def __init__(self, issue: SyntaxIssue, reached: int) -> None:
        super().__init__(issue.message)
        self.issue = issue
        self.reached = reached


def replaced(source: Lines, repair: Repair) -> Lines:
    """``source`` with line ``repair.line`` (to ``repair.last``) written as the repair writes it."""
    last = max(repair.line, repair.last)
    start = source.starts[repair.line - 1]
    end = source.starts[last - 1] + len(source.line(last))
    return Lines(source.text[:start] + repair.text + source.text[end:])


# --- Indentation YAML does not see ----------------------------------------------------------------

class UnseenIndentation(NamedTuple):
    column: int  # 1-based, of the first character YAML does not count
    message: str
    fixed: str  # the line indented with half-width spaces


def _width(char: str) -> int:
    """Columns an editor gives ``char``: two for the full-width space, none for a zero-width one."""
    if unicodedata.east_asian_width(char) in "WF":
        return 2
    return 0 if unicodedata.category(char) == "Cf" else 1


def _blank(char: str) -> bool:
    """A character that shows as a space or as nothing: a blank of any width, or one of no width."""
    return (char.isspace() or ZERO_WIDTH.match(char) is not None) and char not in LINE_BREAKS


def unseen_indentation(line: str) -> UnseenIndentation | None:
    """The line's indentation holding a character YAML takes for text (U+00A0, U+3000, U+200B…), or None."""
    lead = 0
    while lead < len(line) and _blank(line[lead]):
        lead += 1
    found = [index for index, char in enumerate(line[:lead]) if char not in " \t"]
    if not found or lead == len(line):
        return None
    spaces = sum(1 if char in " \t" else _width(char) for char in line[:lead])
    fixed = " " * spaces + line[lead:]
    named = "、".join(dict.fromkeys(describe(line[index]) for index in found))
    from draft.form.yaml_errors import shown_line  # the wording of slips: a form without any never loads it

    return UnseenIndentation(
        found[0] + 1,
        f"这一行开头的缩进里有{named}，通常是从网页、Word 或聊天软件复制粘贴时带进来的。"
        "YAML 只认半角空格的缩进，读不出这一行的层级。请删掉这些字符，改用半角空格缩进"
        f"（行首 {spaces} 个空格）：{shown_line(fixed.strip())}",
        fixed,
    )


def misread_indentation(source: Lines, number: int, found: UnseenIndentation) -> bool:
    """Whether line ``number`` stands better where the lines around it say a line stands once its blanks are
    spaces than as YAML reads it (its half-width spaces only). A field whose name merely begins with a
    blank, after the right indentation (YAML allows one), is left alone."""
    line = source.line(number)
    return _fit(source, number, len(indentation(found.fixed))) > _fit(source, number, len(line) - len(line.lstrip(" ")))


def _fit(source: Lines, number: int, width: int) -> int:
    """How well a line indented ``width`` at ``number`` fits: 2 under a field that opens a level or level with
    the line above, 1 level with the line below, else 0."""
    above = _near(source, number, -1)
    if above is not None:
        line = source.line(above)
        dashes = re.match(r"[ \t]*(?:-[ \t]+)*", line)
        if line.rstrip().endswith(":") and width > len(indentation(line)):
            return 2
        if not line.rstrip().endswith(":") and width in (len(indentation(line)), dashes.end() if dashes else 0):
            return 2
    below = _near(source, number, 1)
    return 1 if below is not None and width == len(indentation(source.line(below))) else 0


# --- Finding the repair ---------------------------------------------------------------------------

class Reach:
    """How far the parser gets in a text: the line of its first error, or past the end; within :data:`MAX_PARSED`."""

    def __init__(self, parser: type) -> None:
        self.parser = parser
        self.parsed = 0

    def count(self, text: str) -> None:
        """A reading of ``text`` made elsewhere (the composer's), counted in the bound."""
        self.parsed += len(text)

    def __call__(self, text: str) -> int:
        self.count(text)
        loader = self.parser(text)
        try:
            while loader.get_event() is not None:
                pass
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
            return mark.line + 1 if mark is not None else 0
        except (ValueError, OverflowError):
            return 0
        finally:
            loader.dispose()
        return sys.maxsize

    @property
    def spent(self) -> bool:
        return self.parsed > MAX_PARSED


def repair(source: Lines, broken: BrokenLine, reach: Reach) -> Repair | None:
    """The repair of the broken line that lets the parser read furthest, if it reads past where it stopped."""
    number = broken.issue.line
    if not 1 <= number <= source.count:
        return None
    best: tuple[int, Repair] | None = None
    for candidate in _candidates(source, broken.issue):
        if reach.spent:
            break
        reached = reach(replaced(source, candidate).text)
        if candidate.text == broken.issue.fixed and 1 <= reached <= number < broken.reached:
            # Written as its message asks, the line told (above where the parser stopped) now stops it at itself or
            # higher: the line above it, read with it as one text ("unit:青山县司法局" over "year:2026"), is broken
            # too, and is told next.
            return candidate
        if reached > broken.reached and (best is None or reached > best[0]):
            best = (reached, candidate)
        if reached == sys.maxsize or (best is not None and candidate.text == broken.issue.fixed):
            break  # read to the end, or past the line as its message asks: what was meant
    return best[1] if best else None


def _candidates(source: Lines, issue: SyntaxIssue) -> list[Repair]:
    """What the line may have meant: the message's fix first, then indentations from the lines around, then nothing."""
    number, line = issue.line, source.line(issue.line)
    candidates = [Repair(number, issue.fixed, True)] if issue.fixed is not None else []
    lead = indentation(line)
    if any(char != " " for char in lead):
        body = line.lstrip()
        above = _near(source, number, -1)
        neighbours = (near for near in (above, _near(source, number, 1)) if near is not None)
        indents = [len(indentation(source.line(near))) for near in neighbours]
        # Under a field that opens a block (measures:), the line is first taken as its first field (two spaces
        # further in): a form whose first field under a part was typed with a Tab means that, not a field of its own.
        opening = [len(indentation(source.line(above))) + 2] if above is not None and source.line(above).rstrip().endswith(":") else []
        widths = dict.fromkeys(
            width for width in (*opening, *(w for indent in indents for w in (indent, indent + 2, indent - 2))) if width >= 0
        )
        candidates += [Repair(number, " " * width + body, True) for width in widths]
    candidates.append(Repair(number, "", False))
    # Left out with the lines under it: a line YAML cannot place takes its own fields with it, which would
    # otherwise each be told as wrongly indented.
    last = number
    while last < source.count and (not source.line(last + 1).strip() or len(indentation(source.line(last + 1))) > len(lead)):
        last += 1
    if last > number:
        candidates.append(Repair(number, "\n" * (last - number), False, last))
    return candidates


def _near(source: Lines, number: int, step: int) -> int | None:
    """The nearest line above (``step`` -1) or below (1) holding something but a comment."""
    number += step
    while 1 <= number <= source.count:
        line = source.line(number)
        if line.strip() and not line.lstrip().startswith("#"):
            return number
        number += step
    return None
