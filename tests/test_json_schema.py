"""The editor's JSON Schema agrees with draft: a form draft accepts passes it, and a form it refuses draft refuses.

Both run on the same forms: the example forms, the fixtures, both starter forms, and forms hypothesis
makes (most of them right, some with a wrong type, an unknown field, a word no layout knows, a 发文字号
or a date written wrong). The standard validator (``jsonschema``, JSON Schema 2020-12) reads each form
as draft reads it, dates as the text the editor sees (YAML 1.2 has no dates). The schema may let
through what only ``draft validate`` can find (the tables' arithmetic, a date against the year): it
must never refuse what draft accepts, or the editor would mark a line that is right.
"""

from __future__ import annotations

import datetime
import os
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import REPO, filled_in, run_cli
from draft.form.json_schema import json_schema
from draft.form.load import load_form
from draft.form.read import read_form
from draft.form.starter import init_form_text
from draft.kinds import all_kinds, by_id
from draft.problems import DraftError

EXAMPLES = 300 if os.environ.get("CI") else 60
TODAY = datetime.date.today()
KINDS = ["law-based-government", "information-disclosure"]


def _validator(kind: str) -> jsonschema.protocols.Validator:
    schema = json_schema(by_id(kind), TODAY)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


VALIDATORS = {kind: _validator(kind) for kind in KINDS}


