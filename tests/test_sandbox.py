"""A wording template handed over by someone else can run no command and read no file outside its folder."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
import pytest

from conftest import MINIMAL, run_cli
from draft.render.wording import builtin_template_dir

SECRET = "机密内容-7f3a9c"


class _Opened:
    """The paths opened while recording (an audit hook cannot be removed, so it is switched on and off)."""

    def __init__(self) -> None:
        self.paths: list[str] | None = None
        sys.addaudithook(self._hook)

    def _hook(self, event: str, args: tuple) -> None:
        if self.paths is not None and event == "open" and isinstance(args[0], str | bytes):
            self.paths.append(str(args[0]))


_OPENED = _Opened()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A form, a copy of the built-in template, and a secret file beside the template folder."""
    (tmp_path / "form.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "wording.j2").write_bytes((builtin_template_dir() / "wording.j2").read_bytes())
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text(SECRET, encoding="utf-8")
    return tmp_path


def _with_title(project: Path, body: str) -> None:
    """The template's title macro replaced by ``body`` (a line of its own: line 14 of wording.j2)."""
    wording = project / "mine" / "wording.j2"
    text = wording.read_text(encoding="utf-8")
    text = text.replace("{{ report.unit }}{{ report.year }}年法治政府建设年度报告", body)
    wording.write_text(text, encoding="utf-8")


def _build(project: Path) -> tuple[int, str]:
    result = run_cli("build", "form.yaml", "--template", "mine", "-o", "out", cwd=project)
    output = result.stdout + result.stderr
    built = project / "out" / "form.docx"
    if built.exists():
        output += "\n".join(p.text for p in docx.Document(str(built)).paragraphs)
    return result.exit_code, output


def _build_recording(project: Path) -> tuple[int, str, list[str]]:
    """:func:`_build`, and every file it opened."""
    _OPENED.paths = []
    try:
        code, output = _build(project)
        return code, output, _OPENED.paths
    finally:
        _OPENED.paths = None


def _refused(code: int, output: str, at: str = "mine/wording.j2:") -> None:
    """The build stopped with a message on the template (at its file, and line if ``at`` names one), in Chinese."""
    assert code == 2, output
    assert at in output and "模板有错误：" in output, output
    assert "内部错误" not in output and "Traceback" not in output


ESCAPES = {
    "cycler globals": "{{ cycler.__init__.__globals__.os.popen('COMMAND').read() }}",
    "joiner globals": "{{ joiner.__init__.__globals__.os.popen('COMMAND').read() }}",
    "namespace globals": "{{ namespace.__init__.__globals__.os.popen('COMMAND').read() }}",
    "lipsum globals": "{{ lipsum.__globals__['os'].popen('COMMAND').read() }}",
    "builtins through a global": "{{ range.__self__.__import__('os').popen('COMMAND').read() }}",
    "builtins of the report": "{{ report.__class__.__init__.__globals__['__builtins__']['__import__']('os').popen('COMMAND') }}",
    "class walk to Popen": (
        "{% for c in ().__class__.__base__.__subclasses__() %}{% if c.__name__ == 'Popen' %}"
        "{{ c('COMMAND', shell=True) }}{% endif %}{% endfor %}"
    ),
    "class walk by attr filter": (
        "{% for c in ((()|attr('__class__'))|attr('__base__'))|attr('__subclasses__')() %}"
        "{% if c.__name__ == 'Popen' %}{{ c('COMMAND', shell=True) }}{% endif %}{% endfor %}"
    ),
    "escaped underscores": "{{ (cycler|attr('\\x5f\\x5finit\\x5f\\x5f')|attr('\\x5f\\x5fglobals\\x5f\\x5f'))['os'].popen('COMMAND') }}",
    "str.format field": "{{ '{0.__init__.__globals__[os].popen}'.format(cycler) }}",
    "the template's context": "{{ self._TemplateReference__context.environment.__class__ }}",
    "changing the report": "{{ report.parts.append(1) }}",
}


@pytest.mark.parametrize("body", list(ESCAPES.values()), ids=list(ESCAPES))
def test_no_escape_from_the_sandbox_runs_a_command(project: Path, body: str) -> None:
    marker = project / "ran"
    _with_title(project, body.replace("COMMAND", f"touch {marker}"))
    code, output = _build(project)
    assert not marker.exists()
    _refused(code, output, at="mine/wording.j2:14:")
    assert not (project / "out" / "form.docx").exists()


INCLUDES = {
    "absolute path": "{% include 'OUTSIDE' %}",
    "dot-dot": "{% include '../outside/secret.txt' %}",
    "dot-dot inside the name": "{% include 'x/../../outside/secret.txt' %}",
    "import of an absolute path": "{% import 'OUTSIDE' as secret %}{{ secret }}",
    "from a link out of the folder": "{% from 'link.j2' import nothing %}",
    "a link out of the folder": "{% include 'link.j2' %}",
    "a link to a folder outside": "{% include 'linked/secret.txt' %}",
    "extends through a link": "{% extends 'link.j2' %}",
}


@pytest.mark.parametrize("body", list(INCLUDES.values()), ids=list(INCLUDES))
def test_no_file_outside_the_template_folder_is_read(project: Path, body: str) -> None:
    secret = project / "outside" / "secret.txt"
    (project / "mine" / "link.j2").symlink_to(secret)
    (project / "mine" / "linked").symlink_to(project / "outside", target_is_directory=True)
    _with_title(project, body.replace("OUTSIDE", str(secret)))
    code, output, opened = _build_recording(project)
    assert SECRET not in output
    assert secret.resolve() not in {(project / p).resolve() for p in opened}
    _refused(code, output)


def test_a_link_out_of_the_folder_is_named_as_such(project: Path) -> None:
    (project / "mine" / "link.j2").symlink_to(project / "outside" / "secret.txt")
    _with_title(project, "{% include 'link.j2' %}")
    code, output = _build(project)
    assert code == 2
    assert output.startswith(
        "mine/wording.j2:14:1:模板有错误：“link.j2”是指向模板文件夹以外的链接，为安全起见没有读取。模板只能引用模板文件夹里的文件。"
    )


def test_wording_j2_itself_may_not_be_a_link_out_of_its_folder(project: Path) -> None:
    outside = project / "outside" / "wording.j2"
    outside.write_bytes((project / "mine" / "wording.j2").read_bytes())
    (project / "mine" / "wording.j2").unlink()
    (project / "mine" / "wording.j2").symlink_to(outside)
    code, output, opened = _build_recording(project)
    assert code == 2 and "是指向模板文件夹以外的链接" in output
    assert outside.resolve() not in {(project / p).resolve() for p in opened}


def test_files_of_the_folder_itself_may_be_included(project: Path) -> None:
    (project / "mine" / "unit.j2").write_text("{% macro unit(report) %}{{ report.unit }}{% endmacro %}", encoding="utf-8")
    (project / "mine" / "same.j2").symlink_to(project / "mine" / "unit.j2")  # a link inside the folder is fine
    _with_title(project, "{% from 'same.j2' import unit %}{{ unit(report) }}年度报告")
    code, output = _build(project)
    assert code == 0, output
    assert docx.Document(str(project / "out" / "form.docx")).paragraphs[0].text.replace("\n", "") == "示例区司法局年度报告"


@pytest.mark.parametrize(
    "body",
    [
        "{{ 'x' * 1000000000 }}", "{{ [1] * 1000000000 }}", "{{ 10 ** 1000000000 }}", "{{ (10 ** 1000) ** 100000 }}",
        "{{ report.unit|center(999999999) }}", "{{ '%999999999s'|format('a') }}", "{{ '%999999999s' % 'a' }}",
        "{{ '%*s' % (999999999, 'a') }}", "{{ 'x'.center(999999999) }}", "{{ 'x'.zfill(999999999) }}",
        "{{ report.unit|indent(999999999, true) }}", "{{ lipsum(999999999) }}",
    ],
)
def test_a_template_cannot_make_gigabytes(project: Path, body: str) -> None:
    _with_title(project, body)
    code, output = _build(project)
    _refused(code, output, at="mine/wording.j2:14:1:模板有错误：做了模板不允许做的事")


# --- Mistakes in a template: a Chinese message at the template's line, never an internal error ------


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("{{ 1 / 0 }}", 14, "模板有错误：这里除以了零。"),
        ("{{ report.unit + report.year }}", 14, "模板有错误：运算或调用的类型不对，例如把文字和数字相加，或者调用了不能调用的东西。"),
        ("{{ title(report) }}", 14, "模板有错误：宏在无限地调用自己（或者模板在无限地引用自己）。"),
        ("{{ report.nothing }}", 14, "模板有错误：用到了不存在的变量或属性“nothing”。"),
        ("{{ '报\\x0b告' }}", 13, "模板的宏 title 写出的文字里有看不见的控制字符 U+000B，Word 文档无法保存它。"),
        ("{{ report.unit }}\n{%- endmacro %}\n{% set title = '标题' %}{% macro unused() -%}", 16, "模板里的 title 应是一个宏"),
        ("{{ report.unit }}\n{%- endmacro %}\n{% set title = 3 %}{% macro unused() -%}", 16, "现在却是一个数字。"),
        ("{{ report.unit }}\n{%- endmacro %}\n{% macro title() %}x{% endmacro %}{% macro unused() -%}", 16, "模板里的宏 title 应接收 1 个参数"),
        ("{{ report.unit }", 14, "模板有错误：这一行的模板语法不对，出错的地方在“}”附近。"),
    ],
)
def test_a_template_mistake_is_told_at_its_line(project: Path, body: str, line: int, message: str) -> None:
    _with_title(project, body)
    code, output = _build(project)
    assert code == 2
    assert output.startswith(f"mine/wording.j2:{line}:1:"), output
    assert message in output and output.rstrip().endswith("请对照内置模板（draft template 新文件夹名 可以复制一份）改正。")
    assert "内部错误" not in output


