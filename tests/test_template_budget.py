"""A hostile wording template ends within seconds and a few hundred MB, with a Chinese message at its line.

Each template below was found (or is a variant of one found) to hang draft for minutes or to
take gigabytes. They run in a process of their own, under a memory limit, so that a template
that gets past the budget fails the test (MemoryError, or the time bound) instead of the machine.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import MINIMAL
from draft.render.wording import builtin_template_dir

#: What a hostile template may take at most, as the issue asks: far more than the budget lets it.
SECONDS = 20
MEMORY = 800 * 1024 * 1024

TITLE = "{{ report.unit }}{{ report.year }}年法治政府建设年度报告"  # the title macro's body: line 14 of wording.j2


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "form.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "wording.j2").write_bytes((builtin_template_dir() / "wording.j2").read_bytes())
    return tmp_path


def _with_title(project: Path, body: str) -> None:
    wording = project / "mine" / "wording.j2"
    wording.write_text(wording.read_text(encoding="utf-8").replace(TITLE, body), encoding="utf-8")


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _build(project: Path, before: str = "", forms: tuple[str, ...] = ("form.yaml",)) -> tuple[int, str, float]:
    """``draft build forms`` with the template ``mine``, in a process of its own limited to MEMORY and SECONDS;
    ``before`` is Python run in that process first. Its exit code, output and time."""
    command = f"{before}\nfrom draft.__main__ import main\nmain()"
    started = time.monotonic()
    try:
        result = subprocess.run(
            [sys.executable, "-c", command, "build", *forms, "--template", "mine", "-o", "out"],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=SECONDS,
            preexec_fn=_limit_memory,  # noqa: PLW1509 - no threads in the test process to deadlock with
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after {SECONDS} s")
    return result.returncode, result.stdout + result.stderr, time.monotonic() - started


def _stopped(code: int, output: str, at: str = "mine/wording.j2:14:1:模板有错误：") -> None:
    """Stopped by the budget, told in Chinese at the template's line; not by a lack of memory."""
    assert code == 2, output
    assert output.startswith(at), output
    assert "为安全起见" in output, output
    assert "内存不够" not in output and "内部错误" not in output and "Traceback" not in output, output


HOSTILE = {
    # Jinja worked constant filters out while compiling, out of any time limit.
    "constant filters": "{{ [1]|slice(999999999)|sum(start=[]) }}",
    "format width": "{{ '{:>999999999}'.format('a') }}",
    "format precision": "{{ '{:.999999999f}'.format(1.0) }}",
    "format width from a field": "{{ '{:>{}}'.format('a', 999999999) }}",
    "format_map repeating a field": "{{ ('{a}' * 30000).format_map({'a': 'x' * 90000}) }}",
    "percent repeating a field": "{{ ('%(a)s' * 20000) % {'a': 'x' * 90000} }}",
    "slice": "{{ range(10)|slice(999999999)|list|length }}",
    "batch filling": "{{ [1]|batch(999999999, 0)|list|length }}",
    "translate": "{{ ('x' * 100000).translate({120: 'y' * 100000}) }}",
    "replace": "{{ ('x' * 100000).replace('', 'y' * 100000) }}",
    "replace filter": "{{ ('x' * 100000)|replace('', 'y' * 100000) }}",
    "join": "{{ ('y' * 90000).join(range(90000)|map('string')) }}",
    "join filter": "{{ range(90000)|join('y' * 90000) }}",
    "expandtabs": "{{ ('\\t' * 100000).expandtabs(100000) }}",
    "indent of many lines": "{{ ('\\n' * 100000)|indent(100000, true, true) }}",
    "wordwrap": "{{ ('x' * 100000)|wordwrap(1, true, 'y' * 100000) }}",
    "lipsum": "{{ lipsum(100000, false, 100000, 100000) }}",
    "sum of lists": "{{ (range(100000)|batch(1)|list)|sum(start=[])|length }}",
    "doubling a text": "{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
    "doubling a list": "{% set ns = namespace(s=[1]) %}{% for i in range(60) %}{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s|length }}",
    "doubling a list as a literal": (
        "{% set ns = namespace(p=1, q=1) %}{% for i in range(80) %}"
        "{% set ns.p = [ns.p, ns.p] %}{% set ns.q = [ns.q, ns.q] %}{% endfor %}{{ ns.p == ns.q }}"
    ),
    "squaring a number": "{% set ns = namespace(n=3) %}{% for i in range(40) %}{% set ns.n = ns.n * ns.n %}{% endfor %}{{ ns.n > 0 }}",
    "holding many texts": (
        "{% set ns = namespace(l=[]) %}{% for i in range(100000) %}{% set ns.l = [ns.l, 'x' * 90000 ~ i] %}{% endfor %}{{ 1 }}"
    ),
    "emitting 10^10 times": "{% for i in range(100000) %}{% for j in range(100000) %}{{ 'x' * 99999 }}{% endfor %}{% endfor %}",
    "tojson of a shared structure": "{% set a = [[1] * 1000] * 1000 %}{{ ([a] * 100)|tojson|length }}",
    "string of a shared structure": "{% set a = [[1] * 1000] * 1000 %}{{ ([a] * 100)|string|length }}",
    "repeating bytes": "{{ 'x'.encode() * 999999999 }}",
    "bytes as wide as told": "{{ 'x'.encode().center(999999999) }}",
    "bytes formatted as wide as told": "{{ '%999999999s'.encode() % 'a'.encode() }}",
    "a number as bytes": "{{ (1).to_bytes(999999999, 'big')|length }}",
    "loops within loops": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    # punycode's encoder takes time growing with the square of the text, in one step no clock check can stop.
    "punycode of a long text": (
        "{% set s %}{% for i in range(19968, 59968) %}{{ '%c' % (19968 + i % 20000) }}{% endfor %}{% endset %}"
        "{{ s.encode('punycode')|length }}"
    ),
}


