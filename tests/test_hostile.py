"""``draft build`` and ``draft import`` against what a careless or hostile colleague hands over.

Hypothesis makes a project: forms under names of every kind (GBK bytes, 250 bytes long,
hidden, only an extension, told apart only by case, x.yaml beside x.yml), with content of
every kind (GBK, UTF-16, binary, copies of long text), and an output folder planted with
links (to files outside, dangling), FIFOs and folders under the names draft writes, next
to reports a user edited. Whatever the project, the commands must answer in Chinese
without a traceback or an internal error, write nothing outside their folder, leave no
temporary file, and lose no report: each file that was in the output folder is there
still, or its bytes are in a backup beside it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL, building_with, run_cli
from draft.files import safe_write

EXAMPLES = 300 if os.environ.get("CI") else 40

_STEMS = st.one_of(
    st.sampled_from(["report", "Report", "报告", "2024年", ".hidden", "", "a b", "x"]),
    st.just("报" * 80 + "abc"),  # 243 bytes: the longest names still fit
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0x9FFF, exclude_characters="/\\\x7f"), min_size=1, max_size=12),
)
_NAMES = st.tuples(_STEMS, st.sampled_from([".yaml", ".yml", ".YAML"]), st.booleans()).map(
    # the third element: the name's bytes in GBK, as a zip made on Chinese Windows gives them
    lambda parts: os.fsdecode((parts[0] + parts[1]).encode("gbk", "replace")) if parts[2] else parts[0] + parts[1]
)
_LONG = "法治政府建设" * 2_000
_CONTENTS = st.sampled_from(
    [
        MINIMAL.encode(),
        MINIMAL.encode("gbk"),
        ("\ufeff" + MINIMAL).encode("utf-16-le"),
        MINIMAL.replace("我局坚持依法行政。", "我局\u202e坚持\u200b依法行政\ufffd。").encode(),
        MINIMAL.replace("year: 2023", "year: ２０２３").encode(),
        bytes(range(256)),
        f"unit: &a {_LONG}\nlist: [{', '.join(['*a'] * 200)}]\n".encode(),
        MINIMAL.encode() + b"".join(b"extra%d: x\n" % i for i in range(300)),
    ]
)
#: What may be planted under a name draft writes in the output folder.
_PLANTS = st.sampled_from(["link to a file outside", "dangling link", "fifo", "folder", "foreign file", "nothing"])
_WRITTEN = st.sampled_from(["{stem}.docx", "{stem}.bak.docx", "{stem}.bak2.docx", f"{safe_write.TEMP_PREFIX}x{safe_write.TEMP_SUFFIX}"])


def _snapshot(folder: Path) -> dict[str, object]:
    """Every entry under ``folder``: a file's bytes, a link's target, a folder or FIFO's kind."""
    found: dict[str, object] = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root, name)
            mode = os.lstat(path).st_mode
            key = os.fsencode(path.relative_to(folder)).hex()
            if stat.S_ISLNK(mode):
                found[key] = ("link", os.readlink(path))
            elif stat.S_ISREG(mode):
                found[key] = path.read_bytes()
            else:
                found[key] = stat.S_IFMT(mode)
    return found


def _plant(output: Path, outside: Path, name: str, plant: str) -> None:
    target = output / name
    if plant == "nothing" or os.path.lexists(target) or len(os.fsencode(name)) > 255:
        return
    if plant == "link to a file outside":
        target.symlink_to(outside / "victim.docx")
    elif plant == "dangling link":
        target.symlink_to(outside / "nothing-here" / "new.docx")
    elif plant == "fifo":
        os.mkfifo(target)
    elif plant == "folder":
        target.mkdir()
    else:
        target.write_bytes(b"a report someone edited")


def _assert_answered_in_chinese(result) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output and "内部错误" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(
    forms=st.lists(st.tuples(_NAMES, _CONTENTS), min_size=1, max_size=4),
    plants=st.lists(st.tuples(_WRITTEN, _PLANTS), max_size=4),
    force=st.booleans(),
    pooled=st.booleans(),
)
def test_build_in_a_hostile_project(tmp_path_factory: pytest.TempPathFactory, forms, plants, force: bool, pooled: bool) -> None:  # type: ignore[no-untyped-def]
    project = tmp_path_factory.mktemp("project")
    inputs, output, outside = project / "inputs", project / "output", project / "outside"
    for folder in (inputs, output, outside):
        folder.mkdir()
    (outside / "victim.docx").write_bytes(b"a file outside the output folder")
    for name, content in forms:
        if len(os.fsencode(name)) <= 255:
            (inputs / name).write_bytes(content)
    stems = [name.rsplit(".", 1)[0].lstrip(".") or "x" for name, _ in forms]
    for (pattern, plant), stem in zip(plants, stems * len(plants), strict=False):
        _plant(output, outside, pattern.format(stem=stem), plant)
    before_outside, before_inputs, before_output = _snapshot(outside), _snapshot(inputs), _snapshot(output)

    with building_with(jobs=2 if pooled else 1):
        result = run_cli("build", *(["--force"] if force else []), cwd=project)

    _assert_answered_in_chinese(result)
    assert _snapshot(outside) == before_outside
    assert _snapshot(inputs) == before_inputs
    after = _snapshot(output)
    backups = [content for key, content in after.items() if b".bak" in bytes.fromhex(key)]
    for key, content in before_output.items():
        assert after.get(key) == content or content in backups, f"lost: {bytes.fromhex(key)!r}"
    temps = [key for key in after if bytes.fromhex(key).startswith(safe_write.TEMP_PREFIX.encode())]
    assert temps == [key for key in before_output if bytes.fromhex(key).startswith(safe_write.TEMP_PREFIX.encode())]


