"""Whether two paragraphs read the same: how the import's round trip compares the source with the rebuilt report.

An import is checked by building its form and comparing every body paragraph with the
source's. Character width (NFKC), whitespace and the punctuation that the build makes
full-width among Chinese are not differences a reader would notice, so they do not count;
the parser uses the same test to decide whether a layout can be rebuilt as it was.
"""

from __future__ import annotations

import unicodedata

from draft.text.punctuation import normalize_punctuation


def comparable(text: str) -> str:
    """NFKC with whitespace removed: how the round trip compares paragraphs."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def same_when_built(built: str, source: str) -> bool:
    """Whether ``built`` is ``source`` as the build writes it (it makes punctuation among Chinese full-width)."""
    return comparable(built) == comparable(source) or comparable(normalize_punctuation(built)) == comparable(
        normalize_punctuation(source)
    )
