"""How units and years are written in Chinese reports: the patterns every reader of text shares.

The title breaker finds where the unit's name ends, the importer finds the unit
and the year of last year's report and the issuers of a joint mark, and the check
finds years that do not fit — all with these. Dates are :mod:`draft.text.dates`'s.
"""

from __future__ import annotations

import re
from functools import cache

#: What the name of a body that reports or issues ends with: 局, 委员会, 办公室, 办公厅, 人民政府, 街道办事处, 领导小组…
UNIT_SUFFIXES = (
    "局|委员会|委|办公室|办公厅|办|厅|部|院|署|中心|政府|人民政府|会|所|站|队|处|科|室|馆|组|支队|大队|街道|街道办事处|镇|乡|"
    "公司|集团|学校|医院|大学|学院|管委会|管理委员会|分局|总局|监狱|实验区|开发区|高新区|新区|示范区"
)
#: The digits of a year a report speaks of: 1900–2099 (a regular-expression fragment to build patterns with).
YEAR_DIGITS = r"(?:19|20)[0-9]{2}"


def is_unit_name(text: str) -> bool:
    """Whether ``text`` is a whole unit name and nothing else: 深圳市罗湖区人力资源局."""
    return _unit_name().match(text) is not None


@cache
def _unit_name() -> re.Pattern[str]:
    # Compiled on first use: only the importer asks, and the alternation of endings is among the costliest
    # patterns to compile, which a build would pay in every process.
    return re.compile(rf"^[\u4e00-\u9fff（）()·]{{2,40}}(?:{UNIT_SUFFIXES})$")

#: A title's opening up to the end of the unit's name, where the year follows: 深圳市罗湖区人力资源局|2022年.
UNIT_BEFORE_YEAR = re.compile(rf"^.+?(?:{UNIT_SUFFIXES})(?={YEAR_DIGITS}年)")
#: A year written in a text, its digits as group 1: 2023年, 2023 年度 — not 2023年代, not the end of 12023.
YEAR = re.compile(rf"(?<![0-9０-９.])({YEAR_DIGITS})\s*年(?!代)")