def test_a_missing_macro_is_named(project: Path) -> None:
    wording = project / "mine" / "wording.j2"
    wording.write_text(wording.read_text(encoding="utf-8").replace("macro closing(", "macro closing_words("), encoding="utf-8")
    code, output = _build(project)
    assert code == 2
    assert output.startswith("mine/wording.j2:模板里缺少宏 closing，应写成 {% macro closing(report) %}……{% endmacro %}。")


def test_a_template_saved_as_gbk_is_read(project: Path) -> None:
    # Notepad's default on older Chinese Windows.
    wording = project / "mine" / "wording.j2"
    wording.write_bytes(wording.read_text(encoding="utf-8").replace("年法治政府建设年度报告", "年度工作报告").encode("gbk"))
    code, output = _build(project)
    assert code == 0, output
    assert "示例区司法局2023年度工作报告" in output.replace("\n", "")


def test_binary_junk_as_a_template_is_told_plainly(project: Path) -> None:
    (project / "mine" / "wording.j2").write_bytes(b"\x00\x01\x02PK")
    code, output = _build(project)
    assert code == 2
    assert output.startswith("mine/wording.j2:模板有错误：文件不是可以读取的文本。这不是文本文件（含有二进制内容）。")


def test_import_with_a_hostile_template_runs_no_command(project: Path) -> None:
    marker = project / "ran"
    wording = project / "mine" / "wording.j2"
    # Outside any macro: run as the template is read, whichever macros a command calls.
    escape = ESCAPES["cycler globals"].replace("COMMAND", f"touch {marker}")
    wording.write_text(wording.read_text(encoding="utf-8") + escape + "\n", encoding="utf-8")
    (project / "report.txt").write_text("某局2023年法治政府建设年度报告\n一、主要举措和成效\n我局坚持依法行政。\n", encoding="utf-8")
    result = run_cli("import", "report.txt", "--template", "mine", "-o", "imported.yaml", cwd=project)
    assert not marker.exists()
    _refused(result.exit_code, result.stdout + result.stderr, at="mine/wording.j2:46:")
    assert not (project / "imported.yaml").exists()


def test_a_template_that_runs_on_is_stopped(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from draft.render import template_budget

    monkeypatch.setattr(template_budget, "MAX_SECONDS", 0.2)
    _with_title(project, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    code, output = _build(project)
    _refused(code, output, at="mine/wording.j2:14:1:模板有错误：模板运行超过 0.2 秒还没有结束（可能是循环套循环，或者没有尽头），为安全起见停止了。")


def test_a_template_file_that_cannot_be_read_is_told_why(project: Path) -> None:
    import os

    os.mkfifo(project / "mine" / "pipe.j2")  # reading it would wait forever
    _with_title(project, "{% include 'pipe.j2' %}")
    code, output = _build(project)
    _refused(code, output, at="mine/wording.j2:14:1:模板有错误：无法读取模板文件“pipe.j2”（这不是普通文件，而是管道、设备之类的特殊文件）。")
