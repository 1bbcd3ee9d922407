"""How points print: 一是……；二是……。 — the lead-ins computed, the clauses closed as GB/T 15834 has it.

Render prints points this way, and the importer asks the same question of last
year's text (would these points print as the source did?), so the rule is here once.
"""

from __future__ import annotations

from draft.model.numbering import enumerator
from draft.model.report import PointPlacement

#: Marks that already end a clause; no 。or ；is added after them.
CLAUSE_END = "。！？；：…"
SENTENCE_END = "。！？…"


def join_points(points: list[str], placement: PointPlacement) -> list[str]:
    """一是……；二是……。 as one paragraph, or one paragraph a point.

    A point the user ended with 。 keeps it (its sentences are complete, so the
    next point follows a full stop); otherwise points are joined with ；and the
    last one closed with 。, as GB/T 15834 uses the semicolon between clauses.
    """
    texts = [enumerator(n) + point for n, point in enumerate(points, 1)]
    if placement is PointPlacement.PARAGRAPHS:
        return [closed(text) for text in texts]
    joined = "".join(text if text.endswith(tuple(CLAUSE_END)) else text + "；" for text in texts[:-1])
    return [joined + closed(texts[-1])]


def closed(text: str) -> str:
    """A sentence ended as GB/T 15834 ends it: with its own 。！？… or else 。 (a trailing ；or ，made 。)."""
    if text.endswith(tuple(SENTENCE_END)):
        return text
    return text.rstrip("；;，,") + "。"