_SOURCES = st.sampled_from(
    [
        "某局2023年法治政府建设年度报告\n一、主要举措和成效\n我局坚持依法行政。\n二、存在的不足\n学习不够。\n三、下一步安排\n加强学习。\n",
        "# 报告\n\n```\n## 一、主要举措\n\n<b>文字</b>&amp;\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~~\n",
        "一、主要举措\n" + "我局坚持依法行政。" * 20_000,
        "",
    ]
)


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(
    source=_SOURCES,
    encoding=st.sampled_from(["utf-8", "gbk", "utf-16", "latin-1-junk"]),
    name=_NAMES.map(lambda name: name.rsplit(".", 1)[0] + ".txt"),
    existing=st.sampled_from(["nothing", "a form", "link to a file outside", "dangling link", "folder"]),
    force=st.booleans(),
)
def test_import_in_a_hostile_project(
    tmp_path_factory: pytest.TempPathFactory, source: str, encoding: str, name: str, existing: str, force: bool
) -> None:  # type: ignore[no-untyped-def]
    project = tmp_path_factory.mktemp("project")
    inputs, outside = project / "inputs", project / "outside"
    inputs.mkdir()
    outside.mkdir()
    (outside / "victim.docx").write_bytes(b"a file outside the inputs folder")
    if len(os.fsencode(name)) > 255:
        return
    raw = source.encode("utf-8") + b"\xff\xfe\x80" if encoding == "latin-1-junk" else source.encode(encoding, "replace")
    (project / name).write_bytes(raw)
    if existing == "a form":
        (inputs / "form.yaml").write_bytes(MINIMAL.encode())
    else:
        _plant(inputs, outside, "form.yaml", existing)
    before_outside, before_inputs = _snapshot(outside), _snapshot(inputs)

    result = run_cli("import", name, "-o", "inputs/form.yaml", *(["--force"] if force else []), cwd=project)

    _assert_answered_in_chinese(result)
    assert _snapshot(outside) == before_outside
    after = _snapshot(inputs)
    backups = [content for key, content in after.items() if b".bak" in bytes.fromhex(key)]
    for key, content in before_inputs.items():
        assert after.get(key) == content or content in backups
    assert not [key for key in after if bytes.fromhex(key).startswith(safe_write.TEMP_PREFIX.encode())]


_TITLE = "{{ report.unit }}{{ report.year }}年法治政府建设年度报告"  # the body of the title macro of the built-in template
_TEMPLATE_PIECES = st.sampled_from(
    [
        "{{ report.unit }}",
        "{{ report.year }}年度报告",
        "{{ report.unit|center(999999999) }}",
        "{{ '{:>999999999}'.format('a') }}",
        "{{ '{:.999999999f}'.format(1.0) }}",
        "{{ [1]|slice(999999999)|sum(start=[]) }}",
        "{{ ('x' * 100000).replace('', 'y') }}",
        "{{ ('x' * 100000).translate({120: 'y' * 100000}) }}",
        "{{ range(90000)|join('y' * 90000) }}",
        "{{ lipsum(100000, false, 100000, 100000) }}",
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
        "{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
        "{% set ns = namespace(p=1) %}{% for i in range(80) %}{% set ns.p = [ns.p, ns.p] %}{% endfor %}{{ ns.p|tojson }}",
        "{% set a = [[1] * 1000] * 1000 %}{{ ([a] * 100)|tojson|length }}",
        "{{ " + "(" * 200 + "1" + ")" * 200 + " }}",
        "{{ '\u202e' }}",
        "{{ '' }}",
        "{{ title(report) }}",
        "{% include 'wording.j2' %}",
        "{{ report.nothing }}",
        "{{ 1 / 0 }}",
        "{{ cycler.__init__.__globals__.os.popen('echo x').read() }}",
    ]
)
#: What may be planted as the template folder's form.yaml (read for the kind it names).
_TEMPLATE_FORMS = st.sampled_from(["nothing", "fifo", "link to /dev/zero", "binary", "kind: report"])


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(_TEMPLATE_PIECES, min_size=1, max_size=3), form=_TEMPLATE_FORMS)
def test_build_with_a_hostile_template(tmp_path_factory: pytest.TempPathFactory, pieces: list[str], form: str) -> None:
    import time
    from unittest import mock

    from draft.render import template_budget
    from draft.render.wording import builtin_template_dir

    project = tmp_path_factory.mktemp("project")
    (project / "form.yaml").write_bytes(MINIMAL.encode())
    template = project / "mine"
    template.mkdir()
    (template / "wording.j2").write_text(
        (builtin_template_dir() / "wording.j2").read_text(encoding="utf-8").replace(_TITLE, "".join(pieces)), encoding="utf-8"
    )
    if form == "fifo":
        os.mkfifo(template / "form.yaml")
    elif form == "link to /dev/zero":
        (template / "form.yaml").symlink_to("/dev/zero")
    elif form != "nothing":
        (template / "form.yaml").write_bytes(bytes(range(256)) if form == "binary" else form.encode())

    started = time.monotonic()
    with mock.patch.object(template_budget, "MAX_SECONDS", 1):
        result = run_cli("build", "form.yaml", "--template", "mine", "-o", "out", cwd=project)

    _assert_answered_in_chinese(result)
    assert result.exit_code in (0, 2), result.output
    assert result.exit_code == 0 or result.output.startswith("mine/wording.j2:"), result.output
    assert time.monotonic() - started < 10
