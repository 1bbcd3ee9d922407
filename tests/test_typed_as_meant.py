"""Nothing a clerk typed disappears or changes without a word, every slip is told in one run, and every fix works.

A newcomer who knows Word, not YAML, types report text as plain values. Whatever YAML would drop
(a comment after `` #``) or read as its own (a leading ``-``, ``*``, ``&``, ``!``…, a ``: `` inside a
sentence) is refused at its line with the lost text quoted, or printed exactly as typed. Each
message carries its fix as lines of the form (:class:`~draft.problems.Rewrite`): applied
literally, the form validates and prints what was meant.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import run_cli
from draft.form.read import read_form
from draft.problems import FormError, Problem, Rewrite, Severity
from draft.text.dates import proposed_year
from draft.text.punctuation import normalize_punctuation

# A form as a clerk writes it, every line plain; each slip below replaces one of its lines.
FORM = """\
unit: 青山县司法局
year: 2026
measures:
  items:
    - title: 推进依法行政
      text: 我局坚持依法行政。
    - title: 规范执法
      text: 全年办理案件120件。
shortcomings:
  text: 学习还不够深入。
plans:
  text: 继续加强学习。
"""
LINES = FORM.splitlines()


def with_line(number: int, *lines: str, count: int = 1) -> str:
    """FORM with ``count`` lines from line ``number`` (1-based) written as ``lines``."""
    return "\n".join([*LINES[: number - 1], *lines, *LINES[number - 1 + count :]]) + "\n"


def problems(tmp_path: Path, text: str) -> list[Problem]:
    path = tmp_path / "form.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormError) as raised:
        read_form(path)
    return raised.value.problems


def printed(tmp_path: Path, text: str) -> dict[tuple[str | int, ...], str]:
    """Every text of the report as it prints, by where it is in the form; the form must validate."""
    path = tmp_path / "printed.yaml"
    path.write_text(text, encoding="utf-8")
    report = read_form(path).report
    return {(*text_.path, text_.origin.number if text_.origin else 0): text_.printed for text_ in report.texts()}


def applied(text: str, rewrites: list[Rewrite]) -> str:
    """``text`` with each rewrite made, as a program (or a user following the message word for word) makes it."""
    lines = text.split("\n")
    for rewrite in sorted(rewrites, key=lambda rewrite: -rewrite.first):
        lines[rewrite.first - 1 : rewrite.last] = rewrite.text.split("\n") if rewrite.text else []
    return "\n".join(lines)


# --- Nothing lost without a word --------------------------------------------------------------------

WEIBO = "在政务微博开设 #法治青山# 话题，全县218个村（社区）全部开通普法账号，全年推送普法信息1300余条，阅读量超过56万人次。"


def test_text_after_a_space_and_hash_is_refused_with_the_lost_words_quoted(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, with_line(10, f"  text: {WEIBO}"))
    assert (problem.line, problem.column, problem.field) == (10, 17, "shortcomings.text")
    assert problem.message == (
        "这一行“ #”后面的文字被 YAML 当成了注释，不会印到报告里：“#法治青山# 话题，全县218个村（社区……”。"
        "如果它是内容的一部分，请给整个内容加上英文引号，改成：text: \"在政务微博开设 #法治青山# 话题……阅读量超过56万人次。\"；"
        "如果是写给自己看的注释，请把它单独写成一行，写在这段内容的上面。"
    )
    assert problem.rewrite == Rewrite(10, 10, f'  text: "{WEIBO}"')


def test_a_continuation_line_starting_with_a_hash_is_refused(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, with_line(10, "  text: 在政务微博开设", "    #法治青山# 话题，全县全覆盖。"))
    assert (problem.line, problem.column) == (11, 5)
    assert problem.message.startswith("这一行以“#”开头，它的文字被 YAML 当成了注释，不会印到报告里：“#法治青山# 话题，全县全覆盖。”。")
    assert problem.rewrite == Rewrite(10, 11, '  text: "在政务微博开设#法治青山# 话题，全县全覆盖。"')


def test_a_comment_on_a_line_of_its_own_is_still_a_comment(tmp_path: Path) -> None:
    assert printed(tmp_path, with_line(10, "  text: 学习还不够深入。", "  # 下面是明年的安排")) == printed(tmp_path, FORM)


@pytest.mark.parametrize(
    ("line", "message", "fixed"),
    [
        (
            "  text: - 学习还不够深入。",
            "内容开头的“-”在 YAML 里有特殊含义，报告里也不印项目符号。分条的内容请写成 points（要点）或 items（下级条目），由程序编号；"
            "这里请删掉它，改成：text: 学习还不够深入。；如果确实要印出“-”，请给整个内容加上英文引号，例如：text: \"- 学习还不够深入。\"",
            "  text: 学习还不够深入。",
        ),
        (
            "  text: *学习还不够深入。",
            "内容开头的“*”在 YAML 里有特殊含义，报告里也不印项目符号。分条的内容请写成 points（要点）或 items（下级条目），由程序编号；"
            "这里请删掉它，改成：text: 学习还不够深入。；如果确实要印出“*”，请给整个内容加上英文引号，例如：text: \"*学习还不够深入。\"",
            "  text: 学习还不够深入。",
        ),
        (
            "  text: 主要做法: 学习还不够深入。",
            "这一行的内容里有“冒号+空格”（: ），YAML 会把它当成又一个“字段: 内容”。句子里的冒号请用中文冒号“：”，改成：text: 主要做法：学习还不够深入。",
            "  text: 主要做法：学习还不够深入。",
        ),
        (
            "  text: &重点 学习还不够深入。",
            "内容不能以“&”开头，它在 YAML 里有特殊含义。请给整个内容加上英文引号，例如：text: \"&重点 学习还不够深入。\"",
            '  text: "&重点 学习还不够深入。"',
        ),
        (
            "  text: &a 学习还不够深入。",
            "内容开头的“&a”在 YAML 里是引用标记，不会印到报告里。如果它是内容的一部分，请给整个内容加上英文引号，改成：text: \"&a 学习还不够深入。\"。",
            '  text: "&a 学习还不够深入。"',
        ),
        (
            "  text: ! 学习还不够深入。",
            "内容开头的“!”在 YAML 里是类型标记，不会印到报告里。如果它是内容的一部分，请给整个内容加上英文引号，改成：text: \"! 学习还不够深入。\"。",
            '  text: "! 学习还不够深入。"',
        ),
    ],
    ids=["dash", "star", "colon-in-a-sentence", "ampersand", "unused-anchor", "bang"],
)
def test_a_value_yaml_would_read_as_its_own_is_refused_with_a_fix_that_prints_what_was_meant(
    tmp_path: Path, line: str, message: str, fixed: str
) -> None:
    [problem] = problems(tmp_path, with_line(10, line))
    assert (problem.line, problem.message, problem.rewrite) == (10, message, Rewrite(10, 10, fixed))


# --- Every slip in one run ----------------------------------------------------------------------------

FIVE_SLIPS = """\
unit：青山县司法局
year: 2026年
date: 2027年1月
measures:
  items:
