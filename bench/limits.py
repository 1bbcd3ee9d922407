#!/usr/bin/env python3
"""How validate, check and import grow with hostile sizes: 1×, 10× and 100× each worst input.

    python bench/limits.py            # with a Python where draft is installed (.venv/bin/python)

Prints markdown tables: for each input and size, the median time of ``draft validate``'s
work (read and validate the form) and of ``draft check``'s (the same, then the review), in
this process after a warm-up, and the time per item; then the same for the import's readers
on the worst pages, Word files, Markdown and text issue 24 found (unclosed constructs, stray
end tags, tables, Word lists, padded lines, hard-wrapped text), with what the import answered
(read, or refused when a budget of :mod:`draft.importer.budget` is passed); then a unit's template
doing more and more work, until its budget (:mod:`draft.render.template_budget`) stops it. Roughly linear
means the time per item stays about the same from 1× to 100×; the cerberus error sorting,
the year search, html.parser's rescans and the Markdown patterns that were quadratic made it
grow a hundredfold. Nothing is asserted: these are figures to read.
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
from draft.importer.files import RawFile
from draft.importer.readers import read
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


IMPORT_BASE = 2_000  # items at 1×
_REPORT = ["某局2023年政府信息公开工作年度报告", "一、总体情况", "我局坚持公开。", "二、主要举措", "加强学习。"]
_PAGE = "<html><body><div>" + "".join(f"<p>{line}</p>" for line in _REPORT)
_MARKDOWN = "\n\n".join(_REPORT) + "\n\n"
_WRAPPED_LINE = "我局坚持依法行政推进法治政府建设工作取得明显成效\n"


def word_lists(count: int) -> bytes:
    """A report whose ``count`` paragraphs are numbered by the last of ``count`` Word lists."""
    import io

    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    for line in _REPORT + ["加强学习。"] * count:
        document.add_paragraph(line)
    numbering = document.part.numbering_part.element
    for number in range(1, count + 1):
        numbering.append(parse_xml(f'<w:abstractNum {w} w:abstractNumId="{number}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                                   f'<w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>'))
        numbering.append(parse_xml(f'<w:num {w} w:numId="{number}"><w:abstractNumId w:val="{number}"/></w:num>'))
    for paragraph in document.paragraphs[len(_REPORT):]:
        paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="{count}"/></w:numPr>'))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


#: The worst sources of each reader: (name, kind, the source of ``count`` items).
IMPORTS: list[tuple[str, str, Callable[[int], bytes]]] = [
    ("page: unclosed <a", "html", lambda n: (_PAGE + "<a" * n).encode()),
    ("page: unclosed <!--", "html", lambda n: (_PAGE + "<!-- >" * n).encode()),
    ("page: unclosed <![CDATA[", "html", lambda n: (_PAGE + "<![CDATA[ >" * n).encode()),
    ("page: stray end tags, 200 open", "html", lambda n: (_PAGE + "<b>" * 200 + "</x>" * n).encode()),
    ("page: <br>", "html", lambda n: (_PAGE + "<p>" + "<br>" * n + "</p>").encode()),
    ("page: attributes of one tag", "html", lambda n: (_PAGE + "<p" + " a" * n + ">x</p>").encode()),
    ("page: table cells, colspan 10⁹", "html",
     lambda n: (_PAGE + "<table>" + ("<tr>" + '<td colspan="999999999">1</td>' * 10 + "</tr>") * (n // 10) + "</table>").encode()),
    ("page: &# and digits", "html", lambda n: (_PAGE + "<p>&#" + "9" * n + ";</p>").encode()),
    ("Word: lists and numbered paragraphs, a tenth each", "docx", lambda n: word_lists(n // 10)),
    ("Markdown: heading padded", "md", lambda n: (_MARKDOWN + "# 报告" + " " * n + "x\n").encode()),
    ("Markdown: table rule padded", "md", lambda n: (_MARKDOWN + "| --- " + " " * n + "x\n").encode()),
    ("Markdown: unclosed <!--", "md", lambda n: (_MARKDOWN + "<!--" * n).encode()),
    ("Markdown: a line of [", "md", lambda n: (_MARKDOWN + "[" * n + "]\n").encode()),
    ("text: hard-wrapped lines", "txt", lambda n: ("\n".join(_REPORT) + "\n" + _WRAPPED_LINE * n).encode()),
]


def imported(raw: RawFile) -> str:
    try:
        return f"{len(read(raw)[0])} paragraphs"
    except DraftError as error:
        return "refused: " + error.problems[0].message.split("（")[0]


def import_table() -> None:
    print()
    print("| import | size | items | read ms | per item µs | answer |")
    print("|---|---|---:|---:|---:|---|")
    for name, kind, make in IMPORTS:
        for times in (1, 10, 100):
            count = IMPORT_BASE * times
            raw = RawFile(Path(f"report.{kind}"), make(count), kind, [])
            answer = imported(raw)
            seconds = timed(partial(imported, raw), 3 if times < 100 else 1)
            print(f"| {name} | {times}× | {count:,} | {seconds * 1e3:.1f} | {seconds / count * 1e6:.2f} | {answer} |")
            sys.stdout.flush()


#: A unit's template (wording.j2) whose title macro does ``n`` steps of work: a loop writing, a string built by
#: doubling, a list grown item by item. Each is under the template budget (draft.render.template_budget) at 1× and
#: 10×; at 100× the budget stops it, in time proportional to the budget, not to what was asked.
TEMPLATE_WORK = {
    "loops writing one character a turn": "{{% for i in range({n} // 100) %}}{{% for j in range(100) %}}x{{% endfor %}}{{% endfor %}}",
    "joins of lists of 100 items": "{{% for i in range({n} // 100) %}}{{{{ range(100)|join('') }}}}{{% endfor %}}",
    "text doubled until it is n long": "{{% set s = namespace(t='x') %}}{{% for i in range(40) %}}{{% if s.t|length < {n} %}}"
    "{{% set s.t = s.t ~ s.t %}}{{% endif %}}{{% endfor %}}{{{{ s.t }}}}",
}
TEMPLATE_BASE = 20_000


def template_table() -> None:
    from draft.form.read import read_form
    from draft.render.wording import Wording

    print()
    print("| template's title macro | size | n | render ms | per step µs | answer |")
    print("|---|---|---:|---:|---:|---|")
    report = read_form(Path(__file__).parent.parent / "examples" / "luohu-2022.yaml").report
    builtin = (Path(__file__).parent.parent / "templates" / "report" / "wording.j2").read_text(encoding="utf-8")
    title = "{{ report.unit }}{{ report.year }}年法治政府建设年度报告"
    with tempfile.TemporaryDirectory() as folder:
        for name, body in TEMPLATE_WORK.items():
            for times in (1, 10, 100):
                n = TEMPLATE_BASE * times
                (Path(folder) / "wording.j2").write_text(builtin.replace(title, body.format(n=n)), encoding="utf-8")

                def render() -> str:
                    try:
                        return f"{len(Wording(Path(folder)).title(report)):,} characters"
                    except DraftError as error:
                        return "refused: " + error.problems[0].message.split("（")[0][:40]

                answer = render()
                seconds = timed(render, 3 if times < 100 else 1)
                print(f"| {name} | {times}× | {n:,} | {seconds * 1e3:.1f} | {seconds / n * 1e6:.2f} | {answer} |")
                sys.stdout.flush()


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
    import_table()
    template_table()


if __name__ == "__main__":
    main()
