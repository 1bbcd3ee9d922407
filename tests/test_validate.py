"""Every problem in a form is reported at once, at its line, in Chinese, with the fix."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import MINIMAL, run_cli
from draft.form.load import load_bytes
from draft.form.read import read_form
from draft.form.validate import validate_form
from draft.kinds import all_kinds
from draft.problems import FormError

TODAY = datetime.date(2026, 11, 23)

FIVE_MISTAKES = """\
unit: 示例区司法局
year: "2023"
signatur: 示例区司法局
measures:
shortcomings:
  items:
    - title: 学习不够深入
      points: 基层执法力量薄弱
plans:
  items:
    - title: [加强学习, 改进作风]
"""


def problems_of(path: Path) -> list[str]:
    with pytest.raises(FormError) as caught:
        read_form(path, today=TODAY)
    return [str(p) for p in caught.value.problems]


def test_five_mistakes_are_reported_at_once_with_lines_and_fields(write_form) -> None:
    path = write_form(FIVE_MISTAKES)
    messages = problems_of(path)
    name = str(path)
    assert messages == [
        f'{name}:2:7 报告年度:year（报告年度） 应写数字，不要加引号：写 2023 而不是 "2023"。',
        f"{name}:3:1 signatur:不认识的字段“signatur”。您是不是想写“signature”（落款单位）？请改正拼写。",
        f"{name}:4:1 主要举措和成效:measures（主要举措和成效） 不能为空。请在下面缩进两格写出 text（正文）、points（要点）或 items（下级条目）。",
        f"{name}:8:15 存在的不足和原因 › 第1条（学习不够深入）› 要点:points（要点（一是、二是……）） "
        "应是一个列表：每一项单独一行，以“- ”开头，例如：\n  - 第一项\n  - 第二项",
        f"{name}:11:14 下一年度的主要安排 › 第1条 › 标题:title（标题） 应是一段文字。如果写了列表或下级字段，请改成一段文字。",
    ]


def test_missing_year_points_at_the_top_and_shows_an_example(write_form) -> None:
    path = write_form(MINIMAL.replace("year: 2023\n", ""))
    assert problems_of(path) == [f"{path}:1:1 报告年度:缺少必填项 year（报告年度）。请添加一行，例如：year: 2025"]


def test_year_written_in_chinese(write_form) -> None:
    path = write_form(MINIMAL.replace("year: 2023", "year: 二〇二三"))
    assert problems_of(path) == [f"{path}:2:7 报告年度:year（报告年度） 应写阿拉伯数字的年份，例如 2023，现在是“二〇二三”。"]


@pytest.mark.parametrize(("year", "shown"), [("1999", "1999"), ("2027", "2027")])
def test_year_out_of_range(write_form, year: str, shown: str) -> None:
    path = write_form(MINIMAL.replace("year: 2023", f"year: {year}"))
    assert problems_of(path) == [
        f"{path}:2:7 报告年度:year（报告年度） 应在 2000 到 2026 之间，现在是 {shown}。请写报告所述的年度，例如 2025。"
    ]


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        ({"min": 1}, "pages（页数） 不能小于 1，现在是 0。请写 1 或更大的数。"),
        ({"max": -1}, "pages（页数） 不能大于 -1，现在是 0。请写 -1 或更小的数。"),
    ],
    ids=["least only", "most only"],
)
def test_a_number_bounded_on_one_side_only_is_explained(rules: dict, expected: str) -> None:
    # The form's only bounded number today is the year, bounded on both sides; a field with one bound
    # used to crash the explanation (it suggested "max - 1" as an example year).
    from cerberus import Validator
    from cerberus.schema import SchemaRegistry

    from draft.form.explain import Explainer
    from draft.kinds import DEFAULT, by_id

    schema = {"pages": {"type": "integer", **rules, "meta": {"label": "页数"}}}
    loaded = load_bytes(b"pages: 0\n", Path("form.yaml"))
    validator = Validator(schema)
    assert not validator.validate(loaded.data)
    [error] = validator.document_error_tree["pages"].errors
    assert Explainer(loaded, schema, SchemaRegistry(), by_id(DEFAULT)).problem(error).message == expected


def test_unknown_part_suggests_the_nearest_name(write_form) -> None:
    path = write_form(MINIMAL.replace("measures:", "measure:"))
    messages = problems_of(path)
    assert f"{path}:3:1 measure:不认识的字段“measure”。您是不是想写“measures”（主要举措和成效）？请改正拼写。" in messages
    assert any("缺少必填项 measures（主要举措和成效）" in m for m in messages)


def test_unknown_key_without_a_near_name_lists_the_allowed_ones(write_form) -> None:
    path = write_form(MINIMAL.replace("  text: 我局坚持依法行政。", "  text: 我局坚持依法行政。\n  xyz: 1"))
    (message,) = problems_of(path)
    assert message.startswith(f"{path}:5:3 主要举措和成效 › xyz:不认识的字段“xyz”。这里可以写的字段有：items、layout、points、text、title。")


def test_layout_values_are_checked(write_form) -> None:
    path = write_form(MINIMAL.replace("  text: 我局坚持依法行政。", "  text: 我局坚持依法行政。\n  layout: {title: inline}"))
    (message,) = problems_of(path)
    assert message == f"{path}:5:19 主要举措和成效 › 排版选项 › 标题位置:title（标题位置） 不能写“inline”，只能写以下之一：own-line、run-in。"


def test_an_item_without_content(write_form) -> None:
    path = write_form(MINIMAL.replace("  text: 我局坚持依法行政。", "  items:\n    - layout: {title: run-in}"))
    (message,) = problems_of(path)
    assert message.startswith(f"{path}:5:7 主要举措和成效 › 第1条:条目 没有内容。")


def test_five_levels_are_too_deep(write_form) -> None:
    deep = "  items:\n    - title: a\n      items:\n        - title: b\n          items:\n            - title: c\n              items:\n                - title: d\n"
    path = write_form(MINIMAL.replace("  text: 我局坚持依法行政。\n", deep))
    (message,) = problems_of(path)
    assert message.startswith(f"{path}:10:15 主要举措和成效 › 第1条（a）› 第1条（b）› 第1条（c）› 下级条目:层级太深")


@pytest.mark.parametrize(
    ("date", "ok"),
    [("2024-01-15", True), ("2024年1月5日", True), ("2023-05-31", False), ("明年一月", False), ("2024-02-30", False)],
)
def test_dates(write_form, date: str, ok: bool) -> None:
    path = write_form(MINIMAL + f"date: {date}\n")
    if ok:
        read_form(path, today=TODAY)
    else:
        (message,) = problems_of(path)
        assert message.startswith(f"{path}:9:7 成文日期:")


@pytest.mark.parametrize("date", ["2023-12-18", "2023年7月1日"])
def test_a_date_late_in_the_reports_own_year_is_accepted_with_a_hint(write_form, date: str) -> None:
    """Offices also report in November or December: a district's report on 2019 was dated 2019-12-18."""
    from draft.problems import Severity

    path = write_form(MINIMAL + f"date: {date}\n")
    read = read_form(path, today=TODAY)
    (hint,) = read.warnings
    assert hint.severity is Severity.WARNING and hint.field == "date" and "年度结束之前" in hint.message
    assert read.report.date is not None and read.report.date.year == 2023


