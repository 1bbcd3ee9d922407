"""The typing slips a newcomer makes most, each explained at its own line, whichever field it is on."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import draft.form.yaml as form_yaml
from conftest import english_words, run_cli
from draft.form.load import load_bytes
from draft.problems import FormError, Problem

FORM = Path("inputs/a.yaml")
LOADERS = [pytest.param(yaml.CSafeLoader, id="libyaml"), pytest.param(yaml.SafeLoader, id="python")]

# A form a newcomer writes: top-level fields with plain values, comments and blank lines between.
FIELDS = [
    ("unit", "青山县司法局"),
    ("year", "2023"),
    ("title", "青山县司法局2023年法治政府建设年度报告"),
    ("signature", "青山县司法局"),
    ("closing", "特此报告。"),
]
SEPARATORS = ["", "# 说明\n", "\n", "\n# 说明\n\n"]


@pytest.fixture(params=LOADERS)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    monkeypatch.setattr(form_yaml, "PARSER", request.param)
    return request.param


def only_problem(text: str) -> Problem:
    with pytest.raises(FormError) as caught:
        load_bytes(text.encode(), FORM)
    found = caught.value.problems
    assert len(found) == 1, found
    return found[0]


def fullwidth_colon(key: str, value: str) -> str:
    return (
        f"这一行用的是中文冒号“：”。YAML 只认英文冒号，而且冒号后面要有一个空格，请改成：{key}: {value}"
    )


def glued_colon(key: str, value: str) -> str:
    return f"这一行的冒号后面缺少空格，YAML 因此认不出字段。请在冒号后面加一个空格，写成：{key}: {value}"


SLIPS = {
    "fullwidth": ("：", fullwidth_colon),
    "fullwidth-space": ("： ", fullwidth_colon),
    "glued": (":", glued_colon),
}


@pytest.mark.usefixtures("loader")
@settings(max_examples=60)
@given(
    slipped=st.integers(0, len(FIELDS) - 1),
    slip=st.sampled_from(sorted(SLIPS)),
    separators=st.lists(st.sampled_from(SEPARATORS), min_size=len(FIELDS), max_size=len(FIELDS)),
    leading=st.sampled_from(["", "# 表单\n", "\n"]),
)
def test_a_colon_slip_is_explained_at_its_line_on_any_field(
    slipped: int, slip: str, separators: list[str], leading: str
) -> None:
    lines = [leading]
    for index, ((key, value), separator) in enumerate(zip(FIELDS, separators, strict=True)):
        colon = SLIPS[slip][0] if index == slipped else ": "
        lines.append(f"{key}{colon}{value}\n{separator}")
    text = "".join(lines)
    key, value = FIELDS[slipped]
    expected_line = 1 + text[: text.index(f"{key}{SLIPS[slip][0]}")].count("\n")
    problem = only_problem(text)
    assert (problem.line, problem.column) == (expected_line, len(key) + 1)
    assert problem.message == SLIPS[slip][1](key, value)


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        pytest.param(
            "measures：\n  text: 好\n",
            1,
            9,
            fullwidth_colon("measures", "").rstrip(),
            id="fullwidth-before-children",
        ),
        pytest.param(
            "unit: 青山县司法局\nyear: 2023\nmeasures:\n  points:\n    - \"放管服\"改革持续深化。\n    - 二\n",
            5,
            7,
            "这里的内容以引号 \" 开头，YAML 把它当成了括住整个内容的引号，引号后面的文字就读不下去了。"
            "请改用中文引号（- “放管服”改革持续深化。），或者给整个内容再加一层引号（- '\"放管服\"改革持续深化。'）。",
            id="point-opening-with-quoted-word",
        ),
        pytest.param(
            "unit: 青山县司法局\nyear: 2023\nmeasures:\n  points:\n    - \"放管服\"改革持续深化。\n",
            5,
            7,
            "这里的内容以引号 \" 开头，YAML 把它当成了括住整个内容的引号，引号后面的文字就读不下去了。"
            "请改用中文引号（- “放管服”改革持续深化。），或者给整个内容再加一层引号（- '\"放管服\"改革持续深化。'）。",
            id="last-point-opening-with-quoted-word",
        ),
        pytest.param(
            "unit: 青山县司法局\nmeasures:\n  items:\n    - title: '放管服'改革\n      text: 好\n",
            4,
            14,
            "这里的内容以引号 ' 开头，YAML 把它当成了括住整个内容的引号，引号后面的文字就读不下去了。"
            "请改用中文引号（- title: ‘放管服’改革），或者给整个内容再加一层引号（- title: \"'放管服'改革\"）。",
            id="item-title-opening-with-quoted-word",
        ),
        pytest.param(
            "unit: 青山县司法局\nmeasures:\n  text: \"放管服\"改革持续深化。\nyear: 2023\n",
            3,
            9,
            "这里的内容以引号 \" 开头，YAML 把它当成了括住整个内容的引号，引号后面的文字就读不下去了。"
            "请改用中文引号（text: “放管服”改革持续深化。），或者给整个内容再加一层引号（text: '\"放管服\"改革持续深化。'）。",
            id="text-opening-with-quoted-word",
        ),
        pytest.param(
            "unit: 青山县司法局\nmeasures:\n  points:\n    - \"放管服\"改革，\"最多跑一次\"\n    - 二\n",
            4,
            7,
            "这里的内容以引号 \" 开头，YAML 把它当成了括住整个内容的引号，引号后面的文字就读不下去了。"
            "请改用中文引号（- “放管服”改革，“最多跑一次”），或者给整个内容再加一层引号（- '\"放管服\"改革，\"最多跑一次\"'）。",
            id="quoted-words-at-both-ends",
        ),
        pytest.param(
            "unit ：青山县司法局\nyear: 2023\n",
            1,
            6,
            fullwidth_colon("unit", "青山县司法局"),
            id="fullwidth-with-a-space-before",
        ),
        pytest.param(
            "unit: 青山县司法局\nmeasures:\n  items:\n    - title:推动服务升级\n      text: 好\n",
            4,
            12,
            glued_colon("- title", "推动服务升级"),
            id="glued-in-a-list-item",
        ),
        pytest.param(
            "unit: 青山县司法局\nmeasures:\n  points:\n    - [放管服]改革持续深化。\n    - 二\n",
            4,
            7,
            "以 [ 或 { 开头的内容会被 YAML 当成列表或字典。请给整个内容加上英文引号，例如：- \"[放管服]改革持续深化。\"；"
            "或者改用中文的【】或（）。",
            id="point-opening-with-a-bracket",
        ),
    ],
)
def test_slips_are_explained(text: str, line: int, column: int, message: str) -> None:
    problem = only_problem(text)
    assert (problem.line, problem.column, problem.message) == (line, column, message)


def test_a_quoted_word_inside_a_text_is_fine() -> None:
    form = load_bytes('unit: 青山\npoints:\n  - 深化"放管服"改革。\n'.encode(), FORM)
    assert form.data["points"] == ['深化"放管服"改革。']


PIECES = ["a", ": ", ":", "- ", "\n", "  ", '"', "'", "[", "]", "{", "}", ",", "&a ", "*a", "!", "!!str ", "|", ">",
          "#", "%", "?", "@", "`", "\\", "---", "...", "\t", "中", "：", "x: ", "%YAML 1.1\n", "%TAG ! !x\n", "<<: "]


@pytest.mark.usefixtures("loader")
@settings(max_examples=400)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14))
def test_every_refusal_of_the_yaml_library_is_in_chinese(pieces: list[str]) -> None:
    text = "".join(pieces)
    try:
        load_bytes(text.encode(), FORM)
    except FormError as error:
        for problem in error.problems:
            assert not english_words(problem.message, text), problem.message


@pytest.mark.parametrize(
    ("colon", "said"), [(":", glued_colon), ("：", fullwidth_colon), (" ：", fullwidth_colon)]
)
@pytest.mark.parametrize("where", ["part", "item"])
def test_a_colon_slip_on_a_parts_last_line_is_explained_too(write_form, colon: str, said, where: str) -> None:
    # Nothing follows the slip, so YAML reads the line as the part's text and only validation sees it.
    line = f"  text{colon}我局坚持依法行政。" if where == "part" else f"  items:\n    - text{colon}我局坚持依法行政。"
    path = write_form("unit: 青山县司法局\nyear: 2023\nshortcomings:\n  text: 好\nplans:\n  text: 好\nmeasures:\n" + line + "\n")
    result = run_cli("validate", str(path))
    assert result.exit_code == 1
    place, column, key = ("主要举措和成效", 3, "text") if where == "part" else ("主要举措和成效 › 第1条", 7, "- text")
    assert result.stderr == f"{path}:{8 if where == 'part' else 9}:{column} {place}:{said(key, '我局坚持依法行政。')}\n"


@pytest.mark.parametrize("colon", [":", "：", " ："])
@pytest.mark.parametrize("where", ["part", "item"])
def test_a_colon_slip_is_told_in_the_same_words_whether_yaml_or_validation_notices_it(
    write_form, colon: str, where: str
) -> None:
    # Followed by another field, the slip is a syntax error; on a part's last line, YAML reads it as
    # the part's text and validation finds it. The user reads the same words either way.
    slip = f"  text{colon}我局坚持依法行政。" if where == "part" else f"  items:\n    - text{colon}我局坚持依法行政。"
    start = "unit: 青山县司法局\nyear: 2023\nshortcomings:\n  text: 好\nplans:\n  text: 好\nmeasures:\n" + slip + "\n"
    by_validation = run_cli("validate", str(write_form(start)))
    by_yaml = run_cli("validate", str(write_form(start + "  title: 标题\n" if where == "part" else start + "      title: 标题\n")))
    said = {result.stderr.split(":", 3)[-1] for result in (by_validation, by_yaml)}
    assert len(said) == 1, said
    assert said.pop().startswith("这一行")


def test_the_scan_for_english_finds_what_it_must_and_spares_the_user_s_words() -> None:
    # Every test runs under conftest's no_english_reaches_the_user, which holds each message to this.
    assert english_words("output/a.docx:无法写入文件（No space left on device）。") == {"No", "space", "left", "on", "device"}
    assert english_words("模板有错误（技术信息：expected token 'end'）", "") == {"expected", "token", "end"}
    assert english_words("不认识的字段“signatur”。您是不是想写“signature”？", "signatur: x") == set()
    assert english_words("/tmp/x/form.yaml:1:1:这里有一个看不见的特殊字符 U+FFFE，请删掉“\\x0b”。") == set()


def test_two_colon_slips_in_a_row_are_told_apart(write_form) -> None:
    # Both lines were read as one text; the fix must keep both fields.
    path = write_form("unit: 青山县司法局\nyear: 2023\nshortcomings:\n  text: 好\nplans:\n  text: 好\nmeasures:\n"
                      "  items:\n    - title:规范执法\n      text：我局做了\n")
    result = run_cli("validate", str(path))
    assert result.stderr == (
        f"{path}:9:7 主要举措和成效 › 第1条:这 2 行用了中文冒号“：”，或者冒号后面缺少空格。"
        "YAML 只认英文冒号，而且冒号后面要有一个空格，请改成（每个字段单独一行）：\n    - title: 规范执法\n      text: 我局做了\n"
    )
