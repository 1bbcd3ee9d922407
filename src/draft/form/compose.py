"""YAML text → a small tree of nodes, each with the line and column where it is written.

Built from PyYAML's *event* stream rather than with ``yaml.compose``: libyaml's composer is
recursive C code that crashes the process on deeply nested input (100,000 ``[`` are enough),
libyaml's parser slows down quadratically on such input so reading must stop early, and a
composed tree has forgotten where each ``*alias`` was written. So this composer is a loop, stops
at :data:`~draft.form.limits.MAX_DEPTH` and :data:`~draft.form.limits.MAX_NODES`, and keeps an
alias as a node of its own. Scalars are resolved (``2023`` → int) here, as ``yaml.compose`` does.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import NamedTuple

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingStartEvent,
    ScalarEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from draft.form.limits import MAX_DEPTH, MAX_NODES, TOO_DEEP, TOO_MANY_NODES
from draft.form.load_problems import LoadProblems
from draft.form.loaded import Mark
from draft.form.source_text import SourceText
from draft.form.yaml_messages import describe_syntax_error

#: The YAML parser forms are read with. libyaml's is much faster; PyYAML's own, the fallback where
#: libyaml is not installed, gives the same events and marks. Tests set this to read with each.
PARSER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_BIG_ESCAPE = re.compile(r"\\U([0-9A-Fa-f]{8})")
_RESOLVER = Resolver()


class Scalar(NamedTuple):
    mark: Mark
    value: str
    tag: str
    style: str | None
    start: int  # index of the scalar's first character in the text, for locating escapes
    end: int


class Sequence(NamedTuple):
    mark: Mark
    tag: str | None
    items: list[Node]


class Mapping(NamedTuple):
    mark: Mark
    tag: str | None
    items: list[Node]  # key, value, key, value, ...


class Alias(NamedTuple):
    mark: Mark  # where ``*name`` is written, not where the anchor is
    name: str
    target: Node | None  # None when no ``&name`` came before


Node = Scalar | Sequence | Mapping | Alias


class Composer:
    """Builds the node tree from parser events, without recursion and within the limits."""

    def __init__(self, source: SourceText, problems: LoadProblems) -> None:
        self.source = source
        self.problems = problems
        self.anchors: dict[str, Node] = {}
        self.count = 0

    def compose(self) -> Node | None:
        root: Node | None = None
        open_collections: list[Sequence | Mapping] = []
        documents = 0
        for event in self._events():
            # Most frequent events first: this loop runs once per event.
            node: Node
            if isinstance(event, ScalarEvent):
                node = self._scalar(event)
            elif isinstance(event, CollectionStartEvent):
                node = self._collection(event, len(open_collections))
            elif isinstance(event, CollectionEndEvent):
                open_collections.pop()
                continue
            elif isinstance(event, AliasEvent):
                # An alias event's "anchor" is the name it refers to, not a definition.
                name = event.anchor or ""
                node = Alias(_mark(event), name, self.anchors.get(name))
            elif isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.problems.stop(
                        "文件里出现了第二个用“---”分隔的部分，一个表单文件只能有一份内容。"
                        "请删掉这一行的“---”；如果后面的内容也需要，请把它并入前面的内容。",
                        _mark(event),
                    )
                continue
            else:  # stream start and end, document end
                continue
            self.count += 1
            if self.count > MAX_NODES:
                self.problems.stop(TOO_MANY_NODES, node.mark)
            if event.anchor is not None and not isinstance(node, Alias):
                self._define_anchor(event.anchor, node)
            if open_collections:
                open_collections[-1].items.append(node)
            else:
                root = node
            if isinstance(node, Sequence | Mapping):
                open_collections.append(node)
        return root

    def _events(self) -> Iterator[Event]:
        loader = PARSER(self.source.text)
        try:
            while (event := loader.get_event()) is not None:
                yield event
        except yaml.YAMLError as error:
            if _nesting_refused(error):
                # libyaml (0.2.5 and later) has a depth limit of its own, far above ours,
                # and its scanner may reach it before our composer sees the events.
                self.problems.stop(TOO_DEEP, _problem_mark(error))
            issue = describe_syntax_error(error, self.source)
            self.problems.stop(issue.message, Mark(issue.line, issue.column) if issue.line else None)
        except (ValueError, OverflowError):
            # Only the pure-Python scanner: it calls chr() on "\\UFFFFFFFF" unchecked.
            self.problems.stop(
                "双引号里的“\\U”转义写了一个不存在的字符编码。"
                "如果要写反斜杠本身，请把两边的双引号换成单引号，或者把“\\”写成“\\\\”。",
                self._oversized_escape(),
            )
        finally:
            loader.dispose()

    def _oversized_escape(self) -> Mark | None:
        for match in _BIG_ESCAPE.finditer(self.source.text):
            if int(match.group(1), 16) > sys.maxunicode:
                return Mark(*self.source.position(match.start()))
        return None

    @staticmethod
    def _scalar(event: ScalarEvent) -> Scalar:
        tag = event.tag
        if tag is None or tag == "!":
            tag = _RESOLVER.resolve(ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
        start, end = event.start_mark, event.end_mark
        assert start is not None and end is not None  # always set by the parsers
        return Scalar(Mark(start.line + 1, start.column + 1), event.value, tag, event.style, start.index, end.index)

    def _collection(self, event: CollectionStartEvent, depth: int) -> Sequence | Mapping:
        mark = _mark(event)
        if depth >= MAX_DEPTH:
            # Stop at once: libyaml slows down quadratically on deep nesting.
            self.problems.stop(TOO_DEEP, mark)
        if isinstance(event, MappingStartEvent):
            return Mapping(mark, event.tag, [])
        return Sequence(mark, event.tag, [])

    def _define_anchor(self, name: str, node: Node) -> None:
        earlier = self.anchors.get(name)
        if earlier is not None:
            self.problems.error(
                f"“&{name}”定义了两次（第{earlier.mark.line}行和第{node.mark.line}行），"
                f"引用“*{name}”时分不清是哪一个。请给其中一个换个名字。",
                node.mark,
            )
        # Registered before the children are read, as PyYAML does, so that an
        # alias inside the node to the node itself is found (and refused) later.
        self.anchors[name] = node


def _mark(event: Event) -> Mark:
    """Where an event starts, 1-based."""
    start = event.start_mark
    assert start is not None  # the parsers always set it; the type stubs allow None
    return Mark(start.line + 1, start.column + 1)


def _nesting_refused(error: yaml.YAMLError) -> bool:
    said = f"{getattr(error, 'problem', '')} {getattr(error, 'context', '')}"
    return "nesting depth" in said or "increasing block level" in said or "increasing flow level" in said


def _problem_mark(error: yaml.YAMLError) -> Mark | None:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return Mark(mark.line + 1, mark.column + 1) if mark is not None else None
