"""Whatever a form holds, draft answers with a .docx or a handled error — never a crash.

Hypothesis feeds the whole pipeline of ``draft build`` (load → validate → model →
check → render → .docx) with generated forms: random structures shaped like the schema, random Unicode,
random nesting, random YAML. The CI profile runs 2,000 examples of each.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import docx
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from draft.check import check_read
from draft.form.read import read_form
from draft.problems import DraftError
from draft.render.blocks import render
from draft.render.wording import Wording
from draft.word.writer import to_bytes

EXAMPLES = 2000 if os.environ.get("CI") else 300
WORDING = Wording()

_any_text = st.text(max_size=30)  # any code point, surrogates and control characters included
_chinese = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF) | st.sampled_from(list("，。；：,.;:()（）“”《》 1234567890年")), min_size=1, max_size=40)
_text = st.one_of(_chinese, _chinese, _any_text, st.integers(), st.none(), st.booleans())
_layout = st.fixed_dictionaries(
    {},
    optional={
        "numbering": st.sampled_from(["(一)", "1.", "1、", "(1)", "一、", "a"]),
        "title": st.sampled_from(["own-line", "run-in", "x"]),
        "points": st.sampled_from(["inline", "paragraphs", 3]),
        "continue_numbering": st.booleans(),
    },
)
_node = st.recursive(
    st.fixed_dictionaries({}, optional={"title": _text, "text": _text, "points": st.lists(_text, max_size=3)}),
    lambda inner: st.fixed_dictionaries(
        {},
        optional={
            "title": _text,
            "text": _text,
            # Now and then past 99 points: 一百是 (once an internal error).
            "points": st.one_of(st.lists(_text, max_size=3), _text, st.lists(_chinese, min_size=99, max_size=101)),
            "items": st.one_of(st.lists(inner, max_size=3), _text),
            "layout": _layout,
        },
    ),
    max_leaves=15,
)
_form = st.fixed_dictionaries(
    {"unit": _text, "year": st.one_of(st.integers(1995, 2030), _text), "measures": _node, "shortcomings": _node, "plans": _node},
    optional={
        "title": _text,
        "recipient": _text,
        "intro": _text,
        "responsibility": _node,
        "others": _node,
        "closing": st.one_of(st.booleans(), _text),
        "signature": _text,
        "date": st.one_of(st.dates(), _text),
        "layout": _layout,
        st.sampled_from(["mesures", "extra"]): _text,
    },
)


def _build(raw: bytes, folder: Path) -> None:
    """The pipeline of `draft build` on ``raw``: a DraftError is a handled answer, anything else fails the test."""
    form = folder / "generated.yaml"  # on disk: the check reads the file again to point at lines
    form.write_bytes(raw)
    try:
        read = read_form(form)
    except DraftError as error:
        assert error.problems and all(p.message for p in error.problems)
        event("refused with a message")
        return
    event("built")
    for finding in check_read(read):
        assert finding.message and finding.line >= 1 and finding.column >= 1
    data = to_bytes(render(read.report, WORDING))
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs[0].style.name == "Title"


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(form=_form)
def test_generated_forms_build_or_fail_cleanly(form: dict, tmp_path_factory: pytest.TempPathFactory) -> None:
    try:
        raw = yaml.safe_dump(form, allow_unicode=True).encode("utf-8", "surrogatepass")
    except yaml.YAMLError:
        return  # not representable as YAML at all
    _build(raw, tmp_path_factory.getbasetemp())


@settings(max_examples=EXAMPLES)
@given(raw=st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_arbitrary_bytes_build_or_fail_cleanly(raw: bytes, tmp_path_factory: pytest.TempPathFactory) -> None:
    _build(raw, tmp_path_factory.getbasetemp())


# --- Limits: refused fast and with bounded memory, measured in a process of its own --------------

_MEASURE = """
import resource, sys, time
started = time.perf_counter()
sys.argv = ["draft", "validate", sys.argv[1]]
try:
    from draft.cli import main
    main()
except SystemExit as done:
    code = done.code
# Peak RSS of this process. Linux keeps ru_maxrss across exec, so a child of a big
# pytest process would report the parent's size: read the new image's own high-water
# mark (VmHWM) where /proc has it, resource's figure elsewhere.
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    with open("/proc/self/status") as status:
        peak_kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except OSError:
    pass
print(code, time.perf_counter() - started, peak_kib)
"""

BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]\n" for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)


def _refusal(tmp_path: Path, content: bytes) -> tuple[int, float, int, str]:
    import subprocess
    import sys

    form = tmp_path / "form.yaml"
    form.write_bytes(content)
    run = subprocess.run([sys.executable, "-c", _MEASURE, str(form)], capture_output=True, text=True, timeout=60)
    code, seconds, max_rss_kib = run.stdout.split()
    return int(code), float(seconds), int(max_rss_kib), run.stderr


def test_an_alias_bomb_is_refused_within_2_s_and_200_mb(tmp_path: Path) -> None:
    code, seconds, rss_kib, stderr = _refusal(tmp_path, BILLION_LAUGHS.encode())
    assert code == 1 and "表单展开后的内容太多" in stderr
    assert seconds < 2
    assert rss_kib < 200 * 1024


def test_an_oversized_file_is_refused_within_2_s_and_200_mb(tmp_path: Path) -> None:
    code, seconds, rss_kib, stderr = _refusal(tmp_path, b"text: " + "法".encode() * 3_000_000)
    assert code == 1 and "太大" in stderr
    assert seconds < 2
    assert rss_kib < 200 * 1024


_LONG = "法治政府建设" * 10_000  # 60,000 characters, written once


@pytest.mark.parametrize(
    ("form", "line"),
    [
        # A long text anchored once and copied by thousands of aliases: few values, hundreds of MB.
        (f"unit: &a {_LONG}\nlist:\n" + "  - *a\n" * 2000, 19),
        (f"text: &a |\n  {_LONG}\nitems:\n" + "  - text: *a\n" * 2000, 20),
        # A list of long texts, copied whole.
        (f"base: &a [{_LONG}, {_LONG}]\ncopies: [" + ", ".join(["*a"] * 1000) + "]\n", 2),
        # Keys count too: a mapping with a long key, merged into many others.
        (f"base: &a\n  ? {_LONG}\n  : 1\n" + "".join(f"m{i}: {{<<: *a}}\n" for i in range(1000)), 20),
    ],
    ids=["aliases of a long text", "aliases of a block text", "aliases of a list of long texts", "merges of a long key"],
)
def test_copies_of_long_text_are_refused_at_the_alias_within_2_s_and_200_mb(tmp_path: Path, form: str, line: int) -> None:
    code, seconds, rss_kib, stderr = _refusal(tmp_path, form.encode())
    assert code == 1
    assert f"form.yaml:{line}:" in stderr
    assert "表单展开后的文字太多（超过 1,048,576 个字符）。这是这里的“*”引用把一大段文字复制了很多遍造成的" in stderr
    assert seconds < 2
    assert rss_kib < 200 * 1024
