"""A table's labels as the import compares them: by what they mean, not letter by letter.

Published pages write the format's labels their own way: numbered or not (（三）不予公开, 不予公开),
with half- or full-width punctuation and brackets, short (规范性文件 for 行政规范性文件), in the
words of the format before 2021, or misspelt (行政法复议). A label is compared as its
:func:`canonical` form (no spaces, punctuation, brackets or leading number); the aliases a kind
declares once on its figure groups (:attr:`draft.kinds.groups.Group.aliases`) read as the label they
stand for; and a label still unknown reads as the one label of the kind's tables it nearly is
(:meth:`Vocabulary.read`), which the import then says in a note.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from draft.kinds.groups import Group

#: A label's own number: 一、 （一） (1) 1. 1、 ①.
_NUMBERING = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、．.]|\d{1,3}[、．.]|[①-⑳])")
_PUNCTUATION = re.compile(r"[\s，,。．.、；;：:（）()［］\[\]【】“”\"'‘’《》〈〉·…—\-_/／|｜]")

#: How alike (difflib's ratio) a misspelt label must be to the one it is read as, and how long: 行政法复议 is
#: 行政复议 (0.89), while 本年制发件数 is not 本年废止件数 (0.67) and two-character labels are never guessed.
SIMILAR = 0.8
_SHORTEST_GUESSED = 4
#: Distinct unknown labels one import compares with the kind's (a real table has a few dozen labels in all),
#: and the longest compared: a hostile table of 10,000 different labels costs no more than a real one.
MAX_GUESSES = 300
_LONGEST_GUESSED = 60


#: Spellings of one word that pages mix (其它 for the format's 其他).
_VARIANTS = str.maketrans({"它": "他"})


def canonical(label: str) -> str:
    """``label`` as compared: without white space, its leading number, punctuation and brackets; 其它 as 其他."""
    squeezed = re.sub(r"\s+", "", label).translate(_VARIANTS)
    return _PUNCTUATION.sub("", _NUMBERING.sub("", squeezed, count=1)) or squeezed


def _walk(groups: Iterable[Group]) -> Iterable[Group]:
    for group in groups:
        yield group
        yield from _walk(group.fields)


class Vocabulary:
    """The labels of a kind's tables, and how a source's label is read as one of them."""

    def __init__(self, groups: Iterable[Group], layout_labels: Iterable[str]) -> None:
        self._aliases = {canonical(alias): canonical(group.label) for group in _walk(groups) for alias in group.aliases}
        #: The kind's labels, canonical → as the format prints them.
        self.known = {self.official(label): label for label in layout_labels}
        self._guessed: dict[str, str | None] = {}

    def official(self, label: str) -> str:
        """The canonical form of ``label``, an alias read as the label it stands for."""
        found = canonical(label)
        return self._aliases.get(found, found)

    def read(self, label: str) -> tuple[str, bool]:
        """The label of the kind's tables ``label`` is, and whether that is a guess (a misspelling read as the nearest label)."""
        found = self.official(label)
        if found in self.known:
            return found, False
        guess = self._nearest(found)
        return (guess, True) if guess else (found, False)

    def _nearest(self, label: str) -> str | None:
        """The one known label ``label`` is nearly (None if none, or more than one, is near enough)."""
        if label in self._guessed:
            return self._guessed[label]
        if not _SHORTEST_GUESSED <= len(label) <= _LONGEST_GUESSED or len(self._guessed) >= MAX_GUESSES:
            return None
        from difflib import SequenceMatcher

        matcher = SequenceMatcher(a=label, autojunk=False)
        near = []
        for known in self.known:
            if len(known) < _SHORTEST_GUESSED:
                continue
            matcher.set_seq2(known)
            if matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR:
                near.append(known)
        self._guessed[label] = near[0] if len(near) == 1 else None
        return self._guessed[label]