def test_validate_command_prints_every_problem_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "bad.yaml").write_text(FIVE_MISTAKES, encoding="utf-8")
    (tmp_path / "inputs" / "good.yaml").write_text(MINIMAL, encoding="utf-8")
    result = run_cli("validate", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout.count("inputs/bad.yaml:") == 5 or result.stderr.count("inputs/bad.yaml:") == 5
    assert "inputs/good.yaml：没有发现问题。" in result.stdout


# --- property: whatever the form holds, validation answers with problems, never an exception ---

_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)
_scalar = st.one_of(st.none(), st.booleans(), st.integers(-5, 3000), _text, st.lists(_text, max_size=3))
_node = st.recursive(
    st.dictionaries(st.sampled_from(["title", "text", "points", "items", "layout", "tilte"]), _scalar, max_size=4),
    lambda inner: st.dictionaries(
        st.sampled_from(["title", "text", "points", "items", "layout"]),
        st.one_of(_scalar, inner, st.lists(inner, max_size=3)),
        max_size=5,
    ),
    max_leaves=12,
)
_form = st.fixed_dictionaries(
    {},
    optional={
        "unit": _scalar,
        "year": st.one_of(st.integers(1990, 2030), _scalar),
        "measures": st.one_of(_node, _scalar),
        "shortcomings": _node,
        "plans": _node,
        "date": st.one_of(st.dates(), _text),
        "closing": _scalar,
        "extra": _scalar,
    },
)


