"""The closing of a 报告 (特此报告。以上报告，请审阅。): how one begins, as ``draft import`` finds it in a
source and ``draft check`` finds one typed at the end of a form's body."""

from __future__ import annotations

import re

CLOSING = re.compile(r"^(?:特此报告|专此报告|以上报告|特此|妥否|以上[,，]?请|请审阅|请予审阅)")