def as_the_editor_reads(value: Any) -> Any:
    """The form's data as JSON: a date is text to YAML 1.2, the editor's YAML."""
    if isinstance(value, dict):
        return {str(key): as_the_editor_reads(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [as_the_editor_reads(inner) for inner in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def verdicts(form: Path) -> tuple[bool, list[str]] | None:
    """Whether draft accepts the form at ``form``, and what the schema says of it; None if YAML cannot read it."""
    try:
        loaded = load_form(form)
    except DraftError:
        return None
    try:
        read_form(form, today=TODAY)
        accepted = True
    except DraftError:
        accepted = False
    kind = all_kinds().get(str(loaded.data.get("kind", "law-based-government")).strip())
    validator = VALIDATORS[kind.id if kind else "law-based-government"]
    refusals = [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(as_the_editor_reads(loaded.data))]
    return accepted, refusals


def agree(form: Path) -> tuple[bool, list[str]] | None:
    """:func:`verdicts`, asserting the schema refuses nothing draft accepts."""
    found = verdicts(form)
    if found is not None:
        accepted, refusals = found
        assert not (accepted and refusals), refusals
    return found


FORMS = sorted(
    [*(REPO / "examples").glob("*.yaml"), *(REPO / "tests" / "fixtures" / "zwgk").glob("*.yaml"), *(REPO / "tests" / "fixtures" / "frame").glob("*.yaml")]
)


@pytest.mark.parametrize("form", FORMS, ids=[form.name for form in FORMS])
def test_every_example_and_fixture_passes_the_schema(form: Path) -> None:
    assert agree(form) == (True, [])


@pytest.mark.parametrize("kind", KINDS)
def test_the_starter_form_passes_the_schema(kind: str, tmp_path: Path) -> None:
    form = tmp_path / "form.yaml"
    form.write_text(filled_in(init_form_text(TODAY, kind)), encoding="utf-8")  # as it stands, its examples are refused
    assert agree(form) == (True, [])


#: Forms wrong in what a schema can say: the schema refuses each, and draft does too.
WRONG = {
    "a year in quotes": ("year: 2023", 'year: "2023"'),
    "a year in Chinese": ("year: 2023", "year: 二〇二三"),
    "an unknown field": ("unit: 示例区司法局", "unit: 示例区司法局\nsignatur: 示例区司法局"),
    "an unknown field in a part": ("  text: 我局坚持依法行政。", "  text: 我局坚持依法行政。\n  txt: 又一段"),
    "a layout word": ("  text: 我局坚持依法行政。", "  text: 我局坚持依法行政。\n  layout:\n    title: own_line"),
    "a numbering style": ("  text: 我局坚持依法行政。", '  text: 我局坚持依法行政。\n  layout:\n    numbering: "一、"'),
    "a 发文字号 with square brackets": ("unit: 示例区司法局", "unit: 示例区司法局\ndoc_number: 青市监[2026]3号"),
    "a 发文字号 with a leading zero": ("unit: 示例区司法局", "unit: 示例区司法局\ndoc_number: 青市监〔2026〕03号"),
    "a date that is no date": ("unit: 示例区司法局", "unit: 示例区司法局\ndate: 明年一月"),
    "points written as a mapping": ("  text: 我局坚持依法行政。", "  points:\n    first: 一"),
    "closing as a list": ("unit: 示例区司法局", "unit: 示例区司法局\nclosing: [特此报告]"),
    "a missing part": ("plans:\n  text: 继续推进。\n", ""),
}

FORM = """\
unit: 示例区司法局
year: 2023
measures:
  text: 我局坚持依法行政。
shortcomings:
  text: 执法力量不足。
plans:
  text: 继续推进。
"""


@pytest.mark.parametrize("wrong", WRONG, ids=list(WRONG))
def test_what_the_schema_refuses_draft_refuses(wrong: str, tmp_path: Path) -> None:
    right, written = WRONG[wrong]
    assert FORM.count(right) == 1
    (tmp_path / "right.yaml").write_text(FORM, encoding="utf-8")
    assert agree(tmp_path / "right.yaml") == (True, [])
    form = tmp_path / "form.yaml"
    form.write_text(FORM.replace(right, written), encoding="utf-8")
    accepted, refusals = agree(form) or (True, [])
    assert refusals and not accepted


# --- Generated forms: mostly right, now and then wrong in one way ---------------------------------------

_words = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF) | st.sampled_from(list("，。；：“”《》1234567890年")), min_size=1, max_size=20)
_wrong = st.one_of(st.integers(-5, 5), st.booleans(), st.none(), st.just(""), st.just([]), st.just({"x": 1}), st.just("××"))


def _sometimes(right: st.SearchStrategy[Any], wrong: st.SearchStrategy[Any] = _wrong) -> st.SearchStrategy[Any]:
    """Mostly ``right``, one time in twelve ``wrong``."""
    return st.integers(0, 11).flatmap(lambda draw: wrong if draw == 11 else right)  # hypothesis leans to 0: the right one


_layout = st.fixed_dictionaries(
    {},
    optional={
        "numbering": _sometimes(st.sampled_from(["(一)", "（一）", "1.", "1．", "1、", "(1)", "（1）"]), st.sampled_from(["一、", "a", 1])),
        "title": _sometimes(st.sampled_from(["own-line", "run-in"]), st.sampled_from(["own_line", "单独成行"])),
        "points": _sometimes(st.sampled_from(["inline", "paragraphs"]), st.sampled_from(["Inline", 2])),
        "continue_numbering": _sometimes(st.booleans(), st.sampled_from(["是", 1])),
    },
)
_node = st.recursive(
    st.fixed_dictionaries({"text": _sometimes(_words)}, optional={"title": _sometimes(_words)}),
    lambda inner: st.fixed_dictionaries(
        {"title": _sometimes(_words)},
        optional={
            "text": _sometimes(_words),
            "points": _sometimes(st.lists(_words, min_size=1, max_size=3)),
            "items": _sometimes(st.lists(inner, min_size=1, max_size=3)),
            "layout": _sometimes(_layout),
        },
    ),
    max_leaves=6,
).flatmap(lambda node: _sometimes(st.just(node), st.just({**node, "txt": "不认识的字段"})))
_date = st.dates(datetime.date(TODAY.year, 1, 1), TODAY).flatmap(
    lambda day: st.sampled_from([day, f"{day.year}年{day.month}月{day.day}日", f"{day.year}/{day.month}/{day.day}", "明年一月"])
)
_names = st.one_of(_words, st.lists(_words, min_size=1, max_size=3))
_frame = {
    "issuer_mark": _sometimes(st.one_of(_words.map(lambda name: name + "文件"), st.lists(_words, min_size=2, max_size=3))),
    "doc_number": _sometimes(
        st.tuples(st.sampled_from(["青市监", "示例司"]), st.integers(2000, 2030), st.integers(0, 40)).map(
            lambda parts: f"{parts[0]}〔{parts[1]}〕{parts[2]}号"
        ),
        st.sampled_from(["青市监[2026]3号", "青市监〔26〕3号", "青市监〔2026〕第3号", "青市监〔2026〕03号", "3号"]),
    ),
    "signers": _sometimes(_names),
    "cc": _sometimes(_names),
    "printed_by": _sometimes(_words),
    "printed_date": _sometimes(_date),
    "attachments": _sometimes(st.lists(_node.map(lambda node: {**node, "title": "附件标题"}), min_size=1, max_size=2)),
    "double_sided": _sometimes(st.booleans()),
}
_shared = {
    "title": _sometimes(_words),
    "recipient": _sometimes(_words),
    "intro": _sometimes(_words),
    "closing": _sometimes(st.one_of(st.booleans(), _words)),
    "signature": _sometimes(_words),
    "date": _sometimes(_date),
    "normalize_punctuation": _sometimes(st.booleans()),
    "layout": _sometimes(_layout),
    **_frame,
}
_year = _sometimes(st.integers(2000, TODAY.year), st.one_of(st.sampled_from(["2023", "二〇二三", 1999, TODAY.year + 1, 2023.0])))


def _law_form() -> st.SearchStrategy[dict[str, Any]]:
    parts = {"measures": _sometimes(_node), "shortcomings": _sometimes(_node), "plans": _sometimes(_node)}
    optional = {"responsibility": _sometimes(_node), "others": _sometimes(_node), "kind": st.sampled_from(["law-based-government", "法治政府建设年度报告"])}
    form = st.fixed_dictionaries({"unit": _sometimes(_words), "year": _year, **parts}, optional={**_shared, **optional})
    return form.flatmap(lambda form: _sometimes(st.just(form), st.just({**form, "signatur": "示例区司法局"})))


def _disclosure_form() -> st.SearchStrategy[dict[str, Any]]:
    """The starter form's figures (which add up), its text parts and shared fields made anew."""
    starter = yaml.safe_load(init_form_text(TODAY, "information-disclosure"))
    figures = {key: st.just(starter[key]) for key in ("proactive", "applications", "appeals")}
    parts = {"overview": _sometimes(_node), "problems": _sometimes(_node), "others": _sometimes(_node)}
    return st.fixed_dictionaries(
        {"kind": st.just("information-disclosure"), "unit": _sometimes(_words), "year": _year, **figures, **parts}, optional=_shared
    )


@pytest.mark.parametrize("forms", [_law_form, _disclosure_form], ids=KINDS)
def test_on_generated_forms_the_schema_and_draft_agree(forms: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("generated")
    seen: Counter[str] = Counter()

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(form=forms())
    def agree_on(form: dict[str, Any]) -> None:
        path = folder / "form.yaml"
        path.write_text(yaml.safe_dump(form, allow_unicode=True, sort_keys=False), encoding="utf-8")
        found = agree(path)
        if found is not None:
            accepted, refusals = found
            verdict = "draft accepts" if accepted else "both refuse" if refusals else "only draft refuses"
            seen[verdict] += 1
            event(verdict)

    agree_on()
    # Both sides were met: forms draft accepts (the schema must take them) and forms the schema refuses.
    assert seen["draft accepts"] and seen["both refuse"], seen


def test_draft_schema_writes_the_schema_a_standard_validator_checks(tmp_path: Path) -> None:
    result = run_cli("schema", "--kind", "information-disclosure", "-o", "schema.json", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    import json

    schema = json.loads((tmp_path / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "draft validate" in schema["description"] and "勾稽关系" in schema["description"]
    assert schema["properties"]["unit"]["title"] == "单位名称"
    assert run_cli("schema", cwd=tmp_path).stdout.startswith("{\"$schema\":")