@settings(max_examples=300)
@given(_form)
def test_validation_never_raises(form: dict) -> None:
    import yaml

    raw = yaml.safe_dump(form, allow_unicode=True).encode("utf-8")
    loaded = load_bytes(raw, Path("prop.yaml"))
    data, problems = validate_form(loaded, TODAY)
    for problem in problems:
        assert problem.line >= 1 and problem.message


@pytest.mark.parametrize(
    ("line", "placeholder"),
    [
        ("unit: ××区××局", "××"),
        ("unit: XX区司法局", "XX"),
        ("title: 某某局2023年法治政府建设年度报告", "某某"),
        ("signature: （请填写单位全称）", "请填写"),
    ],
)
def test_placeholders_left_in_unit_or_title(write_form, line: str, placeholder: str) -> None:
    key = line.split(":")[0]
    label = {"unit": "单位名称", "title": "报告标题", "signature": "落款单位"}[key]
    form = MINIMAL.replace("unit: 示例区司法局", line) if key == "unit" else MINIMAL + line + "\n"
    path = write_form(form)
    messages = problems_of(path)
    assert len(messages) == 1
    assert f" {label}:{key}（{label}）" in messages[0] and f"还是示例的占位文字“{placeholder}”" in messages[0]


def test_a_real_unit_name_is_not_a_placeholder(write_form) -> None:
    path = write_form(MINIMAL.replace("示例区司法局", "深圳市罗湖区人力资源局"))
    assert read_form(path, today=TODAY).report.unit.printed == "深圳市罗湖区人力资源局"


# --- unfinished: draft init's examples and draft import's placeholders are refused, each where it is ----------


def unfinished(path: Path) -> list[tuple[int, int, str, str]]:
    """The problems of a form refused for what it still holds of init's examples or import's placeholders."""
    with pytest.raises(FormError) as caught:
        read_form(path, today=TODAY)
    assert all(p.code == "unfinished-form" for p in caught.value.problems)
    return [(p.line, p.column, p.field, p.message) for p in caught.value.problems]


def test_an_untouched_init_form_lists_each_place_and_builds_nothing(tmp_path: Path) -> None:
    assert run_cli("init", "inputs/2026.yaml", cwd=tmp_path).exit_code == 0
    form = tmp_path / "inputs" / "2026.yaml"
    found = unfinished(form)
    assert [field for _, _, field, _ in found] == [
        "unit", "title",
        "measures.items[0].text", "measures.items[0].points[0]", "measures.items[0].points[1]",
        "measures.items[1].items[0].text", "measures.items[1].items[1].text",
        "shortcomings.points[0]", "shortcomings.points[1]", "responsibility.text",
        "plans.points[0]", "plans.points[1]", "signature",
    ]
    lines = form.read_text(encoding="utf-8").splitlines()
    for line, column, field, _ in found:  # each at the start of what it names
        typed = lines[line - 1][column - 1 :]
        assert typed.startswith(("某某区司法局", "局", "健全", "压实", "全面", "全年", "运用", "基层", "深入", "持续")), (field, typed)
    assert found[0][3] == "unit（单位名称）里还是示例的占位文字“某某”。请改成本单位的实际内容。"
    assert found[2][3] == "这里还是 draft init 示例表单里的文字（“局主要负责同志带头学习习近平法治思想，把……”），不是本单位的内容。"
    result = run_cli("build", cwd=tmp_path)
    assert result.exit_code == 1
    assert not (tmp_path / "output").exists()
    line, column = found[2][:2]
    assert (
        f"inputs/2026.yaml:{line}:{column} 主要举措和成效 › 第1条（全面履行法治建设第一责任…）› 正文:这里还是 draft init 示例表单里的文字"
        in result.stderr
    )
    assert "（改法：改写成本单位本年度的实际情况；用不到的条目整条删除）" in result.stderr