#: Python run first to take the system's timer away, as Windows has none: the budget alone must stop them.
WITHOUT_A_TIMER = "import signal\ndel signal.setitimer"


@pytest.mark.parametrize("body", list(HOSTILE.values()), ids=list(HOSTILE))
def test_a_hostile_template_is_stopped_in_time_and_memory(project: Path, body: str) -> None:
    _with_title(project, body)
    code, output, _seconds = _build(project, WITHOUT_A_TIMER)
    _stopped(code, output)


def test_the_time_limit_holds_without_a_timer(project: Path) -> None:
    # Windows has no SIGALRM: the budget checks the clock as the template works.
    _with_title(
        project,
        "{% set ns = namespace(n=0) %}{% for i in range(100000) %}{% for j in range(100000) %}{% set ns.n = ns.n + 1 %}{% endfor %}{% endfor %}",
    )
    before = f"{WITHOUT_A_TIMER}\nimport draft.render.template_budget as budget\nbudget.MAX_SECONDS = 1"
    code, output, seconds = _build(project, before)
    _stopped(code, output, at="mine/wording.j2:14:1:模板有错误：模板运行超过 1 秒还没有结束")
    assert seconds < 10


def test_one_output_budget_covers_all_the_macros_of_a_form(project: Path) -> None:
    # Each macro alone writes less than the budget; the title and three headings together write more.
    many = "{% for i in range(3) %}{{ 'x' * 100000 }}{% endfor %}"
    wording = project / "mine" / "wording.j2"
    text = (
        wording.read_text(encoding="utf-8")
        .replace(TITLE, many)
        .replace('{%- if kind == "measures" -%}', many + '{%- if kind == "measures" -%}')
    )
    wording.write_text(text, encoding="utf-8")
    code, output, _seconds = _build(project)
    _stopped(
        code, output, at="mine/wording.j2:19:1:模板有错误：做了模板不允许做的事：模板为这份表单输出的文字太长（超过 1,000,000 个字符或项）"
    )


def test_one_time_budget_covers_compiling_and_all_the_macros_of_a_form(monkeypatch: pytest.MonkeyPatch) -> None:
    from draft.render import template_budget

    clock = iter(range(0, 100, 4))  # each look at the clock: 4 s later
    monkeypatch.setattr(template_budget.time, "monotonic", lambda: next(clock))
    budget = template_budget.Budget()
    for _step in range(2):  # compiling, then a first macro: 4 s each
        with budget.running():
            pass
    with pytest.raises(template_budget.TooLong), budget.running():  # a second macro: past 10 s in all
        budget.tick()


