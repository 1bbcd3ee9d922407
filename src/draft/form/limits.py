"""How big a form may be, and what the user is told when it is bigger.

A form is written by hand and is tens of KB; the limits are far above that and keep a wrong file
or a hostile one (deep nesting, "billion laughs" aliases) from costing minutes or gigabytes.
Every stage of the loader checks the ones it can, so the numbers and their messages live here.
"""

from __future__ import annotations

from draft.problems import Problem

#: Largest form accepted. Real forms are tens of KB; anything this big is the wrong file.
MAX_BYTES = 1024 * 1024
#: Deepest nesting of lists and mappings. Real forms use three or four levels.
MAX_DEPTH = 50
#: Most values built, counting every copy an ``*alias`` makes ("billion laughs").
MAX_NODES = 50_000
#: Most characters of text (values and keys) a form may hold once every ``*alias`` is expanded:
#: what a file of MAX_BYTES can hold written out. A long text copied by thousands of aliases
#: is few values but hundreds of MB for everything after the loader.
MAX_CHARACTERS = MAX_BYTES

TOO_DEEP = f"这里嵌套的层级太深（超过 {MAX_DEPTH} 层）。正常的表单用不到这么多层，请检查缩进或括号是否写错。"
TOO_MANY_NODES = (
    f"表单的内容太多（超过 {MAX_NODES:,} 项），正常的表单只有几百项。"
    "请确认选的是正确的表单文件，或检查是否粘贴了过多内容。"
)
TOO_MANY_EXPANDED = f"表单展开后的内容太多（超过 {MAX_NODES:,} 项）。这是“&”和“*”引用层层嵌套造成的，请减少这些引用。"
TOO_LONG_EXPANDED = (
    f"表单展开后的文字太多（超过 {MAX_CHARACTERS:,} 个字符）。这是这里的“*”引用把一大段文字复制了很多遍造成的，"
    "请减少这些引用，或者直接写出要用的文字。"
)
TOO_COMPLEX = f"表单的结构太复杂，无法读取。请检查缩进和括号，并减少层级（不超过 {MAX_DEPTH} 层）。"


def too_large(display: str, size: int) -> Problem:
    return Problem(
        display,
        f"文件太大（{size:,} 字节），表单文件不能超过 1 MB（{MAX_BYTES:,} 字节）。"
        "正常的表单只有几十 KB，请确认选的是表单文件，而不是 Word、图片等其他文件。",
    )