def test_an_untouched_disclosure_form_is_refused_but_for_its_prescribed_wording(tmp_path: Path) -> None:
    assert run_cli("init", "--kind", "information-disclosure", "form.yaml", cwd=tmp_path).exit_code == 0
    fields = [field for _, _, field, _ in unfinished(tmp_path / "form.yaml")]
    assert fields == ["unit", "title", *(f"overview.items[{i}].text" for i in range(5)), "problems.text", "problems.text"]
    # The intro (本报告根据《条例》……编制) and 本年度未收取政府信息公开信息处理费。 are the format's own wording.
    assert not any(field.startswith(("intro", "others")) for field in fields)


#: A unit's own form, with what it shares with the example: a standard heading, a common phrase, the customary intro.
OWN_FORM = """\
unit: 青山县司法局
year: 2026
intro: |
  2026年，我局坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，
  认真落实上级关于法治政府建设的决策部署。现将有关情况报告如下：
measures:
  items:
    - title: 严格规范公正文明执法
      text: 全年办理行政复议案件15件，行政机关负责人出庭应诉率100%。
    - title: 全面履行法治建设第一责任人职责
      points:
        - 健全领导机制
shortcomings:
  points:
    - 基层执法力量相对薄弱
plans:
  text: 持续深化“放管服”改革。
"""


def test_what_a_unit_shares_with_the_example_is_its_own(write_form) -> None:
    # Whole example paragraphs and points only, their figures too: not titles, fragments or the intro.
    assert read_form(write_form(OWN_FORM), today=TODAY).report.unit.printed == "青山县司法局"


def test_an_example_paragraph_left_among_ones_own_is_refused_at_its_line(write_form) -> None:
    form = OWN_FORM.replace("    - 基层执法力量相对薄弱\n", "    - 基层执法力量相对薄弱，执法规范化水平有待提升\n")
    assert unfinished(write_form(form)) == [
        (15, 7, "shortcomings.points[0]", "这里还是 draft init 示例表单里的文字（“基层执法力量相对薄弱，执法规范化水平有待……”），不是本单位的内容。")
    ]


def test_an_example_pasted_many_times_is_listed_a_hundred_times_and_counted(write_form) -> None:
    points = "".join("    - 基层执法力量相对薄弱，执法规范化水平有待提升\n" for _ in range(105))
    found = unfinished(write_form(OWN_FORM.replace("    - 基层执法力量相对薄弱\n", points)))
    assert len(found) == 101
    assert found[-1] == (114, 7, "", "还有 5 处示例或占位文字没有逐个列出。请先改写上面列出的这些，再运行 draft validate 查看其余的。")


def test_import_placeholders_are_refused_each_where_it_is(write_form) -> None:
    form = OWN_FORM.replace("unit: 青山县司法局", "unit: （单位全称）").replace(
        "plans:\n  text: 持续深化“放管服”改革。", "plans:\n  text: （原文没有这一部分，请填写下一年度推进法治政府建设的主要安排）"
    )
    assert unfinished(write_form(form)) == [
        (1, 7, "unit", "unit（单位名称）还是 draft import 写的占位文字“（单位全称）”：导入的原文里没有写出单位名称。"
         "请改成本单位的全称（标题和落款都用它）。"),
        (17, 9, "plans.text", "这里还是 draft import 写的占位文字“（原文没有这一部分，请填写下一年度推进法治政府建设的主要安排）”："
         "导入的原文里没有这一部分。"),
    ]


def test_an_imported_form_with_placeholders_is_written_and_refused_by_build(tmp_path: Path) -> None:
    (tmp_path / "去年.txt").write_text(
        "2025年法治政府建设年度报告\n一、主要举措和成效\n办理行政复议案件12件。\n二、存在的不足和原因\n执法力量薄弱。\n"
        "三、下一年度工作安排\n加强执法培训。\n",
        encoding="utf-8",
    )
    imported = run_cli("import", "去年.txt", "-o", "inputs/去年.yaml", cwd=tmp_path)
    assert (tmp_path / "inputs" / "去年.yaml").is_file()
    assert "单位名称:unit（单位名称）还是 draft import 写的占位文字“（单位全称）”" in imported.stderr
    result = run_cli("build", cwd=tmp_path)
    assert result.exit_code == 1
    assert not (tmp_path / "output").exists()


