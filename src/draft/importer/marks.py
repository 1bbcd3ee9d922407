"""How a source paragraph shows its place in the outline: its heading marker, its points, its run-in title.

A secretary numbers headings 一、（一）1.（1）, lists points as 一是……二是……, and
runs an item's title into its paragraph up to the first full stop. This module
reads each of those from the text of one paragraph (a marker with the grammar the
check shares, :mod:`draft.text.markers`); which part a heading names is
:mod:`draft.importer.part_kinds`'s job, which line around the body is what
:mod:`draft.importer.recognise`'s, and the outline the :class:`~draft.importer.parse.Parser`'s.
"""

from __future__ import annotations

from dataclasses import dataclass

from draft.importer.compare import same_when_built
from draft.importer.source import SourcePara
from draft.model.numbering import MarkerStyle, enumerator
from draft.model.points import join_points
from draft.model.report import PointPlacement, TitlePlacement
from draft.text.markers import read_marker
from draft.text.punctuation import normalize_punctuation

# --- Markers --------------------------------------------------------------------------


@dataclass(frozen=True)
class Marker:
    """A heading marker read as the level of the outline it numbers, in the form's marker style."""

    style: MarkerStyle
    number: int
    end: int  # where the text after the marker begins
    spelled: str  # the marker as the source wrote it


def match_marker(text: str) -> Marker | None:
    """The heading marker ``text`` opens with (:mod:`draft.text.markers`), in the form's style, or None.

    A marker with no words after it heads nothing, so it is none. ① is read as the level of （1）, and rebuilt so.
    """
    found = read_marker(text, needs_text_after=True)
    return None if found is None else Marker(MarkerStyle(found.style), found.number, found.end, found.spelled)


# --- Points: 一是……；二是……。 ----------------------------------------------------------

_POINT_SEPARATORS = "；;。！？!?"


def split_points(text: str, first: int = 1) -> list[str] | None:
    """The points of a paragraph that opens with the ``first``-th lead-in (一是), or None.

    A next lead-in counts only after ；/;/。 (so 统一是 or ，二是 stay inside a point).
    The lead-ins and the ；separators go: :func:`draft.model.points.join_points` writes them.
    """
    lead = enumerator(first)
    if not text.startswith(lead):
        return None
    pieces: list[str] = []
    position, n = len(lead), first
    while True:
        following = enumerator(n + 1)
        found = -1
        search = position
        while True:
            k = text.find(following, search)
            if k < 0:
                break
            if text[:k].rstrip().endswith(tuple(_POINT_SEPARATORS)):
                found = k
                break
            search = k + 1
        if found < 0:
            pieces.append(text[position:])
            break
        pieces.append(text[position:found])
        position, n = found + len(following), n + 1
    points = []
    for piece in pieces:
        piece = piece.strip()
        if piece.endswith(("；", ";")):
            piece = piece[:-1].rstrip()
        points.append(piece)
    return points if all(points) else None


def points_render_as(points: list[str], placement: PointPlacement, source: list[str]) -> bool:
    """Whether the build writes ``points`` exactly as the ``source`` paragraphs (punctuation normalized)."""
    rendered = join_points([normalize_punctuation(p) for p in points], placement)
    return len(rendered) == len(source) and all(same_when_built(r, s) for r, s in zip(rendered, source, strict=True))


# --- Titles of items: own line or run in --------------------------------------------

#: A heading on its own line is at most this long (characters after the marker).
OWN_LINE_MAX = 60
#: A title run into its paragraph is at most this long.
RUN_IN_MAX = 40
SENTENCE_END = "。！？!?"
_TITLE_END = "。！？：!?:"


def _is_stop(text: str, index: int, marks: str) -> bool:
    """Whether ``text[index]`` ends a sentence (or a run-in title): one of ``marks``, or a . among Chinese."""
    char = text[index]
    if char in marks:
        return True
    if char != ".":
        return False
    before = text[index - 1] if index else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return not before.isascii() and (not after or not after.isascii() or after == " ")


def _has_stop(text: str, marks: str = SENTENCE_END) -> bool:
    return any(_is_stop(text, i, marks) for i in range(len(text)))
_OPENERS = {"“": "”", "《": "》", "（": "）", "(": ")", "「": "」", "‘": "’", "【": "】", "〔": "〕"}


def _first_stop(text: str) -> int:
    """Index of the first 。！？： outside quotes and brackets, or -1."""
    closing: list[str] = []
    for index, char in enumerate(text):
        if closing and char == closing[-1]:
            closing.pop()
        elif char in _OPENERS:
            closing.append(_OPENERS[char])
        elif not closing and _is_stop(text, index, _TITLE_END):
            return index
    return -1


def _run_in_fits(title: str, rest: str, whole: str) -> bool:
    """Whether marker-less ``whole`` is what the build writes for a run-in ``title`` and its text ``rest``."""
    title = normalize_punctuation(title)
    shown = title if title.endswith(tuple("。！？；：…")) else title + "。"
    return same_when_built(shown + rest, whole)


def split_title(para: SourcePara, rest: str) -> tuple[str | None, str | None, TitlePlacement]:
    """An item's (title, text after it, placement) from the text after its marker."""
    if para.outline is not None and para.outline > 0:
        return rest, None, TitlePlacement.OWN_LINE
    lead = para.lead
    marker = match_marker(lead) if lead else None
    if lead and marker:
        lead = lead[marker.end :]
    lead = lead.strip()
    if lead and rest.startswith(lead) and len(lead) < len(rest):
        title, after = lead, rest[len(lead) :].strip()
        candidate = title[:-1] if title.endswith(("。", ".")) else title
        if candidate and after and _run_in_fits(candidate, after, rest):
            return candidate, after, TitlePlacement.RUN_IN
    inner = rest[:-1]
    if len(rest) <= OWN_LINE_MAX and not _has_stop(inner, _TITLE_END if rest.endswith(tuple(SENTENCE_END)) else SENTENCE_END):
        return rest, None, TitlePlacement.OWN_LINE
    stop = _first_stop(rest)
    if 0 < stop < RUN_IN_MAX and stop + 1 < len(rest):
        title, after = rest[: stop + 1], rest[stop + 1 :].strip()
        candidate = title[:-1] if title.endswith(("。", ".")) else title
        if after and _run_in_fits(candidate, after, rest):
            return candidate, after, TitlePlacement.RUN_IN
    return None, rest, TitlePlacement.RUN_IN
