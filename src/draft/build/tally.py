"""The closing line and exit code of a ``draft build``: what became of each of its forms."""

from __future__ import annotations

from draft.problems import EXIT_BAD_INPUT, EXIT_OK

#: What became of a form whose problems stopped it: said of each such form, and counted in the closing line.
NOT_BUILT = "有问题没有生成"


class BatchTally:
    """What became of each form of a ``draft build``, for its closing line and exit code."""

    def __init__(self, strict: bool = False) -> None:
        self.strict = strict  # what holds a form back: its review's errors, or with --strict any finding
        self.reports = 0
        self.with_findings = 0
        self.failures = 0
        self.held_back = 0  # by the review's findings
        self._exit_code = EXIT_OK

    def built(self, with_findings: bool) -> None:
        self.reports += 1
        self.with_findings += with_findings

    def held(self) -> None:
        """Not built because of the review's findings (its errors; with ``--strict`` its hints too)."""
        self.held_back += 1

    def failed(self, exit_code: int) -> None:
        self.failures += 1
        self._exit_code = max(self._exit_code, exit_code)

    @property
    def exit_code(self) -> int:
        return max(self._exit_code, EXIT_BAD_INPUT if self.held_back else EXIT_OK)

    @property
    def total(self) -> int:
        return self.reports + self.failures + self.held_back

    def summary(self) -> str:
        """``共 20 份表单：已生成 18 份（其中 3 份有审读意见），2 份有问题没有生成，见上。``"""
        parts = [f"已生成 {self.reports} 份"]
        if self.with_findings:
            parts[0] += f"（其中 {self.with_findings} 份有审读意见）"
        if self.failures:
            parts.append(f"{self.failures} 份{NOT_BUILT}")
        if self.held_back:
            why = "因为加了 --strict" if self.strict else "因为审读发现错误"
            parts.append(f"{self.held_back} 份{why}没有生成")
        see_above = "，见上" if self.failures or self.held_back or self.with_findings else ""
        return f"共 {self.total} 份表单：{'，'.join(parts)}{see_above}。"