def test_one_validator_serves_many_forms_without_carrying_problems_over(write_form) -> None:
    # The validator is made once per process and reused: each form is judged on its own.
    bad, good = write_form(FIVE_MISTAKES, "bad.yaml"), write_form(MINIMAL, "good.yaml")
    first = problems_of(bad)
    assert read_form(good, today=TODAY).warnings == []
    assert problems_of(bad) == first
    assert len(first) == 5


def test_places_are_named_as_a_person_would(write_form) -> None:
    path = write_form(
        MINIMAL.replace(
            "  text: 我局坚持依法行政。\n",
            "  items:\n    - title: 推动服务升级\n      text: 好\n    - title: 规范执法\n      text: [1]\n"
            "      points:\n        - 一\n        - {a: 1}\n",
        )
    )
    messages = problems_of(path)
    # Counted from one, each item by its own title, the part by its Chinese name.
    assert messages == [
        f"{path}:8:13 主要举措和成效 › 第2条（规范执法）› 正文:text（正文） 应是一段文字。如果写了列表或下级字段，请改成一段文字。",
        f"{path}:11:11 主要举措和成效 › 第2条（规范执法）› 第2个要点:要点 应是一段文字。如果写了列表或下级字段，请改成一段文字。",
    ]


@pytest.mark.parametrize("kind", list(all_kinds()))
def test_every_kinds_schema_keeps_cerberus_rules_for_schemas(kind: str) -> None:
    # At run time draft trusts its schemas (cerberus's own check of a schema costs more than a form);
    # here cerberus checks each kind's schema as it would, and expands it as the run time does.

    from cerberus.schema import SchemaError

    from draft.form.validate import _validator, checked_validator

    today = datetime.date(2026, 12, 8)
    try:
        checked = checked_validator(today, kind)
    except SchemaError as error:
        pytest.fail(f"the schema of {kind} breaks cerberus's rules: {error}")
    trusted, _, _ = _validator(today, kind)
    assert dict(trusted.schema) == dict(checked.schema)


def test_a_broken_schema_is_caught_by_the_check_the_run_time_skips(monkeypatch: pytest.MonkeyPatch) -> None:

    from cerberus.schema import SchemaError

    from draft.form import validate

    real = validate.kind_schema
    monkeypatch.setattr(validate, "kind_schema", lambda kind, today: {**real(kind, today), "year": {"type": "no-such-type"}})
    with pytest.raises(SchemaError):
        validate.checked_validator(datetime.date(2026, 12, 8), "law-based-government")


@pytest.mark.parametrize(
    ("written", "shown"),
    [("ture", "ture"), ("treu", "treu"), ("flase", "flase"), ("Ture", "Ture"), ('"no"', "no"), ('"true"', "true"), ('"false"', "false"),
     ("是", "是"), ("否", "否"), ("要", "要"), ("不要", "不要"), ("对", "对")],
)
def test_a_closing_written_as_a_yes_or_no_is_refused_with_its_fix(write_form, written: str, shown: str) -> None:
    # Taken as the closing's own words, it would print as the closing line: “ture。”.
    path = write_form(MINIMAL + f"closing: {written}\n")
    with pytest.raises(FormError) as caught:
        read_form(path, today=TODAY)
    [problem] = caught.value.problems
    assert str(problem) == (
        f"{path}:9:10 结束语:closing（结束语）写的是“{shown}”，会被当作结束语原样印出来，印成“{shown}。”。"
        "closing 只能写 true（使用“特此报告。”）、false（不要结束语），或者写出结束语的全文。"
        "（改法：写 true（不加引号）或写出结束语的全文）"
    )
    assert problem.fix == "写 true（不加引号）或写出结束语的全文"


@pytest.mark.parametrize("written", ["true", "false", "特此报告。", "以上报告，请审阅。", "专此报告"])
def test_a_closing_of_true_false_or_words_is_accepted(write_form, written: str) -> None:
    read_form(write_form(MINIMAL + f"closing: {written}\n"), today=TODAY)