def test_a_template_that_ran_out_of_time_is_not_run_again_for_the_next_form(project: Path) -> None:
    # Else a batch waits the whole time for each form.
    (project / "inputs").mkdir()
    for number in range(6):
        (project / "inputs" / f"form{number}.yaml").write_text(MINIMAL.replace("示例区", f"第{number}区"), encoding="utf-8")
    _with_title(project, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    one_process = "import functools, draft.build\ndraft.build.build_forms = functools.partial(draft.build.build_forms, jobs=1)"
    before = f"{one_process}\nimport draft.render.template_budget as budget\nbudget.MAX_SECONDS = 1"
    code, output, seconds = _build(project, before, tuple(f"inputs/form{number}.yaml" for number in range(6)))
    assert code == 2 and output.count("mine/wording.j2:14:1:模板有错误：模板运行超过 1 秒还没有结束") == 6, output
    assert seconds < 5


def test_a_template_too_big_to_compile_quickly_is_refused(project: Path) -> None:
    # 20,000 macros took Python 27 s to compile.
    wording = project / "mine" / "wording.j2"
    with wording.open("a", encoding="utf-8") as stream:
        stream.writelines(f"{{% macro m{i}(report) %}}x{{% endmacro %}}\n" for i in range(20_000))
    code, output, seconds = _build(project)
    assert code == 2 and output.startswith("mine/wording.j2:") and "模板有错误：模板文件太长" in output, output
    assert seconds < 10


def test_deep_nesting_is_called_deep_nesting(project: Path) -> None:
    _with_title(project, "{{ " + "(" * 300 + "1" + ")" * 300 + " }}")
    code, output, _seconds = _build(project)
    assert code == 2 and output.startswith("mine/wording.j2:14:1:模板有错误：这里的括号、运算、循环或标签一层套一层，嵌套太深"), output
    assert "调用自己" not in output


def test_a_value_nested_too_deep_to_print_is_called_so(project: Path) -> None:
    _with_title(project, "{% set ns = namespace(l=1) %}{% for i in range(2000) %}{% set ns.l = [ns.l] %}{% endfor %}{{ ns.l }}")
    code, output, _seconds = _build(project)
    assert code == 2 and output.startswith("mine/wording.j2:14:1:模板有错误：这里处理的内容一层套一层，嵌套太深"), output
    assert "调用自己" not in output


def test_a_macro_calling_itself_is_still_called_so(project: Path) -> None:
    _with_title(project, "{{ title(report) }}")
    code, output, _seconds = _build(project)
    assert code == 2 and output.startswith("mine/wording.j2:14:1:模板有错误：宏在无限地调用自己"), output


@pytest.mark.parametrize("planted", ["fifo", "link to /dev/zero", "binary"])
def test_the_template_folders_form_is_read_safely(project: Path, planted: str) -> None:
    form = project / "mine" / "form.yaml"
    if planted == "fifo":
        os.mkfifo(form)  # reading it waited forever
    elif planted == "link to /dev/zero":
        form.symlink_to("/dev/zero")  # reading it took 3.7 GB
    else:
        form.write_bytes(bytes(range(256)) * 100)
    code, output, _seconds = _build(project)
    assert code == 0, output
    assert (project / "out" / "form.docx").exists()


def test_a_template_may_not_reorder_the_title(project: Path) -> None:
    _with_title(project, "{{ report.unit }}\u202e年度报告")
    code, output, _seconds = _build(project)
    assert code == 2, output
    assert output.startswith("mine/wording.j2:13:1:模板的宏 title 写出的文字里有文字方向控制符（U+202E）"), output


def test_a_template_may_not_leave_the_title_empty(project: Path) -> None:
    _with_title(project, "{{ '  ' }}")
    code, output, _seconds = _build(project)
    assert code == 2, output
    assert output.startswith("mine/wording.j2:13:1:模板的宏 title 没有写出任何文字，报告就没有标题了。"), output


def test_a_reordering_character_of_the_form_is_not_the_templates(project: Path) -> None:
    # The form's own text is the form's to answer for (draft check names it there).
    # (draft check stops the build on it: past that, the template must not take the blame for it.)
    (project / "form.yaml").write_text(MINIMAL.replace("示例区司法局", "示例区\u202e司法局"), encoding="utf-8")
    code, output, _seconds = _build(project, forms=("form.yaml", "--ignore-review-errors"))
    assert code == 0, output
