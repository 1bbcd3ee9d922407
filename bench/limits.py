#!/usr/bin/env python3
"""How validate and check grow with hostile sizes: 1×, 10× and 100× the unknown fields and the years.

    python bench/limits.py            # with a Python where draft is installed (.venv/bin/python)

Prints a markdown table: for each input and size, the median time of ``draft validate``'s
work (read and validate the form) and of ``draft check``'s (the same, then the review), in
this process after a warm-up, and the time per item. Roughly linear means the time per item
stays about the same from 1× to 100×; the cerberus error sorting and the year search that
were quadratic made it grow a hundredfold. Nothing is asserted: these are figures to read.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from draft.check import check_form
from draft.form.read import read_form
from draft.problems import DraftError

BASE = 200  # items at 1×
#: A real form, from the examples: each input adds its hostile part to it.
FORM = (Path(__file__).resolve().parents[1] / "examples" / "zhonglou-2023.yaml").read_text(encoding="utf-8")


def unknown_fields(count: int) -> str:
    return FORM + "".join(f"extra{i}: x\n" for i in range(count))


def years(count: int) -> str:
    """The intro opening with a paragraph of ``count`` years after the report's (each one a finding)."""
    text = "".join(f"{2024 + i % 7}年，我局开展了工作。" for i in range(count))
    return FORM.replace("intro: |-\n", f"intro: |-\n  {text}\n\n", 1)


def timed(work: Callable[[], object], rounds: int) -> float:
    work()  # warm-up: imports, the validator, compiled patterns
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def validate(path: Path) -> object:
    try:
        return read_form(path)
    except DraftError as error:  # the unknown fields: refused, with 100 listed and a count
        return error.problems


def check(path: Path) -> object:
    try:
        return check_form(path)
    except DraftError as error:
        return error.problems


def main() -> None:
    print("| input | size | items | validate ms | per item µs | check ms | per item µs |")
    print("|---|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for name, make in (("unknown fields", unknown_fields), ("years in one text", years)):
            for times in (1, 10, 100):
                count = BASE * times
                path = Path(folder) / f"{name.split()[0]}-{times}.yaml"
                path.write_text(make(count), encoding="utf-8")
                rounds = 5 if times < 100 else 3
                v = timed(partial(validate, path), rounds)
                c = timed(partial(check, path), rounds)
                print(f"| {name} | {times}× | {count:,} | {v * 1e3:.1f} | {v / count * 1e6:.1f} | {c * 1e3:.1f} | {c / count * 1e6:.1f} |")
                sys.stdout.flush()


if __name__ == "__main__":
    main()
