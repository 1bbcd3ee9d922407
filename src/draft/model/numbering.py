"""Heading markers (一、（一）1.（1）) and enumerations (一是、二是……), computed, never typed.

GB/T 9704 §7.3.3 fixes the four marker forms and their order; practice (and the
two real reports we reproduce) adds ``1、`` and lets a unit skip a level, e.g.
number the items under 一、 directly as 1. — so a marker style names the form,
and :data:`NEXT_STYLE` says which form the level below uses by default.
"""

from __future__ import annotations

from enum import Enum

from draft.text.numerals import chinese_numeral


class MarkerStyle(Enum):
    """The marker forms a form may ask for; the value is how users write it in ``numbering``."""

    CHINESE = "一、"
    CHINESE_PAREN = "(一)"
    ARABIC_DOT = "1."
    ARABIC_COMMA = "1、"
    ARABIC_PAREN = "(1)"

    def marker(self, n: int) -> str:
        """The full-width marker for item number ``n``, e.g. ``（一）`` or ``1.``."""
        match self:
            case MarkerStyle.CHINESE:
                return f"{chinese_numeral(n)}、"
            case MarkerStyle.CHINESE_PAREN:
                return f"（{chinese_numeral(n)}）"
            case MarkerStyle.ARABIC_DOT:
                # GB/T 9704 writes the Arabic level with a half-width 下脚点.
                return f"{n}."
            case MarkerStyle.ARABIC_COMMA:
                return f"{n}、"
            case MarkerStyle.ARABIC_PAREN:
                return f"（{n}）"

    @property
    def heading_level(self) -> int:
        """The GB/T level whose typeface this marker takes: 一、黑体 1, （一）楷体 2, 1. 仿宋 3, （1） 4."""
        return _HEADING_LEVEL[self]


_HEADING_LEVEL = {
    MarkerStyle.CHINESE: 1,
    MarkerStyle.CHINESE_PAREN: 2,
    MarkerStyle.ARABIC_DOT: 3,
    MarkerStyle.ARABIC_COMMA: 3,
    MarkerStyle.ARABIC_PAREN: 4,
}

#: The marker form of the report's parts: 一、二、三、 in the order the form lists them.
PART_STYLE = MarkerStyle.CHINESE

#: The form of the level below, when a node does not choose one. None: no deeper level exists.
NEXT_STYLE: dict[MarkerStyle, MarkerStyle | None] = {
    MarkerStyle.CHINESE: MarkerStyle.CHINESE_PAREN,
    MarkerStyle.CHINESE_PAREN: MarkerStyle.ARABIC_DOT,
    MarkerStyle.ARABIC_DOT: MarkerStyle.ARABIC_PAREN,
    MarkerStyle.ARABIC_COMMA: MarkerStyle.ARABIC_PAREN,
    MarkerStyle.ARABIC_PAREN: None,
}

#: How users may write a style in the form: the canonical spelling and its full-width twins.
STYLE_SPELLINGS: dict[str, MarkerStyle] = {
    **{style.value: style for style in MarkerStyle},
    "（一）": MarkerStyle.CHINESE_PAREN,
    "（1）": MarkerStyle.ARABIC_PAREN,
    "1．": MarkerStyle.ARABIC_DOT,
}


def enumerator(n: int) -> str:
    """The lead-in of the n-th point: 一是, 二是, …"""
    return f"{chinese_numeral(n)}是"
