#!/usr/bin/env python3
"""What publishing costs: the web page per report in process, and 12 PDFs in one ``draft build``
against 12 separate ``soffice --convert-to pdf`` runs on the same .docx files.

    .venv/bin/python bench/publish.py [--rounds 200] [--pdfs 12]

Prints the figures only; nothing here judges them (the targets are in the issue: ≤ 2 ms a
page, and the batch ≤ 0.5× the separate runs).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = [REPO / "examples" / "luohu-2022.yaml", REPO / "examples" / "zhonglou-2023.yaml"]


def html_cost(rounds: int) -> float:
    """Milliseconds a page, blocks → stamped HTML, over ``rounds`` pages of the two examples."""
    from draft.form.read import read_form
    from draft.html import fingerprint, writer
    from draft.render.blocks import render
    from draft.render.wording import Wording

    documents = [render(read_form(form).report, Wording()) for form in EXAMPLES]
    start = time.perf_counter()
    for n in range(rounds):
        fingerprint.stamp(writer.page(documents[n % len(documents)]))
    return (time.perf_counter() - start) / rounds * 1000


def pdf_times(count: int, folder: Path) -> tuple[float, float]:
    """Seconds for ``count`` PDFs: one ``draft build --format pdf``, and ``count`` separate soffice runs."""
    inputs = folder / "inputs"
    inputs.mkdir()
    for n in range(count):
        shutil.copy(EXAMPLES[n % len(EXAMPLES)], inputs / f"r{n:02}.yaml")
    forms = sorted(map(str, inputs.iterdir()))
    draft = [sys.executable, "-m", "draft", "build", "--format", "docx,pdf", "-o", str(folder / "batch"), *forms]
    start = time.perf_counter()
    subprocess.run(draft, check=False, capture_output=True)
    batch = time.perf_counter() - start
    docx = sorted((folder / "batch").glob("*.docx"))
    assert len(docx) == count and len(list((folder / "batch").glob("*.pdf"))) == count, "the batch made no PDFs"
    start = time.perf_counter()
    for n, source in enumerate(docx):
        profile = (folder / f"profile{n}").as_uri()  # each run as it would be alone: a fresh profile
        command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
        subprocess.run([*command, "--outdir", str(folder / "single"), str(source)], check=True, capture_output=True)
    return batch, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200, help="pages timed in process")
    parser.add_argument("--pdfs", type=int, default=12, help="reports converted both ways")
    args = parser.parse_args()
    print(f"HTML page, in process: {html_cost(args.rounds):.3f} ms a report ({args.rounds} pages)")
    if shutil.which("soffice") is None:
        print("PDF: soffice not found, skipped")
        return
    with tempfile.TemporaryDirectory() as folder:
        batch, single = pdf_times(args.pdfs, Path(folder))
    print(f"{args.pdfs} PDFs, one draft build (docx + pdf): {batch:.2f} s")
    print(f"{args.pdfs} PDFs, {args.pdfs} separate soffice --convert-to pdf runs: {single:.2f} s")
    print(f"ratio: {batch / single:.2f}")


if __name__ == "__main__":
    main()
