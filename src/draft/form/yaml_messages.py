"""Chinese explanations for YAML syntax errors: :func:`describe_syntax_error` tries the rules in order.

PyYAML, and libyaml behind ``CSafeLoader``, describe a syntax error in English
and in terms of YAML's grammar ("while parsing a block mapping ... did not find
expected key"). The people filling in forms need to hear what they typed wrong
and how to fix it. The two parsers word the same error differently, so each
rule (:mod:`draft.form.yaml_rules`) looks for a phrase both of them use, then at
the text around the error to tell apart mistakes that YAML reports alike (a colon
inside a value and a wrongly indented line both give "mapping values are not
allowed"). The rules are tried most specific first; the last is a fallback that
still names the place.
"""

from __future__ import annotations

from collections.abc import Callable

import yaml

from draft.form import yaml_errors as yaml_rules
from draft.form.source_text import SourceText
from draft.form.yaml_error import ErrorReport, SyntaxIssue


def describe_syntax_error(error: yaml.YAMLError, source: SourceText) -> SyntaxIssue:
    """Explain a PyYAML/libyaml syntax error in Chinese, with where to look."""
    if isinstance(error, yaml.reader.ReaderError):
        return _unacceptable_character(error, source)
    report = ErrorReport.of(error, source)
    for rule in _RULES:
        issue = rule(report)
        if issue is not None:
            return issue
    return yaml_rules.fallback(report)


def _unacceptable_character(error: yaml.reader.ReaderError, source: SourceText) -> SyntaxIssue:
    # The loader refuses such characters before parsing, listing all of them;
    # this covers any the parser rejects beyond those.
    line, column = source.position(error.position)
    return SyntaxIssue(
        line,
        column,
        f"这里有一个 YAML 不接受的特殊字符 U+{error.character:04X}，通常是复制粘贴时带进来的。请删掉这个字符。",
    )


_RULES: tuple[Callable[[ErrorReport], SyntaxIssue | None], ...] = (
    yaml_rules.tab,
    yaml_rules.unclosed_quote,
    yaml_rules.bad_escape,
    yaml_rules.mapping_value_here,
    yaml_rules.missing_colon,
    yaml_rules.text_after_quoted_start,
    yaml_rules.in_block_mapping,
    yaml_rules.in_block_sequence,
    yaml_rules.starts_with_indicator,
    yaml_rules.block_scalar,
    yaml_rules.unclosed_bracket,
    yaml_rules.flow_content,
    yaml_rules.document_marker,
)