\t- title: （一）推进依法行政
      text: 我局坚持依法行政。
shortcomings:
  text: 学习还不够深入。
plans:
  text: 继续加强学习。
"""
FIVE_MESSAGES = [
    "form.yaml:1:5:这一行用的是中文冒号“：”。YAML 只认英文冒号，而且冒号后面要有一个空格，请改成：unit: 青山县司法局",
    "form.yaml:2:7 报告年度:year（报告年度） 只写 4 位数字，不要写“年”“年度”等文字：写 2026，现在是“2026年”。",
    "form.yaml:3:7 成文日期:date（成文日期） 写法不对：“2027年1月”。请写成 2027-01-15 或 2027年1月15日 这样的日期。",
    "form.yaml:6:1:这一行开头的缩进里有 Tab 字符，YAML 只认空格。请用空格缩进，不要用 Tab 键（同一级的字段左边空格数要相同，一般每级 2 个空格）。"
    "这一行改成（行首 4 个空格）：- title: （一）推进依法行政",
]


def test_five_independent_slips_are_five_located_messages_of_one_check(tmp_path: Path) -> None:
    (tmp_path / "form.yaml").write_text(FIVE_SLIPS, encoding="utf-8")
    validated = run_cli("validate", "form.yaml", cwd=tmp_path)
    assert validated.exit_code == 1
    assert validated.stderr.splitlines() == FIVE_MESSAGES  # the form's own slips, all of them
    checked = run_cli("check", "form.yaml", cwd=tmp_path)
    assert checked.exit_code == 1
    assert checked.stderr.splitlines() == [
        *FIVE_MESSAGES,
        "form.yaml:6:14 主要举措和成效 › 第1条（（一）推进依法行政）› 标题:标题开头手写了编号“（一）”。"
        "条目的编号（（一）、1.、（1）……）由程序自动生成，这样会印成两个编号。（改法：删除开头的“（一）”）",
    ]


def test_a_line_that_had_to_be_left_out_stops_validation_but_not_the_syntax_errors_after_it(tmp_path: Path) -> None:
    # After "- 二", "items:" cannot be placed: YAML reads on without it and the lines under it (each of which
    # would be told as wrongly indented), finds the slip after them, and says nothing of what it could not read.
    text = with_line(3, "measures:", "- 二").replace("unit: 青山县司法局", "unit：青山县司法局").replace("plans:", "plans：")
    found = problems(tmp_path, text)
    assert [(problem.line, problem.column, problem.message[:12]) for problem in found] == [
        (1, 5, "这一行用的是中文冒号“："),
        (5, 8, "这一行的缩进（行首的空格"),
        (12, 6, "这一行用的是中文冒号“："),
    ]


def test_a_control_character_does_not_hide_the_other_slips(tmp_path: Path) -> None:
    found = problems(tmp_path, with_line(10, "  text: 学习\x0b还不够深入。").replace("year: 2026", "year: 2026年"))
    assert [(problem.line, problem.column, problem.message[:20]) for problem in found] == [
        (2, 7, "year（报告年度） 只写 4 位数字，"),
        (10, 11, "这里有一个看不见的特殊字符 U+000B"),
    ]


def told_and_applied(tmp_path: Path, text: str) -> tuple[list[tuple[int, int, str]], str]:
    """Where each problem of ``text`` is and what it says; and ``text`` with every rewrite made."""
    found = problems(tmp_path, text)
    assert all(problem.rewrite is not None for problem in found), found
    return [(problem.line, problem.column, problem.message) for problem in found], applied(text, [p.rewrite for p in found if p.rewrite])


def test_two_glued_colons_in_a_row_are_both_told_in_one_run(tmp_path: Path) -> None:
    # Read as one text "unit:青山县司法局 year:2026", the two lines broke YAML only at the next field:
    # the second was told, and the first only once the second was fixed.
    told, fixed = told_and_applied(tmp_path, with_line(1, "unit:青山县司法局", "year:2026", count=2))
    assert told == [
        (1, 5, "这一行的冒号后面缺少空格，YAML 因此认不出字段。请在冒号后面加一个空格，写成：unit: 青山县司法局"),
        (2, 5, "这一行的冒号后面缺少空格，YAML 因此认不出字段。请在冒号后面加一个空格，写成：year: 2026"),
    ]
    assert printed(tmp_path, fixed) == printed(tmp_path, FORM)


POINTS = ["  points:", "    - 加强执法。", "plans:"]


@pytest.mark.parametrize(
    ("typed", "column"), [("    - \t加强执法。", 7), ("    -\t加强执法。", 6), ("    -\t\t加强执法。", 6)], ids=["space-tab", "tab", "two-tabs"]
)
def test_a_tab_after_a_list_dash_is_told_with_the_item_written_right(tmp_path: Path, typed: str, column: int) -> None:
    told, fixed = told_and_applied(tmp_path, with_line(11, "  points:", typed, "plans:"))
    assert told == [(12, column, "这一行“-”后面是一个 Tab 字符，YAML 只认空格。请把它换成一个空格，改成：- 加强执法。")]
    assert fixed.split("\n")[11] == "    - 加强执法。"
    assert printed(tmp_path, fixed) == printed(tmp_path, with_line(11, *POINTS))


@pytest.mark.parametrize(
    ("at", "typed", "line", "meant"),
    [
        (7, ["    -title: 规范执法"], 7, "    - title: 规范执法"),
        (11, ["  points:", "    - 加强执法。", "    -加强学习。", "plans:"], 13, "    - 加强学习。"),
    ],
    ids=["item", "point"],
)
def test_a_list_dash_with_no_space_after_it_is_told_so(tmp_path: Path, at: int, typed: list[str], line: int, meant: str) -> None:
    told, fixed = told_and_applied(tmp_path, with_line(at, *typed))
    assert told == [(line, 5, f"这一行开头的“-”后面缺少空格，YAML 因此认不出这是列表的一项。请在“-”后面加一个空格，改成：{meant.strip()}")]
    written_right = typed.copy()
    written_right[line - at] = meant
    assert printed(tmp_path, fixed) == printed(tmp_path, with_line(at, *written_right))


def test_chinese_colons_on_two_lines_of_an_item_are_fixed_as_two_lines(tmp_path: Path) -> None:
    typed = with_line(7, "    - title：强化领导", "      text：全年开会3次。", count=2)
    fix = "    - title: 强化领导\n      text: 全年开会3次。"
    [problem] = problems(tmp_path, typed)
    assert (problem.line, problem.column) == (7, 7)
    assert problem.message == f"这 2 行用的是中文冒号“：”。YAML 只认英文冒号，而且冒号后面要有一个空格，请改成（每个字段单独一行）：\n{fix}"
    assert problem.rewrite == Rewrite(7, 8, fix)
    assert printed(tmp_path, applied(typed, [problem.rewrite])) == printed(tmp_path, with_line(7, *fix.split("\n"), count=2))


# --- Invisible characters -------------------------------------------------------------------------------


def test_no_break_spaces_pasted_as_indentation_are_named_at_their_line_and_column(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, with_line(7, "    - title: 规范执法", "\u00a0\u00a0\u00a0\u00a0  text: 全年办理案件120件。", count=2))
    assert (problem.line, problem.column) == (8, 1)
    assert problem.message == (
        "这一行开头的缩进里有不换行空格（U+00A0），通常是从网页、Word 或聊天软件复制粘贴时带进来的。"
        "YAML 只认半角空格的缩进，读不出这一行的层级。请删掉这些字符，改用半角空格缩进（行首 6 个空格）：text: 全年办理案件120件。"
    )


# --- Every fix, applied literally ------------------------------------------------------------------------
# (at: the first of the lines of FORM replaced; slip: the lines as typed in their place; meant: the same lines written right).

FIXES = {
    "fullwidth-colon-first-line": (1, ["unit：青山县司法局"], ["unit: 青山县司法局"]),
    "fullwidth-colon-last-line-of-a-part": (12, ["  text：继续加强学习。"], ["  text: 继续加强学习。"]),
    "glued-colon": (10, ["  text:学习还不够深入。"], ["  text: 学习还不够深入。"]),
    "glued-colon-in-an-item": (6, ["      text:我局坚持依法行政。"], ["      text: 我局坚持依法行政。"]),
    "two-colon-slips-in-a-row": (5, ["    - title:推进依法行政", "      text：我局坚持依法行政。"], ["    - title: 推进依法行政", "      text: 我局坚持依法行政。"]),
    "tab": (5, ["\t- title: 推进依法行政"], ["    - title: 推进依法行政"]),
    "no-break-spaces": (10, ["\u00a0\u00a0text: 学习还不够深入。"], ["  text: 学习还不够深入。"]),
    "full-width-spaces": (6, ["    \u3000text: 我局坚持依法行政。"], ["      text: 我局坚持依法行政。"]),
    "comment": (10, [f"  text: {WEIBO}"], [f'  text: "{WEIBO}"']),
    "hash-continuation": (10, ["  text: 学习还", "    #不够深入。"], ['  text: "学习还#不够深入。"']),
    "dash": (10, ["  text: - 学习还不够深入。"], ["  text: 学习还不够深入。"]),
    "star": (10, ["  text: *学习还不够深入。"], ["  text: 学习还不够深入。"]),
    "colon-in-a-sentence": (10, ["  text: 主要做法: 学习还不够深入。"], ["  text: 主要做法：学习还不够深入。"]),
    **{
        f"leading-{name}": (10, [f"  text: {start}学习还不够深入。"], [f'  text: "{start}学习还不够深入。"'])
        for name, start in [
            ("ampersand", "&重点 "), ("bang", "!重点 "), ("percent", "%"), ("at", "@"), ("backtick", "`"),
            ("bar", "|"), ("greater", ">"), ("question", "? "), ("bracket", "[放管服]"), ("brace", "{放管服}"),
            ("unused-anchor", "&a "), ("lone-bang", "! "),
        ]
    },
    "quoted-start": (10, ['  text: "放管服"改革还不够深入。'], ["  text: “放管服”改革还不够深入。"]),
    "block-paragraph-less-indented": (
        10, ["  text: |", "    学习还不够深入。", "", "   宣传还不够广泛。"], ["  text: |", "    学习还不够深入。", "", "    宣传还不够广泛。"]
    ),
    "plain-continuation-at-the-margin": (10, ["  text: 学习还不够深入，", "宣传还不够广泛。"], ["  text: 学习还不够深入，", "    宣传还不够广泛。"]),
    "empty-item-title": (5, ["    - title:", "      text: 我局坚持依法行政。"], ["    - text: 我局坚持依法行政。"]),
    "empty-title-below": (5, ["    - text: 我局坚持依法行政。", "      title:"], ["    - text: 我局坚持依法行政。"]),
    "control-characters": (10, ["  text: 学习\x0b还不够\x1f深入。"], ["  text: 学习还不够深入。"]),
    "unclosed-quote": (10, ['  text: "学习还不够深入。'], ['  text: "学习还不够深入。"']),
    "year-with-a-word": (2, ["year: 2026年"], ["year: 2026"]),
    "year-with-words": (2, ["year: 2026 年度"], ["year: 2026"]),
}


@pytest.mark.parametrize("case", sorted(FIXES))
def test_every_fix_applied_literally_validates_and_prints_what_was_meant(tmp_path: Path, case: str) -> None:
    at, slip, meant = FIXES[case]
    # The lines replaced: as many as the form has there of what the slip writes (an item's title and its text).
    count = 2 if at in (5, 6) and len(slip) == 2 else 1
    written = with_line(at, *slip, count=count)
    told = problems(tmp_path, written)
    assert all(problem.severity is Severity.WARNING or problem.rewrite is not None for problem in told), told
    for problem in told:  # the message shows the fix it carries
        assert problem.rewrite is not None
        shown = problem.rewrite.text.strip().splitlines()[0] if problem.rewrite.text else ""
        deleted = [char for char in written.split("\n")[problem.rewrite.first - 1] if char not in problem.rewrite.text]
        named = any(f"U+{ord(char):04X}" in problem.message for char in deleted)  # "删掉这个字符", one of those on its line
        assert len(shown) > 60 or named or shown in problem.message or shown.partition(": ")[2] in problem.message, (shown, problem.message)
    fixed = applied(written, [problem.rewrite for problem in told if problem.rewrite])
    assert printed(tmp_path, fixed) == printed(tmp_path, with_line(at, *meant, count=count))


def test_a_fix_that_would_repeat_a_long_paragraph_quotes_an_excerpt(tmp_path: Path) -> None:
    long = "我局" + "坚持依法行政，" * 20 + "成效明显。"
    [problem] = problems(tmp_path, with_line(10, f"  text：{long}"))
    assert problem.message == (
        "这一行用的是中文冒号“：”。YAML 只认英文冒号，而且冒号后面要有一个空格，请改成：text: 我局坚持依法行政，坚持依法行政，坚持……坚持依法行政，成效明显。"
    )
    assert problem.rewrite == Rewrite(10, 10, f"  text: {long}")


def test_examples_in_messages_are_in_the_report_s_year(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, FORM.replace("year: 2026", "year: 2024") + "date: 明年一月\n")
    assert problem.message == "date（成文日期） 写法不对：“明年一月”。请写成 2025-01-15 或 2025年1月15日 这样的日期。"
    [problem] = problems(tmp_path, FORM.replace("year: 2026", "year: true"))
    year = proposed_year(datetime.date.today())
    assert problem.message == f"year（报告年度） 应写阿拉伯数字的年份，例如 {year}，现在是“true”。"


# --- A property: what is typed prints as typed, or is told -------------------------------------------

WORDS = ["我局", "坚持", "依法行政", "全年", "办理", "案件", "120件", "开展", "普法", "活动", "法治青山", "话题", "覆盖", "2026年"]
MARKS = [" #", "#", "- ", "-", "* ", "*", "&", "& ", "!", "! ", "%", "@", "`", "|", ">", "? ", "?", "[", "]", "{", "}",
         ": ", ":", "，", " ", "、", "（", "）", "&a ", "!!str "]


@settings(max_examples=300)
@given(
    pieces=st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS)), min_size=1, max_size=10).filter(
        lambda pieces: any(piece in WORDS for piece in pieces)
    ),
    where=st.sampled_from(["text", "point", "title"]),
    wrapped=st.booleans(),
)
def test_report_text_typed_as_a_plain_value_prints_as_typed_or_is_told_at_its_line(
    tmp_path_factory: pytest.TempPathFactory, pieces: list[str], where: str, wrapped: bool
) -> None:
    typed = "".join(pieces).strip()
    # Typed on one line, or wrapped onto a second one where it had a space (as an editor wraps it).
    first, space, rest = typed.partition(" ")
    lines = [first, rest.strip()] if wrapped and space and rest.strip() and first else [typed]
    # A line that is "|" or ">" alone (a comment after it or not) is the form's own way to start a text of several paragraphs.
    assume(not re.fullmatch(r"[|>][-+0-9]*( +#.*)?", lines[0]))
    lead = {"text": "  text: ", "point": "  points:\n    - ", "title": "  title: "}[where]
    indent = " " * (len(lead.rsplit("\n", 1)[-1]))
    value = ("\n" + indent).join(lines)
    line = 10 + lead.count("\n")
    text = with_line(10, lead + value + ("\n  text: 学习还不够深入。" if where == "title" else ""))
    tmp_path = tmp_path_factory.mktemp("typed")
    path = tmp_path / "form.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        report = read_form(path).report
    except FormError as error:
        errors = [problem for problem in error.problems if problem.severity is Severity.ERROR]
        assert any(line <= problem.line <= line + len(lines) - 1 for problem in errors), (text, errors)
        return
    path_of = {"text": ("shortcomings", "text"), "point": ("shortcomings", "points", 0), "title": ("shortcomings", "title")}[where]
    [shown] = [text_.printed for text_ in report.texts() if text_.path == path_of]
    expected = normalize_punctuation(typed if len(lines) == 1 else _joined(lines))
    assert shown == expected, (text, shown, expected)


def _joined(lines: list[str]) -> str:
    """Two lines of a wrapped text as the form reads them: joined with no space where Chinese meets (draft.form.yaml)."""
    from draft.text.chinese import chinese_at_join

    first, second = lines
    return first + ("" if chinese_at_join(first[-1], second[0]) else " ") + second
